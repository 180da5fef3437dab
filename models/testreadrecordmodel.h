// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>
#include <QPair>
#include <QStringList>

namespace Opbox {

/**
 * The records a test read gave for one stream as a table: one row a record, one column each
 * inferred column (then any other key the records carry), nested values as compact JSON.
 */
class TestReadRecordModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { ColumnTypeRole = Qt::UserRole + 1 };
    Q_ENUM(Role)

    explicit TestReadRecordModel(QObject *parent = nullptr);

    /** Shows `records` under `columns` (name, type as the table writer would create it). */
    void setRecords(const QJsonArray &records, const QList<QPair<QString, QString>> &columns);
    void clear();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QJsonArray m_records;
    QStringList m_columns;
    QStringList m_types;
};

} // namespace Opbox
