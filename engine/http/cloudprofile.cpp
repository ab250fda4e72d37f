// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/http/cloudprofile.h"

#include <QHostAddress>

namespace fm::http {

namespace {

QUrl withoutTrailingSlash(QUrl url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

} // namespace

QString CloudProfile::resource() const
{
    QString r = armAudience;
    if (r.endsWith(QLatin1String("/.default")))
        r.chop(int(qstrlen("/.default")));
    return r;
}

QString CloudProfile::scope() const
{
    QString r = resource();
    while (r.endsWith(QLatin1Char('/')))
        r.chop(1);
    return r + QStringLiteral("/.default");
}

QUrl CloudProfile::armUrl(const QString &path) const
{
    QUrl url = withoutTrailingSlash(armEndpoint);
    url.setPath(url.path() + (path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path));
    return url;
}

// Values from azure-api.md §5.2 (azure-cli cloud.py). The ARM endpoint is kept
// without its trailing slash so paths can be appended.
CloudProfile CloudProfile::azureCloud()
{
    return {QStringLiteral("AzureCloud"), QUrl(QStringLiteral("https://management.azure.com")),
            QUrl(QStringLiteral("https://login.microsoftonline.com")),
            QStringLiteral("https://management.core.windows.net/")};
}

CloudProfile CloudProfile::azureChinaCloud()
{
    return {QStringLiteral("AzureChinaCloud"), QUrl(QStringLiteral("https://management.chinacloudapi.cn")),
            QUrl(QStringLiteral("https://login.chinacloudapi.cn")),
            QStringLiteral("https://management.core.chinacloudapi.cn/")};
}

CloudProfile CloudProfile::azureUSGovernment()
{
    return {QStringLiteral("AzureUSGovernment"), QUrl(QStringLiteral("https://management.usgovcloudapi.net")),
            QUrl(QStringLiteral("https://login.microsoftonline.us")),
            QStringLiteral("https://management.core.usgovcloudapi.net/")};
}

CloudProfile CloudProfile::custom(const QUrl &armEndpoint, const QUrl &authorityHost, const QString &audience)
{
    return {QStringLiteral("custom"), withoutTrailingSlash(armEndpoint), withoutTrailingSlash(authorityHost), audience};
}

QStringList CloudProfile::knownNames()
{
    return {QStringLiteral("AzureCloud"), QStringLiteral("AzureChinaCloud"), QStringLiteral("AzureUSGovernment")};
}

Expected<CloudProfile> CloudProfile::byName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("azurecloud") || n == QLatin1String("public"))
        return azureCloud();
    if (n == QLatin1String("azurechinacloud") || n == QLatin1String("china"))
        return azureChinaCloud();
    if (n == QLatin1String("azureusgovernment") || n == QLatin1String("usgov"))
        return azureUSGovernment();
    if (n == QLatin1String("azuregermancloud")) {
        return fail(Error::validation(QStringLiteral("UnknownCloud"),
                                      QStringLiteral("AzureGermanCloud has been retired."),
                                      QStringLiteral("Use AzureCloud, or --cloud custom with your own endpoints.")));
    }
    return fail(Error::validation(QStringLiteral("UnknownCloud"),
                                  QStringLiteral("Unknown cloud \"%1\".").arg(name),
                                  QStringLiteral("Use one of %1, or custom with --arm-endpoint, --authority-host and --arm-audience.")
                                      .arg(knownNames().join(QStringLiteral(", ")))));
}

QJsonObject CloudProfile::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name}};
    if (name == QLatin1String("custom")) {
        o[QStringLiteral("armEndpoint")] = armEndpoint.toString();
        o[QStringLiteral("authorityHost")] = authorityHost.toString();
        o[QStringLiteral("armAudience")] = armAudience;
    }
    return o;
}

Expected<CloudProfile> CloudProfile::fromJson(const QJsonObject &o)
{
    const QString n = o.value(QStringLiteral("name")).toString();
    if (n != QLatin1String("custom"))
        return byName(n);
    CloudProfile p = custom(QUrl(o.value(QStringLiteral("armEndpoint")).toString(), QUrl::StrictMode),
                            QUrl(o.value(QStringLiteral("authorityHost")).toString(), QUrl::StrictMode), o.value(QStringLiteral("armAudience")).toString());
    if (auto ok = p.validate(); !ok)
        return fail(ok.error());
    return p;
}

Expected<void> CloudProfile::validate() const
{
    auto checkUrl = [](const QUrl &url, const QString &what) -> Expected<void> {
        if (url.isEmpty())
            return fail(Error::validation(QStringLiteral("MissingEndpoint"), QStringLiteral("The %1 is not set.").arg(what)));
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
            return fail(Error::validation(QStringLiteral("InvalidEndpoint"),
                                          QStringLiteral("The %1 \"%2\" is not an absolute http(s) URL.").arg(what, url.toString()),
                                          QStringLiteral("Give it like https://management.azure.com.")));
        }
        if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty()) {
            return fail(Error::validation(QStringLiteral("InvalidEndpoint"),
                                          QStringLiteral("The %1 must not carry a query, fragment or user name.").arg(what)));
        }
        if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host())) {
            return fail(Error::validation(QStringLiteral("InsecureEndpoint"),
                                          QStringLiteral("The %1 \"%2\" uses plain http to a host that is not this machine; "
                                                         "tokens and secrets sent to it could be read on the network.")
                                              .arg(what, url.toString()),
                                          QStringLiteral("Use https. Plain http is allowed only for 127.0.0.1, ::1 and localhost (the emulator).")));
        }
        return {};
    };
    if (auto r = checkUrl(armEndpoint, QStringLiteral("ARM endpoint")); !r)
        return r;
    if (auto r = checkUrl(authorityHost, QStringLiteral("authority host")); !r)
        return r;
    if (armAudience.trimmed().isEmpty()) {
        return fail(Error::validation(QStringLiteral("MissingAudience"), QStringLiteral("The ARM token audience is not set."),
                                      QStringLiteral("Give the resource the tokens are for, e.g. https://management.core.windows.net/.")));
    }
    return {};
}

bool isLoopbackHost(const QString &host)
{
    QString h = host.trimmed().toLower();
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return h == QLatin1String("localhost");
    QHostAddress address;
    if (!address.setAddress(h))
        return false;
    return address.isLoopback();
}

} // namespace fm::http
