// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The wizard end to end with real widgets (offscreen): the Azure emulator on
// loopback, two real PostgreSQL clusters mapped as a Single Server and a
// Flexible Server, every page filled by typing and clicking, Create through a
// MigrationManager, and the migration read back from the emulator's ARM.
// With FM_WIZARD_SCREENSHOTS=<dir> it also saves each page as
// <dir>/wizard-<page>.png (docs/screenshots; run under xvfb-run, see README).
#include "../emulator/emulatortestsupport.h"
#include "engine/migration/migrationmanager.h"
#include "tests/support/pgcluster.h"
#include "wizard/migrationwizard.h"
#include "wizard/pages/aadapppage.h"
#include "wizard/pages/databasespage.h"
#include "wizard/pages/optionspage.h"
#include "wizard/pages/reviewpage.h"
#include "wizard/pages/serverpage.h"
#include "wizard/pages/startpage.h"
#include "wizard/viewmodels/wizardmodel.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace fm;
using namespace fm::ui;
using namespace fm::test::emu;

namespace {

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void selectData(QComboBox *combo, const QVariant &data)
{
    const int i = combo->findData(data);
    QVERIFY2(i >= 0, qPrintable(data.toString()));
    combo->setCurrentIndex(i);
}

} // namespace

class TstMigrationWizard : public QObject
{
    Q_OBJECT
private:
    fm::test::PgCluster m_source{[] {
        fm::test::PgClusterOptions o;
        o.name = QStringLiteral("wizsrc");
        return o;
    }()};
    fm::test::PgCluster m_target{[] {
        fm::test::PgClusterOptions o;
        o.name = QStringLiteral("wiztgt");
        return o;
    }()};
    std::unique_ptr<Harness> h;
    QString m_shots;

    void shoot(QWizard &w, const QString &page)
    {
        if (m_shots.isEmpty())
            return;
        QTest::qWait(50); // let layouts settle after the last change
        QVERIFY(w.grab().save(QDir(m_shots).filePath(QStringLiteral("wizard-%1.png").arg(page))));
    }

    void next(QWizard &w, int expected)
    {
        QAbstractButton *b = w.button(QWizard::NextButton);
        if (!b->isEnabled()) {
            // Say why: every message the page shows.
            QStringList shown;
            for (auto *l : w.currentPage()->findChildren<QLabel *>())
                if (l->isVisible() && !l->text().isEmpty() && !l->accessibleName().isEmpty())
                    shown << l->accessibleName() + QStringLiteral(": ") + l->text();
            QFAIL(qPrintable(QStringLiteral("Next is disabled on page %1: %2").arg(w.currentId()).arg(shown.join(QStringLiteral(" | ")))));
        }
        QTest::mouseClick(b, Qt::LeftButton);
        QCOMPARE(w.currentId(), expected);
    }

private slots:
    void initTestCase()
    {
        m_shots = qEnvironmentVariable("FM_WIZARD_SCREENSHOTS");
        if (!m_shots.isEmpty())
            QVERIFY(QDir().mkpath(m_shots));
        for (auto *pg : {&m_source, &m_target}) {
            auto started = pg->start();
            QVERIFY2(started.has_value(), started ? "" : qPrintable(started.error().message));
        }
        QVERIFY(m_source.createDatabase(QStringLiteral("shop")));
        QVERIFY(m_source.execute(QStringLiteral("shop"), QStringLiteral("CREATE TABLE orders (id bigint PRIMARY KEY, item text NOT NULL);"
                                                                         "INSERT INTO orders SELECT g, 'item ' || g FROM generate_series(1, 500) g;")));
        // A database the page must flag: a table without a primary key.
        QVERIFY(m_source.createDatabase(QStringLiteral("legacy")));
        QVERIFY(m_source.execute(QStringLiteral("legacy"), QStringLiteral("CREATE TABLE events (at timestamptz, what text);"
                                                                           "INSERT INTO events SELECT now(), 'e' FROM generate_series(1, 50);")));
        json c = baseConfig(m_source.port(), m_source.password().reveal(), m_target.port(), m_target.password().reveal());
        c["pgBinDir"] = fm::test::PgCluster::binDir().toStdString();
        h = std::make_unique<Harness>(c);
    }

