// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/dumpscript.h"

#include "engine/core/redaction.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace fm::direct {

DumpScript DumpScript::parse(const QString &text)
{
    static const QRegularExpression header(QStringLiteral("^-- Name: (.*); Type: (.*); Schema: (.*); Owner: (.*)$"));
    DumpScript out;
    DumpEntry *current = nullptr;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        // PostgreSQL 15.14+ wraps plain dumps in \restrict ... \unrestrict (psql only).
        if (line.startsWith(QLatin1Char('\\')))
            continue;
        const auto m = header.match(line);
        if (m.hasMatch()) {
            out.entries.push_back(DumpEntry{m.captured(1), m.captured(2), m.captured(3), {}});
            current = &out.entries.back();
            continue;
        }
        if (line.startsWith(QLatin1String("--")))
            continue;
        QString &target = current ? current->sql : out.prologue;
        target += line;
        target += QLatin1Char('\n');
    }
    out.entries.erase(std::remove_if(out.entries.begin(), out.entries.end(),
                                     [](const DumpEntry &e) { return e.sql.trimmed().isEmpty(); }),
                      out.entries.end());
    return out;
}

QString DumpScript::toScript() const
{
    QString s = prologue;
    for (const auto &e : entries)
        s += e.sql;
    return s;
}

QString findPgDump(const QString &binDir)
{
    QString dir = binDir;
    if (dir.isEmpty())
        dir = qEnvironmentVariable("FLEXMIGRATE_PG_BINDIR");
    if (!dir.isEmpty())
        return QDir(dir).filePath(QStringLiteral("pg_dump"));
    // Debian/Ubuntu: the newest version dumps every older server.
    QDir lib(QStringLiteral("/usr/lib/postgresql"));
    int best = 0;
    for (const QString &v : lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (QFileInfo::exists(lib.filePath(v + QStringLiteral("/bin/pg_dump"))))
            best = std::max(best, v.toInt());
    if (best > 0)
        return lib.filePath(QString::number(best) + QStringLiteral("/bin/pg_dump"));
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("pg_dump"));
    return onPath.isEmpty() ? QStringLiteral("pg_dump") : onPath;
}

Expected<QString> runPgDump(const QString &pgDump, const pg::ConnectionParams &params, const QString &section,
                            const QString &snapshot, CancelToken *cancel)
{
    QProcess proc;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const auto vars = params.environment();
    for (auto it = vars.cbegin(); it != vars.cend(); ++it)
        env.insert(it.key(), it.value());
    proc.setProcessEnvironment(env);
    // Roles and grants are not migrated by this engine (targets often lack the
    // source's roles, e.g. Azure); replication objects are its own business.
    QStringList args{QStringLiteral("--schema-only"), QStringLiteral("--section=") + section, QStringLiteral("--no-owner"),
                     QStringLiteral("--no-privileges"), QStringLiteral("--no-publications"), QStringLiteral("--no-subscriptions")};
    if (!snapshot.isEmpty())
        args << QStringLiteral("--snapshot=") + snapshot;
    proc.start(pgDump, args);
    if (!proc.waitForStarted(30000))
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("PgDumpMissing"),
                                QStringLiteral("Cannot run %1: %2").arg(pgDump, proc.errorString()),
                                QStringLiteral("Install the PostgreSQL client tools or set FLEXMIGRATE_PG_BINDIR.")));
    proc.closeWriteChannel();
    while (!proc.waitForFinished(200)) {
        if (cancel && cancel->isCancelled()) {
            proc.kill();
            proc.waitForFinished(5000);
            return fail(Error::cancelled());
        }
        if (proc.state() == QProcess::NotRunning)
            break;
    }
    const QString out = QString::fromUtf8(proc.readAllStandardOutput());
    if (proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0)
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("PgDumpFailed"),
                                QStringLiteral("pg_dump (%1) of database \"%2\" failed: %3")
                                    .arg(section, params.dbname, redacted(QString::fromUtf8(proc.readAllStandardError()).trimmed()))));
    return out;
}

} // namespace fm::direct
