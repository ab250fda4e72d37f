// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QMainWindow>

namespace fm::ui {
class InspectViewModel;
}

namespace fm::app {

/** @brief The main window: servers, pre-flight, and the log pane. */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ui::InspectViewModel *inspect, QWidget *parent = nullptr);
};

} // namespace fm::app
