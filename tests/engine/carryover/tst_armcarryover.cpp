// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Server parameters and firewall rules: planned from data (mapping Single ->
// Flexible names, values the target refuses, server-specific ones, VNet targets),
// and applied end to end through the Azure emulator's ARM endpoints with the
// real engine/http + engine/arm clients.
#include "engine/auth/clientsecretcredential.h"
#include "engine/carryover/firewallcarryover.h"
#include "engine/carryover/parametercarryover.h"
#include "tests/engine/carryover/carryovertestutil.h"
#include "engine/http/httpclient.h"
#include "tests/emulator/emulatortestsupport.h"
#include "tests/support/testutil.h"

#include <QEventLoop>
#include <QTest>

using namespace fm;
using namespace fm::carryover;
namespace emu = fm::test::emu;

Q_DECLARE_METATYPE(fm::carryover::ServerFlavor)
Q_DECLARE_METATYPE(fm::carryover::CarryOverItem::State)

namespace {
template<typename T>
Expected<T> wait(const std::function<void(QObject *, arm::Callback<T>)> &start)
{
    QObject context;
    std::optional<Expected<T>> out;
    QEventLoop loop;
    start(&context, [&](Expected<T> v) {
        out = std::move(v);
        loop.quit();
    });
    if (!out)
        loop.exec();
    return std::move(*out);
}

ParameterSetting setting(const QString &name, const QString &value, bool userSet, const QString &dataType = {}, const QString &allowed = {})
{
    ParameterSetting p;
    p.name = name;
    p.value = value;
    p.userSet = userSet;
    p.dataType = dataType;
    p.allowedValues = allowed;
    return p;
}

arm::FirewallRule rule(const QString &name, const QString &start, const QString &end)
{
    arm::FirewallRule r;
    r.name = name;
    r.startIpAddress = start;
    r.endIpAddress = end;
    return r;
}
} // namespace

class TestArmCarryOver : public QObject
{
    Q_OBJECT
private slots:
    void planParameters_data()
    {
        QTest::addColumn<ServerFlavor>("sourceFlavor");
        QTest::addColumn<ServerFlavor>("targetFlavor");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("targetName");
        QTest::addColumn<QString>("targetValue");
        QTest::addColumn<QString>("targetType");
        QTest::addColumn<QString>("targetAllowed");
        QTest::addColumn<CarryOverItem::State>("state");
        QTest::addColumn<QString>("expectedKey");

        const auto S = ServerFlavor::AzureSingleServer, F = ServerFlavor::AzureFlexibleServer, P = ServerFlavor::PostgreSQL;
        using St = CarryOverItem::State;
        QTest::newRow("replication support maps to wal_level") << S << F << "azure.replication_support" << "LOGICAL" << "wal_level" << "replica" << "Enumeration"
                                                                << "replica,logical" << St::Proposed << "parameter:wal_level";
        QTest::newRow("replication support off has no wal_level") << S << F << "azure.replication_support" << "off" << "wal_level" << "replica" << "Enumeration"
                                                                   << "replica,logical" << St::NotCarriable << "parameter:wal_level";
        QTest::newRow("log retention renamed") << S << F << "log_retention_days" << "7" << "logfiles.retention_days" << "3" << "Integer" << "1-7" << St::Proposed
                                               << "parameter:logfiles.retention_days";
        QTest::newRow("connection throttling renamed") << S << F << "connection_throttling" << "on" << "connection_throttle.enable" << "off" << "Boolean"
                                                       << "on,off" << St::Proposed << "parameter:connection_throttle.enable";
        QTest::newRow("same value") << S << F << "work_mem" << "8192" << "work_mem" << "8192" << "Integer" << "4096-2097151" << St::Present << "parameter:work_mem";
        QTest::newRow("out of the target's range") << S << F << "max_wal_senders" << "200" << "max_wal_senders" << "10" << "Integer" << "5-100" << St::NotCarriable
                                                   << "parameter:max_wal_senders";
        QTest::newRow("not an allowed value") << P << F << "shared_preload_libraries" << "my_ext" << "shared_preload_libraries" << "" << "Set"
                                              << "pg_cron,pg_stat_statements" << St::NotCarriable << "parameter:shared_preload_libraries";
        QTest::newRow("unknown on flexible") << S << F << "pg_qs.custom_thing" << "on" << "other" << "x" << "" << "" << St::NotCarriable << "parameter:pg_qs.custom_thing";
        QTest::newRow("single-only azure setting") << S << F << "azure.enable_something" << "on" << "azure.enable_something" << "off" << "" << "" << St::NotCarriable
                                                   << "parameter:azure.enable_something";
        QTest::newRow("plain postgres") << P << P << "work_mem" << "65536" << "work_mem" << "4096" << "integer" << "" << St::Proposed << "parameter:work_mem";
        QTest::newRow("names are not mapped between plain servers") << P << P << "log_retention_days" << "7" << "logfiles.retention_days" << "3" << "" << ""
                                                                    << St::NotCarriable << "parameter:log_retention_days";
    }

