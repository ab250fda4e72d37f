// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The dashboard (issue 7) over the Azure backends: DashboardWidget / MigrationView /
// MigrationViewModel fed by a MigrationManager that drives the `service` and `dms`
// backends against the in-process emulator (its ARM and DMS state machines for real,
// prerequisites on two real clusters, the data phase scripted: scriptedrunner.h),
// widgets offscreen. Progress reaches the bars and the list; cutover stays disabled
// until every database is ready; a double click sends exactly one cutover request,
// counted on the emulator's side; the result is shown; cancel and delete confirm
// and leave the emulator clean; a new manager and dashboard over the same store
// show the migration again and keep polling (and stop once it ended); the report
// has the inputs, phases and who pressed cutover, and no secret; migrations that
// ARM lists on a known target server but this app did not start join the list; after a
// restart the app signs in again as the migration's AAD app on its cloud, from a secret
// saved in the keychain or through the sign-in dialog.
#include "app/dashboard/azuresignin.h"
#include "app/dashboard/dashboardwidget.h"
#include "app/dashboard/migrationlistmodel.h"
#include "app/dashboard/migrationreport.h"
#include "app/dashboard/migrationview.h"
#include "app/dashboard/migrationviewmodel.h"
#include "app/dashboard/signindialog.h"
#include "app/dashboard/tableprogressmodel.h"
#include "engine/auth/clientsecretcredential.h"
#include "engine/auth/secretstore.h"
#include "engine/migration/migrationmanager.h"
#include "tests/emulator/emulatortestsupport.h"
#include "tests/emulator/managertestsupport.h"
#include "tests/emulator/scriptedrunner.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace fm;
using namespace fm::migration;
using namespace fm::dashboard;
using namespace fm::test::emu;
using S = MigrationStatus;

namespace {

template<typename T>
QString errorText(const Expected<T> &r)
{
    return r ? QString() : r.error().toDisplayString();
}

QString listCell(const DashboardWidget &d, const QString &id, int column)
{
    return d.listModel()->index(d.listModel()->rowOf(id), column).data().toString();
}

/** The names in the dashboard's list, as shown. */
QStringList listNames(const DashboardWidget &d)
{
    QStringList names;
    for (int r = 0; r < d.listModel()->rowCount(); ++r)
        names << d.listModel()->index(r, MigrationListModel::Name).data().toString();
    return names;
}

/** The system keychain as AzureSignIn sees it, in memory: what was asked for and what was saved. */
struct FakeKeychain {
    QHash<QString, QString> entries;
    QStringList asked;
    int saved = 0;

    void install(AzureSignIn &signIn)
    {
        signIn.setSecretStore(
            [this](const QString &k, QObject *context, std::function<void(Expected<Secret>)> done) {
                asked << k;
                const auto found = entries.constFind(k);
                Expected<Secret> r = found == entries.constEnd() ? Expected<Secret>(fail(Error::validation(QStringLiteral("SecretNotFound"), QStringLiteral("none"))))
                                                                 : Expected<Secret>(Secret(*found));
                QMetaObject::invokeMethod(context, [done, r] { done(r); }, Qt::QueuedConnection);
            },
            [this](const QString &k, const Secret &secret, QObject *context, std::function<void(Expected<void>)> done) {
                ++saved;
                entries.insert(k, secret.reveal());
                QMetaObject::invokeMethod(context, [done] { done({}); }, Qt::QueuedConnection);
            });
    }
};

/** The `backend` column of every test here: the two Azure backends. */
void backendRows()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("service") << int(Backend::Service);
    QTest::newRow("dms") << int(Backend::Dms);
}

} // namespace

class TestDashboardAzure : public QObject
{
    Q_OBJECT

    test::PgCluster m_source{[] {
        test::PgClusterOptions o;
        o.name = QStringLiteral("dazsrc");
        return o;
    }()};
    test::PgCluster m_target{[] {
        test::PgClusterOptions o;
        o.name = QStringLiteral("daztgt");
        return o;
    }()};
    std::unique_ptr<Harness> m_h;
    RunnerScript m_script;
    QNetworkAccessManager m_nam;
    std::shared_ptr<http::TokenCredential> m_credential;
    QTemporaryDir m_dir;
    int m_serial = 0;

    QString uniqueName(const QString &base) { return QStringLiteral("%1-%2").arg(base).arg(++m_serial); }

    std::unique_ptr<MigrationManager> manager(const QString &storeDir, bool signIn = true)
    {
        MigrationManager::Options o;
        o.servicePolling = PollingIntervals{50, 200, 12};
        o.dmsPolling = PollingIntervals{50, 200, 12};
        auto m = std::make_unique<MigrationManager>(MigrationStore(storeDir), o);
        if (signIn)
            m->setAzure(emulatorProfile(*m_h), m_credential);
        return m;
    }

    /** A dashboard over `manager` as the app has it: alice presses the buttons, notifications are only recorded, no periodic ARM listing. */
    static std::unique_ptr<DashboardWidget> dashboardFor(MigrationManager &manager)
    {
        auto d = std::make_unique<DashboardWidget>();
        d->setNotifier([](const QString &, const QString &) {});
        d->setModelSetup([](MigrationViewModel *m) { m->setOperatorName(QStringLiteral("alice")); });
        d->setManager(&manager);
        d->setDiscoveryInterval(0);
        d->resize(1200, 800);
        d->show(); // clicks reach visible widgets only
        return d;
    }

    QStringList create(MigrationManager &m, const MigrationSpec &s) { return createAndWait(m, s, startCredentials(m_source, m_target)); }

    /** The name of the DMS task of a `dms` migration (where the emulator counts its commands). */
    static QString dmsTask(const QString &name, const QStringList &dbs)
    {
        auto names = DmsBackend::namesFor(azureSpec(Backend::Dms, name, dbs));
        return names ? names->task.name() : QString();
    }

