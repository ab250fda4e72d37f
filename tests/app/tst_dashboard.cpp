// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The dashboard (issue 7) over real migrations: DirectBackend / MigrationManager
// between two throwaway PostgreSQL clusters, widgets offscreen. Progress reaches
// the widgets; cutover stays disabled until every database is ready and a double
// click sends one request; validation shows green and red per table; the report
// has the inputs, phases, lag at cutover, who pressed it, validation, and no
// secret; cancel and delete confirm what they clean up; a new manager over the
// same store shows the migrations again and resumes a direct run.
#include "app/dashboard/dashboardwidget.h"
#include "app/dashboard/lagchart.h"
#include "app/dashboard/migrationlistmodel.h"
#include "app/dashboard/migrationreport.h"
#include "app/dashboard/migrationview.h"
#include "app/dashboard/migrationviewmodel.h"
#include "app/dashboard/tableprogressmodel.h"
#include "engine/migration/directbackend.h"
#include "engine/migration/migrationmanager.h"
#include "tests/engine/direct/directtestdata.h"

#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace fm;
using namespace fm::migration;
using namespace fm::dashboard;
using S = MigrationStatus;

class TestDashboard : public QObject
{
    Q_OBJECT

    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("dsrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("dtgt"); return o; }()};
    QTemporaryDir m_dir;

    direct::DirectOptions options(const QString &db, const QString &name) { return test::directOptions(m_source, m_target, m_dir, db, name); }

    MigrationSpec spec(const QString &name, const QStringList &dbs)
    {
        MigrationSpec s;
        s.name = name;
        s.backend = Backend::Direct;
        auto endpoint = [](const pg::ConnectionParams &p) {
            ServerEndpoint e;
            e.host = p.host;
            e.port = p.port;
            e.user = p.user;
            e.sslMode = p.sslmode;
            e.passwordRef = QStringLiteral("keychain:flexmigrate/secret-ref-do-not-export");
            return e;
        };
        s.source = endpoint(m_source.params());
        s.target = endpoint(m_target.params());
        s.databases = dbs;
        s.options.jobs = 2;
        return s;
    }

    void createDb(const QString &db, int rows)
    {
        QVERIFY(m_source.createDatabase(db).has_value());
        auto created = m_source.execute(db, test::manyTypesSchema(rows));
        QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().toDisplayString()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("FLEXMIGRATE_PG_BINDIR", test::PgCluster::binDir().toLocal8Bit());
        auto s = m_source.start();
        QVERIFY2(s.has_value(), qPrintable(s ? QString() : s.error().toDisplayString()));
        auto t = m_target.start();
        QVERIFY2(t.has_value(), qPrintable(t ? QString() : t.error().toDisplayString()));
    }

    void ageText_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << 42 << "42 s";
        QTest::newRow("minutes") << 125 << "2 min";
        QTest::newRow("hours") << 3 * 3600 + 7 * 60 << "3 h 7 min";
        QTest::newRow("days") << 2 * 86400 + 5 * 3600 << "2 d 5 h";
    }
    void ageText()
    {
        QFETCH(int, seconds);
        QFETCH(QString, text);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(MigrationListModel::ageText(now.addSecs(-seconds), now), text);
    }

