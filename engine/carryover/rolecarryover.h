// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/carryover/carryoverplan.h"
#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/core/secret.h"
#include "engine/pg/connectionparams.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace fm::carryover {

/** Role attributes as CREATE ROLE spells them (pg_roles). */
struct RoleAttributes {
    bool superuser = false, inherit = true, createrole = false, createdb = false, login = false, replication = false, bypassrls = false;
    int connectionLimit = -1;
    QString validUntil;  ///< ISO UTC, empty = no expiry
    QStringList config;  ///< ALTER ROLE ... SET entries "name=value", sorted

    bool operator==(const RoleAttributes &) const = default;
    /** "LOGIN NOSUPERUSER INHERIT ..." plus CONNECTION LIMIT / VALID UNTIL when set. */
    QString toSql() const;
    /** A short human form: "LOGIN, CREATEDB, connection limit 5". */
    QString describe() const;
};

struct RoleInfo {
    QString name;
    RoleAttributes attributes;
    bool isCurrentUser = false;
};

struct RoleMembership {
    QString role, member;
    bool adminOption = false;
    bool operator==(const RoleMembership &) const = default;
};

/** One privilege on one object (aclexplode row); grantee "PUBLIC" for everyone. */
struct AclEntry {
    QString kind;     ///< DATABASE, SCHEMA, TABLE, SEQUENCE, FUNCTION, PROCEDURE
    QString identity; ///< quoted SQL name ("public"."t", "s"."f"(integer))
    QString grantee, privilege;
    bool grantable = false;
    bool operator==(const AclEntry &) const = default;
};

struct ObjectOwner {
    QString kind, identity, owner;
    bool followsTable = false; ///< a serial/identity sequence: re-owned with its table, never on its own
    bool operator==(const ObjectOwner &) const = default;
};

/** One ALTER DEFAULT PRIVILEGES grant (pg_default_acl exploded). */
struct DefaultAclEntry {
    QString role, schema; ///< schema empty: all schemas
    QString objtype;      ///< r tables, S sequences, f functions, T types, n schemas
    QString grantee, privilege;
    bool grantable = false;
    bool operator==(const DefaultAclEntry &) const = default;
};

struct DatabaseSecurity {
    QString database;
    bool exists = true;
    QList<ObjectOwner> owners;
    QList<AclEntry> acl;
    QList<DefaultAclEntry> defaults;
};

/** @brief Roles, memberships and per-database privileges of one server, read with the SQL files in resources/sql/carryover. */
struct RoleCatalog {
    QString currentUser;
    bool currentIsSuperuser = false;
    QString passwordEncryption;
    QList<RoleInfo> roles;
    QList<RoleMembership> memberships;
    QList<DatabaseSecurity> databases;

    const RoleInfo *role(const QString &name) const;
    const DatabaseSecurity *database(const QString &name) const;
};

/**
 * Reads the catalog of `server` (its dbname is where roles are read) and of each
 * database in `databases`. A database that does not exist (SQLSTATE 3D000) is
 * returned with exists=false: the plan then puts its items after the schema copy.
 */
Expected<RoleCatalog> readRoleCatalog(const pg::ConnectionParams &server, const QStringList &databases, CancelToken *cancel = nullptr);

struct RolePlanOptions {
    /** Azure targets never grant SUPERUSER, REPLICATION or BYPASSRLS to user roles (their admin is not a superuser). */
    bool azureTarget = false;
    /** Single Server source: logins were user@server; the plan explains the change. */
    bool singleServerSource = false;
    QString sourceServerName; ///< for the user@server note
    QString targetHost;       ///< for the user@server note
    /** Source role -> target role. The source's connected (admin) role always maps to the target's. */
    QMap<QString, QString> roleMap;
};

/**
 * @brief The roles-and-grants part of the plan: what to create, grant, revoke
 * and re-own on the target so that both catalogs say the same.
 *
 * Roles missing on the target are Proposed and ticked; a role that exists with
 * other attributes is a Conflict, reported and not ticked (issue 12: "not
 * overwritten without consent"). Object grants, schema-scoped default
 * privileges and ownership need the objects, so they are AfterSchema items:
 * plan again after the schema copy and apply that phase (the direct engine
 * restores with pg_dump --no-owner --no-privileges).
 */
CarryOverPlan planRoles(const RoleCatalog &source, const RoleCatalog &target, const RolePlanOptions &options = {});

struct ItemOutcome {
    QString key;
    bool ok = false;
    QString message; ///< error text on failure
};

struct RoleApplyResult {
    /** Passwords generated for new LOGIN roles: shown to the user once, never stored or logged. */
    QMap<QString, Secret> generatedPasswords;
    QList<ItemOutcome> outcomes;
    int failures() const;
};

/**
 * Runs the selected items of `phase` on the target, in dependency order (roles,
 * memberships, ownership, default privileges, grants), each in its own
 * transaction so one failure does not undo the rest. `passwords` are the ones
 * the user typed (role name -> password); other new LOGIN roles get a
 * generated one, sent as a SCRAM verifier (PQencryptPasswordConn) so the plain
 * text never reaches the server or its logs.
 */
Expected<RoleApplyResult> applyRoles(const CarryOverPlan &plan, CarryOverItem::Phase phase, const pg::ConnectionParams &target,
                                     const QMap<QString, Secret> &passwords = {}, CancelToken *cancel = nullptr);

/** 24 characters from the system CSPRNG (letters and digits: safe in any connection string). */
Secret generatePassword();

} // namespace fm::carryover
