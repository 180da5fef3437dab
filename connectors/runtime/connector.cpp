// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/connector.h"

using namespace Qt::StringLiterals;

namespace Opbox {

QJsonObject StreamSpec::toJson() const
{
    QJsonArray fieldArray;
    for (const auto &field : fields)
        fieldArray.append(field.toJson());
    QJsonObject o{{u"name"_s, name},
                  {u"fields"_s, fieldArray},
                  {u"supportedSyncModes"_s, QJsonArray::fromStringList(supportedSyncModes)},
                  {u"primaryKey"_s, QJsonArray::fromStringList(primaryKey)}};
    if (!cursorField.isEmpty())
        o.insert(u"cursorField"_s, cursorField);
    if (!parent.isEmpty())
        o.insert(u"parent"_s, parent);
    o.insert(u"available"_s, available);
    if (!available)
        o.insert(u"reason"_s, reason);
    return o;
}

} // namespace Opbox
