// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/dashboard/migrationreport.h"

#include "app/dashboard/migrationviewmodel.h"
#include "engine/core/redaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPageSize>
#include <QPrinter>
#include <QSaveFile>
#include <QTextDocument>

namespace fm::dashboard {

using S = migration::MigrationStatus;

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("—");
}

QString opt(std::optional<qint64> v)
{
    return v ? QLocale().toString(*v) : QStringLiteral("—");
}

/** Keys that name a secret or a reference to one are never exported, whatever their value. */
bool secretKey(const QString &key)
{
    const QString k = key.toLower();
    return k.contains(QLatin1String("password")) || k.contains(QLatin1String("secret")) || k.contains(QLatin1String("token"));
}

void flatten(const QString &prefix, const QJsonValue &v, QList<QPair<QString, QString>> &out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (secretKey(it.key()))
                continue;
            flatten(prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), it.value(), out);
        }
    } else if (v.isArray()) {
        QStringList items;
        bool simple = true;
        for (const auto &e : v.toArray()) {
            simple = simple && !e.isObject() && !e.isArray();
            items << (e.isString() ? e.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{e}).toJson(QJsonDocument::Compact)));
        }
        if (simple)
            out.append({prefix, items.join(QStringLiteral(", "))});
        else
            for (int i = 0; i < v.toArray().size(); ++i)
                flatten(prefix + QStringLiteral("[%1]").arg(i), v.toArray().at(i), out);
    } else if (!v.isNull() && !v.isUndefined()) {
        out.append({prefix, v.isString() ? v.toString() : v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false")) : QString::number(v.toDouble())});
    }
}

QString lagText(const S::Lag &lag)
{
    QStringList parts;
    if (lag.seconds)
        parts << MigrationViewModel::formatDuration(*lag.seconds);
    if (lag.bytes)
        parts << MigrationViewModel::formatBytes(*lag.bytes);
    return parts.isEmpty() ? QStringLiteral("unknown") : parts.join(QStringLiteral(" / "));
}

} // namespace

