// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Roles and grants carry-over against two real clusters: roles, memberships,
// database/schema/object grants, default privileges and ownership are equal on
// both sides after "carry-over before data + pg_dump --no-owner --no-privileges
// schema copy (as the direct engine restores) + carry-over after schema".
#include "engine/carryover/rolecarryover.h"
#include "tests/engine/carryover/carryovertestutil.h"
#include "engine/pg/connection.h"
#include "tests/support/pgcluster.h"
#include "tests/support/testutil.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fm;
using namespace fm::carryover;

namespace {
const QStringList kRoles{QStringLiteral("app_owner"), QStringLiteral("app_rw"), QStringLiteral("app_ro"), QStringLiteral("auditor"), QStringLiteral("ops admin")};

const char *kSource = R"SQL(
CREATE ROLE app_owner NOLOGIN;
CREATE ROLE app_rw LOGIN CONNECTION LIMIT 5;
ALTER ROLE app_rw SET search_path = s, public;
ALTER ROLE app_rw SET statement_timeout = '30s';
CREATE ROLE app_ro LOGIN VALID UNTIL '2031-01-01 00:00:00+00';
CREATE ROLE auditor LOGIN CREATEDB NOINHERIT;
CREATE ROLE "ops admin" SUPERUSER LOGIN;
GRANT app_ro TO app_rw;
GRANT pg_read_all_stats TO auditor;
GRANT app_owner TO "ops admin" WITH ADMIN OPTION;
)SQL";

const char *kSourceDb = R"SQL(
ALTER DATABASE app OWNER TO app_owner;
REVOKE CONNECT, TEMPORARY ON DATABASE app FROM PUBLIC;
GRANT CONNECT ON DATABASE app TO app_ro, app_rw;
GRANT TEMPORARY ON DATABASE app TO app_rw;
CREATE SCHEMA s AUTHORIZATION app_owner;
SET ROLE app_owner;
CREATE TABLE s.t1 (id serial PRIMARY KEY, v text);
CREATE TABLE s.t2 (id int);
CREATE VIEW s.v1 AS SELECT id FROM s.t1;
CREATE FUNCTION s.f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a + 1';
RESET ROLE;
CREATE TABLE public.rw_table (id int);
ALTER TABLE public.rw_table OWNER TO app_rw;
GRANT USAGE ON SCHEMA s TO app_ro, app_rw;
GRANT SELECT ON ALL TABLES IN SCHEMA s TO app_ro;
GRANT SELECT, INSERT, UPDATE ON s.t1 TO app_rw WITH GRANT OPTION;
GRANT USAGE ON SEQUENCE s.t1_id_seq TO app_rw;
REVOKE EXECUTE ON FUNCTION s.f(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION s.f(integer) TO app_rw;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA s GRANT SELECT ON TABLES TO app_ro;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner GRANT USAGE ON SEQUENCES TO app_rw;
)SQL";

QString dropRoles()
{
    QString sql;
    for (const auto &r : kRoles)
        sql += QStringLiteral("DROP ROLE IF EXISTS %1;\n").arg(pg::quoteIdent(r));
    return sql;
}

template<typename T>
QStringList sorted(const QList<T> &list, const std::function<QString(const T &)> &text)
{
    QStringList out;
    for (const auto &x : list)
        out << text(x);
    out.sort();
    return out;
}

// The parts of a catalog that carry-over promises to make equal, as sorted text.
QStringList describe(const RoleCatalog &c)
{
    QStringList out;
    for (const auto &r : c.roles)
        if (kRoles.contains(r.name))
            out << QStringLiteral("role %1: %2").arg(r.name, r.attributes.describe());
    for (const auto &m : c.memberships)
        if (kRoles.contains(m.member))
            out << QStringLiteral("member %1 of %2%3").arg(m.member, m.role, m.adminOption ? QStringLiteral(" (admin)") : QString());
    for (const auto &d : c.databases) {
        out += sorted<ObjectOwner>(d.owners, [](const ObjectOwner &o) { return QStringLiteral("owner %1 %2 = %3").arg(o.kind, o.identity, o.owner); });
        out += sorted<AclEntry>(d.acl, [](const AclEntry &e) {
            return QStringLiteral("acl %1 %2: %3 %4%5").arg(e.kind, e.identity, e.grantee, e.privilege, e.grantable ? QStringLiteral("*") : QString());
        });
        out += sorted<DefaultAclEntry>(d.defaults, [](const DefaultAclEntry &e) {
            return QStringLiteral("default %1 [%2] %3: %4 %5%6").arg(e.role, e.schema, e.objtype, e.grantee, e.privilege, e.grantable ? QStringLiteral("*") : QString());
        });
    }
    out.sort();
    return out;
}

