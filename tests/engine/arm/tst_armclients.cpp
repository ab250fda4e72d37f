// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Typed ARM clients against the fake network manager: the exact method, URL with
// api-version, headers and body of every operation, responses from the spec
// examples parsed, pagination, long-running operations, ARM errors, malformed
// bodies, and no secret in any log line.
#include "engine/arm/migrationclient.h"
#include "engine/arm/permissionsclient.h"
#include "engine/arm/serverclients.h"
#include "engine/core/logging.h"
#include "tests/engine/arm/clienttestsupport.h"

#include <QTest>

using namespace fm;
using namespace fm::arm;
using namespace fm::test;

namespace {

const QString kRg = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/rg");
const QString kSrc = kRg + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/servers/src");
const QString kTgt = kRg + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/flexibleServers/tgt");

ResourceId id(const QString &text)
{
    return *ResourceId::parse(text);
}

CreateMigrationRequest seedRequest()
{
    CreateMigrationRequest r;
    r.location = QStringLiteral("westus");
    r.sourceDbServerResourceId = kSrc;
    r.sourceServerPassword = Secret(QStringLiteral("src-Secret-1"));
    r.targetServerPassword = Secret(QStringLiteral("tgt-Secret-2"));
    r.aadClientId = QStringLiteral("cccccccc-cccc-cccc-cccc-cccccccccccc");
    r.aadTenantId = QStringLiteral("tttttttt-tttt-tttt-tttt-tttttttttttt");
    r.aadSecret = Secret(QStringLiteral("aad-Secret-3"));
    r.dbsToMigrate = {QStringLiteral("db1"), QStringLiteral("db2")};
    return r;
}

CreateMigrationRequest stableRequest()
{
    CreateMigrationRequest r;
    r.location = QStringLiteral("westus");
    r.sourceDbServerResourceId = kSrc;
    r.sourceServerPassword = Secret(QStringLiteral("src-Secret-1"));
    r.targetServerPassword = Secret(QStringLiteral("tgt-Secret-2"));
    r.dbsToMigrate = {QStringLiteral("db1")};
    r.mode = MigrationMode(QStringLiteral("Online"));
    return r;
}

QString summary(const MigrationResource &m)
{
    return QStringLiteral("%1 %2/%3 dbs=%4").arg(m.displayName(), m.currentStatus.state.toString(), m.currentStatus.subState.toString(), m.dbsToMigrate.join(QLatin1Char(',')));
}

/** JSON written with single quotes (keeps the rows readable without raw strings, which moc 6.4 mis-parses). */
QString q(const char *text)
{
    return QString::fromUtf8(text).replace(QLatin1Char('\''), QLatin1Char('"'));
}

template<typename T>
QString outcome(const Expected<T> &e, const std::function<QString(const T &)> &ok)
{
    return e ? ok(*e) : QStringLiteral("error:%1:%2").arg(e.error().code, e.error().message);
}

} // namespace

class TestArmClients : public QObject
{
    Q_OBJECT

