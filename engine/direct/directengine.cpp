// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/directengine.h"

#include "engine/core/logging.h"
#include "engine/direct/dumpscript.h"
#include "engine/direct/journal.h"
#include "engine/pg/connection.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

#include <libpq-fe.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <set>

namespace fm::direct {

namespace {

auto log()
{
    static auto l = logging::get("engine.direct");
    return l;
}

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

enum TableState { Queued, Copying, Copied, Indexing, Resyncing, Streaming, Done };
const char *tableStateName(int s)
{
    static const char *names[] = {"queued", "copying", "copied", "indexing", "resyncing", "streaming", "done"};
    return s >= 0 && s <= Done ? names[s] : "unknown";
}

std::string js(const QString &s) { return s.toStdString(); }

QString sanitize(const QString &s)
{
    QString out;
    for (QChar ch : s.toLower())
        out += (ch >= QLatin1Char('a') && ch <= QLatin1Char('z')) || (ch >= QLatin1Char('0') && ch <= QLatin1Char('9')) ? ch : QLatin1Char('_');
    return out;
}

QString shortHash(const QString &s)
{
    return QString::fromLatin1(QCryptographicHash::hash(s.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
}

/** A text[] literal for a parameter ("{"a","b"}"), every element quoted. */
QString textArray(const QStringList &values)
{
    QStringList quoted;
    for (QString v : values) {
        v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        v.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        quoted << QLatin1Char('"') + v + QLatin1Char('"');
    }
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

Error directError(const QString &code, const QString &message, const QString &fix = {})
{
    return Error::make(ErrorCategory::Postgres, code, message, fix);
}

struct TableRun {
    QString schema, name, rootSchema, rootName, columns, replident;
    bool textFormat = false;
    bool hasIdentity = false;
    bool ownAutovacuum = false; ///< the source table sets autovacuum_enabled itself: left alone
    qint64 heapBytes = 0, bytes = 0, estRows = 0, blockSize = 8192;
    std::atomic<int> state{Queued};
    std::atomic<qint64> rows{0}, bytesCopied{0};
    std::atomic<int> chunksLeft{0};
    bool baseline = false;
    qint64 ins0 = 0, upd0 = 0, del0 = 0;
    std::atomic<qint64> ins{0}, upd{0}, del{0};

    QString qualified() const { return pg::qualifiedName(schema, name); }
    QString unit() const { return pg::qualifiedName(rootSchema, rootName); }
};

struct CopyTask {
    TableRun *table = nullptr;
    int entry = -1;        ///< >= 0: not a copy but post-data entry #entry (an index of a copied table)
    qint64 fromBlock = -1; ///< -1: whole table
    qint64 toBlock = -1;   ///< -1: unbounded
};

struct DbRun {
    QString name;
    QString phase = QStringLiteral("queued"); // guarded by Engine::mutex
    std::vector<std::unique_ptr<TableRun>> tables;
    QStringList units; ///< top-level tables ("schema"."name"), publication members
    QString slot, publication, subscription, hbSchema;
    QString postData; ///< post-data script dumped at the snapshot
    DumpScript postScript;
    std::set<int> postDone; ///< entries already run (indexes built while other tables were still copying)
    Clock::time_point copyStart{};
    double copySeconds = 0;
    std::atomic<qint64> lagBytes{-1};
    double lagSeconds = -1; // guarded by Engine::mutex
    // control-thread only:
    std::optional<pg::Connection> srcHb, tgtMon;
    qint64 hbSeq = 0;
    std::deque<std::pair<qint64, Clock::time_point>> hbSent;
    bool caughtUp = false;

    QString hbTable() const { return pg::qualifiedName(hbSchema, QStringLiteral("heartbeat")); }
};

} // namespace

// ====================================================================== Engine

class Engine
{
public:
    explicit Engine(DirectOptions o) : opt(std::move(o)), journal(resolveJournalPath(opt)) {}

    static QString resolveJournalPath(const DirectOptions &o)
    {
        if (!o.journalPath.isEmpty())
            return o.journalPath;
        QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (dir.isEmpty())
            dir = QDir::homePath() + QStringLiteral("/.local/share/flexmigrate");
        return dir + QStringLiteral("/direct/") + sanitize(o.name) + QStringLiteral(".json");
    }

    DirectOptions opt;
    CancelToken cancel;
    enum class StopKind { None, Cancel, Stop };
    std::atomic<StopKind> stopKind{StopKind::None};
    std::atomic<bool> cutoverRequested{false};
    std::atomic<bool> finished{false};
    mutable std::mutex mutex;
    Expected<void> res;
    QString state = QStringLiteral("starting");
    QString error;
    std::vector<nlohmann::json> events;
    std::vector<std::unique_ptr<DbRun>> dbs;
    Journal journal;
    Clock::time_point started = Clock::now();
    mutable std::deque<std::tuple<Clock::time_point, qint64, qint64>> samples;
    QString pgDump;
    bool targetSuperuser = false;
    std::optional<pg::Connection> tgtAdmin;
    bool initialized = false; ///< the journal is ours: failures from here on clean up and are journaled
    std::vector<std::thread> analyzers;

    /** Planner statistics on the target (COPY leaves none), in the background while changes stream. */
    void startAnalyze(DbRun &d)
    {
        const QString db = d.name;
        analyzers.emplace_back([this, db] {
            const auto t0 = Clock::now();
            auto tgt = pg::Connection::open(targetFor(db), &cancel);
            if (!tgt)
                return;
            if (auto r = tgt->exec(QStringLiteral("ANALYZE"), {}, &cancel); !r) {
                if (!r.error().isCancelled())
                    log()->warn("ANALYZE of {} on the target failed: {}", db, r.error().toDisplayString());
                return;
            }
            event({{"event", "analyzed"}, {"database", js(db)}, {"seconds", secondsSince(t0)}});
        });
    }
    void joinAnalyzers()
    {
        for (auto &t : analyzers)
            if (t.joinable())
                t.join();
        analyzers.clear();
    }

    // ------------------------------------------------------------------ helpers
    void event(nlohmann::json e)
    {
        e["time"] = js(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        std::lock_guard lock(mutex);
        events.push_back(std::move(e));
    }
    void setState(const QString &s)
    {
        std::lock_guard lock(mutex);
        state = s;
    }
    JournalDatabase &jdb(const DbRun &d) { return journal.databases[d.name]; }
    void saveJournal()
    {
        std::lock_guard lock(journal.mutex);
        if (auto r = journal.save(); !r)
            log()->warn("{}", r.error().toDisplayString());
    }
    void setPhase(DbRun &d, const QString &phase, bool persist = true)
    {
        {
            std::lock_guard lock(mutex);
            d.phase = phase;
        }
        if (persist) {
            {
                std::lock_guard lock(journal.mutex);
                journal.databases[d.name].phase = phase;
            }
            saveJournal();
        }
        event({{"event", "phase"}, {"database", js(d.name)}, {"phase", js(phase)}});
    }
    void setTables(DbRun &d, TableState s)
    {
        for (auto &t : d.tables)
            t->state = s;
    }

    pg::ConnectionParams sourceFor(const QString &db) const { return opt.source.withDatabase(db); }
    pg::ConnectionParams targetFor(const QString &db) const { return opt.target.withDatabase(db); }

    /** A source connection that may write even when the database was frozen read-only. */
    Expected<pg::Connection> openSourceWritable(const QString &db, CancelToken *c)
    {
        auto conn = pg::Connection::open(sourceFor(db), c);
        if (!conn)
            return conn;
        if (auto r = conn->exec(QStringLiteral("SET default_transaction_read_only = off")); !r)
            return fail(r.error());
        return conn;
    }

    bool sleepFor(int ms)
    {
        const auto until = Clock::now() + std::chrono::milliseconds(ms);
        while (Clock::now() < until) {
            if (cancel.isCancelled())
                return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(std::min(ms, 20)));
        }
        return !cancel.isCancelled();
    }

    // ------------------------------------------------------------------ run
    void run()
    {
        Expected<void> r = runAll();
        if (!r)
            cancel.cancel(); // stops a running ANALYZE before the cleanup
        joinAnalyzers();
        closeMonitors();
        QString finalState;
        if (!r && !initialized) {
            // Bad input or an unusable journal: nothing was created, nothing is written.
            std::lock_guard lock(mutex);
            state = QStringLiteral("failed");
            res = r;
            error = r.error().toDisplayString();
            events.push_back({{"event", "error"}, {"message", js(r.error().message)}, {"code", js(r.error().code)}, {"fix", js(r.error().fix)}});
            events.push_back({{"event", "finished"}, {"state", "failed"}});
            finished = true;
            return;
        }
        if (r) {
            finalState = QStringLiteral("done");
        } else if (r.error().isCancelled() && stopKind == StopKind::Stop) {
            event({{"event", "stopping"}});
            cleanupAll(false);
            finalState = QStringLiteral("stopped");
            r = {};
        } else {
            const bool cancelled = r.error().isCancelled();
            if (!cancelled) {
                log()->error("direct migration failed: {}", r.error().toDisplayString());
                event({{"event", "error"}, {"message", js(r.error().message)}, {"code", js(r.error().code)}, {"fix", js(r.error().fix)}});
            }
            // A database this run created holds an unusable partial copy: it goes too.
            cleanupAll(true);
            finalState = cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
        }
        {
            std::lock_guard lock(journal.mutex);
            journal.state = finalState;
        }
        saveJournal();
        {
            std::lock_guard lock(mutex);
            state = finalState;
            res = r;
            if (!r)
                error = r.error().toDisplayString();
        }
        event({{"event", "finished"}, {"state", js(finalState)}});
        finished = true;
    }

    void closeMonitors()
    {
        for (auto &d : dbs) {
            d->srcHb.reset();
            d->tgtMon.reset();
        }
        tgtAdmin.reset();
    }

    Expected<void> runAll()
    {
        if (opt.databases.isEmpty())
            return fail(Error::validation(QStringLiteral("NoDatabase"), QStringLiteral("Name at least one database to migrate (--db).")));
        if (opt.jobs < 1 || opt.jobs > 64)
            return fail(Error::validation(QStringLiteral("BadJobs"), QStringLiteral("--jobs must be between 1 and 64.")));
        pgDump = findPgDump(opt.pgBinDir);

        // Journal: a fresh run refuses to overwrite an interrupted one.
        {
            std::lock_guard lock(journal.mutex);
            auto loaded = journal.load();
            if (!loaded)
                return fail(loaded.error());
            if (opt.resume && !*loaded)
                return fail(Error::validation(QStringLiteral("NothingToResume"),
                                              QStringLiteral("Nothing to resume: there is no journal for migration \"%1\" (%2).").arg(opt.name, journal.path()),
                                              QStringLiteral("Run without --resume to start, or give the same --name/--journal as before.")));
            if (!opt.resume && *loaded && journal.state == QLatin1String("running"))
                return fail(Error::validation(QStringLiteral("InterruptedMigration"),
                                              QStringLiteral("Migration \"%1\" was interrupted and can be resumed (journal %2).").arg(opt.name, journal.path()),
                                              QStringLiteral("Run again with --resume to continue (interrupting that run with Ctrl-C removes every replication object), or choose another --name.")));
            if (!opt.resume || journal.state != QLatin1String("running")) {
                if (opt.resume)
                    return fail(Error::validation(QStringLiteral("NothingToResume"),
                                                  QStringLiteral("Nothing to resume: migration \"%1\" already ended (%2).").arg(opt.name, journal.state),
                                                  QStringLiteral("Run without --resume to start again.")));
                journal.databases.clear();
            }
            initialized = true;
            journal.name = opt.name;
            journal.source = opt.source.displayName();
            journal.target = opt.target.displayName();
            journal.state = QStringLiteral("running");
            for (const QString &db : opt.databases) {
                JournalDatabase &jd = journal.databases[db];
                if (jd.slot.isEmpty()) {
                    jd.slot = objectName(opt.name, db);
                    jd.publication = jd.slot;
                    jd.subscription = jd.slot;
                    jd.heartbeatSchema = objectName(opt.name, QStringLiteral("hb"));
                }
            }
        }
        for (const QString &db : opt.databases) {
            auto d = std::make_unique<DbRun>();
            d->name = db;
            const JournalDatabase &jd = journal.databases[db];
            d->slot = jd.slot;
            d->publication = jd.publication;
            d->subscription = jd.subscription;
            d->hbSchema = jd.heartbeatSchema;
            d->phase = jd.phase == QLatin1String("indexed") ? QStringLiteral("copied") : jd.phase;
            std::lock_guard lock(mutex);
            dbs.push_back(std::move(d));
        }
        saveJournal();

        if (auto r = checkServers(); !r)
            return r;

        setState(QStringLiteral("copying"));
        for (auto &d : dbs) {
            if (auto r = bringToStreaming(*d); !r)
                return r;
        }
        setState(QStringLiteral("streaming"));
        return streamUntilCutover();
    }

    // ------------------------------------------------------------------ checks
    Expected<void> checkServers()
    {
        auto src = pg::Connection::open(opt.source, &cancel);
        if (!src)
            return fail(src.error());
        auto s = src->execNamed(QStringLiteral("direct/role"), {}, &cancel);
        if (!s)
            return fail(s.error());
        tgtAdmin.emplace();
        auto tgt = pg::Connection::open(opt.target, &cancel);
        if (!tgt)
            return fail(tgt.error());
        *tgtAdmin = std::move(*tgt);
        auto t = tgtAdmin->execNamed(QStringLiteral("direct/role"), {}, &cancel);
        if (!t)
            return fail(t.error());
        const QString noClientSide = QStringLiteral(" Client-side logical decoding, which would avoid this, is not implemented yet.");
        // DESIGN.md: Azure Single Server can decode but not publish/subscribe.
        if (opt.source.kind == pg::ServerKind::AzureSingleServer
            || (opt.source.isAzureHost() && opt.source.user.contains(QLatin1Char('@'))))
            return fail(directError(QStringLiteral("NativeSubscriptionImpossible"),
                                    QStringLiteral("The source is an Azure Single Server, which cannot publish to a native subscription.%1").arg(noClientSide),
                                    QStringLiteral("Use the Azure migration service backend for this source.")));
        if (s->text(0, "wal_level") != QLatin1String("logical"))
            return fail(directError(QStringLiteral("SourceNotLogical"),
                                    QStringLiteral("The source has wal_level=%1; change capture needs wal_level=logical.").arg(s->text(0, "wal_level")),
                                    QStringLiteral("ALTER SYSTEM SET wal_level = logical and restart the source (on Azure Single Server: azure.replication_support = logical).")));
        if (!s->toBool(0, "is_superuser") && !s->toBool(0, "has_replication"))
            return fail(directError(QStringLiteral("SourceNoReplication"),
                                    QStringLiteral("The source user %1 may not create replication slots (needs REPLICATION or superuser).").arg(opt.source.roleName()),
                                    QStringLiteral("ALTER ROLE %1 WITH REPLICATION.").arg(pg::quoteIdent(opt.source.roleName()))));
        const int freeSlots = int(s->toInt(0, "max_slots") - s->toInt(0, "slots_used"));
        if (!opt.resume && freeSlots < opt.databases.size())
            return fail(directError(QStringLiteral("SourceNoSlots"),
                                    QStringLiteral("The source has %1 free replication slot(s); %2 database(s) need one each.").arg(freeSlots).arg(opt.databases.size()),
                                    QStringLiteral("Raise max_replication_slots on the source (restart needed) or drop unused slots.")));
        targetSuperuser = t->toBool(0, "is_superuser");
        if (!targetSuperuser && !t->toBool(0, "may_create_subscription"))
            return fail(directError(QStringLiteral("NativeSubscriptionImpossible"),
                                    QStringLiteral("A native subscription cannot be created on the target: user %1 is not a superuser%2.%3")
                                        .arg(opt.target.roleName(),
                                             t->toInt(0, "version_num") >= 160000 ? QStringLiteral(" and not a member of pg_create_subscription") : QStringLiteral(" (PostgreSQL < 16 requires one)"),
                                             noClientSide),
                                    QStringLiteral("Use a superuser on the target (or PostgreSQL 16+ with pg_create_subscription).")));
        if (t->toInt(0, "max_lr_workers") < 1)
            return fail(directError(QStringLiteral("NativeSubscriptionImpossible"),
                                    QStringLiteral("The target has max_logical_replication_workers=%1, so a subscription cannot apply changes.%2")
                                        .arg(t->toInt(0, "max_lr_workers")).arg(noClientSide),
                                    QStringLiteral("Raise max_logical_replication_workers on the target (restart needed).")));
        if (t->toInt(0, "max_lr_workers") < t->toInt(0, "subscriptions") + opt.databases.size())
            event({{"event", "warning"},
                   {"message", js(QStringLiteral("The target allows %1 logical replication workers and will have %2 subscriptions; some may wait for a worker.")
                                      .arg(t->toInt(0, "max_lr_workers")).arg(t->toInt(0, "subscriptions") + opt.databases.size()))}});
        return {};
    }

    // ------------------------------------------------------------------ per database
    Expected<void> loadTables(DbRun &d, pg::Connection &src)
    {
        auto r = src.execNamed(QStringLiteral("direct/tables"), {}, &cancel);
        if (!r)
            return fail(r.error());
        std::vector<std::unique_ptr<TableRun>> tables;
        QStringList units;
        for (int i = 0; i < r->rows(); ++i) {
            auto t = std::make_unique<TableRun>();
            t->schema = r->text(i, "schema");
            t->name = r->text(i, "name");
            t->rootSchema = r->text(i, "root_schema");
            t->rootName = r->text(i, "root_name");
            t->columns = r->text(i, "columns");
            t->replident = r->text(i, "replident");
            t->hasIdentity = r->toBool(i, "has_identity");
            t->ownAutovacuum = r->toBool(i, "own_autovacuum");
            t->textFormat = r->toBool(i, "needs_text");
            t->heapBytes = r->toInt(i, "heap_bytes");
            t->bytes = r->toInt(i, "bytes");
            t->estRows = r->toInt(i, "est_rows");
            t->blockSize = std::max<qint64>(1024, r->toInt(i, "block_size"));
            if (t->schema == t->rootSchema && t->name == t->rootName)
                units << t->qualified();
            if (r->text(i, "relkind") == QLatin1String("r"))
                tables.push_back(std::move(t));
        }
        std::lock_guard lock(mutex);
        d.tables = std::move(tables);
        d.units = units;
        return {};
    }

    Expected<void> bringToStreaming(DbRun &d)
    {
        QString phase;
        {
            std::lock_guard lock(mutex);
            phase = d.phase;
        }
        auto src = openSourceWritable(d.name, &cancel);
        if (!src)
            return fail(src.error());
        if (phase == QLatin1String("done")) {
            if (auto r = loadTables(d, *src); !r)
                return r;
            setTables(d, Done);
            return {};
        }
        if (phase == QLatin1String("queued") || phase == QLatin1String("preparing") || phase == QLatin1String("cleaned")) {
            if (phase == QLatin1String("preparing"))
                cleanupDb(d, /*dropCreatedTarget=*/true);
            if (auto r = prepareAndCopy(d, *src); !r)
                return r;
            phase = QStringLiteral("copied");
        } else if (phase == QLatin1String("copying")) {
            // The exported snapshot died with the previous process: hand the
            // unfinished tables to the subscription's own table sync.
            if (auto r = loadTables(d, *src); !r)
                return r;
            return resumeCopying(d, *src);
        } else if (auto r = loadTables(d, *src); !r) {
            return r;
        }
        if (phase == QLatin1String("copied")) {
            const bool resumed = d.postData.isEmpty();
            setPhase(d, QStringLiteral("indexing"), false);
            if (auto r = buildPostData(d, resumed); !r)
                return r;
            {
                std::lock_guard lock(journal.mutex);
                jdb(d).phase = QStringLiteral("indexed");
            }
            saveJournal();
            phase = QStringLiteral("indexed");
        }
        if (phase == QLatin1String("indexed") || phase == QLatin1String("streaming") || phase == QLatin1String("cutover")) {
            if (auto r = subscribe(d); !r)
                return r;
            setTables(d, Streaming);
            setPhase(d, QStringLiteral("streaming"));
            event({{"event", "streaming"}, {"database", js(d.name)}});
            startAnalyze(d);
        }
        return {};
    }

    Expected<void> ensureTargetDatabase(DbRun &d, bool allowExisting)
    {
        auto exists = tgtAdmin->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {d.name}, &cancel);
        if (!exists)
            return fail(exists.error());
        if (exists->rows() == 0) {
            if (auto r = tgtAdmin->exec(QStringLiteral("CREATE DATABASE %1").arg(pg::quoteIdent(d.name)), {}, &cancel); !r)
                return fail(r.error());
            {
                std::lock_guard lock(journal.mutex);
                jdb(d).createdTargetDatabase = true;
            }
            saveJournal();
            return {};
        }
        if (allowExisting)
            return {};
        auto tgt = pg::Connection::open(targetFor(d.name), &cancel);
        if (!tgt)
            return fail(tgt.error());
        auto n = tgt->execNamed(QStringLiteral("direct/user_table_count"), {}, &cancel);
        if (!n)
            return fail(n.error());
        if (n->toInt(0, "tables") > 0)
            return fail(directError(QStringLiteral("TargetNotEmpty"),
                                    QStringLiteral("The target database \"%1\" already has %2 table(s); the direct engine copies into an empty database.")
                                        .arg(d.name).arg(n->toInt(0, "tables")),
                                    QStringLiteral("Drop the target database (or its tables) first, or resume the earlier run with --resume.")));
        return {};
    }

    Expected<void> prepareAndCopy(DbRun &d, pg::Connection &src)
    {
        setPhase(d, QStringLiteral("preparing"));
        if (auto r = ensureTargetDatabase(d, false); !r)
            return r;
        if (auto r = loadTables(d, src); !r)
            return r;

        // Tables without a replica identity would make UPDATE/DELETE fail on the
        // source once published (bench-baseline.md, "Pitfall"): FULL until cleanup.
        QStringList changed;
        for (const auto &t : d.tables) {
            const bool none = t->replident == QLatin1String("n") || (t->replident == QLatin1String("d") && !t->hasIdentity)
                              || (t->replident == QLatin1String("i") && !t->hasIdentity);
            if (!none)
                continue;
            {
                std::lock_guard lock(journal.mutex);
                jdb(d).replicaIdentityChanged[t->qualified()] = t->replident;
            }
            saveJournal();
            if (auto r = src.exec(QStringLiteral("ALTER TABLE %1 REPLICA IDENTITY FULL").arg(t->qualified()), {}, &cancel); !r)
                return fail(r.error());
            changed << t->qualified();
        }
        if (!changed.isEmpty())
            event({{"event", "replica-identity-full"}, {"database", js(d.name)}, {"tables", js(changed.join(QStringLiteral(", ")))}});

        // Heartbeat row: lag in time, and the cutover's drain marker.
        const QString hb = d.hbTable();
        if (auto r = src.execScript(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1; CREATE TABLE IF NOT EXISTS %2 (id int PRIMARY KEY, seq bigint NOT NULL, ts timestamptz NOT NULL);"
                                                   "INSERT INTO %2 VALUES (1, 0, clock_timestamp()) ON CONFLICT (id) DO NOTHING;")
                                        .arg(pg::quoteIdent(d.hbSchema), hb),
                                    &cancel);
            !r)
            return fail(r.error());
        if (auto r = loadTables(d, src); !r) // now with the heartbeat table
            return r;

        // Publication: an explicit table list (not FOR ALL TABLES) so a resumed
        // run can take unfinished tables out and hand them to table sync.
        QString members = d.units.join(QStringLiteral(", "));
        if (auto r = src.exec(QStringLiteral("CREATE PUBLICATION %1 FOR TABLE %2 WITH (publish_via_partition_root = true)")
                                  .arg(pg::quoteIdent(d.publication), members),
                              {}, &cancel);
            !r) {
            Error e = r.error();
            e.message = QStringLiteral("The source cannot publish database \"%1\" (%2), so a native subscription is impossible. "
                                       "Client-side logical decoding, which would avoid this, is not implemented yet.")
                            .arg(d.name, e.message);
            if (e.code.isEmpty() || e.code == QLatin1String("42501"))
                e.fix = QStringLiteral("Connect to the source as the owner of the tables or a superuser.");
            return fail(e);
        }

        // The slot and its exported snapshot: one consistent point for schema, data and changes.
        pg::ConnectionParams rp = sourceFor(d.name);
        rp.extra.insert(QStringLiteral("replication"), QStringLiteral("database"));
        auto repl = pg::Connection::open(rp, &cancel);
        if (!repl)
            return fail(repl.error());
        const QByteArray cmd = QStringLiteral("CREATE_REPLICATION_SLOT %1 LOGICAL pgoutput (SNAPSHOT 'export')").arg(pg::quoteIdent(d.slot)).toUtf8();
        pg::Result slotRes(PQexec(repl->raw(), cmd.constData()));
        if (PQresultStatus(slotRes.raw()) != PGRES_TUPLES_OK)
            return fail(pg::queryError(repl->raw(), slotRes.raw(), QStringLiteral("Creating replication slot %1").arg(d.slot)));
        const QString snapshot = slotRes.text(0, "snapshot_name");
        event({{"event", "slot-created"}, {"database", js(d.name)}, {"slot", js(d.slot)}, {"consistentPoint", js(slotRes.text(0, "consistent_point"))}});

        // Schema: pre-data now, post-data dumped now (same snapshot) and run after the copy.
        auto postFuture = std::async(std::launch::async, [&] {
            return runPgDump(pgDump, sourceFor(d.name), QStringLiteral("post-data"), snapshot, &cancel);
        });
        auto pre = runPgDump(pgDump, sourceFor(d.name), QStringLiteral("pre-data"), snapshot, &cancel);
        auto post = postFuture.get();
        if (!pre)
            return fail(pre.error());
        if (!post)
            return fail(post.error());
        d.postData = *post;
        d.postScript = DumpScript::parse(d.postData);
        {
            auto tgt = pg::Connection::open(targetFor(d.name), &cancel);
            if (!tgt)
                return fail(tgt.error());
            if (auto r = tgt->execScript(DumpScript::parse(*pre).toScript(), &cancel); !r) {
                Error e = r.error();
                e.message = QStringLiteral("Creating the schema of \"%1\" on the target failed: %2").arg(d.name, e.message);
                return fail(e);
            }
            // Autovacuum would vacuum and analyze the tables while they fill
            // (each range commits on its own), competing with the copy: off
            // until the indexes are built (buildPostData turns it back on).
            if (auto r = tgt->execScript(autovacuumScript(d, false), &cancel); !r)
                return fail(r.error());
        }
        event({{"event", "schema-created"}, {"database", js(d.name)}});

        setPhase(d, QStringLiteral("copying"));
        event({{"event", "copy-started"}, {"database", js(d.name)}});
        d.copyStart = Clock::now();
        if (auto r = copyTables(d, snapshot, &*repl); !r)
            return r;
        d.copySeconds = secondsSince(d.copyStart);
        qint64 rows = 0, bytes = 0;
        for (const auto &t : d.tables) {
            rows += t->rows;
            bytes += t->bytesCopied;
        }
        setPhase(d, QStringLiteral("copied"));
        event({{"event", "copy-finished"}, {"database", js(d.name)}, {"seconds", d.copySeconds}, {"rows", rows}, {"bytes", bytes}});
        return {};
    }

    // ------------------------------------------------------------------ copy
    Expected<void> copyTables(DbRun &d, const QString &snapshot, pg::Connection *repl)
    {
        QStringList done;
        {
            std::lock_guard lock(journal.mutex);
            done = jdb(d).doneUnits;
        }
        std::deque<CopyTask> tasks;
        std::deque<CopyTask> indexTasks; // ready post-data entries: run before further copies
        std::deque<CopyTask> splitTasks; // ranges of the big tables go first, so their indexes can start early
        std::map<QString, int> leavesLeft;
        // Indexes and PK/unique constraints of one table can be built as soon as
        // that table is copied, while the other workers still copy (pgcopydb does the same).
        std::map<QString, std::vector<int>> entriesOf;
        {
            static const QRegularExpression onTable(QStringLiteral("\\bON\\s+(?!ONLY\\b)(\\S+)\\s+USING\\b"));
            static const QRegularExpression alterTable(QStringLiteral("^ALTER TABLE ONLY\\s+(\\S+)\\s"), QRegularExpression::MultilineOption);
            for (int i = 0; i < int(d.postScript.entries.size()); ++i) {
                const DumpEntry &e = d.postScript.entries[size_t(i)];
                QRegularExpressionMatch m;
                if (e.type == QLatin1String("INDEX"))
                    m = onTable.match(e.sql);
                else if (e.type == QLatin1String("CONSTRAINT"))
                    m = alterTable.match(e.sql);
                else
                    continue;
                if (m.hasMatch())
                    entriesOf[unquoted(m.captured(1))].push_back(i);
            }
        }
        for (auto &t : d.tables) {
            if (done.contains(t->unit())) {
                t->state = Copied;
                continue;
            }
            leavesLeft[t->unit()]++;
            const qint64 blocks = t->heapBytes / t->blockSize;
            if (t->heapBytes > opt.splitThresholdBytes && blocks > 16) {
                // ctid ranges (TID range scans, PostgreSQL 14+) let every worker share a big table.
                // Small ranges (~16 MB) keep the tail short: the table's indexes wait for its last range.
                const qint64 n = std::clamp<qint64>(std::max<qint64>(opt.jobs * 4, t->heapBytes / (16LL << 20)), 2, 512);
                const qint64 per = (blocks + n - 1) / n;
                int chunks = 0;
                for (qint64 b = 0; b < blocks; b += per) {
                    splitTasks.push_back({t.get(), -1, b, b + per >= blocks ? -1 : b + per});
                    ++chunks;
                }
                t->chunksLeft = chunks;
            } else {
                tasks.push_back({t.get(), -1, -1, -1});
                t->chunksLeft = 1;
            }
        }
        tasks.insert(tasks.begin(), splitTasks.begin(), splitTasks.end());
        // Tables with GIN/GiST/... indexes first: those builds cannot use parallel
        // workers, so they should overlap the rest of the copy instead of ending it.
        std::set<QString> slowIndexes;
        for (const auto &[table, entries] : entriesOf)
            for (int e : entries)
                if (d.postScript.entries[size_t(e)].type == QLatin1String("INDEX")
                    && !d.postScript.entries[size_t(e)].sql.contains(QLatin1String("USING btree")))
                    slowIndexes.insert(table);
        std::stable_partition(tasks.begin(), tasks.end(),
                              [&](const CopyTask &t) { return slowIndexes.count(unquoted(t.table->qualified())) > 0; });
        // Unit keys for units with no leaves (empty partitioned roots) count as done at once.
        for (const QString &u : d.units)
            if (!leavesLeft.count(u) && !done.contains(u)) {
                std::lock_guard lock(journal.mutex);
                jdb(d).doneUnits << u;
            }
        if (tasks.empty())
            return {};

        std::mutex qmutex;
        CancelToken local;
        CancelRegistration link(&cancel, [&local] { local.cancel(); });
        std::optional<Error> firstError;
        std::atomic<int> started{0};
        const int workers = int(std::min<size_t>(size_t(opt.jobs), tasks.size()));
        auto pop = [&]() -> std::optional<CopyTask> {
            std::lock_guard lock(qmutex);
            if (local.isCancelled())
                return std::nullopt;
            std::deque<CopyTask> &q = indexTasks.empty() ? tasks : indexTasks;
            if (q.empty())
                return std::nullopt;
            CopyTask t = q.front();
            q.pop_front();
            return t;
        };
        auto tableCopied = [&](TableRun *t) {
            std::lock_guard lock(qmutex);
            auto it = entriesOf.find(unquoted(t->qualified()));
            if (it == entriesOf.end())
                return;
            // Big indexes first: the longest builds start earliest.
            for (int e : it->second)
                indexTasks.push_back({t, e, -1, -1});
            entriesOf.erase(it);
        };
        auto failWith = [&](const Error &e) {
            {
                std::lock_guard lock(qmutex);
                if (!firstError)
                    firstError = e;
            }
            local.cancel();
        };
        auto unitDone = [&](TableRun *t) {
            bool last = false;
            {
                std::lock_guard lock(qmutex);
                last = --leavesLeft[t->unit()] == 0;
            }
            event({{"event", "table-copied"}, {"database", js(d.name)}, {"table", js(t->qualified())}, {"rows", qint64(t->rows)}, {"bytes", qint64(t->bytesCopied)}});
            if (last) {
                {
                    std::lock_guard lock(journal.mutex);
                    jdb(d).doneUnits << t->unit();
                }
                saveJournal();
            }
        };

        std::vector<std::thread> threads;
        for (int w = 0; w < workers; ++w) {
            threads.emplace_back([&, w] {
                auto src = pg::Connection::open(sourceFor(d.name), &local);
                if (src) {
                    auto b = src->exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"), {}, &local);
                    if (b)
                        b = src->exec(QStringLiteral("SET TRANSACTION SNAPSHOT %1").arg(src->quoteLiteral(snapshot)), {}, &local);
                    if (!b)
                        failWith(b.error());
                } else {
                    failWith(src.error());
                }
                ++started;
                if (!src || local.isCancelled())
                    return;
                auto tgt = pg::Connection::open(targetFor(d.name), &local);
                if (!tgt)
                    return failWith(tgt.error());
                // Asynchronous commit: a crash mid-copy re-copies the table anyway (journal).
                if (auto r = tgt->exec(QStringLiteral("SET synchronous_commit = off"), {}, &local); !r)
                    return failWith(r.error());
                bool prologueDone = false;
                while (auto task = pop()) {
                    TableRun *t = task->table;
                    if (task->entry >= 0) {
                        const DumpEntry &e = d.postScript.entries[size_t(task->entry)];
                        if (!prologueDone) {
                            prologueDone = true;
                            if (auto r = prepareIndexSession(*tgt, d.postScript, &local); !r)
                                return failWith(r.error());
                        }
                        t->state = Indexing;
                        if (auto r = tgt->execScript(e.sql, &local); !r) {
                            Error err = r.error();
                            err.message = QStringLiteral("Building %1 %2 on the target failed: %3").arg(e.type, e.name, err.message);
                            return failWith(err);
                        }
                        t->state = Copied;
                        std::lock_guard lock(qmutex);
                        d.postDone.insert(task->entry);
                        continue;
                    }
                    t->state = Copying;
                    if (auto r = copyChunk(*src, *tgt, *task, local); !r)
                        return failWith(r.error());
                    if (--t->chunksLeft == 0) {
                        t->state = Copied;
                        tableCopied(t);
                        unitDone(t);
                    }
                }
                src->exec(QStringLiteral("COMMIT"));
                (void)w;
            });
        }
        // The exporting connection must stay open until every worker imported the snapshot.
        while (started < workers && !local.isCancelled())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        while (started < workers)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (repl)
            *repl = pg::Connection();
        for (auto &th : threads) {
            // Keep other databases' status fresh while this one copies.
            th.join();
        }
        if (firstError)
            return fail(*firstError);
        if (cancel.isCancelled())
            return fail(Error::cancelled());
        saveJournal();
        return {};
    }

    Expected<void> copyChunk(pg::Connection &src, pg::Connection &tgt, const CopyTask &task, CancelToken &local)
    {
        TableRun &t = *task.table;
        const QString format = t.textFormat ? QStringLiteral("text") : QStringLiteral("binary");
        QString out;
        if (task.fromBlock < 0) {
            out = QStringLiteral("COPY %1 (%2) TO STDOUT (FORMAT %3)").arg(t.qualified(), t.columns, format);
        } else {
            QString where = QStringLiteral("ctid >= '(%1,0)'::tid").arg(task.fromBlock);
            if (task.toBlock >= 0)
                where += QStringLiteral(" AND ctid < '(%1,0)'::tid").arg(task.toBlock);
            out = QStringLiteral("COPY (SELECT %2 FROM ONLY %1 WHERE %4) TO STDOUT (FORMAT %3)").arg(t.qualified(), t.columns, format, where);
        }
        const QString in = QStringLiteral("COPY %1 (%2) FROM STDIN (FORMAT %3)").arg(t.qualified(), t.columns, format);
        const QString ctx = QStringLiteral("Copying %1").arg(t.qualified());

        CancelRegistration reg(&local, [&] {
            src.cancelCurrent();
            tgt.cancelCurrent();
        });
        PGconn *s = src.raw();
        PGconn *g = tgt.raw();
        {
            pg::Result r(PQexec(g, in.toUtf8().constData()));
            if (PQresultStatus(r.raw()) != PGRES_COPY_IN)
                return fail(pg::queryError(g, r.raw(), ctx + QStringLiteral(" (target)")));
        }
        {
            pg::Result r(PQexec(s, out.toUtf8().constData()));
            if (PQresultStatus(r.raw()) != PGRES_COPY_OUT) {
                PQputCopyEnd(g, "source failed");
                while (PGresult *x = PQgetResult(g))
                    PQclear(x);
                return fail(pg::queryError(s, r.raw(), ctx + QStringLiteral(" (source)")));
            }
        }
        qint64 messages = 0, pendingRows = 0, pendingBytes = 0, countedRows = 0;
        bool putFailed = false;
        for (;;) {
            char *buf = nullptr;
            const int n = PQgetCopyData(s, &buf, 0);
            if (n > 0) {
                if (!putFailed && PQputCopyData(g, buf, n) != 1)
                    putFailed = true;
                PQfreemem(buf);
                ++messages;
                ++pendingRows;
                pendingBytes += n;
                if (pendingRows >= 512) {
                    t.rows += pendingRows;
                    t.bytesCopied += pendingBytes;
                    countedRows += pendingRows;
                    pendingRows = pendingBytes = 0;
                    if (putFailed)
                        src.cancelCurrent();
                }
                continue;
            }
            if (buf)
                PQfreemem(buf);
            break; // -1 done, -2 error
        }
        t.rows += pendingRows;
        t.bytesCopied += pendingBytes;
        countedRows += pendingRows;
        std::optional<Error> srcError;
        qint64 tagRows = -1;
        while (PGresult *x = PQgetResult(s)) {
            pg::Result r(x);
            if (PQresultStatus(x) != PGRES_COMMAND_OK && !srcError)
                srcError = pg::queryError(s, x, ctx + QStringLiteral(" (source)"));
            else if (tagRows < 0)
                tagRows = QString::fromLatin1(PQcmdTuples(x)).toLongLong();
        }
        if (srcError || putFailed) {
            PQputCopyEnd(g, "source failed");
            std::optional<Error> tgtError;
            while (PGresult *x = PQgetResult(g)) {
                pg::Result r(x);
                if (PQresultStatus(x) != PGRES_COMMAND_OK && !tgtError && putFailed)
                    tgtError = pg::queryError(g, x, ctx + QStringLiteral(" (target)"));
            }
            if (local.isCancelled() && !putFailed)
                return fail(Error::cancelled());
            return fail(putFailed ? tgtError.value_or(pg::queryError(g, nullptr, ctx)) : *srcError);
        }
        if (PQputCopyEnd(g, nullptr) != 1)
            return fail(pg::queryError(g, nullptr, ctx + QStringLiteral(" (target)")));
        std::optional<Error> tgtError;
        while (PGresult *x = PQgetResult(g)) {
            pg::Result r(x);
            if (PQresultStatus(x) != PGRES_COMMAND_OK && !tgtError)
                tgtError = pg::queryError(g, x, ctx + QStringLiteral(" (target)"));
        }
        if (tgtError)
            return fail(local.isCancelled() ? Error::cancelled() : *tgtError);
        // The command tag has the exact row count (binary streams carry a header/trailer message).
        if (tagRows >= 0)
            t.rows += tagRows - countedRows;
        return {};
    }

    // ------------------------------------------------------------------ post-data
    static QString unquoted(QString name) { return name.remove(QLatin1Char('"')); }

    static QString autovacuumScript(const DbRun &d, bool on)
    {
        QString sql;
        for (const auto &t : d.tables)
            if (!t->ownAutovacuum)
                sql += on ? QStringLiteral("ALTER TABLE %1 RESET (autovacuum_enabled);\n").arg(t->qualified())
                          : QStringLiteral("ALTER TABLE %1 SET (autovacuum_enabled = false);\n").arg(t->qualified());
        return sql;
    }

    static Expected<void> prepareIndexSession(pg::Connection &tgt, const DumpScript &script, CancelToken *c)
    {
        if (auto r = tgt.execScript(script.prologue, c); !r)
            return r;
        // Sorted index builds want memory; never lower a bigger server setting.
        if (auto r = tgt.exec(QStringLiteral("SELECT CASE WHEN pg_size_bytes(current_setting('maintenance_work_mem')) < 256 * 1024 * 1024 "
                                             "THEN set_config('maintenance_work_mem', '256MB', false) END"),
                              {}, c);
            !r)
            return fail(r.error());
        return {};
    }

    Expected<void> runEntries(DbRun &d, const DumpScript &script, const std::vector<const DumpEntry *> &entries, int connections, bool tolerate)
    {
        if (entries.empty())
            return {};
        std::mutex m;
        size_t next = 0;
        std::optional<Error> firstError;
        CancelToken local;
        CancelRegistration link(&cancel, [&local] { local.cancel(); });
        std::vector<std::thread> threads;
        const int n = std::max(1, std::min<int>(connections, int(entries.size())));
        for (int i = 0; i < n; ++i) {
            threads.emplace_back([&] {
                auto setFail = [&](const Error &e) {
                    std::lock_guard lock(m);
                    if (!firstError)
                        firstError = e;
                    local.cancel();
                };
                auto tgt = pg::Connection::open(targetFor(d.name), &local);
                if (!tgt)
                    return setFail(tgt.error());
                if (auto r = prepareIndexSession(*tgt, script, &local); !r)
                    return setFail(r.error());
                for (;;) {
                    const DumpEntry *e = nullptr;
                    {
                        std::lock_guard lock(m);
                        if (next >= entries.size() || local.isCancelled())
                            return;
                        e = entries[next++];
                    }
                    if (auto r = tgt->execScript(e->sql, &local); !r) {
                        static const QStringList already{QStringLiteral("42P07"), QStringLiteral("42710"), QStringLiteral("42P16"), QStringLiteral("42P17")};
                        if (tolerate && already.contains(r.error().code))
                            continue;
                        Error err = r.error();
                        err.message = QStringLiteral("Building %1 %2 on the target failed: %3").arg(e->type, e->name, err.message);
                        return setFail(err);
                    }
                }
            });
        }
        for (auto &t : threads)
            t.join();
        if (firstError)
            return fail(*firstError);
        if (cancel.isCancelled())
            return fail(Error::cancelled());
        return {};
    }

    Expected<void> buildPostData(DbRun &d, bool tolerate)
    {
        if (d.postData.isEmpty()) {
            auto post = runPgDump(pgDump, sourceFor(d.name), QStringLiteral("post-data"), QString(), &cancel);
            if (!post)
                return fail(post.error());
            d.postData = *post;
            d.postScript = DumpScript::parse(d.postData);
            d.postDone.clear();
        }
        const auto t0 = Clock::now();
        setTables(d, Indexing);
        const DumpScript &script = d.postScript;
        // Waves in dependency-safe order: indexes and PK/unique constraints in
        // parallel, then everything else in dump order, then foreign keys in parallel.
        std::vector<const DumpEntry *> wave1, wave2, wave3;
        for (size_t i = 0; i < script.entries.size(); ++i) {
            const DumpEntry &e = script.entries[i];
            if (d.postDone.count(int(i)))
                continue;
            if (e.type == QLatin1String("INDEX") || e.type == QLatin1String("CONSTRAINT"))
                wave1.push_back(&e);
            else if (e.type == QLatin1String("FK CONSTRAINT"))
                wave3.push_back(&e);
            else
                wave2.push_back(&e);
        }
        const int conns = std::max(2, opt.jobs);
        if (auto r = runEntries(d, script, wave1, conns, tolerate); !r)
            return r;
        if (auto r = runEntries(d, script, wave2, 1, tolerate); !r)
            return r;
        if (auto r = runEntries(d, script, wave3, conns, tolerate); !r)
            return r;
        {
            auto tgt = pg::Connection::open(targetFor(d.name), &cancel);
            if (!tgt)
                return fail(tgt.error());
            if (auto r = tgt->execScript(autovacuumScript(d, true), &cancel); !r)
                return fail(r.error());
        }
        setTables(d, Copied);
        event({{"event", "indexes-built"}, {"database", js(d.name)}, {"seconds", secondsSince(t0)}, {"statements", qint64(script.entries.size())},
               {"copyAndIndexSeconds", d.copySeconds > 0 ? d.copySeconds + secondsSince(t0) : -1.0}});
        return {};
    }

    // ------------------------------------------------------------------ change capture
    static Expected<bool> subscriptionExists(pg::Connection &tgt, const QString &name, CancelToken *c)
    {
        auto r = tgt.exec(QStringLiteral("SELECT 1 FROM pg_subscription WHERE subname = $1"), {name}, c);
        if (!r)
            return fail(r.error());
        return r->rows() > 0;
    }

    Expected<void> subscribe(DbRun &d)
    {
        auto tgt = pg::Connection::open(targetFor(d.name), &cancel);
        if (!tgt)
            return fail(tgt.error());
        auto exists = subscriptionExists(*tgt, d.subscription, &cancel);
        if (!exists)
            return fail(exists.error());
        if (!*exists) {
            // The server needs a conninfo string: every value is quoted, and the
            // statement is never logged (the password is in it).
            const QString sql = QStringLiteral("CREATE SUBSCRIPTION %1 CONNECTION %2 PUBLICATION %3 WITH (create_slot = false, slot_name = %4, copy_data = false, enabled = true)")
                                    .arg(pg::quoteIdent(d.subscription), tgt->quoteLiteral(conninfoString(sourceFor(d.name))),
                                         pg::quoteIdent(d.publication), tgt->quoteLiteral(d.slot));
            if (auto r = tgt->exec(sql, {}, &cancel); !r) {
                Error e = r.error();
                e.message = QStringLiteral("Creating the subscription for \"%1\" on the target failed: %2").arg(d.name, e.message);
                return fail(e);
            }
            event({{"event", "subscription-created"}, {"database", js(d.name)}, {"subscription", js(d.subscription)}});
        } else {
            tgt->exec(QStringLiteral("ALTER SUBSCRIPTION %1 ENABLE").arg(pg::quoteIdent(d.subscription)), {}, &cancel);
        }
        return {};
    }

    /** Without a cancel token: also used by cleanup after a cancel. */
    static Expected<void> dropSubscription(pg::Connection &tgt, const QString &name)
    {
        auto exists = subscriptionExists(tgt, name, nullptr);
        if (!exists)
            return fail(exists.error());
        if (!*exists)
            return {};
        // create_slot=false: detach the slot first, we drop it on the source ourselves.
        const QString q = pg::quoteIdent(name);
        if (auto r = tgt.exec(QStringLiteral("ALTER SUBSCRIPTION %1 DISABLE").arg(q)); !r)
            return fail(r.error());
        if (auto r = tgt.exec(QStringLiteral("ALTER SUBSCRIPTION %1 SET (slot_name = NONE)").arg(q)); !r)
            return fail(r.error());
        if (auto r = tgt.exec(QStringLiteral("DROP SUBSCRIPTION %1").arg(q)); !r)
            return fail(r.error());
        return {};
    }

    Expected<void> resumeCopying(DbRun &d, pg::Connection &src)
    {
        QStringList done;
        {
            std::lock_guard lock(journal.mutex);
            done = jdb(d).doneUnits;
        }
        QStringList unfinished;
        for (const QString &u : d.units)
            if (!done.contains(u))
                unfinished << u;
        event({{"event", "resume"}, {"database", js(d.name)}, {"copiedTables", qint64(done.size())}, {"tablesToResync", qint64(unfinished.size())}});
        auto tgt = pg::Connection::open(targetFor(d.name), &cancel);
        if (!tgt)
            return fail(tgt.error());
        // A subscription from an earlier resume attempt is recreated so table sync starts clean.
        if (auto r = dropSubscription(*tgt, d.subscription); !r)
            return r;
        for (const QString &u : unfinished)
            src.exec(QStringLiteral("ALTER PUBLICATION %1 DROP TABLE %2").arg(pg::quoteIdent(d.publication), u), {}, &cancel);
        if (!unfinished.isEmpty())
            if (auto r = tgt->exec(QStringLiteral("TRUNCATE %1").arg(unfinished.join(QStringLiteral(", "))), {}, &cancel); !r)
                return fail(r.error());
        for (auto &t : d.tables)
            t->state = unfinished.contains(t->unit()) ? Queued : Copied;
        setPhase(d, QStringLiteral("indexing"), false);
        if (auto r = buildPostData(d, true); !r)
            return r;
        if (auto r = subscribe(d); !r)
            return r;
        if (!unfinished.isEmpty()) {
            if (auto r = src.exec(QStringLiteral("ALTER PUBLICATION %1 ADD TABLE %2").arg(pg::quoteIdent(d.publication), unfinished.join(QStringLiteral(", "))), {}, &cancel); !r)
                return fail(r.error());
            if (auto r = tgt->exec(QStringLiteral("ALTER SUBSCRIPTION %1 REFRESH PUBLICATION WITH (copy_data = true)").arg(pg::quoteIdent(d.subscription)), {}, &cancel); !r)
                return fail(r.error());
        }
        for (auto &t : d.tables)
            t->state = unfinished.contains(t->unit()) ? Resyncing : Streaming;
        setPhase(d, QStringLiteral("streaming"));
        event({{"event", "streaming"}, {"database", js(d.name)}, {"resyncing", qint64(unfinished.size())}});
        startAnalyze(d);
        return {};
    }

    /** Heartbeat, byte and time lag, per-table counters, table sync states. */
    void pollDb(DbRun &d)
    {
        {
            std::lock_guard lock(mutex);
            if (d.phase != QLatin1String("streaming"))
                return;
        }
        if (!d.srcHb || !d.srcHb->isOpen()) {
            auto c = openSourceWritable(d.name, &cancel);
            if (!c)
                return;
            d.srcHb.emplace(std::move(*c));
        }
        if (!d.tgtMon || !d.tgtMon->isOpen()) {
            auto c = pg::Connection::open(targetFor(d.name), &cancel);
            if (!c)
                return;
            d.tgtMon.emplace(std::move(*c));
        }
        auto hb = d.srcHb->exec(QStringLiteral("UPDATE %1 SET seq = seq + 1, ts = clock_timestamp() WHERE id = 1 RETURNING seq").arg(d.hbTable()), {}, &cancel);
        if (!hb) {
            if (hb.error().isConnectionLost())
                d.srcHb.reset();
            return;
        }
        d.hbSeq = hb->toInt(0, 0);
        d.hbSent.emplace_back(d.hbSeq, Clock::now());
        while (d.hbSent.size() > 4000)
            d.hbSent.pop_front();
        if (auto lag = d.srcHb->execNamed(QStringLiteral("direct/slot_lag"), {d.slot}, &cancel); lag && lag->rows() > 0)
            d.lagBytes = lag->toInt(0, "lag_bytes");
        auto seen = d.tgtMon->exec(QStringLiteral("SELECT seq FROM %1 WHERE id = 1").arg(d.hbTable()), {}, &cancel);
        if (!seen) {
            if (seen.error().isConnectionLost())
                d.tgtMon.reset();
            return;
        }
        const qint64 applied = seen->toInt(0, 0);
        double lagSeconds = 0;
        // Time lag = age of the oldest heartbeat the target has not applied yet.
        for (const auto &[seq, when] : d.hbSent)
            if (seq > applied) {
                lagSeconds = secondsSince(when);
                break;
            }
        while (!d.hbSent.empty() && d.hbSent.front().first <= applied)
            d.hbSent.pop_front();
        d.caughtUp = applied >= d.hbSeq - 1 && lagSeconds < 1.0;
        {
            std::lock_guard lock(mutex);
            d.lagSeconds = lagSeconds;
        }
        if (auto st = d.tgtMon->execNamed(QStringLiteral("direct/table_stats"), {}, &cancel)) {
            std::map<QString, int> rowOf;
            for (int i = 0; i < st->rows(); ++i)
                rowOf[pg::qualifiedName(st->text(i, "schema"), st->text(i, "name"))] = i;
            for (auto &t : d.tables) {
                auto it = rowOf.find(t->qualified());
                if (it == rowOf.end())
                    continue;
                const qint64 ins = st->toInt(it->second, "n_tup_ins"), upd = st->toInt(it->second, "n_tup_upd"), del = st->toInt(it->second, "n_tup_del");
                if (!t->baseline) {
                    t->baseline = true;
                    t->ins0 = ins;
                    t->upd0 = upd;
                    t->del0 = del;
                }
                t->ins = ins - t->ins0;
                t->upd = upd - t->upd0;
                t->del = del - t->del0;
            }
        }
        bool resyncing = false;
        for (auto &t : d.tables)
            resyncing = resyncing || t->state == Resyncing;
        if (resyncing) {
            if (auto st = d.tgtMon->execNamed(QStringLiteral("direct/subscription_states"), {d.subscription}, &cancel)) {
                std::map<QString, QString> stateOf;
                for (int i = 0; i < st->rows(); ++i)
                    stateOf[pg::qualifiedName(st->text(i, "schema"), st->text(i, "name"))] = st->text(i, "state");
                for (auto &t : d.tables) {
                    if (t->state != Resyncing)
                        continue;
                    auto it = stateOf.find(t->unit());
                    if (it != stateOf.end() && it->second == QLatin1String("r")) {
                        t->state = Streaming;
                        event({{"event", "table-resynced"}, {"database", js(d.name)}, {"table", js(t->qualified())}});
                    }
                }
            }
        }
    }

    QString cutoverRefusalLocked() const
    {
        for (const auto &d : dbs) {
            if (d->phase == QLatin1String("done"))
                continue;
            if (d->phase != QLatin1String("streaming")) {
                qint64 rows = 0, total = 0;
                for (const auto &t : d->tables) {
                    rows += t->rows;
                    total += std::max<qint64>(t->estRows, t->rows);
                }
                return QStringLiteral("The initial copy of database \"%1\" is not finished (phase %2, %3% of rows copied); cutover is possible once it streams changes.")
                    .arg(d->name, d->phase)
                    .arg(total > 0 ? int(100 * rows / total) : 0);
            }
            for (const auto &t : d->tables)
                if (t->state == Resyncing)
                    return QStringLiteral("Table %1 of database \"%2\" is still being copied again after the resume.").arg(t->qualified(), d->name);
        }
        if (state != QLatin1String("streaming"))
            return QStringLiteral("The migration is %1.").arg(state);
        return {};
    }

    Expected<void> streamUntilCutover()
    {
        auto lastPoll = Clock::now() - std::chrono::hours(1);
        for (;;) {
            if (cancel.isCancelled())
                return fail(Error::cancelled());
            if (Clock::now() - lastPoll >= std::chrono::milliseconds(opt.heartbeatMs)) {
                lastPoll = Clock::now();
                for (auto &d : dbs)
                    pollDb(*d);
            }
            QString refusal;
            {
                std::lock_guard lock(mutex);
                refusal = cutoverRefusalLocked();
            }
            bool go = cutoverRequested.load() && refusal.isEmpty();
            if (opt.cutover == CutoverMode::Ready && refusal.isEmpty()) {
                bool all = true;
                for (auto &d : dbs)
                    all = all && (d->caughtUp || d->phase == QLatin1String("done"));
                go = go || all;
            }
            if (go)
                return cutover();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    // ------------------------------------------------------------------ cutover
    Expected<void> cutover()
    {
        setState(QStringLiteral("cutover"));
        const auto t0 = Clock::now();
        event({{"event", "cutover-started"}, {"freezeWrites", opt.freezeWrites}});
        std::vector<DbRun *> active;
        for (auto &d : dbs)
            if (d->phase != QLatin1String("done"))
                active.push_back(d.get());
        for (DbRun *d : active) {
            setPhase(*d, QStringLiteral("cutover"));
            if (!d->srcHb) {
                auto c = openSourceWritable(d->name, &cancel);
                if (!c)
                    return fail(c.error());
                d->srcHb.emplace(std::move(*c));
            }
            if (!d->tgtMon) {
                auto c = pg::Connection::open(targetFor(d->name), &cancel);
                if (!c)
                    return fail(c.error());
                d->tgtMon.emplace(std::move(*c));
            }
        }
        // 1. Write freeze: new sessions start read-only, the others are ended.
        if (opt.freezeWrites) {
            for (DbRun *d : active) {
                {
                    std::lock_guard lock(journal.mutex);
                    jdb(*d).frozen = true;
                }
                saveJournal();
                if (auto r = d->srcHb->exec(QStringLiteral("ALTER DATABASE %1 SET default_transaction_read_only = on").arg(pg::quoteIdent(d->name)), {}, &cancel); !r)
                    return fail(r.error());
                if (auto r = d->srcHb->execNamed(QStringLiteral("direct/terminate_sessions"), {d->name}, &cancel); !r)
                    return fail(r.error());
            }
            event({{"event", "writes-frozen"}, {"seconds", secondsSince(t0)}});
        }
        // 2. Drain: a marker written now; once the target shows it, every earlier commit is applied.
        std::map<DbRun *, qint64> marker;
        for (DbRun *d : active) {
            auto r = d->srcHb->exec(QStringLiteral("UPDATE %1 SET seq = seq + 1, ts = clock_timestamp() WHERE id = 1 RETURNING seq, pg_current_wal_lsn()::text").arg(d->hbTable()), {}, &cancel);
            if (!r)
                return fail(r.error());
            marker[d] = r->toInt(0, 0);
        }
        for (DbRun *d : active) {
            for (;;) {
                auto r = d->tgtMon->exec(QStringLiteral("SELECT seq FROM %1 WHERE id = 1").arg(d->hbTable()), {}, &cancel);
                if (!r)
                    return fail(r.error());
                if (r->toInt(0, 0) >= marker[d])
                    break;
                if (!sleepFor(5))
                    return fail(Error::cancelled());
            }
        }
        event({{"event", "drained"}, {"seconds", secondsSince(t0)}});
        // 3. Sequences from the source (logical replication does not carry them).
        for (DbRun *d : active) {
            auto seqs = d->srcHb->execNamed(QStringLiteral("direct/sequences"), {}, &cancel);
            if (!seqs)
                return fail(seqs.error());
            QStringList schemas, names, values, called;
            for (int i = 0; i < seqs->rows(); ++i) {
                if (seqs->text(i, "schema") == d->hbSchema)
                    continue;
                schemas << seqs->text(i, "schema");
                names << seqs->text(i, "name");
                values << seqs->text(i, "value");
                called << (seqs->toBool(i, "is_called") ? QStringLiteral("t") : QStringLiteral("f"));
            }
            if (!schemas.isEmpty())
                if (auto r = d->tgtMon->execNamed(QStringLiteral("direct/set_sequences"), {textArray(schemas), textArray(names), textArray(values), textArray(called)}, &cancel); !r)
                    return fail(r.error());
        }
        event({{"event", "sequences-set"}, {"seconds", secondsSince(t0)}});
        // 4. Subscription off: the target is on its own now.
        for (DbRun *d : active)
            if (auto r = dropSubscription(*d->tgtMon, d->subscription); !r)
                return r;
        const double seconds = secondsSince(t0);
        // 5. The rest of the replication objects (source slot, publication, heartbeat).
        for (DbRun *d : active) {
            d->tgtMon->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(pg::quoteIdent(d->hbSchema)));
            d->srcHb.reset();
            d->tgtMon.reset();
            cleanupSource(*d, /*undoFreeze=*/false);
            setTables(*d, Done);
            setPhase(*d, QStringLiteral("done"));
        }
        event({{"event", "cutover-finished"}, {"seconds", seconds}, {"totalSeconds", secondsSince(t0)}, {"sourceReadOnly", opt.freezeWrites}});
        setState(QStringLiteral("done"));
        return {};
    }

    // ------------------------------------------------------------------ cleanup
    void dropSlot(pg::Connection &src, const QString &slot)
    {
        const auto deadline = Clock::now() + std::chrono::seconds(15);
        for (;;) {
            auto r = src.exec(QStringLiteral("SELECT active_pid FROM pg_replication_slots WHERE slot_name = $1"), {slot});
            if (!r || r->rows() == 0)
                return;
            if (!r->isNull(0, 0) && Clock::now() > deadline - std::chrono::seconds(10))
                src.exec(QStringLiteral("SELECT pg_terminate_backend($1::int)"), {r->text(0, 0)});
            if (r->isNull(0, 0)) {
                if (src.exec(QStringLiteral("SELECT pg_drop_replication_slot($1)"), {slot}))
                    return;
            }
            if (Clock::now() > deadline) {
                log()->warn("could not drop replication slot {}", slot);
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }

    void cleanupSource(DbRun &d, bool undoFreeze)
    {
        auto src = openSourceWritable(d.name, nullptr);
        if (!src) {
            log()->warn("cleanup: cannot connect to the source database {}: {}", d.name, src.error().toDisplayString());
            return;
        }
        dropSlot(*src, d.slot);
        src->exec(QStringLiteral("DROP PUBLICATION IF EXISTS %1").arg(pg::quoteIdent(d.publication)));
        src->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(pg::quoteIdent(d.hbSchema)));
        std::map<QString, QString> ri;
        bool frozen = false;
        {
            std::lock_guard lock(journal.mutex);
            ri = jdb(d).replicaIdentityChanged;
            frozen = jdb(d).frozen;
        }
        for (const auto &[table, prev] : ri) {
            const QString mode = prev == QLatin1String("n") ? QStringLiteral("NOTHING") : QStringLiteral("DEFAULT");
            src->exec(QStringLiteral("ALTER TABLE %1 REPLICA IDENTITY %2").arg(table, mode));
        }
        if (undoFreeze && frozen) {
            src->exec(QStringLiteral("ALTER DATABASE %1 RESET default_transaction_read_only").arg(pg::quoteIdent(d.name)));
            std::lock_guard lock(journal.mutex);
            jdb(d).frozen = false;
        }
        {
            std::lock_guard lock(journal.mutex);
            jdb(d).replicaIdentityChanged.clear();
        }
        saveJournal();
    }

    void cleanupDb(DbRun &d, bool dropCreatedTarget)
    {
        if (auto tgt = pg::Connection::open(targetFor(d.name), nullptr)) {
            if (auto r = dropSubscription(*tgt, d.subscription); !r)
                log()->warn("cleanup: dropping subscription {}: {}", d.subscription, r.error().toDisplayString());
            tgt->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(pg::quoteIdent(d.hbSchema)));
        }
        cleanupSource(d, true);
        bool created = false;
        {
            std::lock_guard lock(journal.mutex);
            created = jdb(d).createdTargetDatabase;
        }
        if (dropCreatedTarget && created) {
            if (auto admin = pg::Connection::open(opt.target, nullptr))
                admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(pg::quoteIdent(d.name)));
            std::lock_guard lock(journal.mutex);
            jdb(d).createdTargetDatabase = false;
        }
        {
            std::lock_guard lock(journal.mutex);
            jdb(d).phase = QStringLiteral("cleaned");
            jdb(d).doneUnits.clear();
        }
        saveJournal();
    }

    void cleanupAll(bool dropCreatedTargets)
    {
        closeMonitors();
        for (auto &d : dbs) {
            QString phase;
            {
                std::lock_guard lock(mutex);
                phase = d->phase;
            }
            if (phase == QLatin1String("done") || phase == QLatin1String("queued"))
                continue;
            cleanupDb(*d, dropCreatedTargets);
            std::lock_guard lock(mutex);
            d->phase = QStringLiteral("cleaned");
        }
        event({{"event", "cleanup-finished"}});
    }

    // ------------------------------------------------------------------ status
    DirectStatus status() const
    {
        std::lock_guard lock(mutex);
        DirectStatus s;
        s.state = state;
        s.error = error;
        s.elapsedSeconds = secondsSince(started);
        bool anyLag = false;
        for (const auto &d : dbs) {
            DatabaseStatus ds;
            ds.name = d->name;
            ds.phase = d->phase;
            ds.slot = d->slot;
            ds.publication = d->publication;
            ds.subscription = d->subscription;
            ds.copySeconds = d->copySeconds > 0 ? d->copySeconds : (d->phase == QLatin1String("copying") ? secondsSince(d->copyStart) : 0);
            const bool streaming = d->phase == QLatin1String("streaming") || d->phase == QLatin1String("cutover");
            ds.lagBytes = streaming ? d->lagBytes.load() : -1;
            ds.lagSeconds = streaming ? d->lagSeconds : -1;
            for (const auto &t : d->tables) {
                if (t->schema == d->hbSchema)
                    continue;
                TableStatus ts;
                ts.schema = t->schema;
                ts.name = t->name;
                ts.state = QString::fromLatin1(tableStateName(t->state));
                ts.rowsCopied = t->rows;
                ts.bytesCopied = t->bytesCopied;
                const bool copied = t->state != Queued && t->state != Copying && t->state != Resyncing;
                ts.rowsTotal = copied ? ts.rowsCopied : std::max(t->estRows, ts.rowsCopied);
                // Until a table is copied its size on disk stands in for the stream size.
                ts.bytesTotal = copied ? ts.bytesCopied : std::max(t->bytes, ts.bytesCopied);
                ts.inserts = t->ins;
                ts.updates = t->upd;
                ts.deletes = t->del;
                ds.rowsCopied += ts.rowsCopied;
                ds.rowsTotal += ts.rowsTotal;
                ds.bytesCopied += ts.bytesCopied;
                ds.bytesTotal += ts.bytesTotal;
                ds.tables.push_back(ts);
            }
            s.rowsCopied += ds.rowsCopied;
            s.rowsTotal += ds.rowsTotal;
            s.bytesCopied += ds.bytesCopied;
            s.bytesTotal += ds.bytesTotal;
            if (ds.lagBytes >= 0) {
                anyLag = true;
                s.lagBytes = std::max(s.lagBytes, ds.lagBytes);
                s.lagSeconds = std::max(s.lagSeconds, ds.lagSeconds);
            }
            s.databases.push_back(std::move(ds));
        }
        if (!anyLag) {
            s.lagBytes = -1;
            s.lagSeconds = -1;
        }
        const auto now = Clock::now();
        samples.emplace_back(now, s.rowsCopied, s.bytesCopied);
        while (samples.size() > 2 && std::chrono::duration<double>(now - std::get<0>(samples.front())).count() > 3.0)
            samples.pop_front();
        const double dt = std::chrono::duration<double>(now - std::get<0>(samples.front())).count();
        if (dt > 0.2) {
            s.rowsPerSecond = double(s.rowsCopied - std::get<1>(samples.front())) / dt;
            s.mbPerSecond = double(s.bytesCopied - std::get<2>(samples.front())) / dt / (1024.0 * 1024.0);
        }
        if (state == QLatin1String("copying") || state == QLatin1String("starting"))
            s.etaSeconds = s.rowsPerSecond > 0 ? double(std::max<qint64>(0, s.rowsTotal - s.rowsCopied)) / s.rowsPerSecond : -1;
        else
            s.etaSeconds = state == QLatin1String("done") || state == QLatin1String("streaming") ? 0 : -1;
        s.cutoverRefusal = cutoverRefusalLocked();
        s.cutoverAllowed = s.cutoverRefusal.isEmpty();
        return s;
    }
};

// ====================================================================== public

nlohmann::json DirectStatus::toJson() const
{
    nlohmann::json j;
    j["type"] = "status";
    j["state"] = js(state);
    j["phase"] = js(state);
    j["elapsedSeconds"] = elapsedSeconds;
    j["rowsCopied"] = rowsCopied;
    j["rowsTotal"] = rowsTotal;
    j["bytesCopied"] = bytesCopied;
    j["bytesTotal"] = bytesTotal;
    j["rowsPerSecond"] = rowsPerSecond;
    j["mbPerSecond"] = mbPerSecond;
    j["etaSeconds"] = etaSeconds;
    j["lagBytes"] = lagBytes;
    j["lagSeconds"] = lagSeconds;
    j["cutoverAllowed"] = cutoverAllowed;
    if (!cutoverRefusal.isEmpty())
        j["cutoverRefusal"] = js(cutoverRefusal);
    if (!error.isEmpty())
        j["error"] = js(error);
    nlohmann::json dbs = nlohmann::json::array();
    for (const auto &d : databases) {
        nlohmann::json jd;
        jd["name"] = js(d.name);
        jd["phase"] = js(d.phase);
        jd["state"] = js(d.phase);
        jd["rowsCopied"] = d.rowsCopied;
        jd["rowsTotal"] = d.rowsTotal;
        jd["bytesCopied"] = d.bytesCopied;
        jd["bytesTotal"] = d.bytesTotal;
        jd["copySeconds"] = d.copySeconds;
        jd["lagBytes"] = d.lagBytes;
        jd["lagSeconds"] = d.lagSeconds;
        jd["slot"] = js(d.slot);
        nlohmann::json tables = nlohmann::json::array();
        for (const auto &t : d.tables) {
            tables.push_back({{"schema", js(t.schema)},
                              {"name", js(t.name)},
                              {"state", js(t.state)},
                              {"rowsCopied", t.rowsCopied},
                              {"rowsTotal", t.rowsTotal},
                              {"bytesCopied", t.bytesCopied},
                              {"bytesTotal", t.bytesTotal},
                              {"inserts", t.inserts},
                              {"updates", t.updates},
                              {"deletes", t.deletes}});
        }
        jd["tables"] = tables;
        dbs.push_back(jd);
    }
    j["databases"] = dbs;
    return j;
}

DirectEngine::DirectEngine(DirectOptions options) : d(std::make_unique<Engine>(std::move(options))) {}

DirectEngine::~DirectEngine()
{
    if (m_thread.joinable()) {
        if (!d->finished)
            cancel();
        m_thread.join();
    }
}

void DirectEngine::start()
{
    if (m_thread.joinable())
        return;
    m_thread = std::thread([this] { d->run(); });
}

Expected<void> DirectEngine::requestCutover()
{
    std::lock_guard lock(d->mutex);
    const QString why = d->cutoverRefusalLocked();
    if (!why.isEmpty())
        return fail(Error::validation(QStringLiteral("CutoverRefused"), why, QStringLiteral("Wait until every database streams changes, then ask again.")));
    d->cutoverRequested = true;
    return {};
}

void DirectEngine::cancel()
{
    Engine::StopKind none = Engine::StopKind::None;
    d->stopKind.compare_exchange_strong(none, Engine::StopKind::Cancel);
    d->cancel.cancel();
}

void DirectEngine::stop()
{
    Engine::StopKind none = Engine::StopKind::None;
    d->stopKind.compare_exchange_strong(none, Engine::StopKind::Stop);
    d->cancel.cancel();
}

DirectStatus DirectEngine::status() const { return d->status(); }

std::vector<nlohmann::json> DirectEngine::takeEvents()
{
    std::lock_guard lock(d->mutex);
    std::vector<nlohmann::json> out;
    out.swap(d->events);
    return out;
}

bool DirectEngine::isFinished() const { return d->finished; }

Expected<void> DirectEngine::result() const
{
    std::lock_guard lock(d->mutex);
    return d->res;
}

QString DirectEngine::journalPath() const { return d->journal.path(); }

QString objectName(const QString &migrationName, const QString &database)
{
    const QString clean = sanitize(migrationName) + QLatin1Char('_') + sanitize(database);
    QString n = QStringLiteral("fm_") + clean;
    const bool mangled = clean != migrationName.toLower() + QLatin1Char('_') + database.toLower() || migrationName != migrationName.toLower()
                         || database != database.toLower();
    if (n.toUtf8().size() > 63 || mangled)
        n = n.left(54) + QLatin1Char('_') + shortHash(migrationName + QLatin1Char('\n') + database);
    return n;
}

QString conninfoString(const pg::ConnectionParams &params)
{
    // libpq conninfo rules: single-quoted values, backslash escapes ' and \.
    QStringList parts;
    for (const auto &[k, v] : params.keywords()) {
        if (k == "client_encoding")
            continue;
        QString value = QString::fromUtf8(v);
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        value.replace(QLatin1Char('\''), QStringLiteral("\\'"));
        parts << QString::fromLatin1(k) + QStringLiteral("='") + value + QLatin1Char('\'');
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace fm::direct
