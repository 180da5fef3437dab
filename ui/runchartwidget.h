// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QTimer;

namespace Opbox {

class RunListModel;

/**
 * The chart above the Runs tab's list: the last 30 finished runs, oldest on the left, as bars of
 * the rows each synced and a line of how long each took, with a red mark on every failed run.
 */
class RunChartWidget : public QWidget
{
    Q_OBJECT
public:
    /** One finished run as the chart shows it. */
    struct Point
    {
        QString runId;
        QString label; ///< when it started (the time alone when today)
        qint64 rows = 0;
        double seconds = 0;
        bool failed = false;
    };
    static constexpr int RunCount = 30;

    explicit RunChartWidget(RunListModel *runs, QWidget *parent = nullptr);

    [[nodiscard]] const QList<Point> &points() const { return m_points; }
    [[nodiscard]] QChart *chart() const { return m_chart; }
    /** The newest finished runs of `runs` (newest first), oldest first and at most RunCount. */
    [[nodiscard]] static QList<Point> pointsOf(const RunListModel *runs);

Q_SIGNALS:
    void updated();

private:
    void rebuild();

    RunListModel *m_runs;
    QChart *m_chart;
    QChartView *m_view;
    QTimer *m_delay;
    QList<Point> m_points;
};

} // namespace Opbox
