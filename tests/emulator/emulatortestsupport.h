// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// Shared by the emulator tests: a base configuration, an in-process emulator
// listening on loopback, and a raw QNetworkAccessManager client (exact bodies;
// engine/http is deliberately not used, so the emulator is tested on its own).

#include "emulator/emulator.h"
#include "emulator/emulatorserver.h"
#include "tests/support/pgcluster.h"

#include <QElapsedTimer>
#include <QFile>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <memory>

namespace fm::test::emu {

using json = nlohmann::json;

inline const QString kTenant = QStringLiteral("11111111-1111-1111-1111-111111111111");
inline const QString kOtherTenant = QStringLiteral("99999999-9999-9999-9999-999999999999");
inline const QString kSub = QStringLiteral("22222222-2222-2222-2222-222222222222");
inline const QString kOtherSub = QStringLiteral("88888888-8888-8888-8888-888888888888");
inline const QString kContributor = QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001");
inline const QString kReader = QStringLiteral("aaaaaaaa-0000-0000-0000-000000000002");
inline const QString kNobody = QStringLiteral("aaaaaaaa-0000-0000-0000-000000000003");
inline const QString kServerScoped = QStringLiteral("aaaaaaaa-0000-0000-0000-000000000004");
inline const QString kForeignApp = QStringLiteral("bbbbbbbb-0000-0000-0000-000000000001");
inline const QString kSecret = QStringLiteral("s3cr3t~Value.With+Plus");
inline const QString kRg = QStringLiteral("rg1");
inline const QString kSingle = QStringLiteral("src-single");
inline const QString kFlex = QStringLiteral("tgt-flex");

inline QString rgPath()
{
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(kSub, kRg);
}
inline QString singlePath()
{
    return rgPath() + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/servers/") + kSingle;
}
inline QString flexPath()
{
    return rgPath() + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/flexibleServers/") + kFlex;
}

/** Two servers (ports/passwords of real clusters, or placeholders), four apps with different roles. */
inline json baseConfig(int sourcePort = 5432, const QString &sourcePassword = QString(), int targetPort = 5432, const QString &targetPassword = QString())
{
    auto pgj = [](int port, const QString &pw) {
        return json{{"host", "127.0.0.1"}, {"port", port}, {"user", "postgres"}, {"password", pw.toStdString()}, {"sslmode", "disable"}};
    };
    return json{
        {"tokenLifetimeSeconds", 3600},
        {"tenants",
         json::array({{{"id", kTenant.toStdString()},
                       {"domain", "contoso.onmicrosoft.com"},
                       {"apps", json::array({{{"clientId", kContributor.toStdString()}, {"secret", kSecret.toStdString()}, {"displayName", "contributor"}},
                                             {{"clientId", kReader.toStdString()}, {"secret", kSecret.toStdString()}},
                                             {{"clientId", kNobody.toStdString()}, {"secret", kSecret.toStdString()}},
                                             {{"clientId", kServerScoped.toStdString()}, {"secret", kSecret.toStdString()}}})}},
                      {{"id", kOtherTenant.toStdString()}, {"apps", json::array({{{"clientId", kForeignApp.toStdString()}, {"secret", kSecret.toStdString()}}})}}})},
        {"subscriptions",
         json::array({{{"id", kSub.toStdString()}, {"tenantId", kTenant.toStdString()}, {"resourceGroups", json::array({{{"name", kRg.toStdString()}, {"location", "westus"}}})}},
                      {{"id", kOtherSub.toStdString()}, {"tenantId", kOtherTenant.toStdString()}, {"resourceGroups", json::array()}}})},
        {"singleServers",
         json::array({{{"subscriptionId", kSub.toStdString()}, {"resourceGroup", kRg.toStdString()}, {"name", kSingle.toStdString()}, {"version", "11"},
                       {"postgres", pgj(sourcePort, sourcePassword)}}})},
        {"flexibleServers",
         json::array({{{"subscriptionId", kSub.toStdString()}, {"resourceGroup", kRg.toStdString()}, {"name", kFlex.toStdString()}, {"version", "16"},
                       {"sku", {{"name", "Standard_D4ds_v5"}, {"tier", "GeneralPurpose"}}},
                       {"postgres", pgj(targetPort, targetPassword)}}})},
        {"roleAssignments",
         json::array({{{"principal", kContributor.toStdString()}, {"role", "Contributor"}, {"scope", ("/subscriptions/" + kSub).toStdString()}},
                      {{"principal", kReader.toStdString()}, {"role", "Reader"}, {"scope", ("/subscriptions/" + kSub).toStdString()}},
                      {{"principal", kServerScoped.toStdString()}, {"role", "Contributor"}, {"scope", flexPath().toStdString()}}})},
        {"timing", {{"lroMs", 200}, {"restartMs", 400}, {"prerequisitesMs", 200}, {"tickMs", 50}, {"retryAfterSeconds", 1}}}};
}

struct Reply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    json j; ///< parsed body (discarded when not JSON)
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    QString code() const
    {
        if (j.is_object() && j.contains("error") && j["error"].is_object() && j["error"].contains("code"))
            return QString::fromStdString(j["error"]["code"].get<std::string>());
        return {};
    }
    QString message() const
    {
        if (j.is_object() && j.contains("error") && j["error"].is_object() && j["error"].contains("message"))
            return QString::fromStdString(j["error"]["message"].get<std::string>());
        return {};
    }
};