    void cleanupTestCase() { h.reset(); }

    void clickThroughAndCreate()
    {
        QTemporaryDir store;
        migration::MigrationManager::Options mo;
        mo.servicePolling.fastMs = 200;
        mo.servicePolling.slowMs = 500;
        migration::MigrationManager manager(migration::MigrationStore(store.path()), mo);

        QNetworkAccessManager nam;
        MigrationWizard *wp = nullptr;
        // The composition root's wiring, here: the manager reaches ARM as the wizard's verified app.
        auto starter = [&](const migration::MigrationSpec &spec, migration::StartCredentials credentials, std::function<void(Expected<QStringList>)> done) {
            auto credential = wp->model()->credential();
            if (!credential)
                return done(fail(credential.error()));
            manager.setAzure(wp->model()->profile(), *credential);
            manager.create(spec, std::move(credentials), std::move(done));
        };
        MigrationWizard w(&nam, starter);
        wp = &w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.currentId(), int(MigrationWizard::StartPageId));

        // Start: the service backend (the default) on the emulator's custom cloud.
        auto *start = w.startPage();
        QCOMPARE(start->backendCombo()->currentData().toInt(), int(migration::Backend::Service));
        selectData(start->cloudCombo(), QStringLiteral("custom"));
        QVERIFY(start->armEndpointEdit()->isVisible());
        QVERIFY(!start->isComplete());
        typeInto(start->armEndpointEdit(), h->base);
        typeInto(start->authorityHostEdit(), h->base);
        typeInto(start->audienceEdit(), QStringLiteral("https://management.azure.com/"));
        QVERIFY(start->isComplete());
        shoot(w, QStringLiteral("start"));
        next(w, MigrationWizard::AadAppPageId);

