// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/notificationservice.h"
#include "base/ids.h"
#include "engine/services/connectionservice.h"
#include "engine/services/identityservice.h"
#include "engine/store/database.h"
#include "engine/store/jsoncolumn.h"
#include "engine/store/runstore.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s, int n = -1)
{
    return QCoreApplication::translate("NotificationService", s, nullptr, n);
}

NotificationRecord readNotification(SqlQuery &q)
{
    NotificationRecord n;
    n.id = q.value(0).toString();
    n.runId = q.value(1).toString();
    n.connectionId = q.value(2).toString();
    n.kind = q.value(3).toString();
    n.title = q.value(4).toString();
    n.message = q.value(5).toString();
    n.read = q.value(6).toBool();
    if (const QString progress = q.value(7).toString(); !progress.isEmpty())
        n.progress = JsonColumn::object(progress);
    n.createdAt = q.value(8).toString();
    n.updatedAt = q.value(9).toString();
    return n;
}

const QString SelectColumns = u"id, run_id, connection_id, kind, title, message, read, progress, created_at, updated_at"_s;

QString titleFor(const QString &kind, const ConnectionRecord &connection)
{
    if (kind == u"COMPLETED"_s)
        return tr("Sync completed: %1").arg(connection.name);
    if (kind == u"FAILED"_s)
        return tr("Sync failed: %1").arg(connection.name);
    return tr("Syncing %1").arg(connection.name);
}

QString messageFor(const QString &kind, const RunRecord &run)
{
    if (kind == u"FAILED"_s)
        return run.error.isEmpty() ? tr("The sync failed.") : run.error;
    if (kind == u"COMPLETED"_s)
        return tr("%n row(s) synced (%1 new, %2 updated).", int(std::min<qint64>(run.rowsSynced, INT_MAX)))
            .arg(run.rowsCreated)
            .arg(run.rowsUpdated);
    const QString stream = run.progress.value(u"stream"_s).toString();
    const int done = run.progress.value(u"streamsDone"_s).toInt();
    const int total = run.progress.value(u"streamsTotal"_s).toInt();
    if (stream.isEmpty())
        return tr("%n row(s) synced so far.", int(std::min<qint64>(run.rowsSynced, INT_MAX)));
    return tr("%n row(s) synced so far; stream %1 (%2 of %3).", int(std::min<qint64>(run.rowsSynced, INT_MAX)))
        .arg(stream)
        .arg(std::min(done + 1, std::max(total, 1)))
        .arg(total);
}

} // namespace

QJsonObject NotificationRecord::toJson() const
{
    return QJsonObject{{u"id"_s, id},
                       {u"runId"_s, runId},
                       {u"connectionId"_s, connectionId},
                       {u"kind"_s, kind},
                       {u"title"_s, title},
                       {u"message"_s, message},
                       {u"progress"_s, progress ? QJsonValue(*progress) : QJsonValue()},
                       {u"read"_s, read},
                       {u"createdAt"_s, createdAt},
                       {u"updatedAt"_s, updatedAt}};
}

NotificationService::NotificationService(Database *metadata, IdentityService *identity, QObject *parent)
    : QObject(parent)
    , m_metadata(metadata)
    , m_identity(identity)
{
}

QStringList NotificationService::audience(const ConnectionRecord &connection, const QString &triggeredBy) const
{
    const QStringList members = m_identity->memberIds(connection.workspaceId);
    QStringList users;
    if (!connection.notifyUserIds.isEmpty()) {
        for (const auto &v : connection.notifyUserIds) {
            // A listed user who has left the workspace no longer hears about its syncs.
            if (members.contains(v.toString()) && !users.contains(v.toString()))
                users.append(v.toString());
        }
    } else {
        users = members;
    }
    users.removeAll(triggeredBy);
    return users;
}

void NotificationService::upsert(const RunRecord &run, const ConnectionRecord &connection, const QStringList &users,
                                 const QString &kind)
{
    const QString now = Ids::isoNow();
    const QString title = titleFor(kind, connection);
    const QString message = messageFor(kind, run);
    const QString progress = JsonColumn::text(run.progress);
    for (const auto &user : users) {
        SqlQuery q(m_metadata->connection(),
                   u"INSERT INTO notifications(id, user_id, workspace_id, run_id, connection_id, kind, title, message, progress,"
                   " read, created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"
                   " ON CONFLICT(run_id, user_id) DO UPDATE SET kind = excluded.kind, title = excluded.title,"
                   " message = excluded.message, progress = excluded.progress, updated_at = excluded.updated_at,"
                   " read = CASE WHEN notifications.kind = excluded.kind THEN notifications.read ELSE 0 END"_s);
        q.bind(Ids::newId())
            .bind(user)
            .bind(run.workspaceId)
            .bind(run.id)
            .bind(run.connectionId)
            .bind(kind)
            .bind(title)
            .bind(message)
            .bind(progress)
            .bind(now)
            .bind(now);
        if (!q.exec())
            continue;
        SqlQuery id(m_metadata->connection(), u"SELECT id FROM notifications WHERE run_id = ? AND user_id = ?"_s);
        id.bind(run.id).bind(user);
        if (id.exec() && id.next())
            Q_EMIT notificationChanged(user, id.value(0).toString(), kind);
    }
}

