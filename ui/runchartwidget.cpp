// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/runchartwidget.h"
#include "models/displayformat.h"
#include "models/runlistmodel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QJsonObject>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox {

RunChartWidget::RunChartWidget(RunListModel *runs, QWidget *parent)
    : QWidget(parent)
    , m_runs(runs)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_delay(new QTimer(this))
{
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->setLocalizeNumbers(true); // "0,5 s" in German
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Chart of the last runs"));
    m_view->viewport()->setAccessibleName(tr("Chart of the last runs"));
    // Nothing in the chart reacts to keys: it takes no Tab stop between Run Now and the list.
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->viewport()->setFocusPolicy(Qt::NoFocus);
    m_view->setMinimumHeight(210);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    // A running run changes many times a second; the chart follows finished runs, once per burst.
    m_delay->setSingleShot(true);
    m_delay->setInterval(150);
    connect(m_delay, &QTimer::timeout, this, &RunChartWidget::rebuild);
    connect(runs, &QAbstractItemModel::modelReset, m_delay, qOverload<>(&QTimer::start));
    connect(runs, &QAbstractItemModel::rowsInserted, m_delay, qOverload<>(&QTimer::start));
    connect(runs, &QAbstractItemModel::dataChanged, m_delay, qOverload<>(&QTimer::start));
    rebuild();
}

QList<RunChartWidget::Point> RunChartWidget::pointsOf(const RunListModel *runs)
{
    QList<Point> points;
    for (int row = 0; row < runs->rowCount() && points.size() < RunCount; ++row) {
        const QJsonObject run = runs->run(row);
        const QString status = run.value(u"status"_s).toString();
        const QDateTime started = DisplayFormat::parse(run.value(u"startedAt"_s).toString());
        const QDateTime completed = DisplayFormat::parse(run.value(u"completedAt"_s).toString());
        if (!completed.isValid())
            continue; // still running or waiting: not a finished run yet
        Point p;
        p.runId = run.value(u"id"_s).toString();
        p.label = DisplayFormat::dateTime(started.isValid() ? started : completed);
        p.rows = run.value(u"rowsSynced"_s).toInteger();
        p.seconds = started.isValid() ? std::max<qint64>(0, started.msecsTo(completed)) / 1000.0 : 0;
        p.failed = status == QLatin1String("FAILED");
        points.append(p);
    }
    std::reverse(points.begin(), points.end());
    return points;
}

void RunChartWidget::rebuild()
{
    const QList<Point> points = pointsOf(m_runs);
    bool same = points.size() == m_points.size();
    for (qsizetype i = 0; same && i < points.size(); ++i)
        same = points.at(i).runId == m_points.at(i).runId && points.at(i).rows == m_points.at(i).rows;
    if (same && !m_chart->series().isEmpty())
        return;
    m_points = points;
    m_chart->removeAllSeries();
    // removeAxis() hands the axis back to the caller (removeAllSeries() deletes the series).
    const QList<QAbstractAxis *> axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }

    auto *rows = new QBarSet(tr("Rows synced"));
    rows->setColor(QColor(0x3d, 0x7e, 0xc9));
    auto *bars = new QBarSeries;
    bars->append(rows);
    auto *duration = new QLineSeries;
    duration->setName(tr("Duration (seconds)"));
    duration->setColor(QColor(0xe0, 0x8e, 0x1b));
    duration->setPointsVisible(true);
    auto *failed = new QScatterSeries;
    failed->setName(tr("Failed"));
    failed->setColor(QColor(0xd0, 0x31, 0x2d));
    failed->setBorderColor(QColor(0xd0, 0x31, 0x2d));
    failed->setMarkerSize(11);
    QStringList labels;
    qint64 mostRows = 0;
    double longest = 0;
    for (qsizetype i = 0; i < m_points.size(); ++i) {
        const Point &p = m_points.at(i);
        rows->append(double(p.rows));
        duration->append(double(i), p.seconds);
        if (p.failed)
            failed->append(double(i), p.seconds);
        // Category labels must be unique; two runs in the same minute get their number.
        labels.append(labels.contains(p.label) ? u"%1 (%2)"_s.arg(p.label).arg(i + 1) : p.label);
        mostRows = std::max(mostRows, p.rows);
        longest = std::max(longest, p.seconds);
    }
    m_chart->addSeries(bars);
    m_chart->addSeries(duration);
    m_chart->addSeries(failed);

    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setLabelsAngle(labels.size() > 8 ? -60 : 0);
    auto *left = new QValueAxis;
    // The legend names what each axis counts; axis titles would take the room of their labels.
    left->setTickCount(4);
    left->setLabelFormat(u"%.0f"_s);
    left->setRange(0, std::max<qint64>(10, mostRows + mostRows / 10));
    auto *right = new QValueAxis;
    right->setTickCount(4);
    right->setLabelFormat(u"%.1f s"_s);
    right->setRange(0, std::max(1.0, longest * 1.1));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(left, Qt::AlignLeft);
    m_chart->addAxis(right, Qt::AlignRight);
    bars->attachAxis(x);
    bars->attachAxis(left);
    for (auto *series : {static_cast<QAbstractSeries *>(duration), static_cast<QAbstractSeries *>(failed)}) {
        series->attachAxis(x);
        series->attachAxis(right);
    }
    m_chart->setTitle(m_points.isEmpty() ? tr("No finished runs yet") : tr("Last %n run(s)", nullptr, int(m_points.size())));
    Q_EMIT updated();
}

} // namespace Opbox