/** An emulator on 127.0.0.1:0 plus a raw HTTP client. */
class Harness
{
public:
    explicit Harness(const json &config)
    {
        auto cfg = emulator::EmulatorConfig::fromJson(config);
        if (!cfg)
            qFatal("bad test config: %s", qPrintable(cfg.error().message));
        emu = std::make_unique<emulator::Emulator>(std::move(*cfg));
        server = std::make_unique<emulator::EmulatorServer>(emu.get());
        auto port = server->listenOn(QHostAddress::LocalHost, 0);
        if (!port)
            qFatal("cannot listen: %s", qPrintable(port.error().message));
        base = server->baseUrl();
    }

    Reply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {},
               int timeoutMs = 30000)
    {
        QNetworkRequest req(QUrl(pathAndQuery.startsWith(QLatin1String("http")) ? pathAndQuery : base + pathAndQuery));
        for (const auto &h : headers)
            req.setRawHeader(h.first, h.second);
        if (!body.isEmpty() && !req.hasRawHeader("Content-Type"))
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r;
        if (!reply->isFinished()) {
            reply->abort();
            r.error = QNetworkReply::TimeoutError;
        } else {
            r.error = reply->error();
        }
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        r.j = json::parse(r.body.constData(), r.body.constData() + r.body.size(), nullptr, false);
        reply->deleteLater();
        return r;
    }

    Reply tokenRequest(const QString &tenant, const QByteArray &form)
    {
        return send("POST", QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant), form,
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
    }

    static QByteArray form(const QString &clientId, const QString &secret, const QString &scope = QStringLiteral("https://management.azure.com/.default"))
    {
        return "grant_type=client_credentials&client_id=" + QUrl::toPercentEncoding(clientId) + "&client_secret=" + QUrl::toPercentEncoding(secret)
               + "&scope=" + QUrl::toPercentEncoding(scope);
    }

    QByteArray token(const QString &clientId, const QString &tenant = kTenant)
    {
        const Reply r = tokenRequest(tenant, form(clientId, kSecret));
        if (r.status != 200)
            qFatal("token request failed: %s", r.body.constData());
        return QByteArray::fromStdString(r.j["access_token"].get<std::string>());
    }

    Reply arm(const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &body = {})
    {
        return send(method, path, body, {{"Authorization", "Bearer " + token}});
    }

    /** Polls `until` (which does its own GETs) every 100 ms, up to timeoutMs. */
    template<typename F>
    static bool waitFor(F until, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (until())
                return true;
            QTest::qWait(100);
        }
        return until();
    }

    std::unique_ptr<emulator::Emulator> emu;
    std::unique_ptr<emulator::EmulatorServer> server;
    QNetworkAccessManager nam;
    QString base;
};

/**
 * Writes an az-style properties file (2024-08-01 shape) for migrating `db` from the
 * Single Server at `singleServerPath` to `path`, with both clusters' passwords.
 */
inline QString writeMigrationProperties(const QString &path, const QString &singleServerPath, const PgCluster &source, const PgCluster &target,
                                        const QString &db)
{
    const nlohmann::json props = {{"properties",
                                   {{"sourceDbServerResourceId", singleServerPath.toStdString()},
                                    {"secretParameters",
                                     {{"adminCredentials", {{"sourceServerPassword", source.password().reveal().toStdString()},
                                                            {"targetServerPassword", target.password().reveal().toStdString()}}}}},
                                    {"dbsToMigrate", nlohmann::json::array({db.toStdString()})},
                                    {"setupLogicalReplicationOnSourceDbIfNeeded", "true"},
                                    {"overwriteDbsInTarget", "true"}}}};
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QByteArray::fromStdString(props.dump(2)));
    return path;
}

} // namespace fm::test::emu
