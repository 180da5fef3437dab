// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTreeView;

namespace Opbox {

class OwnerSession;
class RunChartWidget;
class RunListModel;

/**
 * The Runs tab: a chart of the last runs above the connection's sync history, with a live
 * progress bar for the running run,
 * Run now and Stop, and the selected run's details and error text.
 */
class RunsWidget : public QWidget
{
    Q_OBJECT
public:
    RunsWidget(OwnerSession *session, QAction *runNow, QAction *stop, QWidget *parent = nullptr);

    void setConnectionId(const QString &connectionId);
    [[nodiscard]] RunListModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] RunChartWidget *chart() const { return m_chart; }

private:
    void showDetails();

    RunListModel *m_model;
    QTreeView *m_view;
    QPlainTextEdit *m_details;
    QLabel *m_empty;
    RunChartWidget *m_chart;
};

} // namespace Opbox
