// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "tests/support/pgcluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QThread>
#include <QUrl>

#include <csignal>
#include <mutex>
#include <set>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fm::test {

namespace {

// Postmaster pids of running clusters, for the crash handler.
std::mutex g_mutex;
std::set<qint64> g_postmasters;
bool g_handlersInstalled = false;

extern "C" void onFatalSignal(int sig)
{
    // Only async-signal-safe calls: SIGQUIT is PostgreSQL's immediate shutdown.
    for (qint64 pid : g_postmasters)
        ::kill(pid_t(pid), SIGQUIT);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void installHandlers()
{
    if (g_handlersInstalled)
        return;
    g_handlersInstalled = true;
    for (int sig : {SIGINT, SIGTERM, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGHUP})
        ::signal(sig, onFatalSignal);
}

bool isRoot()
{
    return ::geteuid() == 0;
}

struct passwd *postgresUser()
{
    return ::getpwnam("postgres");
}

QString randomPassword()
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString s;
    for (int i = 0; i < 24; ++i)
        s += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return s;
}

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

int freeLoopbackPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    const int port = s.serverPort();
    s.close();
    return port;
}

QString PgCluster::binDir(int majorVersion)
{
    const QString env = qEnvironmentVariable("FLEXMIGRATE_PG_BINDIR");
    if (!env.isEmpty())
        return env;
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    int best = 0;
    for (const QString &v : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const int n = v.toInt();
        if (!QFile::exists(root.filePath(v + QStringLiteral("/bin/initdb"))))
            continue;
        if (majorVersion ? n == majorVersion : n > best)
            best = n;
    }
    return best ? root.filePath(QString::number(best) + QStringLiteral("/bin")) : QString();
}

void PgCluster::reapStale()
{
    QDir tmp(QDir::tempPath());
    for (const QString &d : tmp.entryList({QStringLiteral("flexmigrate-pg-*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString base = tmp.filePath(d);
        QFile owner(base + QStringLiteral("/owner.pid"));
        if (!owner.open(QIODevice::ReadOnly))
            continue;
        const qint64 ownerPid = owner.readAll().trimmed().toLongLong();
        owner.close();
        if (processAlive(ownerPid))
            continue;
        QFile pm(base + QStringLiteral("/data/postmaster.pid"));
        if (pm.open(QIODevice::ReadOnly)) {
            const qint64 pid = pm.readLine().trimmed().toLongLong();
            if (processAlive(pid)) {
                ::kill(pid_t(pid), SIGQUIT);
                for (int i = 0; i < 50 && processAlive(pid); ++i)
                    QThread::msleep(100);
            }
        }
        QDir(base).removeRecursively();
    }
}

PgCluster::PgCluster(PgClusterOptions options) : m_options(std::move(options)) {}

PgCluster::~PgCluster()
{
    destroy();
}

Expected<QString> PgCluster::run(const QString &program, const QStringList &args, int timeoutMs) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_baseDir.isEmpty() ? QDir::tempPath() : m_baseDir);
    const QString exe = m_bin + QLatin1Char('/') + program;
    if (isRoot()) {
        // initdb and postgres refuse to run as root; run them as the postgres OS user.
        p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), exe} + args);
    } else {
        p.start(exe, args);
    }
    if (!p.waitForStarted(10000))
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("ProcessStart"), QStringLiteral("Cannot start %1: %2").arg(exe, p.errorString())));
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("ProcessTimeout"), QStringLiteral("%1 did not finish in time").arg(program)));
    }
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("ProcessFailed"),
                                QStringLiteral("%1 %2 failed (exit %3): %4").arg(program, args.join(QLatin1Char(' '))).arg(p.exitCode()).arg(out.right(2000))));
    return out;
}

