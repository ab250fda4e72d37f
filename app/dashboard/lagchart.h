// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
class QTimer;

namespace fm::dashboard {

class MigrationViewModel;

/**
 * @brief Lag (seconds and MB) and throughput (rows/s, changes/s) over time
 * with Qt Charts (issue 7). Redrawn at most once a second from the model's
 * samples, so a fast backend never makes the UI thread redraw per status.
 */
class LagChart : public QWidget
{
    Q_OBJECT
public:
    explicit LagChart(MigrationViewModel *model, QWidget *parent = nullptr);

    /** Points currently drawn, per series: "lag-seconds", "lag-mb", "rows", "changes". */
    int pointCount(const QString &series) const;
    /** Redraws now (tests, screenshots). */
    void redraw();

private:
    MigrationViewModel *m_model;
    QChartView *m_lagView = nullptr;
    QChartView *m_rateView = nullptr;
    QLineSeries *m_lagSeconds = nullptr;
    QLineSeries *m_lagMb = nullptr;
    QLineSeries *m_rows = nullptr;
    QLineSeries *m_changes = nullptr;
    QValueAxis *m_lagX = nullptr, *m_lagY = nullptr, *m_lagY2 = nullptr;
    QValueAxis *m_rateX = nullptr, *m_rateY = nullptr, *m_rateY2 = nullptr;
    QTimer *m_timer = nullptr;
    bool m_dirty = false;
};

} // namespace fm::dashboard
