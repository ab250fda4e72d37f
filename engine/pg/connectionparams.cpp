// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/pg/connectionparams.h"

#include "engine/core/redaction.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <libpq-fe.h>

#include <mutex>

namespace fm::pg {

namespace {
const QString kAzureSuffix = QStringLiteral(".postgres.database.azure.com");
// The other Azure clouds use their own domains for the same services.
const QStringList kAzureSuffixes = {
    kAzureSuffix,
    QStringLiteral(".postgres.database.chinacloudapi.cn"),
    QStringLiteral(".postgres.database.usgovcloudapi.net"),
};
} // namespace

Expected<ConnectionParams> ConnectionParams::fromUri(const QString &uri)
{
    const QString trimmed = uri.trimmed();
    if (trimmed.isEmpty())
        return fail(Error::validation(QStringLiteral("EmptyConnectionUri"),
                                      QStringLiteral("The connection URI is empty."),
                                      QStringLiteral("Give a URI such as postgresql://user@host:5432/postgres?sslmode=require.")));
    char *err = nullptr;
    const QByteArray utf8 = trimmed.toUtf8();
    PQconninfoOption *options = PQconninfoParse(utf8.constData(), &err);
    if (!options) {
        QString why = err ? QString::fromUtf8(err).trimmed() : QStringLiteral("out of memory");
        if (err)
            PQfreemem(err);
        return fail(Error::validation(QStringLiteral("InvalidConnectionUri"),
                                      QStringLiteral("The connection URI is not valid: %1").arg(redacted(why)),
                                      QStringLiteral("Use postgresql://user:password@host:port/database[?sslmode=...]; percent-encode special characters in the password.")));
    }
    ConnectionParams p;
    p.dbname.clear();
    QString portText;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const QString key = QString::fromLatin1(o->keyword);
        const QString val = QString::fromUtf8(o->val);
        if (key == QLatin1String("host"))
            p.host = val;
        else if (key == QLatin1String("hostaddr") && p.host.isEmpty())
            p.host = val;
        else if (key == QLatin1String("port"))
            portText = val;
        else if (key == QLatin1String("dbname"))
            p.dbname = val;
        else if (key == QLatin1String("user"))
            p.user = val;
        else if (key == QLatin1String("password"))
            p.password = Secret(val);
        else if (key == QLatin1String("sslmode"))
            p.sslmode = val;
        else if (key == QLatin1String("sslrootcert"))
            p.sslrootcert = val;
        else if (key == QLatin1String("application_name"))
            p.applicationName = val;
        else if (key == QLatin1String("connect_timeout"))
            p.connectTimeoutSeconds = val.toInt();
        else if (key != QLatin1String("client_encoding") && key != QLatin1String("replication"))
            p.extra.insert(key, val);
    }
    PQconninfoFree(options);
    if (p.host.contains(QLatin1Char(','))) {
        return fail(Error::validation(QStringLiteral("MultipleHosts"),
                                      QStringLiteral("The URI names several hosts (%1); a migration needs exactly one server.").arg(p.host),
                                      QStringLiteral("Give the primary server's host only.")));
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port <= 0 || port > 65535)
            return fail(Error::validation(QStringLiteral("InvalidPort"),
                                          QStringLiteral("The port \"%1\" is not a number between 1 and 65535.").arg(portText)));
        p.port = port;
    }
    if (p.host.isEmpty())
        p.host = QStringLiteral("localhost");
    if (p.dbname.isEmpty())
        p.dbname = QStringLiteral("postgres");
    if (p.isAzureHost() && p.user.contains(QLatin1Char('@')))
        p.kind = ServerKind::AzureSingleServer;
    static const QStringList modes = {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                                      QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    if (!p.sslmode.isEmpty() && !modes.contains(p.sslmode)) {
        return fail(Error::validation(QStringLiteral("InvalidSslMode"),
                                      QStringLiteral("sslmode \"%1\" is not one of %2.").arg(p.sslmode, modes.join(QStringLiteral(", ")))));
    }
    return p;
}

ConnectionParams ConnectionParams::withDatabase(const QString &database) const
{
    ConnectionParams p = *this;
    p.dbname = database;
    return p;
}

bool ConnectionParams::isAzureHost() const
{
    for (const QString &suffix : kAzureSuffixes)
        if (host.endsWith(suffix, Qt::CaseInsensitive))
            return true;
    return false;
}

QString ConnectionParams::azureServerName() const
{
    if (!isAzureHost())
        return {};
    return host.section(QLatin1Char('.'), 0, 0).toLower();
}

