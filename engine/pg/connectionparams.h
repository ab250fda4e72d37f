// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/core/secret.h"

#include <QMap>
#include <QString>

#include <utility>
#include <vector>

namespace fm::pg {

/** What kind of server a connection points at; Azure Single Server changes the user name form. */
enum class ServerKind { Unknown, AzureSingleServer, AzureFlexibleServer, Other };

/**
 * @brief Everything needed to open a libpq connection, as separate fields.
 *
 * Turned into PQconnectdbParams keyword arrays by keywords(); a conninfo
 * string is never built, so no value needs quoting and no password ends up in
 * a string that could be logged.
 */
struct ConnectionParams {
    QString host;
    int port = 5432;
    QString dbname = QStringLiteral("postgres");
    QString user;
    Secret password;
    /** Empty: chosen per host (verify-full for Azure hosts, prefer otherwise). */
    QString sslmode;
    /** Empty: the shipped Azure root CA bundle for Azure hosts, libpq's default otherwise. */
    QString sslrootcert;
    QString applicationName = QStringLiteral("flexmigrate");
    int connectTimeoutSeconds = 15;
    ServerKind kind = ServerKind::Unknown;
    /** Other libpq keywords given in a URI (options, sslcert, ...), passed through. */
    QMap<QString, QString> extra;

    /**
     * Parses a postgres:// URI or a keyword=value string (libpq's own parser,
     * PQconninfoParse). Errors name the problem; the password never appears in them.
     */
    static Expected<ConnectionParams> fromUri(const QString &uri);

    ConnectionParams withDatabase(const QString &database) const;

    /** True for *.postgres.database.azure.com (Single and Flexible Server share the domain). */
    bool isAzureHost() const;
    /** First DNS label of an Azure host: the server name. */
    QString azureServerName() const;
    /** The login name sent to the server: Single Server wants user@servername. */
    QString effectiveUser() const;
    /** The role name inside PostgreSQL: the part before '@' for Single Server logins. */
    QString roleName() const;
    QString effectiveSslMode() const;
    QString effectiveSslRootCert() const;

    /** user@host:port/db, never the password: for logs, errors and the UI. */
    QString displayName() const;
    /** host:port */
    QString endpoint() const;

    /** Keyword/value pairs for PQconnectdbParams, password included (use and drop). */
    std::vector<std::pair<QByteArray, QByteArray>> keywords() const;

    /** Same pairs as a libpq environment (PGHOST, PGPASSWORD...), for pg_dump and friends. */
    QMap<QString, QString> environment() const;
};

/** Path of the Azure root CA bundle (Baltimore, DigiCert G2/Global Root CA/G3, Microsoft RSA/ECC 2017), written out of the resources on first use. */
QString azureRootCertificatesPath();

} // namespace fm::pg