void NotificationService::runStarted(const RunRecord &run, const ConnectionRecord &connection)
{
    QStringList users;
    for (const auto &user : audience(connection, run.triggeredBy)) {
        const auto prefs = m_identity->preferences(user);
        if (prefs.onSuccess || prefs.onFailure)
            users.append(user);
    }
    upsert(run, connection, users, u"PROGRESS"_s);
}

void NotificationService::runProgress(const RunRecord &run, const ConnectionRecord &connection)
{
    const QString now = Ids::isoNow();
    SqlQuery q(m_metadata->connection(),
               u"UPDATE notifications SET message = ?, progress = ?, updated_at = ? WHERE run_id = ? AND kind = 'PROGRESS'"_s);
    q.bind(messageFor(u"PROGRESS"_s, run)).bind(JsonColumn::text(run.progress)).bind(now).bind(run.id);
    if (!q.exec() || q.numRowsAffected() == 0)
        return;
    Q_UNUSED(connection);
    SqlQuery users(m_metadata->connection(), u"SELECT user_id, id FROM notifications WHERE run_id = ?"_s);
    users.bind(run.id);
    if (users.exec()) {
        while (users.next())
            Q_EMIT notificationChanged(users.value(0).toString(), users.value(1).toString(), u"PROGRESS"_s);
    }
}

void NotificationService::runFinished(const RunRecord &run, const ConnectionRecord &connection)
{
    QStringList keep;
    QString kind;
    if (run.status == u"COMPLETED"_s || run.status == u"FAILED"_s) {
        kind = run.status;
        const bool success = run.status == u"COMPLETED"_s;
        for (const auto &user : audience(connection, run.triggeredBy)) {
            const auto prefs = m_identity->preferences(user);
            if (success ? prefs.onSuccess : prefs.onFailure)
                keep.append(user);
        }
    }
    // Progress notes of users who do not want this outcome (or of a cancelled run) disappear.
    SqlQuery stale(m_metadata->connection(), u"SELECT id, user_id FROM notifications WHERE run_id = ?"_s);
    stale.bind(run.id);
    QList<QPair<QString, QString>> remove;
    if (stale.exec()) {
        while (stale.next()) {
            if (!keep.contains(stale.value(1).toString()))
                remove.append({stale.value(0).toString(), stale.value(1).toString()});
        }
    }
    for (const auto &[id, user] : std::as_const(remove)) {
        SqlQuery del(m_metadata->connection(), u"DELETE FROM notifications WHERE id = ?"_s);
        del.bind(id);
        if (del.exec())
            Q_EMIT notificationChanged(user, id, QString());
    }
    if (!kind.isEmpty())
        upsert(run, connection, keep, kind);
}

std::optional<NotificationRecord> NotificationService::load(const QString &id) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT "_s + SelectColumns + u" FROM notifications WHERE id = ?"_s);
    q.bind(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readNotification(q);
}

Result<QList<NotificationRecord>> NotificationService::list(const Caller &caller, int limit, bool unreadOnly) const
{
    if (caller.isSystem())
        return QList<NotificationRecord>();
    SqlQuery q(m_metadata->connection(),
               u"SELECT "_s + SelectColumns + u" FROM notifications WHERE user_id = ?"_s
                   + (unreadOnly ? u" AND read = 0"_s : QString()) + u" ORDER BY updated_at DESC, created_at DESC, id LIMIT ?"_s);
    q.bind(caller.userId).bind(limit);
    if (!q.exec())
        return Error::internal();
    QList<NotificationRecord> out;
    while (q.next())
        out.append(readNotification(q));
    return out;
}

Result<NotificationRecord> NotificationService::markRead(const Caller &caller, const QString &id)
{
    SqlQuery q(m_metadata->connection(), u"UPDATE notifications SET read = 1 WHERE id = ? AND user_id = ?"_s);
    q.bind(id).bind(caller.userId);
    if (!q.exec())
        return Error::internal();
    const auto n = load(id);
    if (q.numRowsAffected() == 0 || !n)
        return Error::notFound(tr("notification not found: %1").arg(id.left(64)));
    Q_EMIT notificationChanged(caller.userId, id, n->kind);
    return *n;
}

Result<int> NotificationService::markAllRead(const Caller &caller)
{
    SqlQuery q(m_metadata->connection(), u"UPDATE notifications SET read = 1 WHERE user_id = ? AND read = 0"_s);
    q.bind(caller.userId);
    if (!q.exec())
        return Error::internal();
    return q.numRowsAffected();
}

} // namespace Opbox
