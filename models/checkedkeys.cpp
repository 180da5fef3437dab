// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/checkedkeys.h"

namespace Opbox {

bool CheckedKeys::set(const QString &key, bool checked)
{
    if (checked == m_keys.contains(key))
        return false;
    if (checked)
        m_keys.insert(key);
    else
        m_keys.remove(key);
    return true;
}

bool CheckedKeys::assign(const QStringList &keys)
{
    QSet<QString> wanted(keys.begin(), keys.end());
    if (wanted == m_keys)
        return false;
    m_keys = std::move(wanted);
    return true;
}

void CheckedKeys::keepOnly(const QStringList &present)
{
    m_keys.intersect(QSet<QString>(present.begin(), present.end()));
}

QStringList CheckedKeys::among(const QStringList &keys) const
{
    QStringList out;
    for (const QString &key : keys) {
        if (m_keys.contains(key))
            out.append(key);
    }
    return out;
}

} // namespace Opbox
