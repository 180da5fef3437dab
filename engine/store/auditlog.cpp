// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/auditlog.h"
#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/store/database.h"
#include "engine/store/jsoncolumn.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Opbox {

AuditLog::AuditLog(Database *metadata, QObject *parent)
    : QObject(parent)
    , m_metadata(metadata)
{
}

QJsonObject AuditLog::scrub(const QJsonObject &details)
{
    // A second line of defence: services never put secrets here, but a future caller might.
    static const QRegularExpression secretKey(u"secret|password|passwd|apikey|api_key|apitoken|accesstoken|access_token|"
                                              "refreshtoken|refresh_token|^token$|^credentials$|authorization|verifier"_s,
                                              QRegularExpression::CaseInsensitiveOption);
    QJsonObject out;
    for (auto it = details.begin(); it != details.end(); ++it) {
        if (secretKey.match(it.key()).hasMatch())
            out.insert(it.key(), u"[redacted]"_s);
        else if (it.value().isObject())
            out.insert(it.key(), scrub(it.value().toObject()));
        else
            out.insert(it.key(), it.value());
    }
    return out;
}

void AuditLog::record(const Caller &caller, const QString &action, const QString &targetType, const QString &targetId,
                      const QJsonObject &details)
{
    SqlQuery q(m_metadata->connection(),
               u"INSERT INTO audit_log(id, at, workspace_id, actor_user_id, action, target_type, target_id, ip, details)"
               " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.bind(Ids::newId())
        .bind(Ids::isoNow())
        .bind(caller.workspaceId.isEmpty() ? QVariant() : QVariant(caller.workspaceId))
        .bind(caller.userId.isEmpty() ? QVariant() : QVariant(caller.userId))
        .bind(action)
        .bind(targetType)
        .bind(targetId.isEmpty() ? QVariant() : QVariant(targetId))
        .bind(caller.ip.isEmpty() ? QVariant() : QVariant(caller.ip))
        .bind(JsonColumn::text(scrub(details)));
    if (!q.exec()) {
        qCCritical(lcEngine) << "cannot write the audit log entry" << action;
        return;
    }
    Q_EMIT recorded(caller.workspaceId);
}

Result<QJsonObject> AuditLog::list(const Caller &caller, int limit, int offset, const QString &action) const
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    limit = std::clamp(limit, 1, 500);
    offset = std::max(offset, 0);
    const QString filter = action.isEmpty() ? QString() : u" AND action = ?"_s;
    SqlQuery count(m_metadata->connection(), u"SELECT COUNT(*) FROM audit_log WHERE workspace_id = ?"_s + filter);
    count.bind(caller.workspaceId);
    if (!action.isEmpty())
        count.bind(action);
    if (!count.exec() || !count.next())
        return Error::internal();
    const qint64 total = count.value(0).toLongLong();
    SqlQuery rows(m_metadata->connection(),
                  u"SELECT a.id, a.at, a.workspace_id, a.actor_user_id, a.action, a.target_type, a.target_id, a.ip, a.details,"
                  " u.email FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id WHERE a.workspace_id = ?"_s
                      + (action.isEmpty() ? QString() : u" AND a.action = ?"_s) + u" ORDER BY a.seq DESC LIMIT ? OFFSET ?"_s);
    rows.bind(caller.workspaceId);
    if (!action.isEmpty())
        rows.bind(action);
    rows.bind(limit).bind(offset);
    if (!rows.exec())
        return Error::internal();
    QJsonArray events;
    while (rows.next()) {
        QJsonObject e{{u"id"_s, rows.value(0).toString()},
                      {u"at"_s, rows.value(1).toString()},
                      {u"workspaceId"_s, rows.value(2).toString()},
                      {u"actorUserId"_s, rows.value(3).isNull() ? QJsonValue() : QJsonValue(rows.value(3).toString())},
                      {u"action"_s, rows.value(4).toString()},
                      {u"targetType"_s, rows.value(5).toString()},
                      {u"targetId"_s, rows.value(6).isNull() ? QJsonValue() : QJsonValue(rows.value(6).toString())},
                      {u"ip"_s, rows.value(7).isNull() ? QJsonValue() : QJsonValue(rows.value(7).toString())},
                      {u"details"_s, JsonColumn::object(rows.value(8).toString())}};
        if (!rows.value(9).isNull())
            e.insert(u"actorEmail"_s, rows.value(9).toString());
        events.append(e);
    }
    return QJsonObject{
        {u"events"_s, events},
        {u"pagination"_s,
         QJsonObject{
             {u"limit"_s, limit}, {u"offset"_s, offset}, {u"total"_s, total}, {u"hasMore"_s, offset + events.size() < total}}}};
}

} // namespace Opbox
