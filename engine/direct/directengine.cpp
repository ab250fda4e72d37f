// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// The public face of the direct engine; the run itself is Engine (engine.h),
// which drives the steps in snapshotstep, schemastep, copystep,
// changecapture/subscriptioncapture, cutoverstep and cleanupstep.
#include "engine/direct/directengine.h"

#include "engine/direct/engine.h"

#include <QCryptographicHash>

namespace fm::direct {

namespace {

QString shortHash(const QString &s)
{
    return QString::fromLatin1(QCryptographicHash::hash(s.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
}

} // namespace

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
    if (!changeCapture.isEmpty())
        j["changeCapture"] = js(changeCapture);
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

QString journalPathFor(const DirectOptions &options) { return Engine::resolveJournalPath(options); }

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