// As the direct engine restores: schema only, no owners, no privileges (engine/direct/dumpscript.cpp).
Expected<void> copySchema(const test::PgCluster &from, const test::PgCluster &to, const QString &db)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("schema.sql"));
    const QString bin = test::PgCluster::binDir();
    auto run = [](const QString &program, const QStringList &args, const pg::ConnectionParams &p) -> Expected<void> {
        QProcess proc;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const auto vars = p.environment();
        for (auto it = vars.cbegin(); it != vars.cend(); ++it)
            env.insert(it.key(), it.value());
        proc.setProcessEnvironment(env);
        proc.start(program, args);
        if (!proc.waitForFinished(120000) || proc.exitCode() != 0)
            return fail(Error::make(ErrorCategory::Io, QStringLiteral("Tool"), program + QStringLiteral(": ") + QString::fromLocal8Bit(proc.readAllStandardError())));
        return {};
    };
    if (auto r = run(bin + QStringLiteral("/pg_dump"),
                     {QStringLiteral("--schema-only"), QStringLiteral("--no-owner"), QStringLiteral("--no-privileges"), QStringLiteral("-f"), file},
                     from.params(db));
        !r)
        return r;
    return run(bin + QStringLiteral("/psql"), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-f"), file},
               to.params(db));
}

RoleInfo role(const QString &name, RoleAttributes a)
{
    return RoleInfo{name, a, false};
}
} // namespace

