// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/carryover/parametercarryover.h"

#include "engine/core/logging.h"
#include "engine/pg/connection.h"

#include <QRegularExpression>

namespace fm::carryover {

namespace {

// Parameters that describe one server (its files, network, TLS material,
// replication role) rather than how the databases should behave: carrying them
// would break the target or is done by the platform. They are left out of the
// plan (one note names them): listing data_directory as "not carriable" helps nobody.
const QStringList &serverSpecific()
{
    static const QStringList names{
        QStringLiteral("data_directory"), QStringLiteral("config_file"), QStringLiteral("hba_file"), QStringLiteral("ident_file"),
        QStringLiteral("external_pid_file"), QStringLiteral("listen_addresses"), QStringLiteral("port"), QStringLiteral("unix_socket_directories"),
        QStringLiteral("unix_socket_group"), QStringLiteral("unix_socket_permissions"), QStringLiteral("cluster_name"), QStringLiteral("log_directory"),
        QStringLiteral("log_filename"), QStringLiteral("primary_conninfo"), QStringLiteral("primary_slot_name"), QStringLiteral("restore_command"),
        QStringLiteral("archive_command"), QStringLiteral("archive_library"), QStringLiteral("recovery_target"), QStringLiteral("promote_trigger_file"),
        QStringLiteral("krb_server_keyfile"), QStringLiteral("ssl"), QStringLiteral("ssl_cert_file"), QStringLiteral("ssl_key_file"),
        QStringLiteral("ssl_ca_file"), QStringLiteral("ssl_crl_file"), QStringLiteral("ssl_crl_dir"), QStringLiteral("ssl_passphrase_command"),
        QStringLiteral("ssl_dh_params_file"), QStringLiteral("dynamic_shared_memory_type"), QStringLiteral("hot_standby"),
    };
    return names;
}

// PostgreSQL parameters of context 'postmaster' that Azure exposes: ARM
// configurations do not say whether a change needs a restart in every
// api-version (2017-12-01 has no isDynamicConfig), so the list is ours
// (PostgreSQL docs, "context: postmaster").
bool needsRestart(const QString &name)
{
    static const QStringList names{
        QStringLiteral("wal_level"), QStringLiteral("max_replication_slots"), QStringLiteral("max_wal_senders"), QStringLiteral("max_worker_processes"),
        QStringLiteral("shared_preload_libraries"), QStringLiteral("shared_buffers"), QStringLiteral("max_connections"), QStringLiteral("max_prepared_transactions"),
        QStringLiteral("max_locks_per_transaction"), QStringLiteral("max_pred_locks_per_transaction"), QStringLiteral("track_commit_timestamp"),
        QStringLiteral("max_logical_replication_workers"), QStringLiteral("autovacuum_max_workers"), QStringLiteral("wal_buffers"), QStringLiteral("huge_pages"),
        QStringLiteral("azure.replication_support"), QStringLiteral("cron.database_name"), QStringLiteral("pg_stat_statements.max"), QStringLiteral("max_files_per_process"),
        QStringLiteral("superuser_reserved_connections"), QStringLiteral("track_activity_query_size"), QStringLiteral("old_snapshot_threshold")};
    return names.contains(name, Qt::CaseInsensitive);
}

bool sameValue(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

const ParameterSetting *findSetting(const QList<ParameterSetting> &list, const QString &name)
{
    for (const auto &p : list)
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return &p;
    return nullptr;
}

/** Checks a value against ARM's allowedValues ("on,off", "2-100", "-1-2147483647") or pg's enumvals. Empty: allowed. */
QString disallowedReason(const ParameterSetting &target, const QString &value)
{
    const QString allowed = target.allowedValues.trimmed();
    if (allowed.isEmpty())
        return {};
    const QString type = target.dataType.toLower();
    if (type == QLatin1String("boolean") || type == QLatin1String("bool") || type == QLatin1String("enumeration") || type == QLatin1String("enum")) {
        for (const auto &a : allowed.split(QLatin1Char(',')))
            if (sameValue(a, value))
                return {};
        return QStringLiteral("the target allows only %1 for %2, not \"%3\".").arg(allowed, target.name, value);
    }
    if (type == QLatin1String("integer")) {
        static const QRegularExpression range(QStringLiteral(R"(^(-?\d+)-(-?\d+)$)"));
        const auto m = range.match(allowed);
        bool ok = false;
        const qint64 v = value.trimmed().toLongLong(&ok);
        if (m.hasMatch() && ok && (v < m.captured(1).toLongLong() || v > m.captured(2).toLongLong()))
            return QStringLiteral("the target allows %1 for %2, not %3.").arg(allowed, target.name, value);
    }
    if (type == QLatin1String("set") && !value.isEmpty()) {
        const QStringList ok = allowed.split(QLatin1Char(','));
        for (const auto &item : value.split(QLatin1Char(',')))
            if (!ok.contains(item.trimmed(), Qt::CaseInsensitive))
                return QStringLiteral("the target does not allow \"%1\" in %2 (allowed: %3).").arg(item.trimmed(), target.name, allowed);
    }
    return {};
}

} // namespace

const QList<ParameterMapping> &singleToFlexibleMappings()
{
    static const QList<ParameterMapping> m{
        {QStringLiteral("azure.replication_support"), QStringLiteral("wal_level"),
         {{QStringLiteral("replica"), QStringLiteral("replica")}, {QStringLiteral("logical"), QStringLiteral("logical")}},
         QStringLiteral("azure-api.md §2 (concepts-logical: azure.replication_support sets the WAL level; Flexible Server sets wal_level itself, replica or logical)")},
        {QStringLiteral("log_retention_days"), QStringLiteral("logfiles.retention_days"), {},
         QStringLiteral("Flexible Server parameter tables (azure-docs server-parameters-table-15-log-files.md: logfiles.retention_days, 1-7)")},
        {QStringLiteral("connection_throttling"), QStringLiteral("connection_throttle.enable"), {},
         QStringLiteral("CIS Azure benchmark controls for Single (connection_throttling) and Flexible Server (connection_throttle.enable); no primary Microsoft doc stored")},
        {QStringLiteral("ssl_enforcement"), QStringLiteral("require_secure_transport"),
         {{QStringLiteral("enabled"), QStringLiteral("on")}, {QStringLiteral("disabled"), QStringLiteral("off")}},
         QStringLiteral("azure-api.md §2 sslEnforcement property and 'TLS' (require_secure_transport)")},
        {QStringLiteral("minimal_tls_version"), QStringLiteral("ssl_min_protocol_version"),
         {{QStringLiteral("tls1_0"), QStringLiteral("TLSv1")}, {QStringLiteral("tls1_1"), QStringLiteral("TLSv1.1")}, {QStringLiteral("tls1_2"), QStringLiteral("TLSv1.2")}},
         QStringLiteral("azure-api.md §2 minimalTlsVersion property and 'TLS' (ssl_min_protocol_version)")},
    };
    return m;
}

QList<ParameterSetting> fromArmConfigurations(const QList<arm::ServerConfiguration> &configurations)
{
    QList<ParameterSetting> out;
    for (const auto &c : configurations) {
        ParameterSetting p;
        p.name = c.name;
        p.value = c.value;
        p.defaultValue = c.defaultValue;
        p.source = c.source;
        p.dataType = c.dataType;
        p.allowedValues = c.allowedValues;
        p.restartRequired = needsRestart(c.name);
        // azure-api.md §2: source is system-default or user-override.
        p.userSet = c.source.compare(QLatin1String("user-override"), Qt::CaseInsensitive) == 0 && !sameValue(c.value, c.defaultValue);
        out << p;
    }
    return out;
}

QList<ParameterSetting> connectionSecuritySettings(const arm::SingleServer &server)
{
    QList<ParameterSetting> out;
    if (!server.sslEnforcement.isEmpty()) {
        ParameterSetting p;
        p.name = QStringLiteral("ssl_enforcement");
        p.value = server.sslEnforcement;
        p.source = QStringLiteral("server property sslEnforcement");
        p.userSet = true;
        out << p;
    }
    if (!server.minimalTlsVersion.isEmpty() && server.minimalTlsVersion.compare(QLatin1String("TLSEnforcementDisabled"), Qt::CaseInsensitive) != 0) {
        ParameterSetting p;
        p.name = QStringLiteral("minimal_tls_version");
        p.value = server.minimalTlsVersion;
        p.source = QStringLiteral("server property minimalTlsVersion");
        p.userSet = true;
        out << p;
    }
    return out;
}

Expected<QList<ParameterSetting>> readPgSettings(const pg::ConnectionParams &server, CancelToken *cancel)
{
    auto conn = pg::Connection::open(server, cancel);
    if (!conn)
        return fail(conn.error());
    auto r = conn->execNamed(QStringLiteral("carryover/settings"), {}, cancel);
    if (!r)
        return fail(r.error());
    QList<ParameterSetting> out;
    for (int i = 0; i < r->rows(); ++i) {
        ParameterSetting p;
        p.name = r->text(i, "name");
        p.value = r->text(i, "setting");
        p.defaultValue = r->text(i, "boot_val");
        p.source = r->text(i, "source");
        p.unit = r->text(i, "unit");
        const QString context = r->text(i, "context");
        p.restartRequired = context == QLatin1String("postmaster");
        p.fixed = context == QLatin1String("internal");
        p.dataType = r->text(i, "vartype");
        p.allowedValues = r->text(i, "enumvals");
        static const QStringList onPurpose{QStringLiteral("configuration file"), QStringLiteral("override"), QStringLiteral("command line")};
        p.userSet = onPurpose.contains(p.source) && p.value != p.defaultValue;
        out << p;
    }
    return out;
}

CarryOverPlan planParameters(const QList<ParameterSetting> &source, ServerFlavor sourceFlavor, const QList<ParameterSetting> &target, ServerFlavor targetFlavor)
{
    using Item = CarryOverItem;
    CarryOverPlan plan;
    QStringList skipped;
    const bool singleToFlexible = sourceFlavor == ServerFlavor::AzureSingleServer && targetFlavor != ServerFlavor::AzureSingleServer;
    for (const ParameterSetting &s : source) {
        if (!s.userSet)
            continue;
        Item item;
        item.kind = Item::Kind::Parameter;
        item.sourceValue = s.value + (s.unit.isEmpty() ? QString() : QLatin1Char(' ') + s.unit);
        QString name = s.name, value = s.value;
        QString mappedFrom;
        if (singleToFlexible) {
            for (const auto &m : singleToFlexibleMappings()) {
                if (m.singleName.compare(s.name, Qt::CaseInsensitive) != 0)
                    continue;
                name = m.flexibleName;
                mappedFrom = m.singleName;
                if (!m.values.isEmpty()) {
                    const QString v = m.values.value(s.value.toLower());
                    if (v.isEmpty()) {
                        item.state = Item::State::NotCarriable;
                        item.reason = QStringLiteral("%1 = %2 has no equivalent %3 value on the target.").arg(s.name, s.value, m.flexibleName);
                    }
                    value = v;
                }
            }
        }
        item.key = QStringLiteral("parameter:") + name;
        item.name = name;
        const QString shown = value + (s.unit.isEmpty() || !mappedFrom.isEmpty() ? QString() : QLatin1Char(' ') + s.unit);
        item.title = mappedFrom.isEmpty() ? QStringLiteral("%1 = %2").arg(name, shown) : QStringLiteral("%1 = %2 (was %3 = %4 on Single Server)").arg(name, value, mappedFrom, s.value);
        const ParameterSetting *t = findSetting(target, name);
        if (t) {
            item.targetValue = t->value + (t->unit.isEmpty() ? QString() : QLatin1Char(' ') + t->unit);
            item.requiresRestart = t->restartRequired;
        }
        if (item.state == Item::State::NotCarriable) {
            // reason set by the mapping
        } else if (serverSpecific().contains(s.name, Qt::CaseInsensitive) && mappedFrom.isEmpty()) {
            skipped << s.name;
            continue;
        } else if (s.fixed) {
            item.state = Item::State::NotCarriable;
            item.reason = QStringLiteral("%1 is fixed when a server is built or initialised; it cannot be changed on a running server.").arg(s.name);
        } else if (sourceFlavor == ServerFlavor::AzureSingleServer && mappedFrom.isEmpty() && s.name.startsWith(QLatin1String("azure."), Qt::CaseInsensitive)) {
            item.state = Item::State::NotCarriable;
            item.reason = QStringLiteral("%1 is a Single Server platform setting with no Flexible Server counterpart.").arg(s.name);
        } else if (!t) {
            item.state = Item::State::NotCarriable;
            item.reason = targetFlavor == ServerFlavor::AzureFlexibleServer
                ? QStringLiteral("Flexible Server has no parameter %1 (it is not in the target's configurations).").arg(name)
                : QStringLiteral("the target server does not know %1 (another major version, or an extension that is not loaded there).").arg(name);
        } else if (sameValue(t->value, value)) {
            item.state = Item::State::Present;
        } else if (const QString why = disallowedReason(*t, value); !why.isEmpty()) {
            item.state = Item::State::NotCarriable;
            item.reason = why;
        } else {
            item.state = Item::State::Proposed;
            item.selected = true;
            item.value = value;
            if (targetFlavor == ServerFlavor::PostgreSQL) {
                QString v = value;
                v.replace(QLatin1Char('\''), QStringLiteral("''"));
                item.statements << QStringLiteral("ALTER SYSTEM SET %1 = '%2'").arg(name, v);
            }
            item.detail = item.requiresRestart ? QStringLiteral("Takes effect after the target restarts.") : QStringLiteral("Takes effect without a restart.");
        }
        item.sourceValue = value == s.value ? item.sourceValue : value;
        plan.items << item;
    }
    if (!skipped.isEmpty())
        plan.notes << QStringLiteral("Settings that describe the source server itself are never carried: %1.").arg(skipped.join(QStringLiteral(", ")));
    if (singleToFlexible)
        plan.notes << QStringLiteral("Parameter names that differ between Single Server and Flexible Server are mapped (azure.replication_support -> wal_level, "
                                     "log_retention_days -> logfiles.retention_days, ...); docs/carry-over.md lists the table and its sources.");
    return plan;
}

Expected<QList<ItemOutcome>> applyParametersWithSql(const CarryOverPlan &plan, const pg::ConnectionParams &target, CancelToken *cancel)
{
    QList<const CarryOverItem *> todo;
    for (const auto &i : plan.items)
        if (i.kind == CarryOverItem::Kind::Parameter && i.selected && i.isActionable() && !i.statements.isEmpty())
            todo << &i;
    QList<ItemOutcome> out;
    if (todo.isEmpty())
        return out;
    auto conn = pg::Connection::open(target, cancel);
    if (!conn)
        return fail(conn.error());
    static const QRegularExpression nameRe(QStringLiteral(R"(^[A-Za-z_][A-Za-z0-9_.]*$)"));
    for (const CarryOverItem *i : todo) {
        ItemOutcome o{i->key, true, {}};
        if (!nameRe.match(i->name).hasMatch()) {
            o.ok = false;
            o.message = QStringLiteral("Not a parameter name: %1").arg(i->name);
        } else if (auto r = conn->execScript(i->statements.join(QStringLiteral(";\n")), cancel); !r) {
            if (r.error().isCancelled())
                return fail(r.error());
            o.ok = false;
            o.message = r.error().toDisplayString();
        } else {
            o.message = i->requiresRestart ? QStringLiteral("written; takes effect after a restart") : QStringLiteral("applied");
        }
        out << o;
    }
    if (auto r = conn->exec(QStringLiteral("SELECT pg_reload_conf()"), {}, cancel); !r)
        return fail(r.error());
    logging::get("engine.carryover")->info("carry-over: {} parameter(s) written with ALTER SYSTEM", out.size());
    return out;
}

} // namespace fm::carryover
