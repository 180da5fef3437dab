// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/connectionsortproxy.h"
#include "models/connectionlistmodel.h"

namespace Opbox {

ConnectionSortProxy::ConnectionSortProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ConnectionListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
}

bool ConnectionSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.row() == right.row())
        return false;
    const int leftAnchor = left.data(ConnectionListModel::GroupAnchorRowRole).toInt();
    const int rightAnchor = right.data(ConnectionListModel::GroupAnchorRowRole).toInt();
    // Descending order asks lessThan(right, left): the group's first connection must come first
    // either way, so its answer depends on the direction.
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    if (leftAnchor == rightAnchor) {
        if (left.row() == leftAnchor)
            return ascending;
        if (right.row() == rightAnchor)
            return !ascending;
        return QSortFilterProxyModel::lessThan(left, right);
    }
    // Different groups: ordered by their first connections, ties kept apart by group.
    const QModelIndex a = left.sibling(leftAnchor, left.column());
    const QModelIndex b = right.sibling(rightAnchor, right.column());
    if (QSortFilterProxyModel::lessThan(a, b))
        return true;
    if (QSortFilterProxyModel::lessThan(b, a))
        return false;
    return leftAnchor < rightAnchor;
}

} // namespace Opbox