    /** Gating from a status alone: each row is one reason the button must stay disabled. */
    void cutoverGating_data()
    {
        QTest::addColumn<int>("dbState");
        QTest::addColumn<int>("queued");
        QTest::addColumn<qint64>("lagSeconds");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("blocker");
        const int ready = int(S::ItemState::ReadyForCutover);
        const int waiting = int(S::State::WaitingForUser);
        QTest::newRow("ready") << ready << 0 << qint64(1) << waiting << "";
        QTest::newRow("copying") << int(S::ItemState::Copying) << 2 << qint64(-1) << int(S::State::InProgress) << "still copying";
        QTest::newRow("lag over limit") << ready << 0 << qint64(120) << waiting << "lags 2 min 0 s";
        QTest::newRow("replicating") << int(S::ItemState::Replicating) << 0 << qint64(1) << int(S::State::InProgress) << "not ready for cutover";
        QTest::newRow("failed db") << int(S::ItemState::Failed) << 0 << qint64(1) << int(S::State::InProgress) << "failed";
        QTest::newRow("ended") << int(S::ItemState::Succeeded) << 0 << qint64(0) << int(S::State::Succeeded) << "has ended";
    }
    void cutoverGating()
    {
        QFETCH(int, dbState);
        QFETCH(int, queued);
        QFETCH(qint64, lagSeconds);
        QFETCH(int, state);
        QFETCH(QString, blocker);
        // A real (idle) backend object is needed for the lookup; its status comes from the row.
        DirectBackend backend(options(QStringLiteral("nosuch"), QStringLiteral("gate")));
        S s;
        s.backend = QStringLiteral("direct");
        s.state = S::State(state);
        s.subState = s.state == S::State::WaitingForUser ? S::SubState::ReadyForCutover : S::SubState::Replicating;
        S::DatabaseProgress d;
        d.name = QStringLiteral("db1");
        d.state = S::ItemState(dbState);
        d.tablesQueued = queued;
        d.tablesLoading = 0;
        d.tablesCompleted = 3;
        if (lagSeconds >= 0)
            d.lag.seconds = lagSeconds;
        s.databases = {d};
        MigrationViewModel model(QStringLiteral("id"), [&backend]() -> MigrationBackend * { return &backend; }, s);
        MigrationView view(&model);
        QCOMPARE(model.cutoverBlocker().isEmpty(), blocker.isEmpty());
        QVERIFY2(model.cutoverBlocker().contains(blocker), qPrintable(model.cutoverBlocker()));
        QCOMPARE(view.cutoverButton()->isEnabled(), blocker.isEmpty());
    }

