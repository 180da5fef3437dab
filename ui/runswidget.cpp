// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/runswidget.h"
#include "models/displayformat.h"
#include "models/runlistmodel.h"
#include "ui/runchartwidget.h"
#include "ui/runprogressdelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QToolButton *actionButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(false);
    return button;
}

} // namespace

RunsWidget::RunsWidget(OwnerSession *session, QAction *runNow, QAction *stop, QWidget *parent)
    : QWidget(parent)
    , m_model(new RunListModel(session, this))
    , m_view(new QTreeView(this))
    , m_details(new QPlainTextEdit(this))
    , m_empty(new QLabel(tr("No runs yet. Start one with Run Now."), this))
    , m_chart(new RunChartWidget(m_model, this))
{
    m_view->setModel(m_model);
    m_view->setObjectName(u"runList"_s);
    m_view->setAccessibleName(tr("Runs"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setItemDelegateForColumn(RunListModel::ProgressColumn, new RunProgressDelegate(m_view));
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(RunListModel::StatusColumn, 105);
    m_view->setColumnWidth(RunListModel::TriggerColumn, 85);
    m_view->setColumnWidth(RunListModel::StartedColumn, 110);
    m_view->setColumnWidth(RunListModel::DurationColumn, 80);
    m_view->setColumnWidth(RunListModel::RowsColumn, 70);

    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Run details"));
    m_details->setPlaceholderText(tr("Select a run to see its details."));
    m_details->setMaximumBlockCount(200);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(actionButton(runNow, this));
    buttons->addWidget(actionButton(stop, this));
    buttons->addStretch(1);
    buttons->addWidget(m_empty);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RunsWidget::showDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RunsWidget::showDetails);
    auto updateEmpty = [this] { m_empty->setVisible(m_model->rowCount() == 0); };
    connect(m_model, &QAbstractItemModel::modelReset, this, updateEmpty);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, updateEmpty);
    updateEmpty();
}

void RunsWidget::setConnectionId(const QString &connectionId)
{
    if (connectionId == m_model->connectionId())
        return;
    m_model->setConnectionId(connectionId);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    showDetails();
}

void RunsWidget::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const QJsonObject run = m_model->run(current.row());
    QStringList lines;
    lines.append(tr("Run %1").arg(run.value(u"id"_s).toString()));
    lines.append(tr("Status: %1").arg(DisplayFormat::runStatus(run.value(u"status"_s).toString())));
    lines.append(tr("Started by: %1").arg(DisplayFormat::trigger(run.value(u"trigger"_s).toString())));
    QStringList streams;
    for (const auto &v : run.value(u"streams"_s).toArray())
        streams.append(v.toString());
    if (!streams.isEmpty())
        lines.append(tr("Streams: %1").arg(streams.join(u", "_s)));
    lines.append(tr("Started: %1").arg(DisplayFormat::dateTime(run.value(u"startedAt"_s).toString())));
    if (!run.value(u"completedAt"_s).toString().isEmpty())
        lines.append(tr("Finished: %1").arg(DisplayFormat::dateTime(run.value(u"completedAt"_s).toString())));
    lines.append(tr("Rows: %1 synced, %2 new, %3 updated")
                     .arg(DisplayFormat::count(run.value(u"rowsSynced"_s).toInteger()),
                          DisplayFormat::count(run.value(u"rowsCreated"_s).toInteger()),
                          DisplayFormat::count(run.value(u"rowsUpdated"_s).toInteger())));
    if (run.value(u"status"_s).toString() == u"RUNNING"_s) {
        lines.append(tr("Progress: %1").arg(RunListModel::progressText(run)));
        QStringList active;
        for (const auto &v : run.value(u"progress"_s).toObject().value(u"activeStreams"_s).toArray())
            active.append(v.toString());
        if (!active.isEmpty())
            lines.append(tr("Reading now: %1").arg(active.join(u", "_s)));
    }
    const QString error = run.value(u"error"_s).toString();
    if (!error.isEmpty())
        lines.append(tr("Error: %1").arg(error));
    // What a completed run skipped because the account may not read it.
    for (const auto &warning : run.value(u"warnings"_s).toArray())
        lines.append(tr("Skipped: %1").arg(warning.toString()));
    const QString text = lines.join(u'\n');
    if (text != m_details->toPlainText())
        m_details->setPlainText(text);
}

} // namespace Opbox
