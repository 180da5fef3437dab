// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QString>

struct sqlite3;

namespace Opbox {

class Database;
class SqliteStatement;

/**
 * Every stream's sync state in a workspace's data file (`opbox_sync_state`), beside the tables, so
 * that a page's rows and the state after it commit in one transaction. The document shape is the
 * REST API's: `{"version":1,"streams":{"<stream>":{"cursor":"…", …}}}`.
 */
class SyncStateStore
{
public:
    /** One stream's stored state, plus when the current full-refresh generation began (if one is open). */
    struct StreamState
    {
        QJsonObject state;
        QString refreshStartedAt;
    };

    explicit SyncStateStore(Database *workspaceData);

    /** The whole document for a connection: `{"version":1,"streams":{…}}`. */
    [[nodiscard]] Result<QJsonObject> document(const QString &connectionId) const;
    [[nodiscard]] Result<StreamState> load(const QString &connectionId, const QString &stream) const;
    /** Replaces one stream's whole state with `{"cursor": cursor}` (a provider token is dropped). */
    [[nodiscard]] Result<void> setCursor(const QString &connectionId, const QString &stream, const QString &cursor);
    /** Forgets every stream's state: the next run is a full resync. */
    [[nodiscard]] Result<void> clear(const QString &connectionId);

    /**
     * Writes a stream's state on `db` inside the caller's open transaction (the page transaction).
     * `refreshStartedAt` empty means no full-refresh generation is open. `statement` keeps the
     * prepared statement between calls on the same `db` (one page after another). Returns the
     * SQLite code.
     */
    [[nodiscard]] static int saveInTransaction(sqlite3 *db, SqliteStatement *statement, const QString &connectionId,
                                               const QString &stream, const QJsonObject &state, const QString &runId,
                                               const QString &refreshStartedAt);

    static constexpr int DocumentVersion = 1;

private:
    Database *m_db;
};

} // namespace Opbox
