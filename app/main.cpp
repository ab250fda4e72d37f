// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Composition root: decides between the CLI (no display needed) and the
// desktop app, sets up logging, and wires view-models to the engine.
#include "app/cli/cli.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "engine/core/logging.h"
#include "engine/migration/migrationmanager.h"
#include "engine/migration/migrationstore.h"
#include "wizard/viewmodels/inspectviewmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setOrganizationName(QStringLiteral("FlexMigrate"));
    QCoreApplication::setApplicationName(QStringLiteral("flexmigrate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEXMIGRATE_VERSION));

    if (fm::cli::isCliCommand(arguments)) {
        QCoreApplication app(argc, argv);
        return fm::cli::run(arguments);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("FlexMigrate"));
    fm::app::installTranslations(app);
    fm::app::applyDesktopIdentity();
    fm::logging::init();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("FlexMigrate: online PostgreSQL migrations."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption source(QStringLiteral("source-uri"), QStringLiteral("Pre-fill the source connection."), QStringLiteral("uri"));
    QCommandLineOption target(QStringLiteral("target-uri"), QStringLiteral("Pre-fill the target connection."), QStringLiteral("uri"));
    QCommandLineOption inspectNow(QStringLiteral("inspect"), QStringLiteral("Inspect as soon as the window opens."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save a PNG of the window after N ms, then quit (docs)."), QStringLiteral("file"));
    QCommandLineOption screenshotDelay(QStringLiteral("screenshot-delay"), QStringLiteral("Delay for --screenshot in ms."), QStringLiteral("ms"), QStringLiteral("4000"));
    parser.addOptions({source, target, inspectNow, screenshot, screenshotDelay});
    parser.process(app);

    // URIs can also come from the environment so passwords stay out of the process list.
    QString sourceUri = parser.value(source);
    if (sourceUri.isEmpty())
        sourceUri = qEnvironmentVariable("FLEXMIGRATE_SOURCE_URI");
    QString targetUri = parser.value(target);
    if (targetUri.isEmpty())
        targetUri = qEnvironmentVariable("FLEXMIGRATE_TARGET_URI");

    fm::ui::InspectViewModel inspect;
    inspect.setSourceUri(sourceUri);
    inspect.setTargetUri(targetUri);
    // One manager for the app's lifetime: it owns every running migration and the store
    // (<AppDataLocation>/migrations); reattach what an earlier run started (issue 7).
    fm::migration::MigrationManager manager{fm::migration::MigrationStore()};
    fm::app::MainWindow window(&inspect, &manager);
    manager.reattachAll();
    window.show();
    // Service and dms migrations listed above are polled once signed in: from the keychain or the Azure CLI when the user chose that.
    window.signInFromStore();
    if (parser.isSet(inspectNow))
        QTimer::singleShot(0, &inspect, &fm::ui::InspectViewModel::inspect);
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(parser.value(screenshotDelay).toInt(), &window, [&window, file] {
            window.grab().save(file);
            QApplication::quit();
        });
    }
    return app.exec();
}