class TestRoleCarryOver : public QObject
{
    Q_OBJECT
    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("rolesrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("roletgt"); return o; }()};

    Expected<RoleCatalog> read(const test::PgCluster &c) { return readRoleCatalog(c.params(), {QStringLiteral("app")}); }

private slots:
    void init()
    {
        for (auto *c : {&m_source, &m_target}) {
            if (!c->isRunning())
                REQUIRE_OK(c->start());
            REQUIRE_OK(c->execute(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS app")));
            REQUIRE_OK(c->execute(QStringLiteral("postgres"), dropRoles()));
        }
        REQUIRE_OK(m_source.execute(QStringLiteral("postgres"), QString::fromLatin1(kSource)));
        REQUIRE_OK(m_source.createDatabase(QStringLiteral("app")));
        REQUIRE_OK(m_source.execute(QStringLiteral("app"), QString::fromLatin1(kSourceDb)));
        // The engine creates the target database before the schema (as its admin).
        REQUIRE_OK(m_target.createDatabase(QStringLiteral("app")));
    }

    void equalAfterCarryOverAndSchemaCopy()
    {
        auto src = read(m_source);
        REQUIRE_OK(src);
        auto tgt = read(m_target);
        REQUIRE_OK(tgt);
        CarryOverPlan before = planRoles(*src, *tgt);
        const CarryOverItem *rw = before.find(QStringLiteral("role:app_rw"));
        QVERIFY(rw);
        QCOMPARE(rw->state, CarryOverItem::State::Proposed);
        QVERIFY(rw->selected);
        QVERIFY(rw->needsPassword);
        QVERIFY(!before.find(QStringLiteral("role:app_owner"))->needsPassword);
        QVERIFY(before.notes.join(QLatin1Char(' ')).contains(QStringLiteral("generated password")));
        QVERIFY(!before.find(QStringLiteral("role:postgres"))); // the admin maps to the target's admin

        QMap<QString, Secret> typed{{QStringLiteral("auditor"), Secret(QStringLiteral("Typed-Pass-123"))}};
        auto applied = applyRoles(before, CarryOverItem::Phase::BeforeData, m_target.params(), typed);
        REQUIRE_OK(applied);
        QCOMPARE(applied->failures(), 0);
        // Generated passwords for the new login roles, not for the typed one, and they work.
        QCOMPARE(QStringList(applied->generatedPasswords.keys()), (QStringList{QStringLiteral("app_ro"), QStringLiteral("app_rw"), QStringLiteral("ops admin")}));
        const Secret rwPassword = applied->generatedPasswords.value(QStringLiteral("app_rw"));
        QCOMPARE(rwPassword.reveal().size(), 24);
        {
            auto p = pg::ConnectionParams::fromUri(m_target.uriFor(QStringLiteral("app_rw"), rwPassword.reveal(), QStringLiteral("app")));
            REQUIRE_OK(p);
            REQUIRE_OK(pg::Connection::open(*p));
            auto a = pg::ConnectionParams::fromUri(m_target.uriFor(QStringLiteral("auditor"), QStringLiteral("Typed-Pass-123"), QStringLiteral("postgres")));
            REQUIRE_OK(a);
            REQUIRE_OK(pg::Connection::open(*a));
        }

        REQUIRE_OK(copySchema(m_source, m_target, QStringLiteral("app")));
        tgt = read(m_target);
        REQUIRE_OK(tgt);
        QVERIFY(describe(*src) != describe(*tgt)); // the restore left owners and grants behind
        CarryOverPlan after = planRoles(*src, *tgt);
        QVERIFY(after.find(QStringLiteral("role:app_rw"))->state == CarryOverItem::State::Present);
        QVERIFY(after.count(CarryOverItem::State::Proposed) > 0);
        for (auto phase : {CarryOverItem::Phase::BeforeData, CarryOverItem::Phase::AfterSchema}) {
            auto r = applyRoles(after, phase, m_target.params());
            REQUIRE_OK(r);
            for (const auto &o : r->outcomes)
                QVERIFY2(o.ok, qPrintable(o.key + QStringLiteral(": ") + o.message));
        }
        tgt = read(m_target);
        REQUIRE_OK(tgt);
        QCOMPARE(describe(*tgt), describe(*src));
        // And a third plan has nothing left to do.
        const CarryOverPlan again = planRoles(*src, *tgt);
        QCOMPARE(again.count(CarryOverItem::State::Proposed), 0);
        QCOMPARE(again.count(CarryOverItem::State::Conflict), 0);
    }

    void nonSuperuserTargetAdmin()
    {
        // Like Azure's admin: CREATEROLE and CREATEDB, no superuser; it owns the target database.
        for (const char *sql : {"DROP DATABASE app", "DROP ROLE IF EXISTS azadmin", "CREATE ROLE azadmin LOGIN CREATEROLE CREATEDB PASSWORD 'Az-Admin-1'",
                                "CREATE DATABASE app OWNER azadmin"})
            REQUIRE_OK(m_target.execute(QStringLiteral("postgres"), QString::fromLatin1(sql)));
        auto admin = pg::ConnectionParams::fromUri(m_target.uriFor(QStringLiteral("azadmin"), QStringLiteral("Az-Admin-1")));
        REQUIRE_OK(admin);
        auto src = readRoleCatalog(m_source.params(), {QStringLiteral("app")});
        REQUIRE_OK(src);
        auto tgt = readRoleCatalog(*admin, {QStringLiteral("app")});
        REQUIRE_OK(tgt);
        QVERIFY(!tgt->currentIsSuperuser);
        CarryOverPlan plan = planRoles(*src, *tgt);
        const CarryOverItem *ops = plan.find(QStringLiteral("role:ops admin"));
        QVERIFY(ops && !ops->statements.value(0).contains(QStringLiteral(" SUPERUSER")));
        QVERIFY(ops->detail.contains(QStringLiteral("SUPERUSER not carried")));
        auto r = applyRoles(plan, CarryOverItem::Phase::BeforeData, *admin);
        REQUIRE_OK(r);
        for (const auto &o : r->outcomes)
            QVERIFY2(o.ok, qPrintable(o.key + QStringLiteral(": ") + o.message));
        // The schema restored by the admin, then ownership and grants after it.
        REQUIRE_OK(m_target.execute(QStringLiteral("app"), QStringLiteral("CREATE SCHEMA s AUTHORIZATION azadmin; "
                                                                         "CREATE TABLE s.t1 (id serial PRIMARY KEY, v text); ALTER TABLE s.t1 OWNER TO azadmin")));
        tgt = readRoleCatalog(*admin, {QStringLiteral("app")});
        REQUIRE_OK(tgt);
        plan = planRoles(*src, *tgt);
        QVERIFY(plan.find(QStringLiteral("owner:app:TABLE s.t1")));
        r = applyRoles(plan, CarryOverItem::Phase::AfterSchema, *admin);
        REQUIRE_OK(r);
        QStringList failed;
        for (const auto &o : r->outcomes)
            if (!o.ok)
                failed << o.key + QStringLiteral(": ") + o.message;
        // Objects that exist only on the source (view, function, rw_table) fail; the table and schema do not.
        QVERIFY2(!failed.join(QLatin1Char('\n')).contains(QStringLiteral("owner:app:TABLE s.t1")), qPrintable(failed.join(QLatin1Char('\n'))));
        auto owner = m_target.query(QStringLiteral("app"), QStringLiteral("SELECT tableowner FROM pg_tables WHERE schemaname = 's' AND tablename = 't1'"));
        REQUIRE_OK(owner);
        QCOMPARE(owner->text(0, 0), QStringLiteral("app_owner"));
        auto acl = m_target.query(QStringLiteral("app"), QStringLiteral("SELECT has_table_privilege('app_ro', 's.t1', 'SELECT'), has_table_privilege('app_rw', 's.t1', 'UPDATE')"));
        REQUIRE_OK(acl);
        QCOMPARE(acl->text(0, 0), QStringLiteral("t"));
        QCOMPARE(acl->text(0, 1), QStringLiteral("t"));
        REQUIRE_OK(m_target.execute(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE app")));
    }

    void conflictingRoleIsReportedNotOverwritten()
    {
        REQUIRE_OK(m_target.execute(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE app_ro LOGIN CREATEDB CONNECTION LIMIT 2")));
        auto src = read(m_source);
        REQUIRE_OK(src);
        auto tgt = read(m_target);
        REQUIRE_OK(tgt);
        CarryOverPlan plan = planRoles(*src, *tgt);
        const CarryOverItem *ro = plan.find(QStringLiteral("role:app_ro"));
        QVERIFY(ro);
        QCOMPARE(ro->state, CarryOverItem::State::Conflict);
        QVERIFY(!ro->selected);
        QVERIFY2(ro->reason.contains(QStringLiteral("CREATEDB")) && ro->reason.contains(QStringLiteral("connection limit 2")), qPrintable(ro->reason));
        QVERIFY(plan.toText().contains(QStringLiteral("(conflict)")));

        auto r = applyRoles(plan, CarryOverItem::Phase::BeforeData, m_target.params());
        REQUIRE_OK(r);
        auto attrs = m_target.query(QStringLiteral("postgres"), QStringLiteral("SELECT rolcreatedb, rolconnlimit FROM pg_roles WHERE rolname = 'app_ro'"));
        REQUIRE_OK(attrs);
        QCOMPARE(attrs->text(0, 0), QStringLiteral("t"));
        QCOMPARE(attrs->toInt(0, 1), 2);
        QVERIFY(!r->generatedPasswords.contains(QStringLiteral("app_ro"))); // not created, password untouched

        // Planned again, still a conflict; with consent, ALTER ROLE sets the source's attributes.
        tgt = read(m_target);
        REQUIRE_OK(tgt);
        plan = planRoles(*src, *tgt);
        QCOMPARE(plan.find(QStringLiteral("role:app_ro"))->state, CarryOverItem::State::Conflict);
        QCOMPARE(plan.find(QStringLiteral("role:app_rw"))->state, CarryOverItem::State::Present);
        QVERIFY(!plan.select(QStringLiteral("role:no_such_role")));
        QVERIFY(plan.select(QStringLiteral("role:app_ro")));
        r = applyRoles(plan, CarryOverItem::Phase::BeforeData, m_target.params());
        REQUIRE_OK(r);
        for (const auto &o : r->outcomes)
            QVERIFY2(o.ok, qPrintable(o.key + QStringLiteral(": ") + o.message));
        attrs = m_target.query(QStringLiteral("postgres"), QStringLiteral("SELECT rolcreatedb, rolconnlimit FROM pg_roles WHERE rolname = 'app_ro'"));
        REQUIRE_OK(attrs);
        QCOMPARE(attrs->text(0, 0), QStringLiteral("f"));
        QCOMPARE(attrs->toInt(0, 1), -1);
    }

    void attributesAllowedOnTarget_data()
    {
        QTest::addColumn<bool>("azureTarget");
        QTest::addColumn<bool>("targetSuperuser");
        QTest::addColumn<bool>("carried");
        QTest::newRow("superuser target") << false << true << true;
        QTest::newRow("azure target") << true << false << false;
        QTest::newRow("azure target, even as superuser") << true << true << false;
        QTest::newRow("createrole-only target") << false << false << false;
    }

    void attributesAllowedOnTarget()
    {
        QFETCH(bool, azureTarget);
        QFETCH(bool, targetSuperuser);
        QFETCH(bool, carried);
        RoleCatalog source, target;
        source.currentUser = QStringLiteral("cloudsa");
        target.currentUser = QStringLiteral("flexadmin");
        target.currentIsSuperuser = targetSuperuser;
        RoleAttributes a;
        a.login = a.superuser = a.replication = a.bypassrls = true;
        source.roles << role(QStringLiteral("repl"), a);
        RolePlanOptions o;
        o.azureTarget = azureTarget;
        const CarryOverPlan plan = planRoles(source, target, o);
        const CarryOverItem *i = plan.find(QStringLiteral("role:repl"));
        QVERIFY(i);
        QCOMPARE(i->state, CarryOverItem::State::Proposed);
        const QString create = i->statements.value(0);
        QCOMPARE(create.contains(QStringLiteral(" SUPERUSER")), carried);
        QCOMPARE(create.contains(QStringLiteral(" REPLICATION")), carried);
        QCOMPARE(create.contains(QStringLiteral(" BYPASSRLS")), carried);
        QCOMPARE(i->detail.contains(QStringLiteral("SUPERUSER, REPLICATION, BYPASSRLS not carried")), !carried);
    }

    void singleServerLoginFormIsExplained()
    {
        RoleCatalog source, target;
        source.currentUser = QStringLiteral("cloudsa");
        target.currentUser = QStringLiteral("flexadmin");
        RolePlanOptions o;
        o.singleServerSource = true;
        o.sourceServerName = QStringLiteral("src-single");
        o.targetHost = QStringLiteral("tgt-flex.postgres.database.azure.com");
        const CarryOverPlan plan = planRoles(source, target, o);
        const QString notes = plan.notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QStringLiteral("user@server")) && notes.contains(QStringLiteral("app@src-single"))
                     && notes.contains(QStringLiteral("tgt-flex.postgres.database.azure.com")),
                 qPrintable(notes));
    }

    void unsafeRoleSettingIsNotSpliced()
    {
        RoleCatalog source, target;
        source.currentUser = target.currentUser = QStringLiteral("postgres");
        target.currentIsSuperuser = true;
        RoleAttributes a;
        a.config = {QStringLiteral("search_path=a; DROP TABLE x; --"), QStringLiteral("work_mem=64MB")};
        source.roles << role(QStringLiteral("r"), a);
        const CarryOverPlan plan = planRoles(source, target);
        const CarryOverItem *i = plan.find(QStringLiteral("role:r"));
        QVERIFY(i);
        QVERIFY(!i->statements.join(QLatin1Char('\n')).contains(QStringLiteral("DROP TABLE")));
        QVERIFY(i->statements.contains(QStringLiteral("ALTER ROLE \"r\" SET work_mem TO '64MB'")));
        QVERIFY(i->detail.contains(QStringLiteral("not carried")));
    }
};

QTEST_GUILESS_MAIN(TestRoleCarryOver)
#include "tst_rolecarryover.moc"
