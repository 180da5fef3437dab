// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/connectionstore.h"
#include "base/ids.h"
#include "engine/store/database.h"
#include "engine/store/jsoncolumn.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// The messages were written for the connection service and are translated under its name.
QString tr(const char *s)
{
    return QCoreApplication::translate("ConnectionService", s);
}

const QString SelectColumns = u"id, workspace_id, name, type, status, status_message, enabled, config, schedule, notify_user_ids,"
                              " variant_group_id, variant_label, credential_fields, table_base, created_at, updated_at"_s;

ConnectionRecord readRecord(SqlQuery &q)
{
    ConnectionRecord r;
    r.id = q.value(0).toString();
    r.workspaceId = q.value(1).toString();
    r.name = q.value(2).toString();
    r.type = q.value(3).toString();
    r.status = q.value(4).toString();
    r.statusMessage = q.value(5).toString();
    r.enabled = q.value(6).toBool();
    r.config = JsonColumn::object(q.value(7).toString());
    r.schedule = JsonColumn::object(q.value(8).toString());
    r.notifyUserIds = JsonColumn::array(q.value(9).toString());
    r.variantGroupId = q.value(10).toString();
    r.variantLabel = q.value(11).toString();
    for (const auto &v : JsonColumn::array(q.value(12).toString()))
        r.credentialFields.append(v.toString());
    r.tableBase = q.value(13).toString();
    r.createdAt = q.value(14).toString();
    r.updatedAt = q.value(15).toString();
    return r;
}

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

Error notFound(const QString &id)
{
    return Error::notFound(tr("connection not found: %1").arg(id.left(64)));
}

} // namespace

ConnectionStore::ConnectionStore(Database *metadata)
    : m_metadata(metadata)
{
}

Result<QList<ConnectionRecord>> ConnectionStore::list(const QString &workspaceId) const
{
    SqlQuery q(m_metadata->connection(),
               u"SELECT "_s + SelectColumns + u" FROM connections WHERE workspace_id = ? ORDER BY created_at, id"_s);
    q.bind(workspaceId);
    if (!q.exec())
        return Error::internal();
    QList<ConnectionRecord> out;
    while (q.next())
        out.append(readRecord(q));
    return out;
}

Result<int> ConnectionStore::countOfType(const QString &type) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT COUNT(*) FROM connections WHERE type = ?"_s);
    q.bind(type);
    if (!q.exec() || !q.next())
        return Error::internal();
    return q.value(0).toInt();
}

Result<ConnectionRecord> ConnectionStore::find(const QString &id, const QString &workspaceId) const
{
    const QString where = workspaceId.isNull() ? u" WHERE id = ?"_s : u" WHERE id = ? AND workspace_id = ?"_s;
    SqlQuery q(m_metadata->connection(), u"SELECT "_s + SelectColumns + u" FROM connections"_s + where);
    q.bind(id);
    if (!workspaceId.isNull())
        q.bind(workspaceId);
    if (!q.exec())
        return Error::internal();
    if (!q.next())
        return notFound(id);
    return readRecord(q);
}

QStringList ConnectionStore::ids(const QString &workspaceId) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT id FROM connections WHERE workspace_id = ? ORDER BY created_at, id"_s);
    q.bind(workspaceId);
    return q.strings();
}

