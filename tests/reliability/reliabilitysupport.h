// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// Shared by the reliability suite (issue 10): CLI processes that do not block the
// event loop (the emulator may run in the test process), a scan of every file a
// run left behind for secrets, and a fingerprint of a server's state to prove
// that rejected input changed nothing.

#include "engine/migration/validation.h"
#include "tests/support/pgcluster.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

namespace fm::test::reliability {

struct ProcessResult {
    int exitCode = -1; ///< -1: crashed, killed or timed out
    QString out;
    QString err;
    QString all() const { return out + err; }
};

/** Runs a program to its end while the event loop keeps running (an in-process emulator must answer). */
inline ProcessResult runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env, int timeoutMs = 120000,
                                const QByteArray &stdinData = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    p.start(program, args);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    ProcessResult r;
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("(timed out) ");
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit && p.error() != QProcess::FailedToStart ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err += QString::fromUtf8(p.readAllStandardError());
    return r;
}

/**
 * Every file under `dir` (logs, journals, settings, drafts, exports, reports)
 * searched for each needle and for the shape of an access token (a JWT, as AAD,
 * the Azure CLI and the emulator issue them). Returns "file: what" per hit; empty means clean. `skip` names files
 * the test itself wrote as input (a properties file holds passwords by design).
 */
inline QStringList findSecrets(const QString &dir, const QStringList &needles, const QStringList &skip = {}, int *filesScanned = nullptr)
{
    static const QRegularExpression jwt(QStringLiteral(R"(eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.)"));
    QStringList hits;
    int files = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (skip.contains(path))
            continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        ++files;
        const QByteArray bytes = f.readAll();
        const QString text = QString::fromUtf8(bytes);
        for (qsizetype i = 0; i < needles.size(); ++i) {
            const QString &n = needles[i];
            if (n.size() >= 4 && (bytes.contains(n.toUtf8()) || text.contains(n)))
                hits << QStringLiteral("%1: contains secret #%2").arg(path).arg(i + 1);
        }
        if (auto m = jwt.match(text); m.hasMatch())
            hits << QStringLiteral("%1: contains a token (%2...)").arg(path, m.captured(0).left(12));
    }
    if (filesScanned)
        *filesScanned = files;
    return hits;
}

/** Same search over text a process printed. */
inline QStringList findSecretsInText(const QString &what, const QString &text, const QStringList &needles)
{
    QStringList hits;
    for (qsizetype i = 0; i < needles.size(); ++i)
        if (needles[i].size() >= 4 && text.contains(needles[i]))
            hits << QStringLiteral("%1: contains secret #%2").arg(what).arg(i + 1);
    if (text.contains(QRegularExpression(QStringLiteral(R"(eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.)"))))
        hits << QStringLiteral("%1: contains a token").arg(what);
    return hits;
}

/**
 * What a server holds that a rejected command must not change: databases, roles,
 * replication slots, publications and subscriptions, the user tables of each
 * database (name and row count), and server settings changed from their defaults
 * since start (ALTER SYSTEM).
 */
inline QString serverFingerprint(const PgCluster &cluster)
{
    QStringList parts;
    auto q = [&](const QString &db, const QString &sql) {
        auto r = cluster.query(db, sql);
        if (!r) {
            parts << QStringLiteral("error: ") + r.error().message;
            return;
        }
        for (int i = 0; i < r->rows(); ++i)
            parts << r->text(i, 0);
    };
    q(QStringLiteral("postgres"), QStringLiteral("SELECT 'db ' || datname FROM pg_database ORDER BY 1"));
    q(QStringLiteral("postgres"), QStringLiteral("SELECT 'role ' || rolname FROM pg_roles ORDER BY 1"));
    q(QStringLiteral("postgres"), QStringLiteral("SELECT 'slot ' || slot_name FROM pg_replication_slots ORDER BY 1"));
    q(QStringLiteral("postgres"), QStringLiteral("SELECT 'subscription ' || subname FROM pg_subscription ORDER BY 1"));
    q(QStringLiteral("postgres"), QStringLiteral("SELECT 'setting ' || name || '=' || setting FROM pg_settings WHERE source = 'configuration file' AND sourcefile LIKE '%auto.conf' ORDER BY 1"));
    auto dbs = cluster.query(QStringLiteral("postgres"), QStringLiteral("SELECT datname FROM pg_database WHERE datallowconn ORDER BY 1"));
    if (dbs) {
        for (int i = 0; i < dbs->rows(); ++i) {
            const QString db = dbs->text(i, 0);
            q(db, QStringLiteral("SELECT '%1 publication ' || pubname FROM pg_publication ORDER BY 1").arg(db));
            q(db, QStringLiteral("SELECT '%1 schema ' || nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' ORDER BY 1").arg(db));
            q(db, QStringLiteral("SELECT '%1 table ' || format('%I.%I', schemaname, relname) || ' ' || n_live_tup FROM pg_stat_user_tables ORDER BY 1").arg(db));
        }
    }
    return parts.join(QLatin1Char('\n'));
}

/** Row counts and chunked checksums (engine/migration/validation.h); "" when equal, else what differs. */
inline QString compareDatabases(const PgCluster &source, const PgCluster &target, const QString &db)
{
    auto v = migration::validateDatabase(source.params(db), target.params(db), migration::ValidationOptions{.checksums = true, .rowsPerChunk = 5000});
    if (!v)
        return QStringLiteral("validation failed: ") + v.error().toDisplayString();
    if (v->tables.isEmpty())
        return QStringLiteral("no tables compared");
    QStringList diffs;
    for (const auto &t : v->tables) {
        if (!t.checksummed && !t.missingOnTarget)
            diffs << t.qualifiedName() + QStringLiteral(" not checksummed");
        if (!t.equal())
            diffs << QStringLiteral("%1: source %2 rows, target %3 rows, %4 chunks differ%5")
                         .arg(t.qualifiedName())
                         .arg(t.sourceRows)
                         .arg(t.targetRows)
                         .arg(t.differences.size())
                         .arg(t.missingOnTarget ? QStringLiteral(", missing on target") : QString());
    }
    for (const QString &extra : v->extraOnTarget)
        diffs << QStringLiteral("extra on target: ") + extra;
    return diffs.join(QStringLiteral("; "));
}

} // namespace fm::test::reliability
