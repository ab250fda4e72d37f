// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// flexmigrate validate --source-uri URI --target-uri URI --db NAME [--db NAME ...] [--checksums] [--json]
#include "app/cli/cli.h"
#include "app/cli/clicommon.h"

#include "engine/core/job.h"
#include "engine/core/logging.h"
#include "engine/migration/validation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace fm::cli {

int runValidate(const QStringList &arguments)
{
    QTextStream out(stdout), err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Compare databases between source and target: row counts, and with --checksums row hashes by key range.\n"
                                                    "Exit 0 when equal, 4 when not, 2 on bad arguments or connection failures."));
    parser.addHelpOption();
    QCommandLineOption source(QStringLiteral("source-uri"), QStringLiteral("Source server (password also from FLEXMIGRATE_SOURCE_PASSWORD)."), QStringLiteral("uri"));
    QCommandLineOption target(QStringLiteral("target-uri"), QStringLiteral("Target server (password also from FLEXMIGRATE_TARGET_PASSWORD)."), QStringLiteral("uri"));
    QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Database to compare (repeat)."), QStringLiteral("name"));
    QCommandLineOption checksums(QStringLiteral("checksums"), QStringLiteral("Also compare row contents (hashes per key range)."));
    QCommandLineOption chunk(QStringLiteral("rows-per-chunk"), QStringLiteral("Rows per checksum chunk (default 100000)."), QStringLiteral("n"), QStringLiteral("100000"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON document."));
    parser.addOptions({source, target, db, checksums, chunk, json});
    if (auto done = parseOrExit(parser, arguments, QStringLiteral("validate")))
        return *done;
    if (!parser.isSet(source) || !parser.isSet(target) || parser.values(db).isEmpty()) {
        err << "flexmigrate validate: --source-uri, --target-uri and at least one --db are required.\n";
        return ExitUsage;
    }
    bool ok = false;
    const qint64 rowsPerChunk = parser.value(chunk).toLongLong(&ok);
    if (!ok || rowsPerChunk < 1) {
        err << "flexmigrate validate: --rows-per-chunk must be a positive number, not \"" << parser.value(chunk) << "\".\n";
        return ExitUsage;
    }
    auto src = connectionFromUri(parser.value(source), "FLEXMIGRATE_SOURCE_PASSWORD");
    if (!src) {
        err << "flexmigrate validate: --source-uri: " << src.error().toDisplayString() << '\n';
        return ExitUsage;
    }
    auto tgt = connectionFromUri(parser.value(target), "FLEXMIGRATE_TARGET_PASSWORD");
    if (!tgt) {
        err << "flexmigrate validate: --target-uri: " << tgt.error().toDisplayString() << '\n';
        return ExitUsage;
    }
    logging::init();

    migration::ValidationOptions options;
    options.checksums = parser.isSet(checksums);
    options.rowsPerChunk = rowsPerChunk;
    const QStringList databases = parser.values(db);
    ThreadJob<QList<migration::DatabaseValidation>> job([s = *src, t = *tgt, databases, options](CancelToken &cancel) -> Expected<QList<migration::DatabaseValidation>> {
        QList<migration::DatabaseValidation> all;
        for (const QString &name : databases) {
            auto r = migration::validateDatabase(s.withDatabase(name), t.withDatabase(name), options, &cancel);
            if (!r)
                return fail(r.error());
            all << *r;
        }
        return all;
    });
    QObject::connect(&job, &Job::finished, &QCoreApplication::quit);
    job.start();
    QCoreApplication::exec();
    if (job.error()) {
        err << "flexmigrate validate: " << job.error()->toDisplayString() << '\n';
        return ExitUsage;
    }
    bool allEqual = true;
    QJsonArray docs;
    for (const auto &d : job.result()) {
        allEqual = allEqual && d.equal();
        if (parser.isSet(json)) {
            docs.append(migration::toJson(d));
            continue;
        }
        out << "Database " << d.database << (options.checksums ? " (row counts and checksums)\n" : " (row counts)\n");
        out << "  " << QStringLiteral("TABLE").leftJustified(40) << QStringLiteral("SOURCE ROWS").rightJustified(13) << QStringLiteral("TARGET ROWS").rightJustified(13) << "  RESULT\n";
        for (const auto &t : d.tables) {
            QString result;
            if (t.missingOnTarget)
                result = QStringLiteral("MISSING on the target");
            else if (t.equal())
                result = t.checksummed ? QStringLiteral("equal (%1 chunk%2)").arg(t.chunks).arg(t.chunks == 1 ? "" : "s") : QStringLiteral("equal");
            else if (t.differences.isEmpty())
                result = QStringLiteral("DIFFERENT row count");
            else {
                QStringList parts;
                for (const auto &c : t.differences)
                    parts << QStringLiteral("%1: %2 vs %3 rows").arg(c.range).arg(c.sourceRows).arg(c.targetRows);
                result = QStringLiteral("DIFFERENT in ") + parts.join(QStringLiteral("; "));
            }
            out << "  " << t.qualifiedName().leftJustified(40) << QString::number(t.sourceRows).rightJustified(13)
                << (t.targetRows < 0 ? QStringLiteral("-") : QString::number(t.targetRows)).rightJustified(13) << "  " << result << '\n';
        }
        for (const auto &extra : d.extraOnTarget)
            out << "  " << extra.leftJustified(40) << QStringLiteral("-").rightJustified(13) << QStringLiteral("?").rightJustified(13) << "  only on the target\n";
        out << (d.equal() ? QStringLiteral("  Equal.\n") : QStringLiteral("  %1 of %2 tables differ.\n").arg(d.differingTables()).arg(d.tables.size()));
    }
    if (parser.isSet(json))
        out << QJsonDocument(QJsonObject{{QStringLiteral("equal"), allEqual}, {QStringLiteral("databases"), docs}}).toJson(QJsonDocument::Indented);
    out.flush();
    return allEqual ? ExitOk : ExitNotEqual;
}

} // namespace fm::cli
