// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QStringList>

namespace Opbox {

/**
 * Which rows of a checkable list are checked, by the rows' keys (user ids, stream names), so that
 * check marks survive re-reads of the list and the checked ones come out in the list's own order.
 */
class CheckedKeys
{
public:
    [[nodiscard]] bool contains(const QString &key) const { return m_keys.contains(key); }
    [[nodiscard]] Qt::CheckState state(const QString &key) const { return contains(key) ? Qt::Checked : Qt::Unchecked; }
    /** Checks or unchecks one key; false when it already was so. */
    bool set(const QString &key, bool checked);
    /** Makes exactly `keys` checked; false when they were already. */
    bool assign(const QStringList &keys);
    /** Unchecks every key not in `present` (rows that left the list). */
    void keepOnly(const QStringList &present);
    /** The checked keys among `keys`, in that order. */
    [[nodiscard]] QStringList among(const QStringList &keys) const;

private:
    QSet<QString> m_keys;
};

} // namespace Opbox
