// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The service backend against the fake network manager (issue 11): a scripted
// migration from create to Succeeded with exact requests, the ordered statuses,
// the switch between fast and slow polling, one request in flight at most,
// polling stopped at terminal, one PATCH for a double cutover; Retry-After
// through the HttpClient; cancel (PATCH) and delete (DELETE).
#include "engine/migration/armstatusmapper.h"
#include "engine/migration/servicebackend.h"
#include "tests/engine/arm/clienttestsupport.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fm;
using namespace fm::migration;
using namespace fm::test;

namespace {

const QString kSource = QStringLiteral("/subscriptions/%1/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/single-src").arg(kSub);
const QString kTarget = QStringLiteral("/subscriptions/%1/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/flex-tgt").arg(kSub);
const QString kMigration = kTarget + QStringLiteral("/migrations/mig1");
const QString kApi = QStringLiteral("?api-version=2024-08-01");

constexpr int kFast = 20;
constexpr int kSlow = 2000; // long enough that only refresh() (not the timer) reads the status after the switch

MigrationSpec spec()
{
    MigrationSpec s;
    s.name = QStringLiteral("mig1");
    s.backend = Backend::Service;
    s.location = QStringLiteral("westeurope");
    s.source.resourceId = kSource;
    s.source.user = QStringLiteral("admin");
    s.source.passwordRef = QStringLiteral("keychain:src");
    s.target.resourceId = kTarget;
    s.target.user = QStringLiteral("tadmin");
    s.target.passwordRef = QStringLiteral("keychain:tgt");
    s.databases = {QStringLiteral("sales"), QStringLiteral("crm")};
    s.aadApp.useAzureCli = true; // the tool's own token; 2024-08-01 sends no AAD app
    return s;
}

StartCredentials credentials()
{
    StartCredentials c;
    c.sourcePassword = Secret(QStringLiteral("src-pw-1"));
    c.targetPassword = Secret(QStringLiteral("tgt-pw-2"));
    return c;
}

/** A 2024-08-01 migration resource in `state`/`subState` (empty: absent, as in the 201 after create). */
QByteArray resource(const QString &state, const QString &subState, bool triggerCutover = false)
{
    QString details = subState.isEmpty() ? QString() : QStringLiteral(", \"currentSubStateDetails\": {\"currentSubState\": \"%1\"}").arg(subState);
    return QStringLiteral(R"({"name": "mig1", "id": "%1", "type": "Microsoft.DBforPostgreSQL/flexibleServers/migrations",
 "properties": {"currentStatus": {"state": "%2"%3}, "migrationMode": "Online", "dbsToMigrate": ["sales", "crm"], "triggerCutover": "%4"}})")
        .arg(kMigration, state, details, triggerCutover ? QStringLiteral("True") : QStringLiteral("False"))
        .toUtf8();
}

QString describe(const MigrationStatus &s)
{
    QString t = toString(s.state) + QLatin1Char('/') + toString(s.subState);
    if (!s.requiredAction.isEmpty())
        t += QLatin1Char('/') + s.requiredAction;
    return t;
}

QString line(const RecordedRequest &r)
{
    return QString::fromLatin1(r.method) + QLatin1Char(' ') + r.url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority);
}

/** Records everything a backend reports, in order. */
struct Recorder {
    QStringList statuses;
    QList<int> scheduled;
    int finished = 0;
    int maxOpen = 0;

    Recorder(ServiceBackend &b, FakeNetworkAccessManager &nam)
    {
        QObject::connect(&b, &MigrationBackend::statusChanged, &b, [this](const MigrationStatus &s) { statuses << describe(s); });
        QObject::connect(&b, &ServiceBackend::pollScheduled, &b, [this](int ms) { scheduled << ms; });
        QObject::connect(&b, &MigrationBackend::finished, &b, [this] { ++finished; });
        QObject::connect(&nam, &FakeNetworkAccessManager::requestRecorded, &nam, [this, &nam](int) { maxOpen = std::max(maxOpen, nam.openReplies()); });
    }
};

} // namespace

