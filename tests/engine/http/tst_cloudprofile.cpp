// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Cloud profiles: values from azure-api.md §5.2, scope derivation, validation.
#include "engine/http/cloudprofile.h"

#include <QJsonObject>
#include <QTest>

using namespace fm;
using namespace fm::http;

class TestCloudProfile : public QObject
{
    Q_OBJECT

private slots:
    void byName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("arm");
        QTest::addColumn<QString>("authority");
        QTest::addColumn<QString>("audience");
        QTest::addColumn<QString>("scope");
        QTest::newRow("AzureCloud") << "AzureCloud" << "AzureCloud" << "https://management.azure.com" << "https://login.microsoftonline.com"
                                    << "https://management.core.windows.net/" << "https://management.core.windows.net/.default";
        QTest::newRow("azurecloud lower") << "azurecloud" << "AzureCloud" << "https://management.azure.com" << "https://login.microsoftonline.com"
                                          << "https://management.core.windows.net/" << "https://management.core.windows.net/.default";
        QTest::newRow("AzureChinaCloud") << "AzureChinaCloud" << "AzureChinaCloud" << "https://management.chinacloudapi.cn" << "https://login.chinacloudapi.cn"
                                         << "https://management.core.chinacloudapi.cn/" << "https://management.core.chinacloudapi.cn/.default";
        QTest::newRow("AzureUSGovernment") << "AzureUSGovernment" << "AzureUSGovernment" << "https://management.usgovcloudapi.net" << "https://login.microsoftonline.us"
                                           << "https://management.core.usgovcloudapi.net/" << "https://management.core.usgovcloudapi.net/.default";
    }
    void byName()
    {
        QFETCH(QString, name);
        QFETCH(QString, canonical);
        QFETCH(QString, arm);
        QFETCH(QString, authority);
        QFETCH(QString, audience);
        QFETCH(QString, scope);
        const auto p = CloudProfile::byName(name);
        QVERIFY(p.has_value());
        QCOMPARE(p->name, canonical);
        QCOMPARE(p->armEndpoint.toString(), arm);
        QCOMPARE(p->authorityHost.toString(), authority);
        QCOMPARE(p->armAudience, audience);
        QCOMPARE(p->scope(), scope);
        QVERIFY(p->validate().has_value());
    }

    void unknownNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("typo") << "AzureClod" << "AzureChinaCloud";
        QTest::newRow("german") << "AzureGermanCloud" << "retired";
        QTest::newRow("empty") << "" << "AzureCloud";
    }
    void unknownNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, mentions);
        const auto p = CloudProfile::byName(name);
        QVERIFY(!p);
        QCOMPARE(p.error().category, ErrorCategory::Validation);
        QVERIFY2((p.error().message + p.error().fix).contains(mentions), qPrintable(p.error().toDisplayString()));
    }

    void custom_data()
    {
        QTest::addColumn<QString>("arm");
        QTest::addColumn<QString>("authority");
        QTest::addColumn<QString>("audience");
        QTest::addColumn<QString>("errorCode"); // empty: valid
        QTest::newRow("emulator loopback http") << "http://127.0.0.1:8443/" << "http://127.0.0.1:8443" << "http://127.0.0.1:8443" << "";
        QTest::newRow("https") << "https://arm.example.com" << "https://login.example.com" << "https://arm.example.com" << "";
        QTest::newRow("plain http remote") << "http://arm.example.com" << "https://login.example.com" << "a" << "InsecureEndpoint";
        QTest::newRow("plain http authority remote") << "https://arm.example.com" << "http://login.example.com" << "a" << "InsecureEndpoint";
        QTest::newRow("relative") << "arm.example.com" << "https://login.example.com" << "a" << "InvalidEndpoint";
        QTest::newRow("missing arm") << "" << "https://login.example.com" << "a" << "MissingEndpoint";
        QTest::newRow("query") << "https://arm.example.com?x=1" << "https://login.example.com" << "a" << "InvalidEndpoint";
        QTest::newRow("no audience") << "https://arm.example.com" << "https://login.example.com" << " " << "MissingAudience";
    }
    void custom()
    {
        QFETCH(QString, arm);
        QFETCH(QString, authority);
        QFETCH(QString, audience);
        QFETCH(QString, errorCode);
        const CloudProfile p = CloudProfile::custom(QUrl(arm), QUrl(authority), audience);
        QCOMPARE(p.name, QStringLiteral("custom"));
        const auto ok = p.validate();
        if (errorCode.isEmpty())
            QVERIFY2(ok.has_value(), qPrintable(ok ? QString() : ok.error().toDisplayString()));
        else
            QCOMPARE(ok ? QString() : ok.error().code, errorCode);
    }

    void armUrlJoinsPaths()
    {
        const auto p = CloudProfile::custom(QUrl(QStringLiteral("http://127.0.0.1:9000/")), QUrl(QStringLiteral("http://127.0.0.1:9000")), QStringLiteral("x"));
        QCOMPARE(p.armUrl(QStringLiteral("/subscriptions/s")).toString(), QStringLiteral("http://127.0.0.1:9000/subscriptions/s"));
        QCOMPARE(CloudProfile::azureCloud().armUrl(QStringLiteral("subscriptions/s")).toString(),
                 QStringLiteral("https://management.azure.com/subscriptions/s"));
        QCOMPARE(CloudProfile::azureCloud().resource(), QStringLiteral("https://management.core.windows.net/"));
    }

    /** What a migration record keeps to sign in after a restart: a custom cloud with its endpoints, a named one by name. */
    void jsonRoundTrip()
    {
        const auto custom = CloudProfile::custom(QUrl(QStringLiteral("http://127.0.0.1:9000/")), QUrl(QStringLiteral("http://127.0.0.1:9001")),
                                                 QStringLiteral("https://management.azure.com/"));
        auto back = CloudProfile::fromJson(custom.toJson());
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->name, QStringLiteral("custom"));
        QCOMPARE(back->armEndpoint, custom.armEndpoint);
        QCOMPARE(back->authorityHost, custom.authorityHost);
        QCOMPARE(back->armAudience, custom.armAudience);

        const QJsonObject named = CloudProfile::azureChinaCloud().toJson();
        QCOMPARE(named.keys(), QStringList{QStringLiteral("name")}); // looked up again, not copied
        back = CloudProfile::fromJson(named);
        QVERIFY(back.has_value());
        QCOMPARE(back->armEndpoint, CloudProfile::azureChinaCloud().armEndpoint);

        // An edited record is checked like typed input: plain http to another host would send tokens in clear.
        QJsonObject edited = custom.toJson();
        edited[QStringLiteral("armEndpoint")] = QStringLiteral("http://arm.example.com");
        back = CloudProfile::fromJson(edited);
        QVERIFY(!back.has_value());
        QCOMPARE(back.error().code, QStringLiteral("InsecureEndpoint"));
        QCOMPARE(CloudProfile::fromJson({{QStringLiteral("name"), QStringLiteral("Mars")}}).error().code, QStringLiteral("UnknownCloud"));
    }

    void loopback_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1") << "127.0.0.1" << true;
        QTest::newRow("127.255.255.254") << "127.255.255.254" << true;
        QTest::newRow("::1") << "::1" << true;
        QTest::newRow("[::1]") << "[::1]" << true;
        QTest::newRow("localhost") << "localhost" << true;
        QTest::newRow("sub.localhost") << "a.localhost" << false;
        QTest::newRow("128.0.0.1") << "128.0.0.1" << false;
        QTest::newRow("0.0.0.0") << "0.0.0.0" << false;
        QTest::newRow("name") << "example.com" << false;
        QTest::newRow("empty") << "" << false;
    }
    void loopback()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(isLoopbackHost(host), loopback);
    }
};

QTEST_GUILESS_MAIN(TestCloudProfile)
#include "tst_cloudprofile.moc"