QString MigrationReport::html(const MigrationViewModel &model)
{
    const S s = model.status();
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                        "<style>body{font-family:sans-serif;font-size:10pt} table{border-collapse:collapse;margin-bottom:12px}"
                        " td,th{border:1px solid #999;padding:2px 6px;text-align:left} th{background:#eee}"
                        " .ok{background:#c8f0c8} .bad{background:#f8c0c0}</style></head><body>\n")
             .arg(esc(QStringLiteral("FlexMigrate report: ") + model.title()));
    h += QStringLiteral("<h1>FlexMigrate migration report: %1</h1>\n").arg(esc(model.title()));
    h += QStringLiteral("<p>Generated %1. Backend: %2. Final state: <b>%3</b>%4.</p>\n")
             .arg(when(QDateTime::currentDateTimeUtc()), esc(s.backend), esc(toString(s.state)),
                  s.subState == S::SubState::None ? QString() : esc(QStringLiteral(" / ") + toString(s.subState)));

    // Inputs: the spec as the wizard made it (no secrets; references dropped too).
    h += QStringLiteral("<h2>Inputs</h2>\n<table><tr><th>Setting</th><th>Value</th></tr>\n");
    QList<QPair<QString, QString>> inputs;
    if (model.spec())
        flatten({}, model.spec()->toDraft(), inputs);
    inputs.prepend({QStringLiteral("local id"), model.id()});
    if (model.spec() == std::nullopt) {
        QStringList dbs;
        for (const auto &d : s.databases)
            dbs << d.name;
        inputs.append({QStringLiteral("databases"), dbs.join(QStringLiteral(", "))});
    }
    for (const auto &[k, v] : inputs)
        h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>\n").arg(esc(k), esc(v));
    h += QStringLiteral("</table>\n");

    // Timings per phase.
    h += QStringLiteral("<h2>Timings per phase</h2>\n<table><tr><th>Phase</th><th>Started (UTC)</th><th>Ended (UTC)</th><th>Duration</th></tr>\n");
    for (const auto &p : model.phases()) {
        const QString duration = p.end.isValid() ? MigrationViewModel::formatDuration(p.start.secsTo(p.end)) : QStringLiteral("running");
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n").arg(esc(p.name), when(p.start), when(p.end), esc(duration));
    }
    h += QStringLiteral("</table>\n<p>Started %1, ended %2.</p>\n").arg(when(s.startedOn), when(s.endedOn));

    // Cutover: who, when, lag then.
    h += QStringLiteral("<h2>Cutover</h2>\n");
    const QList<MigrationViewModel::CutoverRecord> cutovers = model.cutoverHistory();
    for (const auto &record : cutovers) {
        // Several presses (per-database cutover): one table each, oldest first.
        const auto *c = &record;
        if (cutovers.size() > 1)
            h += QStringLiteral("<h3>Cutover request %1 of %2</h3>\n").arg(&record - cutovers.constData() + 1).arg(cutovers.size());
        h += QStringLiteral("<table><tr><th>Pressed by</th><td>%1</td></tr><tr><th>Pressed at (UTC)</th><td>%2</td></tr>"
                            "<tr><th>Databases</th><td>%3</td></tr><tr><th>Lag at cutover</th><td>%4</td></tr>"
                            "<tr><th>Pending changes</th><td>%5</td></tr><tr><th>Result</th><td>%6</td></tr>"
                            "<tr><th>Completed at (UTC)</th><td>%7</td></tr></table>\n")
                 .arg(esc(c->requestedBy), when(c->requestedAt), esc(c->databases.isEmpty() ? QStringLiteral("all") : c->databases.join(QStringLiteral(", "))),
                      esc(lagText(c->lagAtRequest)), opt(c->pendingChanges),
                      esc(!c->answered ? QStringLiteral("pending") : c->accepted ? QStringLiteral("accepted") : QStringLiteral("refused: ") + c->refusal),
                      when(c->completedAt));
    }
    if (cutovers.isEmpty())
        h += QStringLiteral("<p>No cutover was requested from this app.</p>\n");

    // Databases.
    h += QStringLiteral("<h2>Databases</h2>\n<table><tr><th>Database</th><th>State</th><th>Tables done/all</th><th>Rows</th><th>Bytes</th>"
                        "<th>Inserts</th><th>Updates</th><th>Deletes</th><th>Lag</th></tr>\n");
    for (const auto &d : s.databases) {
        const qint64 all = d.tablesQueued.value_or(0) + d.tablesLoading.value_or(0) + d.tablesCompleted.value_or(0) + d.tablesErrored.value_or(0);
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3/%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td><td>%9</td><td>%10</td></tr>\n")
                 .arg(esc(d.name), esc(toString(d.state)), opt(d.tablesCompleted), QLocale().toString(all), opt(d.counters.fullLoadRows),
                      d.counters.fullLoadBytes ? esc(MigrationViewModel::formatBytes(*d.counters.fullLoadBytes)) : QStringLiteral("—"),
                      opt(d.counters.cdcInserts), opt(d.counters.cdcUpdates), opt(d.counters.cdcDeletes))
                 .arg(esc(lagText(d.lag)));
    }
    h += QStringLiteral("</table>\n");

    // Validation.
    h += QStringLiteral("<h2>Validation</h2>\n");
    if (model.validation().isEmpty()) {
        h += QStringLiteral("<p>Not validated%1.</p>\n").arg(model.validationError().isEmpty() ? QString() : QStringLiteral(": ") + esc(model.validationError()));
    } else {
        h += QStringLiteral("<p>Validated at %1 (UTC).</p>\n<table><tr><th>Database</th><th>Table</th><th>Source rows</th><th>Target rows</th>"
                            "<th>Checksum chunks</th><th>Result</th></tr>\n")
                 .arg(when(model.validatedAt()));
        for (const auto &d : model.validation()) {
            for (const auto &t : d.tables) {
                QString result = t.equal() ? QStringLiteral("equal") : t.missingOnTarget ? QStringLiteral("missing on target") : QStringLiteral("DIFFERENT");
                if (!t.differences.isEmpty()) {
                    QStringList ranges;
                    for (const auto &c : t.differences)
                        ranges << QStringLiteral("%1 (%2 vs %3 rows)").arg(c.range).arg(c.sourceRows).arg(c.targetRows);
                    result += QStringLiteral(": ") + ranges.join(QStringLiteral("; "));
                }
                h += QStringLiteral("<tr class=\"%1\" bgcolor=\"%2\"><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td></tr>\n")
                         .arg(t.equal() ? QStringLiteral("ok") : QStringLiteral("bad"), t.equal() ? QStringLiteral("#c8f0c8") : QStringLiteral("#f8c0c0"),
                              esc(d.database), esc(t.schema + QLatin1Char('.') + t.name), QLocale().toString(t.sourceRows), QLocale().toString(t.targetRows),
                              t.checksummed ? QString::number(t.chunks) : QStringLiteral("—"), esc(result));
            }
            for (const auto &extra : d.extraOnTarget)
                h += QStringLiteral("<tr class=\"bad\" bgcolor=\"#f8c0c0\"><td>%1</td><td>%2</td><td>—</td><td>—</td><td>—</td><td>only on the target</td></tr>\n")
                         .arg(esc(d.database), esc(extra));
        }
        h += QStringLiteral("</table>\n");
    }

    // The post-cutover checklist (issue 12), as far as it was verified.
    if (const auto &list = model.checklist()) {
        h += QStringLiteral("<h2>Post-cutover checklist</h2>\n<table><tr><th>Item</th><th>Done</th><th>Result</th><th>Checked at (UTC)</th></tr>\n");
        for (const auto &i : list->items())
            h += QStringLiteral("<tr class=\"%1\"><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>\n")
                     .arg(i.verified ? QStringLiteral("ok") : QString(), esc(i.title), i.verified ? QStringLiteral("yes") : QStringLiteral("no"), esc(i.result),
                          when(i.verifiedAt));
        h += QStringLiteral("</table>\n");
    }

    // Errors.
    h += QStringLiteral("<h2>Errors</h2>\n");
    if (s.errors.isEmpty()) {
        h += QStringLiteral("<p>None.</p>\n");
    } else {
        h += QStringLiteral("<table><tr><th>Time (UTC)</th><th>Error</th><th>Code</th><th>Request id</th></tr>\n");
        for (const auto &e : s.errors)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n").arg(when(e.time), esc(MigrationViewModel::errorText(e)), esc(e.code), esc(e.requestId));
        h += QStringLiteral("</table>\n");
    }

    // Timeline.
    h += QStringLiteral("<h2>Timeline</h2>\n<table><tr><th>Time (UTC)</th><th>Event</th></tr>\n");
    for (const auto &e : model.timeline())
        h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>\n").arg(when(e.time), esc(e.text));
    h += QStringLiteral("</table>\n</body></html>\n");
    // Last guard: any live secret value that slipped in is masked (DESIGN.md "Rules that hold everywhere").
    return redacted(h);
}

Expected<void> MigrationReport::saveHtml(const MigrationViewModel &model, const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("ReportNotWritten"), QStringLiteral("Cannot write %1: %2").arg(path, f.errorString())));
    f.write(html(model).toUtf8());
    if (!f.commit())
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("ReportNotWritten"), QStringLiteral("Cannot write %1: %2").arg(path, f.errorString())));
    return {};
}

Expected<void> MigrationReport::savePdf(const MigrationViewModel &model, const QString &path)
{
    QTextDocument doc;
    doc.setHtml(html(model));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageSize(QPageSize(QPageSize::A4));
    doc.print(&printer);
    QFile check(path);
    if (!check.exists() || check.size() == 0)
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("ReportNotWritten"), QStringLiteral("Cannot write the PDF %1.").arg(path)));
    return {};
}

} // namespace fm::dashboard