class TestServiceBackend : public QObject
{
    Q_OBJECT

private slots:
    void scriptedMigrationToSucceeded()
    {
        ClientFixture f;
        const arm::MigrationClient client(f.http.get(), f.profile, arm::MigrationApiVersion::Stable20240801);
        // The GETs answer in this order, each a little late so overlapping requests would show.
        QList<QByteArray> gets = {
            resource(QStringLiteral("InProgress"), QStringLiteral("PerformingPreRequisiteSteps")),
            resource(QStringLiteral("InProgress"), QStringLiteral("MigratingData")),
            resource(QStringLiteral("WaitingForUserAction"), QStringLiteral("WaitingForCutoverTrigger")),
            resource(QStringLiteral("WaitingForUserAction"), QStringLiteral("WaitingForCutoverTrigger")),
            resource(QStringLiteral("InProgress"), QStringLiteral("CompletingMigration"), true),
            resource(QStringLiteral("Succeeded"), QStringLiteral("Completed"), true),
        };
        f.nam.setHandler([&](const RecordedRequest &r) -> std::optional<FakeResponse> {
            FakeResponse a;
            if (r.method == "PUT")
                a = FakeResponse::json(201, resource(QStringLiteral("InProgress"), {}));
            else if (r.method == "PATCH")
                a = FakeResponse::json(200, resource(QStringLiteral("WaitingForUserAction"), QStringLiteral("WaitingForCutoverTrigger"), true));
            else if (r.method == "GET" && !gets.isEmpty())
                a = FakeResponse::json(200, gets.takeFirst());
            else
                return std::nullopt; // 599: unexpected
            a.delayMs = 15;
            return a;
        });

        ServiceBackend backend(&client, spec());
        backend.setPollingIntervals({kFast, kSlow, 12});
        Recorder rec(backend, f.nam);

        std::optional<Expected<void>> started;
        backend.start(credentials(), [&](Expected<void> r) { started = r; });
        QVERIFY(!started); // never from inside the call
        QTRY_VERIFY(started.has_value());
        QVERIFY2(started->has_value(), qPrintable(started->error().toDisplayString()));

        // Fast polls until the service waits for the cutover, then one slow one.
        QTRY_VERIFY_WITH_TIMEOUT(rec.scheduled.contains(kSlow), 5000);
        QCOMPARE(backend.status().requiredAction, QStringLiteral("cutover"));
        QCOMPARE(toString(backend.status().state), toString(MigrationStatus::State::WaitingForUser));

        // Read now (the GET is in flight), then ask for the cutover twice: the PATCH waits
        // behind the GET, and the second request is refused without sending anything.
        backend.refresh();
        QVERIFY(backend.isRequestInFlight());
        std::optional<Expected<void>> first, second;
        backend.cutover([&](Expected<void> r) { first = r; });
        backend.cutover([&](Expected<void> r) { second = r; });
        QTRY_VERIFY(first.has_value() && second.has_value());
        QVERIFY2(first->has_value(), qPrintable(first->error().toDisplayString()));
        QVERIFY(!second->has_value());
        QCOMPARE(second->error().code, QStringLiteral("CutoverInProgress"));

        QTRY_COMPARE_WITH_TIMEOUT(rec.finished, 1, 5000);
        QCOMPARE(toString(backend.status().state), toString(MigrationStatus::State::Succeeded));
        QVERIFY(!backend.isPolling());
        // Stopped at terminal: nothing more is sent.
        const auto sent = f.nam.requests().size();
        QTest::qWait(kFast * 10);
        QCOMPARE(f.nam.requests().size(), sent);

        QStringList lines;
        for (const auto &r : f.nam.requests())
            lines << line(r);
        const QString get = QStringLiteral("GET ") + kMigration + kApi;
        QCOMPARE(lines, (QStringList{QStringLiteral("PUT ") + kMigration + kApi, get, get, get, get, QStringLiteral("PATCH ") + kMigration + kApi, get, get}));
        // Exact bodies: the create from the spec with the passwords given at start, and one cutover of every database.
        QCOMPARE(canonicalJson(f.nam.requests().at(0).body),
                 canonicalJson(QStringLiteral(R"({"location": "westeurope", "properties": {"sourceDbServerResourceId": "%1",
                     "secretParameters": {"adminCredentials": {"sourceServerPassword": "src-pw-1", "targetServerPassword": "tgt-pw-2"},
                                          "sourceServerUsername": "admin", "targetServerUsername": "tadmin"},
                     "dbsToMigrate": ["sales", "crm"], "sourceType": "PostgreSQLSingleServer", "setupLogicalReplicationOnSourceDbIfNeeded": "False",
                     "overwriteDbsInTarget": "False", "migrationMode": "Online"}})")
                                   .arg(kSource)
                                   .toUtf8()));
        QCOMPARE(canonicalJson(f.nam.requests().at(5).body), canonicalJson(R"({"properties": {"triggerCutover": "True", "dbsToTriggerCutoverOn": ["sales", "crm"]}})"));

        QCOMPARE(rec.statuses, (QStringList{"InProgress/None", "InProgress/Preparing", "InProgress/CopyingData", "WaitingForUser/ReadyForCutover/cutover",
                                            "InProgress/CuttingOver", "Succeeded/Completed"}));
        // After create, prerequisites, data: fast; waiting for the trigger: slow; after the accepted PATCH and while completing: fast.
        QCOMPARE(rec.scheduled, (QList<int>{kFast, kFast, kFast, kSlow, kFast, kFast}));
        QCOMPARE(rec.maxOpen, 1);
    }

    void retryAfterHonouredWhilePolling()
    {
        ClientFixture f;
        const arm::MigrationClient client(f.http.get(), f.profile, arm::MigrationApiVersion::Stable20240801);
        f.nam.enqueue(FakeResponse::json(429, R"({"error": {"code": "TooManyRequests", "message": "slow down"}})").header("Retry-After", "7"));
        f.nam.enqueue(FakeResponse::json(200, resource(QStringLiteral("Succeeded"), QStringLiteral("Completed"))));
        ServiceBackend backend(&client, spec());
        backend.setPollingIntervals({kFast, kSlow, 12});
        Recorder rec(backend, f.nam);
        std::optional<Expected<void>> observed;
        backend.observe([&](Expected<void> r) { observed = r; });
        QTRY_VERIFY(observed.has_value());
        QVERIFY2(observed->has_value(), qPrintable(observed->error().toDisplayString()));
        QCOMPARE(f.waits, QList<int>{7000});
        QCOMPARE(int(f.nam.requests().size()), 2);
        QCOMPARE(rec.statuses, QStringList{"Succeeded/Completed"});
        QCOMPARE(rec.finished, 1);
        QVERIFY(rec.scheduled.isEmpty());
        QVERIFY(!backend.isPolling());
    }

    void cancelThenDelete()
    {
        ClientFixture f;
        const arm::MigrationClient client(f.http.get(), f.profile, arm::MigrationApiVersion::Stable20240801);
        f.nam.enqueue(FakeResponse::json(200, resource(QStringLiteral("InProgress"), QStringLiteral("MigratingData"))));
        f.nam.enqueue(FakeResponse::json(200, resource(QStringLiteral("Canceled"), QStringLiteral("Completed"))));
        f.nam.enqueue(FakeResponse::empty(204));
        ServiceBackend backend(&client, spec());
        backend.setPollingIntervals({kSlow, kSlow, 0});
        Recorder rec(backend, f.nam);
        std::optional<Expected<void>> observed, cancelled, removed;
        backend.observe([&](Expected<void> r) { observed = r; });
        QTRY_VERIFY(observed.has_value());
        backend.cancel([&](Expected<void> r) { cancelled = r; });
        QTRY_VERIFY(cancelled.has_value());
        QVERIFY2(cancelled->has_value(), qPrintable(cancelled->error().toDisplayString()));
        QCOMPARE(toString(backend.status().state), toString(MigrationStatus::State::Canceled));
        QCOMPARE(rec.finished, 1);
        QVERIFY(!backend.isPolling());
        // Cutover after the end is refused locally.
        std::optional<Expected<void>> late;
        backend.cutover([&](Expected<void> r) { late = r; });
        QTRY_VERIFY(late.has_value());
        QCOMPARE(late->error().code, QStringLiteral("AlreadyFinished"));
        backend.remove([&](Expected<void> r) { removed = r; });
        QTRY_VERIFY(removed.has_value());
        QVERIFY2(removed->has_value(), qPrintable(removed->error().toDisplayString()));
        QStringList lines;
        for (const auto &r : f.nam.requests())
            lines << line(r);
        QCOMPARE(lines, (QStringList{"GET " + kMigration + kApi, "PATCH " + kMigration + kApi, "DELETE " + kMigration + kApi}));
        QCOMPARE(canonicalJson(f.nam.requests().at(1).body), canonicalJson(R"({"properties": {"cancel": "True"}})"));
        QCOMPARE(rec.finished, 1);
        QCOMPARE(rec.statuses, (QStringList{"InProgress/CopyingData", "Canceled/Completed"}));
    }

    void actionRequests_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QStringList>("expected"); ///< method + body of the request after the first GET
        const QString waiting = QStringLiteral("WaitingForUserAction");
        QTest::newRow("2024 cutover of one database") << int(arm::MigrationApiVersion::Stable20240801) << "cutover:crm"
                                                      << QStringList{"PATCH", R"({"properties":{"dbsToTriggerCutoverOn":["crm"],"triggerCutover":"True"}})"};
        QTest::newRow("2021 cutover of the whole migration") << int(arm::MigrationApiVersion::PrivatePreview20210615) << "cutover:"
                                                             << QStringList{"PATCH", R"({"properties":{"triggerCutover":true}})"};
        // 2021-06-15-privatepreview has no cancel property: deleting the migration cancels it.
        QTest::newRow("2021 cancel is a delete") << int(arm::MigrationApiVersion::PrivatePreview20210615) << "cancel" << QStringList{"DELETE", ""};
        QTest::newRow("2024 cancel") << int(arm::MigrationApiVersion::Stable20240801) << "cancel" << QStringList{"PATCH", R"({"properties":{"cancel":"True"}})"};
    }
    void actionRequests()
    {
        QFETCH(int, version);
        QFETCH(QString, action);
        QFETCH(QStringList, expected);
        ClientFixture f;
        const arm::MigrationClient client(f.http.get(), f.profile, arm::MigrationApiVersion(version));
        f.nam.enqueue(FakeResponse::json(200, resource(QStringLiteral("WaitingForUserAction"), QStringLiteral("WaitingForCutoverTrigger"))));
        f.nam.enqueue(expected[0] == QLatin1String("DELETE") ? FakeResponse::empty(204)
                                                               : FakeResponse::json(200, resource(QStringLiteral("WaitingForUserAction"), QStringLiteral("WaitingForCutoverTrigger"), true)));
        ServiceBackend backend(&client, spec());
        backend.setPollingIntervals({kSlow, kSlow, 0});
        std::optional<Expected<void>> observed, acted;
        backend.observe([&](Expected<void> r) { observed = r; });
        QTRY_VERIFY(observed.has_value());
        QVERIFY(observed->has_value());
        auto done = [&](Expected<void> r) { acted = r; };
        if (action.startsWith(QLatin1String("cutover:"))) {
            const QString dbs = action.mid(8);
            backend.cutover(dbs.isEmpty() ? QStringList() : dbs.split(QLatin1Char(',')), done);
        } else {
            backend.cancel(done);
        }
        QTRY_VERIFY(acted.has_value());
        QVERIFY2(acted->has_value(), qPrintable(acted->error().toDisplayString()));
        QCOMPARE(int(f.nam.requests().size()), 2);
        const auto &r = f.nam.requests().at(1);
        QCOMPARE(QString::fromLatin1(r.method), expected[0]);
        QCOMPARE(r.url.path(), QString(kMigration));
        QCOMPARE(canonicalJson(r.body), canonicalJson(expected[1].toUtf8()));
    }

    void reattachAfterRestart()
    {
        // Run 1 creates the migration and stores its record (no secret); "the app restarts";
        // run 2 loads the record and observes the same migration without creating it again.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const MigrationStore store(dir.path());
        ClientFixture f;
        const arm::MigrationClient client(f.http.get(), f.profile, arm::MigrationApiVersion::Stable20240801);
        f.nam.enqueue(FakeResponse::json(201, resource(QStringLiteral("InProgress"), {})));
        {
            ServiceBackend first(&client, spec());
            first.setPollingIntervals({kSlow, kSlow, 0});
            std::optional<Expected<void>> started;
            first.start(credentials(), [&](Expected<void> r) { started = r; });
            QTRY_VERIFY(started.has_value());
            QVERIFY(started->has_value());
            StoredMigration rec = first.record();
            rec.id = QStringLiteral("11111111-2222-3333-4444-555555555555");
            rec.createdUtc = QDateTime::currentDateTimeUtc();
            QCOMPARE(rec.migrationResourceId, kMigration);
            QCOMPARE(rec.apiVersion, QStringLiteral("2024-08-01"));
            QCOMPARE(rec.databases, (QStringList{"sales", "crm"}));
            QCOMPARE(rec.lastState, QStringLiteral("InProgress"));
            QVERIFY(store.save(rec).has_value());
        } // destroyed: its timer and any request go with it
        const QStringList files = QDir(dir.path()).entryList(QDir::Files);
        QCOMPARE(int(files.size()), 1);
        QFile saved(dir.filePath(files.first()));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray text = saved.readAll();
        QVERIFY(text.contains("mig1"));
        QVERIFY(!text.contains("src-pw-1") && !text.contains("tgt-pw-2"));

        f.nam.enqueue(FakeResponse::json(200, resource(QStringLiteral("WaitingForUserAction"), QStringLiteral("WaitingForCutoverTrigger"))));
        auto loaded = store.load(QStringLiteral("11111111-2222-3333-4444-555555555555"));
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().toDisplayString()));
        ServiceBackend second(&client, ServiceBackend::specForReattach(*loaded));
        second.setPollingIntervals({kFast, kSlow, 12});
        Recorder rec(second, f.nam);
        std::optional<Expected<void>> observed;
        second.observe([&](Expected<void> r) { observed = r; });
        QTRY_VERIFY(observed.has_value());
        QVERIFY2(observed->has_value(), qPrintable(observed->error().toDisplayString()));
        QCOMPARE(rec.statuses, QStringList{"WaitingForUser/ReadyForCutover/cutover"});
        QCOMPARE(rec.scheduled, QList<int>{kSlow});
        QStringList lines;
        for (const auto &r : f.nam.requests())
            lines << line(r);
        QCOMPARE(lines, (QStringList{"PUT " + kMigration + kApi, "GET " + kMigration + kApi}));
    }

    void goneMigrationStopsPolling()
    {
        // Deleted elsewhere (portal, az): the GET says 404; the backend reports it and stops.
        ClientFixture f;
        const arm::MigrationClient client(f.http.get(), f.profile, arm::MigrationApiVersion::Stable20240801);
        f.nam.enqueue(FakeResponse::json(200, resource(QStringLiteral("InProgress"), QStringLiteral("MigratingData"))));
        f.nam.enqueue(FakeResponse::json(404, R"({"error": {"code": "ResourceNotFound", "message": "The migration 'mig1' was not found."}})"));
        ServiceBackend backend(&client, spec());
        backend.setPollingIntervals({kFast, kSlow, 12});
        Recorder rec(backend, f.nam);
        QList<Error> errors;
        connect(&backend, &ServiceBackend::observationFailed, this, [&](const Error &e) { errors << e; });
        backend.observe({});
        QTRY_COMPARE(rec.finished, 1);
        QCOMPARE(int(errors.size()), 1);
        QCOMPARE(errors[0].code, QStringLiteral("ResourceNotFound"));
        QCOMPARE(errors[0].httpStatus, 404);
        QVERIFY(!backend.isPolling());
        QTest::qWait(kFast * 10);
        QCOMPARE(int(f.nam.requests().size()), 2);
        QCOMPARE(rec.scheduled, QList<int>{kFast});
    }

    void badStartSendsNothing_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("withPasswords");
        QTest::addColumn<QString>("code");
        QTest::newRow("no passwords") << int(arm::MigrationApiVersion::Stable20240801) << false << "MissingPassword";
        QTest::newRow("2021 without AAD secret") << int(arm::MigrationApiVersion::PrivatePreview20210615) << true << "MissingAadSecret";
    }
    void badStartSendsNothing()
    {
        QFETCH(int, version);
        QFETCH(bool, withPasswords);
        QFETCH(QString, code);
        ClientFixture f;
        const arm::MigrationClient client(f.http.get(), f.profile, arm::MigrationApiVersion(version));
        MigrationSpec s = spec();
        s.aadApp.tenantId = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
        s.aadApp.clientId = QStringLiteral("0d2b5e0c-9e1a-4d8c-8c1e-2f5a1b3c4d5e");
        ServiceBackend backend(&client, s);
        std::optional<Expected<void>> started;
        backend.start(withPasswords ? credentials() : StartCredentials{}, [&](Expected<void> r) { started = r; });
        QTRY_VERIFY(started.has_value());
        QVERIFY(!started->has_value());
        QCOMPARE(started->error().code, code);
        QTest::qWait(50);
        QVERIFY(f.nam.requests().isEmpty());
        QVERIFY(!backend.isPolling());
    }

    void pollInterval_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("subState");
        QTest::addColumn<int>("expected");
        QTest::newRow("prerequisites") << "InProgress" << "PerformingPreRequisiteSteps" << kFast;
        QTest::newRow("data") << "InProgress" << "MigratingData" << kFast;
        QTest::newRow("completing") << "InProgress" << "CompletingMigration" << kFast;
        QTest::newRow("cutover trigger") << "WaitingForUserAction" << "WaitingForCutoverTrigger" << kSlow;
        QTest::newRow("replication setup") << "WaitingForUserAction" << "WaitingForLogicalReplicationSetupRequestOnSourceDB" << kSlow;
        QTest::newRow("overwrite") << "WaitingForUserAction" << "WaitingForTargetDBOverwriteConfirmation" << kSlow;
        QTest::newRow("window") << "InProgress" << "WaitingForDataMigrationWindow" << kSlow;
        QTest::newRow("unknown substate") << "InProgress" << "SomethingNew" << kFast;
        QTest::newRow("succeeded") << "Succeeded" << "Completed" << -1;
        QTest::newRow("failed") << "Failed" << "" << -1;
        QTest::newRow("canceled") << "Canceled" << "" << -1;
        QTest::newRow("validation failed") << "ValidationFailed" << "" << -1;
    }
    void pollInterval()
    {
        QFETCH(QString, state);
        QFETCH(QString, subState);
        QFETCH(int, expected);
        auto m = arm::parseMigration(nlohmann::json::parse(resource(state, subState).toStdString()));
        QVERIFY(m.has_value());
        QCOMPARE(ServiceBackend::pollInterval(statusFromArmMigration(*m), {kFast, kSlow, 12}), expected);
    }
};

QTEST_MAIN(TestServiceBackend)
#include "tst_servicebackend.moc"