        // AAD app: a bad client id is named inline and keeps Next disabled.
        auto *aad = w.aadAppPage();
        typeInto(aad->tenantEdit(), kTenant);
        typeInto(aad->clientEdit(), QStringLiteral("not-a-guid"));
        QLabel *clientMessage = nullptr;
        for (auto *l : aad->findChildren<QLabel *>())
            if (l->accessibleName() == QLatin1String("Client id problem"))
                clientMessage = l;
        QVERIFY(clientMessage);
        QVERIFY(clientMessage->isVisible());
        QVERIFY(!clientMessage->text().isEmpty());
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        typeInto(aad->clientEdit(), kContributor);
        typeInto(aad->secretEdit(), kSecret);
        QCOMPARE(aad->secretEdit()->echoMode(), QLineEdit::Password);
        QTest::mouseClick(aad->verifyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(aad->isComplete(), 20000);
        QVERIFY(aad->scopeTree()->topLevelItemCount() >= 3);
        shoot(w, QStringLiteral("aad-app"));
        next(w, MigrationWizard::SourcePageId);

        // Source: a pasted resource id fills the three fields; the emulator maps it to the source cluster.
        auto *src = w.sourcePage();
        QVERIFY(src->resourceIdEdit()->isVisible());
        QVERIFY(!src->uriEdit()->isVisible());
        typeInto(src->resourceIdEdit(), singlePath());
        QCOMPARE(src->subscriptionEdit()->text(), kSub);
        QCOMPARE(src->resourceGroupEdit()->text(), kRg);
        QCOMPARE(src->serverNameEdit()->text(), kSingle);
        typeInto(src->userEdit(), QStringLiteral("postgres"));
        typeInto(src->passwordEdit(), m_source.password().reveal());
        selectData(src->sslModeCombo(), QStringLiteral("disable"));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(src->testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(src->isComplete(), 30000);
        QVERIFY2(src->factsLabel()->text().contains(QLatin1String("westus")), qPrintable(src->factsLabel()->text()));
        QVERIFY(src->checkTree()->topLevelItemCount() > 0);
        shoot(w, QStringLiteral("source"));
        next(w, MigrationWizard::TargetPageId);

        // Target: typed by parts this time.
        auto *tgt = w.targetPage();
        typeInto(tgt->subscriptionEdit(), kSub);
        typeInto(tgt->resourceGroupEdit(), kRg);
        typeInto(tgt->serverNameEdit(), QStringLiteral("Bad_Name!"));
        QTRY_VERIFY(!tgt->statusLabel()->text().isEmpty());
        typeInto(tgt->serverNameEdit(), kFlex);
        typeInto(tgt->userEdit(), QStringLiteral("postgres"));
        typeInto(tgt->passwordEdit(), m_target.password().reveal());
        selectData(tgt->sslModeCombo(), QStringLiteral("disable"));
        QTest::mouseClick(tgt->testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tgt->isComplete(), 30000);

        // Back keeps what was typed on the source page, and it stays complete.
        QTest::mouseClick(w.button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(w.currentId(), int(MigrationWizard::SourcePageId));
        QCOMPARE(src->serverNameEdit()->text(), kSingle);
        QCOMPARE(src->userEdit()->text(), QStringLiteral("postgres"));
        QCOMPARE(src->passwordEdit()->text(), m_source.password().reveal());
        QVERIFY(src->isComplete());
        next(w, MigrationWizard::TargetPageId);
        QCOMPARE(tgt->serverNameEdit()->text(), kFlex);
        QVERIFY(tgt->isComplete());
        shoot(w, QStringLiteral("target"));
        next(w, MigrationWizard::DatabasesPageId);

        // Databases: listed with their warnings; nothing selected keeps Next off.
        auto *dbs = w.databasesPage();
        QTRY_VERIFY(dbs->databaseTree()->topLevelItemCount() >= 2);
        const auto legacy = dbs->databaseTree()->findItems(QStringLiteral("legacy"), Qt::MatchExactly);
        QCOMPARE(legacy.size(), 1);
        QVERIFY2(!legacy.first()->text(4).isEmpty(), "the table without a primary key is not flagged");
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(dbs->setChecked(QStringLiteral("shop"), true));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        shoot(w, QStringLiteral("databases"));
        next(w, MigrationWizard::OptionsPageId);

        // Options: a name with a bad character is refused inline; then a free one.
        auto *opt = w.optionsPage();
        QVERIFY(!opt->nameEdit()->text().isEmpty()); // a suggested name
        typeInto(opt->nameEdit(), QStringLiteral("wiz e2e"));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(opt->nameMessage()->isVisible());
        typeInto(opt->nameEdit(), QStringLiteral("wiz-e2e"));
        QTRY_VERIFY_WITH_TIMEOUT(opt->nameMessage()->text().contains(QLatin1String("free")), 10000);
        // The emulator's source has azure.replication_support=replica: let the service set it up.
        opt->replicationCheck()->setChecked(true);
        QVERIFY(!opt->jobsSpin()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(opt->isComplete(), 10000);
        shoot(w, QStringLiteral("options"));
        next(w, MigrationWizard::ReviewPageId);

        // Review: the plan, the properties file with placeholders, no secret anywhere.
        auto *review = w.reviewPage();
        const QString plan = review->planView()->toPlainText();
        QVERIFY2(plan.contains(QLatin1String("wiz-e2e")), qPrintable(plan));
        QVERIFY(plan.contains(QLatin1String("shop")));
        QVERIFY(plan.contains(QLatin1String(migration::kSourcePasswordPlaceholder)));
        QVERIFY(plan.contains(QLatin1String("az postgres flexible-server migration create")));
        QVERIFY(!plan.contains(m_source.password().reveal()));
        QVERIFY(!plan.contains(m_target.password().reveal()));
        QVERIFY(!plan.contains(kSecret));
        QTemporaryDir out;
        QVERIFY(review->exportTo(out.filePath(QStringLiteral("props.json"))));
        QFile props(out.filePath(QStringLiteral("props.json")));
        QVERIFY(props.open(QIODevice::ReadOnly));
        const QByteArray propsText = props.readAll();
        QVERIFY(propsText.contains("sourceDbServerResourceId") || propsText.contains("SourceDBServerResourceId"));
        QVERIFY(!propsText.contains(m_source.password().reveal().toUtf8()));
        // The draft holds no secret either.
        QVERIFY(w.saveDraft(out.filePath(QStringLiteral("draft.json"))));
        QFile draft(out.filePath(QStringLiteral("draft.json")));
        QVERIFY(draft.open(QIODevice::ReadOnly));
        const QByteArray draftText = draft.readAll();
        QVERIFY(draftText.contains("wiz-e2e"));
        QVERIFY(!draftText.contains(m_source.password().reveal().toUtf8()));
        QVERIFY(!draftText.contains(m_target.password().reveal().toUtf8()));
        QVERIFY(!draftText.contains(kSecret.toUtf8()));
        // The AAD page was verified before the servers were entered: the review checks the role on them now.
        QTRY_VERIFY_WITH_TIMEOUT(review->permissionsLabel()->text().count(QStringLiteral("✓")) >= 3, 20000);
        shoot(w, QStringLiteral("review"));

        QAbstractButton *create = w.button(QWizard::FinishButton);
        QVERIFY(create->isVisible());
        QVERIFY(create->isEnabled());
        QCOMPARE(create->text().remove(QLatin1Char('&')), QStringLiteral("Create"));
        QSignalSpy created(&w, &MigrationWizard::migrationsCreated);
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 30000);
        const QStringList ids = created.first().first().toStringList();
        QCOMPARE(ids.size(), 1);
        QVERIFY(!w.isVisible());
        QVERIFY(manager.record(ids.first()).has_value());

        // The migration exists in the emulator, with what the wizard asked for.
        const QByteArray token = h->token(kContributor);
        const Reply r = h->arm("GET", flexPath() + QStringLiteral("/migrations/wiz-e2e?api-version=2024-08-01"), token);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(QString::fromStdString(r.j["name"].get<std::string>()), QStringLiteral("wiz-e2e"));
        const QByteArray body = r.body;
        QVERIFY2(body.contains("\"shop\""), body.constData());
        QVERIFY(!body.contains("\"legacy\""));
        QVERIFY(!body.contains(m_source.password().reveal().toUtf8()));

        // Delete it so the emulator's runner stops before the clusters do.
        bool removed = false;
        manager.remove(ids.first(), [&](Expected<void> res) {
            QVERIFY2(res.has_value(), res ? "" : qPrintable(res.error().message));
            removed = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 30000);
    }

    void draftReopensWithoutSecrets()
    {
        // A draft from the Review page, opened on the Start page of a new wizard: every page shows it again.
        QNetworkAccessManager nam;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.json"));
        {
            MigrationWizard w(&nam, {});
            auto &spec = w.model()->spec();
            spec.name = QStringLiteral("from-draft");
            spec.source.resourceId = singlePath();
            spec.source.user = QStringLiteral("pgadmin");
            spec.target.resourceId = flexPath();
            spec.target.user = QStringLiteral("flexadmin");
            spec.databases = {QStringLiteral("shop")};
            spec.aadApp.tenantId = kTenant;
            spec.aadApp.clientId = kContributor;
            QVERIFY(w.saveDraft(path));
        }
        MigrationWizard w(&nam, {});
        w.show();
        QVERIFY(!w.startPage()->openDraft(dir.filePath(QStringLiteral("missing.json"))));
        QVERIFY(w.startPage()->draftMessage()->isVisible());
        QVERIFY(w.startPage()->draftMessage()->text().contains(QLatin1String("missing.json")));
        QVERIFY(w.startPage()->openDraft(path));
        w.aadAppPage()->initializePage();
        QCOMPARE(w.aadAppPage()->tenantEdit()->text(), kTenant);
        QCOMPARE(w.aadAppPage()->clientEdit()->text(), kContributor);
        QVERIFY(w.aadAppPage()->secretEdit()->text().isEmpty());
        w.sourcePage()->initializePage();
        QCOMPARE(w.sourcePage()->serverNameEdit()->text(), kSingle);
        QCOMPARE(w.sourcePage()->userEdit()->text(), QStringLiteral("pgadmin"));
        w.targetPage()->initializePage();
        QCOMPARE(w.targetPage()->serverNameEdit()->text(), kFlex);
        w.optionsPage()->initializePage();
        QCOMPARE(w.optionsPage()->nameEdit()->text(), QStringLiteral("from-draft"));
    }

    void prefilledFromTheEnvironment()
    {
        // What scripts/demo.sh sets: the emulator profile, a draft, the AAD app and both passwords.
        QTemporaryDir dir;
        migration::MigrationSpec spec;
        spec.name = QStringLiteral("demo-migration");
        spec.cloud = QStringLiteral("custom");
        spec.source.resourceId = singlePath();
        spec.source.user = QStringLiteral("postgres");
        spec.source.sslMode = QStringLiteral("disable");
        spec.target.resourceId = flexPath();
        spec.target.user = QStringLiteral("postgres");
        spec.databases = {QStringLiteral("shop")};
        spec.aadApp.tenantId = kTenant;
        spec.aadApp.clientId = kContributor;
        const QString draft = dir.filePath(QStringLiteral("demo.json"));
        QVERIFY(spec.saveDraft(draft));
        const QList<QPair<const char *, QString>> vars = {{"FLEXMIGRATE_WIZARD_BACKEND", QStringLiteral("service")},
                                                          {"FLEXMIGRATE_WIZARD_ARM_ENDPOINT", h->base},
                                                          {"FLEXMIGRATE_WIZARD_DRAFT", draft},
                                                          {"FLEXMIGRATE_WIZARD_CLIENT_SECRET", kSecret},
                                                          {"FLEXMIGRATE_WIZARD_SOURCE_PASSWORD", m_source.password().reveal()},
                                                          {"FLEXMIGRATE_WIZARD_TARGET_PASSWORD", m_target.password().reveal()}};
        for (const auto &v : vars)
            qputenv(v.first, v.second.toUtf8());
        QNetworkAccessManager nam;
        MigrationWizard w(&nam, {});
        for (const auto &v : vars)
            qunsetenv(v.first);
        w.show();
        QCOMPARE(w.startPage()->cloudCombo()->currentData().toString(), QStringLiteral("custom"));
        QCOMPARE(w.startPage()->armEndpointEdit()->text(), h->base);
        QCOMPARE(w.startPage()->authorityHostEdit()->text(), h->base); // defaults to the ARM endpoint
        QVERIFY(w.startPage()->isComplete());
        next(w, MigrationWizard::AadAppPageId);
        QCOMPARE(w.aadAppPage()->clientEdit()->text(), kContributor);
        QTest::mouseClick(w.aadAppPage()->verifyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.aadAppPage()->isComplete(), 20000);
        next(w, MigrationWizard::SourcePageId);
        QCOMPARE(w.sourcePage()->serverNameEdit()->text(), kSingle);
        // The password came from the environment: Test connection works without typing it.
        QTest::mouseClick(w.sourcePage()->testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.sourcePage()->isComplete(), 30000);
    }

    void directBackendSkipsAadAndAsksForAUri()
    {
        QNetworkAccessManager nam;
        MigrationWizard w(&nam, {});
        w.show();
        selectData(w.startPage()->backendCombo(), int(migration::Backend::Direct));
        QVERIFY(!w.startPage()->cloudCombo()->isEnabled());
        next(w, MigrationWizard::SourcePageId);
        auto *src = w.sourcePage();
        QVERIFY(src->uriEdit()->isVisible());
        QVERIFY(!src->resourceIdEdit()->isVisible());
        // A password in the URI goes to the model, never into the visible URI field's model copy.
        typeInto(src->uriEdit(), m_source.uri(QStringLiteral("postgres")));
        QCOMPARE(src->hostEdit()->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(src->portSpin()->value(), m_source.port());
        QVERIFY(!src->passwordEdit()->placeholderText().isEmpty());
        QTest::mouseClick(src->testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(src->isComplete(), 30000);
        next(w, MigrationWizard::TargetPageId);
        QTest::mouseClick(w.button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(w.currentId(), int(MigrationWizard::SourcePageId));
        QTest::mouseClick(w.button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(w.currentId(), int(MigrationWizard::StartPageId)); // the AAD page was skipped both ways
    }
};

QTEST_MAIN(TstMigrationWizard)
#include "tst_migrationwizard.moc"
