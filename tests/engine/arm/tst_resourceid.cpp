// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/resourceid.h"

#include <QTest>

using namespace fm;
using namespace fm::arm;

class TestResourceId : public QObject
{
    Q_OBJECT
private slots:
    void good_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("name");
        const QString sub = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/testrg");
        QTest::newRow("single server") << sub + "/providers/Microsoft.DBForPostgreSql/servers/testsource" << sub + "/providers/Microsoft.DBForPostgreSql/servers/testsource"
                                       << "Microsoft.DBForPostgreSql/servers" << "testsource";
        QTest::newRow("migration child") << sub + "/providers/Microsoft.DBforPostgreSQL/flexibleServers/t1/migrations/m-1"
                                         << sub + "/providers/Microsoft.DBforPostgreSQL/flexibleServers/t1/migrations/m-1"
                                         << "Microsoft.DBforPostgreSQL/flexibleServers/migrations" << "m-1";
        QTest::newRow("no leading slash (2021 CLI files)") << sub.mid(1) + "/providers/Microsoft.DBforPostgreSQL/servers/s1"
                                                           << sub + "/providers/Microsoft.DBforPostgreSQL/servers/s1" << "Microsoft.DBforPostgreSQL/servers" << "s1";
        QTest::newRow("resource group") << sub << sub << "" << "testrg";
        QTest::newRow("trailing slash") << sub + "/" << sub << "" << "testrg";
        QTest::newRow("subnet") << sub + "/providers/Microsoft.Network/virtualNetworks/v/subnets/default"
                                << sub + "/providers/Microsoft.Network/virtualNetworks/v/subnets/default" << "Microsoft.Network/virtualNetworks/subnets" << "default";
        QTest::newRow("lowercase segments") << "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourcegroups/rg.(x)_1/providers/Microsoft.DataMigration/services/dms"
                                            << "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/rg.(x)_1/providers/Microsoft.DataMigration/services/dms"
                                            << "Microsoft.DataMigration/services" << "dms";
    }
    void good()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QFETCH(QString, type);
        QFETCH(QString, name);
        auto id = ResourceId::parse(text);
        QVERIFY2(id.has_value(), id ? "" : qPrintable(id.error().message));
        QCOMPARE(id->toString(), canonical);
        QCOMPARE(id->resourceType(), type);
        QCOMPARE(id->name(), name);
        QCOMPARE(id->subscriptionId(), QStringLiteral("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        auto again = ResourceId::parse(id->toString());
        QVERIFY(again && *again == *id);
    }

    void bad_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        const QString g = QStringLiteral("ffffffff-ffff-ffff-ffff-ffffffffffff");
        QTest::newRow("empty") << "" << "empty";
        QTest::newRow("no subscriptions") << "/resourceGroups/rg/providers/A.B/servers/s" << "must start with /subscriptions/";
        QTest::newRow("subscription not guid") << "/subscriptions/my-sub/resourceGroups/rg" << "'my-sub' is not a GUID";
        QTest::newRow("subscription only") << "/subscriptions/" + g << "resource group is needed";
        QTest::newRow("wrong rg keyword") << "/subscriptions/" + g + "/groups/rg" << "expected 'resourceGroups'";
        QTest::newRow("rg missing name") << "/subscriptions/" + g + "/resourceGroups" << "no resource group name";
        QTest::newRow("rg ends with dot") << "/subscriptions/" + g + "/resourceGroups/rg." << "ends with '.'";
        QTest::newRow("rg bad char") << "/subscriptions/" + g + "/resourceGroups/r g" << "contains ' '";
        QTest::newRow("double slash") << "/subscriptions/" + g + "//resourceGroups/rg" << "empty segment";
        QTest::newRow("no providers keyword") << "/subscriptions/" + g + "/resourceGroups/rg/servers/s" << "expected 'providers'";
        QTest::newRow("no namespace") << "/subscriptions/" + g + "/resourceGroups/rg/providers" << "no provider namespace";
        QTest::newRow("bad namespace") << "/subscriptions/" + g + "/resourceGroups/rg/providers/servers/s" << "is not a provider namespace";
        QTest::newRow("type without name") << "/subscriptions/" + g + "/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers" << "has no name";
        QTest::newRow("namespace only") << "/subscriptions/" + g + "/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL" << "type and name are missing";
        QTest::newRow("child type without name") << "/subscriptions/" + g + "/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/t/migrations"
                                                 << "'migrations' has no name";
        QTest::newRow("name with query") << "/subscriptions/" + g + "/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/s?x=1" << "not allowed";
        QTest::newRow("extension resource") << "/subscriptions/" + g + "/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/s/providers/Microsoft.Authorization/locks/l"
                                            << "extension resource";
    }
    void bad()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        auto id = ResourceId::parse(text, QStringLiteral("Source id"));
        QVERIFY(!id.has_value());
        QVERIFY(id.error().category == ErrorCategory::Validation);
        QVERIFY2(id.error().message.contains(mentions), qPrintable(id.error().message));
    }

    void typeCheck()
    {
        const QString s = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/t1");
        QVERIFY(ResourceId::parseOfType(s, QStringLiteral("microsoft.dbforpostgresql/flexibleservers"), QStringLiteral("Target")).has_value());
        auto wrong = ResourceId::parseOfType(s, QStringLiteral("Microsoft.DBforPostgreSQL/servers"), QStringLiteral("Source"));
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().message.contains(QLatin1String("flexibleServers")) && wrong.error().message.contains(QLatin1String("Microsoft.DBforPostgreSQL/servers")),
                 qPrintable(wrong.error().message));
    }

    void caseInsensitiveEquality()
    {
        auto a = ResourceId::parse(QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/RG/providers/Microsoft.DBForPostgreSql/servers/s"));
        auto b = ResourceId::parse(QStringLiteral("/subscriptions/FFFFFFFF-ffff-ffff-ffff-ffffffffffff/resourcegroups/rg/providers/Microsoft.DBforPostgreSQL/servers/S"));
        QVERIFY(a && b);
        QVERIFY(*a == *b);
    }

    void parentAndChild()
    {
        auto server = ResourceId::make(QStringLiteral("ffffffff-ffff-ffff-ffff-ffffffffffff"), QStringLiteral("rg"), QStringLiteral("Microsoft.DBforPostgreSQL"),
                                       QStringLiteral("flexibleServers"), QStringLiteral("t1"));
        const ResourceId mig = server.child(QStringLiteral("migrations"), QStringLiteral("m1"));
        QCOMPARE(mig.toString(), QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/t1/migrations/m1"));
        QVERIFY(mig.parent() == server);
        QVERIFY(server.parent().isResourceGroup());
        QCOMPARE(server.parent().toString(), QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/rg"));
    }

    void serverNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("mentions"); // empty: valid
        QTest::newRow("ok") << "source-server-1" << "";
        QTest::newRow("three chars") << "abc" << "";
        QTest::newRow("too short") << "ab" << "3 to 63";
        QTest::newRow("too long") << QString(64, QLatin1Char('a')) << "3 to 63";
        QTest::newRow("uppercase") << "Source" << "contains 'S'";
        // U+03D2 is uppercase with no lowercase form: the lowercase suggestion once recursed forever.
        QTest::newRow("uppercase without lowercase") << QString::fromUtf8("srv\xcf\x92o33") << "only lowercase letters";
        QTest::newRow("underscore") << "my_server" << "contains '_'";
        QTest::newRow("leading hyphen") << "-server" << "starts or ends with '-'";
        QTest::newRow("trailing hyphen") << "server-" << "starts or ends with '-'";
        QTest::newRow("empty") << "" << "empty";
    }
    void serverNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, mentions);
        auto e = ResourceId::checkServerName(name);
        if (mentions.isEmpty()) {
            QVERIFY2(!e, e ? qPrintable(e->message) : "");
        } else {
            QVERIFY(e);
            QVERIFY2(e->message.contains(mentions), qPrintable(e->message));
        }
    }

    void migrationNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("spec pattern") << "testmigration" << true;
        QTest::newRow("cli uuid4") << "0d8f2bd3-1f5a-4c5d-9ff1-2f1a1f0b8c9e" << true;
        QTest::newRow("leading hyphen") << "-x" << false;
        QTest::newRow("space") << "my migration" << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("empty") << "" << false;
    }
    void migrationNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(!ResourceId::checkMigrationName(name).has_value(), valid);
    }
};

QTEST_GUILESS_MAIN(TestResourceId)
#include "tst_resourceid.moc"