    void planParameters()
    {
        QFETCH(ServerFlavor, sourceFlavor);
        QFETCH(ServerFlavor, targetFlavor);
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, targetName);
        QFETCH(QString, targetValue);
        QFETCH(QString, targetType);
        QFETCH(QString, targetAllowed);
        QFETCH(CarryOverItem::State, state);
        QFETCH(QString, expectedKey);
        ParameterSetting s = setting(name, value, true);
        ParameterSetting t = setting(targetName, targetValue, false, targetType, targetAllowed);
        t.restartRequired = targetName == QLatin1String("wal_level");
        const CarryOverPlan plan = carryover::planParameters({s, setting(QStringLiteral("untouched"), QStringLiteral("1"), false)}, sourceFlavor, {t}, targetFlavor);
        QCOMPARE(plan.items.size(), 1); // the system default is not proposed
        const CarryOverItem &i = plan.items.first();
        QCOMPARE(i.key, expectedKey);
        QCOMPARE(i.state, state);
        QCOMPARE(i.selected, state == CarryOverItem::State::Proposed);
        if (state == CarryOverItem::State::NotCarriable)
            QVERIFY2(!i.reason.isEmpty(), qPrintable(i.title));
        if (state == CarryOverItem::State::Proposed) {
            QCOMPARE(i.requiresRestart, targetName == QLatin1String("wal_level"));
            QCOMPARE(i.statements.isEmpty(), targetFlavor != ServerFlavor::PostgreSQL); // ALTER SYSTEM only for plain PostgreSQL targets
        }
    }

    void serverSpecificSettingsAreLeftOut()
    {
        const CarryOverPlan plan = carryover::planParameters({setting(QStringLiteral("port"), QStringLiteral("6543"), true),
                                                              setting(QStringLiteral("data_directory"), QStringLiteral("/srv/pg"), true)},
                                                             ServerFlavor::PostgreSQL, {setting(QStringLiteral("port"), QStringLiteral("5432"), false)}, ServerFlavor::PostgreSQL);
        QVERIFY(plan.items.isEmpty());
        QCOMPARE(plan.notes.size(), 1);
        QVERIFY(plan.notes.first().contains(QStringLiteral("port, data_directory")));
    }

    void vnetTargetTakesNoFirewallRules()
    {
        // azure-api.md §3, spec example ServerGetWithVnet.json.
        const auto body = nlohmann::json::parse(R"({"sku":{"name":"Standard_D4ds_v5","tier":"GeneralPurpose"},
            "properties":{"network":{"publicNetworkAccess":"Disabled",
              "delegatedSubnetResourceId":"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vn/subnets/sn",
              "privateDnsZoneArmResourceId":"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/z"},
              "fullyQualifiedDomainName":"exampleserver.postgres.database.azure.com","version":"16","administratorLogin":"a","state":"Ready"},
            "location":"westus","id":"/subscriptions/x/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/exampleserver",
            "name":"exampleserver","type":"Microsoft.DBforPostgreSQL/flexibleServers"})");
        auto server = arm::parseFlexibleServer(body);
        REQUIRE_OK(server);
        const CarryOverPlan plan = planFirewallRules({rule(QStringLiteral("office"), QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.9"))}, {}, &*server);
        QVERIFY2(plan.notes.join(QLatin1Char(' ')).contains(QStringLiteral("VNet-integrated")), qPrintable(plan.notes.join(QLatin1Char(' '))));
        QCOMPARE(plan.items.size(), 1);
        QCOMPARE(plan.items.first().state, CarryOverItem::State::NotCarriable);
        QVERIFY(!plan.items.first().selected);
    }

    void emulatorEndToEnd()
    {
        emu::Harness h(emu::baseConfig());
        QNetworkAccessManager nam;
        const http::CloudProfile profile = http::CloudProfile::custom(QUrl(h.base), QUrl(h.base), QStringLiteral("https://management.azure.com"));
        auto credential = auth::ClientSecretCredential::create(&nam, profile, emu::kTenant, emu::kContributor, Secret(emu::kSecret));
        REQUIRE_OK(credential);
        http::HttpClient::Options options;
        options.scopes = {profile.scope()};
        http::HttpClient client(&nam, *credential, options);
        const arm::SingleServerClient single(&client, profile);
        const arm::FlexibleServerClient flexible(&client, profile);
        auto sourceId = arm::ResourceId::parse(emu::singlePath());
        auto targetId = arm::ResourceId::parse(emu::flexPath());
        REQUIRE_OK(sourceId);
        REQUIRE_OK(targetId);

        // The user's own settings on the Single Server, and its rules.
        REQUIRE_OK(wait<arm::ServerConfiguration>([&](QObject *c, auto d) { single.setConfiguration(*sourceId, QStringLiteral("log_min_duration_statement"), QStringLiteral("250"), c, d); }));
        REQUIRE_OK(wait<arm::ServerConfiguration>([&](QObject *c, auto d) { single.setReplicationSupport(*sourceId, QStringLiteral("logical"), c, d); }));
        for (const auto &r : {rule(QStringLiteral("office"), QStringLiteral("10.1.0.0"), QStringLiteral("10.1.0.255")),
                              rule(QStringLiteral("vpn"), QStringLiteral("203.0.113.5"), QStringLiteral("203.0.113.5")),
                              rule(QStringLiteral("AllowAllAzureServices"), QStringLiteral("0.0.0.0"), QStringLiteral("0.0.0.0"))})
            REQUIRE_OK(wait<arm::FirewallRule>([&](QObject *c, auto d) { single.createOrUpdateFirewallRule(*sourceId, r.name, r.startIpAddress, r.endIpAddress, c, d); }));
        // The target already has an "office" rule for another range.
        REQUIRE_OK(wait<arm::FirewallRule>([&](QObject *c, auto d) { flexible.createOrUpdateFirewallRule(*targetId, QStringLiteral("office"), QStringLiteral("10.9.0.0"), QStringLiteral("10.9.0.255"), c, d); }));

        auto srcConfigs = wait<QList<arm::ServerConfiguration>>([&](QObject *c, auto d) { single.listConfigurations(*sourceId, c, d); });
        auto tgtConfigs = wait<QList<arm::ServerConfiguration>>([&](QObject *c, auto d) { flexible.listConfigurations(*targetId, c, d); });
        REQUIRE_OK(srcConfigs);
        REQUIRE_OK(tgtConfigs);
        CarryOverPlan plan = carryover::planParameters(fromArmConfigurations(*srcConfigs), ServerFlavor::AzureSingleServer, fromArmConfigurations(*tgtConfigs),
                                                       ServerFlavor::AzureFlexibleServer);
        QCOMPARE(plan.items.size(), 2); // only what the user set
        const CarryOverItem *wal = plan.find(QStringLiteral("parameter:wal_level"));
        QVERIFY(wal);
        QCOMPARE(wal->state, CarryOverItem::State::Proposed);
        QVERIFY(wal->requiresRestart);
        QCOMPARE(wal->value, QStringLiteral("logical"));
        QVERIFY(plan.find(QStringLiteral("parameter:log_min_duration_statement")));

        auto srcRules = wait<QList<arm::FirewallRule>>([&](QObject *c, auto d) { single.listFirewallRules(*sourceId, c, d); });
        auto tgtRules = wait<QList<arm::FirewallRule>>([&](QObject *c, auto d) { flexible.listFirewallRules(*targetId, c, d); });
        auto target = wait<arm::FlexibleServer>([&](QObject *c, auto d) { flexible.getServer(*targetId, c, d); });
        REQUIRE_OK(srcRules);
        REQUIRE_OK(tgtRules);
        REQUIRE_OK(target);
        const CarryOverPlan firewall = planFirewallRules(*srcRules, *tgtRules, &*target);
        QVERIFY(firewall.notes.isEmpty()); // public access
        QCOMPARE(firewall.find(QStringLiteral("firewall:office"))->state, CarryOverItem::State::Conflict);
        QVERIFY(!firewall.find(QStringLiteral("firewall:office"))->selected);
        QCOMPARE(firewall.find(QStringLiteral("firewall:vpn"))->state, CarryOverItem::State::Proposed);
        QCOMPARE(firewall.find(QStringLiteral("firewall:AllowAllAzureServices"))->state, CarryOverItem::State::Proposed);
        plan.append(firewall);

        std::optional<QList<ItemOutcome>> outcomes;
        QEventLoop loop;
        applyWithArm(flexible, *targetId, plan, &loop, [&](QList<ItemOutcome> o) {
            outcomes = o;
            loop.quit();
        });
        if (!outcomes)
            loop.exec();
        QVERIFY(outcomes);
        QCOMPARE(outcomes->size(), 4);
        for (const auto &o : *outcomes)
            QVERIFY2(o.ok, qPrintable(o.key + QStringLiteral(": ") + o.message));

        tgtConfigs = wait<QList<arm::ServerConfiguration>>([&](QObject *c, auto d) { flexible.listConfigurations(*targetId, c, d); });
        REQUIRE_OK(tgtConfigs);
        QMap<QString, QString> values;
        for (const auto &c : *tgtConfigs)
            values.insert(c.name, c.value);
        QCOMPARE(values.value(QStringLiteral("wal_level")), QStringLiteral("logical"));
        QCOMPARE(values.value(QStringLiteral("log_min_duration_statement")), QStringLiteral("250"));
        tgtRules = wait<QList<arm::FirewallRule>>([&](QObject *c, auto d) { flexible.listFirewallRules(*targetId, c, d); });
        REQUIRE_OK(tgtRules);
        QMap<QString, QString> ranges;
        for (const auto &r : *tgtRules)
            ranges.insert(r.name, r.startIpAddress + QLatin1Char('-') + r.endIpAddress);
        QCOMPARE(ranges.value(QStringLiteral("office")), QStringLiteral("10.9.0.0-10.9.0.255")); // the conflict was not overwritten
        QCOMPARE(ranges.value(QStringLiteral("vpn")), QStringLiteral("203.0.113.5-203.0.113.5"));
        QCOMPARE(ranges.value(QStringLiteral("AllowAllAzureServices")), QStringLiteral("0.0.0.0-0.0.0.0"));

        // Planned again: nothing left to do but the conflict.
        const CarryOverPlan again = planFirewallRules(*srcRules, *tgtRules, &*target);
        QCOMPARE(again.count(CarryOverItem::State::Proposed), 0);
        QCOMPARE(again.count(CarryOverItem::State::Conflict), 1);
    }
};

QTEST_GUILESS_MAIN(TestArmCarryOver)
#include "tst_armcarryover.moc"