Expected<void> PgCluster::start()
{
    if (m_running)
        return {};
    if (!m_initialised) {
        reapStale();
        m_bin = binDir(m_options.majorVersion);
        if (m_bin.isEmpty())
            return fail(Error::make(ErrorCategory::Io, QStringLiteral("NoPostgres"),
                                    QStringLiteral("No PostgreSQL server binaries under /usr/lib/postgresql."),
                                    QStringLiteral("Install postgresql-15 (scripts/test.sh does).")));
        m_major = QDir(m_bin).absolutePath().section(QLatin1Char('/'), -2, -2).toInt();
        QByteArray tmpl = QDir(QDir::tempPath()).filePath(QStringLiteral("flexmigrate-pg-%1-XXXXXX").arg(m_options.name)).toLocal8Bit();
        if (!::mkdtemp(tmpl.data()))
            return fail(Error::make(ErrorCategory::Io, QStringLiteral("TempDir"), QStringLiteral("Cannot create a temp folder for the cluster.")));
        m_baseDir = QString::fromLocal8Bit(tmpl);
        {
            QFile owner(m_baseDir + QStringLiteral("/owner.pid"));
            if (!owner.open(QIODevice::WriteOnly))
                return fail(Error::make(ErrorCategory::Io, QStringLiteral("TempDir"), QStringLiteral("Cannot write %1").arg(owner.fileName())));
            owner.write(QByteArray::number(qint64(::getpid())));
        }
        m_password = Secret(randomPassword());
        {
            QFile pw(m_baseDir + QStringLiteral("/pwfile"));
            if (!pw.open(QIODevice::WriteOnly))
                return fail(Error::make(ErrorCategory::Io, QStringLiteral("TempDir"), QStringLiteral("Cannot write the password file.")));
            pw.write(m_password.reveal().toUtf8() + '\n');
        }
        QDir().mkpath(m_baseDir + QStringLiteral("/sock"));
        if (isRoot()) {
            struct passwd *pg = postgresUser();
            if (!pg)
                return fail(Error::make(ErrorCategory::Io, QStringLiteral("NoPostgresUser"),
                                        QStringLiteral("Running as root, but there is no OS user \"postgres\" to run the server as."),
                                        QStringLiteral("Install the postgresql package, which creates it.")));
            for (const QString &f : {m_baseDir, m_baseDir + QStringLiteral("/sock"), m_baseDir + QStringLiteral("/pwfile")})
                if (::chown(f.toLocal8Bit().constData(), pg->pw_uid, pg->pw_gid) != 0)
                    return fail(Error::make(ErrorCategory::Io, QStringLiteral("Chown"), QStringLiteral("Cannot hand %1 to the postgres user.").arg(f)));
            ::chmod(m_baseDir.toLocal8Bit().constData(), 0755);
        }
        auto init = run(QStringLiteral("initdb"),
                        {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                         QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
                         QStringLiteral("--pwfile=%1/pwfile").arg(m_baseDir), QStringLiteral("-N")});
        QFile::remove(m_baseDir + QStringLiteral("/pwfile"));
        if (!init)
            return fail(init.error());
        QStringList conf = {
            QStringLiteral("listen_addresses = '127.0.0.1'"),
            QStringLiteral("unix_socket_directories = '%1/sock'").arg(m_baseDir),
            QStringLiteral("wal_level = %1").arg(m_options.walLevel),
            QStringLiteral("max_replication_slots = %1").arg(m_options.maxReplicationSlots),
            QStringLiteral("max_wal_senders = %1").arg(m_options.maxWalSenders),
            QStringLiteral("max_worker_processes = %1").arg(m_options.maxWorkerProcesses),
            QStringLiteral("max_logical_replication_workers = %1").arg(m_options.maxLogicalReplicationWorkers),
            QStringLiteral("max_sync_workers_per_subscription = 4"),
            QStringLiteral("shared_buffers = %1").arg(m_options.sharedBuffers),
            QStringLiteral("max_connections = 100"),
            QStringLiteral("lc_messages = 'C'"),
            QStringLiteral("log_min_messages = warning"),
            QStringLiteral("log_line_prefix = '%m [%p] %q%u@%d '"),
        };
        // Some PostgreSQL builds restrict logical decoding plugins (output_plugin_libraries,
        // default "pgoutput, test_decoding"); allow wal2json too, where the setting exists.
        if (auto desc = run(QStringLiteral("postgres"), {QStringLiteral("--describe-config")}); desc && desc->contains(QLatin1String("output_plugin_libraries")))
            conf << QStringLiteral("output_plugin_libraries = 'pgoutput, test_decoding, wal2json'");
        if (!m_options.fsync)
            conf << QStringLiteral("fsync = off") << QStringLiteral("full_page_writes = off") << QStringLiteral("synchronous_commit = off");
        conf << m_options.extraConf;
        QFile pgconf(dataDir() + QStringLiteral("/postgresql.conf"));
        if (!pgconf.open(QIODevice::Append))
            return fail(Error::make(ErrorCategory::Io, QStringLiteral("Config"), QStringLiteral("Cannot append to postgresql.conf")));
        pgconf.write(QStringLiteral("\n# FlexMigrate test cluster\n%1\n").arg(conf.join(QLatin1Char('\n'))).toUtf8());
        pgconf.close();
        m_initialised = true;
    }
    return startServer();
}