    /** The service's view of a `service` migration (GET on ARM, the emulator's side). */
    Reply armMigration(const QString &name)
    {
        return m_h->arm("GET", flexPath() + QStringLiteral("/migrations/") + name + QStringLiteral("?api-version=2024-08-01"), m_h->token(kContributor));
    }
    static QString armState(const Reply &r)
    {
        if (!r.j.is_object())
            return QStringLiteral("(no JSON, HTTP %1)").arg(r.status);
        return QString::fromStdString(r.j.value(json::json_pointer("/properties/currentStatus/state"), std::string()));
    }

    /** What of the secrets leaked into `text` (empty: none): the AAD client secret, both admin passwords, any bearer token. */
    QString secretsIn(const QString &text) const
    {
        QStringList found;
        if (text.contains(kSecret))
            found << QStringLiteral("the AAD client secret");
        if (text.contains(m_source.password().reveal()))
            found << QStringLiteral("the source password");
        if (text.contains(m_target.password().reveal()))
            found << QStringLiteral("the target password");
        if (text.contains(QLatin1String("Bearer"), Qt::CaseInsensitive) || text.contains(QLatin1String("eyJ"))) // eyJ: a JWT's header, base64url of {"
            found << QStringLiteral("a bearer token");
        for (const char *word : {"password", "secret"})
            if (text.contains(QLatin1String(word), Qt::CaseInsensitive))
                found << QStringLiteral("the word \"%1\"").arg(QLatin1String(word));
        return found.join(QLatin1String(", "));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto s = m_source.start();
        QVERIFY2(s.has_value(), qPrintable(errorText(s)));
        auto t = m_target.start();
        QVERIFY2(t.has_value(), qPrintable(errorText(t)));
        qputenv("FLEXMIGRATE_PG_BINDIR", test::PgCluster::binDir().toLocal8Bit());
        for (int i = 1; i <= 6; ++i)
            QVERIFY(m_source.createDatabase(QStringLiteral("db%1").arg(i)).has_value());

        m_h = std::make_unique<Harness>(baseConfig(m_source.port(), m_source.password().reveal(), m_target.port(), m_target.password().reveal()));
        m_h->emu->setRunnerFactory([this](const QString &) { return std::make_unique<ScriptedRunner>(m_script); });
        auto cred = auth::ClientSecretCredential::create(&m_nam, emulatorProfile(*m_h), kTenant, kContributor, Secret(kSecret));
        QVERIFY2(cred.has_value(), qPrintable(errorText(cred)));
        m_credential = *cred;
    }

    void init()
    {
        m_script.failCopy = false;
        m_script.copyMs = 400;
        m_script.cutoverMs = 200;
    }

    void cleanup()
    {
        // One active migration per target server: the next test starts on a quiet emulator.
        QTRY_COMPARE_WITH_TIMEOUT(m_h->emu->activeRunners(), 0, 30000);
    }

    // ------------------------------------------------------------------ the whole run

    void runCutoverReport_data()
    {
        QTest::addColumn<int>("backend");
        QTest::addColumn<bool>("perDatabase");
        // The service takes the cutover of all databases in one PATCH (the emulator refuses a subset);
        // DMS completes database by database, so each database's own button is pressed.
        QTest::newRow("service") << int(Backend::Service) << false;
        QTest::newRow("dms") << int(Backend::Dms) << true;
    }

