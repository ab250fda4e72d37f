// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/migrationclient.h"

#include "engine/arm/jsonutil.h"

namespace fm::arm {

using nlohmann::json;

namespace {
const QString kFlexibleServers = QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers");
}

MigrationClient::MigrationClient(http::HttpClient *client, http::CloudProfile profile, MigrationApiVersion version)
    : ArmClient(client, std::move(profile)), m_version(version)
{
}

ResourceId MigrationClient::migrationId(const ResourceId &targetServer, const QString &migrationName)
{
    return targetServer.child(QStringLiteral("migrations"), migrationName);
}

std::optional<Error> MigrationClient::checkTarget(const ResourceId &target, const QString &migrationName, bool needName) const
{
    if (auto e = expectType(target, kFlexibleServers, QStringLiteral("Target server id")))
        return e;
    if (auto e = ResourceId::checkServerName(target.name(), QStringLiteral("Target server name")))
        return e;
    if (needName)
        return ResourceId::checkMigrationName(migrationName);
    return std::nullopt;
}

void MigrationClient::create(const ResourceId &targetServer, const QString &migrationName, const CreateMigrationRequest &request, QObject *context,
                             Callback<MigrationResource> done) const
{
    if (auto e = checkTarget(targetServer, migrationName, true))
        return failLater(context, std::move(done), *e);
    auto body = buildCreateBody(request, m_version);
    if (!body)
        return failLater(context, std::move(done), body.error());
    http::Request req = http::Request::json("PUT", url(migrationId(targetServer, migrationName), {}, apiVersion()), *body);
    req.sensitiveBody = true; // adminCredentials and aadApp.aadSecret
    sendParsed<MigrationResource>(std::move(req), context, &parseMigration, std::move(done));
}

void MigrationClient::get(const ResourceId &targetServer, const QString &migrationName, QObject *context, Callback<MigrationResource> done,
                          const QString &detailsLevel) const
{
    if (auto e = checkTarget(targetServer, migrationName, true))
        return failLater(context, std::move(done), *e);
    QList<QPair<QString, QString>> query;
    if (!detailsLevel.isEmpty()) {
        const MigrationDetailsLevel level(detailsLevel);
        if (!level.isKnown())
            return failLater(context, std::move(done),
                             Error::validation(QStringLiteral("InvalidDetailsLevel"),
                                               QStringLiteral("Details level '%1' is not one of Default, Summary, Full.").arg(detailsLevel)));
        if (m_version == MigrationApiVersion::PrivatePreview20210615)
            query.append({QStringLiteral("level"), level.canonical()});
    }
    sendParsed<MigrationResource>(http::Request::get(url(migrationId(targetServer, migrationName), {}, apiVersion(), query)), context, &parseMigration,
                                  std::move(done));
}

void MigrationClient::list(const ResourceId &targetServer, const MigrationListFilter &filter, QObject *context, Callback<QList<MigrationResource>> done) const
{
    if (auto e = checkTarget(targetServer, {}, false))
        return failLater(context, std::move(done), *e);
    const QString f = filter.isEmpty() ? QStringLiteral("Active") : filter.canonical();
    if (f.isEmpty())
        return failLater(context, std::move(done),
                         Error::validation(QStringLiteral("InvalidFilter"), QStringLiteral("Filter '%1' is not one of Active, All.").arg(filter.toString())));
    listAll(url(targetServer, QStringLiteral("/migrations"), apiVersion(), {{QStringLiteral("migrationListFilter"), f}}), context,
            [done = std::move(done)](Expected<QList<json>> items) {
                if (!items)
                    return done(fail(items.error()));
                QList<MigrationResource> out;
                for (const auto &i : *items)
                    if (auto m = parseMigration(i))
                        out.append(*m);
                done(out);
            });
}

void MigrationClient::update(const ResourceId &targetServer, const QString &migrationName, const MigrationUpdate &update, QObject *context,
                             Callback<MigrationResource> done) const
{
    if (auto e = checkTarget(targetServer, migrationName, true))
        return failLater(context, std::move(done), *e);
    auto body = buildUpdateBody(update, m_version);
    if (!body)
        return failLater(context, std::move(done), body.error());
    sendParsed<MigrationResource>(http::Request::json("PATCH", url(migrationId(targetServer, migrationName), {}, apiVersion()), *body), context,
                                  &parseMigration, std::move(done));
}

void MigrationClient::updateLikeAzCli(const ResourceId &targetServer, const QString &migrationName, const MigrationUpdate &u, QObject *context,
                                      Callback<MigrationResource> done) const
{
    const bool needsGet = u.kind == MigrationUpdate::Kind::Cutover || u.kind == MigrationUpdate::Kind::Cancel;
    if (!needsGet)
        return update(targetServer, migrationName, u, context, std::move(done));
    const MigrationClient self = *this;
    get(targetServer, migrationName, context, [self, targetServer, migrationName, u, context, done = std::move(done)](Expected<MigrationResource> m) mutable {
        if (!m)
            return done(fail(m.error()));
        if (u.kind == MigrationUpdate::Kind::Cutover && m->mode.is(QLatin1String("Offline")))
            return done(fail(Error::validation(QStringLiteral("CutoverNotPossible"),
                                               QStringLiteral("Cutover is not possible for migration '%1': it is an offline migration, which cuts over automatically.").arg(migrationName))));
        MigrationUpdate effective = u;
        if (effective.databases.isEmpty() && self.version() == MigrationApiVersion::Stable20240801)
            effective.databases = m->dbsToMigrate;
        self.update(targetServer, migrationName, effective, context, std::move(done));
    });
}

void MigrationClient::remove(const ResourceId &targetServer, const QString &migrationName, QObject *context, Callback<std::optional<MigrationResource>> done) const
{
    if (auto e = checkTarget(targetServer, migrationName, true))
        return failLater(context, std::move(done), *e);
    http::Request req = http::Request::get(url(migrationId(targetServer, migrationName), {}, apiVersion()));
    req.method = "DELETE";
    send(std::move(req), context, [done = std::move(done)](Expected<http::Response> r) {
        if (!r)
            return done(fail(r.error()));
        if (r->status == 204 || r->body.trimmed().isEmpty())
            return done(std::optional<MigrationResource>());
        auto j = r->json();
        if (!j)
            return done(fail(j.error()));
        auto m = parseMigration(*j);
        if (!m)
            return done(fail(m.error()));
        done(std::optional<MigrationResource>(std::move(*m)));
    });
}

void MigrationClient::checkNameAvailability(const ResourceId &targetServer, const QString &migrationName, QObject *context, Callback<NameAvailability> done) const
{
    if (auto e = checkTarget(targetServer, {}, false))
        return failLater(context, std::move(done), *e);
    if (migrationName.isEmpty())
        return failLater(context, std::move(done), Error::validation(QStringLiteral("InvalidMigrationName"), QStringLiteral("The migration name is empty.")));
    sendParsed<NameAvailability>(http::Request::json("POST", url(targetServer, QStringLiteral("/checkMigrationNameAvailability"), apiVersion()),
                                                     buildCheckNameBody(migrationName)),
                                 context, &parseNameAvailability, std::move(done));
}

} // namespace fm::arm
