// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Migrations through the emulator (issue 5, step 5) between two real clusters:
// create -> PerformingPreRequisiteSteps -> MigratingData -> WaitingForCutoverTrigger
// -> cutover -> Succeeded with equal data; the seed-era flow with the logical
// replication setup request; the overwrite confirmation; cancel; 409 for a
// second active migration and for reused names; create validation errors.
#include "tests/emulator/emulatortestsupport.h"

#include "tests/support/pgcluster.h"

#include <QDateTime>

using namespace fm::test::emu;

/** A runner whose copy fails at once: drives the Failed path of the state machine (the real one is tested above). */
class FailingRunner final : public fm::emulator::MigrationRunner
{
public:
    fm::Expected<void> start(const fm::pg::ConnectionParams &, const fm::pg::ConnectionParams &, const QStringList &databases) override
    {
        m_dbs = databases;
        return {};
    }
    fm::emulator::RunnerStatus status() const override
    {
        fm::emulator::RunnerStatus st;
        st.state = QStringLiteral("failed");
        st.finished = true;
        st.error = QStringLiteral("copy failed");
        for (const auto &d : m_dbs) {
            fm::emulator::RunnerDatabase db;
            db.name = d;
            db.phase = QStringLiteral("failed");
            db.error = QStringLiteral("relation \"public.items\" has no replica identity");
            db.tablesErrored = 1;
            st.databases.push_back(db);
        }
        return st;
    }
    fm::Expected<void> cutover() override { return {}; }
    void cancel() override {}
    void cleanup() override { ++cleanups; }
    static inline int cleanups = 0;

private:
    QStringList m_dbs;
};

class TestEmulatorMigration : public QObject
{
    Q_OBJECT
private:
    fm::test::PgCluster m_source{[] {
        fm::test::PgClusterOptions o;
        o.name = QStringLiteral("emusrc");
        return o;
    }()};
    fm::test::PgCluster m_target{[] {
        fm::test::PgClusterOptions o;
        o.name = QStringLiteral("emutgt");
        return o;
    }()};
    std::unique_ptr<Harness> h;
    QByteArray token;

    static QString api(const QString &v) { return QStringLiteral("?api-version=") + v; }
    QString migration(const QString &name, const QString &v) const { return flexPath() + QStringLiteral("/migrations/") + name + api(v); }

    json create2024(const QStringList &dbs, bool setup, const QString &mode = QStringLiteral("Online"), bool overwrite = false) const
    {
        json list = json::array();
        for (const auto &d : dbs)
            list.push_back(d.toStdString());
        return {{"location", "westus"},
                {"properties",
                 {{"sourceDbServerResourceId", singlePath().toStdString()},
                  {"secretParameters",
                   {{"adminCredentials", {{"sourceServerPassword", m_source.password().reveal().toStdString()},
                                          {"targetServerPassword", m_target.password().reveal().toStdString()}}},
                    {"sourceServerUsername", "pgadmin@src-single"},
                    {"targetServerUsername", "pgadmin"}}},
                  {"dbsToMigrate", list},
                  {"migrationMode", mode.toStdString()},
                  {"setupLogicalReplicationOnSourceDbIfNeeded", setup ? "True" : "False"},
                  {"overwriteDbsInTarget", overwrite ? "True" : "False"}}}};
    }

    json create2021(const QStringList &dbs, const QString &aadSecret) const
    {
        json list = json::array();
        for (const auto &d : dbs)
            list.push_back(d.toStdString());
        return {{"location", "westus"},
                {"properties",
                 {{"sourceDBServerResourceId", singlePath().mid(1).toStdString()}, // the 2021 CLI sent ids without the leading '/'
                  {"secretParameters",
                   {{"adminCredentials", {{"sourceServerPassword", m_source.password().reveal().toStdString()},
                                          {"targetServerPassword", m_target.password().reveal().toStdString()}}},
                    {"aadApp", {{"clientId", kContributor.toStdString()}, {"tenantId", kTenant.toStdString()}, {"aadSecret", aadSecret.toStdString()}}}}},
                  {"dBsToMigrate", list},
                  {"migrationResourceGroup", {{"resourceId", rgPath().toStdString()}}},
                  {"setupLogicalReplicationOnSourceDBIfNeeded", false},
                  {"overwriteDBsInTarget", false}}}};
    }

