// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Accessibility of the whole app (issue 9): in every top-level window (the main
// window, each wizard page, the dashboard with a migration in it) every control
// that takes keyboard focus
//   - has an accessible name, as a screen reader gets it (QAccessibleInterface::
//     text(Name): setAccessibleName, the button's text, or the buddy label), and
//   - is reached by pressing Tab from the first control, without Tab getting
//     stuck in one widget.
// The wizard engineer's tests check the wizard's view-models; this one checks
// the widgets that a person actually meets, whatever module made them.
//
// The same windows make the documentation's screenshots
// (packaging/linux/screenshots.sh): with FLEXMIGRATE_SCREENSHOT_DIR set, each
// audited window is saved there as <window><FLEXMIGRATE_SCREENSHOT_SUFFIX>.png,
// in the palette FLEXMIGRATE_COLOR_SCHEME asks for and at QT_SCALE_FACTOR.
#include "app/mainwindow.h"
#include "app/translations.h"
#include "engine/migration/migrationmanager.h"
#include "engine/migration/migrationstore.h"
#include "wizard/viewmodels/inspectviewmodel.h"

#ifdef FLEXMIGRATE_HAS_WIZARD
#include "wizard/migrationwizard.h"
#endif
#ifdef FLEXMIGRATE_HAS_DASHBOARD
#include "app/dashboard/dashboardwidget.h"
#include "engine/migration/migrationbackend.h"
#endif

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QDir>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <type_traits>

namespace {

/** The widget a person tabs to: the owner when `w` is another widget's focus proxy (spin box editor, combo box editor). */
QWidget *control(QWidget *w)
{
    for (QWidget *p = w ? w->parentWidget() : nullptr; p; p = p->parentWidget()) {
        if (p->focusProxy() == w)
            return control(p);
        if (p->isWindow())
            break;
    }
    return w;
}

QString describe(QWidget *w)
{
    QString path;
    for (QWidget *p = w; p; p = p->parentWidget()) {
        const QString part = p->objectName().isEmpty() ? QString::fromLatin1(p->metaObject()->className()) : p->objectName();
        path = path.isEmpty() ? part : part + QLatin1Char('/') + path;
        if (p->isWindow())
            break;
    }
    return path;
}

/**
 * The Tab stop a control belongs to. Auto-exclusive radio buttons with the same
 * parent are one stop: Tab enters the group at the checked one and the arrow
 * keys move inside it (the platform convention Qt follows), so reaching one
 * of them reaches the group.
 */
QObject *tabStop(QWidget *c)
{
    if (auto *radio = qobject_cast<QRadioButton *>(c); radio && radio->autoExclusive() && radio->parentWidget())
        return radio->parentWidget();
    return c;
}

/** Every control of `window` that Tab should reach: visible, enabled, accepting Tab focus, not a focus proxy. */
QList<QWidget *> focusableControls(QWidget *window)
{
    QList<QWidget *> out;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->window() != window || !w->isVisible() || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus))
            continue;
        QWidget *c = control(w);
        if (!out.contains(c))
            out << c;
    }
    return out;
}

QString accessibleName(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
    if (name.isEmpty()) {
        // A tab bar (and a tab widget, whose focus proxy is its tab bar) is named
        // by its tabs: each is an accessible child with the tab's text, which is
        // what a screen reader announces.
        if (auto *tabs = qobject_cast<QTabWidget *>(w))
            w = tabs->tabBar();
        if (auto *bar = qobject_cast<QTabBar *>(w)) {
            QStringList tabs;
            for (int i = 0; i < bar->count(); ++i)
                tabs << bar->tabText(i);
            if (!tabs.isEmpty() && !tabs.contains(QString()))
                name = tabs.join(QLatin1Char(','));
        }
    }
    return name;
}

/**
 * Audits `window` (shown): returns the problems, one line each. Tab is sent to
 * the widget that has the focus, as QWidget::event handles it
 * (focusNextPrevChild), so the test needs no window manager.
 */