    void runCutoverValidateReport()
    {
        const QString db = QStringLiteral("shop");
        createDb(db, 3000);
        DirectBackend backend(options(db, QStringLiteral("dash1")));
        backend.setPollInterval(50);
        DashboardWidget dashboard;
        QStringList notes;
        dashboard.setNotifier([&](const QString &title, const QString &) { notes << title; });
        MigrationViewModel *model = dashboard.addMigration(QStringLiteral("m1"), &backend, QDateTime::currentDateTimeUtc(), QStringLiteral("dash1"));
        model->setSpec(spec(QStringLiteral("dash1"), {db}));
        model->setOperatorName(QStringLiteral("alice"));
        model->setValidationEndpoints(m_source.params(), m_target.params());
        MigrationView *view = dashboard.view(QStringLiteral("m1"));
        QVERIFY(view);
        dashboard.resize(1200, 800);
        dashboard.show();
        int confirms = 0;
        QString confirmText;
        view->setConfirm([&](const QString &, const QString &text) {
            ++confirms;
            confirmText = text;
            return true;
        });

        // Gating over the whole run: whenever the backend is not waiting for the user, the button is disabled.
        int violations = 0, observations = 0;
        connect(model, &MigrationViewModel::statusChanged, this, [&] {
            ++observations;
            if (model->status().state != S::State::WaitingForUser && view->cutoverButton()->isEnabled())
                ++violations;
        });
        QVERIFY(!view->cutoverButton()->isEnabled());

        std::optional<Expected<void>> started;
        backend.start({}, [&](Expected<void> r) { started = r; });
        QTRY_VERIFY(started.has_value());
        QVERIFY(started->has_value());
        QTRY_VERIFY_WITH_TIMEOUT(backend.status().state == S::State::WaitingForUser || backend.isFinished(), 120000);
        QVERIFY(!backend.isFinished());
        QTRY_VERIFY_WITH_TIMEOUT(view->cutoverButton()->isEnabled(), 15000);
        QVERIFY(observations >= 2);
        QCOMPARE(violations, 0);

        // Progress reached the widgets.
        QProgressBar *bar = view->progressBar(db);
        QVERIFY(bar);
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY2(view->databaseDetails(db).contains(QLatin1String("0 queued, 0 copying")), qPrintable(view->databaseDetails(db)));
        QVERIFY(model->tableModel()->rowCount() >= 6);
        QCOMPARE(view->tableView()->model()->rowCount(), model->tableModel()->rowCount());
        qint64 rows = 0;
        for (int r = 0; r < model->tableModel()->rowCount(); ++r)
            rows += model->tableModel()->index(r, TableProgressModel::Rows).data(TableProgressModel::RawRole).toLongLong();
        QVERIFY2(rows >= 3000 * 8, qPrintable(QString::number(rows)));
        QVERIFY2(view->countersText().contains(QLocale().toString(backend.status().totals.fullLoadRows.value_or(-1))), qPrintable(view->countersText()));
        const int listRow = dashboard.listModel()->rowOf(QStringLiteral("m1"));
        QCOMPARE(dashboard.listModel()->index(listRow, MigrationListModel::State).data().toString(), QStringLiteral("WaitingForUser"));
        QCOMPARE(dashboard.listModel()->index(listRow, MigrationListModel::SubState).data().toString(), QStringLiteral("ReadyForCutover"));
        QVERIFY(notes.contains(QStringLiteral("dash1 is ready for cutover")));

        // CDC counters and lag reach the view; the chart has points.
        QVERIFY(m_source.execute(db, QStringLiteral("UPDATE app.items SET qty = qty + 1 WHERE id <= 25")).has_value());
        QTRY_VERIFY_WITH_TIMEOUT(model->status().totals.cdcUpdates.value_or(0) >= 25, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(model->status().lag.bytes.has_value(), 15000);
        QVERIFY2(view->countersText().contains(QLatin1String("25 updates")) || model->status().totals.cdcUpdates.value_or(0) > 25, qPrintable(view->countersText()));
        auto *chart = view->findChild<LagChart *>();
        QVERIFY(chart);
        chart->redraw();
        QVERIFY(chart->pointCount(QStringLiteral("rows")) >= 2);
        QVERIFY(chart->pointCount(QStringLiteral("lag-mb")) >= 1);
        QVERIFY(model->samples().size() >= 2);

        // Validation while streaming: every table green.
        QTRY_VERIFY_WITH_TIMEOUT(view->cutoverButton()->isEnabled(), 15000);
        QVERIFY(view->validateButton()->isEnabled());
        QTest::mouseClick(view->validateButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isValidating() && (model->validatedAt().isValid() || !model->validationError().isEmpty()), 60000);
        QVERIFY2(model->validationError().isEmpty(), qPrintable(model->validationError()));
        QCOMPARE(int(model->validation().size()), 1);
        {
            QStringList differing = model->validation().first().extraOnTarget;
            for (const auto &t : model->validation().first().tables)
                if (!t.equal())
                    differing << QStringLiteral("%1.%2 (%3 vs %4 rows, %5 chunk(s) differ)").arg(t.schema, t.name).arg(t.sourceRows).arg(t.targetRows).arg(t.differences.size());
            QVERIFY2(model->validation().first().equal(), qPrintable(differing.join(QStringLiteral("; "))));
        }
        for (int r = 0; r < model->tableModel()->rowCount(); ++r)
            QCOMPARE(model->tableModel()->index(r, TableProgressModel::Validation).data(TableProgressModel::RawRole), QVariant(true));

        // Cutover: a double click (and a third programmatic click) sends exactly one request.
        QVERIFY(view->cutoverButton()->isEnabled());
        QTest::mouseClick(view->cutoverButton(), Qt::LeftButton);
        QVERIFY(!view->cutoverButton()->isEnabled());
        QTest::mouseDClick(view->cutoverButton(), Qt::LeftButton);
        view->cutoverClicked();
        QCOMPARE(confirms, 1);
        QCOMPARE(model->cutoverRequestsSent(), 1);
        QVERIFY2(confirmText.contains(db) && confirmText.contains(QLatin1String("lag")) && confirmText.contains(QLatin1String("changes pending")),
                 qPrintable(confirmText));
        QTRY_VERIFY_WITH_TIMEOUT(backend.isFinished(), 90000);
        QCOMPARE(toString(backend.status().state), toString(S::State::Succeeded));
        QTRY_VERIFY(model->cutoverRecord() && model->cutoverRecord()->answered);
        QVERIFY(model->cutoverRecord()->accepted);
        QCOMPARE(model->cutoverRecord()->requestedBy, QStringLiteral("alice"));
        QVERIFY(model->cutoverRecord()->completedAt.isValid());
        QCOMPARE(model->cutoverRequestsSent(), 1);
        QVERIFY(!view->cutoverButton()->isEnabled());
        QVERIFY(notes.contains(QStringLiteral("dash1 completed")));
        QVERIFY2(view->messageText().contains(QLatin1String("Cutover accepted")), qPrintable(view->messageText()));

        // The post-cutover checklist (issue 12) appears and is verified against both servers (this session has their connections).
        QVERIFY(view->isChecklistShown());
        QVERIFY(model->checklist());
        QCOMPARE(view->checklistList()->count(), int(model->checklist()->items().size()));
        QVERIFY(view->verifyChecklistButton()->isEnabled());
        QTest::mouseClick(view->verifyChecklistButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isVerifyingChecklist(), 60000);
        QVERIFY2(model->checklistError().isEmpty(), qPrintable(model->checklistError()));
        for (const auto id : {carryover::ChecklistItem::Id::ReplicationObjects, carryover::ChecklistItem::Id::Validation, carryover::ChecklistItem::Id::AadApp}) {
            const auto *item = model->checklist()->item(id);
            QVERIFY2(item && item->verified, qPrintable(item ? item->key + QStringLiteral(": ") + item->result : QStringLiteral("missing")));
        }
        QVERIFY2(view->messageText().startsWith(QLatin1String("Checklist: ")), qPrintable(view->messageText()));
        int ticked = 0;
        for (int i = 0; i < view->checklistList()->count(); ++i)
            ticked += view->checklistList()->item(i)->checkState() == Qt::Checked ? 1 : 0;
        QCOMPARE(ticked, model->checklist()->verifiedCount());

        // A difference made on the target after cutover shows red for that table only.
        QVERIFY(m_target.execute(db, QStringLiteral("DELETE FROM public.big WHERE id = 7")).has_value());
        model->validate(true);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isValidating(), 60000);
        QVERIFY2(model->validationError().isEmpty(), qPrintable(model->validationError()));
        int red = 0, green = 0;
        for (int r = 0; r < model->tableModel()->rowCount(); ++r) {
            const bool equal = model->tableModel()->index(r, TableProgressModel::Validation).data(TableProgressModel::RawRole).toBool();
            const QString table = model->tableModel()->index(r, TableProgressModel::Table).data().toString();
            if (!equal) {
                ++red;
                QCOMPARE(table, QStringLiteral("public.big"));
            } else {
                ++green;
            }
        }
        QCOMPARE(red, 1);
        QVERIFY(green >= 5);

        // The report: inputs, phases, cutover (who, when, lag), validation, and no secret.
        const QString html = MigrationReport::html(*model);
        for (const char *needle : {"Inputs", "dash1", "Timings per phase", "ReadyForCutover", "CuttingOver", "Completed", "Pressed by</th><td>alice",
                                   "Lag at cutover", "Validation", "DIFFERENT", "equal", "public.big", "app.items", "Timeline", "Cutover requested by alice"})
            QVERIFY2(html.contains(QLatin1String(needle)), needle);
        // The copy itself may be too short to be sampled as its own phase; preparing or copying is.
        QVERIFY(html.contains(QLatin1String("<td>CopyingData</td>")) || html.contains(QLatin1String("<td>Preparing</td>")));
        // The post-cutover checklist as verified above.
        QVERIFY(html.contains(QLatin1String("<h2>Post-cutover checklist</h2>")));
        QVERIFY(html.contains(QLatin1String("<td>Replication objects removed</td><td>yes</td>")));
        QCOMPARE(html.count(QLatin1String("Pressed by</th><td>alice")), 1);
        QVERIFY(!html.contains(m_source.params().password.reveal()));
        QVERIFY(!html.contains(m_target.params().password.reveal()));
        QVERIFY(!html.contains(QLatin1String("secret-ref-do-not-export")));
        QVERIFY(!html.contains(QLatin1String("passwordRef"), Qt::CaseInsensitive));
        const QString htmlPath = m_dir.filePath(QStringLiteral("report.html"));
        const QString pdfPath = m_dir.filePath(QStringLiteral("report.pdf"));
        view->setAskFile([&](const QString &) { return htmlPath; });
        view->exportClicked();
        QFile htmlFile(htmlPath);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(htmlFile.readAll()).size() > 1000, true);
        auto pdf = MigrationReport::savePdf(*model, pdfPath);
        QVERIFY2(pdf.has_value(), qPrintable(pdf ? QString() : pdf.error().toDisplayString()));
        QFile pdfFile(pdfPath);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray pdfBytes = pdfFile.readAll();
        QVERIFY(pdfBytes.startsWith("%PDF"));
        QVERIFY(!pdfBytes.contains(m_source.params().password.reveal().toUtf8()));
    }

    void cancelThenDelete()
    {
        const QString db = QStringLiteral("crm");
        createDb(db, 500);
        auto *backend = new DirectBackend(options(db, QStringLiteral("dash2")));
        backend->setPollInterval(50);
        DashboardWidget dashboard;
        QStringList notes;
        dashboard.setNotifier([&](const QString &title, const QString &) { notes << title; });
        MigrationViewModel *model = dashboard.addMigration(QStringLiteral("m2"), backend);
        MigrationView *view = dashboard.view(QStringLiteral("m2"));
        dashboard.show(); // clicks reach visible widgets only
        QStringList asked;
        bool answer = false;
        view->setConfirm([&](const QString &, const QString &text) {
            asked << text;
            return answer;
        });
        std::optional<Expected<void>> started;
        backend->start({}, [&](Expected<void> r) { started = r; });
        QTRY_VERIFY(started.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(backend->status().state == S::State::WaitingForUser || backend->isFinished(), 120000);

        // Saying no changes nothing.
        QVERIFY(view->cancelButton()->isEnabled());
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.last().contains(QLatin1String("replication slot")) && asked.last().contains(QLatin1String("stays on the target")), qPrintable(asked.last()));
        QTest::qWait(300);
        QCOMPARE(toString(backend->status().state), toString(S::State::WaitingForUser));

        answer = true;
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(backend->isFinished(), 60000);
        QTRY_COMPARE(toString(model->status().state), toString(S::State::Canceled));
        QTRY_VERIFY(view->messageText().contains(QLatin1String("Cancel accepted")));
        QVERIFY(!view->cutoverButton()->isEnabled());
        QVERIFY(!view->cancelButton()->isEnabled());
        QVERIFY2(!notes.join(QLatin1Char(',')).contains(QLatin1String("failed")), qPrintable(notes.join(QLatin1Char(','))));
        // No replication slot is left on the source.
        auto slotCount = m_source.query(db, QStringLiteral("SELECT count(*) FROM pg_replication_slots"));
        QVERIFY(slotCount.has_value());
        QCOMPARE(slotCount->text(0, 0), QStringLiteral("0"));

        const QString journal = m_dir.filePath(QStringLiteral("dash2.json"));
        QVERIFY(QFile::exists(journal));
        QSignalSpy deleted(&dashboard, &DashboardWidget::migrationDeleted);
        QTest::mouseClick(view->deleteButton(), Qt::LeftButton);
        QVERIFY2(asked.last().contains(QLatin1String("journal")) && asked.last().contains(QLatin1String("Neither database is deleted")), qPrintable(asked.last()));
        QTRY_COMPARE(deleted.count(), 1);
        QCOMPARE(dashboard.listModel()->rowOf(QStringLiteral("m2")), -1);
        QVERIFY(!QFile::exists(journal));
        delete backend;
    }

    void reattachAfterRestart()
    {
        const QString db = QStringLiteral("hr");
        const QString db2 = QStringLiteral("ops");
        createDb(db, 800);
        createDb(db2, 300);
        QTemporaryDir storeDir;
        MigrationManager::Options mo;
        mo.directJournalDirectory = storeDir.filePath(QStringLiteral("journals"));
        mo.directPollMs = 50;
        StartCredentials credentials;
        credentials.sourcePassword = m_source.params().password;
        credentials.targetPassword = m_target.params().password;
        QString done, interrupted;
        {
            MigrationManager manager(MigrationStore(storeDir.filePath(QStringLiteral("store"))), mo);
            DashboardWidget dashboard;
            dashboard.setNotifier([](const QString &, const QString &) {});
            dashboard.setManager(&manager);
            dashboard.show();
            auto create = [&](const QString &name, const QString &database) -> QString {
                std::optional<Expected<QStringList>> created;
                manager.create(spec(name, {database}), credentials, [&](Expected<QStringList> ids) { created = ids; });
                [&] { QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 30000); }();
                if (!created || !created->has_value())
                    return {};
                return (*created)->first();
            };
            done = create(QStringLiteral("dash3"), db);
            QVERIFY(!done.isEmpty());
            QVERIFY(dashboard.viewModel(done));
            QCOMPARE(dashboard.selectedId(), done);
            MigrationView *view = dashboard.view(done);
            view->setConfirm([](const QString &, const QString &) { return true; });
            QTRY_VERIFY_WITH_TIMEOUT(dashboard.viewModel(done)->status().state == S::State::WaitingForUser, 120000);
            const int row = dashboard.listModel()->rowOf(done);
            QCOMPARE(dashboard.listModel()->index(row, MigrationListModel::Name).data().toString(), QStringLiteral("dash3"));
            QCOMPARE(dashboard.listModel()->index(row, MigrationListModel::State).data().toString(), QStringLiteral("WaitingForUser"));
            QTRY_VERIFY_WITH_TIMEOUT(view->cutoverButton()->isEnabled(), 15000);
            QTest::mouseClick(view->cutoverButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(dashboard.viewModel(done)->status().isTerminal(), 90000);
            QCOMPARE(toString(dashboard.viewModel(done)->status().state), toString(S::State::Succeeded));
            QCOMPARE(test::tableChecksums(m_target, db), test::tableChecksums(m_source, db));

            interrupted = create(QStringLiteral("dash4"), db2);
            QVERIFY(!interrupted.isEmpty());
            QCOMPARE(dashboard.listModel()->rowOf(interrupted), 0); // newest first
            QTRY_VERIFY_WITH_TIMEOUT(dashboard.viewModel(interrupted)->status().state == S::State::WaitingForUser, 120000);
            // The app quits here, dash4 still streaming.
        }

        // A new manager over the same store: both migrations are listed again, newest first, with their last state.
        MigrationManager manager(MigrationStore(storeDir.filePath(QStringLiteral("store"))), mo);
        DashboardWidget dashboard;
        dashboard.setNotifier([](const QString &, const QString &) {});
        dashboard.setManager(&manager);
        manager.reattachAll();
        QVERIFY(dashboard.viewModel(done));
        QVERIFY(dashboard.viewModel(interrupted));
        QCOMPARE(dashboard.listModel()->rowOf(interrupted), 0);
        QCOMPARE(dashboard.listModel()->rowOf(done), 1);
        const int row = dashboard.listModel()->rowOf(done);
        QCOMPARE(dashboard.listModel()->index(row, MigrationListModel::Name).data().toString(), QStringLiteral("dash3"));
        QCOMPARE(dashboard.listModel()->index(row, MigrationListModel::Backend).data().toString(), QStringLiteral("direct"));
        QCOMPARE(dashboard.listModel()->index(row, MigrationListModel::State).data().toString(), QStringLiteral("Succeeded"));
        MigrationView *doneView = dashboard.view(done);
        QVERIFY(!doneView->cutoverButton()->isEnabled());
        QVERIFY(!dashboard.viewModel(done)->canResume());

        // The interrupted direct run needs its passwords to continue: not attached, no cutover, Resume offered.
        MigrationViewModel *model = dashboard.viewModel(interrupted);
        MigrationView *view = dashboard.view(interrupted);
        QCOMPARE(dashboard.listModel()->index(0, MigrationListModel::Name).data().toString(), QStringLiteral("dash4"));
        QVERIFY(!dashboard.listModel()->index(0, MigrationListModel::State).data().toString().isEmpty());
        QVERIFY(!model->backend());
        QVERIFY(!view->cutoverButton()->isEnabled());
        QVERIFY2(model->cutoverBlocker().contains(QLatin1String("resume")), qPrintable(model->cutoverBlocker()));
        int resumes = 0;
        model->setResumer([&](ActionCallback cb) {
            ++resumes;
            manager.resume(interrupted, credentials, std::move(cb));
        });
        dashboard.show();
        dashboard.select(interrupted);
        QTRY_VERIFY(view->resumeButton()->isVisible());
        QTest::mouseClick(view->resumeButton(), Qt::LeftButton);
        QCOMPARE(resumes, 1);
        // The outcome, whichever it is, is said in words (accepted, or the engine's reason).
        QTRY_VERIFY_WITH_TIMEOUT(view->messageText().startsWith(QLatin1String("Resume")), 30000);
        qInfo("resume after restart: %s", qPrintable(view->messageText()));

        // Delete through the manager: the record is forgotten too.
        doneView->setConfirm([](const QString &, const QString &) { return true; });
        doneView->deleteClicked();
        QTRY_COMPARE(dashboard.listModel()->rowOf(done), -1);
        QVERIFY(!manager.ids().contains(done));
        QVERIFY(!manager.store().load(done).has_value());
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
