// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QPlainTextEdit>
#include <QTimer>

namespace fm::ui {

/** @brief The log pane: shows what the engine's ring-buffer sink holds (already redacted). */
class LogView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit LogView(QWidget *parent = nullptr);

private:
    void pull();
    QTimer m_timer;
    quint64 m_lastId = 0;
};

} // namespace fm::ui
