// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/aadapppagemodel.h"
#include "wizard/viewmodels/databasespagemodel.h"
#include "wizard/viewmodels/optionspagemodel.h"
#include "wizard/viewmodels/serverpagemodel.h"
#include "wizard/viewmodels/startpagemodel.h"
#include "wizard/viewmodels/wizardmodel.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fm;
using namespace fm::ui;

class TstStartPageModel : public QObject
{
    Q_OBJECT
private slots:
    void backends()
    {
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        StartPageModel m(&w);
        QCOMPARE(m.backend(), migration::Backend::Service);
        QCOMPARE(StartPageModel::backends().first(), migration::Backend::Service);
        QVERIFY(StartPageModel::backendLabel(migration::Backend::Service).contains(QLatin1String("recommended")));
        QSignalSpy spy(&w, &WizardModel::backendChanged);
        m.setBackend(migration::Backend::Direct);
        QCOMPARE(w.spec().backend, migration::Backend::Direct);
        QCOMPARE(spy.count(), 1);
        QVERIFY(!w.isAzureBackend());
        m.setBackend(migration::Backend::Direct);
        QCOMPARE(spy.count(), 1);
    }

    void knownClouds_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("arm");
        QTest::newRow("public") << "AzureCloud" << "https://management.azure.com";
        QTest::newRow("china") << "AzureChinaCloud" << "https://management.chinacloudapi.cn";
        QTest::newRow("usgov") << "AzureUSGovernment" << "https://management.usgovcloudapi.net";
    }
    void knownClouds()
    {
        QFETCH(QString, name);
        QFETCH(QString, arm);
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        StartPageModel m(&w);
        m.setCloudName(QStringLiteral("custom"));
        m.setCloudName(name);
        QCOMPARE(m.cloudError(), QString());
        QVERIFY(m.isComplete());
        QCOMPARE(w.profile().name, name);
        QCOMPARE(w.profile().armEndpoint.toString(), arm);
        QCOMPARE(w.spec().cloud, name);
    }

    void customCloud_data()
    {
        QTest::addColumn<QString>("arm");
        QTest::addColumn<QString>("authority");
        QTest::addColumn<QString>("audience");
        QTest::addColumn<QString>("error");
        const QString ok = QStringLiteral("http://127.0.0.1:8443");
        const QString aud = QStringLiteral("https://management.core.windows.net/");
        QTest::newRow("emulator") << ok << ok << aud << "";
        QTest::newRow("https sovereign") << "https://management.example.test" << "https://login.example.test" << aud << "";
        QTest::newRow("localhost") << "http://localhost:9000/" << "http://localhost:9000" << aud << "";
        QTest::newRow("arm missing") << "" << ok << aud << "The ARM endpoint is not set.";
        QTest::newRow("authority missing") << ok << "" << aud << "The authority host is not set.";
        QTest::newRow("arm not a url") << "management.azure.com" << ok << aud
                                       << "The ARM endpoint \"management.azure.com\" is not an absolute http(s) URL.";
        QTest::newRow("ftp") << "ftp://127.0.0.1" << ok << aud << "The ARM endpoint \"ftp://127.0.0.1\" is not an absolute http(s) URL.";
        QTest::newRow("query") << "https://arm.example.test/?x=1" << ok << aud << "The ARM endpoint must not carry a query, fragment or user name.";
        QTest::newRow("plain http remote") << ok << "http://login.example.test" << aud
                                           << "The authority host \"http://login.example.test\" uses plain http to a host that is not this machine; "
                                              "tokens and secrets sent to it could be read on the network.";
        QTest::newRow("audience missing") << ok << ok << "  " << "The ARM token audience is not set.";
    }
    void customCloud()
    {
        QFETCH(QString, arm);
        QFETCH(QString, authority);
        QFETCH(QString, audience);
        QFETCH(QString, error);
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        StartPageModel m(&w);
        QSignalSpy profile(&w, &WizardModel::profileChanged);
        m.setCloudName(QStringLiteral("custom"));
        m.setArmEndpoint(arm);
        m.setAuthorityHost(authority);
        m.setAudience(audience);
        QCOMPARE(m.cloudError(), error);
        QCOMPARE(m.isComplete(), error.isEmpty());
        if (error.isEmpty()) {
            QCOMPARE(w.profile().name, QStringLiteral("custom"));
            QCOMPARE(w.profile().armEndpoint.toString(), arm.endsWith(QLatin1Char('/')) ? arm.chopped(1) : arm);
            QVERIFY(profile.count() >= 1);
        } else {
            // An invalid custom cloud never reaches the wizard: it keeps the last valid profile.
            QCOMPARE(w.profile().name, QStringLiteral("AzureCloud"));
        }
    }

    void openDraft_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("{nope") << false << "The draft draft.json cannot be used: ";
        QTest::newRow("array") << QByteArray("[]") << false << "The draft draft.json cannot be used: ";
        QTest::newRow("missing file") << QByteArray() << false << "Cannot open the draft ";
    }
    void openDraft()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, ok);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("draft.json"));
        if (!content.isEmpty()) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        StartPageModel m(&w);
        QCOMPARE(m.openDraft(path), ok);
        QVERIFY2(m.errorText().startsWith(error), qPrintable(m.errorText()));
        QVERIFY(m.errorText().size() > error.size()); // it says what is wrong, not only that something is
        QCOMPARE(w.spec(), migration::MigrationSpec{});
    }

    void openDraftFillsSpec()
    {
        migration::MigrationSpec s;
        s.name = QStringLiteral("move-sales");
        s.backend = migration::Backend::Dms;
        s.cloud = QStringLiteral("AzureChinaCloud");
        s.source.resourceId = QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/src");
        s.source.user = QStringLiteral("admin");
        s.aadApp.tenantId = QStringLiteral("00000000-0000-0000-0000-0000000000aa");
        s.aadApp.clientId = QStringLiteral("00000000-0000-0000-0000-0000000000bb");
        s.databases = {QStringLiteral("sales"), QStringLiteral("hr")};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.json"));
        QVERIFY(s.saveDraft(path).has_value());

        QNetworkAccessManager nam;
        WizardModel w(&nam);
        StartPageModel m(&w);
        QSignalSpy replaced(&w, &WizardModel::specReplaced);
        QVERIFY2(m.openDraft(path), qPrintable(m.errorText()));
        QCOMPARE(m.errorText(), QString());
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(w.spec(), s);
        QCOMPARE(m.backend(), migration::Backend::Dms);
        QCOMPARE(m.cloudName(), QStringLiteral("AzureChinaCloud"));
        QCOMPARE(w.profile().name, QStringLiteral("AzureChinaCloud"));
        QCOMPARE(w.credentialInputs().tenantId, s.aadApp.tenantId);
        QCOMPARE(w.credentialInputs().clientId, s.aadApp.clientId);
        QVERIFY(w.credentialInputs().secret.isEmpty());
    }

    void draftFillsEveryPage()
    {
        migration::MigrationSpec s;
        s.name = QStringLiteral("move-hr");
        s.source.resourceId = QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/src");
        s.source.user = QStringLiteral("cloudsa");
        s.source.sslMode = QStringLiteral("verify-full");
        s.target.resourceId = QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/tgt");
        s.target.user = QStringLiteral("flexadmin");
        s.aadApp.tenantId = QStringLiteral("00000000-0000-0000-0000-0000000000aa");
        s.aadApp.clientId = QStringLiteral("00000000-0000-0000-0000-0000000000bb");
        s.databases = {QStringLiteral("hr")};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.json"));
        QVERIFY(s.saveDraft(path).has_value());

        QNetworkAccessManager nam;
        WizardModel w(&nam);
        // The pages exist before the draft is opened (the wizard builds them all up front).
        StartPageModel start(&w);
        ServerPageModel source(&w, ServerSide::Source);
        ServerPageModel target(&w, ServerSide::Target);
        AadAppPageModel aad(&w);
        DatabasesPageModel dbs(&w);
        QVERIFY2(start.openDraft(path), qPrintable(start.errorText()));
        QCOMPARE(source.subscriptionId(), QStringLiteral("00000000-0000-0000-0000-000000000001"));
        QCOMPARE(source.resourceGroup(), QStringLiteral("rg"));
        QCOMPARE(source.serverName(), QStringLiteral("src"));
        QCOMPARE(source.adminUser(), QStringLiteral("cloudsa"));
        QCOMPARE(source.sslMode(), QStringLiteral("verify-full"));
        QCOMPARE(target.serverName(), QStringLiteral("tgt"));
        QCOMPARE(target.adminUser(), QStringLiteral("flexadmin"));
        QCOMPARE(aad.tenantId(), s.aadApp.tenantId);
        QCOMPARE(aad.clientId(), s.aadApp.clientId);
        QVERIFY(!aad.hasSecret());
        OptionsPageModel options(&w);
        QCOMPARE(options.name(), QStringLiteral("move-hr"));
        // Loading the pages changed nothing in the spec: it is still the draft.
        QCOMPARE(w.spec(), s);
    }
};

QTEST_GUILESS_MAIN(TstStartPageModel)
#include "tst_startpagemodel.moc"
