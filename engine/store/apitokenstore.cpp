// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/apitokenstore.h"
#include "base/ids.h"
#include "engine/store/database.h"

#include <QCoreApplication>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
// A use is noted at most this often per token: authentication stays read-only on most requests.
constexpr qint64 TouchIntervalSeconds = 300;

const QString Columns = u"t.id, t.user_id, u.email, t.name, t.token_prefix, t.created_at, t.last_used_at, t.expires_at,"
                        " t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id"_s;

QDateTime parsed(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QVariant stored(const QDateTime &at)
{
    return at.isValid() ? QVariant(Ids::iso(at)) : QVariant(QMetaType::fromType<QString>());
}

QJsonValue jsonTime(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(Ids::iso(at)) : QJsonValue(QJsonValue::Null);
}

ApiTokenRecord readRow(SqlQuery &q)
{
    ApiTokenRecord r;
    r.id = q.value(0).toString();
    r.userId = q.value(1).toString();
    r.userEmail = q.value(2).toString();
    r.name = q.value(3).toString();
    r.prefix = q.value(4).toString();
    r.createdAt = parsed(q.value(5));
    r.lastUsedAt = parsed(q.value(6));
    r.expiresAt = parsed(q.value(7));
    r.revokedAt = parsed(q.value(8));
    return r;
}
} // namespace

QJsonObject ApiTokenRecord::toJson() const
{
    return QJsonObject{{u"id"_s, id},
                       {u"name"_s, name},
                       {u"tokenPrefix"_s, prefix.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(prefix + u"..."_s)},
                       {u"createdAt"_s, jsonTime(createdAt)},
                       {u"lastUsedAt"_s, jsonTime(lastUsedAt)},
                       {u"expiresAt"_s, jsonTime(expiresAt)}};
}

ApiTokenStore::ApiTokenStore(Database *metadata)
    : m_metadata(metadata)
{
}

Result<void> ApiTokenStore::insert(const ApiTokenRecord &record, const QByteArray &tokenHash)
{
    SqlQuery q(m_metadata->connection(),
               u"INSERT INTO api_tokens(id, user_id, name, token_hash, token_prefix, created_at, expires_at)"
               " VALUES(?, ?, ?, ?, ?, ?, ?)"_s);
    q.bind(record.id).bind(record.userId).bind(record.name).bind(tokenHash).bind(record.prefix);
    q.bind(Ids::iso(record.createdAt)).bind(stored(record.expiresAt));
    if (!q.exec())
        return Error::invalid(QCoreApplication::translate("ApiTokenStore", "unknown user"));
    return {};
}

Result<std::optional<ApiTokenRecord>> ApiTokenStore::findByHash(const QByteArray &tokenHash) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT "_s + Columns + u" WHERE t.token_hash = ?"_s);
    q.bind(tokenHash);
    if (!q.exec())
        return Error::internal();
    if (!q.next())
        return std::optional<ApiTokenRecord>();
    ApiTokenRecord record = readRow(q);
    // Finish the read before anyone writes: an open SELECT holds a read transaction that makes a
    // following UPDATE wait for busy sync writers ("database is locked").
    q.raw().finish();
    return std::optional<ApiTokenRecord>(record);
}

void ApiTokenStore::touch(const QString &id, const QDateTime &now)
{
    SqlQuery q(m_metadata->connection(),
               u"UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)"_s);
    q.bind(Ids::iso(now)).bind(id).bind(Ids::iso(now.addSecs(-TouchIntervalSeconds)));
    (void)q.exec();
}

Result<QList<ApiTokenRecord>> ApiTokenStore::list(const QString &userId) const
{
    SqlQuery q(m_metadata->connection(),
               u"SELECT "_s + Columns + u" WHERE t.revoked_at IS NULL"_s + (userId.isEmpty() ? u""_s : u" AND t.user_id = ?"_s)
                   + u" ORDER BY t.created_at, t.id"_s);
    if (!userId.isEmpty())
        q.bind(userId);
    if (!q.exec())
        return Error::internal();
    QList<ApiTokenRecord> out;
    while (q.next())
        out.append(readRow(q));
    return out;
}

Result<bool> ApiTokenStore::revoke(const QString &id, const QDateTime &now, const QString &userId)
{
    SqlQuery q(m_metadata->connection(),
               u"UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"_s
                   + (userId.isEmpty() ? u""_s : u" AND user_id = ?"_s));
    q.bind(Ids::iso(now)).bind(id);
    if (!userId.isEmpty())
        q.bind(userId);
    if (!q.exec())
        return Error::internal();
    return q.numRowsAffected() > 0;
}

} // namespace Opbox
