// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/cli/azureoptions.h"

#include "engine/auth/azureclicredential.h"
#include "engine/auth/clientsecretcredential.h"
#include "engine/auth/identifiers.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace fm::cli {

namespace {

const QString kCloud = QStringLiteral("cloud");
const QString kArmEndpoint = QStringLiteral("arm-endpoint");
const QString kAuthorityHost = QStringLiteral("authority-host");
const QString kArmAudience = QStringLiteral("arm-audience");
const QString kTenantId = QStringLiteral("tenant-id");
const QString kClientId = QStringLiteral("client-id");
const QString kClientSecretFile = QStringLiteral("client-secret-file");
const QString kClientSecret = QStringLiteral("client-secret");
const QString kUseAzureCli = QStringLiteral("use-azure-cli");

constexpr qint64 kMaxSecretFileBytes = 4096;

Error usage(const QString &code, const QString &message, const QString &fix = {})
{
    return Error::validation(code, message, fix);
}

Expected<Secret> readSecretFile(const QString &path)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists())
        return fail(usage(QStringLiteral("SecretFileMissing"), QStringLiteral("The client secret file %1 does not exist.").arg(path)));
    if (info.isDir())
        return fail(usage(QStringLiteral("SecretFileInvalid"), QStringLiteral("%1 is a folder, not a client secret file.").arg(path)));
    if (info.size() > kMaxSecretFileBytes) {
        return fail(usage(QStringLiteral("SecretFileInvalid"),
                          QStringLiteral("%1 is %2 bytes; a client secret file holds only the secret value.").arg(path).arg(info.size()),
                          QStringLiteral("Put just the secret's value in the file, on one line.")));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(usage(QStringLiteral("SecretFileUnreadable"), QStringLiteral("Cannot read the client secret file %1: %2").arg(path, file.errorString())));
    }
    // One line; editors add a trailing newline, which is not part of the secret.
    const QString value = QString::fromUtf8(file.readAll()).section(QLatin1Char('\n'), 0, 0).trimmed();
    if (value.isEmpty()) {
        return fail(usage(QStringLiteral("SecretFileEmpty"), QStringLiteral("The client secret file %1 is empty.").arg(path),
                          QStringLiteral("Put the secret's value (not its id) in the file.")));
    }
    return Secret(value);
}

} // namespace

http::HttpClient::Options AzureConnection::httpOptions() const
{
    http::HttpClient::Options options;
    options.scopes = {profile.scope()};
    return options;
}

void addAzureOptions(QCommandLineParser &parser)
{
    parser.addOption({kCloud,
                      QStringLiteral("Azure cloud: AzureCloud (default), AzureChinaCloud, AzureUSGovernment, or custom (with --arm-endpoint, --authority-host)."),
                      QStringLiteral("name")});
    parser.addOption({kArmEndpoint, QStringLiteral("ARM endpoint of a custom cloud, e.g. http://127.0.0.1:8443 for the emulator."), QStringLiteral("url")});
    parser.addOption({kAuthorityHost, QStringLiteral("Microsoft Entra ID (AAD) authority host of a custom cloud."), QStringLiteral("url")});
    parser.addOption({kArmAudience, QStringLiteral("Token audience of a custom cloud (default: the ARM endpoint)."), QStringLiteral("uri")});
    parser.addOption({kTenantId, QStringLiteral("Directory (tenant) id or domain of the AAD application."), QStringLiteral("id")});
    parser.addOption({kClientId, QStringLiteral("Application (client) id of the AAD application."), QStringLiteral("id")});
    parser.addOption({kClientSecretFile,
                      QStringLiteral("File holding the AAD client secret (else the %1 environment variable is read).").arg(QLatin1String(kClientSecretEnv)),
                      QStringLiteral("file")});
    parser.addOption({kUseAzureCli, QStringLiteral("Use the signed-in Azure CLI (az account get-access-token) instead of an AAD application.")});
    // Accepted by the parser only so it can be refused with a reason instead of "unknown option".
    QCommandLineOption secret(kClientSecret, QStringLiteral("Not accepted: use %1 or --client-secret-file.").arg(QLatin1String(kClientSecretEnv)),
                              QStringLiteral("secret"));
    secret.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(secret);
}

