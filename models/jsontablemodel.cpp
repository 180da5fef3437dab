// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/jsontablemodel.h"

#include <QJsonArray>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox {

JsonTableModel::JsonTableModel(int columnCount, QString keyField, QObject *parent)
    : QAbstractTableModel(parent)
    , m_columnCount(columnCount)
    , m_keyField(std::move(keyField))
{
}

int JsonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JsonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columnCount;
}

QVariant JsonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    const QString title = columnTitle(section);
    return title.isEmpty() ? QVariant() : QVariant(title);
}

bool JsonTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

int JsonTableModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(m_keyField).toString() == key)
            return i;
    }
    return -1;
}

QJsonObject JsonTableModel::rowObject(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

void JsonTableModel::resetRows(const QList<QJsonObject> &rows, qint64 total)
{
    beginResetModel();
    m_rows = rows;
    m_total = total;
    endResetModel();
}

bool JsonTableModel::updateRow(int row, const QJsonObject &object)
{
    if (m_rows.at(row) == object)
        return false;
    m_rows[row] = object;
    Q_EMIT dataChanged(index(row, 0), index(row, m_columnCount - 1));
    return true;
}

void JsonTableModel::insertRowObject(int row, const QJsonObject &object)
{
    m_inserting = true;
    beginInsertRows({}, row, row);
    m_rows.insert(row, object);
    endInsertRows();
    m_inserting = false;
}

void JsonTableModel::removeRowObject(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void JsonTableModel::prependRows(const QList<QJsonObject> &fresh, qint64 total)
{
    // The total changes after the rows are in: views may ask canFetchMore() while rows are inserted.
    if (!fresh.isEmpty()) {
        m_inserting = true;
        beginInsertRows({}, 0, int(fresh.size()) - 1);
        m_rows = fresh + m_rows;
        endInsertRows();
        m_inserting = false;
    }
    m_total = std::max<qint64>(total, m_rows.size());
}

void JsonTableModel::appendPage(const QList<QJsonObject> &page, qint64 total)
{
    if (page.isEmpty()) {
        m_total = m_rows.size();
        return;
    }
    const int first = int(m_rows.size());
    m_inserting = true;
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
    m_inserting = false;
    m_total = std::max<qint64>(total, m_rows.size());
}

} // namespace Opbox
