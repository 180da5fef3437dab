// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Opbox {

/**
 * Sorts and filters the connection list so that the variants of a group stay together under the
 * group's first connection, whichever column and direction the list is sorted by.
 */
class ConnectionSortProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ConnectionSortProxy(QObject *parent = nullptr);

protected:
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace Opbox