Expected<http::CloudProfile> cloudProfileFromOptions(const QCommandLineParser &parser)
{
    const bool anyEndpoint = parser.isSet(kArmEndpoint) || parser.isSet(kAuthorityHost) || parser.isSet(kArmAudience);
    QString cloud = parser.value(kCloud).trimmed();
    if (cloud.isEmpty())
        cloud = anyEndpoint ? QStringLiteral("custom") : QStringLiteral("AzureCloud");

    if (cloud.compare(QLatin1String("custom"), Qt::CaseInsensitive) != 0) {
        if (anyEndpoint) {
            return fail(usage(QStringLiteral("ConflictingCloudOptions"),
                              QStringLiteral("--arm-endpoint, --authority-host and --arm-audience only go with --cloud custom, not --cloud %1.").arg(cloud),
                              QStringLiteral("Drop the endpoint options to use %1's own endpoints, or say --cloud custom.").arg(cloud)));
        }
        return http::CloudProfile::byName(cloud);
    }
    if (!parser.isSet(kArmEndpoint)) {
        return fail(usage(QStringLiteral("MissingArmEndpoint"), QStringLiteral("--cloud custom needs --arm-endpoint."),
                          QStringLiteral("e.g. --arm-endpoint http://127.0.0.1:8443 for the local emulator.")));
    }
    if (!parser.isSet(kAuthorityHost)) {
        return fail(usage(QStringLiteral("MissingAuthorityHost"), QStringLiteral("--cloud custom needs --authority-host."),
                          QStringLiteral("e.g. --authority-host http://127.0.0.1:8443 for the local emulator.")));
    }
    const QUrl arm(parser.value(kArmEndpoint).trimmed(), QUrl::StrictMode);
    const QUrl authority(parser.value(kAuthorityHost).trimmed(), QUrl::StrictMode);
    QString audience = parser.value(kArmAudience).trimmed();
    if (audience.isEmpty())
        audience = arm.toString();
    http::CloudProfile profile = http::CloudProfile::custom(arm, authority, audience);
    if (auto ok = profile.validate(); !ok)
        return fail(ok.error());
    return profile;
}

Expected<AzureConnection> azureConnectionFromOptions(const QCommandLineParser &parser, QNetworkAccessManager *nam, const QProcessEnvironment &env)
{
    if (parser.isSet(kClientSecret)) {
        return fail(usage(QStringLiteral("ClientSecretOnCommandLine"),
                          QStringLiteral("--client-secret is not accepted: a secret on the command line is visible to every user "
                                         "of this machine (ps, /proc) and stays in the shell history."),
                          QStringLiteral("Set the environment variable %1, or put the secret in a file only you can read and give "
                                         "--client-secret-file FILE.").arg(QLatin1String(kClientSecretEnv))));
    }
    auto profile = cloudProfileFromOptions(parser);
    if (!profile)
        return fail(profile.error());

    AzureConnection result;
    result.profile = *profile;

    if (parser.isSet(kUseAzureCli)) {
        if (parser.isSet(kClientId) || parser.isSet(kClientSecretFile)) {
            return fail(usage(QStringLiteral("ConflictingCredentials"),
                              QStringLiteral("--use-azure-cli signs in as the Azure CLI user; --client-id and --client-secret-file are for an AAD application."),
                              QStringLiteral("Use one or the other.")));
        }
        auth::AzureCliCredential::Options options;
        if (parser.isSet(kTenantId)) {
            auto tenant = auth::validateTenantId(parser.value(kTenantId));
            if (!tenant)
                return fail(tenant.error());
            options.tenantId = *tenant;
            result.tenantId = *tenant;
        }
        result.credential = std::make_shared<auth::AzureCliCredential>(options);
        result.usesAzureCli = true;
        return result;
    }

    if (!parser.isSet(kTenantId) && !parser.isSet(kClientId)) {
        return fail(usage(QStringLiteral("MissingCredentials"), QStringLiteral("No Azure credentials were given."),
                          QStringLiteral("Give --tenant-id and --client-id of an AAD application with its secret in %1 or --client-secret-file, "
                                         "or --use-azure-cli to use the signed-in Azure CLI.").arg(QLatin1String(kClientSecretEnv))));
    }
    auto tenant = auth::validateTenantId(parser.value(kTenantId));
    if (!tenant)
        return fail(tenant.error());
    auto client = auth::validateClientId(parser.value(kClientId));
    if (!client)
        return fail(client.error());

    Secret secret;
    if (parser.isSet(kClientSecretFile)) {
        auto fromFile = readSecretFile(parser.value(kClientSecretFile));
        if (!fromFile)
            return fail(fromFile.error());
        secret = *fromFile;
    } else if (env.contains(QLatin1String(kClientSecretEnv))) {
        secret = Secret(env.value(QLatin1String(kClientSecretEnv)).trimmed());
        if (secret.isEmpty()) {
            return fail(usage(QStringLiteral("MissingClientSecret"), QStringLiteral("%1 is set but empty.").arg(QLatin1String(kClientSecretEnv)),
                              QStringLiteral("Set it to the secret's value, or use --client-secret-file.")));
        }
    } else {
        return fail(usage(QStringLiteral("MissingClientSecret"),
                          QStringLiteral("The client secret of application %1 is missing.").arg(*client),
                          QStringLiteral("Set the environment variable %1 or give --client-secret-file FILE.").arg(QLatin1String(kClientSecretEnv))));
    }

    auto credential = auth::ClientSecretCredential::create(nam, result.profile, *tenant, *client, secret);
    if (!credential)
        return fail(credential.error());
    result.credential = *credential;
    result.tenantId = *tenant;
    result.clientId = *client;
    return result;
}

} // namespace fm::cli
