// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/syncstatestore.h"
#include "base/ids.h"
#include "engine/store/database.h"
#include "engine/store/jsoncolumn.h"
#include "engine/store/sqlitestatement.h"

#include <QJsonDocument>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Opbox {

SyncStateStore::SyncStateStore(Database *workspaceData)
    : m_db(workspaceData)
{
}

Result<QJsonObject> SyncStateStore::document(const QString &connectionId) const
{
    SqlQuery q(m_db->connection(), u"SELECT stream, state FROM opbox_sync_state WHERE connection_id = ? ORDER BY stream"_s);
    q.bind(connectionId);
    if (!q.exec())
        return Error::internal();
    QJsonObject streams;
    while (q.next()) {
        // A stream read in full each time keeps an empty state between runs; the API's shape only
        // lists streams that have something to resume from (`{"cursor": …}`).
        const QJsonObject state = JsonColumn::object(q.value(1).toString());
        if (!state.isEmpty())
            streams.insert(q.value(0).toString(), state);
    }
    return QJsonObject{{u"version"_s, DocumentVersion}, {u"streams"_s, streams}};
}

Result<SyncStateStore::StreamState> SyncStateStore::load(const QString &connectionId, const QString &stream) const
{
    SqlQuery q(m_db->connection(),
               u"SELECT state, refresh_started_at FROM opbox_sync_state WHERE connection_id = ? AND stream = ?"_s);
    q.bind(connectionId).bind(stream);
    if (!q.exec())
        return Error::internal();
    StreamState s;
    if (q.next()) {
        s.state = JsonColumn::object(q.value(0).toString());
        s.refreshStartedAt = q.value(1).toString();
    }
    return s;
}

Result<void> SyncStateStore::setCursor(const QString &connectionId, const QString &stream, const QString &cursor)
{
    const QJsonObject state{{u"cursor"_s, cursor}};
    SqlQuery q(m_db->connection(),
               u"INSERT INTO opbox_sync_state(connection_id, stream, state, updated_at, run_id, refresh_started_at)"
               " VALUES(?, ?, ?, ?, NULL, NULL) ON CONFLICT(connection_id, stream) DO UPDATE SET state = excluded.state,"
               " updated_at = excluded.updated_at, run_id = NULL, refresh_started_at = NULL"_s);
    q.bind(connectionId).bind(stream).bind(JsonColumn::text(state)).bind(Ids::isoNow());
    if (!q.exec())
        return Error::internal();
    return {};
}

Result<void> SyncStateStore::clear(const QString &connectionId)
{
    SqlQuery q(m_db->connection(), u"DELETE FROM opbox_sync_state WHERE connection_id = ?"_s);
    q.bind(connectionId);
    if (!q.exec())
        return Error::internal();
    return {};
}

int SyncStateStore::saveInTransaction(sqlite3 *db, SqliteStatement *statement, const QString &connectionId, const QString &stream,
                                      const QJsonObject &state, const QString &runId, const QString &refreshStartedAt)
{
    static const char sql[]
        = "INSERT INTO opbox_sync_state(connection_id, stream, state, updated_at, run_id, refresh_started_at)"
          " VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(connection_id, stream) DO UPDATE SET state = excluded.state,"
          " updated_at = excluded.updated_at, run_id = excluded.run_id, refresh_started_at = excluded.refresh_started_at";
    if (!statement->isValid()) {
        *statement = SqliteStatement(db, QByteArrayView(sql), SqliteStatement::Use::Persistent);
        if (!statement->isValid())
            return statement->prepareCode();
    }
    sqlite3_stmt *stmt = statement->handle();
    const QByteArray values[] = {connectionId.toUtf8(),  stream.toUtf8(), QJsonDocument(state).toJson(QJsonDocument::Compact),
                                 Ids::isoNow().toUtf8(), runId.toUtf8(),  refreshStartedAt.toUtf8()};
    for (int i = 0; i < 5; ++i)
        sqlite3_bind_text(stmt, i + 1, values[i].constData(), int(values[i].size()), SQLITE_STATIC);
    if (refreshStartedAt.isEmpty())
        sqlite3_bind_null(stmt, 6);
    else
        sqlite3_bind_text(stmt, 6, values[5].constData(), int(values[5].size()), SQLITE_STATIC);
    const int rc = sqlite3_step(stmt);
    // Reset before the values go: the statement keeps no pointer into them afterwards.
    statement->reset();
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

} // namespace Opbox
