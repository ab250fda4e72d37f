// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// One test script for every backend (issue 11, "each backend driven through the
// same test script"), through the MigrationManager the app uses: create,
// progress, cutover, cancel, delete, reattach after a restart (a new manager
// over the same store). `service` and `dms` run against the in-process
// emulator (its ARM/DMS state machines for real, prerequisites against real
// clusters, the data phase scripted: scriptedrunner.h); `direct` runs the real
// engine between two real clusters. DMS: nothing is left in the emulator after
// success, failure, cancel, and after the app was closed in the middle of the
// setup. Groups: more than eight databases become numbered migrations run one
// after another.
#include "tests/emulator/emulatortestsupport.h"
#include "tests/emulator/managertestsupport.h"
#include "tests/emulator/scriptedrunner.h"

#include "engine/auth/clientsecretcredential.h"
#include "engine/migration/dmsbackend.h"
#include "engine/migration/migrationmanager.h"
#include "tests/support/pgcluster.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace fm;
using namespace fm::migration;
using namespace fm::test::emu;
using S = MigrationStatus;

namespace {
QString describe(const S &s)
{
    QString t = toString(s.state) + QLatin1Char('/') + toString(s.subState);
    if (!s.errors.isEmpty())
        t += QStringLiteral(" (") + s.errors.first().message + QLatin1Char(')');
    return t;
}

template<typename T>
QString errorText(const Expected<T> &r)
{
    return r ? QString() : r.error().toDisplayString();
}
} // namespace

class TestBackends : public QObject
{
    Q_OBJECT

    test::PgCluster m_source{[] {
        test::PgClusterOptions o;
        o.name = QStringLiteral("besrc");
        return o;
    }()};
    test::PgCluster m_target{[] {
        test::PgClusterOptions o;
        o.name = QStringLiteral("betgt");
        return o;
    }()};
    std::unique_ptr<Harness> m_h;
    RunnerScript m_script;
    QNetworkAccessManager m_nam;
    std::shared_ptr<http::TokenCredential> m_credential;
    int m_serial = 0;

    QString uniqueName(const QString &base) { return QStringLiteral("%1-%2").arg(base).arg(++m_serial); }

    http::CloudProfile profile() const { return emulatorProfile(*m_h); }

    std::unique_ptr<MigrationManager> manager(const QString &storeDir, const QString &journalDir, bool signIn = true)
    {
        MigrationManager::Options o;
        o.directJournalDirectory = journalDir;
        o.directPollMs = 50;
        o.servicePolling = PollingIntervals{50, 200, 12};
        o.dmsPolling = PollingIntervals{50, 200, 12};
        auto m = std::make_unique<MigrationManager>(MigrationStore(storeDir), o);
        if (signIn)
            m->setAzure(profile(), m_credential);
        return m;
    }

    MigrationSpec spec(Backend backend, const QString &name, const QStringList &dbs)
    {
        if (backend != Backend::Direct)
            return azureSpec(backend, name, dbs); // the tool's own token; 2024-08-01 sends no AAD app
        MigrationSpec s;
        s.name = name;
        s.backend = backend;
        s.source.host = m_source.host();
        s.source.port = m_source.port();
        s.source.user = m_source.superuser();
        s.source.sslMode = QStringLiteral("disable");
        s.target.host = m_target.host();
        s.target.port = m_target.port();
        s.target.user = m_target.superuser();
        s.target.sslMode = QStringLiteral("disable");
        s.databases = dbs;
        return s;
    }

