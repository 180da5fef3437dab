// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tableswidget.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "models/opboxtablelistmodel.h"
#include "models/ownersession.h"
#include "models/tablecolumnmodel.h"
#include "models/tabledatamodel.h"
#include "models/tableexportjob.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

TablesWidget::TablesWidget(OwnerSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_tables(new OpboxTableListModel(session, this))
    , m_columns(new TableColumnModel(session, this))
    , m_data(new TableDataModel(session, this))
    , m_tableView(new QTreeView(this))
    , m_columnView(new QTreeView(this))
    , m_dataView(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_export(new QPushButton(IconLibrary::action(u"export"_s), tr("E&xport CSV…"), this))
    , m_status(new QLabel(this))
    , m_empty(new QLabel(tr("No tables yet: the first sync creates one per stream."), this))
    , m_filterDelay(new QTimer(this))
{
    m_tableView->setModel(m_tables);
    m_tableView->setObjectName(u"tableList"_s);
    m_tableView->setAccessibleName(tr("Opbox tables"));
    m_tableView->setRootIsDecorated(false);
    m_tableView->setUniformRowHeights(true);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->header()->setSectionResizeMode(OpboxTableListModel::TableColumn, QHeaderView::Stretch);
    m_tableView->header()->setStretchLastSection(false);
    m_tableView->setColumnHidden(OpboxTableListModel::CreatedColumn, true);
    m_tableView->setColumnWidth(OpboxTableListModel::StreamColumn, 140);
    m_tableView->setColumnWidth(OpboxTableListModel::RowsColumn, 90);

    m_columnView->setModel(m_columns);
    m_columnView->setAccessibleName(tr("Columns and their history"));
    m_columnView->setUniformRowHeights(true);
    m_columnView->setAlternatingRowColors(true);
    m_columnView->setColumnWidth(TableColumnModel::NameColumn, 200);
    m_columnView->setColumnWidth(TableColumnModel::FieldColumn, 180);
    m_columnView->setColumnWidth(TableColumnModel::TypeColumn, 160);

    m_dataView->setModel(m_data);
    m_dataView->setObjectName(u"tableData"_s);
    m_dataView->setAccessibleName(tr("Table rows"));
    m_dataView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_dataView->setAlternatingRowColors(true);
    m_dataView->setWordWrap(false);
    m_dataView->verticalHeader()->setDefaultSectionSize(m_dataView->fontMetrics().height() + 6);
    m_dataView->horizontalHeader()->setDefaultSectionSize(140);

    m_filter->setPlaceholderText(tr("Filter rows (any column contains…)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter rows"));
    m_export->setAccessibleName(tr("Export the table to a CSV file"));
    m_status->setAccessibleName(tr("Table browser state"));
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(250);

    auto *dataPage = new QWidget(this);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_export);
    auto *dataLayout = new QVBoxLayout(dataPage);
    dataLayout->setContentsMargins(0, 4, 0, 0);
    dataLayout->addLayout(filterRow);
    dataLayout->addWidget(m_dataView, 1);
    dataLayout->addWidget(m_status);

    auto *inner = new QTabWidget(this);
    inner->setDocumentMode(true);
    inner->setAccessibleName(tr("Table details"));
    inner->addTab(dataPage, IconLibrary::action(u"table"_s), tr("&Data"));
    inner->addTab(m_columnView, tr("Co&lumns"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_tableView, 1);
    leftLayout->addWidget(m_empty);
    m_empty->setWordWrap(true);

    // Tables above, their data below: table names are long and rows are wide.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(left);
    splitter->addWidget(inner);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({130, 520});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TablesWidget::showTable);
    connect(m_tables, &OpboxTableListModel::loaded, this, [this] {
        m_empty->setVisible(m_tables->rowCount() == 0);
        if (!m_tableView->currentIndex().isValid() && m_tables->rowCount() > 0)
            m_tableView->setCurrentIndex(m_tables->index(0, 0));
    });
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, [this] { m_data->setFilter(m_filter->text()); });
    connect(m_data, &TableDataModel::pageLoaded, this, &TablesWidget::updateStatus);
    connect(m_data, &TableDataModel::loadingChanged, this, &TablesWidget::updateStatus);
    connect(m_export, &QPushButton::clicked, this, &TablesWidget::chooseExportFile);
    m_export->setEnabled(false);
}

void TablesWidget::setConnectionId(const QString &connectionId)
{
    if (connectionId == m_tables->connectionId())
        return;
    m_tables->setConnectionId(connectionId);
    m_columns->setTable({});
    m_data->setTable({});
    m_filter->clear();
    m_export->setEnabled(false);
    updateStatus();
}

void TablesWidget::selectTable(const QString &table)
{
    const int row = m_tables->rowOf(table);
    if (row >= 0)
        m_tableView->setCurrentIndex(m_tables->index(row, 0));
}

void TablesWidget::showTable()
{
    const QString table = m_tableView->currentIndex().data(OpboxTableListModel::TableNameRole).toString();
    m_columns->setTable(table);
    m_columnView->expandAll();
    m_data->setTable(table);
    m_export->setEnabled(!table.isEmpty() && !m_job);
    updateStatus();
}

void TablesWidget::updateStatus()
{
    if (m_data->table().isEmpty()) {
        m_status->clear();
        return;
    }
    if (!m_data->errorString().isEmpty()) {
        m_status->setText(tr("Cannot read the table: %1").arg(m_data->errorString()));
        return;
    }
    const QString rows = tr("%n row(s) shown", nullptr, m_data->rowCount());
    if (m_data->isLoading())
        m_status->setText(tr("%1 · loading…").arg(rows));
    else if (m_data->canFetchMore({}))
        m_status->setText(tr("%1 · scroll for more").arg(rows));
    else
        m_status->setText(rows);
}

void TablesWidget::chooseExportFile()
{
    const QString table = m_data->table();
    if (table.isEmpty())
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(table), QDir(dir).filePath(table + u".csv"_s),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void TablesWidget::exportTo(const QString &path)
{
    const QString table = m_data->table();
    if (table.isEmpty() || m_job)
        return;
    auto *job = new TableExportJob(m_session, this);
    m_job = job;
    m_export->setEnabled(false);
    connect(job, &TableExportJob::progress, this,
            [this](qint64 rows) { m_status->setText(tr("Exporting… %1 rows written").arg(DisplayFormat::count(rows))); });
    connect(job, &TableExportJob::finished, this, [this, job, path](bool ok, qint64 rows, const QString &error) {
        job->deleteLater();
        m_job.clear();
        m_export->setEnabled(!m_data->table().isEmpty());
        const QString message = ok ? tr("%1 rows exported to %2").arg(DisplayFormat::count(rows), QDir::toNativeSeparators(path))
                                   : tr("Export failed: %1").arg(error);
        m_status->setText(message);
        Q_EMIT statusMessage(message);
        Q_EMIT exportFinished(ok, rows, message);
    });
    m_status->setText(tr("Exporting…"));
    job->start(table, m_data->filter(), path);
}

} // namespace Opbox