    /** Runs one named operation against the fixture; returns a one-line summary of the outcome. */
    QString run(ClientFixture &f, const QString &op)
    {
        const SingleServerClient single(f.http.get(), f.profile);
        const FlexibleServerClient flex(f.http.get(), f.profile);
        const PermissionsClient perms(f.http.get(), f.profile);
        const MigrationClient m21(f.http.get(), f.profile, MigrationApiVersion::PrivatePreview20210615);
        const MigrationClient m24(f.http.get(), f.profile, MigrationApiVersion::Stable20240801);
        const ResourceId src = id(kSrc), tgt = id(kTgt);
        auto mig = [](const Expected<MigrationResource> &e) { return outcome<MigrationResource>(e, summary); };

        if (op == QLatin1String("single.get"))
            return outcome<SingleServer>(await<SingleServer>([&](QObject *c, Callback<SingleServer> d) { single.getServer(src, c, d); }), [](const SingleServer &s) {
                return QStringLiteral("%1 %2 %3 %4 %5 logical=%6").arg(s.name, s.skuName, s.version, s.userVisibleState.toString(), s.qualifiedLogin(s.administratorLogin)).arg(s.supportsLogicalReplication());
            });
        if (op == QLatin1String("single.configurations"))
            return outcome<QList<ServerConfiguration>>(await<QList<ServerConfiguration>>([&](QObject *c, auto d) { single.listConfigurations(src, c, d); }),
                                                       [](const QList<ServerConfiguration> &l) {
                                                           QStringList s;
                                                           for (const auto &x : l)
                                                               s << x.name + QLatin1Char('=') + x.value;
                                                           return s.join(QLatin1Char(' '));
                                                       });
        if (op == QLatin1String("single.replication.get"))
            return outcome<QString>(await<QString>([&](QObject *c, auto d) { single.getReplicationSupport(src, c, d); }), [](const QString &v) { return v; });
        if (op == QLatin1String("single.replication.set"))
            return outcome<ServerConfiguration>(await<ServerConfiguration>([&](QObject *c, auto d) { single.setReplicationSupport(src, QStringLiteral("LOGICAL"), c, d); }),
                                                [](const ServerConfiguration &x) { return x.name + QLatin1Char('=') + x.value + QLatin1Char(' ') + x.source; });
        if (op == QLatin1String("single.replication.bad"))
            return outcome<ServerConfiguration>(await<ServerConfiguration>([&](QObject *c, auto d) { single.setReplicationSupport(src, QStringLiteral("full"), c, d); }),
                                                [](const ServerConfiguration &x) { return x.value; });
        if (op == QLatin1String("single.restart"))
            return outcome<Unit>(await<Unit>([&](QObject *c, auto d) { single.restart(src, c, d); }), [](const Unit &) { return QStringLiteral("restarted"); });
        if (op == QLatin1String("single.firewall.list") || op == QLatin1String("flex.firewall.list")) {
            const ServerResourcesClient &client = op.startsWith(QLatin1String("single")) ? static_cast<const ServerResourcesClient &>(single) : flex;
            return outcome<QList<FirewallRule>>(await<QList<FirewallRule>>([&](QObject *c, auto d) { client.listFirewallRules(op.startsWith(QLatin1String("single")) ? src : tgt, c, d); }),
                                                [](const QList<FirewallRule> &l) {
                                                    QStringList s;
                                                    for (const auto &r : l)
                                                        s << r.name.left(8) + QLatin1Char(':') + r.startIpAddress + QLatin1Char('-') + r.endIpAddress;
                                                    return s.join(QLatin1Char(' '));
                                                });
        }
        if (op == QLatin1String("single.firewall.put"))
            return outcome<FirewallRule>(await<FirewallRule>([&](QObject *c, auto d) { single.createOrUpdateFirewallRule(src, QStringLiteral("flexmigrate"), QStringLiteral("10.1.2.3"), QStringLiteral("10.1.2.3"), c, d); }),
                                         [](const FirewallRule &r) { return r.name + QLatin1Char(' ') + r.startIpAddress; });
        if (op == QLatin1String("single.firewall.badip"))
            return outcome<FirewallRule>(await<FirewallRule>([&](QObject *c, auto d) { single.createOrUpdateFirewallRule(src, QStringLiteral("x"), QStringLiteral("::1"), QStringLiteral("10.0.0.1"), c, d); }),
                                         [](const FirewallRule &r) { return r.name; });
        if (op == QLatin1String("single.firewall.delete"))
            return outcome<Unit>(await<Unit>([&](QObject *c, auto d) { single.deleteFirewallRule(src, QStringLiteral("flexmigrate"), c, d); }), [](const Unit &) { return QStringLiteral("deleted"); });
        if (op == QLatin1String("single.databases") || op == QLatin1String("flex.databases")) {
            const bool s = op.startsWith(QLatin1String("single"));
            return outcome<QList<ServerDatabase>>(await<QList<ServerDatabase>>([&](QObject *c, auto d) {
                                                      if (s)
                                                          single.listDatabases(src, c, d);
                                                      else
                                                          flex.listDatabases(tgt, c, d);
                                                  }),
                                                  [](const QList<ServerDatabase> &l) {
                                                      QStringList out;
                                                      for (const auto &x : l)
                                                          out << x.name + QLatin1Char('/') + x.collation;
                                                      return out.join(QLatin1Char(' '));
                                                  });
        }
        if (op == QLatin1String("single.wrongtype"))
            return outcome<SingleServer>(await<SingleServer>([&](QObject *c, auto d) { single.getServer(tgt, c, d); }), [](const SingleServer &s) { return s.name; });
        if (op == QLatin1String("flex.get"))
            return outcome<FlexibleServer>(await<FlexibleServer>([&](QObject *c, auto d) { flex.getServer(tgt, c, d); }), [](const FlexibleServer &s) {
                return QStringLiteral("%1 %2 %3 %4 private=%5 %6GB").arg(s.name, s.skuName, s.version, s.state.toString()).arg(s.isPrivateAccess()).arg(*s.storageSizeGb);
            });
        if (op == QLatin1String("flex.configurations"))
            return outcome<QList<ServerConfiguration>>(await<QList<ServerConfiguration>>([&](QObject *c, auto d) { flex.listConfigurations(tgt, c, d); }),
                                                       [](const QList<ServerConfiguration> &l) { return QString::number(l.size()); });
        if (op == QLatin1String("flex.configuration.get"))
            return outcome<ServerConfiguration>(await<ServerConfiguration>([&](QObject *c, auto d) { flex.getConfiguration(tgt, QStringLiteral("max_replication_slots"), c, d); }),
                                                [](const ServerConfiguration &x) { return x.value; });
        if (op == QLatin1String("perms.contributor") || op == QLatin1String("perms.reader") || op == QLatin1String("perms.rg"))
            return outcome<PermissionCheck>(await<PermissionCheck>([&](QObject *c, auto d) { perms.checkContributor(op == QLatin1String("perms.rg") ? tgt.parent() : tgt, c, d); }),
                                            [](const PermissionCheck &p) { return p.ok() ? QStringLiteral("ok") : QStringLiteral("missing ") + p.missing.join(QLatin1Char(',')); });
        if (op == QLatin1String("mig21.create"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m21.create(tgt, QStringLiteral("testmigration"), seedRequest(), c, d); }));
        if (op == QLatin1String("mig24.create"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m24.create(tgt, QStringLiteral("testmigration"), stableRequest(), c, d); }));
        if (op == QLatin1String("mig24.create.aad"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m24.create(tgt, QStringLiteral("testmigration"), seedRequest(), c, d); }));
        if (op == QLatin1String("mig21.get"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m21.get(tgt, QStringLiteral("testmigration"), c, d); }));
        if (op == QLatin1String("mig21.get.full"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m21.get(tgt, QStringLiteral("testmigration"), c, d, QStringLiteral("full")); }));
        if (op == QLatin1String("mig24.get.full"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m24.get(tgt, QStringLiteral("examplemigration"), c, d, QStringLiteral("Full")); }));
        if (op == QLatin1String("mig24.get.badlevel"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m24.get(tgt, QStringLiteral("m"), c, d, QStringLiteral("Everything")); }));
        if (op == QLatin1String("mig24.get.badname"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m24.get(tgt, QStringLiteral("bad name"), c, d); }));
        if (op == QLatin1String("mig24.get.wrongtarget"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m24.get(src, QStringLiteral("m"), c, d); }));
        if (op.startsWith(QLatin1String("mig21.list")) || op.startsWith(QLatin1String("mig24.list"))) {
            const MigrationClient &client = op.startsWith(QLatin1String("mig21")) ? m21 : m24;
            const MigrationListFilter filter(op.endsWith(QLatin1String(".all")) ? QStringLiteral("all") : QString());
            return outcome<QList<MigrationResource>>(await<QList<MigrationResource>>([&](QObject *c, auto d) { client.list(tgt, filter, c, d); }),
                                                     [](const QList<MigrationResource> &l) {
                                                         QStringList s;
                                                         for (const auto &x : l)
                                                             s << summary(x);
                                                         return s.join(QStringLiteral("; "));
                                                     });
        }
        if (op == QLatin1String("mig24.cutover"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m24.update(tgt, QStringLiteral("mig1"), {MigrationUpdate::Kind::Cutover, {QStringLiteral("db1")}}, c, d); }));
        if (op == QLatin1String("mig24.cutover.azcli"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m24.updateLikeAzCli(tgt, QStringLiteral("mig1"), {MigrationUpdate::Kind::Cutover, {}}, c, d); }));
        if (op == QLatin1String("mig24.cutover.offline"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m24.updateLikeAzCli(tgt, QStringLiteral("examplemigration"), {MigrationUpdate::Kind::Cutover, {}}, c, d); }));
        if (op == QLatin1String("mig24.cancel.azcli"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m24.updateLikeAzCli(tgt, QStringLiteral("examplemigration"), {MigrationUpdate::Kind::Cancel, {}}, c, d); }));
        if (op == QLatin1String("mig24.setup"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m24.updateLikeAzCli(tgt, QStringLiteral("examplemigration"), {MigrationUpdate::Kind::SetupReplication, {}}, c, d); }));
        if (op == QLatin1String("mig21.start"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m21.update(tgt, QStringLiteral("testmigration"), {MigrationUpdate::Kind::StartDataMigration, {}}, c, d); }));
        if (op == QLatin1String("mig21.cancel"))
            return mig(await<MigrationResource>([&](QObject *c, auto d) { m21.update(tgt, QStringLiteral("testmigration"), {MigrationUpdate::Kind::Cancel, {}}, c, d); }));
        if (op == QLatin1String("mig24.delete") || op == QLatin1String("mig21.delete")) {
            const MigrationClient &client = op.startsWith(QLatin1String("mig21")) ? m21 : m24;
            return outcome<std::optional<MigrationResource>>(await<std::optional<MigrationResource>>([&](QObject *c, auto d) { client.remove(tgt, QStringLiteral("testmigration"), c, d); }),
                                                             [](const std::optional<MigrationResource> &m) { return m ? summary(*m) : QStringLiteral("deleted (no body)"); });
        }
        if (op == QLatin1String("mig24.checkname") || op == QLatin1String("mig21.checkname")) {
            const MigrationClient &client = op.startsWith(QLatin1String("mig21")) ? m21 : m24;
            return outcome<NameAvailability>(await<NameAvailability>([&](QObject *c, auto d) { client.checkNameAvailability(tgt, QStringLiteral("name1"), c, d); }),
                                             [](const NameAvailability &n) { return QStringLiteral("%1 available=%2 %3").arg(n.name).arg(n.nameAvailable).arg(n.reason.toString()); });
        }
        return QStringLiteral("unknown op ") + op;
    }