    StartCredentials credentials() const { return startCredentials(m_source, m_target); }
    QStringList create(MigrationManager &m, const MigrationSpec &s) { return createAndWait(m, s, credentials()); }
    static Expected<void> act(std::function<void(ActionCallback)> action, int timeoutMs = 60000) { return actAndWait(action, timeoutMs); }
    /** What the DMS backend of `name` leaves in the emulator: the service, and the firewall rules on both servers. */
    QStringList dmsLeftovers(const QString &name) { return fm::test::emu::dmsLeftovers(*m_h, name); }

private slots:
    void initTestCase()
    {
        auto s = m_source.start();
        QVERIFY2(s.has_value(), qPrintable(errorText(s)));
        auto t = m_target.start();
        QVERIFY2(t.has_value(), qPrintable(errorText(t)));
        qputenv("FLEXMIGRATE_PG_BINDIR", test::PgCluster::binDir().toLocal8Bit());
        for (int i = 1; i <= 10; ++i)
            QVERIFY(m_source.createDatabase(QStringLiteral("db%1").arg(i)).has_value());
        QVERIFY(m_source.createDatabase(QStringLiteral("shop")).has_value());
        QVERIFY(m_source.execute(QStringLiteral("shop"), QStringLiteral("CREATE TABLE items(id int PRIMARY KEY, name text);"
                                                                        "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 2000) g;"))
                    .has_value());

        json config = baseConfig(m_source.port(), m_source.password().reveal(), m_target.port(), m_target.password().reveal());
        config["listPageSize"] = 2; // the lister follows nextLink
        m_h = std::make_unique<Harness>(config);
        m_h->emu->setRunnerFactory([this](const QString &) { return std::make_unique<ScriptedRunner>(m_script); });
        auto cred = auth::ClientSecretCredential::create(&m_nam, emulatorProfile(*m_h), kTenant, kContributor, Secret(kSecret));
        QVERIFY2(cred.has_value(), qPrintable(errorText(cred)));
        m_credential = *cred;
    }

    void init()
    {
        m_script.failCopy = false;
        m_script.copyMs = 400;
    }

    // ---------------------------------------------------------------- service: the user's substates