QStringList audit(QWidget *window, const QString &where)
{
    QStringList problems;
    const QList<QWidget *> controls = focusableControls(window);
    if (controls.isEmpty())
        return {QStringLiteral("%1: no focusable control at all").arg(where)};
    for (QWidget *c : controls) {
        if (accessibleName(c).isEmpty())
            problems << QStringLiteral("%1: %2 has no accessible name (setAccessibleName, a text, or a buddy label)").arg(where, describe(c));
    }

    QSet<QObject *> reached;
    QWidget *start = controls.first();
    start->setFocus(Qt::TabFocusReason);
    QWidget *previous = nullptr;
    int stuck = 0;
    const int presses = int(controls.size()) * 2 + 8;
    for (int i = 0; i < presses; ++i) {
        QWidget *focus = window->focusWidget();
        if (!focus)
            break;
        QWidget *c = control(focus);
        reached.insert(tabStop(c));
        stuck = (c == previous) ? stuck + 1 : 0;
        if (stuck >= 3) {
            const QString trap = QStringLiteral("%1: Tab is trapped in %2 (it keeps the focus; e.g. setTabKeyNavigation(false) or setTabChangesFocus(true))")
                                     .arg(where, describe(c));
            if (!problems.contains(trap))
                problems << trap;
            // Leave the trap the way Ctrl+Tab would, and go on checking the rest.
            QWidget *next = focus->nextInFocusChain();
            while (next && next != focus && !controls.contains(control(next)))
                next = next->nextInFocusChain();
            if (!next || control(next) == c)
                break;
            next->setFocus(Qt::TabFocusReason);
            previous = nullptr;
            stuck = 0;
            continue;
        }
        previous = c;
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    for (QWidget *c : controls) {
        if (!reached.contains(tabStop(c)))
            problems << QStringLiteral("%1: %2 (\"%3\") is not reachable with Tab").arg(where, describe(c), accessibleName(c));
    }
    return problems;
}

/** Saves `w` for the docs when FLEXMIGRATE_SCREENSHOT_DIR is set (see the top of this file). */
void saveScreenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("FLEXMIGRATE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    const QString file = QDir(dir).filePath(name + qEnvironmentVariable("FLEXMIGRATE_SCREENSHOT_SUFFIX") + QStringLiteral(".png"));
    QVERIFY2(w->grab().save(file), qPrintable(file));
}

/**
 * Problems known when this test was written, in code owned elsewhere (each
 * names the fix). They are reported as warnings, and so is a listed one that
 * is gone (remove it from the list then, so it cannot come back unnoticed); a
 * problem not listed here fails the test.
 */
const QStringList kKnownProblems = {
    // KNOWN-PROBLEMS-BEGIN (none today: the dashboard's list and tables table were fixed)
    // KNOWN-PROBLEMS-END
};

void verifyProblems(const QStringList &problems, const QString &where)
{
    QStringList unexpected;
    for (const QString &p : problems) {
        if (kKnownProblems.contains(p))
            qWarning("known accessibility problem: %s", qPrintable(p));
        else
            unexpected << p;
    }
    QStringList fixed;
    for (const QString &k : kKnownProblems) {
        if (k.startsWith(where + QLatin1Char(':')) && !problems.contains(k))
            fixed << k;
    }
    for (const QString &f : fixed)
        qWarning("fixed, remove it from kKnownProblems in tst_accessibility.cpp: %s", qPrintable(f));
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
}

void show(QWidget *w)
{
    w->resize(1000, 720);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QCoreApplication::processEvents();
}

/** Only the branch that matches is instantiated (a template, so the others need not compile). */
template<typename Window>
std::unique_ptr<QWidget> makeMainWindow(fm::ui::InspectViewModel *inspect, fm::migration::MigrationManager *manager)
{
    if constexpr (std::is_constructible_v<Window, fm::ui::InspectViewModel *, fm::migration::MigrationManager *>)
        return std::make_unique<Window>(inspect, manager);
    else if constexpr (std::is_constructible_v<Window, fm::ui::InspectViewModel *>)
        return std::make_unique<Window>(inspect);
    else if constexpr (std::is_default_constructible_v<Window>)
        return std::make_unique<Window>();
    else
        return nullptr;
}

#ifdef FLEXMIGRATE_HAS_DASHBOARD
/** A backend that only reports a status: the dashboard shows a migration in replication, ready for cutover. */
class StaticBackend : public fm::migration::MigrationBackend
{
public:
    QString name() const override { return QStringLiteral("direct"); }
    void start(const fm::migration::StartCredentials &, fm::migration::ActionCallback done) override { deliverLater(std::move(done), {}); }
    void observe(fm::migration::ActionCallback done) override { deliverLater(std::move(done), {}); }
    void cancel(fm::migration::ActionCallback done) override { deliverLater(std::move(done), {}); }
    void remove(fm::migration::ActionCallback done) override { deliverLater(std::move(done), {}); }
    void publish(fm::migration::MigrationStatus s) { setStatus(std::move(s)); }

protected:
    void doCutover(const QStringList &, fm::migration::ActionCallback done) override { deliverLater(std::move(done), {}); }
};

fm::migration::MigrationStatus sampleStatus()
{
    using S = fm::migration::MigrationStatus;
    S s;
    s.backend = QStringLiteral("direct");
    s.migrationName = QStringLiteral("accessibility-check");
    s.state = S::State::WaitingForUser;
    s.subState = S::SubState::ReadyForCutover;
    s.startedOn = QDateTime::currentDateTimeUtc().addSecs(-600);
    s.observedAt = QDateTime::currentDateTimeUtc();
    S::DatabaseProgress db;
    db.name = QStringLiteral("shop");
    db.state = S::ItemState::ReadyForCutover;
    db.lag.bytes = 0;
    db.lag.seconds = 0;
    S::TableProgress t;
    t.name = QStringLiteral("public.orders");
    t.state = S::ItemState::Replicating;
    t.counters.fullLoadRows = 1000;
    db.tables << t;
    s.databases << db;
    return s;
}
#endif

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mainWindow();
    void wizardPages_data();
    void wizardPages();
    void dashboard();
};

