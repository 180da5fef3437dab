// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>

namespace Opbox {

/**
 * The index arithmetic of a two-level tree (groups, and the items of each group below it) for the
 * models that show one: group rows carry 0 in their internal id, item rows their group's row + 1,
 * so that an index needs no pointer into the model's data.
 */
class TwoLevelItemModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;

protected:
    TwoLevelItemModel(int columnCount, QObject *parent);

    [[nodiscard]] virtual int groupCount() const = 0;
    [[nodiscard]] virtual int itemCount(int group) const = 0;

    /** True on group rows, false on item rows. */
    [[nodiscard]] static bool isGroup(const QModelIndex &index) { return index.internalId() == GroupMarker; }
    /** The group row an index belongs to: its own row on group rows, its parent's on item rows. */
    [[nodiscard]] static int groupOf(const QModelIndex &index);
    /** The index of item `row` of group `group`. */
    [[nodiscard]] QModelIndex itemIndex(int group, int row, int column) const;

private:
    static constexpr quintptr GroupMarker = 0;
    int m_columnCount;
};

} // namespace Opbox