    /**
     * First (the source still lacks logical replication): the service waits for
     * the replication setup, then the overwrite confirmation (the database exists
     * on the target), then the start of the data migration (scheduled later); each
     * is answered through resolveAction(), and a wrong answer is refused.
     */
    void serviceWaitsForTheUser()
    {
        QVERIFY(m_target.createDatabase(QStringLiteral("db6")).has_value());
        QTemporaryDir store, journals;
        auto m = manager(store.path(), journals.path());
        MigrationSpec s = spec(Backend::Service, uniqueName(QStringLiteral("actions")), {QStringLiteral("db6")});
        s.options.setupLogicalReplication = false;
        s.options.overwriteTargetDatabases = false;
        s.options.startTimeUtc = QDateTime::currentDateTimeUtc().addSecs(3600);
        const QStringList ids = create(*m, s);
        QCOMPARE(ids.size(), 1);
        const QString id = ids.first();
        MigrationBackend *b = m->backend(id);
        QVERIFY(b);
        for (const QString &action : {QStringLiteral("setup-replication"), QStringLiteral("overwrite-dbs"), QStringLiteral("start-data-migration")}) {
            QTRY_VERIFY_WITH_TIMEOUT(m->status(id).requiredAction == action || m->status(id).isTerminal(), 30000);
            const S w = m->status(id);
            QVERIFY2(w.requiredAction == action, qPrintable(describe(w)));
            // The state is the service's (InProgress or WaitingForUserAction by api-version); the substate says it waits.
            QCOMPARE(toString(w.subState), toString(S::SubState::WaitingForInput));
            // Not what it waits for: refused, nothing sent.
            auto wrong = act([&](ActionCallback done) { b->resolveAction(QStringLiteral("db-names"), {QStringLiteral("db6")}, std::move(done)); });
            QVERIFY(!wrong.has_value());
            QCOMPARE(wrong.error().code, QStringLiteral("ActionNotRequired"));
            auto ok = act([&](ActionCallback done) { b->resolveAction(action, {}, std::move(done)); });
            QVERIFY2(ok.has_value(), qPrintable(errorText(ok)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(m->status(id).isReadyForCutover(), 30000);
        auto unknown = act([&](ActionCallback done) { b->resolveAction(QStringLiteral("make-coffee"), {}, std::move(done)); });
        QCOMPARE(unknown.error().code, QStringLiteral("ActionNotSupported"));
        auto c = act([&](ActionCallback done) { b->resolveAction(QStringLiteral("cutover"), {}, std::move(done)); });
        QVERIFY2(c.has_value(), qPrintable(errorText(c)));
        QTRY_VERIFY_WITH_TIMEOUT(m->status(id).isTerminal(), 30000);
        QCOMPARE(toString(m->status(id).state), toString(S::State::Succeeded));
        auto del = act([&](ActionCallback done) { m->remove(id, std::move(done)); });
        QVERIFY2(del.has_value(), qPrintable(errorText(del)));
    }

    // ---------------------------------------------------------------- the script

    void script_data()
    {
        QTest::addColumn<int>("backend");
        QTest::addColumn<QStringList>("databases");
        QTest::newRow("service") << int(Backend::Service) << QStringList{QStringLiteral("db1"), QStringLiteral("db2")};
        QTest::newRow("dms") << int(Backend::Dms) << QStringList{QStringLiteral("db1"), QStringLiteral("db2")};
        QTest::newRow("direct") << int(Backend::Direct) << QStringList{QStringLiteral("shop")};
    }

    /** create -> progress -> (service, dms: restart + reattach) -> cutover -> Succeeded -> (direct: restart) -> delete. */
    void script()
    {
        QFETCH(int, backend);
        QFETCH(QStringList, databases);
        const Backend b = Backend(backend);
        QTemporaryDir store, journals;
        auto m = manager(store.path(), journals.path());
        const QString name = uniqueName(QStringLiteral("script-") + backendName(b));

        // create
        QSignalSpy added(m.get(), &MigrationManager::migrationAdded);
        QStringList seen;
        connect(m.get(), &MigrationManager::statusChanged, this, [&](const QString &, const S &s) { seen << describe(s); });
        const QStringList ids = create(*m, spec(b, name, databases));
        QCOMPARE(ids.size(), 1);
        const QString id = ids.first();
        QCOMPARE(added.count(), 1);
        QCOMPARE(m->ids(), ids);
        QVERIFY(m->backend(id));
        QCOMPARE(m->backend(id)->name(), backendName(b));
        auto rec = m->record(id);
        QVERIFY(rec.has_value());
        QCOMPARE(rec->backend, b);
        QCOMPARE(rec->databases, databases);
        // The record never holds a password (the spec is kept without its references).
        const QByteArray stored = QJsonDocument(toJson(*rec)).toJson();
        QVERIFY(!stored.contains(m_source.password().reveal().toUtf8()));
        QVERIFY(!stored.contains(m_target.password().reveal().toUtf8()));

        // progress, up to ready for cutover
        QTRY_VERIFY_WITH_TIMEOUT(m->status(id).isReadyForCutover() || m->status(id).isTerminal(), 120000);
        QVERIFY2(!m->status(id).isTerminal(), qPrintable(describe(m->status(id))));
        QVERIFY2(seen.first().startsWith(QLatin1String("InProgress")), qPrintable(seen.join(QLatin1String(", "))));
        QCOMPARE(int(m->status(id).databases.size()), int(databases.size()));
        if (b == Backend::Dms) {
            // Every resource was recorded as it was created (5: two firewall rules, service, project, task).
            QTRY_COMPARE(m->record(id)->createdResources.size(), 5);
            QVERIFY(!m->record(id)->migrationResourceId.isEmpty());
        }

        // reattach after a restart: a new manager over the same store observes without creating anything
        if (b != Backend::Direct) {
            m.reset();
            // As the app starts: the store is read before the sign-in; the Azure records are observed once it comes.
            m = manager(store.path(), journals.path(), false);
            m->reattachAll();
            QCOMPARE(m->ids(), ids);
            QVERIFY(!m->backend(id));
            m->setAzure(profile(), m_credential);
            QVERIFY(m->backend(id));
            QTRY_VERIFY_WITH_TIMEOUT(m->status(id).isReadyForCutover(), 30000);
            m->reattachAll(); // idempotent
            QCOMPARE(m->ids(), ids);
        }

        // cutover
        auto cut = act([&](ActionCallback done) { m->backend(id)->cutover(std::move(done)); });
        QVERIFY2(cut.has_value(), qPrintable(errorText(cut)));
        QTRY_VERIFY_WITH_TIMEOUT(m->status(id).isTerminal(), 120000);
        QVERIFY2(m->status(id).state == S::State::Succeeded, qPrintable(describe(m->status(id))));
        QCOMPARE(m->record(id)->lastState.isEmpty(), false);
        if (b == Backend::Dms) {
            QCOMPARE(m->record(id)->createdResources, QStringList{});
            QCOMPARE(dmsLeftovers(name), QStringList{});
        }
        if (b == Backend::Direct) {
            auto rows = m_target.query(QStringLiteral("shop"), QStringLiteral("SELECT count(*) FROM items"));
            QVERIFY2(rows.has_value(), qPrintable(errorText(rows)));
            QCOMPARE(rows->toInt(0, 0), 2000);
            // restart after the end: the record is found with its outcome
            m.reset();
            m = manager(store.path(), journals.path());
            m->reattachAll();
            QCOMPARE(m->ids(), ids);
            QCOMPARE(toString(m->status(id).state), toString(S::State::Succeeded));
        }

        // delete
        QSignalSpy removed(m.get(), &MigrationManager::migrationRemoved);
        auto del = act([&](ActionCallback done) { m->remove(id, std::move(done)); });
        QVERIFY2(del.has_value(), qPrintable(errorText(del)));
        QCOMPARE(removed.count(), 1);
        QVERIFY(m->ids().isEmpty());
        QVERIFY(MigrationStore(store.path()).list().isEmpty());
        if (b == Backend::Direct)
            QVERIFY(m_target.execute(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE shop WITH (FORCE)")).has_value());
    }

    void cancel_data()
    {
        QTest::addColumn<int>("backend");
        QTest::addColumn<QStringList>("databases");
        QTest::newRow("service") << int(Backend::Service) << QStringList{QStringLiteral("db3")};
        QTest::newRow("dms") << int(Backend::Dms) << QStringList{QStringLiteral("db3")};
        QTest::newRow("direct") << int(Backend::Direct) << QStringList{QStringLiteral("shop")};
    }

    /** create -> progress -> cancel -> Canceled (dms: nothing left) -> delete. */
    void cancel()
    {
        QFETCH(int, backend);
        QFETCH(QStringList, databases);
        const Backend b = Backend(backend);
        m_script.copyMs = 3000; // still copying when canceled
        QTemporaryDir store, journals;
        auto m = manager(store.path(), journals.path());
        const QString name = uniqueName(QStringLiteral("cancel-") + backendName(b));
        const QStringList ids = create(*m, spec(b, name, databases));
        QCOMPARE(ids.size(), 1);
        const QString id = ids.first();
        QTRY_VERIFY_WITH_TIMEOUT(m->status(id).state == S::State::InProgress, 30000);
        auto c = act([&](ActionCallback done) { m->backend(id)->cancel(std::move(done)); });
        QVERIFY2(c.has_value(), qPrintable(errorText(c)));
        QTRY_VERIFY_WITH_TIMEOUT(m->status(id).isTerminal(), 60000);
        QVERIFY2(m->status(id).state == S::State::Canceled, qPrintable(describe(m->status(id))));
        if (b == Backend::Dms) {
            QCOMPARE(m->record(id)->createdResources, QStringList{});
            QCOMPARE(dmsLeftovers(name), QStringList{});
        }
        auto del = act([&](ActionCallback done) { m->remove(id, std::move(done)); });
        QVERIFY2(del.has_value(), qPrintable(errorText(del)));
        QVERIFY(MigrationStore(store.path()).list().isEmpty());
        if (b == Backend::Direct)
            (void)m_target.execute(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS shop WITH (FORCE)"));
    }

    // ---------------------------------------------------------------- DMS cleanup

    void dmsFailureCleansUp()
    {
        m_script.failCopy = true;
        QTemporaryDir store, journals;
        auto m = manager(store.path(), journals.path());
        const QString name = uniqueName(QStringLiteral("dmsfail"));
        const QStringList ids = create(*m, spec(Backend::Dms, name, {QStringLiteral("db4")}));
        QCOMPARE(ids.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(m->status(ids.first()).isTerminal(), 60000);
        const S s = m->status(ids.first());
        QVERIFY2(s.state == S::State::Failed, qPrintable(describe(s)));
        QVERIFY(!s.errors.isEmpty());
        QCOMPARE(m->record(ids.first())->createdResources, QStringList{});
        QCOMPARE(dmsLeftovers(name), QStringList{});
    }

    /** The app closes in the middle of the setup; the next start finds the record and deletes what was created. */
    void dmsCleanupAfterTheAppWasClosed()
    {
        QTemporaryDir store, journals;
        const QString name = uniqueName(QStringLiteral("dmsclosed"));
        QString id;
        {
            auto m = manager(store.path(), journals.path());
            std::optional<Expected<QStringList>> r;
            m->create(spec(Backend::Dms, name, {QStringLiteral("db5")}), credentials(), [&](Expected<QStringList> ids) { r = ids; });
            // Closed as soon as the DMS service was recorded (its PUT is on the way), before the task exists.
            QTRY_VERIFY_WITH_TIMEOUT(!m->ids().isEmpty() && m->record(m->ids().first())->createdResources.size() >= 3, 30000);
            id = m->ids().first();
            QVERIFY(m->record(id)->migrationResourceId.isEmpty());
            // Let the service PUT reach the emulator so there is something to clean up.
            QTest::qWait(100);
        }
        auto left = MigrationStore(store.path()).load(id);
        QVERIFY2(left.has_value(), qPrintable(errorText(left)));
        QVERIFY(left->createdResources.size() >= 3);

        auto m = manager(store.path(), journals.path());
        m->reattachAll();
        QTRY_VERIFY_WITH_TIMEOUT(m->status(id).isTerminal(), 60000);
        QCOMPARE(toString(m->status(id).state), toString(S::State::Failed));
        QCOMPARE(m->status(id).rawState, QStringLiteral("SetupInterrupted"));
        QCOMPARE(m->record(id)->createdResources, QStringList{});
        QCOMPARE(MigrationStore(store.path()).load(id)->createdResources, QStringList{});
        QCOMPARE(dmsLeftovers(name), QStringList{});
    }

    // ---------------------------------------------------------------- groups

    /** Ten databases: two numbered migrations on the same target, the second sent when the first succeeded. */
    void groupRunsPartsOneAfterAnother()
    {
        m_script.copyMs = 200;
        QTemporaryDir store, journals;
        auto m = manager(store.path(), journals.path());
        QStringList dbs;
        for (int i = 1; i <= 10; ++i)
            dbs << QStringLiteral("db%1").arg(i);
        const QString name = uniqueName(QStringLiteral("group"));
        QSignalSpy groupChanged(m.get(), &MigrationManager::groupStatusChanged);
        const QStringList ids = create(*m, spec(Backend::Service, name, dbs));
        QCOMPARE(ids.size(), 2);
        // The app signs in again before each create: running backends keep working with their clients.
        m->setAzure(http::CloudProfile::custom(QUrl(m_h->base), QUrl(m_h->base), QStringLiteral("https://management.azure.com/")), m_credential);
        QCOMPARE(m->record(ids[0])->name, name + QStringLiteral("-1"));
        QCOMPARE(m->record(ids[1])->name, name + QStringLiteral("-2"));
        QCOMPARE(m->record(ids[0])->databases.size(), 8);
        QCOMPARE(m->record(ids[1])->databases, (QStringList{QStringLiteral("db9"), QStringLiteral("db10")}));
        const QString groupId = m->record(ids[0])->groupId;
        QVERIFY(!groupId.isEmpty());
        QCOMPARE(m->record(ids[1])->groupId, groupId);
        QCOMPARE(m->groupIds(), QStringList{groupId});
        QCOMPARE(m->ids(), ids);

        // Only the first part runs; the second waits its turn (one active migration per target).
        QVERIFY(m->backend(ids[0]));
        QVERIFY(!m->backend(ids[1]));
        QCOMPARE(toString(m->status(ids[1]).state), toString(S::State::NotStarted));
        QCOMPARE(m->status(ids[1]).rawState, QStringLiteral("Queued"));
        GroupStatus g = m->groupStatus(groupId);
        QCOMPARE(g.total, 2);
        QCOMPARE(g.activeIndex, 1);
        QCOMPARE(g.name, name);
        QCOMPARE(g.databases, dbs);

        QTRY_VERIFY_WITH_TIMEOUT(m->status(ids[0]).isReadyForCutover(), 60000);
        QCOMPARE(toString(m->groupStatus(groupId).state), toString(S::State::WaitingForUser));
        QVERIFY(!m->backend(ids[1]));
        auto cut1 = act([&](ActionCallback done) { m->backend(ids[0])->cutover(std::move(done)); });
        QVERIFY2(cut1.has_value(), qPrintable(errorText(cut1)));
        QTRY_VERIFY_WITH_TIMEOUT(m->backend(ids[1]) != nullptr, 60000);
        QCOMPARE(toString(m->status(ids[0]).state), toString(S::State::Succeeded));
        g = m->groupStatus(groupId);
        QCOMPARE(g.succeeded, 1);
        QCOMPARE(g.activeIndex, 2);

        QTRY_VERIFY_WITH_TIMEOUT(m->status(ids[1]).isReadyForCutover(), 60000);
        auto cut2 = act([&](ActionCallback done) { m->backend(ids[1])->cutover(std::move(done)); });
        QVERIFY2(cut2.has_value(), qPrintable(errorText(cut2)));
        QTRY_VERIFY_WITH_TIMEOUT(m->status(ids[1]).isTerminal(), 60000);
        QCOMPARE(toString(m->status(ids[1]).state), toString(S::State::Succeeded));
        g = m->groupStatus(groupId);
        QCOMPARE(toString(g.state), toString(S::State::Succeeded));
        QCOMPARE(g.succeeded, 2);
        QVERIFY(groupChanged.count() >= 3);

        for (const QString &id : ids) {
            auto del = act([&](ActionCallback done) { m->remove(id, std::move(done)); });
            QVERIFY2(del.has_value(), qPrintable(errorText(del)));
        }
        QVERIFY(MigrationStore(store.path()).list().isEmpty());
    }

    /** After a restart the group is found again; the waiting part needs the passwords (never stored) and starts with resume(). */
    void groupAfterRestartWaitsForResume()
    {
        m_script.copyMs = 200;
        QTemporaryDir store, journals;
        QStringList dbs;
        for (int i = 1; i <= 9; ++i)
            dbs << QStringLiteral("db%1").arg(i);
        QStringList ids;
        {
            auto m = manager(store.path(), journals.path());
            ids = create(*m, spec(Backend::Service, uniqueName(QStringLiteral("grestart")), dbs));
            QCOMPARE(ids.size(), 2);
            QTRY_VERIFY_WITH_TIMEOUT(m->status(ids[0]).isReadyForCutover(), 60000);
        }
        auto m = manager(store.path(), journals.path());
        m->reattachAll();
        QCOMPARE(m->ids(), ids);
        QCOMPARE(m->groupIds().size(), 1);
        QVERIFY(m->backend(ids[0]));
        QVERIFY(!m->backend(ids[1]));
        QTRY_VERIFY_WITH_TIMEOUT(m->status(ids[0]).isReadyForCutover(), 30000);
        auto cut = act([&](ActionCallback done) { m->backend(ids[0])->cutover(std::move(done)); });
        QVERIFY2(cut.has_value(), qPrintable(errorText(cut)));
        QTRY_VERIFY_WITH_TIMEOUT(m->status(ids[0]).state == S::State::Succeeded, 60000);
        QTest::qWait(300);
        QVERIFY(!m->backend(ids[1])); // no passwords in this process: it waits
        QCOMPARE(m->status(ids[1]).rawState, QStringLiteral("Queued"));
        auto wrong = act([&](ActionCallback done) { m->resume(ids[0], credentials(), std::move(done)); });
        QVERIFY(!wrong.has_value());
        auto r = act([&](ActionCallback done) { m->resume(ids[1], credentials(), std::move(done)); });
        QVERIFY2(r.has_value(), qPrintable(errorText(r)));
        QVERIFY(m->backend(ids[1]));
        QTRY_VERIFY_WITH_TIMEOUT(m->status(ids[1]).isReadyForCutover(), 60000);
        QCOMPARE(m->record(ids[1])->databases, QStringList{QStringLiteral("db9")});
        auto cut2 = act([&](ActionCallback done) { m->backend(ids[1])->cutover(std::move(done)); });
        QVERIFY2(cut2.has_value(), qPrintable(errorText(cut2)));
        QTRY_VERIFY_WITH_TIMEOUT(m->status(ids[1]).isTerminal(), 60000);
        QCOMPARE(toString(m->groupStatus(m->groupIds().first()).state), toString(S::State::Succeeded));
        for (const QString &id : ids) {
            auto del = act([&](ActionCallback done) { m->remove(id, std::move(done)); });
            QVERIFY2(del.has_value(), qPrintable(errorText(del)));
        }
    }

    /** A failed part stops its group: the parts after it are never sent. */
    void groupStopsAfterAFailedPart()
    {
        m_script.failCopy = true;
        QTemporaryDir store, journals;
        auto m = manager(store.path(), journals.path());
        QStringList dbs;
        for (int i = 1; i <= 10; ++i)
            dbs << QStringLiteral("db%1").arg(i);
        const QStringList ids = create(*m, spec(Backend::Service, uniqueName(QStringLiteral("gfail")), dbs));
        QCOMPARE(ids.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(m->status(ids[0]).isTerminal() && m->status(ids[1]).isTerminal(), 60000);
        QCOMPARE(toString(m->status(ids[0]).state), toString(S::State::Failed));
        QCOMPARE(toString(m->status(ids[1]).state), toString(S::State::Canceled));
        QVERIFY(!m->backend(ids[1]));
        QCOMPARE(m->status(ids[1]).errors.value(0).code, QStringLiteral("GroupStopped"));
        QCOMPARE(toString(m->groupStatus(m->record(ids[0])->groupId).state), toString(S::State::Failed));
    }

    // ---------------------------------------------------------------- lister

    /** Migrations on a known target that another app (another store) started are found, over several pages, and can be observed. */
    void listerFindsMigrationsThisAppDidNotStart()
    {
        QTemporaryDir mineStore, theirStore, journals;
        auto mine = manager(mineStore.path(), journals.path());
        auto theirs = manager(theirStore.path(), journals.path());
        m_script.copyMs = 5000;
        auto runAndCancel = [&](MigrationManager &m, const QString &name) -> QString {
            const QStringList ids = create(m, spec(Backend::Service, name, {QStringLiteral("db7")}));
            if (ids.size() != 1)
                return {};
            if (!QTest::qWaitFor([&] { return m.status(ids.first()).state == S::State::InProgress; }, 30000))
                return {};
            auto c = act([&](ActionCallback done) { m.backend(ids.first())->cancel(std::move(done)); });
            if (!c || !QTest::qWaitFor([&] { return m.status(ids.first()).isTerminal(); }, 30000))
                return {};
            return ids.first();
        };
        const QString myName = uniqueName(QStringLiteral("mine"));
        const QString theirName1 = uniqueName(QStringLiteral("theirs"));
        const QString theirName2 = uniqueName(QStringLiteral("theirs"));
        QVERIFY(!runAndCancel(*mine, myName).isEmpty());
        QVERIFY(!runAndCancel(*theirs, theirName1).isEmpty());
        QVERIFY(!runAndCancel(*theirs, theirName2).isEmpty());

        std::optional<Expected<QList<DiscoveredMigration>>> found;
        mine->discover([&](Expected<QList<DiscoveredMigration>> r) { found = r; });
        QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 30000);
        QVERIFY2(found->has_value(), qPrintable(errorText(*found)));
        QStringList names;
        for (const auto &d : **found) {
            names << d.name;
            QCOMPARE(d.targetResourceId, flexPath());
        }
        QVERIFY2(names.contains(theirName1) && names.contains(theirName2), qPrintable(names.join(QLatin1String(", "))));
        QVERIFY(!names.contains(myName)); // started by this app
        QVERIFY2(names.size() >= 3, "more than one page (listPageSize 2) was read");
        for (const auto &d : **found)
            if (d.name == theirName1)
                QCOMPARE(toString(d.status.state), toString(S::State::Canceled));

        std::optional<Expected<QStringList>> observed;
        mine->observeExisting(flexPath(), theirName1, [&](Expected<QStringList> r) { observed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(observed.has_value(), 30000);
        QVERIFY2(observed->has_value(), qPrintable(errorText(*observed)));
        const QString id = (*observed)->first();
        QCOMPARE(toString(mine->status(id).state), toString(S::State::Canceled));
        QCOMPARE(mine->record(id)->name, theirName1);
        QVERIFY(mine->record(id)->extra.value(QStringLiteral("discovered")).toBool());
        // Now known: not offered again.
        found.reset();
        mine->discover([&](Expected<QList<DiscoveredMigration>> r) { found = r; });
        QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 30000);
        QVERIFY(found->has_value());
        for (const auto &d : **found)
            QVERIFY(d.name != theirName1);
    }

    /** A bad spec is refused with its problem, and nothing is stored or sent. */
    void createRefusesABadSpec()
    {
        QTemporaryDir store, journals;
        auto m = manager(store.path(), journals.path());
        MigrationSpec s = spec(Backend::Dms, uniqueName(QStringLiteral("bad")), {QStringLiteral("db1")});
        s.dmsSubnetId.clear();
        std::optional<Expected<QStringList>> r;
        m->create(s, credentials(), [&](Expected<QStringList> ids) { r = ids; });
        QVERIFY(!r.has_value()); // never from inside the call
        QTRY_VERIFY(r.has_value());
        QVERIFY(!r->has_value());
        QCOMPARE(r->error().code, QStringLiteral("MissingSubnet"));
        QVERIFY(m->ids().isEmpty());
        QVERIFY(MigrationStore(store.path()).list().isEmpty());
    }

    void cleanupTestCase() { m_h.reset(); }
};

QTEST_GUILESS_MAIN(TestBackends)
#include "tst_backends.moc"