private slots:
    void initTestCase()
    {
        logging::Options o;
        o.noFile = true;
        o.level = spdlog::level::trace;
        logging::init(o);
    }

    void operations_data()
    {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QStringList>("responses");
        QTest::addColumn<QStringList>("requests"); // "METHOD path?query" relative to the ARM endpoint
        QTest::addColumn<QString>("body");         // expected JSON body of the last request that has one ("" = none)
        QTest::addColumn<QString>("result");
        const QString s17 = QStringLiteral("?api-version=2017-12-01"), f24 = QStringLiteral("?api-version=2024-08-01"), m21 = QStringLiteral("?api-version=2021-06-15-privatepreview");
        const QString async = QStringLiteral(" | Azure-AsyncOperation: https://management.azure.com/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/providers/Microsoft.DBforPostgreSQL/locations/westus2/azureAsyncOperation/op1?api-version=2017-12-01 | Retry-After: 5");
        const QString asyncPoll = QStringLiteral("GET /subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/providers/Microsoft.DBforPostgreSQL/locations/westus2/azureAsyncOperation/op1?api-version=2017-12-01");

        QTest::newRow("single server get") << "single.get" << QStringList{"200 arm/singleserver-get.json"} << QStringList{"GET " + kSrc + s17} << ""
                                           << "azuredbclitest000003 GP_Gen5_2 9.6 Ready cloudsa@azuredbclitest000003 logical=1";
        QTest::newRow("single server configurations") << "single.configurations" << QStringList{"200 arm/configurations-list.json"}
                                                      << QStringList{"GET " + kSrc + "/configurations" + s17} << ""
                                                      << "array_nulls=on azure.replication_support=REPLICA";
        QTest::newRow("replication support get") << "single.replication.get" << QStringList{"200 arm/configuration-replication-replica.json"}
                                                 << QStringList{"GET " + kSrc + "/configurations/azure.replication_support" + s17} << "" << "replica";
        QTest::newRow("replication support set (sync 200)") << "single.replication.set" << QStringList{"200 arm/configuration-replication-logical.json"}
                                                            << QStringList{"PUT " + kSrc + "/configurations/azure.replication_support" + s17}
                                                            << q("{'properties':{'value':'logical','source':'user-override'}}")
                                                            << "azure.replication_support=logical user-override";
        QTest::newRow("replication support set (LRO 202)")
            << "single.replication.set"
            << QStringList{"202 raw:{\"operation\":\"UpsertElasticServer\",\"startTime\":\"2024-01-01T00:00:00Z\"}" + async,
                           "200 raw:{\"name\":\"op1\",\"status\":\"InProgress\"}", "200 raw:{\"name\":\"op1\",\"status\":\"Succeeded\"}",
                           "200 arm/configuration-replication-logical.json"}
            << QStringList{"PUT " + kSrc + "/configurations/azure.replication_support" + s17, asyncPoll, asyncPoll,
                           "GET " + kSrc + "/configurations/azure.replication_support" + s17}
            << q("{'properties':{'value':'logical','source':'user-override'}}") << "azure.replication_support=logical user-override";
        QTest::newRow("replication support bad value") << "single.replication.bad" << QStringList{} << QStringList{} << ""
                                                       << "error:InvalidReplicationSupport:azure.replication_support must be off, replica or logical, not 'full'.";
        QTest::newRow("restart LRO") << "single.restart" << QStringList{"202 -" + async, "200 raw:{\"name\":\"op1\",\"status\":\"Succeeded\"}"}
                                     << QStringList{"POST " + kSrc + "/restart" + s17, asyncPoll} << "" << "restarted";
        QTest::newRow("restart LRO failed") << "single.restart"
                                            << QStringList{"202 -" + async, "200 raw:{\"name\":\"op1\",\"status\":\"Failed\",\"error\":{\"code\":\"ServerBusy\",\"message\":\"Another operation is running.\"}}"}
                                            << QStringList{"POST " + kSrc + "/restart" + s17, asyncPoll} << "" << "error:ServerBusy:Another operation is running.";
        QTest::newRow("firewall list") << "single.firewall.list" << QStringList{"200 arm/firewallrules-list.json"} << QStringList{"GET " + kSrc + "/firewallRules" + s17}
                                       << "" << "AllowAll:0.0.0.0-0.0.0.0 office:10.0.0.1-10.0.0.9";
        QTest::newRow("firewall put") << "single.firewall.put" << QStringList{"200 arm/firewallrule-put.json"} << QStringList{"PUT " + kSrc + "/firewallRules/flexmigrate" + s17}
                                      << q("{'properties':{'startIpAddress':'10.1.2.3','endIpAddress':'10.1.2.3'}}") << "flexmigrate 10.1.2.3";
        QTest::newRow("firewall bad ip") << "single.firewall.badip" << QStringList{} << QStringList{} << "" << "error:InvalidFirewallRule:Start address '::1' is not an IPv4 address.";
        QTest::newRow("firewall delete 204") << "single.firewall.delete" << QStringList{"204 -"} << QStringList{"DELETE " + kSrc + "/firewallRules/flexmigrate" + s17} << "" << "deleted";
        QTest::newRow("single databases") << "single.databases" << QStringList{"200 arm/databases-list.json"} << QStringList{"GET " + kSrc + "/databases" + s17} << ""
                                          << "inventory/English_United States.1252 flexibleserverdb/en_US.utf8";
        QTest::newRow("single on a flexible id") << "single.wrongtype" << QStringList{} << QStringList{} << ""
                                                 << "error:InvalidResourceId:Server id '" + kTgt + "' is a Microsoft.DBforPostgreSQL/flexibleServers, not a Microsoft.DBforPostgreSQL/servers.";
        QTest::newRow("flexible get") << "flex.get" << QStringList{"200 arm/flexibleserver-get.json"} << QStringList{"GET " + kTgt + f24} << ""
                                      << "exampleserver Standard_D4ds_v5 16 Ready private=1 512GB";
        QTest::newRow("flexible databases") << "flex.databases" << QStringList{"200 arm/databases-list.json"} << QStringList{"GET " + kTgt + "/databases" + f24} << ""
                                            << "inventory/English_United States.1252 flexibleserverdb/en_US.utf8";
        QTest::newRow("flexible firewall") << "flex.firewall.list" << QStringList{"200 arm/firewallrules-list.json"} << QStringList{"GET " + kTgt + "/firewallRules" + f24}
                                           << "" << "AllowAll:0.0.0.0-0.0.0.0 office:10.0.0.1-10.0.0.9";
        QTest::newRow("flexible configurations paged")
            << "flex.configurations"
            << QStringList{"200 raw:{\"value\":[{\"name\":\"a\",\"properties\":{\"value\":\"1\"}}],\"nextLink\":\"https://management.azure.com" + kTgt + "/configurations?api-version=2024-08-01&$skipToken=2\"}",
                           "200 raw:{\"value\":[{\"name\":\"b\",\"properties\":{\"value\":\"2\"}}]}"}
            << QStringList{"GET " + kTgt + "/configurations" + f24, "GET " + kTgt + "/configurations" + f24 + "&$skipToken=2"} << "" << "2";
        QTest::newRow("nextLink to another host refused")
            << "flex.configurations" << QStringList{"200 raw:{\"value\":[],\"nextLink\":\"https://evil.example.com/steal\"}"}
            << QStringList{"GET " + kTgt + "/configurations" + f24} << "" << "error:UnexpectedNextLink:The service returned a nextLink to another host (evil.example.com); it was not followed.";
        QTest::newRow("flexible configuration get") << "flex.configuration.get" << QStringList{"200 raw:{\"name\":\"max_replication_slots\",\"properties\":{\"value\":\"10\"}}"}
                                                    << QStringList{"GET " + kTgt + "/configurations/max_replication_slots" + f24} << "" << "10";
        const QString permPath = QStringLiteral("/providers/Microsoft.Authorization/permissions?api-version=2022-04-01");
        QTest::newRow("permissions contributor") << "perms.contributor" << QStringList{"200 arm/permissions-contributor.json"} << QStringList{"GET " + kTgt + permPath} << "" << "ok";
        QTest::newRow("permissions reader") << "perms.reader" << QStringList{"200 arm/permissions-reader.json"} << QStringList{"GET " + kTgt + permPath} << ""
                                            << "missing Microsoft.DBforPostgreSQL/flexibleServers/write,Microsoft.DBforPostgreSQL/flexibleServers/delete,"
                                               "Microsoft.DBforPostgreSQL/flexibleServers/migrations/write,Microsoft.DBforPostgreSQL/flexibleServers/migrations/delete";
        QTest::newRow("permissions on resource group") << "perms.rg" << QStringList{"200 arm/permissions-contributor.json"} << QStringList{"GET " + kRg + permPath} << "" << "ok";
        QTest::newRow("permissions 403") << "perms.rg"
                                         << QStringList{"403 raw:{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client does not have authorization.\"}}"}
                                         << QStringList{"GET " + kRg + permPath} << "" << "error:AuthorizationFailed:The client does not have authorization.";

        const QString migs = kTgt + QStringLiteral("/migrations/");
        QTest::newRow("2021 create") << "mig21.create" << QStringList{"201 arm/migration-create-2021-response.json"} << QStringList{"PUT " + migs + "testmigration" + m21}
                                     << q("{'location':'westus','properties':{'sourceDBServerResourceId':'") + kSrc + q("','secretParameters':{'adminCredentials':{'sourceServerPassword':'src-Secret-1','targetServerPassword':'tgt-Secret-2'},'aadApp':{'clientId':'cccccccc-cccc-cccc-cccc-cccccccccccc','tenantId':'tttttttt-tttt-tttt-tttt-tttttttttttt','aadSecret':'aad-Secret-3'}},'dBsToMigrate':['db1','db2']}}")
                                     << "testmigration InProgress/PerformingPreRequisiteSteps dbs=db1,db2,db3,db4";
        QTest::newRow("2024 create") << "mig24.create" << QStringList{"201 arm/migration-create-2024-response.json"} << QStringList{"PUT " + migs + "testmigration" + f24}
                                     << q("{'location':'westus','properties':{'sourceDbServerResourceId':'") + kSrc + q("','secretParameters':{'adminCredentials':{'sourceServerPassword':'src-Secret-1','targetServerPassword':'tgt-Secret-2'}},'dbsToMigrate':['db1'],'migrationMode':'Online'}}")
                                     << "testmigration InProgress/PerformingPreRequisiteSteps dbs=db1,db2,db3,db4";
        QTest::newRow("2024 create with AAD app refused") << "mig24.create.aad" << QStringList{} << QStringList{} << ""
                                                          << "error:InvalidMigrationRequest:api-version 2024-08-01 has no AAD app (secretParameters.aadApp was removed in 2022-05-01-preview).";
        QTest::newRow("2021 get") << "mig21.get" << QStringList{"200 arm/migration-get-2021.json"} << QStringList{"GET " + migs + "testmigration" + m21} << ""
                                  << "testmigration InProgress/PerformingPreRequisiteSteps dbs=db1,db2,db3,db4";
        QTest::newRow("2021 get level=Full") << "mig21.get.full" << QStringList{"200 arm/migration-get-2021.json"} << QStringList{"GET " + migs + "testmigration" + m21 + "&level=Full"}
                                             << "" << "testmigration InProgress/PerformingPreRequisiteSteps dbs=db1,db2,db3,db4";
        QTest::newRow("2024 get details (no level sent)") << "mig24.get.full" << QStringList{"200 arm/migration-get-2024-succeeded.json"}
                                                          << QStringList{"GET " + migs + "examplemigration" + f24} << "" << "examplemigration Succeeded/Completed dbs=exampledatabase";
        QTest::newRow("bad details level") << "mig24.get.badlevel" << QStringList{} << QStringList{} << ""
                                           << "error:InvalidDetailsLevel:Details level 'Everything' is not one of Default, Summary, Full.";
        QTest::newRow("bad migration name") << "mig24.get.badname" << QStringList{} << QStringList{} << ""
                                            << "error:InvalidMigrationName:The migration name 'bad name' contains ' '; only letters, digits and '-' are allowed.";
        QTest::newRow("migration on a single server") << "mig24.get.wrongtarget" << QStringList{} << QStringList{} << ""
                                                      << "error:InvalidResourceId:Target server id '" + kSrc + "' is a Microsoft.DBforPostgreSQL/servers, not a Microsoft.DBforPostgreSQL/flexibleServers.";
        QTest::newRow("get 404 envelope") << "mig21.get" << QStringList{"404 arm/error-notfound.json | x-ms-request-id: req-404"} << QStringList{"GET " + migs + "testmigration" + m21}
                                          << "" << "error:ResourceNotFound:The Resource 'Microsoft.DBforPostgreSQL/flexibleServers/tgt/migrations/nope' under resource group 'rg' was not found.";
        QTest::newRow("get malformed JSON") << "mig21.get" << QStringList{"200 raw:{\"properties\": {"} << QStringList{"GET " + migs + "testmigration" + m21} << "" << "error:MalformedJson";
        QTest::newRow("get body not an object") << "mig21.get" << QStringList{"200 raw:[1,2]"} << QStringList{"GET " + migs + "testmigration" + m21} << ""
                                                << "error:UnexpectedResponse:The migration response is not a JSON object.";
        QTest::newRow("2021 list all") << "mig21.list.all" << QStringList{"200 arm/migration-list-2021.json"}
                                       << QStringList{"GET " + kTgt + "/migrations" + m21 + "&migrationListFilter=All"} << "" << "testmigration InProgress/PerformingPreRequisiteSteps dbs=db1,db2,db3,db4";
        QTest::newRow("2024 list default Active, bare array") << "mig24.list" << QStringList{"200 arm/migration-list-2020-bare-array.json"}
                                                              << QStringList{"GET " + kTgt + "/migrations" + f24 + "&migrationListFilter=Active"} << ""
                                                              << "0d8f2bd3-1f5a-4c5d-9ff1-2f1a1f0b8c9e InProgress/PerformingPreRequisiteSteps dbs=";
        QTest::newRow("2024 cutover db1") << "mig24.cutover" << QStringList{"200 arm/migration-get-2024-waitingforcutover.json"} << QStringList{"PATCH " + migs + "mig1" + f24}
                                          << q("{'properties':{'triggerCutover':'True','dbsToTriggerCutoverOn':['db1']}}") << "mig1 WaitingForUserAction/WaitingForCutoverTrigger dbs=db1";
        QTest::newRow("2024 cutover like az (GET then PATCH)") << "mig24.cutover.azcli"
                                                               << QStringList{"200 arm/migration-get-2024-waitingforcutover.json", "200 arm/migration-get-2024-waitingforcutover.json"}
                                                               << QStringList{"GET " + migs + "mig1" + f24, "PATCH " + migs + "mig1" + f24}
                                                               << q("{'properties':{'triggerCutover':'True','dbsToTriggerCutoverOn':['db1']}}")
                                                               << "mig1 WaitingForUserAction/WaitingForCutoverTrigger dbs=db1";
        QTest::newRow("cutover of offline refused") << "mig24.cutover.offline" << QStringList{"200 arm/migration-get-2024-succeeded.json"}
                                                    << QStringList{"GET " + migs + "examplemigration" + f24} << ""
                                                    << "error:CutoverNotPossible:Cutover is not possible for migration 'examplemigration': it is an offline migration, which cuts over automatically.";
        QTest::newRow("2024 cancel like az") << "mig24.cancel.azcli" << QStringList{"200 arm/migration-update-2024-response.json", "200 arm/migration-cancel-2024-response.json"}
                                             << QStringList{"GET " + migs + "examplemigration" + f24, "PATCH " + migs + "examplemigration" + f24}
                                             << q("{'properties':{'cancel':'True','dbsToCancelMigrationOn':['exampledatabase1','exampledatabase2','exampledatabase3','exampledatabase4']}}")
                                             << "examplemigration Canceled/Completed dbs=exampledatabase1,exampledatabase2,exampledatabase3,exampledatabase4";
        QTest::newRow("2024 setup replication") << "mig24.setup" << QStringList{"200 arm/migration-update-2024-response.json"} << QStringList{"PATCH " + migs + "examplemigration" + f24}
                                                << q("{'properties':{'setupLogicalReplicationOnSourceDbIfNeeded':'True'}}")
                                                << "examplemigration InProgress/PerformingPreRequisiteSteps dbs=exampledatabase1,exampledatabase2,exampledatabase3,exampledatabase4";
        QTest::newRow("2021 start data migration") << "mig21.start" << QStringList{"200 arm/migration-get-2021.json"} << QStringList{"PATCH " + migs + "testmigration" + m21}
                                                   << q("{'properties':{'startDataMigration':true}}") << "testmigration InProgress/PerformingPreRequisiteSteps dbs=db1,db2,db3,db4";
        QTest::newRow("2021 cancel refused") << "mig21.cancel" << QStringList{} << QStringList{} << ""
                                             << "error:InvalidMigrationRequest:api-version 2021-06-15-privatepreview has no cancel operation.";
        QTest::newRow("2021 delete 200 with body") << "mig21.delete" << QStringList{"200 arm/migration-get-2021.json"} << QStringList{"DELETE " + migs + "testmigration" + m21} << ""
                                                   << "testmigration InProgress/PerformingPreRequisiteSteps dbs=db1,db2,db3,db4";
        QTest::newRow("2024 delete 204") << "mig24.delete" << QStringList{"204 -"} << QStringList{"DELETE " + migs + "testmigration" + f24} << "" << "deleted (no body)";
        QTest::newRow("2021 check name") << "mig21.checkname" << QStringList{"200 arm/checkname-available.json"} << QStringList{"POST " + kTgt + "/checkMigrationNameAvailability" + m21}
                                         << q("{'name':'name1','type':'Microsoft.DBforPostgreSQL/flexibleServers/migrations'}") << "name1 available=1 ";
        QTest::newRow("2024 check name taken") << "mig24.checkname" << QStringList{"200 arm/checkname-taken.json"} << QStringList{"POST " + kTgt + "/checkMigrationNameAvailability" + f24}
                                               << q("{'name':'name1','type':'Microsoft.DBforPostgreSQL/flexibleServers/migrations'}") << "testmigration available=0 AlreadyExists";
    }

    void operations()
    {
        QFETCH(QString, op);
        QFETCH(QStringList, responses);
        QFETCH(QStringList, requests);
        QFETCH(QString, body);
        QFETCH(QString, result);
        ClientFixture f;
        for (const auto &r : responses)
            f.nam.enqueue(responseFrom(r));
        const quint64 logStart = logging::ringBuffer()->lastId();

        const QString got = run(f, op);
        if (result.startsWith(QLatin1String("error:")) && result.count(QLatin1Char(':')) == 1)
            QVERIFY2(got.startsWith(result + QLatin1Char(':')), qPrintable(got)); // code only
        else
            QCOMPARE(got, result);

        QStringList sent;
        QByteArray lastBody;
        for (const auto &r : f.nam.requests()) {
            sent << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.url.toString(QUrl::FullyEncoded).mid(kArm.size());
            QCOMPARE(r.url.scheme() + QStringLiteral("://") + r.url.host(), kArm);
            QCOMPARE(r.header("Authorization"), QByteArray("Bearer fake-access-token"));
            QCOMPARE(r.header("Accept"), QByteArray("application/json"));
            QVERIFY(!r.header("x-ms-client-request-id").isEmpty());
            if (!r.body.isEmpty()) {
                QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
                lastBody = r.body;
            }
        }
        QCOMPARE(sent, requests);
        QCOMPARE(canonicalJson(lastBody), body.isEmpty() ? QString() : canonicalJson(body.toUtf8()));
        QCOMPARE(f.nam.queued(), 0);
        // No secret value and no secret-bearing body key reaches any log line (sensitiveBody).
        for (const auto &e : logging::ringBuffer()->entriesSince(logStart))
            for (const char *needle : {"src-Secret-1", "tgt-Secret-2", "aad-Secret-3", "sourceServerPassword", "aadSecret", "fake-access-token"})
                QVERIFY2(!e.message.contains(QLatin1String(needle)), qPrintable(e.message));
        // LRO waits honour Retry-After (5 s) and never exceed it here.
        for (int w : f.waits)
            QVERIFY2(w <= 10000, qPrintable(QString::number(w)));
    }

    void permissionWildcards_data()
    {
        QTest::addColumn<QStringList>("actions");
        QTest::addColumn<QStringList>("notActions");
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("star") << QStringList{"*"} << QStringList{} << "Microsoft.DBforPostgreSQL/servers/write" << true;
        QTest::newRow("contributor excludes authorization writes") << QStringList{"*"} << QStringList{"Microsoft.Authorization/*/Write"}
                                                                   << "Microsoft.Authorization/roleAssignments/write" << false;
        QTest::newRow("provider wildcard") << QStringList{"Microsoft.DBforPostgreSQL/*"} << QStringList{} << "microsoft.dbforpostgresql/flexibleservers/migrations/write" << true;
        QTest::newRow("read only") << QStringList{"*/read"} << QStringList{} << "Microsoft.DBforPostgreSQL/servers/write" << false;
        QTest::newRow("read only read") << QStringList{"*/read"} << QStringList{} << "Microsoft.DBforPostgreSQL/servers/read" << true;
        QTest::newRow("exact") << QStringList{"Microsoft.DBforPostgreSQL/servers/write"} << QStringList{} << "Microsoft.DBforPostgreSQL/servers/write" << true;
        QTest::newRow("no partial match") << QStringList{"Microsoft.DBforPostgreSQL/servers/write"} << QStringList{} << "Microsoft.DBforPostgreSQL/servers/writeX" << false;
        QTest::newRow("notAction wildcard") << QStringList{"*"} << QStringList{"Microsoft.DBforPostgreSQL/*/delete"} << "Microsoft.DBforPostgreSQL/servers/delete" << false;
        QTest::newRow("regex chars literal") << QStringList{"Microsoft.DBforPostgreSQL/servers/(x)"} << QStringList{} << "Microsoft.DBforPostgreSQL/servers/(x)" << true;
        QTest::newRow("nothing") << QStringList{} << QStringList{} << "Microsoft.DBforPostgreSQL/servers/read" << false;
    }
    void permissionWildcards()
    {
        QFETCH(QStringList, actions);
        QFETCH(QStringList, notActions);
        QFETCH(QString, action);
        QFETCH(bool, allowed);
        QCOMPARE(isActionAllowed({Permission{actions, notActions, {}, {}}}, action), allowed);
    }

    void permissionsUnionOverAssignments()
    {
        // A notAction of one assignment does not remove what another grants.
        const QList<Permission> p{{{"*"}, {"Microsoft.DBforPostgreSQL/*"}, {}, {}}, {{"Microsoft.DBforPostgreSQL/servers/*"}, {}, {}, {}}};
        QVERIFY(isActionAllowed(p, QStringLiteral("Microsoft.DBforPostgreSQL/servers/write")));
        QVERIFY(!isActionAllowed(p, QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers/write")));
    }

    void cancelByDestroyingContext()
    {
        ClientFixture f;
        f.nam.enqueue(FakeResponse::hanging());
        const MigrationClient client(f.http.get(), f.profile, MigrationApiVersion::Stable20240801);
        bool called = false;
        {
            QObject context;
            client.get(*ResourceId::parse(kTgt), QStringLiteral("m1"), &context, [&](Expected<MigrationResource>) { called = true; });
            QTRY_COMPARE(f.nam.requests().size(), 1);
        }
        QTest::qWait(50);
        QVERIFY(!called);
        QTRY_COMPARE(f.nam.openReplies(), 0);
    }
};

QTEST_GUILESS_MAIN(TestArmClients)
#include "tst_armclients.moc"
