// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/carryover/rolecarryover.h"

#include "engine/core/logging.h"
#include "engine/pg/connection.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <libpq-fe.h>

#include <algorithm>
#include <map>

namespace fm::carryover {

namespace {

auto log()
{
    return logging::get("engine.carryover");
}

bool isPredefined(const QString &role)
{
    return role.startsWith(QLatin1String("pg_")) || role == QLatin1String("PUBLIC");
}

QString grantee(const QString &role)
{
    return role == QLatin1String("PUBLIC") ? role : pg::quoteIdent(role);
}

// Parameters whose stored value is a list of (possibly quoted) names: ALTER ROLE
// ... SET takes them as they are, not as one literal (pg_dumpall's makeAlterConfigCommand).
bool isListParameter(const QString &name)
{
    static const QStringList lists{QStringLiteral("search_path"), QStringLiteral("temp_tablespaces"), QStringLiteral("session_preload_libraries"),
                                   QStringLiteral("local_preload_libraries"), QStringLiteral("shared_preload_libraries")};
    return lists.contains(name, Qt::CaseInsensitive);
}

// A list value is spliced into SQL only when it is plain names or quoted names
// without quotes inside: nothing in it can end the statement.
bool isSafeList(const QString &value)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*("[^"]*"|[A-Za-z0-9_$]+)(\s*,\s*("[^"]*"|[A-Za-z0-9_$]+))*\s*$)"));
    return re.match(value).hasMatch();
}

std::optional<QString> configStatement(const QString &role, const QString &entry)
{
    const int eq = entry.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return std::nullopt;
    const QString name = entry.left(eq), value = entry.mid(eq + 1);
    static const QRegularExpression nameRe(QStringLiteral(R"(^[A-Za-z_][A-Za-z0-9_.]*$)"));
    if (!nameRe.match(name).hasMatch())
        return std::nullopt;
    QString v;
    if (isListParameter(name)) {
        if (!isSafeList(value))
            return std::nullopt;
        v = value;
    } else {
        v = value;
        v.replace(QLatin1Char('\''), QStringLiteral("''"));
        v = QLatin1Char('\'') + v + QLatin1Char('\'');
    }
    return QStringLiteral("ALTER ROLE %1 SET %2 TO %3").arg(pg::quoteIdent(role), name, v);
}

QString objectTypeWord(const QString &objtype)
{
    if (objtype == QLatin1String("r"))
        return QStringLiteral("TABLES");
    if (objtype == QLatin1String("S"))
        return QStringLiteral("SEQUENCES");
    if (objtype == QLatin1String("f"))
        return QStringLiteral("FUNCTIONS");
    if (objtype == QLatin1String("T"))
        return QStringLiteral("TYPES");
    if (objtype == QLatin1String("n"))
        return QStringLiteral("SCHEMAS");
    return QString();
}

// Order of application inside one phase: a role before its memberships,
// ownership before grants (ALTER ... OWNER rewrites the ACL's owner entries).
int applyOrder(CarryOverItem::Kind k)
{
    switch (k) {
    case CarryOverItem::Kind::Role: return 0;
    case CarryOverItem::Kind::Membership: return 1;
    case CarryOverItem::Kind::Ownership: return 2;
    case CarryOverItem::Kind::DefaultPrivilege: return 3;
    case CarryOverItem::Kind::Grant: return 4;
    default: return 5;
    }
}

/** Maps source role names to target names; nullopt when the role is not carried and not on the target. */
class RoleMapper
{
public:
    RoleMapper(const RoleCatalog &source, const RoleCatalog &target, const RolePlanOptions &options) : m_source(source), m_target(target)
    {
        m_map = options.roleMap;
        if (!source.currentUser.isEmpty() && !target.currentUser.isEmpty() && !m_map.contains(source.currentUser))
            m_map.insert(source.currentUser, target.currentUser);
    }
    std::optional<QString> map(const QString &role) const
    {
        if (m_map.contains(role))
            return m_map.value(role);
        if (isPredefined(role) || m_source.role(role) || m_target.role(role))
            return role;
        return std::nullopt;
    }

private:
    const RoleCatalog &m_source;
    const RoleCatalog &m_target;
    QMap<QString, QString> m_map;
};

