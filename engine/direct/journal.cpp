// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/journal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

#include <nlohmann/json.hpp>

namespace fm::direct {

namespace {
std::string s(const QString &v) { return v.toStdString(); }
QString q(const nlohmann::json &j, const char *key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}
} // namespace

Expected<bool> Journal::load()
{
    QFile f(m_path);
    if (!f.exists())
        return false;
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("JournalUnreadable"),
                                QStringLiteral("Cannot read the journal %1: %2").arg(m_path, f.errorString())));
    const QByteArray bytes = f.readAll();
    // nlohmann throws on bad input; the exception stays inside this function.
    nlohmann::json j = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("JournalCorrupt"),
                                QStringLiteral("The journal %1 is not valid JSON.").arg(m_path),
                                QStringLiteral("Delete it to start over (then clean up replication objects by hand).")));
    try {
        name = q(j, "name");
        source = q(j, "source");
        target = q(j, "target");
        state = q(j, "state");
        ownerPid = j.value("ownerPid", qint64(0));
        ownerHost = q(j, "ownerHost");
        databases.clear();
        if (j.contains("databases") && j["databases"].is_object()) {
            for (auto &[key, v] : j["databases"].items()) {
                JournalDatabase d;
                d.phase = q(v, "phase");
                d.slot = q(v, "slot");
                d.publication = q(v, "publication");
                d.subscription = q(v, "subscription");
                d.heartbeatSchema = q(v, "heartbeatSchema");
                d.createdTargetDatabase = v.value("createdTargetDatabase", false);
                d.frozen = v.value("frozen", false);
                d.frozenPrevious = q(v, "frozenPrevious");
                d.captureStopped = v.value("captureStopped", false);
                if (v.contains("replicaIdentityChanged") && v["replicaIdentityChanged"].is_object())
                    for (auto &[t, prev] : v["replicaIdentityChanged"].items())
                        d.replicaIdentityChanged[QString::fromStdString(t)] = QString::fromStdString(prev.get<std::string>());
                if (v.contains("tableSyncPoints") && v["tableSyncPoints"].is_object())
                    for (auto &[t, lsn] : v["tableSyncPoints"].items())
                        d.tableSyncPoints[QString::fromStdString(t)] = QString::fromStdString(lsn.get<std::string>());
                if (v.contains("doneUnits") && v["doneUnits"].is_array())
                    for (const auto &u : v["doneUnits"])
                        d.doneUnits << QString::fromStdString(u.get<std::string>());
                databases[QString::fromStdString(key)] = d;
            }
        }
    } catch (const std::exception &e) {
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("JournalCorrupt"),
                                QStringLiteral("The journal %1 has unexpected content: %2").arg(m_path, QString::fromUtf8(e.what()))));
    }
    return true;
}

Expected<void> Journal::save()
{
    nlohmann::json j;
    j["version"] = 1;
    j["name"] = s(name);
    j["source"] = s(source);
    j["target"] = s(target);
    j["state"] = s(state);
    j["ownerPid"] = ownerPid;
    j["ownerHost"] = s(ownerHost);
    nlohmann::json dbs = nlohmann::json::object();
    for (const auto &[key, d] : databases) {
        nlohmann::json v;
        v["phase"] = s(d.phase);
        v["slot"] = s(d.slot);
        v["publication"] = s(d.publication);
        v["subscription"] = s(d.subscription);
        v["heartbeatSchema"] = s(d.heartbeatSchema);
        v["createdTargetDatabase"] = d.createdTargetDatabase;
        v["frozen"] = d.frozen;
        v["frozenPrevious"] = s(d.frozenPrevious);
        v["captureStopped"] = d.captureStopped;
        nlohmann::json ri = nlohmann::json::object();
        for (const auto &[t, prev] : d.replicaIdentityChanged)
            ri[s(t)] = s(prev);
        v["replicaIdentityChanged"] = ri;
        nlohmann::json done = nlohmann::json::array();
        for (const auto &u : d.doneUnits)
            done.push_back(s(u));
        v["doneUnits"] = done;
        nlohmann::json sync = nlohmann::json::object();
        for (const auto &[t, lsn] : d.tableSyncPoints)
            sync[s(t)] = s(lsn);
        v["tableSyncPoints"] = sync;
        dbs[s(key)] = v;
    }
    j["databases"] = dbs;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile f(m_path);
    const std::string text = j.dump(2);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.data(), qint64(text.size())) != qint64(text.size()) || !f.commit())
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("JournalUnwritable"),
                                QStringLiteral("Cannot write the journal %1: %2").arg(m_path, f.errorString())));
    return {};
}

bool Journal::ownerAlive() const
{
    if (state != QLatin1String("running") || ownerPid <= 0 || ownerHost != QSysInfo::machineHostName())
        return false;
#ifdef Q_OS_UNIX
    // Signal 0 only checks that the process exists (EPERM: it does, as another user).
    return ::kill(pid_t(ownerPid), 0) == 0 || errno == EPERM;
#else
    return false;
#endif
}

} // namespace fm::direct
