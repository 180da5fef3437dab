// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionjson.h"
#include "base/ids.h"
#include "engine/services/runservice.h"
#include "engine/services/triggerservice.h"

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

ConnectionJson::ConnectionJson(const RunService *runs, const TriggerService *triggers)
    : m_runs(runs)
    , m_triggers(triggers)
{
}

QJsonObject ConnectionJson::toJson(const ConnectionRecord &r) const
{
    QJsonValue nextRunAt;
    if (m_triggers) {
        if (const auto at = m_triggers->nextRunAt(r))
            nextRunAt = Ids::iso(*at);
    }
    QJsonValue lastRun;
    if (m_runs) {
        if (const auto run = m_runs->lastRun(r.id))
            lastRun = run->toJson();
    }
    return QJsonObject{{u"id"_s, r.id},
                       {u"name"_s, r.name},
                       {u"type"_s, r.type},
                       {u"status"_s, r.status},
                       {u"statusMessage"_s, orNull(r.statusMessage)},
                       {u"enabled"_s, r.enabled},
                       {u"config"_s, r.config},
                       {u"schedule"_s, r.schedule},
                       {u"notifyUserIds"_s, r.notifyUserIds},
                       {u"variantGroupId"_s, orNull(r.variantGroupId)},
                       {u"variantLabel"_s, orNull(r.variantLabel)},
                       {u"credentialFields"_s, QJsonArray::fromStringList(r.credentialFields)},
                       {u"lastRun"_s, lastRun},
                       {u"nextRunAt"_s, nextRunAt},
                       {u"createdAt"_s, r.createdAt},
                       {u"updatedAt"_s, r.updatedAt}};
}

QJsonArray ConnectionJson::toJson(const QList<ConnectionRecord> &records) const
{
    QJsonArray out;
    for (const auto &r : records)
        out.append(toJson(r));
    return out;
}

} // namespace Opbox
