// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class QTreeView;

namespace Opbox {

class OpboxTableListModel;
class OwnerSession;
class TableColumnModel;
class TableDataModel;
class TableExportJob;

/**
 * The Tables tab: the Opbox tables the connection writes, each with its columns (logical types
 * and widening history) and a read-only, filterable data browser with CSV export. Every bulk read
 * happens on pool threads.
 */
class TablesWidget : public QWidget
{
    Q_OBJECT
public:
    TablesWidget(OwnerSession *session, QWidget *parent = nullptr);

    void setConnectionId(const QString &connectionId);
    /** Exports the selected table (with the current filter) to `path`; `exportFinished` follows. */
    void exportTo(const QString &path);
    void selectTable(const QString &table);

    [[nodiscard]] OpboxTableListModel *tableModel() const { return m_tables; }
    [[nodiscard]] TableColumnModel *columnModel() const { return m_columns; }
    [[nodiscard]] TableDataModel *dataModel() const { return m_data; }
    [[nodiscard]] QTreeView *tableView() const { return m_tableView; }
    [[nodiscard]] QTableView *dataView() const { return m_dataView; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QPushButton *exportButton() const { return m_export; }

Q_SIGNALS:
    void exportFinished(bool ok, qint64 rows, const QString &message);
    void statusMessage(const QString &message);

private:
    void showTable();
    void chooseExportFile();
    void updateStatus();

    OwnerSession *m_session;
    OpboxTableListModel *m_tables;
    TableColumnModel *m_columns;
    TableDataModel *m_data;
    QTreeView *m_tableView;
    QTreeView *m_columnView;
    QTableView *m_dataView;
    QLineEdit *m_filter;
    QPushButton *m_export;
    QLabel *m_status;
    QLabel *m_empty;
    QTimer *m_filterDelay;
    QPointer<TableExportJob> m_job;
};

} // namespace Opbox