    /**
     * create -> the bars and the list move while copying, Cutover disabled -> ready: enabled, notified ->
     * double click: one request on the emulator -> Succeeded shown -> report (inputs, phases, alice, no secret).
     */
    void runCutoverReport()
    {
        QFETCH(int, backend);
        QFETCH(bool, perDatabase);
        const Backend b = Backend(backend);
        m_script.copyMs = 2500; // several polls while copying
        const QStringList dbs = {QStringLiteral("db1"), QStringLiteral("db2")};
        QTemporaryDir store;
        auto m = manager(store.path());
        auto dashboard = dashboardFor(*m);
        const QString name = uniqueName(QStringLiteral("dash-") + backendName(b));

        const QStringList ids = create(*m, azureSpec(b, name, dbs));
        QCOMPARE(ids.size(), 1);
        const QString id = ids.first();
        MigrationViewModel *model = dashboard->viewModel(id);
        MigrationView *view = dashboard->view(id);
        QVERIFY(model && view);
        QCOMPARE(dashboard->selectedId(), id);
        QCOMPARE(listCell(*dashboard, id, MigrationListModel::Name), name);
        QCOMPARE(listCell(*dashboard, id, MigrationListModel::Backend), backendName(b));
        int confirms = 0;
        QString confirmText;
        view->setConfirm([&](const QString &, const QString &text) {
            ++confirms;
            confirmText = text;
            return true;
        });

        // Over the whole run: the bars' values, the list's states, and gating (enabled only when the backend waits for the cutover).
        QList<int> barValues;
        QStringList listStates;
        int violations = 0, observations = 0;
        connect(model, &MigrationViewModel::statusChanged, this, [&] {
            ++observations;
            if (auto *bar = view->progressBar(QStringLiteral("db1")))
                if (barValues.isEmpty() || barValues.last() != bar->value())
                    barValues << bar->value();
            const QString st = listCell(*dashboard, id, MigrationListModel::State);
            if (listStates.isEmpty() || listStates.last() != st)
                listStates << st;
            if (!(model->status().state == S::State::WaitingForUser && model->status().isReadyForCutover()) && view->cutoverButton()->isEnabled())
                ++violations;
        });
        QVERIFY(!view->cutoverButton()->isEnabled());

        QTRY_VERIFY_WITH_TIMEOUT(view->cutoverButton()->isEnabled() || model->status().isTerminal(), 60000);
        QVERIFY2(!model->status().isTerminal(), qPrintable(view->stateText()));
        QCOMPARE(violations, 0);
        QVERIFY(observations >= 3);
        // Progress reached the widgets: db1's bar was part-way while copying, full now; the list went from InProgress to waiting.
        QStringList seenValues;
        bool partWay = false;
        for (int v : std::as_const(barValues)) {
            seenValues << QString::number(v);
            partWay = partWay || (v > 0 && v < 1000);
        }
        QVERIFY2(barValues.size() >= 2 && partWay, qPrintable(QStringLiteral("db1's bar: ") + seenValues.join(QLatin1String(", "))));
        for (const QString &db : dbs) {
            QProgressBar *bar = view->progressBar(db);
            QVERIFY2(bar, qPrintable(db));
            QCOMPARE(bar->value(), bar->maximum());
            QVERIFY2(view->databaseDetails(db).contains(QLatin1String("0 queued, 0 copying, 2 done")), qPrintable(view->databaseDetails(db)));
        }
        QVERIFY2(listStates.contains(QStringLiteral("InProgress")), qPrintable(listStates.join(QLatin1String(", "))));
        QCOMPARE(listCell(*dashboard, id, MigrationListModel::State), QStringLiteral("WaitingForUser"));
        QCOMPARE(listCell(*dashboard, id, MigrationListModel::SubState), QStringLiteral("ReadyForCutover"));
        if (b == Backend::Service) // 7 per database (the emulator's DMS sums its tables' counters, which the script leaves at 0)
            QVERIFY2(view->countersText().contains(QLatin1String("14 inserts")), qPrintable(view->countersText()));
        else // DMS reports every table (the service only per database)
            QCOMPARE(model->tableModel()->rowCount(), 4);
        QVERIFY2(dashboard->notificationsShown().contains(QStringLiteral("ready: %1 is ready for cutover").arg(name)),
                 qPrintable(dashboard->notificationsShown().join(QLatin1String("; "))));

        // A double click (and one more programmatic click) sends exactly one request per database to the emulator.
        const QString resource = b == Backend::Dms ? dmsTask(name, dbs) : name;
        QVERIFY(!resource.isEmpty());
        QCOMPARE(m_h->emu->actionCount(resource, QStringLiteral("cutover")), 0);
        if (!perDatabase) {
            QTest::mouseClick(view->cutoverButton(), Qt::LeftButton);
            QVERIFY(!view->cutoverButton()->isEnabled());
            QTest::mouseDClick(view->cutoverButton(), Qt::LeftButton);
            view->cutoverClicked();
            QCOMPARE(confirms, 1);
            QVERIFY2(confirmText.contains(QLatin1String("db1, db2")) && confirmText.contains(QLatin1String("changes pending")), qPrintable(confirmText));
            QTRY_VERIFY_WITH_TIMEOUT(model->cutoverRecord() && model->cutoverRecord()->answered, 30000);
            QVERIFY2(model->cutoverRecord()->accepted, qPrintable(model->cutoverRecord()->refusal));
            // Accepted, whatever the last poll still says: another click sends nothing.
            QVERIFY(!view->cutoverButton()->isEnabled());
            view->cutoverClicked();
            QCOMPARE(confirms, 1);
            QCOMPARE(m_h->emu->actionCount(resource, QStringLiteral("cutover")), 1);
        } else {
            for (const QString &db : dbs) {
                QPushButton *button = view->databaseCutoverButton(db);
                QVERIFY2(button, qPrintable(db));
                QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 15000);
                const int before = confirms;
                QTest::mouseClick(button, Qt::LeftButton);
                QVERIFY(!button->isEnabled());
                QTest::mouseDClick(button, Qt::LeftButton);
                view->cutoverClicked({db});
                QCOMPARE(confirms, before + 1);
                QVERIFY2(confirmText.startsWith(QStringLiteral("Cut over %1 to the target now?").arg(db)), qPrintable(confirmText));
                QTRY_VERIFY_WITH_TIMEOUT(model->cutoverRecord() && model->cutoverRecord()->answered, 30000);
                QVERIFY2(model->cutoverRecord()->accepted, qPrintable(model->cutoverRecord()->refusal));
                QVERIFY(!button->isEnabled());
                view->cutoverClicked({db});
                QCOMPARE(confirms, before + 1);
                QCOMPARE(m_h->emu->actionCount(resource, QStringLiteral("cutover:") + db), 1);
            }
            QCOMPARE(m_h->emu->actionCount(resource, QStringLiteral("cutover")), 2);
        }
        QCOMPARE(model->cutoverRequestsSent(), perDatabase ? 2 : 1);

        // The migration finishes and the result is shown.
        QTRY_VERIFY_WITH_TIMEOUT(model->status().isTerminal(), 60000);
        QCOMPARE(toString(model->status().state), toString(S::State::Succeeded));
        QVERIFY(model->cutoverRecord()->accepted);
        QCOMPARE(model->cutoverRecord()->requestedBy, QStringLiteral("alice"));
        QVERIFY(model->cutoverRecord()->completedAt.isValid());
        QTRY_COMPARE(listCell(*dashboard, id, MigrationListModel::State), QStringLiteral("Succeeded"));
        QVERIFY2(view->messageText().contains(QLatin1String("Cutover accepted")), qPrintable(view->messageText()));
        QVERIFY2(view->stateText().contains(QLatin1String("Succeeded")), qPrintable(view->stateText()));
        QVERIFY(!view->cutoverButton()->isEnabled());
        QVERIFY(!view->cancelButton()->isEnabled());
        QVERIFY(dashboard->notificationsShown().contains(QStringLiteral("completed: %1 completed").arg(name)));
        QCOMPARE(m_h->emu->actionCount(resource, QStringLiteral("cancel")), 0);
        QCOMPARE(m_h->emu->actionCount(resource, QStringLiteral("cutover")), perDatabase ? 2 : 1); // nothing more was sent

