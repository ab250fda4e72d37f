// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/propertiesfile.h"

#include <QFile>
#include <QTest>

using namespace fm;
using namespace fm::arm;

namespace {
QByteArray data(const QString &name)
{
    QFile f(QStringLiteral(FM_TEST_DATA_DIR "/arm/properties/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return f.readAll();
}
} // namespace

class TestPropertiesFile : public QObject
{
    Q_OBJECT
private slots:
    void oldDocFormat()
    {
        auto pf = PropertiesFile::read(QStringLiteral(FM_TEST_DATA_DIR "/arm/properties/old-doc.json"));
        QVERIFY2(pf, pf ? "" : qPrintable(pf.error().message));
        QVERIFY(pf->format == PropertiesFile::Format::Old);
        QVERIFY(pf->defaultApiVersion() == MigrationApiVersion::PrivatePreview20210615);
        const auto &r = pf->request;
        // Leading slash added to ids written without one (2021 files, azure-api.md §6.3).
        QCOMPARE(r.sourceDbServerResourceId,
                 QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/src-rg/providers/Microsoft.DBforPostgreSQL/servers/source-server"));
        QCOMPARE(r.sourceDbServerFullyQualifiedDomainName, QStringLiteral("source-server.contoso.internal"));
        QCOMPARE(r.targetDbServerFullyQualifiedDomainName, QStringLiteral("target-server.contoso.internal"));
        QCOMPARE(r.sourceServerPassword.reveal(), QStringLiteral("s0urce-Pa55!"));
        QCOMPARE(r.targetServerPassword.reveal(), QStringLiteral("targ3t-Pa55!"));
        QCOMPARE(r.aadClientId, QStringLiteral("11111111-2222-3333-4444-555555555555"));
        QCOMPARE(r.aadTenantId, QStringLiteral("66666666-7777-8888-9999-000000000000"));
        QCOMPARE(r.aadSecret.reveal(), QStringLiteral("aad-Secr3t~value"));
        QCOMPARE(r.migrationResourceGroupId, QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/temp-rg"));
        QVERIFY(r.migrationSubnetResourceId.endsWith(QLatin1String("/subnets/default")));
        QCOMPARE(r.dbsToMigrate, (QStringList{QStringLiteral("inventory"), QStringLiteral("orders")}));
        QCOMPARE(r.setupLogicalReplicationOnSourceDbIfNeeded, std::optional<bool>(true));
        QCOMPARE(r.overwriteDbsInTarget, std::optional<bool>(true));
        QVERIFY(!r.triggerCutover.has_value());
        QVERIFY(r.location.isEmpty());
    }

    void oldCliTestFile()
    {
        auto pf = PropertiesFile::parse(data(QStringLiteral("old-clitest.json")));
        QVERIFY2(pf, pf ? "" : qPrintable(pf.error().message));
        QVERIFY(pf->format == PropertiesFile::Format::Old);
        QCOMPARE(pf->request.triggerCutover, std::optional<bool>(true));
        QVERIFY(pf->request.targetDbServerSubnetResourceId.contains(QLatin1String("subnets/raganesa")));
        QCOMPARE(pf->request.dbsToMigrate, QStringList{QStringLiteral("dvdrental")});
    }

    void newPublicFormat()
    {
        auto pf = PropertiesFile::parse(data(QStringLiteral("new-public.json")));
        QVERIFY2(pf, pf ? "" : qPrintable(pf.error().message));
        QVERIFY(pf->format == PropertiesFile::Format::New);
        QVERIFY(pf->defaultApiVersion() == MigrationApiVersion::Stable20240801);
        QCOMPARE(pf->request.location, QStringLiteral("eastus"));
        QCOMPARE(pf->request.sourceServerUsername, QStringLiteral("migration_user@source-server"));
        QCOMPARE(pf->request.targetServerUsername, QStringLiteral("migration_user"));
        QCOMPARE(pf->request.setupLogicalReplicationOnSourceDbIfNeeded, std::optional<bool>(false));
        QCOMPARE(pf->request.overwriteDbsInTarget, std::optional<bool>(true));
        QVERIFY(!pf->request.hasAadApp());
    }

    void newOnPremisesPascalCaseAndBooleans()
    {
        auto pf = PropertiesFile::parse(data(QStringLiteral("new-onprem.json")));
        QVERIFY2(pf, pf ? "" : qPrintable(pf.error().message));
        QVERIFY(pf->format == PropertiesFile::Format::New);
        const auto &r = pf->request;
        QCOMPARE(r.sourceDbServerResourceId, QStringLiteral("20.66.25.58:5432@postgres")); // not an ARM id: left to the service
        QCOMPARE(r.sourceType.canonical(), QStringLiteral("OnPremises"));
        QCOMPARE(r.sslMode.canonical(), QStringLiteral("Prefer"));
        QCOMPARE(r.mode.toString(), QStringLiteral("offline"));
        QCOMPARE(r.mode.canonical(), QStringLiteral("Offline"));
        QCOMPARE(r.option.canonical(), QStringLiteral("Validate"));
        QVERIFY(r.migrationInstanceResourceId.endsWith(QLatin1String("/flexibleServers/runtime1")));
        QCOMPARE(r.setupLogicalReplicationOnSourceDbIfNeeded, std::optional<bool>(false));
        QCOMPARE(r.overwriteDbsInTarget, std::optional<bool>(true));
    }

    void bad_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("mentions");
        const QByteArray admin = R"("AdminCredentials": {"SourceServerPassword": "pw-src-123", "TargetServerPassword": "pw-tgt-456"})";
        const QByteArray src = R"("SourceDbServerResourceId": "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/src")";
        auto file = [&](const QByteArray &props, const QByteArray &top = {}) {
            return "{" + top + R"("properties": {)" + props + "}}";
        };
        const QByteArray okSecrets = R"("SecretParameters": {)" + admin + "}";
        QTest::newRow("not json") << QByteArray("{\"properties\": {\n  \"a\": 1\n  \"b\": 2}}") << "line 3";
        QTest::newRow("not an object") << QByteArray("[1,2]") << "JSON object";
        QTest::newRow("no properties") << QByteArray(R"({"location": "x"})") << "required key 'properties'";
        QTest::newRow("unknown top key") << QByteArray(R"({"propertiez": {}, "properties": {}})") << "unknown key 'propertiez' in the top level";
        QTest::newRow("unknown property") << file(src + "," + okSecrets + R"(, "DbsToMigrate": ["a"], "DBsToMigrat": ["b"])")
                                          << "unknown key 'DBsToMigrat' in 'properties'";
        QTest::newRow("unknown secret key") << file(src + R"(, "SecretParameters": {)" + admin + R"(, "AADApp": {"ClientId": "c", "TenantId": "t", "ClientSecret": "zz"}}, "DbsToMigrate": ["a"])")
                                            << "unknown key 'ClientSecret' in 'properties.SecretParameters.AADApp'";
        QTest::newRow("missing source") << file(okSecrets + R"(, "DbsToMigrate": ["a"])") << "required key 'properties.SourceDbServerResourceId' is missing";
        QTest::newRow("empty source") << file(R"("SourceDbServerResourceId": "", )" + okSecrets + R"(, "DbsToMigrate": ["a"])")
                                      << "'properties.SourceDbServerResourceId' is missing (it is empty)";
        QTest::newRow("missing secrets") << file(src + R"(, "DbsToMigrate": ["a"])") << "required key 'properties.SecretParameters'";
        QTest::newRow("missing admin") << file(src + R"(, "SecretParameters": {}, "DbsToMigrate": ["a"])")
                                       << "required key 'properties.SecretParameters.AdminCredentials'";
        QTest::newRow("missing target password") << file(src + R"(, "SecretParameters": {"AdminCredentials": {"SourceServerPassword": "pw-src-123"}}, "DbsToMigrate": ["a"])")
                                                 << "'properties.SecretParameters.AdminCredentials.TargetServerPassword' is missing";
        QTest::newRow("aad without secret") << file(src + R"(, "SecretParameters": {)" + admin + R"(, "AADApp": {"ClientId": "c", "TenantId": "t"}}, "DbsToMigrate": ["a"])")
                                            << "'properties.SecretParameters.AADApp.AadSecret' is missing";
        QTest::newRow("missing dbs") << file(src + "," + okSecrets) << "'properties.DbsToMigrate' is missing";
        QTest::newRow("empty dbs") << file(src + "," + okSecrets + R"(, "DbsToMigrate": [])") << "'properties.DbsToMigrate' is missing (it is empty)";
        QTest::newRow("dbs not array") << file(src + "," + okSecrets + R"(, "DbsToMigrate": "a,b")") << "'properties.DbsToMigrate' must be an array of strings, but it is a string";
        QTest::newRow("dbs numbers") << file(src + "," + okSecrets + R"(, "DbsToMigrate": [1])") << "must be an array of strings, but it is an array";
        QTest::newRow("flag not bool") << file(src + "," + okSecrets + R"(, "DbsToMigrate": ["a"], "OverwriteDbsInTarget": "yes")")
                                       << "'properties.OverwriteDbsInTarget' must be true/false";
        QTest::newRow("password number") << file(src + R"(, "SecretParameters": {"AdminCredentials": {"SourceServerPassword": 12345678, "TargetServerPassword": "pw-tgt-456"}}, "DbsToMigrate": ["a"])")
                                         << "'properties.SecretParameters.AdminCredentials.SourceServerPassword' must be a string, but it is a number";
        QTest::newRow("duplicate by case") << file(src + "," + okSecrets + R"(, "DbsToMigrate": ["a"], "dbsToMigrate": ["b"])") << "appears twice";
        QTest::newRow("duplicate database") << file(src + "," + okSecrets + R"(, "DbsToMigrate": ["a", "a"])") << "'a' is listed twice";
        QTest::newRow("bad mode") << file(src + "," + okSecrets + R"(, "DbsToMigrate": ["a"], "MigrationMode": "Fast")") << "'Fast' is not one of Online, Offline";
        QTest::newRow("bad source id") << file(R"("SourceDbServerResourceId": "/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/s", )" + okSecrets + R"(, "DbsToMigrate": ["a"])")
                                       << "'not-a-guid' is not a GUID";
        QTest::newRow("migration rg is a server") << file(src + "," + okSecrets + R"(, "DbsToMigrate": ["a"], "MigrationResourceGroup": {"ResourceId": "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/s"})")
                                                  << "must name a resource group";
        QTest::newRow("bad window") << file(src + "," + okSecrets + R"(, "DbsToMigrate": ["a"], "MigrationWindowStartTimeInUtc": "tomorrow")") << "not an ISO 8601 date-time";
        QTest::newRow("runtime and instance") << file(src + "," + okSecrets + R"(, "DbsToMigrate": ["a"], "MigrationRuntimeResourceId": "x", "MigrationInstanceResourceId": "y")")
                                              << "not both";
    }
    void bad()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, mentions);
        auto pf = PropertiesFile::parse(text, QStringLiteral("props.json"));
        QVERIFY2(!pf, "a bad file was accepted");
        QVERIFY(pf.error().category == ErrorCategory::Validation);
        QVERIFY2(pf.error().message.contains(mentions), qPrintable(pf.error().message));
        // No password value ever appears in an error.
        for (const QString &field : {pf.error().message, pf.error().details, pf.error().fix}) {
            QVERIFY2(!field.contains(QLatin1String("pw-src-123")) && !field.contains(QLatin1String("pw-tgt-456")) && !field.contains(QLatin1String("12345678")),
                     qPrintable(field));
        }
    }

    void missingFile()
    {
        auto pf = PropertiesFile::read(QStringLiteral("/nonexistent/props.json"));
        QVERIFY(!pf);
        QVERIFY(pf.error().message.contains(QLatin1String("does not exist")));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::newRow("old doc") << "old-doc.json" << int(PropertiesFile::Format::Old);
        QTest::newRow("old cli test") << "old-clitest.json" << int(PropertiesFile::Format::Old);
        QTest::newRow("new public") << "new-public.json" << int(PropertiesFile::Format::New);
        QTest::newRow("new on-premises") << "new-onprem.json" << int(PropertiesFile::Format::New);
    }
    void roundTrip()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        auto a = PropertiesFile::parse(data(file));
        QVERIFY(a);
        const QByteArray written = PropertiesFile::write(a->request, PropertiesFile::Format(format));
        auto b = PropertiesFile::parse(written);
        QVERIFY2(b, b ? "" : qPrintable(b.error().message + "\n" + QString::fromUtf8(written)));
        QCOMPARE(int(b->format), format);
        const auto &x = a->request;
        const auto &y = b->request;
        QCOMPARE(y.sourceDbServerResourceId, x.sourceDbServerResourceId);
        QCOMPARE(y.dbsToMigrate, x.dbsToMigrate);
        QVERIFY(y.sourceServerPassword == x.sourceServerPassword);
        QVERIFY(y.targetServerPassword == x.targetServerPassword);
        QVERIFY(y.aadSecret == x.aadSecret);
        QCOMPARE(y.aadClientId, x.aadClientId);
        QCOMPARE(y.location, x.location);
        QCOMPARE(y.setupLogicalReplicationOnSourceDbIfNeeded, x.setupLogicalReplicationOnSourceDbIfNeeded);
        QCOMPARE(y.overwriteDbsInTarget, x.overwriteDbsInTarget);
        QCOMPARE(y.triggerCutover, x.triggerCutover);
        QCOMPARE(y.migrationInstanceResourceId, x.migrationInstanceResourceId);
        QCOMPARE(y.sourceType.toString(), x.sourceType.toString());
        // Old files use the documented PascalCase spellings (azure-api.md §6.3).
        if (format == int(PropertiesFile::Format::Old)) {
            QVERIFY(written.contains("\"SourceDBServerResourceId\""));
            QVERIFY(written.contains("\"AADApp\""));
            QVERIFY(written.contains("\"DBsToMigrate\""));
        } else {
            QVERIFY(written.contains("\"sourceDbServerResourceId\""));
            QVERIFY(written.contains("\"dbsToMigrate\""));
        }
    }
};

QTEST_GUILESS_MAIN(TestPropertiesFile)
#include "tst_propertiesfile.moc"
