// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/mainwindow.h"

#include "wizard/pages/inspectionview.h"
#include "wizard/viewmodels/inspectviewmodel.h"
#include "wizard/widgets/logview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QTime>

namespace fm::app {

MainWindow::MainWindow(ui::InspectViewModel *inspect, QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("FlexMigrate"));
    auto *view = new ui::InspectionView(inspect, this);
    setCentralWidget(view);

    auto *logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(new ui::LogView(logDock));
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({logDock}, {140}, Qt::Vertical);

    auto *file = menuBar()->addMenu(tr("&File"));
    auto *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(logDock->toggleViewAction());
    statusBar()->showMessage(tr("Enter the source (and target) and press Inspect."));
    connect(inspect, &ui::InspectViewModel::inspected, this, [this] {
        statusBar()->showMessage(tr("Inspected at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    });
    resize(1100, 760);
}

} // namespace fm::app