Result<QStringList> ConnectionStore::variantGroupMembers(const QString &groupId, const QString &exceptId) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT id FROM connections WHERE variant_group_id = ? AND id <> ?"_s);
    q.bind(groupId).bind(exceptId);
    if (!q.exec())
        return Error::internal();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Result<void> ConnectionStore::insert(const ConnectionRecord &r, const Secrets &secrets)
{
    SqlQuery q(m_metadata->connection(),
               u"INSERT INTO connections(id, workspace_id, name, type, status, enabled, config, schedule, notify_user_ids,"
               " variant_group_id, variant_label, credentials, credential_fields, webhook_token_hash, webhook_token_enc,"
               " created_at, updated_at)"
               " VALUES(?, ?, ?, ?, 'DISCONNECTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.bind(r.id)
        .bind(r.workspaceId)
        .bind(r.name)
        .bind(r.type)
        .bind(int(r.enabled))
        .bind(JsonColumn::text(r.config))
        .bind(JsonColumn::text(r.schedule))
        .bind(JsonColumn::text(r.notifyUserIds))
        .bind(orNull(r.variantGroupId))
        .bind(orNull(r.variantLabel))
        .bind(secrets.credentials.isNull() ? QVariant() : QVariant(secrets.credentials))
        .bind(JsonColumn::text(QJsonArray::fromStringList(secrets.credentialFields)))
        .bind(secrets.webhookTokenHash)
        .bind(secrets.webhookTokenEncrypted)
        .bind(r.createdAt)
        .bind(r.updatedAt);
    if (!q.exec()) {
        if (q.isConstraintViolation())
            return Error::conflict(tr("webhookToken: already used by another connection"));
        return Error::internal();
    }
    return {};
}

Result<void> ConnectionStore::update(const ConnectionRecord &r)
{
    SqlQuery q(m_metadata->connection(),
               u"UPDATE connections SET name = ?, config = ?, schedule = ?, notify_user_ids = ?, enabled = ?,"
               " updated_at = ? WHERE id = ?"_s);
    q.bind(r.name)
        .bind(JsonColumn::text(r.config))
        .bind(JsonColumn::text(r.schedule))
        .bind(JsonColumn::text(r.notifyUserIds))
        .bind(int(r.enabled))
        .bind(r.updatedAt)
        .bind(r.id);
    if (!q.exec())
        return Error::internal();
    return {};
}

Result<void> ConnectionStore::writeCredentials(const QString &id, const QByteArray &encrypted, const QStringList &fieldNames,
                                               bool untested)
{
    const QString sql = untested ? u"UPDATE connections SET credentials = ?, credential_fields = ?,"
                                   " status = 'DISCONNECTED', status_message = NULL WHERE id = ?"_s
                                 : u"UPDATE connections SET credentials = ?, credential_fields = ?, updated_at = ?"
                                   " WHERE id = ?"_s;
    SqlQuery q(m_metadata->connection(), sql);
    q.bind(encrypted).bind(JsonColumn::text(QJsonArray::fromStringList(fieldNames)));
    if (!untested)
        q.bind(Ids::isoNow());
    q.bind(id);
    if (!q.exec())
        return Error::internal();
    return {};
}

Result<QByteArray> ConnectionStore::encryptedCredentials(const QString &id) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT credentials FROM connections WHERE id = ?"_s);
    q.bind(id);
    if (!q.exec())
        return Error::internal();
    if (!q.next())
        return notFound(id);
    return q.value(0).isNull() ? QByteArray() : q.value(0).toByteArray();
}

Result<void> ConnectionStore::setStatus(const QString &id, const QString &status, const QString &message)
{
    SqlQuery q(m_metadata->connection(), u"UPDATE connections SET status = ?, status_message = ?, updated_at = ? WHERE id = ?"_s);
    q.bind(status).bind(orNull(message)).bind(Ids::isoNow()).bind(id);
    if (!q.exec())
        return Error::internal();
    return {};
}

Result<void> ConnectionStore::setConfig(const QString &id, const QJsonObject &config)
{
    SqlQuery q(m_metadata->connection(), u"UPDATE connections SET config = ?, updated_at = ? WHERE id = ?"_s);
    q.bind(JsonColumn::text(config)).bind(Ids::isoNow()).bind(id);
    if (!q.exec())
        return Error::internal();
    return {};
}

Result<void> ConnectionStore::remove(const QString &id, const QString &workspaceId)
{
    SqlQuery q(m_metadata->connection(), u"DELETE FROM connections WHERE id = ? AND workspace_id = ?"_s);
    q.bind(id).bind(workspaceId);
    if (!q.exec())
        return Error::internal();
    return {};
}

} // namespace Opbox