QString grantStatement(const AclEntry &e, bool revoke, bool grantOptionOnly)
{
    const QString on = e.kind == QLatin1String("DATABASE") || e.kind == QLatin1String("SCHEMA") || e.kind == QLatin1String("SEQUENCE")
            || e.kind == QLatin1String("FUNCTION") || e.kind == QLatin1String("PROCEDURE")
        ? e.kind
        : QStringLiteral("TABLE");
    if (revoke)
        return QStringLiteral("REVOKE %1%2 ON %3 %4 FROM %5")
            .arg(grantOptionOnly ? QStringLiteral("GRANT OPTION FOR ") : QString(), e.privilege, on, e.identity, grantee(e.grantee));
    return QStringLiteral("GRANT %1 ON %2 %3 TO %4%5").arg(e.privilege, on, e.identity, grantee(e.grantee), e.grantable ? QStringLiteral(" WITH GRANT OPTION") : QString());
}

QString defaultStatement(const DefaultAclEntry &e, bool revoke, bool grantOptionOnly)
{
    const QString scope = QStringLiteral("ALTER DEFAULT PRIVILEGES FOR ROLE %1%2 ")
                              .arg(pg::quoteIdent(e.role), e.schema.isEmpty() ? QString() : QStringLiteral(" IN SCHEMA ") + pg::quoteIdent(e.schema));
    if (revoke)
        return scope
            + QStringLiteral("REVOKE %1%2 ON %3 FROM %4").arg(grantOptionOnly ? QStringLiteral("GRANT OPTION FOR ") : QString(), e.privilege, objectTypeWord(e.objtype), grantee(e.grantee));
    return scope + QStringLiteral("GRANT %1 ON %2 TO %3%4").arg(e.privilege, objectTypeWord(e.objtype), grantee(e.grantee), e.grantable ? QStringLiteral(" WITH GRANT OPTION") : QString());
}

QString ownerStatement(const ObjectOwner &o, const QString &owner)
{
    const QString kind = o.kind == QLatin1String("TABLE") ? QStringLiteral("TABLE") : o.kind;
    return QStringLiteral("ALTER %1 %2 OWNER TO %3").arg(kind, o.identity, pg::quoteIdent(owner));
}

/**
 * Global default-ACL entries start from the built-in defaults: PUBLIC may
 * EXECUTE functions and USE types. When one side has an entry for
 * (role, objtype) and the other has none, the other side's implicit defaults
 * are made explicit so that a REVOKE ... FROM PUBLIC on the source is carried.
 */
QList<DefaultAclEntry> withImplicitDefaults(QList<DefaultAclEntry> mine, const QList<DefaultAclEntry> &other)
{
    QSet<QString> have;
    for (const auto &e : mine)
        if (e.schema.isEmpty())
            have.insert(e.role + QLatin1Char('\x1f') + e.objtype);
    QSet<QString> added;
    for (const auto &e : other) {
        const QString k = e.role + QLatin1Char('\x1f') + e.objtype;
        if (!e.schema.isEmpty() || have.contains(k) || added.contains(k))
            continue;
        added.insert(k);
        if (e.objtype == QLatin1String("f"))
            mine.append({e.role, QString(), e.objtype, QStringLiteral("PUBLIC"), QStringLiteral("EXECUTE"), false});
        else if (e.objtype == QLatin1String("T"))
            mine.append({e.role, QString(), e.objtype, QStringLiteral("PUBLIC"), QStringLiteral("USAGE"), false});
    }
    return mine;
}

} // namespace

QString RoleAttributes::toSql() const
{
    QStringList w;
    w << (login ? QStringLiteral("LOGIN") : QStringLiteral("NOLOGIN"));
    w << (superuser ? QStringLiteral("SUPERUSER") : QStringLiteral("NOSUPERUSER"));
    w << (inherit ? QStringLiteral("INHERIT") : QStringLiteral("NOINHERIT"));
    w << (createrole ? QStringLiteral("CREATEROLE") : QStringLiteral("NOCREATEROLE"));
    w << (createdb ? QStringLiteral("CREATEDB") : QStringLiteral("NOCREATEDB"));
    w << (replication ? QStringLiteral("REPLICATION") : QStringLiteral("NOREPLICATION"));
    w << (bypassrls ? QStringLiteral("BYPASSRLS") : QStringLiteral("NOBYPASSRLS"));
    w << QStringLiteral("CONNECTION LIMIT %1").arg(connectionLimit);
    QString until = validUntil.isEmpty() ? QStringLiteral("infinity") : validUntil;
    until.replace(QLatin1Char('\''), QStringLiteral("''"));
    w << QStringLiteral("VALID UNTIL '%1'").arg(until);
    return w.join(QLatin1Char(' '));
}