void TestAccessibility::initTestCase()
{
    // Windows that read or write the user's migrations (MigrationStore) use ~/.qttest instead.
    QStandardPaths::setTestModeEnabled(true);
    fm::app::applyColorScheme(qEnvironmentVariable("FLEXMIGRATE_COLOR_SCHEME"));
}

void TestAccessibility::mainWindow()
{
    // The main window's constructor changes as the dashboard lands; the test
    // follows the known shapes instead of breaking the build.
    fm::ui::InspectViewModel inspect;
    QTemporaryDir store;
    QVERIFY(store.isValid());
    fm::migration::MigrationManager manager{fm::migration::MigrationStore(store.path())};
    std::unique_ptr<QWidget> window = makeMainWindow<fm::app::MainWindow>(&inspect, &manager);
    if (!window)
        QSKIP("fm::app::MainWindow has a constructor this test does not know yet: teach tests/packaging/tst_accessibility.cpp");
    show(window.get());
    verifyProblems(audit(window.get(), QStringLiteral("main window")), QStringLiteral("main window"));
}

void TestAccessibility::wizardPages_data()
{
    QTest::addColumn<int>("pageId");
#ifdef FLEXMIGRATE_HAS_WIZARD
    using W = fm::ui::MigrationWizard;
    QTest::newRow("start") << int(W::StartPageId);
    QTest::newRow("aad app") << int(W::AadAppPageId);
    QTest::newRow("source") << int(W::SourcePageId);
    QTest::newRow("target") << int(W::TargetPageId);
    QTest::newRow("databases") << int(W::DatabasesPageId);
    QTest::newRow("options") << int(W::OptionsPageId);
    QTest::newRow("review") << int(W::ReviewPageId);
#else
    QTest::newRow("no wizard") << -1;
#endif
}

void TestAccessibility::wizardPages()
{
    QFETCH(int, pageId);
#ifdef FLEXMIGRATE_HAS_WIZARD
    QNetworkAccessManager nam;
    fm::ui::MigrationWizard wizard(&nam, [](const fm::migration::MigrationSpec &, fm::migration::StartCredentials, std::function<void(fm::Expected<QStringList>)> done) {
        done(QStringList{});
    });
    // Each page as the current page (what a person on that step sees), whatever
    // the path through the wizard would be.
    wizard.setStartId(pageId);
    wizard.restart();
    show(&wizard);
    QCOMPARE(wizard.currentId(), pageId);
    saveScreenshot(&wizard, QStringLiteral("wizard-") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    const QString where = QStringLiteral("wizard page \"%1\"").arg(wizard.currentPage()->title());
    verifyProblems(audit(&wizard, where), where);
#else
    Q_UNUSED(pageId);
    QSKIP("wizard/migrationwizard is not built yet");
#endif
}

void TestAccessibility::dashboard()
{
#ifdef FLEXMIGRATE_HAS_DASHBOARD
    fm::dashboard::DashboardWidget dashboard;
    dashboard.setNotifier([](const QString &, const QString &) {});
    StaticBackend backend;
    backend.publish(sampleStatus());
    dashboard.addMigration(QStringLiteral("accessibility-check"), &backend, QDateTime::currentDateTimeUtc(), QStringLiteral("accessibility-check"));
    dashboard.select(QStringLiteral("accessibility-check"));
    show(&dashboard);
    saveScreenshot(&dashboard, QStringLiteral("dashboard"));
    verifyProblems(audit(&dashboard, QStringLiteral("dashboard")), QStringLiteral("dashboard"));
#else
    QSKIP("app/dashboard is not built yet");
#endif
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
