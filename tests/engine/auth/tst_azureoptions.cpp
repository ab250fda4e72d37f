// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// The shared Azure CLI options (app/cli/azureoptions): clouds, custom endpoints,
// credentials from env or file, --client-secret refused, specific errors.
#include "app/cli/azureoptions.h"
#include "engine/auth/azureclicredential.h"
#include "engine/auth/clientsecretcredential.h"

#include <QCommandLineParser>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace fm;
using namespace fm::cli;

namespace {

const QString kTenant = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
const QString kClient = QStringLiteral("00000000-1111-2222-3333-444444444444");

} // namespace

class TestAzureOptions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_secretFile;
    QString m_emptyFile;

private slots:
    void initTestCase()
    {
        m_secretFile = m_dir.filePath(QStringLiteral("secret"));
        QFile f(m_secretFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("file-secret-value\n");
        f.close();
        m_emptyFile = m_dir.filePath(QStringLiteral("empty"));
        QFile e(m_emptyFile);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.close();
    }

    void parse_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("envSecret"); // "-" = unset
        QTest::addColumn<QString>("errorCode");  // empty: success
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("arm");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<bool>("azureCli");

        const QStringList ids = {QStringLiteral("--tenant-id"), kTenant, QStringLiteral("--client-id"), kClient};
        QTest::newRow("default cloud, env secret") << ids << "env-secret" << "" << "AzureCloud" << "https://management.azure.com"
                                                   << "https://management.core.windows.net/.default" << false;
        QTest::newRow("china") << (QStringList{"--cloud", "AzureChinaCloud"} + ids) << "s" << "" << "AzureChinaCloud"
                               << "https://management.chinacloudapi.cn" << "https://management.core.chinacloudapi.cn/.default" << false;
        QTest::newRow("usgov") << (QStringList{"--cloud", "AzureUSGovernment"} + ids) << "s" << "" << "AzureUSGovernment"
                               << "https://management.usgovcloudapi.net" << "https://management.core.usgovcloudapi.net/.default" << false;
        QTest::newRow("custom emulator") << (QStringList{"--cloud", "custom", "--arm-endpoint", "http://127.0.0.1:8443", "--authority-host", "http://127.0.0.1:8443"} + ids)
                                         << "s" << "" << "custom" << "http://127.0.0.1:8443" << "http://127.0.0.1:8443/.default" << false;
        QTest::newRow("custom implied by endpoints") << (QStringList{"--arm-endpoint", "https://arm.example.com", "--authority-host", "https://login.example.com", "--arm-audience", "https://arm.example.com/"} + ids)
                                                     << "s" << "" << "custom" << "https://arm.example.com" << "https://arm.example.com/.default" << false;
        QTest::newRow("secret file") << (ids + QStringList{"--client-secret-file", "@SECRET"}) << "-" << "" << "AzureCloud" << "https://management.azure.com"
                                     << "https://management.core.windows.net/.default" << false;
        QTest::newRow("azure cli") << QStringList{"--use-azure-cli"} << "-" << "" << "AzureCloud" << "https://management.azure.com"
                                   << "https://management.core.windows.net/.default" << true;
        QTest::newRow("azure cli with tenant") << QStringList{"--use-azure-cli", "--tenant-id", kTenant} << "-" << "" << "AzureCloud"
                                               << "https://management.azure.com" << "https://management.core.windows.net/.default" << true;

        QTest::newRow("secret as argument refused") << (ids + QStringList{"--client-secret", "oops"}) << "-" << "ClientSecretOnCommandLine" << "" << "" << "" << false;
        QTest::newRow("secret as argument= refused") << (ids + QStringList{"--client-secret=oops"}) << "-" << "ClientSecretOnCommandLine" << "" << "" << "" << false;
        QTest::newRow("unknown cloud") << (QStringList{"--cloud", "Mars"} + ids) << "s" << "UnknownCloud" << "" << "" << "" << false;
        QTest::newRow("endpoint with named cloud") << (QStringList{"--cloud", "AzureCloud", "--arm-endpoint", "https://x"} + ids) << "s" << "ConflictingCloudOptions" << "" << "" << "" << false;
        QTest::newRow("custom without arm") << (QStringList{"--cloud", "custom", "--authority-host", "https://login.example.com"} + ids) << "s" << "MissingArmEndpoint" << "" << "" << "" << false;
        QTest::newRow("custom without authority") << (QStringList{"--cloud", "custom", "--arm-endpoint", "https://arm.example.com"} + ids) << "s" << "MissingAuthorityHost" << "" << "" << "" << false;
        QTest::newRow("custom plain http remote") << (QStringList{"--cloud", "custom", "--arm-endpoint", "http://arm.example.com", "--authority-host", "https://login.example.com"} + ids)
                                                  << "s" << "InsecureEndpoint" << "" << "" << "" << false;
        QTest::newRow("custom relative url") << (QStringList{"--cloud", "custom", "--arm-endpoint", "arm.example.com", "--authority-host", "https://login.example.com"} + ids)
                                             << "s" << "InvalidEndpoint" << "" << "" << "" << false;
        QTest::newRow("no credentials") << QStringList{} << "-" << "MissingCredentials" << "" << "" << "" << false;
        QTest::newRow("no secret") << ids << "-" << "MissingClientSecret" << "" << "" << "" << false;
        QTest::newRow("empty env secret") << ids << "" << "MissingClientSecret" << "" << "" << "" << false;
        QTest::newRow("missing secret file") << (ids + QStringList{"--client-secret-file", "/nonexistent/secret"}) << "-" << "SecretFileMissing" << "" << "" << "" << false;
        QTest::newRow("empty secret file") << (ids + QStringList{"--client-secret-file", "@EMPTY"}) << "-" << "SecretFileEmpty" << "" << "" << "" << false;
        QTest::newRow("secret file is a folder") << (ids + QStringList{"--client-secret-file", "@DIR"}) << "-" << "SecretFileInvalid" << "" << "" << "" << false;
        QTest::newRow("bad tenant") << QStringList{"--tenant-id", "common", "--client-id", kClient} << "s" << "InvalidTenantId" << "" << "" << "" << false;
        QTest::newRow("missing tenant") << QStringList{"--client-id", kClient} << "s" << "MissingTenantId" << "" << "" << "" << false;
        QTest::newRow("bad client") << QStringList{"--tenant-id", kTenant, "--client-id", "app"} << "s" << "InvalidClientId" << "" << "" << "" << false;
        QTest::newRow("missing client") << QStringList{"--tenant-id", kTenant} << "s" << "MissingClientId" << "" << "" << "" << false;
        QTest::newRow("azure cli and client id") << QStringList{"--use-azure-cli", "--client-id", kClient} << "-" << "ConflictingCredentials" << "" << "" << "" << false;
        QTest::newRow("azure cli bad tenant") << QStringList{"--use-azure-cli", "--tenant-id", "x y"} << "-" << "InvalidTenantId" << "" << "" << "" << false;
    }
    void parse()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, envSecret);
        QFETCH(QString, errorCode);
        QFETCH(QString, cloud);
        QFETCH(QString, arm);
        QFETCH(QString, scope);
        QFETCH(bool, azureCli);

        args.replaceInStrings(QStringLiteral("@SECRET"), m_secretFile);
        args.replaceInStrings(QStringLiteral("@EMPTY"), m_emptyFile);
        args.replaceInStrings(QStringLiteral("@DIR"), m_dir.path());
        QCommandLineParser parser;
        addAzureOptions(parser);
        QVERIFY2(parser.parse(QStringList{QStringLiteral("flexmigrate")} + args), qPrintable(parser.errorText()));
        QProcessEnvironment env;
        if (envSecret != QLatin1String("-"))
            env.insert(QString::fromLatin1(kClientSecretEnv), envSecret);

        QNetworkAccessManager nam;
        const auto result = azureConnectionFromOptions(parser, &nam, env);
        if (!errorCode.isEmpty()) {
            QVERIFY(!result);
            QCOMPARE(result.error().code, errorCode);
            QCOMPARE(result.error().category, ErrorCategory::Validation);
            QVERIFY2(!result.error().message.isEmpty(), qPrintable(errorCode));
            QVERIFY(!result.error().toDisplayString().contains(QStringLiteral("oops"))); // a refused secret is not echoed
            if (errorCode == QLatin1String("ClientSecretOnCommandLine")) {
                QVERIFY(result.error().message.contains(QStringLiteral("shell history")));
                QVERIFY(result.error().fix.contains(QStringLiteral("FLEXMIGRATE_CLIENT_SECRET")));
                QVERIFY(result.error().fix.contains(QStringLiteral("--client-secret-file")));
            }
            return;
        }
        QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toDisplayString()));
        QCOMPARE(result->profile.name, cloud);
        QCOMPARE(result->profile.armEndpoint.toString(), arm);
        QCOMPARE(result->profile.scope(), scope);
        QCOMPARE(result->httpOptions().scopes, QStringList{scope});
        QCOMPARE(result->usesAzureCli, azureCli);
        QVERIFY(result->credential);
        if (azureCli) {
            QVERIFY(dynamic_cast<auth::AzureCliCredential *>(result->credential.get()));
        } else {
            auto *cs = dynamic_cast<auth::ClientSecretCredential *>(result->credential.get());
            QVERIFY(cs);
            QCOMPARE(cs->tenantId(), kTenant);
            QCOMPARE(cs->clientId(), kClient);
            const QString expectedSecret = args.contains(m_secretFile) ? QStringLiteral("file-secret-value") : envSecret;
            QVERIFY(cs->formBody(scope).contains("&client_secret=" + QUrl::toPercentEncoding(expectedSecret) + "&"));
        }
    }

    void secretOptionHiddenFromHelp()
    {
        QCommandLineParser parser;
        addAzureOptions(parser);
        const QString help = parser.helpText();
        QVERIFY(help.contains(QStringLiteral("--client-secret-file")));
        QVERIFY(!help.contains(QStringLiteral("--client-secret <")));
        QVERIFY(help.contains(QStringLiteral("--use-azure-cli")));
        QVERIFY(help.contains(QStringLiteral("FLEXMIGRATE_CLIENT_SECRET")));
    }
};

QTEST_GUILESS_MAIN(TestAzureOptions)
#include "tst_azureoptions.moc"