QString RoleAttributes::describe() const
{
    QStringList w;
    w << (login ? QStringLiteral("LOGIN") : QStringLiteral("NOLOGIN"));
    if (superuser)
        w << QStringLiteral("SUPERUSER");
    if (!inherit)
        w << QStringLiteral("NOINHERIT");
    if (createrole)
        w << QStringLiteral("CREATEROLE");
    if (createdb)
        w << QStringLiteral("CREATEDB");
    if (replication)
        w << QStringLiteral("REPLICATION");
    if (bypassrls)
        w << QStringLiteral("BYPASSRLS");
    if (connectionLimit >= 0)
        w << QStringLiteral("connection limit %1").arg(connectionLimit);
    if (!validUntil.isEmpty())
        w << QStringLiteral("valid until %1").arg(validUntil);
    for (const auto &c : config)
        w << QStringLiteral("SET ") + c;
    return w.join(QStringLiteral(", "));
}

const RoleInfo *RoleCatalog::role(const QString &name) const
{
    for (const auto &r : roles)
        if (r.name == name)
            return &r;
    return nullptr;
}

const DatabaseSecurity *RoleCatalog::database(const QString &name) const
{
    for (const auto &d : databases)
        if (d.database == name)
            return &d;
    return nullptr;
}

Expected<RoleCatalog> readRoleCatalog(const pg::ConnectionParams &server, const QStringList &databases, CancelToken *cancel)
{
    RoleCatalog cat;
    {
        auto conn = pg::Connection::open(server, cancel);
        if (!conn)
            return fail(conn.error());
        auto who = conn->execNamed(QStringLiteral("carryover/whoami"), {}, cancel);
        if (!who)
            return fail(who.error());
        if (who->rows() == 1) {
            cat.currentUser = who->text(0, "name");
            cat.currentIsSuperuser = who->toBool(0, "superuser");
            cat.passwordEncryption = who->text(0, "password_encryption");
        }
        auto roles = conn->execNamed(QStringLiteral("carryover/roles"), {}, cancel);
        if (!roles)
            return fail(roles.error());
        for (int i = 0; i < roles->rows(); ++i) {
            RoleInfo r;
            r.name = roles->text(i, "name");
            r.isCurrentUser = roles->toBool(i, "is_current_user");
            RoleAttributes &a = r.attributes;
            a.superuser = roles->toBool(i, "superuser");
            a.inherit = roles->toBool(i, "inherit");
            a.createrole = roles->toBool(i, "createrole");
            a.createdb = roles->toBool(i, "createdb");
            a.login = roles->toBool(i, "login");
            a.replication = roles->toBool(i, "replication");
            a.bypassrls = roles->toBool(i, "bypassrls");
            a.connectionLimit = int(roles->toInt(i, "connection_limit", -1));
            a.validUntil = roles->text(i, "valid_until");
            const QString config = roles->text(i, "config");
            if (!config.isEmpty()) {
                a.config = config.split(QLatin1Char('\n'));
                a.config.sort();
            }
            cat.roles << r;
        }
        auto members = conn->execNamed(QStringLiteral("carryover/memberships"), {}, cancel);
        if (!members)
            return fail(members.error());
        for (int i = 0; i < members->rows(); ++i)
            cat.memberships << RoleMembership{members->text(i, "role"), members->text(i, "member"), members->toBool(i, "admin_option")};
    }
    for (const QString &db : databases) {
        DatabaseSecurity sec;
        sec.database = db;
        auto conn = pg::Connection::open(server.withDatabase(db), cancel);
        if (!conn) {
            if (conn.error().code == QLatin1String("3D000") || conn.error().message.contains(QLatin1String("does not exist"))) {
                sec.exists = false;
                cat.databases << sec;
                continue;
            }
            return fail(conn.error());
        }
        auto acl = conn->execNamed(QStringLiteral("carryover/object_acl"), {}, cancel);
        if (!acl)
            return fail(acl.error());
        QSet<QString> seen;
        for (int i = 0; i < acl->rows(); ++i) {
            const QString kind = acl->text(i, "kind"), identity = acl->text(i, "identity");
            const QString k = kind + QLatin1Char(' ') + identity;
            if (!seen.contains(k)) {
                seen.insert(k);
                sec.owners << ObjectOwner{kind, identity, acl->text(i, "owner"), acl->toBool(i, "follows_table")};
            }
            if (!acl->isNull(i, acl->column("grantee")))
                sec.acl << AclEntry{kind, identity, acl->text(i, "grantee"), acl->text(i, "privilege"), acl->toBool(i, "grantable")};
        }
        auto defs = conn->execNamed(QStringLiteral("carryover/default_privileges"), {}, cancel);
        if (!defs)
            return fail(defs.error());
        for (int i = 0; i < defs->rows(); ++i)
            sec.defaults << DefaultAclEntry{defs->text(i, "role"), defs->text(i, "schema"), defs->text(i, "objtype"), defs->text(i, "grantee"),
                                            defs->text(i, "privilege"), defs->toBool(i, "grantable")};
        cat.databases << sec;
    }
    return cat;
}