    Reply put(const QString &name, const QString &v, const json &body) { return h->arm("PUT", migration(name, v), token, QByteArray::fromStdString(body.dump())); }
    Reply get(const QString &name, const QString &v) { return h->arm("GET", migration(name, v), token); }
    Reply patch(const QString &name, const QString &v, const json &body) { return h->arm("PATCH", migration(name, v), token, QByteArray::fromStdString(body.dump())); }

    static QString state(const Reply &r) { return QString::fromStdString(r.j["properties"]["currentStatus"]["state"].get<std::string>()); }
    static QString substate(const Reply &r)
    {
        const json &s = r.j["properties"]["currentStatus"];
        if (!s.contains("currentSubStateDetails"))
            return {};
        return QString::fromStdString(s["currentSubStateDetails"]["currentSubState"].get<std::string>());
    }

    /** Polls GET until the substate is `wanted` (or the migration ends); returns every substate seen, in order. */
    QStringList waitForSubstate(const QString &name, const QString &v, const QString &wanted, int timeoutMs, Reply *last = nullptr)
    {
        QStringList seen;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            const Reply r = get(name, v);
            if (r.status != 200)
                return seen << QStringLiteral("HTTP %1 %2").arg(r.status).arg(r.code());
            const QString s = substate(r);
            if (seen.isEmpty() || seen.last() != s)
                seen << s;
            if (last)
                *last = r;
            if (s == wanted || s == QLatin1String("Completed"))
                return seen;
            QTest::qWait(150);
        }
        return seen;
    }

    QString tableDigest(fm::test::PgCluster &pg, const QString &db)
    {
        auto r = pg.query(db, QStringLiteral("SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || name || '/' || qty, ',' ORDER BY id), '')) FROM items"));
        return r ? r->text(0, 0) : QStringLiteral("error: ") + r.error().message;
    }

    int slotCount()
    {
        auto r = m_source.query(QStringLiteral("postgres"), QStringLiteral("SELECT count(*) FROM pg_replication_slots"));
        return r ? int(r->toInt(0, 0)) : -1;
    }
    int subscriptionCount()
    {
        auto r = m_target.query(QStringLiteral("postgres"), QStringLiteral("SELECT count(*) FROM pg_subscription"));
        return r ? int(r->toInt(0, 0)) : -1;
    }

    void makeSourceDb(const QString &db, int rows)
    {
        QVERIFY(m_source.createDatabase(db).has_value());
        auto r = m_source.execute(db, QStringLiteral("CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL, qty int NOT NULL);"
                                                     "INSERT INTO items (name, qty) SELECT 'item ' || g, g % 97 FROM generate_series(1, %1) g;")
                                          .arg(rows));
        QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    }

