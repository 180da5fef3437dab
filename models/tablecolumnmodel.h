// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/tablecatalogstore.h"
#include "models/twolevelitemmodel.h"

#include <QList>

namespace Opbox {

class OwnerSession;

/**
 * The columns of one Opbox table with their logical types and, below each column,
 * its history: when it was added and every widening, with the run that caused it.
 */
class TableColumnModel : public TwoLevelItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, FieldColumn, TypeColumn, ChangeColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { ColumnNameRole = Qt::UserRole + 1, LogicalTypeRole, IsColumnRole, ChangeKindRole, RunIdRole };
    Q_ENUM(Role)

    explicit TableColumnModel(OwnerSession *session, QObject *parent = nullptr);

    /** Reads the catalog of `table` (small: no worker needed). */
    void setTable(const QString &table);
    [[nodiscard]] QString table() const { return m_table; }
    [[nodiscard]] QString errorString() const { return m_error; }
    /** Column names in table order (system columns are not part of the catalog). */
    [[nodiscard]] QStringList columnNames() const;

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    [[nodiscard]] int groupCount() const override;
    [[nodiscard]] int itemCount(int group) const override;

    struct Entry
    {
        ColumnRecord column;
        QList<ColumnChange> history;
    };
    OwnerSession *m_session;
    QString m_table;
    QList<Entry> m_columns;
    QString m_error;
};

} // namespace Opbox