        // The post-cutover checklist (issue 12) shows up; without this session's connections it cannot be verified from here.
        QVERIFY(view->isChecklistShown());
        QVERIFY(model->checklist());
        QCOMPARE(view->checklistList()->count(), int(model->checklist()->items().size()));
        QVERIFY(view->checklistList()->count() >= 6);
        QVERIFY(!view->verifyChecklistButton()->isEnabled());
        const auto *aad = model->checklist()->item(carryover::ChecklistItem::Id::AadApp);
        QVERIFY(aad && aad->verified); // the tool's own token: no AAD app to delete
        const auto *conn = model->checklist()->item(carryover::ChecklistItem::Id::ConnectionStrings);
        QVERIFY2(conn && conn->detail.contains(QStringLiteral("%1.postgres.database.azure.com").arg(kFlex)) && conn->detail.contains(QLatin1String("@server")),
                 qPrintable(conn ? conn->detail : QString()));
        if (b == Backend::Service)
            QCOMPARE(armState(armMigration(name)), QStringLiteral("Succeeded"));
        else
            QTRY_COMPARE_WITH_TIMEOUT(dmsLeftovers(*m_h, name), QStringList{}, 30000);

        // The report: inputs, phases, who pressed cutover and when, lag then; no secret; the same in the exported file.
        const QString html = MigrationReport::html(*model);
        for (const QString &needle : {QStringLiteral("<h2>Inputs</h2>"), name, flexPath(), singlePath(), QStringLiteral("db1, db2"), backendName(b),
                                      QStringLiteral("Timings per phase"), QStringLiteral("<td>CopyingData</td>"), QStringLiteral("<td>ReadyForCutover</td>"),
                                      QStringLiteral("Pressed by</th><td>alice"), QStringLiteral("Lag at cutover"), QStringLiteral("<td>accepted</td>"),
                                      QStringLiteral("Final state: <b>Succeeded</b>"), QStringLiteral("Cutover requested by alice")})
            QVERIFY2(html.contains(needle), qPrintable(needle));
        // Every press is in the report: one for the whole migration, or one per database.
        QCOMPARE(html.count(QLatin1String("Pressed by</th><td>alice")), perDatabase ? 2 : 1);
        if (perDatabase) {
            for (const char *needle : {"<th>Databases</th><td>db1</td>", "<th>Databases</th><td>db2</td>", "Cutover request 2 of 2"})
                QVERIFY2(html.contains(QLatin1String(needle)), needle);
        } else {
            QVERIFY(html.contains(QLatin1String("<th>Databases</th><td>all</td>")));
        }
        QVERIFY(html.contains(QLatin1String("<h2>Post-cutover checklist</h2>")));
        QVERIFY(html.contains(QLatin1String("<td>Change connection strings to the new server</td><td>no</td>")));
        QVERIFY2(secretsIn(html).isEmpty(), qPrintable(secretsIn(html)));
        const QString path = m_dir.filePath(name + QStringLiteral(".html"));
        QString suggested;
        view->setAskFile([&](const QString &s) {
            suggested = s;
            return path;
        });
        view->exportClicked();
        QCOMPARE(suggested, name + QStringLiteral("-report.html"));
        QVERIFY2(view->messageText().contains(path), qPrintable(view->messageText()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString saved = QString::fromUtf8(file.readAll());
        QVERIFY(saved.contains(QLatin1String("Pressed by</th><td>alice")));
        QVERIFY2(secretsIn(saved).isEmpty(), qPrintable(secretsIn(saved)));

        // Delete: the resource goes from Azure too (service) and the list forgets it.
        view->deleteClicked();
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->listModel()->rowOf(id), -1, 30000);
        QVERIFY(m->ids().isEmpty());
        if (b == Backend::Service)
            QCOMPARE(armMigration(name).status, 404);
    }

    // ------------------------------------------------------------------ cancel

    void cancelThenDelete_data()
    {
        backendRows();
    }

    /** Cancel while copying: "no" changes nothing; "yes" sends one cancel, the emulator ends it (DMS: nothing left); delete confirms and removes. */
    void cancelThenDelete()
    {
        QFETCH(int, backend);
        const Backend b = Backend(backend);
        m_script.copyMs = 60000; // still copying when canceled
        QTemporaryDir store;
        auto m = manager(store.path());
        auto dashboard = dashboardFor(*m);
        const QString name = uniqueName(QStringLiteral("cancel-") + backendName(b));
        const QStringList dbs = {QStringLiteral("db3")};
        const QStringList ids = create(*m, azureSpec(b, name, dbs));
        QCOMPARE(ids.size(), 1);
        const QString id = ids.first();
        MigrationViewModel *model = dashboard->viewModel(id);
        MigrationView *view = dashboard->view(id);
        QVERIFY(model && view);
        QStringList asked;
        bool answer = false;
        view->setConfirm([&](const QString &, const QString &text) {
            asked << text;
            return answer;
        });
        const QString resource = b == Backend::Dms ? dmsTask(name, dbs) : name;
        QTRY_VERIFY_WITH_TIMEOUT(model->status().subState == S::SubState::CopyingData, 60000);
        QVERIFY(!view->cutoverButton()->isEnabled());
        QVERIFY(view->cancelButton()->isEnabled());

        // Saying no sends nothing.
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.last().contains(QLatin1String("The service stops the migration and removes its replication objects"))
                     && asked.last().contains(QLatin1String("stays on the target")),
                 qPrintable(asked.last()));
        QTest::qWait(500);
        QCOMPARE(m_h->emu->actionCount(resource, QStringLiteral("cancel")), 0);
        QCOMPARE(toString(model->status().state), toString(S::State::InProgress));
        if (b == Backend::Service) // (activeRunners() counts ARM migrations only, not DMS tasks)
            QCOMPARE(m_h->emu->activeRunners(), 1);

