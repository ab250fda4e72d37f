// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/http/armerror.h"

#include "engine/core/redaction.h"

#include <nlohmann/json.hpp>

namespace fm::http {

namespace {

QString str(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

/** "code: message" lines of every nested detail, depth first, so nothing the service said is lost. */
void collectDetails(const nlohmann::json &object, QStringList &out, int depth)
{
    if (depth > 8 || !object.is_object())
        return;
    const auto it = object.find("details");
    if (it == object.end() || !it->is_array())
        return;
    for (const auto &d : *it) {
        const QString code = str(d, "code");
        const QString message = str(d, "message");
        const QString target = str(d, "target");
        QString line = code.isEmpty() ? message : (message.isEmpty() ? code : code + QStringLiteral(": ") + message);
        if (!target.isEmpty())
            line += QStringLiteral(" (target %1)").arg(target);
        if (!line.isEmpty())
            out << line;
        collectDetails(d, out, depth + 1);
    }
}

/** What the user can do for the ARM codes of azure-api.md §5.4. */
QString fixFor(const QString &code)
{
    if (code == QLatin1String("AuthorizationFailed"))
        return QStringLiteral("Give the AAD application a role that allows this action (e.g. Contributor) on the resource, "
                              "resource group or subscription; new role assignments can take a few minutes to apply.");
    if (code == QLatin1String("InvalidAuthenticationTokenTenant"))
        return QStringLiteral("Use the tenant id of the directory that owns the subscription.");
    if (code == QLatin1String("ExpiredAuthenticationToken") || code == QLatin1String("InvalidAuthenticationToken"))
        return QStringLiteral("Sign in again; check the cloud (--cloud) matches the subscription.");
    if (code == QLatin1String("MissingSubscriptionRegistration"))
        return QStringLiteral("Register the resource provider on the subscription (az provider register --namespace <provider>).");
    if (code == QLatin1String("SubscriptionNotFound"))
        return QStringLiteral("Check the subscription id and that the AAD application has access to it.");
    if (code == QLatin1String("ResourceGroupNotFound") || code == QLatin1String("ResourceNotFound"))
        return QStringLiteral("Check the subscription, resource group and resource names.");
    return {};
}

} // namespace

bool isRetryableStatus(int status)
{
    return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
}

bool readArmErrorObject(const nlohmann::json &object, Error &error)
{
    if (!object.is_object())
        return false;
    const QString code = str(object, "code");
    const QString message = str(object, "message");
    if (code.isEmpty() && message.isEmpty())
        return false;
    error.code = code;
    // Server text can echo inputs; pass it through the redactor like everything shown.
    error.message = redacted(message.isEmpty() ? code : message);
    QStringList details;
    const QString target = str(object, "target");
    if (!target.isEmpty())
        details << QStringLiteral("target: %1").arg(target);
    collectDetails(object, details, 0);
    error.details = redacted(details.join(QStringLiteral("; ")));
    error.fix = fixFor(code);
    return true;
}

Error errorFromResponse(const Response &response)
{
    Error e;
    e.httpStatus = response.status;
    e.requestId = response.requestId();
    e.correlationId = response.correlationId();
    e.retryable = isRetryableStatus(response.status);

    const nlohmann::json doc = nlohmann::json::parse(response.body.constBegin(), response.body.constEnd(), nullptr, false);
    if (!doc.is_discarded() && doc.is_object()) {
        const auto it = doc.find("error");
        // ARM/DMS: {"error": {...}}. Some RPs answer the bare error object.
        const nlohmann::json *object = (it != doc.end() && it->is_object()) ? &*it : (doc.contains("code") ? &doc : nullptr);
        if (object && readArmErrorObject(*object, e)) {
            e.category = ErrorCategory::Arm;
            return e;
        }
    }
    e.category = ErrorCategory::Http;
    e.code = QStringLiteral("HTTP%1").arg(response.status);
    e.message = QStringLiteral("%1 %2 answered HTTP %3.")
                    .arg(response.url.host(), response.url.path())
                    .arg(response.status);
    return e;
}

} // namespace fm::http