private slots:
    void initTestCase()
    {
        for (auto *pg : {&m_source, &m_target}) {
            auto started = pg->start();
            QVERIFY2(started.has_value(), started ? "" : qPrintable(started.error().message));
        }
        makeSourceDb(QStringLiteral("shop"), 2000);
        makeSourceDb(QStringLiteral("legacy"), 500);
        makeSourceDb(QStringLiteral("spare"), 10);
    }

    void init()
    {
        json c = baseConfig(m_source.port(), m_source.password().reveal(), m_target.port(), m_target.password().reveal());
        c["pgBinDir"] = fm::test::PgCluster::binDir().toStdString();
        h = std::make_unique<Harness>(c);
        token = h->token(kContributor);
    }

    void cleanup()
    {
        h.reset(); // cancels what still runs and joins the engines
    }

    void createValidation_data()
    {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messagePart");
        const QString v24 = QStringLiteral("2024-08-01");
        const QString v21 = QStringLiteral("2021-06-15-privatepreview");
        QTest::newRow("no location") << v24 << "/location" << "null" << "LocationRequired" << "location";
        QTest::newRow("no properties") << v24 << "/properties" << "null" << "InvalidRequestContent" << "'properties'";
        QTest::newRow("unknown property") << v24 << "/properties/dBsToMigrat" << "[\"x\"]" << "InvalidRequestContent" << "dBsToMigrat";
        QTest::newRow("2021-only property in 2024") << v24 << "/properties/migrationResourceGroup" << "{}" << "InvalidRequestContent" << "migrationResourceGroup";
        QTest::newRow("boolean instead of True") << v24 << "/properties/overwriteDbsInTarget" << "true" << "InvalidRequestContent" << "\"True\" or \"False\"";
        QTest::newRow("bad mode") << v24 << "/properties/migrationMode" << "\"Hybrid\"" << "InvalidRequestContent" << "migrationMode";
        QTest::newRow("no databases") << v24 << "/properties/dbsToMigrate" << "[]" << "InvalidParameterValue" << "at least one database";
        QTest::newRow("duplicate database") << v24 << "/properties/dbsToMigrate" << "[\"shop\",\"shop\"]" << "InvalidParameterValue" << "twice";
        QTest::newRow("no secrets") << v24 << "/properties/secretParameters" << "null" << "InvalidParameterValue" << "secretParameters";
        QTest::newRow("no target password") << v24 << "/properties/secretParameters/adminCredentials/targetServerPassword" << "null"
                                            << "InvalidParameterValue" << "targetServerPassword";
        QTest::newRow("unknown source") << v24 << "/properties/sourceDbServerResourceId"
                                        << "\"/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg1/providers/Microsoft.DBforPostgreSQL/servers/nope\""
                                        << "InvalidParameterValue" << "was not found";
        QTest::newRow("2021 without aadApp") << v21 << "/properties/secretParameters/aadApp" << "null" << "InvalidParameterValue" << "aadApp";
        QTest::newRow("2021 nine databases") << v21 << "/properties/dBsToMigrate" << "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\"]"
                                             << "InvalidParameterValue" << "at most 8";
        QTest::newRow("2021 string flag tolerated, number not") << v21 << "/properties/overwriteDBsInTarget" << "1" << "InvalidRequestContent" << "boolean";
        QTest::newRow("2021 with 2024 property") << v21 << "/properties/migrationOption" << "\"Validate\"" << "InvalidRequestContent" << "migrationOption";
    }

    void createValidation()
    {
        QFETCH(QString, apiVersion);
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, code);
        QFETCH(QString, messagePart);
        json body = apiVersion == QLatin1String("2024-08-01") ? create2024({QStringLiteral("shop")}, true) : create2021({QStringLiteral("shop")}, kSecret);
        const json::json_pointer ptr(pointer.toStdString());
        const json v = json::parse(value.toStdString());
        if (v.is_null())
            body[ptr.parent_pointer()].erase(ptr.back());
        else
            body[ptr] = v;
        const Reply r = put(QStringLiteral("badone"), apiVersion, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), code);
        QVERIFY2(r.message().contains(messagePart), qPrintable(r.message()));
        QVERIFY(!r.body.contains(m_source.password().reveal().toUtf8()));
        QCOMPARE(get(QStringLiteral("badone"), apiVersion).status, 404); // nothing was created
    }

    // The main path: 2024-08-01 online migration, cutover, data equal, objects cleaned up.
    void onlineMigrationWithCutover()
    {
        const QString v = QStringLiteral("2024-08-01");
        Reply r = h->arm("POST", flexPath() + QStringLiteral("/checkMigrationNameAvailability") + api(v), token,
                         R"({"name":"mig1","type":"Microsoft.DBforPostgreSQL/flexibleServers/migrations"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.j["nameAvailable"].get<bool>(), true);
        QVERIFY(!r.j.contains("reason"));

        const json body = create2024({QStringLiteral("shop")}, true);
        r = put(QStringLiteral("mig1"), v, body);
        QCOMPARE(r.status, 201);
        QCOMPARE(state(r), QStringLiteral("InProgress"));
        QVERIFY(!r.j["properties"]["currentStatus"].contains("currentSubStateDetails")); // observed 2024 shape (§1.10)
        QCOMPARE(QString::fromStdString(r.j["type"].get<std::string>()), QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers/migrations"));
        QCOMPARE(QString::fromStdString(r.j["properties"]["sourceType"].get<std::string>()), QStringLiteral("PostgreSQLSingleServer"));
        QCOMPARE(QString::fromStdString(r.j["properties"]["sslMode"].get<std::string>()), QStringLiteral("VerifyFull"));
        QVERIFY(!r.body.contains(m_source.password().reveal().toUtf8()));
        QVERIFY(!r.body.contains(m_target.password().reveal().toUtf8()));

        // Same PUT again: idempotent 200; another migration on the same target: 409.
        QCOMPARE(put(QStringLiteral("mig1"), v, body).status, 200);
        r = put(QStringLiteral("mig2"), v, create2024({QStringLiteral("spare")}, true));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), QStringLiteral("ActiveMigrationAlreadyExists"));

        Reply last;
        const QStringList seen = waitForSubstate(QStringLiteral("mig1"), v, QStringLiteral("WaitingForCutoverTrigger"), 180000, &last);
        QVERIFY2(seen.last() == QLatin1String("WaitingForCutoverTrigger"), qPrintable(seen.join(u',') + QLatin1Char(' ') + QString::fromUtf8(last.body)));
        QCOMPARE(seen.first(), QStringLiteral("PerformingPreRequisiteSteps"));
        const QStringList order{QStringLiteral("PerformingPreRequisiteSteps"), QStringLiteral("WaitingForDataMigrationWindow"), QStringLiteral("MigratingData"),
                                QStringLiteral("WaitingForCutoverTrigger")};
        int pos = 0;
        for (const auto &s : seen) {
            const int i = int(order.indexOf(s));
            QVERIFY2(i >= pos, qPrintable(QStringLiteral("out of order: ") + seen.join(u',')));
            pos = i;
        }
        QCOMPARE(state(last), QStringLiteral("WaitingForUserAction"));
        json shop = last.j["properties"]["currentStatus"]["currentSubStateDetails"]["dbDetails"]["shop"];
        QCOMPARE(QString::fromStdString(shop["migrationState"].get<std::string>()), QStringLiteral("WaitingForCutoverTrigger"));
        QCOMPARE(shop["fullLoadCompletedTables"].get<int>(), 1);
        QCOMPARE(shop["fullLoadQueuedTables"].get<int>(), 0);
        QVERIFY(shop.contains("startedOn"));
        // The source's replication support was switched to logical on the way (setupLogicalReplication True).
        r = h->arm("GET", singlePath() + QStringLiteral("/configurations/azure.replication_support?api-version=2017-12-01"), token);
        QCOMPARE(QString::fromStdString(r.j["properties"]["value"].get<std::string>()), QStringLiteral("logical"));

        // Changes made now flow to the target (CDC) and are counted.
        QVERIFY(m_source.execute(QStringLiteral("shop"), QStringLiteral("INSERT INTO items (name, qty) SELECT 'late ' || g, 1 FROM generate_series(1, 10) g;"
                                                                          "UPDATE items SET qty = qty + 1000 WHERE id <= 2; DELETE FROM items WHERE id = 3;"))
                      .has_value());
        QVERIFY2(Harness::waitFor([&] { return tableDigest(m_source, QStringLiteral("shop")) == tableDigest(m_target, QStringLiteral("shop")); }, 60000),
                 qPrintable(tableDigest(m_source, QStringLiteral("shop")) + QLatin1String(" vs ") + tableDigest(m_target, QStringLiteral("shop"))));
        QVERIFY(Harness::waitFor(
            [&] {
                Reply g = get(QStringLiteral("mig1"), v);
                const json &d = g.j["properties"]["currentStatus"]["currentSubStateDetails"]["dbDetails"]["shop"];
                return d.is_object() && d.value("cdcInsertCounter", qint64(0)) >= 10;
            },
            30000));

        // Active list has it; cutover through PATCH; then Succeeded/Completed.
        r = h->arm("GET", flexPath() + QStringLiteral("/migrations") + api(v), token);
        QCOMPARE(r.j["value"].size(), size_t(1));
        r = patch(QStringLiteral("mig1"), v, {{"properties", {{"triggerCutover", "True"}, {"dbsToTriggerCutoverOn", json::array({"shop"})}}}});
        QCOMPARE(r.status, 200);
        const QStringList tail = waitForSubstate(QStringLiteral("mig1"), v, QStringLiteral("Completed"), 120000, &last);
        QVERIFY2(tail.last() == QLatin1String("Completed"), qPrintable(tail.join(u',')));
        QCOMPARE(state(last), QStringLiteral("Succeeded"));
        shop = last.j["properties"]["currentStatus"]["currentSubStateDetails"]["dbDetails"]["shop"];
        QCOMPARE(QString::fromStdString(shop["migrationState"].get<std::string>()), QStringLiteral("Succeeded"));
        QVERIFY(shop.contains("endedOn"));
        QVERIFY(last.j["properties"].contains("migrationWindowEndTimeInUtc"));
        QCOMPARE(tableDigest(m_source, QStringLiteral("shop")), tableDigest(m_target, QStringLiteral("shop")));
        QCOMPARE(h->emu->activeRunners(), 0);
        QCOMPARE(slotCount(), 0);
        QCOMPARE(subscriptionCount(), 0);

        // Ended: out of the Active list, in All; cannot be patched; its name cannot be reused.
        QCOMPARE(h->arm("GET", flexPath() + QStringLiteral("/migrations") + api(v), token).j["value"].size(), size_t(0));
        QCOMPARE(h->arm("GET", flexPath() + QStringLiteral("/migrations?migrationListFilter=All&api-version=") + v, token).j["value"].size(), size_t(1));
        r = patch(QStringLiteral("mig1"), v, {{"properties", {{"triggerCutover", "True"}}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("InvalidMigrationState"));
        json other = body;
        other["properties"]["dbsToMigrate"] = json::array({"spare"});
        QCOMPARE(put(QStringLiteral("mig1"), v, other).status, 409);
        r = h->arm("POST", flexPath() + QStringLiteral("/checkMigrationNameAvailability") + api(v), token,
                   R"({"name":"mig1","type":"Microsoft.DBforPostgreSQL/flexibleServers/migrations"})");
        QCOMPARE(r.j["nameAvailable"].get<bool>(), false);
        QCOMPARE(QString::fromStdString(r.j["reason"].get<std::string>()), QStringLiteral("AlreadyExists"));
    }

    // Faults during a migration: a create whose answer is lost (the connection drops after the service
    // processed it; QNetworkAccessManager even resends it twice) must not make a second migration, and
    // throttled/5xx polls must not disturb the run.
    void faultsDoNotDuplicateSideEffects()
    {
        const QString v = QStringLiteral("2024-08-01");
        fm::emulator::FaultConfig drop;
        drop.dropEveryNth = 1;
        h->emu->setFaults(drop);
        const json body = create2024({QStringLiteral("spare")}, true, QStringLiteral("Offline"), true);
        Reply r = put(QStringLiteral("flaky"), v, body);
        QCOMPARE(r.status, 0); // the client never saw an answer
        h->emu->setFaults({});
        // The client retries the same PUT: idempotent 200, still one migration.
        r = put(QStringLiteral("flaky"), v, body);
        QCOMPARE(r.status, 200);
        QCOMPARE(h->arm("GET", flexPath() + QStringLiteral("/migrations?migrationListFilter=All&api-version=") + v, token).j["value"].size(), size_t(1));

        fm::emulator::FaultConfig noisy;
        noisy.throttleEveryNth = 3;
        noisy.error503Rate = 0.2;
        noisy.seed = 11;
        h->emu->setFaults(noisy);
        QString finalState;
        QVERIFY(Harness::waitFor(
            [&] {
                Reply g = get(QStringLiteral("flaky"), v);
                if (g.status != 200)
                    return false; // 429/503: poll again, as a client does
                finalState = state(g);
                return substate(g) == QLatin1String("Completed");
            },
            180000));
        h->emu->setFaults({});
        QCOMPARE(finalState, QStringLiteral("Succeeded")); // offline: cut over by itself
        QVERIFY(m_target.query(QStringLiteral("spare"), QStringLiteral("SELECT 1 FROM items LIMIT 1")).has_value());
        QCOMPARE(tableDigest(m_source, QStringLiteral("spare")), tableDigest(m_target, QStringLiteral("spare")));
        QCOMPARE(slotCount(), 0);
    }

    void validateOnly()
    {
        const QString v = QStringLiteral("2024-08-01");
        json body = create2024({QStringLiteral("legacy")}, true, QStringLiteral("Offline"), true);
        body["properties"]["migrationOption"] = "Validate";
        QCOMPARE(put(QStringLiteral("check1"), v, body).status, 201);
        Reply last;
        const QStringList seen = waitForSubstate(QStringLiteral("check1"), v, QStringLiteral("Completed"), 30000, &last);
        QCOMPARE(seen.last(), QStringLiteral("Completed"));
        QCOMPARE(state(last), QStringLiteral("Succeeded"));
        const json &details = last.j["properties"]["currentStatus"]["currentSubStateDetails"];
        QVERIFY(details["dbDetails"] == json::object()); // nothing migrated
        QCOMPARE(QString::fromStdString(details["validationDetails"]["status"].get<std::string>()), QStringLiteral("Succeeded"));
        QCOMPARE(details["validationDetails"]["serverLevelValidationDetails"].size(), size_t(3));
        QCOMPARE(QString::fromStdString(details["validationDetails"]["dbLevelValidationDetails"][0]["databaseName"].get<std::string>()), QStringLiteral("legacy"));
        QCOMPARE(h->emu->activeRunners(), 0);
    }

    void windowThenStartNow()
    {
        const QString v = QStringLiteral("2024-08-01");
        json body = create2024({QStringLiteral("spare")}, true, QStringLiteral("Offline"), true);
        body["properties"]["migrationWindowStartTimeInUtc"] = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate).toStdString();
        QCOMPARE(put(QStringLiteral("later"), v, body).status, 201);
        Reply last;
        QStringList seen = waitForSubstate(QStringLiteral("later"), v, QStringLiteral("WaitingForDataMigrationWindow"), 30000, &last);
        QVERIFY2(seen.last() == QLatin1String("WaitingForDataMigrationWindow"), qPrintable(seen.join(u',')));
        QCOMPARE(state(last), QStringLiteral("InProgress"));
        QTest::qWait(500);
        QCOMPARE(substate(get(QStringLiteral("later"), v)), QStringLiteral("WaitingForDataMigrationWindow")); // it really waits
        QCOMPARE(patch(QStringLiteral("later"), v, {{"properties", {{"startDataMigration", "True"}}}}).status, 200);
        seen = waitForSubstate(QStringLiteral("later"), v, QStringLiteral("Completed"), 180000, &last);
        QCOMPARE(seen.last(), QStringLiteral("Completed"));
        QCOMPARE(state(last), QStringLiteral("Succeeded")); // offline: cut over by itself
        QCOMPARE(tableDigest(m_source, QStringLiteral("spare")), tableDigest(m_target, QStringLiteral("spare")));
    }

    void runnerFailureEndsFailed()
    {
        FailingRunner::cleanups = 0;
        h->emu->setRunnerFactory([](const QString &) { return std::make_unique<FailingRunner>(); });
        const QString v = QStringLiteral("2024-08-01");
        QCOMPARE(put(QStringLiteral("doomed"), v, create2024({QStringLiteral("legacy")}, true, QStringLiteral("Online"), true)).status, 201);
        Reply last;
        const QStringList seen = waitForSubstate(QStringLiteral("doomed"), v, QStringLiteral("Completed"), 30000, &last);
        QCOMPARE(seen.last(), QStringLiteral("Completed"));
        QCOMPARE(state(last), QStringLiteral("Failed"));
        const QString error = QString::fromStdString(last.j["properties"]["currentStatus"]["error"].get<std::string>());
        QVERIFY2(error.startsWith(QLatin1String("legacy: relation")), qPrintable(error));
        const json &db = last.j["properties"]["currentStatus"]["currentSubStateDetails"]["dbDetails"]["legacy"];
        QCOMPARE(QString::fromStdString(db["migrationState"].get<std::string>()), QStringLiteral("Failed"));
        QVERIFY(QString::fromStdString(db["message"].get<std::string>()).contains(QLatin1String("replica identity")));
        QCOMPARE(db["fullLoadErroredTables"].get<int>(), 1);
        QCOMPARE(FailingRunner::cleanups, 1);
        // Failed: the target is free again, the name is not.
        QCOMPARE(put(QStringLiteral("doomed"), v, create2024({QStringLiteral("spare")}, true)).status, 409);
    }

    // Seed era: the AAD app is checked; without setupLogicalReplication the migration waits for the request.
    void seedEraReplicationSetupAndDelete()
    {
        const QString v = QStringLiteral("2021-06-15-privatepreview");
        Reply r = put(QStringLiteral("legacy-1"), v, create2021({QStringLiteral("legacy")}, kSecret));
        QCOMPARE(r.status, 201);
        QCOMPARE(substate(r), QStringLiteral("PerformingPreRequisiteSteps")); // the 2021 spec example shape
        QVERIFY(r.j["properties"]["secretParameters"]["adminCredentials"] == json::object());
        QVERIFY(!r.j["properties"]["secretParameters"]["aadApp"].contains("aadSecret"));
        QCOMPARE(r.j["properties"]["setupLogicalReplicationOnSourceDBIfNeeded"].get<bool>(), false);

        Reply last;
        QStringList seen = waitForSubstate(QStringLiteral("legacy-1"), v, QStringLiteral("WaitingForLogicalReplicationSetupRequestOnSourceDB"), 30000, &last);
        QVERIFY2(seen.last() == QLatin1String("WaitingForLogicalReplicationSetupRequestOnSourceDB"), qPrintable(seen.join(u',') + QString::fromUtf8(last.body)));
        QCOMPARE(state(last), QStringLiteral("WaitingForUserAction"));
        QCOMPARE(slotCount(), 0); // nothing started yet

        // A PATCH with a 2024-only property is refused in this api-version.
        r = patch(QStringLiteral("legacy-1"), v, {{"properties", {{"cancel", "True"}}}});
        QCOMPARE(r.status, 400);
        r = patch(QStringLiteral("legacy-1"), v, {{"properties", {{"setupLogicalReplicationOnSourceDBIfNeeded", true}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.j["properties"]["setupLogicalReplicationOnSourceDBIfNeeded"].get<bool>(), true);
        seen = waitForSubstate(QStringLiteral("legacy-1"), v, QStringLiteral("WaitingForCutoverTrigger"), 180000, &last);
        QVERIFY2(seen.last() == QLatin1String("WaitingForCutoverTrigger"), qPrintable(seen.join(u',') + QString::fromUtf8(last.body)));
        QCOMPARE(tableDigest(m_source, QStringLiteral("legacy")), tableDigest(m_target, QStringLiteral("legacy")));

        // DELETE stops it (200 with the body), removes the replication objects, keeps the name taken.
        r = h->arm("DELETE", migration(QStringLiteral("legacy-1"), v), token);
        QCOMPARE(r.status, 200);
        QCOMPARE(QString::fromStdString(r.j["name"].get<std::string>()), QStringLiteral("legacy-1"));
        QCOMPARE(get(QStringLiteral("legacy-1"), v).status, 404);
        QVERIFY(Harness::waitFor([&] { return h->emu->activeRunners() == 0 && slotCount() == 0 && subscriptionCount() == 0; }, 60000));
        QCOMPARE(h->arm("DELETE", migration(QStringLiteral("legacy-1"), v), token).status, 204);
        QCOMPARE(put(QStringLiteral("legacy-1"), v, create2021({QStringLiteral("legacy")}, kSecret)).status, 409);
    }

    void seedEraBadAadSecretFails()
    {
        const QString v = QStringLiteral("2021-06-15-privatepreview");
        QCOMPARE(put(QStringLiteral("badsecret"), v, create2021({QStringLiteral("spare")}, QStringLiteral("wrong"))).status, 201);
        Reply last;
        const QStringList seen = waitForSubstate(QStringLiteral("badsecret"), v, QStringLiteral("Completed"), 30000, &last);
        QCOMPARE(seen.last(), QStringLiteral("Completed"));
        QCOMPARE(state(last), QStringLiteral("Failed"));
        const QString error = QString::fromStdString(last.j["properties"]["currentStatus"]["error"].get<std::string>());
        QVERIFY2(error.contains(QLatin1String("AADSTS7000215")), qPrintable(error));
        QVERIFY(!last.body.contains("wrong"));
        // A failed migration cannot be restarted: PATCH refused, the name stays taken, a new name works.
        QCOMPARE(patch(QStringLiteral("badsecret"), v, {{"properties", {{"startDataMigration", true}}}}).code(), QStringLiteral("InvalidMigrationState"));
        QCOMPARE(put(QStringLiteral("badsecret"), v, create2021({QStringLiteral("spare")}, kSecret)).status, 409);
    }

    void overwriteConfirmationAndCancel()
    {
        // "spare" already exists on the target (with a table): the migration waits for the confirmation.
        if (!m_target.query(QStringLiteral("spare"), QStringLiteral("SELECT 1")))
            QVERIFY(m_target.createDatabase(QStringLiteral("spare")).has_value());
        QVERIFY(m_target.execute(QStringLiteral("spare"), QStringLiteral("CREATE TABLE IF NOT EXISTS leftover (x int)")).has_value());
        const QString v = QStringLiteral("2024-08-01");
        QCOMPARE(put(QStringLiteral("again"), v, create2024({QStringLiteral("spare")}, true)).status, 201);
        Reply last;
        QStringList seen = waitForSubstate(QStringLiteral("again"), v, QStringLiteral("WaitingForTargetDBOverwriteConfirmation"), 30000, &last);
        QVERIFY2(seen.last() == QLatin1String("WaitingForTargetDBOverwriteConfirmation"), qPrintable(seen.join(u',')));
        QCOMPARE(patch(QStringLiteral("again"), v, {{"properties", {{"overwriteDbsInTarget", "True"}}}}).status, 200);
        seen = waitForSubstate(QStringLiteral("again"), v, QStringLiteral("WaitingForCutoverTrigger"), 180000, &last);
        QVERIFY2(seen.last() == QLatin1String("WaitingForCutoverTrigger"), qPrintable(seen.join(u',') + QString::fromUtf8(last.body)));

        // Cancel (2024: PATCH cancel) -> Canceled/Completed, objects removed, target left as it is.
        const Reply r = patch(QStringLiteral("again"), v, {{"properties", {{"cancel", "True"}, {"dbsToCancelMigrationOn", json::array({"spare"})}}}});
        QCOMPARE(r.status, 200);
        seen = waitForSubstate(QStringLiteral("again"), v, QStringLiteral("Completed"), 60000, &last);
        QCOMPARE(seen.last(), QStringLiteral("Completed"));
        QCOMPARE(state(last), QStringLiteral("Canceled"));
        QCOMPARE(QString::fromStdString(last.j["properties"]["currentStatus"]["currentSubStateDetails"]["dbDetails"]["spare"]["migrationState"].get<std::string>()),
                 QStringLiteral("Canceled"));
        QVERIFY(Harness::waitFor([&] { return slotCount() == 0 && subscriptionCount() == 0; }, 30000));
        // A canceled migration's name cannot be reused; the target is free for a new one.
        QCOMPARE(put(QStringLiteral("again"), v, create2024({QStringLiteral("legacy")}, true)).status, 409);
        QCOMPARE(put(QStringLiteral("again2"), v, create2024({QStringLiteral("shop")}, true, QStringLiteral("Online"), true)).status, 201);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorMigration)
#include "tst_emulatormigration.moc"