QString ConnectionParams::effectiveUser() const
{
    // Azure Single Server routes a connection by the "@servername" suffix of
    // the login (azure-api.md §9); Flexible Server rejects the suffix.
    if (kind == ServerKind::AzureSingleServer && !user.contains(QLatin1Char('@')) && isAzureHost())
        return user + QLatin1Char('@') + azureServerName();
    if (kind == ServerKind::AzureFlexibleServer && user.contains(QLatin1Char('@')))
        return user.section(QLatin1Char('@'), 0, 0);
    return user;
}

QString ConnectionParams::roleName() const
{
    if (user.contains(QLatin1Char('@')) && (kind == ServerKind::AzureSingleServer || isAzureHost()))
        return user.section(QLatin1Char('@'), 0, 0);
    return user;
}

QString ConnectionParams::effectiveSslMode() const
{
    if (!sslmode.isEmpty())
        return sslmode;
    return isAzureHost() ? QStringLiteral("verify-full") : QStringLiteral("prefer");
}

QString ConnectionParams::effectiveSslRootCert() const
{
    if (!sslrootcert.isEmpty())
        return sslrootcert;
    const QString mode = effectiveSslMode();
    if (isAzureHost() && (mode == QLatin1String("verify-full") || mode == QLatin1String("verify-ca")))
        return azureRootCertificatesPath();
    return {};
}

QString ConnectionParams::displayName() const
{
    return QStringLiteral("%1@%2/%3").arg(effectiveUser().isEmpty() ? QStringLiteral("(default user)") : effectiveUser(),
                                          endpoint(), dbname);
}

QString ConnectionParams::endpoint() const
{
    if (host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

std::vector<std::pair<QByteArray, QByteArray>> ConnectionParams::keywords() const
{
    std::vector<std::pair<QByteArray, QByteArray>> kw;
    auto add = [&kw](const char *k, const QString &v) {
        if (!v.isEmpty())
            kw.emplace_back(QByteArray(k), v.toUtf8());
    };
    add("host", host);
    add("port", QString::number(port));
    add("dbname", dbname);
    add("user", effectiveUser());
    add("password", password.reveal());
    add("sslmode", effectiveSslMode());
    add("sslrootcert", effectiveSslRootCert());
    add("application_name", applicationName);
    add("connect_timeout", QString::number(connectTimeoutSeconds > 0 ? connectTimeoutSeconds : 15));
    add("client_encoding", QStringLiteral("UTF8"));
    // Keepalives so a dead network is noticed during long copies (peers.md: tcp_keepalives advice).
    add("keepalives", QStringLiteral("1"));
    add("keepalives_idle", QStringLiteral("30"));
    add("keepalives_interval", QStringLiteral("10"));
    add("keepalives_count", QStringLiteral("6"));
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        add(it.key().toLatin1().constData(), it.value());
    return kw;
}

QMap<QString, QString> ConnectionParams::environment() const
{
    QMap<QString, QString> env;
    env.insert(QStringLiteral("PGHOST"), host);
    env.insert(QStringLiteral("PGPORT"), QString::number(port));
    env.insert(QStringLiteral("PGDATABASE"), dbname);
    if (!effectiveUser().isEmpty())
        env.insert(QStringLiteral("PGUSER"), effectiveUser());
    if (!password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), password.reveal());
    env.insert(QStringLiteral("PGSSLMODE"), effectiveSslMode());
    if (!effectiveSslRootCert().isEmpty())
        env.insert(QStringLiteral("PGSSLROOTCERT"), effectiveSslRootCert());
    env.insert(QStringLiteral("PGAPPNAME"), applicationName);
    env.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QString::number(connectTimeoutSeconds));
    return env;
}

QString azureRootCertificatesPath()
{
    static std::once_flag once;
    static QString path;
    std::call_once(once, [] {
        // libpq needs a file path; the bundle lives in the resources and is written out once.
        QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        if (dir.isEmpty())
            dir = QDir::tempPath() + QStringLiteral("/flexmigrate");
        QDir().mkpath(dir);
        const QString target = QDir(dir).filePath(QStringLiteral("azure-root-cas.pem"));
        QFile in(QStringLiteral(":/flexmigrate/certs/azure-root-cas.pem"));
        if (!in.open(QIODevice::ReadOnly))
            return;
        const QByteArray pem = in.readAll();
        QFile existing(target);
        if (existing.open(QIODevice::ReadOnly) && existing.readAll() == pem) {
            path = target;
            return;
        }
        QSaveFile out(target);
        if (out.open(QIODevice::WriteOnly) && out.write(pem) == pem.size() && out.commit())
            path = target;
    });
    return path;
}

} // namespace fm::pg