CarryOverPlan planRoles(const RoleCatalog &source, const RoleCatalog &target, const RolePlanOptions &options)
{
    using Item = CarryOverItem;
    CarryOverPlan plan;
    const RoleMapper mapper(source, target, options);
    // Only a superuser can hand out SUPERUSER, REPLICATION and BYPASSRLS; Azure's admin never is one.
    const bool mayGrantPrivileged = !options.azureTarget && target.currentIsSuperuser;

    if (options.singleServerSource) {
        const QString server = options.sourceServerName.isEmpty() ? QStringLiteral("<server>") : options.sourceServerName;
        plan.notes << QStringLiteral("Azure Single Server logins have the form user@server (for example app@%1). Flexible Server and other PostgreSQL servers take the "
                                     "plain role name (app). The roles keep their names; applications must change the user name in their connection strings "
                                     "from user@%1 to user, and the host to %2.")
                          .arg(server, options.targetHost.isEmpty() ? QStringLiteral("the new server") : options.targetHost);
    }
    bool anyLogin = false;

    // 1. Roles.
    for (const RoleInfo &src : source.roles) {
        if (src.isCurrentUser || options.roleMap.contains(src.name))
            continue; // the admin maps to the target's admin
        Item item;
        item.kind = Item::Kind::Role;
        item.phase = Item::Phase::BeforeData;
        item.key = QStringLiteral("role:") + src.name;
        item.name = src.name;
        RoleAttributes want = src.attributes;
        QStringList dropped;
        if (!mayGrantPrivileged) {
            if (want.superuser) {
                want.superuser = false;
                dropped << QStringLiteral("SUPERUSER");
            }
            if (want.replication) {
                want.replication = false;
                dropped << QStringLiteral("REPLICATION");
            }
            if (want.bypassrls) {
                want.bypassrls = false;
                dropped << QStringLiteral("BYPASSRLS");
            }
        }
        QStringList configStatements, skippedConfig;
        for (const QString &c : want.config) {
            if (auto s = configStatement(src.name, c))
                configStatements << *s;
            else
                skippedConfig << c;
        }
        for (const QString &c : skippedConfig)
            want.config.removeAll(c);
        item.sourceValue = src.attributes.describe();
        QStringList detail;
        if (!dropped.isEmpty())
            detail << QStringLiteral("%1 not carried: %2").arg(dropped.join(QStringLiteral(", ")),
                                                              options.azureTarget ? QStringLiteral("Azure does not give these attributes to user roles (the server admin is not a superuser).")
                                                                                  : QStringLiteral("the target connection is not a superuser, and only a superuser can grant them."));
        if (!skippedConfig.isEmpty())
            detail << QStringLiteral("Role settings not carried (not a plain value): %1.").arg(skippedConfig.join(QStringLiteral("; ")));

        if (const RoleInfo *tgt = target.role(src.name)) {
            RoleAttributes have = tgt->attributes;
            item.targetValue = have.describe();
            if (!mayGrantPrivileged) {
                // Compare only what can be carried.
                have.superuser = want.superuser ? have.superuser : false;
                have.replication = want.replication ? have.replication : false;
                have.bypassrls = want.bypassrls ? have.bypassrls : false;
            }
            if (have == want) {
                item.state = Item::State::Present;
                item.title = QStringLiteral("role %1 exists on the target with the same attributes").arg(src.name);
            } else {
                item.state = Item::State::Conflict;
                item.title = QStringLiteral("role %1 exists on the target with other attributes").arg(src.name);
                item.reason = QStringLiteral("on the source: %1; on the target: %2. It is left as it is unless you tick it (then ALTER ROLE sets the "
                                             "source's attributes; its password is not changed).")
                                  .arg(item.sourceValue, item.targetValue);
                item.statements << QStringLiteral("ALTER ROLE %1 WITH %2").arg(pg::quoteIdent(src.name), want.toSql());
                for (const QString &c : tgt->attributes.config)
                    if (!want.config.contains(c))
                        item.statements << QStringLiteral("ALTER ROLE %1 RESET %2").arg(pg::quoteIdent(src.name), c.section(QLatin1Char('='), 0, 0));
                item.statements += configStatements;
            }
        } else {
            item.state = Item::State::Proposed;
            item.selected = true;
            item.title = QStringLiteral("create role %1 (%2)").arg(src.name, want.describe());
            item.statements << QStringLiteral("CREATE ROLE %1 WITH %2").arg(pg::quoteIdent(src.name), want.toSql());
            item.statements += configStatements;
            if (want.login) {
                item.needsPassword = true;
                anyLogin = true;
                detail << QStringLiteral("Passwords cannot be read from the source: a new password is generated and shown once (or type your own).");
            }
        }
        item.detail = detail.join(QLatin1Char(' '));
        plan.items << item;
    }
    if (anyLogin)
        plan.notes << QStringLiteral("Passwords cannot be read from Azure (or from any PostgreSQL server: only their hashes are stored, and Azure does not expose them). "
                                     "Each new login role gets a generated password, shown once after it is applied, or the one you type; give them to the "
                                     "applications together with the new connection strings.");

    // 2. Memberships (GRANT role TO member).
    for (const RoleMembership &m : source.memberships) {
        const auto role = mapper.map(m.role), member = mapper.map(m.member);
        if (!role || !member)
            continue; // an Azure-managed or built-in role on the source: nothing to carry
        if (!source.role(m.role) && !isPredefined(m.role) && !options.roleMap.contains(m.role))
            continue;
        if (!source.role(m.member) && !options.roleMap.contains(m.member))
            continue;
        if (*role == *member)
            continue;
        Item item;
        item.kind = Item::Kind::Membership;
        item.key = QStringLiteral("membership:%1:%2").arg(*role, *member);
        item.name = *role;
        const bool present = std::any_of(target.memberships.begin(), target.memberships.end(), [&](const RoleMembership &t) {
            return t.role == *role && t.member == *member && (t.adminOption || !m.adminOption);
        });
        item.title = QStringLiteral("grant role %1 to %2%3").arg(*role, *member, m.adminOption ? QStringLiteral(" with admin option") : QString());
        if (present) {
            item.state = Item::State::Present;
        } else {
            item.selected = true;
            item.statements << QStringLiteral("GRANT %1 TO %2%3").arg(pg::quoteIdent(*role), pg::quoteIdent(*member), m.adminOption ? QStringLiteral(" WITH ADMIN OPTION") : QString());
        }
        plan.items << item;
    }

    // 3. Per database: ownership, grants, default privileges.
    for (const DatabaseSecurity &sdb : source.databases) {
        if (!sdb.exists)
            continue;
        static const DatabaseSecurity kEmpty;
        const DatabaseSecurity *tdbp = target.database(sdb.database);
        const DatabaseSecurity &tdb = tdbp ? *tdbp : kEmpty;
        const bool targetHasDb = tdbp && tdbp->exists;
        QMap<QString, QString> sourceOwner, targetOwner; // "KIND identity" -> owner (mapped for the source)
        for (const auto &o : tdb.owners)
            targetOwner.insert(o.kind + QLatin1Char(' ') + o.identity, o.owner);
        int unmappable = 0;
        for (const auto &o : sdb.owners) {
            const QString k = o.kind + QLatin1Char(' ') + o.identity;
            const auto owner = mapper.map(o.owner);
            if (!owner) {
                ++unmappable;
                continue;
            }
            sourceOwner.insert(k, *owner);
            Item item;
            item.kind = Item::Kind::Ownership;
            item.database = sdb.database;
            item.phase = o.kind == QLatin1String("DATABASE") && targetHasDb ? Item::Phase::BeforeData : Item::Phase::AfterSchema;
            item.key = QStringLiteral("owner:%1:%2").arg(sdb.database, k);
            item.name = *owner;
            item.sourceValue = *owner;
            item.targetValue = targetOwner.value(k);
            if (targetOwner.contains(k) && targetOwner.value(k) == *owner)
                continue; // nothing to say: already the same owner
            if (o.followsTable)
                continue; // ALTER TABLE ... OWNER TO takes it along
            item.title = QStringLiteral("%1 %2: owner %3").arg(o.kind.toLower(), o.identity, *owner);
            if (!targetOwner.contains(k))
                item.detail = QStringLiteral("Applied after the schema is copied (the object does not exist on the target yet).");
            else
                item.detail = QStringLiteral("Owned by %1 on the target now.").arg(targetOwner.value(k));
            item.selected = true;
            item.statements << ownerStatement(o, *owner);
            plan.items << item;
        }
        if (unmappable > 0)
            plan.notes << QStringLiteral("Database %1: %2 objects are owned by roles that are not carried (built-in or Azure-managed); they stay owned by the target's admin.")
                              .arg(sdb.database)
                              .arg(unmappable);

        // Grants. The owner's own privileges are implied by ownership and follow it (ALTER ... OWNER rewrites them).
        using Key = QString;
        auto aclKey = [](const AclEntry &e) { return e.kind + QLatin1Char('\x1f') + e.identity + QLatin1Char('\x1f') + e.grantee + QLatin1Char('\x1f') + e.privilege; };
        QMap<Key, AclEntry> want, have;
        QSet<QString> notCarried;
        for (AclEntry e : sdb.acl) {
            const auto g = mapper.map(e.grantee);
            if (!g) {
                notCarried.insert(e.grantee);
                continue;
            }
            e.grantee = *g;
            if (e.grantee == sourceOwner.value(e.kind + QLatin1Char(' ') + e.identity))
                continue;
            want.insert(aclKey(e), e);
        }
        for (const AclEntry &e : tdb.acl) {
            if (e.grantee == targetOwner.value(e.kind + QLatin1Char(' ') + e.identity))
                continue;
            // Grants the target has to roles the source does not know (Azure's own) are left alone.
            if (e.grantee != QLatin1String("PUBLIC") && !source.role(e.grantee) && !isPredefined(e.grantee))
                continue;
            have.insert(aclKey(e), e);
        }
        auto grantItem = [&](const AclEntry &e, const QString &title, const QString &statement) {
            Item item;
            item.kind = Item::Kind::Grant;
            item.database = sdb.database;
            const bool objectOnTarget = targetOwner.contains(e.kind + QLatin1Char(' ') + e.identity);
            item.phase = e.kind == QLatin1String("DATABASE") && objectOnTarget ? Item::Phase::BeforeData : Item::Phase::AfterSchema;
            item.key = QStringLiteral("grant:%1:%2").arg(sdb.database, aclKey(e).replace(QLatin1Char('\x1f'), QLatin1Char(':')));
            item.name = e.grantee;
            item.title = title;
            if (!objectOnTarget)
                item.detail = QStringLiteral("Applied after the schema is copied.");
            item.selected = true;
            item.statements << statement;
            plan.items << item;
        };
        // Only objects that exist on both sides, or on the source only, are compared.
        for (auto it = want.cbegin(); it != want.cend(); ++it) {
            const AclEntry &e = it.value();
            const auto h = have.constFind(it.key());
            if (h == have.cend())
                grantItem(e, QStringLiteral("grant %1 on %2 %3 to %4%5").arg(e.privilege, e.kind.toLower(), e.identity, e.grantee, e.grantable ? QStringLiteral(" with grant option") : QString()),
                          grantStatement(e, false, false));
            else if (e.grantable && !h->grantable)
                grantItem(e, QStringLiteral("grant %1 on %2 %3 to %4 with grant option").arg(e.privilege, e.kind.toLower(), e.identity, e.grantee), grantStatement(e, false, false));
            else if (!e.grantable && h->grantable)
                grantItem(e, QStringLiteral("revoke grant option for %1 on %2 %3 from %4").arg(e.privilege, e.kind.toLower(), e.identity, e.grantee), grantStatement(e, true, true));
        }
        for (auto it = have.cbegin(); it != have.cend(); ++it) {
            const AclEntry &e = it.value();
            if (want.contains(it.key()) || !sourceOwner.contains(e.kind + QLatin1Char(' ') + e.identity))
                continue; // objects only on the target are not ours to change
            grantItem(e, QStringLiteral("revoke %1 on %2 %3 from %4 (not granted on the source)").arg(e.privilege, e.kind.toLower(), e.identity, e.grantee),
                      grantStatement(e, true, false));
        }
        for (const QString &g : notCarried) {
            Item item;
            item.kind = Item::Kind::Grant;
            item.state = Item::State::NotCarriable;
            item.database = sdb.database;
            item.key = QStringLiteral("grant:%1:to:%2").arg(sdb.database, g);
            item.name = g;
            item.title = QStringLiteral("privileges granted to %1").arg(g);
            item.reason = QStringLiteral("%1 is a built-in or Azure-managed role of the source that is not carried; the target has its own.").arg(g);
            plan.items << item;
        }

        // Default privileges.
        auto defKey = [](const DefaultAclEntry &e) {
            return QStringList{e.role, e.schema, e.objtype, e.grantee, e.privilege}.join(QLatin1Char('\x1f'));
        };
        QList<DefaultAclEntry> srcDefs;
        for (DefaultAclEntry e : sdb.defaults) {
            const auto r = mapper.map(e.role), g = mapper.map(e.grantee);
            if (!r || !g)
                continue;
            e.role = *r;
            e.grantee = *g;
            srcDefs << e;
        }
        const QList<DefaultAclEntry> srcAll = withImplicitDefaults(srcDefs, tdb.defaults);
        const QList<DefaultAclEntry> tgtAll = withImplicitDefaults(tdb.defaults, srcDefs);
        QMap<Key, DefaultAclEntry> wantD, haveD;
        for (const auto &e : srcAll)
            if (!(e.schema.isEmpty() && e.grantee == e.role))
                wantD.insert(defKey(e), e);
        for (const auto &e : tgtAll)
            if (!(e.schema.isEmpty() && e.grantee == e.role) && (source.role(e.role) || e.role == target.currentUser))
                haveD.insert(defKey(e), e);
        QSet<QString> targetSchemas;
        for (const auto &o : tdb.owners)
            if (o.kind == QLatin1String("SCHEMA"))
                targetSchemas.insert(o.identity);
        auto defItem = [&](const DefaultAclEntry &e, const QString &title, const QString &statement) {
            Item item;
            item.kind = Item::Kind::DefaultPrivilege;
            item.database = sdb.database;
            const bool schemaOnTarget = e.schema.isEmpty() ? targetHasDb : targetSchemas.contains(pg::quoteIdent(e.schema)) || targetSchemas.contains(e.schema);
            item.phase = schemaOnTarget ? Item::Phase::BeforeData : Item::Phase::AfterSchema;
            item.key = QStringLiteral("default:%1:%2").arg(sdb.database, defKey(e).replace(QLatin1Char('\x1f'), QLatin1Char(':')));
            item.name = e.role;
            item.title = title;
            item.selected = true;
            item.statements << statement;
            plan.items << item;
        };
        for (auto it = wantD.cbegin(); it != wantD.cend(); ++it) {
            const auto &e = it.value();
            const QString where = e.schema.isEmpty() ? QStringLiteral("all schemas") : QStringLiteral("schema ") + e.schema;
            const auto h = haveD.constFind(it.key());
            if (h == haveD.cend() || (e.grantable && !h->grantable))
                defItem(e, QStringLiteral("default privileges of %1 in %2: grant %3 on new %4 to %5").arg(e.role, where, e.privilege, objectTypeWord(e.objtype).toLower(), e.grantee),
                        defaultStatement(e, false, false));
            else if (!e.grantable && h->grantable)
                defItem(e, QStringLiteral("default privileges of %1 in %2: no grant option for %3").arg(e.role, where, e.grantee), defaultStatement(e, true, true));
        }
        for (auto it = haveD.cbegin(); it != haveD.cend(); ++it) {
            if (wantD.contains(it.key()))
                continue;
            const auto &e = it.value();
            const QString where = e.schema.isEmpty() ? QStringLiteral("all schemas") : QStringLiteral("schema ") + e.schema;
            defItem(e, QStringLiteral("default privileges of %1 in %2: revoke %3 on new %4 from %5").arg(e.role, where, e.privilege, objectTypeWord(e.objtype).toLower(), e.grantee),
                    defaultStatement(e, true, false));
        }
    }
    return plan;
}

