// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/auth/aadstserror.h"

#include "engine/core/redaction.h"
#include "engine/http/armerror.h"

#include <QRegularExpression>

#include <nlohmann/json.hpp>

namespace fm::auth {

namespace {

QString str(const nlohmann::json &doc, const char *key)
{
    if (!doc.is_object())
        return {};
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

QString app(const AadContext &c)
{
    return c.clientId.isEmpty() ? QStringLiteral("the application") : QStringLiteral("application %1").arg(c.clientId);
}

QString tenant(const AadContext &c)
{
    return c.tenantId.isEmpty() ? QStringLiteral("the tenant") : QStringLiteral("tenant %1").arg(c.tenantId);
}

} // namespace

bool describeAadsts(int code, const AadContext &c, QString &message, QString &fix)
{
    switch (code) {
    case 7000215:
        message = QStringLiteral("The client secret is wrong for %1.").arg(app(c));
        fix = QStringLiteral("Use the secret's Value, not its Secret ID (Azure portal > App registrations > Certificates & secrets); "
                             "if the value is lost, create a new secret.");
        return true;
    case 7000222:
        message = QStringLiteral("The client secret of %1 has expired.").arg(app(c));
        fix = QStringLiteral("Create a new client secret (Azure portal > App registrations > Certificates & secrets) and use its value.");
        return true;
    case 700016:
        message = QStringLiteral("%1 was not found in %2.").arg(app(c), tenant(c));
        message[0] = message[0].toUpper();
        fix = QStringLiteral("Check the client id and the tenant id: the app must be registered in (or consented to by) that tenant, "
                             "and --cloud must be the cloud the tenant lives in.");
        return true;
    case 90002:
        message = QStringLiteral("The tenant %1 does not exist in this cloud.").arg(c.tenantId);
        fix = QStringLiteral("Check the tenant id (Microsoft Entra ID > Overview > Tenant ID) and that --cloud matches the tenant's cloud.");
        return true;
    case 900023:
        message = QStringLiteral("\"%1\" is not a valid tenant id or domain.").arg(c.tenantId);
        fix = QStringLiteral("Give the tenant as a GUID or a verified domain such as contoso.onmicrosoft.com.");
        return true;
    case 90038:
        message = QStringLiteral("The tenant %1 belongs to another national cloud than %2.").arg(c.tenantId, c.authorityHost);
        fix = QStringLiteral("Choose the tenant's cloud with --cloud (AzureChinaCloud, AzureUSGovernment) or give its --authority-host.");
        return true;
    case 70011:
        message = QStringLiteral("The token scope \"%1\" is not valid.").arg(c.scope);
        fix = QStringLiteral("Check --cloud or --arm-audience: the scope must be the ARM audience followed by /.default.");
        return true;
    case 50001:
        message = QStringLiteral("The resource \"%1\" is not known to %2.").arg(c.scope, tenant(c));
        fix = QStringLiteral("Check --arm-audience (e.g. https://management.core.windows.net/) and --cloud.");
        return true;
    case 7000112:
        message = QStringLiteral("%1 is disabled.").arg(app(c));
        message[0] = message[0].toUpper();
        fix = QStringLiteral("Enable the app's service principal (Enterprise applications > Properties > Enabled for users to sign in).");
        return true;
    case 70002:
        message = QStringLiteral("The credentials of %1 were rejected.").arg(app(c));
        fix = QStringLiteral("Check the client id and the client secret value.");
        return true;
    case 7000218:
        message = QStringLiteral("The token request carried no client secret.");
        fix = QStringLiteral("Provide the secret through FLEXMIGRATE_CLIENT_SECRET or --client-secret-file.");
        return true;
    case 90014:
        message = QStringLiteral("The token request is missing a required field.");
        fix = QStringLiteral("Check the tenant id, client id and secret are all given.");
        return true;
    default:
        return false;
    }
}

Error aadErrorFromResponse(const http::Response &response, const AadContext &context)
{
    Error e;
    e.category = ErrorCategory::Auth;
    e.httpStatus = response.status;
    e.retryable = response.status == 429 || (response.status >= 500 && http::isRetryableStatus(response.status));

    const nlohmann::json doc = nlohmann::json::parse(response.body.constBegin(), response.body.constEnd(), nullptr, false);
    const QString oauthError = doc.is_discarded() ? QString() : str(doc, "error");
    const QString description = doc.is_discarded() ? QString() : str(doc, "error_description");
    e.requestId = doc.is_discarded() ? QString() : str(doc, "trace_id");
    e.correlationId = doc.is_discarded() ? QString() : str(doc, "correlation_id");
    if (e.requestId.isEmpty())
        e.requestId = response.requestId();

    int code = 0;
    if (!doc.is_discarded() && doc.is_object()) {
        const auto it = doc.find("error_codes");
        if (it != doc.end() && it->is_array() && !it->empty() && it->front().is_number_integer())
            code = it->front().get<int>();
    }
    if (!code) {
        static const QRegularExpression aadsts(QStringLiteral("AADSTS(\\d+)"));
        const auto m = aadsts.match(description);
        if (m.hasMatch())
            code = m.captured(1).toInt();
    }
    if (oauthError == QLatin1String("temporarily_unavailable"))
        e.retryable = true;

    // The first line of the description is the service's own sentence; trace lines follow.
    e.details = redacted(description.section(QLatin1Char('\n'), 0, 0).trimmed());

    if (code) {
        e.code = QStringLiteral("AADSTS%1").arg(code);
        if (!describeAadsts(code, context, e.message, e.fix)) {
            e.message = QStringLiteral("Microsoft Entra ID refused the token request (AADSTS%1).").arg(code);
            e.fix = QStringLiteral("See https://login.microsoftonline.com/error?code=%1 for this code.").arg(code);
        }
        return e;
    }
    if (!oauthError.isEmpty()) {
        e.code = oauthError;
        e.message = QStringLiteral("Microsoft Entra ID refused the token request: %1.").arg(oauthError);
        if (oauthError == QLatin1String("invalid_client"))
            e.fix = QStringLiteral("Check the client id and the client secret value.");
        else if (oauthError == QLatin1String("unauthorized_client"))
            e.fix = QStringLiteral("Check the client id and that the app is registered in the tenant.");
        return e;
    }
    e.code = QStringLiteral("HTTP%1").arg(response.status);
    e.message = QStringLiteral("The token endpoint %1 answered HTTP %2 without an AAD error.").arg(response.url.host()).arg(response.status);
    e.fix = QStringLiteral("Check --authority-host and --cloud point at a Microsoft Entra ID token endpoint.");
    return e;
}

} // namespace fm::auth