        // Yes: one cancel request; the migration ends Canceled on both sides.
        answer = true;
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), 2);
        QVERIFY(!view->cancelButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(model->status().isTerminal(), 60000);
        QCOMPARE(toString(model->status().state), toString(S::State::Canceled));
        QTRY_VERIFY_WITH_TIMEOUT(view->messageText().contains(QLatin1String("Cancel accepted")), 30000);
        QTRY_COMPARE(listCell(*dashboard, id, MigrationListModel::State), QStringLiteral("Canceled"));
        QVERIFY(!view->cutoverButton()->isEnabled());
        QVERIFY(!view->cancelButton()->isEnabled());
        QVERIFY(!view->isChecklistShown()); // only after a completed migration
        QVERIFY2(!dashboard->notificationsShown().join(QLatin1Char(',')).contains(QLatin1String("failed")),
                 qPrintable(dashboard->notificationsShown().join(QLatin1Char(','))));
        QCOMPARE(m_h->emu->actionCount(resource, QStringLiteral("cancel")), 1);
        QCOMPARE(m_h->emu->actionCount(resource, QStringLiteral("cutover")), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_h->emu->activeRunners(), 0, 30000);
        if (b == Backend::Service) {
            QCOMPARE(armState(armMigration(name)), QStringLiteral("Canceled"));
        } else {
            // DMS: the service and both firewall rules were deleted.
            QTRY_COMPARE_WITH_TIMEOUT(dmsLeftovers(*m_h, name), QStringList{}, 30000);
            QCOMPARE(m->record(id)->createdResources, QStringList{});
        }

        // Delete: the confirmation says what goes; the list and the store forget it.
        QVERIFY(view->deleteButton()->isEnabled());
        QTest::mouseClick(view->deleteButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), 3);
        QVERIFY2(asked.last().contains(QLatin1String("deleted in Azure")) && asked.last().contains(QLatin1String("Neither database is deleted")),
                 qPrintable(asked.last()));
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->listModel()->rowOf(id), -1, 30000);
        QVERIFY(!dashboard->viewModel(id));
        QVERIFY(MigrationStore(store.path()).list().isEmpty());
        if (b == Backend::Service) {
            QCOMPARE(m_h->emu->actionCount(resource, QStringLiteral("delete")), 1);
            QCOMPARE(armMigration(name).status, 404);
        } else {
            QCOMPARE(dmsLeftovers(*m_h, name), QStringList{});
        }
    }

    // ------------------------------------------------------------------ failure

    void failureIsShown_data()
    {
        backendRows();
    }

    /** The copy fails on the emulator: Failed in the list and the view, a "failed" notification, the error in words in the Errors tab and the report. */
    void failureIsShown()
    {
        QFETCH(int, backend);
        const Backend b = Backend(backend);
        m_script.failCopy = true;
        QTemporaryDir store;
        auto m = manager(store.path());
        auto dashboard = dashboardFor(*m);
        const QString name = uniqueName(QStringLiteral("fail-") + backendName(b));
        const QStringList ids = create(*m, azureSpec(b, name, {QStringLiteral("db2")}));
        QCOMPARE(ids.size(), 1);
        const QString id = ids.first();
        MigrationViewModel *model = dashboard->viewModel(id);
        MigrationView *view = dashboard->view(id);
        QVERIFY(model && view);
        QTRY_VERIFY_WITH_TIMEOUT(model->status().isTerminal(), 60000);
        QCOMPARE(toString(model->status().state), toString(S::State::Failed));
        QTRY_COMPARE(listCell(*dashboard, id, MigrationListModel::State), QStringLiteral("Failed"));
        QVERIFY2(dashboard->notificationsShown().contains(QStringLiteral("failed: %1 failed").arg(name)),
                 qPrintable(dashboard->notificationsShown().join(QLatin1String("; "))));
        QVERIFY(!model->status().errors.isEmpty());
        QTRY_VERIFY(view->errorsTable()->rowCount() >= 1);
        const QString clip = view->errorClipboardText(0);
        QVERIFY2(!clip.isEmpty() && clip.contains(model->status().errors.first().message), qPrintable(clip));
        QVERIFY2(view->tabs()->tabText(view->tabs()->indexOf(view->errorsTable()->parentWidget())).startsWith(QLatin1String("Errors (")),
                 qPrintable(view->tabs()->tabText(view->tabs()->indexOf(view->errorsTable()->parentWidget()))));
        QVERIFY(!view->cutoverButton()->isEnabled());
        QVERIFY(!view->cancelButton()->isEnabled());
        QVERIFY(!view->isChecklistShown());
        const QString html = MigrationReport::html(*model);
        QVERIFY(html.contains(QLatin1String("Final state: <b>Failed</b>")));
        QVERIFY(!html.contains(QLatin1String("<h2>Errors</h2>\n<p>None.</p>")));
        QVERIFY2(secretsIn(html).isEmpty(), qPrintable(secretsIn(html)));
        if (b == Backend::Dms)
            QTRY_COMPARE_WITH_TIMEOUT(dmsLeftovers(*m_h, name), QStringList{}, 30000);
        view->setConfirm([](const QString &, const QString &) { return true; });
        view->deleteClicked();
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->listModel()->rowOf(id), -1, 30000);
    }

    // ------------------------------------------------------------------ restart

    void reattachAfterRestart_data()
    {
        backendRows();
    }

    /**
     * The app quits while the migration waits for the cutover; a new manager and dashboard over the same
     * store list it at once (before the sign-in, with its last state), poll it after the sign-in, cut it
     * over, and stop polling once it ended.
     */
    void reattachAfterRestart()
    {
        QFETCH(int, backend);
        const Backend b = Backend(backend);
        QTemporaryDir store;
        const QString name = uniqueName(QStringLiteral("restart-") + backendName(b));
        QString id;
        {
            auto m = manager(store.path());
            auto dashboard = dashboardFor(*m);
            const QStringList ids = create(*m, azureSpec(b, name, {QStringLiteral("db4")}));
            QCOMPARE(ids.size(), 1);
            id = ids.first();
            QTRY_VERIFY_WITH_TIMEOUT(dashboard->view(id)->cutoverButton()->isEnabled(), 60000);
            // The app quits here: the dashboard first, then the manager (as MainWindow and main() end).
        }

        auto m = manager(store.path(), false);
        auto dashboard = dashboardFor(*m);
        m->reattachAll();
        QVERIFY(dashboard->viewModel(id));
        QCOMPARE(dashboard->listModel()->rowCount(), 1);
        QCOMPARE(listCell(*dashboard, id, MigrationListModel::Name), name);
        QCOMPARE(listCell(*dashboard, id, MigrationListModel::Backend), backendName(b));
        QCOMPARE(listCell(*dashboard, id, MigrationListModel::State), QStringLiteral("WaitingForUser"));
        MigrationView *view = dashboard->view(id);
        MigrationViewModel *model = dashboard->viewModel(id);
        QVERIFY(!model->backend());
        QVERIFY(!view->cutoverButton()->isEnabled()); // not attached before the sign-in

        const qint64 beforeSignIn = m_h->server->requestCount();
        m->setAzure(emulatorProfile(*m_h), m_credential);
        QVERIFY(model->backend());
        QTRY_VERIFY_WITH_TIMEOUT(view->cutoverButton()->isEnabled(), 30000);
        QCOMPARE(listCell(*dashboard, id, MigrationListModel::SubState), QStringLiteral("ReadyForCutover"));
        // Keeps polling while it waits (slow polls, 200 ms here): the emulator sees them.
        const qint64 polled = m_h->server->requestCount();
        QVERIFY(polled > beforeSignIn);
        QTest::qWait(1500);
        QVERIFY2(m_h->server->requestCount() >= polled + 3, qPrintable(QStringLiteral("%1 -> %2").arg(polled).arg(m_h->server->requestCount())));

        int confirms = 0;
        view->setConfirm([&](const QString &, const QString &) {
            ++confirms;
            return true;
        });
        QTest::mouseClick(view->cutoverButton(), Qt::LeftButton);
        QTest::mouseDClick(view->cutoverButton(), Qt::LeftButton);
        QCOMPARE(confirms, 1);
        QTRY_VERIFY_WITH_TIMEOUT(model->status().isTerminal(), 60000);
        QCOMPARE(toString(model->status().state), toString(S::State::Succeeded));
        QTRY_COMPARE(listCell(*dashboard, id, MigrationListModel::State), QStringLiteral("Succeeded"));
        const QString resource = b == Backend::Dms ? dmsTask(name, {QStringLiteral("db4")}) : name;
        QCOMPARE(m_h->emu->actionCount(resource, QStringLiteral("cutover")), 1);
        QVERIFY(MigrationReport::html(*model).contains(QLatin1String("Pressed by</th><td>alice")));

        // No polling once it ended (DMS deletes its service first): the emulator's request count settles
        // (windows longer than the 200 ms slow poll and the 1 s Retry-After of the deletes).
        auto quietFor = [this](int ms) {
            const qint64 before = m_h->server->requestCount();
            QTest::qWait(ms);
            return m_h->server->requestCount() == before;
        };
        QElapsedTimer settling;
        settling.start();
        while (!quietFor(1500) && settling.elapsed() < 30000) {
        }
        QVERIFY2(quietFor(2000), "the dashboard still polls a migration that ended");
    }

    // ------------------------------------------------------------------ migrations this app did not start

    /**
     * A migration created over ARM by someone else on a target server this app knows joins the list on
     * "Find migrations in Azure", is polled to its cutover like the others, is not added twice, and is
     * listed again after a restart.
     */
    void discoversMigrationsStartedElsewhere()
    {
        QTemporaryDir store;
        auto m = manager(store.path());
        auto dashboard = dashboardFor(*m);
        QVERIFY(dashboard->refreshButton()->isEnabled());

        // This app's own migration makes the target known (then it is canceled: one active migration per target).
        m_script.copyMs = 60000;
        const QString mine = uniqueName(QStringLiteral("mine"));
        const QStringList ids = create(*m, azureSpec(Backend::Service, mine, {QStringLiteral("db5")}));
        QCOMPARE(ids.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(m->status(ids.first()).subState == S::SubState::CopyingData, 60000);
        auto c = actAndWait([&](ActionCallback done) { m->backend(ids.first())->cancel(std::move(done)); });
        QVERIFY2(c.has_value(), qPrintable(errorText(c)));
        QTRY_VERIFY_WITH_TIMEOUT(m->status(ids.first()).isTerminal(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_h->emu->activeRunners(), 0, 30000);

        // Someone else starts one on the same target, straight over ARM.
        m_script.copyMs = 1500;
        const QString theirs = uniqueName(QStringLiteral("elsewhere"));
        const json body = {{"location", "westus"},
                           {"properties",
                            {{"sourceDbServerResourceId", singlePath().toStdString()},
                             {"secretParameters",
                              {{"adminCredentials", {{"sourceServerPassword", m_source.password().reveal().toStdString()},
                                                     {"targetServerPassword", m_target.password().reveal().toStdString()}}}}},
                             {"dbsToMigrate", json::array({"db6"})},
                             {"migrationMode", "Online"},
                             {"setupLogicalReplicationOnSourceDbIfNeeded", "True"},
                             {"overwriteDbsInTarget", "True"}}}};
        const Reply put = m_h->arm("PUT", flexPath() + QStringLiteral("/migrations/") + theirs + QStringLiteral("?api-version=2024-08-01"),
                                   m_h->token(kContributor), QByteArray::fromStdString(body.dump()));
        QVERIFY2(put.status == 200 || put.status == 201, put.body.constData());
        QVERIFY(!listNames(*dashboard).contains(theirs));

        QCOMPARE(dashboard->selectedId(), ids.first());
        QSignalSpy finished(dashboard.get(), &DashboardWidget::discoveryFinished);
        QTest::mouseClick(dashboard->refreshButton(), Qt::LeftButton);
        QVERIFY(dashboard->isDiscovering());
        QVERIFY(!dashboard->refreshButton()->isEnabled()); // one refresh at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY2(finished.first().at(1).toString().isEmpty(), qPrintable(finished.first().at(1).toString()));
        // Others' migrations left on this emulator by earlier tests may be found too; this app's own is not found again.
        QVERIFY(finished.first().at(0).toInt() >= 1);
        QVERIFY2(dashboard->discoveryText().startsWith(QLatin1String("Found ")), qPrintable(dashboard->discoveryText()));
        QVERIFY(dashboard->refreshButton()->isEnabled());
        // What was found joins the list without taking the view from the migration being watched.
        QCOMPARE(dashboard->selectedId(), ids.first());
        QCOMPARE(static_cast<QWidget *>(dashboard->view(ids.first()))->isVisible(), true);
        const QStringList names = listNames(*dashboard);
        QVERIFY2(names.contains(theirs), qPrintable(names.join(QLatin1String(", "))));
        QCOMPARE(names.count(mine), 1);
        QString theirId;
        for (const QString &i : m->ids())
            if (m->record(i)->name == theirs)
                theirId = i;
        QVERIFY(!theirId.isEmpty());
        QVERIFY(m->record(theirId)->extra.value(QStringLiteral("discovered")).toBool());
        QCOMPARE(listCell(*dashboard, theirId, MigrationListModel::Backend), QStringLiteral("service"));

        // Polled like the others: it reaches the cutover, which this app may press.
        MigrationView *view = dashboard->view(theirId);
        MigrationViewModel *model = dashboard->viewModel(theirId);
        QVERIFY(view && model);
        QTRY_VERIFY_WITH_TIMEOUT(view->cutoverButton()->isEnabled(), 60000);
        QCOMPARE(listCell(*dashboard, theirId, MigrationListModel::State), QStringLiteral("WaitingForUser"));
        QVERIFY(view->progressBar(QStringLiteral("db6")));
        view->setConfirm([](const QString &, const QString &) { return true; });
        QTest::mouseClick(view->cutoverButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(model->status().isTerminal(), 60000);
        QCOMPARE(toString(model->status().state), toString(S::State::Succeeded));
        QCOMPARE(m_h->emu->actionCount(theirs, QStringLiteral("cutover")), 1);
        // The report of a migration found in Azure: its inputs are what the list knows, still no secret.
        const QString html = MigrationReport::html(*model);
        QVERIFY(html.contains(theirs));
        QVERIFY(html.contains(QLatin1String("db6")));
        QVERIFY2(secretsIn(html).isEmpty(), qPrintable(secretsIn(html)));

        // A second refresh adds nothing: it is known now.
        const int rows = dashboard->listModel()->rowCount();
        dashboard->refreshFromAzure();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QCOMPARE(finished.last().at(0).toInt(), 0);
        QCOMPARE(dashboard->listModel()->rowCount(), rows);
        QVERIFY2(dashboard->discoveryText().startsWith(QLatin1String("No other migration")), qPrintable(dashboard->discoveryText()));

        // After a restart it is listed again with its outcome (recorded, no spec, no secret).
        dashboard.reset();
        m.reset();
        m = manager(store.path());
        dashboard = dashboardFor(*m);
        m->reattachAll();
        QVERIFY(dashboard->viewModel(theirId));
        QCOMPARE(dashboard->listModel()->rowCount(), rows);
        QTRY_COMPARE_WITH_TIMEOUT(listCell(*dashboard, theirId, MigrationListModel::State), QStringLiteral("Succeeded"), 30000);

        // Without a sign-in nothing can be listed, and the reason is shown.
        QTemporaryDir otherStore;
        auto unsigned_ = manager(otherStore.path(), false);
        auto other = dashboardFor(*unsigned_);
        QSignalSpy otherFinished(other.get(), &DashboardWidget::discoveryFinished);
        other->refreshFromAzure();
        QTRY_COMPARE(otherFinished.count(), 1);
        QVERIFY(!otherFinished.first().at(1).toString().isEmpty());
        QVERIFY2(other->discoveryText().contains(QLatin1String("Azure sign-in")), qPrintable(other->discoveryText()));
        QCOMPARE(other->listModel()->rowCount(), 0);
    }

    // ------------------------------------------------------------------ sign-in after a restart

    void signInAfterRestart_data()
    {
        backendRows();
    }

    /**
     * After a restart the app signs in by itself as the AAD app the migration was started with, on the
     * cloud it was started on (the emulator's custom endpoints, kept in the record), when the secret was
     * saved in the keychain: the migration is polled again without any typing. Without a saved secret it
     * says whom to sign in as; the dialog refuses a wrong secret and changes nothing, then signs in with
     * the right one and saves it when asked. The record holds no secret.
     */
    void signInAfterRestart()
    {
        QFETCH(int, backend);
        const Backend b = Backend(backend);
        QTemporaryDir store;
        const QString name = uniqueName(QStringLiteral("signin-") + backendName(b));
        MigrationSpec spec = azureSpec(b, name, {QStringLiteral("db5")});
        spec.aadApp.useAzureCli = false;
        spec.aadApp.tenantId = kTenant;
        spec.aadApp.clientId = kContributor;
        QString id;
        {
            auto m = manager(store.path());
            auto dashboard = dashboardFor(*m);
            const QStringList ids = create(*m, spec);
            QCOMPARE(ids.size(), 1);
            id = ids.first();
            QTRY_VERIFY_WITH_TIMEOUT(dashboard->view(id)->cutoverButton()->isEnabled(), 60000);
        }
        QString records;
        for (const QFileInfo &f : QDir(store.path()).entryInfoList(QDir::Files)) {
            QFile file(f.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            records += QString::fromUtf8(file.readAll());
        }
        QVERIFY2(records.contains(emulatorProfile(*m_h).armEndpoint.toString()), "the record does not keep the custom cloud's endpoints");
        QVERIFY(!records.contains(kSecret));
        const QString key = auth::SecretStore::aadSecretKey(kTenant, kContributor);

        // The keychain has the secret (saved in the wizard): signed in at startup, nothing typed.
        {
            auto m = manager(store.path(), false);
            auto dashboard = dashboardFor(*m);
            m->reattachAll();
            const QList<AzureAccount> accounts = m->azureAccounts();
            QCOMPARE(accounts.size(), 1);
            QCOMPARE(accounts.first().tenantId, kTenant);
            QCOMPARE(accounts.first().clientId, kContributor);
            QCOMPARE(accounts.first().profile.armEndpoint, emulatorProfile(*m_h).armEndpoint);
            QCOMPARE(accounts.first().waiting, 1);
            QVERIFY(!dashboard->view(id)->cutoverButton()->isEnabled());

            AzureSignIn signIn(m.get(), &m_nam);
            FakeKeychain keychain;
            keychain.entries.insert(key, kSecret);
            keychain.install(signIn);
            QSignalSpy signedIn(&signIn, &AzureSignIn::signedIn);
            QSignalSpy needed(&signIn, &AzureSignIn::signInNeeded);
            signIn.signInFromStore();
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 30000);
            QCOMPARE(keychain.asked, QStringList{key});
            QCOMPARE(keychain.saved, 0); // it came from there
            QCOMPARE(needed.count(), 0);
            QVERIFY(signedIn.first().first().toString().contains(kContributor));
            QVERIFY(m->hasAzure());
            QTRY_VERIFY_WITH_TIMEOUT(dashboard->view(id)->cutoverButton()->isEnabled(), 30000);
            QCOMPARE(m->azureAccounts().first().waiting, 0);
            signIn.signInFromStore(); // signed in already: nothing asked again
            QTest::qWait(100);
            QCOMPARE(keychain.asked.size(), 1);
        }

        // Nothing saved: the reason names the app and the way out; the dialog refuses a wrong secret.
        auto m = manager(store.path(), false);
        auto dashboard = dashboardFor(*m);
        m->reattachAll();
        AzureSignIn signIn(m.get(), &m_nam);
        FakeKeychain keychain;
        keychain.install(signIn);
        QSignalSpy needed(&signIn, &AzureSignIn::signInNeeded);
        signIn.signInFromStore();
        QTRY_COMPARE(needed.count(), 1);
        const QString reason = needed.first().first().toString();
        QVERIFY2(reason.contains(kContributor) && reason.contains(QLatin1String("keychain")) && reason.contains(QLatin1String("Sign in to Azure")), qPrintable(reason));
        QVERIFY(!m->hasAzure());
        // The detail view says what is missing and offers the sign-in where a direct run offers Resume.
        MigrationViewModel *model = dashboard->viewModel(id);
        QVERIFY(model->isAzure());
        QVERIFY2(model->cutoverBlocker().contains(QLatin1String("sign in to Azure")), qPrintable(model->cutoverBlocker()));
        bool resumerCalled = false;
        model->setResumer([&resumerCalled](ActionCallback done) {
            resumerCalled = true;
            done(fail(Error::cancelled()));
        });
        QPushButton *resume = dashboard->view(id)->resumeButton();
        QTRY_VERIFY(resume->isVisible());
        QCOMPARE(resume->text(), QStringLiteral("Sign in to Azure…"));
        QTest::mouseClick(resume, Qt::LeftButton);
        QVERIFY(resumerCalled);
        // Named as what it is, and a closed dialog is no failure.
        QCOMPARE(model->lastActionMessage(), QStringLiteral("Sign-in to Azure cancelled."));
        QVERIFY2(model->timeline().last().text.startsWith(QLatin1String("Sign-in to Azure requested by")), qPrintable(model->timeline().last().text));

        SignInDialog dialog(&signIn);
        dialog.show();
        QCOMPARE(dialog.tenantEdit()->text(), kTenant);
        QCOMPARE(dialog.clientEdit()->text(), kContributor);
        QVERIFY(!dialog.azureCliBox()->isChecked());
        dialog.saveBox()->setChecked(true);
        QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(dialog.secretEdit(), QStringLiteral("not-the-secret"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!signIn.isBusy() && !dialog.errorLabel()->text().isEmpty(), 30000);
        const QString error = dialog.errorLabel()->text();
        QVERIFY2(error.contains(QLatin1String("client secret is wrong")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1String("not-the-secret")));
        QVERIFY(dialog.isVisible());
        QVERIFY(!m->hasAzure());
        QVERIFY(keychain.entries.isEmpty()); // a secret that did not work is not saved
        QVERIFY(!dashboard->view(id)->cutoverButton()->isEnabled());

        // A client id that is not a GUID is named before anything is sent.
        const qint64 requests = m_h->server->requestCount();
        dialog.clientEdit()->setText(QStringLiteral("my-app"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY2(dialog.errorLabel()->text().contains(QLatin1String("client")), qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(m_h->server->requestCount(), requests);
        dialog.clientEdit()->setText(kContributor);

        dialog.secretEdit()->clear();
        QTest::keyClicks(dialog.secretEdit(), kSecret);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 30000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(m->hasAzure());
        QCOMPARE(keychain.entries.value(key), kSecret); // asked for, and it worked
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->view(id)->cutoverButton()->isEnabled(), 30000);

        // Finished here, so the next test starts on a quiet emulator.
        MigrationView *view = dashboard->view(id);
        view->setConfirm([](const QString &, const QString &) { return true; });
        QTest::mouseClick(view->cutoverButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->viewModel(id)->status().isTerminal(), 60000);
        QCOMPARE(toString(dashboard->viewModel(id)->status().state), toString(S::State::Succeeded));
    }

    void cleanupTestCase() { m_h.reset(); }
};

QTEST_MAIN(TestDashboardAzure)
#include "tst_dashboardazure.moc"
