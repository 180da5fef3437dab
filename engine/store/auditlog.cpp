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

namespace {

QJsonValue orNull(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

} // namespace

QJsonObject AuditEvent::toJson() const
{
    QJsonObject e{{u"id"_s, id},
                  {u"at"_s, at},
                  {u"workspaceId"_s, workspaceId},
                  {u"actorUserId"_s, orNull(actorUserId)},
                  {u"action"_s, action},
                  {u"targetType"_s, targetType},
                  {u"targetId"_s, orNull(targetId)},
                  {u"ip"_s, orNull(ip)},
                  {u"details"_s, details}};
    if (actorEmail)
        e.insert(u"actorEmail"_s, *actorEmail);
    return e;
}

QJsonObject AuditPage::toJson() const
{
    QJsonArray list;
    for (const AuditEvent &e : events)
        list.append(e.toJson());
    return QJsonObject{{u"events"_s, list},
                       {u"pagination"_s,
                        QJsonObject{{u"limit"_s, limit}, {u"offset"_s, offset}, {u"total"_s, total}, {u"hasMore"_s, hasMore()}}}};
}

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

Result<AuditPage> AuditLog::list(const Caller &caller, int limit, int offset, const QString &action) const
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
    AuditPage page;
    page.limit = limit;
    page.offset = offset;
    page.total = total;
    const auto optional = [&rows](int column) {
        return rows.value(column).isNull() ? std::nullopt : std::optional<QString>(rows.value(column).toString());
    };
    while (rows.next()) {
        page.events.append(AuditEvent{rows.value(0).toString(), rows.value(1).toString(), rows.value(2).toString(), optional(3),
                                      optional(9), rows.value(4).toString(), rows.value(5).toString(), optional(6), optional(7),
                                      JsonColumn::object(rows.value(8).toString())});
    }
    return page;
}

} // namespace Opbox
