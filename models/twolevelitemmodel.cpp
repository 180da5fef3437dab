// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/twolevelitemmodel.h"

namespace Opbox {

TwoLevelItemModel::TwoLevelItemModel(int columnCount, QObject *parent)
    : QAbstractItemModel(parent)
    , m_columnCount(columnCount)
{
}

QModelIndex TwoLevelItemModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= m_columnCount)
        return {};
    if (!parent.isValid())
        return row < groupCount() ? createIndex(row, column, GroupMarker) : QModelIndex();
    // Only the first column of a group has children, as rowCount() says.
    if (!isGroup(parent) || parent.column() != 0 || parent.row() >= groupCount())
        return {};
    if (row >= itemCount(parent.row()))
        return {};
    return itemIndex(parent.row(), row, column);
}

QModelIndex TwoLevelItemModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || isGroup(child))
        return {};
    return createIndex(groupOf(child), 0, GroupMarker);
}

int TwoLevelItemModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return groupCount();
    if (!isGroup(parent) || parent.column() != 0)
        return 0;
    return itemCount(parent.row());
}

int TwoLevelItemModel::columnCount(const QModelIndex &) const
{
    return m_columnCount;
}

int TwoLevelItemModel::groupOf(const QModelIndex &index)
{
    return isGroup(index) ? index.row() : int(index.internalId() - 1);
}

QModelIndex TwoLevelItemModel::itemIndex(int group, int row, int column) const
{
    return createIndex(row, column, quintptr(group + 1));
}

} // namespace Opbox