Expected<void> PgCluster::startServer()
{
    {
        std::lock_guard lock(g_mutex);
        installHandlers();
    }
    Error last;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (!m_port || attempt > 0)
            m_port = freeLoopbackPort();
        auto r = run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), logFile(), QStringLiteral("-w"),
                                                QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"), QStringLiteral("-p %1").arg(m_port),
                                                QStringLiteral("start")});
        if (r) {
            m_running = true;
            readPostmasterPid();
            return {};
        }
        last = r.error();
        // Another process may have taken the port between our probe and the start: try another.
        if (!serverLog().contains(QLatin1String("could not bind")) && !serverLog().contains(QLatin1String("Address already in use")))
            break;
    }
    last.details = serverLog().right(2000);
    return fail(last);
}

void PgCluster::readPostmasterPid()
{
    QFile pm(dataDir() + QStringLiteral("/postmaster.pid"));
    if (pm.open(QIODevice::ReadOnly))
        m_postmasterPid = pm.readLine().trimmed().toLongLong();
    std::lock_guard lock(g_mutex);
    if (m_postmasterPid)
        g_postmasters.insert(m_postmasterPid);
}

Expected<void> PgCluster::stop()
{
    if (!m_running)
        return {};
    auto r = run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                                            QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("stop")});
    if (!r)
        run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
    {
        std::lock_guard lock(g_mutex);
        g_postmasters.erase(m_postmasterPid);
    }
    m_running = false;
    m_postmasterPid = 0;
    return {};
}

Expected<void> PgCluster::restart()
{
    if (auto r = stop(); !r)
        return r;
    return startServer();
}

void PgCluster::destroy()
{
    if (m_running)
        stop();
    if (!m_baseDir.isEmpty()) {
        QDir(m_baseDir).removeRecursively();
        m_baseDir.clear();
    }
    m_initialised = false;
}

pg::ConnectionParams PgCluster::params(const QString &database) const
{
    pg::ConnectionParams p;
    p.host = host();
    p.port = m_port;
    p.dbname = database;
    p.user = superuser();
    p.password = m_password;
    p.sslmode = QStringLiteral("disable");
    p.kind = pg::ServerKind::Other;
    p.connectTimeoutSeconds = 10;
    return p;
}

QString PgCluster::uri(const QString &database) const
{
    return uriFor(superuser(), m_password.reveal(), database);
}

QString PgCluster::uriFor(const QString &user, const QString &password, const QString &database) const
{
    QString auth = QString::fromUtf8(QUrl::toPercentEncoding(user));
    if (!password.isEmpty())
        auth += QLatin1Char(':') + QString::fromUtf8(QUrl::toPercentEncoding(password));
    return QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=disable")
        .arg(auth, host())
        .arg(m_port)
        .arg(QString::fromUtf8(QUrl::toPercentEncoding(database)));
}

Expected<void> PgCluster::execute(const QString &database, const QString &sql) const
{
    auto c = pg::Connection::open(params(database));
    if (!c)
        return fail(c.error());
    return c->execScript(sql);
}

Expected<pg::Result> PgCluster::query(const QString &database, const QString &sql, const QStringList &params_) const
{
    auto c = pg::Connection::open(params(database));
    if (!c)
        return fail(c.error());
    return c->exec(sql, params_);
}

Expected<void> PgCluster::createDatabase(const QString &name) const
{
    return execute(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(pg::quoteIdent(name)));
}

QString PgCluster::serverLog() const
{
    QFile f(logFile());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace fm::test
