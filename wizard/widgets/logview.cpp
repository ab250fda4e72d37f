// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/widgets/logview.h"

#include "engine/core/logging.h"

namespace fm::ui {

LogView::LogView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setMaximumBlockCount(5000);
    setAccessibleName(tr("Log"));
    setPlaceholderText(tr("Log messages appear here."));
    // Polling the ring buffer keeps logging threads from ever touching widgets.
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &LogView::pull);
    m_timer.start();
}

void LogView::pull()
{
    const auto entries = logging::ringBuffer()->entriesSince(m_lastId);
    for (const auto &e : entries) {
        static const char *levels[] = {"trace", "debug", "info", "warning", "error", "critical", "off"};
        appendPlainText(QStringLiteral("%1 %2 %3: %4")
                            .arg(e.time.toString(QStringLiteral("HH:mm:ss.zzz")), QLatin1String(levels[qBound(0, e.level, 6)]), e.logger, e.message));
        m_lastId = e.id;
    }
}

} // namespace fm::ui
