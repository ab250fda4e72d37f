// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/propertiesfile.h"
#include "engine/core/expected.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fm::migration {

/** Who moves the data (DESIGN.md, "Three ways to run a migration"). */
enum class Backend { Service, Dms, Direct };
QString backendName(Backend backend);
std::optional<Backend> backendFromName(const QString &name);

enum class CutoverMode {
    Manual,   ///< the user triggers it (the seed's flow)
    Automatic ///< as soon as every database is ready
};

/**
 * @brief One server of a migration. Azure backends name it by ARM resource id;
 * the direct backend by host and port. The password is never here: only a
 * reference to where it lives ("keychain:<key>", "env:<VARIABLE>", or empty
 * to ask), so a spec can be saved, exported and logged.
 */
struct ServerEndpoint {
    QString resourceId;
    QString host;
    int port = 5432;
    QString user;
    QString sslMode;     ///< empty: chosen per host (verify-full for Azure hosts)
    QString passwordRef;

    bool operator==(const ServerEndpoint &) const = default;
};

/** The AAD app the tool (and, for the 2021 API, the service) acts as. The secret is a reference too. */
struct AadAppRef {
    QString tenantId;
    QString clientId;
    QString secretRef;
    bool useAzureCli = false;

    bool operator==(const AadAppRef &) const = default;
};

struct MigrationOptions {
    bool overwriteTargetDatabases = false;
    bool setupLogicalReplication = false;
    QDateTime startTimeUtc; ///< invalid: start now
    CutoverMode cutover = CutoverMode::Manual;
    bool freezeWritesAtCutover = false;
    int jobs = 2; ///< direct backend: copy workers

    bool operator==(const MigrationOptions &) const = default;
};

/** One problem with a spec: which field, a stable code, and a sentence that says how to fix it. */
struct SpecProblem {
    QString field; ///< e.g. "source.resourceId", "databases"
    QString code;
    QString message;
};

/**
 * @brief What the user asked for, independent of the backend that runs it
 * (issue 11). Built by the wizard and the CLI, saved as a draft without
 * secrets, exported as an az properties file, validated field by field.
 */
struct MigrationSpec {
    QString name;
    Backend backend = Backend::Service;
    QString cloud = QStringLiteral("AzureCloud");
    QString location;
    ServerEndpoint source;
    ServerEndpoint target;
    AadAppRef aadApp;
    QStringList databases;
    MigrationOptions options;
    QString dmsSubnetId; ///< DMS: the virtual network subnet the service is deployed into

    bool operator==(const MigrationSpec &) const = default;

    /** Every problem, in field order; empty when the spec can run. Changes nothing anywhere. */
    QList<SpecProblem> validate() const;
    /** validate() as one Error: the first problem's message, the others in details. */
    Expected<void> check() const;

    /**
     * Azure migrations take at most eight databases and one active migration per
     * target: a larger selection becomes numbered specs ("name-1", "name-2", ...)
     * of at most `maxDatabases`, run one after another. One spec when it fits.
     */
    QList<MigrationSpec> split(int maxDatabases = 8) const;

    /** The draft: JSON without any secret (passwords are references). */
    QJsonObject toDraft() const;
    static Expected<MigrationSpec> fromDraft(const QJsonObject &draft);
    Expected<void> saveDraft(const QString &path) const;
    static Expected<MigrationSpec> loadDraft(const QString &path);

    /**
     * The az CLI properties file for this spec, with placeholders where the
     * secrets go (the user fills them in, or FlexMigrate does when it sends).
     */
    QByteArray toPropertiesFile(arm::PropertiesFile::Format format) const;
    /** A spec from an az properties file (either format) and the target server's resource id. */
    static Expected<MigrationSpec> fromPropertiesFile(const arm::PropertiesFile &file, const QString &targetResourceId);
    /** The equivalent `az postgres flexible-server migration create` command line. */
    QString azCreateCommand(const QString &propertiesPath) const;
};

/** Placeholders written into exported properties files instead of secrets. */
inline constexpr const char *kSourcePasswordPlaceholder = "<source-admin-password>";
inline constexpr const char *kTargetPasswordPlaceholder = "<target-admin-password>";
inline constexpr const char *kAadSecretPlaceholder = "<aad-app-client-secret>";

} // namespace fm::migration
