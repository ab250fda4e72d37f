// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/dashboard/lagchart.h"

#include "app/dashboard/migrationviewmodel.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

namespace fm::dashboard {

namespace {

QChartView *makeView(const QString &title, QLineSeries *a, QLineSeries *b, QValueAxis *&x, QValueAxis *&y, QValueAxis *&y2, const QString &yTitle,
                     const QString &y2Title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->addSeries(a);
    chart->addSeries(b);
    x = new QValueAxis;
    x->setTitleText(QObject::tr("seconds since start"));
    x->setLabelFormat(QStringLiteral("%d"));
    y = new QValueAxis;
    y->setTitleText(yTitle);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y2 = new QValueAxis;
    y2->setTitleText(y2Title);
    y2->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(y2, Qt::AlignRight);
    a->attachAxis(x);
    a->attachAxis(y);
    b->attachAxis(x);
    b->attachAxis(y2);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

double niceMax(double v)
{
    return v <= 0 ? 1.0 : v * 1.15;
}

} // namespace

LagChart::LagChart(MigrationViewModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    m_lagSeconds = new QLineSeries;
    m_lagSeconds->setName(tr("lag (s)"));
    m_lagMb = new QLineSeries;
    m_lagMb->setName(tr("lag (MB)"));
    m_rows = new QLineSeries;
    m_rows->setName(tr("copy (rows/s)"));
    m_changes = new QLineSeries;
    m_changes->setName(tr("changes applied (/s)"));
    m_lagView = makeView(tr("Replication lag"), m_lagSeconds, m_lagMb, m_lagX, m_lagY, m_lagY2, tr("s"), tr("MB"), this);
    m_rateView = makeView(tr("Throughput"), m_rows, m_changes, m_rateX, m_rateY, m_rateY2, tr("rows/s"), tr("changes/s"), this);
    m_lagY2->setLabelFormat(QStringLiteral("%.1f"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_lagView);
    layout->addWidget(m_rateView);

    // Coalesce: the model may report several times a second; drawing once a second is enough to read.
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            redraw();
    });
    m_timer->start();
    connect(m_model, &MigrationViewModel::samplesChanged, this, [this] { m_dirty = true; });
    redraw();
}

void LagChart::redraw()
{
    m_dirty = false;
    const auto &samples = m_model->samples();
    QList<QPointF> lagS, lagMb, rows, changes;
    // Long runs: at most ~600 points per series (every n-th sample), so a redraw stays cheap.
    const qsizetype step = std::max<qsizetype>(1, samples.size() / 600);
    const QDateTime origin = samples.isEmpty() ? QDateTime() : samples.first().time;
    double maxLag = 0, maxMb = 0, maxRows = 0, maxChanges = 0, maxX = 1;
    for (qsizetype i = 0; i < samples.size(); i += step) {
        const auto &s = samples[i];
        const double x = origin.msecsTo(s.time) / 1000.0;
        maxX = std::max(maxX, x);
        if (s.lagSeconds) {
            lagS.append({x, double(*s.lagSeconds)});
            maxLag = std::max(maxLag, double(*s.lagSeconds));
        }
        if (s.lagBytes) {
            const double mb = *s.lagBytes / (1024.0 * 1024.0);
            lagMb.append({x, mb});
            maxMb = std::max(maxMb, mb);
        }
        rows.append({x, s.rowsPerSecond});
        changes.append({x, s.changesPerSecond});
        maxRows = std::max(maxRows, s.rowsPerSecond);
        maxChanges = std::max(maxChanges, s.changesPerSecond);
    }
    m_lagSeconds->replace(lagS);
    m_lagMb->replace(lagMb);
    m_rows->replace(rows);
    m_changes->replace(changes);
    m_lagX->setRange(0, maxX);
    m_rateX->setRange(0, maxX);
    m_lagY->setRange(0, std::max(5.0, niceMax(maxLag)));
    m_lagY2->setRange(0, std::max(1.0, niceMax(maxMb)));
    m_rateY->setRange(0, std::max(10.0, niceMax(maxRows)));
    m_rateY2->setRange(0, std::max(10.0, niceMax(maxChanges)));
    // Round axis ends and ticks (482822 -> 500000) so the scales read at a glance.
    for (QValueAxis *axis : {m_lagX, m_rateX, m_lagY, m_lagY2, m_rateY, m_rateY2})
        axis->applyNiceNumbers();
}

int LagChart::pointCount(const QString &series) const
{
    if (series == QLatin1String("lag-seconds"))
        return int(m_lagSeconds->count());
    if (series == QLatin1String("lag-mb"))
        return int(m_lagMb->count());
    if (series == QLatin1String("rows"))
        return int(m_rows->count());
    if (series == QLatin1String("changes"))
        return int(m_changes->count());
    return -1;
}

} // namespace fm::dashboard