int RoleApplyResult::failures() const
{
    return int(std::count_if(outcomes.begin(), outcomes.end(), [](const ItemOutcome &o) { return !o.ok; }));
}

Secret generatePassword()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    const int n = int(sizeof(alphabet) - 1);
    QString s;
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < 24; ++i)
        s += QLatin1Char(alphabet[rng->bounded(n)]);
    return Secret(s);
}

Expected<RoleApplyResult> applyRoles(const CarryOverPlan &plan, CarryOverItem::Phase phase, const pg::ConnectionParams &target,
                                     const QMap<QString, Secret> &passwords, CancelToken *cancel)
{
    QList<const CarryOverItem *> todo;
    for (const auto &i : plan.items) {
        const bool roleKind = i.kind == CarryOverItem::Kind::Role || i.kind == CarryOverItem::Kind::Membership || i.kind == CarryOverItem::Kind::Grant
            || i.kind == CarryOverItem::Kind::DefaultPrivilege || i.kind == CarryOverItem::Kind::Ownership;
        if (roleKind && i.selected && i.isActionable() && i.phase == phase && !i.statements.isEmpty())
            todo << &i;
    }
    std::stable_sort(todo.begin(), todo.end(), [](const CarryOverItem *a, const CarryOverItem *b) { return applyOrder(a->kind) < applyOrder(b->kind); });

    RoleApplyResult result;
    std::map<QString, pg::Connection> connections; // per database ("" = the target's own dbname)
    auto connectionFor = [&](const QString &db) -> Expected<pg::Connection *> {
        auto it = connections.find(db);
        if (it == connections.end()) {
            auto c = pg::Connection::open(db.isEmpty() ? target : target.withDatabase(db), cancel);
            if (!c)
                return fail(c.error());
            it = connections.emplace(db, std::move(*c)).first;
        }
        return &it->second;
    };
    for (const CarryOverItem *item : todo) {
        if (cancel && cancel->isCancelled())
            return fail(Error::cancelled());
        auto conn = connectionFor(item->database);
        if (!conn)
            return fail(conn.error());
        pg::Connection &c = **conn;
        QStringList statements = item->statements;
        std::optional<Secret> generated;
        if (item->needsPassword && item->kind == CarryOverItem::Kind::Role) {
            Secret pw = passwords.value(item->name);
            if (pw.isEmpty()) {
                pw = generatePassword();
                generated = pw;
            }
            // The server gets a SCRAM verifier, never the plain text (libpq's PQencryptPasswordConn, as psql's \password).
            const QByteArray plain = pw.reveal().toUtf8(), user = item->name.toUtf8();
            char *verifier = PQencryptPasswordConn(c.raw(), plain.constData(), user.constData(), nullptr);
            if (!verifier)
                return fail(Error::make(ErrorCategory::Postgres, QStringLiteral("PasswordEncryption"),
                                        QStringLiteral("Could not encrypt the password of role %1: %2").arg(item->name, QString::fromUtf8(PQerrorMessage(c.raw())).trimmed())));
            statements << QStringLiteral("ALTER ROLE %1 PASSWORD %2").arg(pg::quoteIdent(item->name), c.quoteLiteral(QString::fromUtf8(verifier)));
            PQfreemem(verifier);
        }
        if (item->kind == CarryOverItem::Kind::Ownership && !item->name.isEmpty()) {
            // ALTER ... OWNER TO needs the right to SET ROLE to the new owner; a
            // non-superuser admin (Azure's) gets it by membership first. It created
            // the role, so it holds ADMIN on it (PostgreSQL 16: implicit grant).
            auto su = c.exec(QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"), {}, cancel);
            if (su && su->rows() == 1 && !su->toBool(0, 0))
                statements.prepend(QStringLiteral("GRANT %1 TO CURRENT_USER").arg(pg::quoteIdent(item->name)));
        }
        ItemOutcome outcome{item->key, true, {}};
        auto r = c.execScript(QStringLiteral("BEGIN;\n") + statements.join(QStringLiteral(";\n")) + QStringLiteral(";\nCOMMIT;"), cancel);
        if (!r) {
            if (r.error().isCancelled())
                return fail(r.error());
            c.execScript(QStringLiteral("ROLLBACK"));
            outcome.ok = false;
            outcome.message = r.error().toDisplayString();
            log()->warn("carry-over item {} failed: {}", item->key, outcome.message);
        } else {
            log()->info("carry-over applied {}", item->key);
            if (generated)
                result.generatedPasswords.insert(item->name, *generated);
        }
        result.outcomes << outcome;
    }
    return result;
}

} // namespace fm::carryover
