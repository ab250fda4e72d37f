// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/servertypes.h"
#include "engine/carryover/carryoverplan.h"
#include "engine/carryover/rolecarryover.h"
#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/pg/connectionparams.h"

#include <QList>
#include <QString>

namespace fm::carryover {

/** Where a list of parameters came from: decides names, what "set by the user" means and how changes are applied. */
enum class ServerFlavor { AzureSingleServer, AzureFlexibleServer, PostgreSQL };

/** One server parameter, from ARM configurations or pg_settings (values in the server's base unit). */
struct ParameterSetting {
    QString name, value, defaultValue, source;
    QString dataType, allowedValues; ///< ARM's dataType/allowedValues, or pg_settings vartype/enumvals
    QString unit;
    bool restartRequired = false;    ///< pg_settings context 'postmaster'
    bool fixed = false;              ///< pg_settings context 'internal': fixed at build or initdb
    /** Set on purpose: ARM source user-override, or a pg_settings value from a configuration file/command line/override that differs from the built-in default. */
    bool userSet = false;
};

/** A parameter whose name differs between Single Server and Flexible Server (docs/carry-over.md lists them with their sources). */
struct ParameterMapping {
    QString singleName, flexibleName;
    /** Single value -> Flexible value; empty map: the value is kept. A value missing from a non-empty map cannot be carried. */
    QMap<QString, QString> values;
    QString source; ///< where the mapping comes from
};
const QList<ParameterMapping> &singleToFlexibleMappings();

QList<ParameterSetting> fromArmConfigurations(const QList<arm::ServerConfiguration> &configurations);
/**
 * The Single Server's connection security, which is server properties there and
 * parameters on Flexible Server: sslEnforcement -> require_secure_transport,
 * minimalTlsVersion -> ssl_min_protocol_version (azure-api.md §2, "TLS").
 */
QList<ParameterSetting> connectionSecuritySettings(const arm::SingleServer &server);
/** All of pg_settings (resources/sql/carryover/settings.sql). */
Expected<QList<ParameterSetting>> readPgSettings(const pg::ConnectionParams &server, CancelToken *cancel = nullptr);

/**
 * @brief The parameters part of the plan: each source parameter set on purpose,
 * under the target's name, compared with the target's value. Those that cannot
 * be carried (server-specific, unknown to the target, value not allowed there)
 * say why. Proposed items are ticked; restart-required ones are marked.
 */
CarryOverPlan planParameters(const QList<ParameterSetting> &source, ServerFlavor sourceFlavor, const QList<ParameterSetting> &target, ServerFlavor targetFlavor);

/**
 * Applies the ticked parameter items on a PostgreSQL target with ALTER SYSTEM
 * and pg_reload_conf(); needs a superuser (Azure refuses ALTER SYSTEM: use ARM
 * there). Restart-required ones are written and reported as pending.
 */
Expected<QList<ItemOutcome>> applyParametersWithSql(const CarryOverPlan &plan, const pg::ConnectionParams &target, CancelToken *cancel = nullptr);

} // namespace fm::carryover
