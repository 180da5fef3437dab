// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QFuture>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace Opbox {

class OwnerSession;
struct TableRowPage;

/**
 * A read-only view of one Opbox table's rows, filtered by text, fetched a page at a time on a
 * pool thread as the view scrolls — a million-row table never blocks the window.
 */
class TableDataModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int PageSize = 200;
    enum Role { RawValueRole = Qt::UserRole + 1, ColumnNameRole };
    Q_ENUM(Role)

    explicit TableDataModel(OwnerSession *session, QObject *parent = nullptr);
    ~TableDataModel() override;

    void setTable(const QString &table);
    [[nodiscard]] QString table() const { return m_table; }
    void setFilter(const QString &filter);
    [[nodiscard]] QString filter() const { return m_filter; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QStringList columnNames() const { return m_columns; }
    /** Re-reads from the first page (e.g. after a sync wrote rows). */
    void reload();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /** A page arrived (or the load failed: see errorString()). */
    void pageLoaded();

private:
    void load(qint64 afterRowid);
    void apply(quint64 generation, bool first, const TableRowPage &page, const QString &error);

    OwnerSession *m_session;
    QString m_table;
    QString m_filter;
    QStringList m_columns;
    QList<QVariantList> m_rows;
    qint64 m_lastRowid = 0;
    bool m_more = false;
    bool m_loading = false;
    quint64 m_generation = 0;
    QString m_error;
    QFuture<void> m_task;
};

} // namespace Opbox
