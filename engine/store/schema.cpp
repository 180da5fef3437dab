// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/schema.h"

#include <QCryptographicHash>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Opbox::Schema {

QList<Migration> metadataMigrations()
{
    Migration v1;
    v1.version = 1;
    v1.statements = {
        u"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL DEFAULT '',"
        " notify_on_success INTEGER NOT NULL DEFAULT 1, notify_on_failure INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL)"_s,
        u"CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)"_s,
        u"CREATE TABLE memberships (user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
        " workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,"
        " role TEXT NOT NULL CHECK (role IN ('OWNER','ADMIN','MEMBER','VIEWER')), created_at TEXT NOT NULL,"
        " PRIMARY KEY (user_id, workspace_id))"_s,
        u"CREATE TABLE api_tokens (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
        " name TEXT NOT NULL DEFAULT '', token_hash BLOB NOT NULL UNIQUE, created_at TEXT NOT NULL, last_used_at TEXT)"_s,
        u"CREATE TABLE connections (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,"
        " name TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'DISCONNECTED', status_message TEXT,"
        " enabled INTEGER NOT NULL DEFAULT 1, config TEXT NOT NULL DEFAULT '{}', schedule TEXT NOT NULL,"
        " notify_user_ids TEXT NOT NULL DEFAULT '[]', variant_group_id TEXT, variant_label TEXT,"
        " credentials BLOB, credential_fields TEXT NOT NULL DEFAULT '[]',"
        " webhook_token TEXT UNIQUE," // legacy: 64 hex chars in plaintext (schema version 1)
        " table_base TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"_s,
        u"CREATE INDEX connections_by_workspace ON connections(workspace_id, created_at)"_s,
        u"CREATE INDEX connections_by_group ON connections(variant_group_id)"_s,
        u"CREATE TABLE runs (id TEXT PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,"
        " workspace_id TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN "
        "('PENDING','RUNNING','COMPLETED','FAILED','CANCELLED')),"
        " trigger TEXT NOT NULL CHECK (trigger IN ('MANUAL','SCHEDULE','WEBHOOK','RUN_ALL','OAUTH')),"
        " triggered_by TEXT, streams TEXT NOT NULL DEFAULT '[]', progress TEXT, error TEXT,"
        " rows_synced INTEGER NOT NULL DEFAULT 0, rows_created INTEGER NOT NULL DEFAULT 0, rows_updated INTEGER NOT NULL DEFAULT "
        "0,"
        " created_at TEXT NOT NULL, started_at TEXT, completed_at TEXT)"_s,
        // The one-active-run rule lives in the database, so that concurrent triggers cannot both win.
        u"CREATE UNIQUE INDEX runs_one_active ON runs(connection_id) WHERE status IN ('PENDING','RUNNING')"_s,
        u"CREATE INDEX runs_by_connection ON runs(connection_id, created_at DESC)"_s,
        u"CREATE INDEX runs_by_status ON runs(status, created_at)"_s,
        u"CREATE TABLE notifications (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
        " workspace_id TEXT NOT NULL, run_id TEXT NOT NULL, connection_id TEXT NOT NULL,"
        " kind TEXT NOT NULL CHECK (kind IN ('PROGRESS','COMPLETED','FAILED')), title TEXT NOT NULL, message TEXT NOT NULL,"
        " progress TEXT, read INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
        " UNIQUE (run_id, user_id))"_s,
        u"CREATE INDEX notifications_by_user ON notifications(user_id, updated_at DESC)"_s,
        u"CREATE TABLE audit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, at TEXT NOT NULL,"
        " workspace_id TEXT, actor_user_id TEXT, action TEXT NOT NULL, target_type TEXT, target_id TEXT, ip TEXT,"
        " details TEXT NOT NULL DEFAULT '{}')"_s,
        u"CREATE INDEX audit_by_workspace ON audit_log(workspace_id, seq DESC)"_s,
        // Append-only: the log is evidence, so nothing may rewrite or remove it.
        u"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"_s,
        u"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"_s,
    };

    Migration v2;
    v2.version = 2;
    v2.statements = {
        u"ALTER TABLE connections ADD COLUMN webhook_token_hash BLOB"_s,
        u"ALTER TABLE connections ADD COLUMN webhook_token_enc BLOB"_s,
        u"CREATE UNIQUE INDEX connections_webhook_hash ON connections(webhook_token_hash) WHERE webhook_token_hash IS NOT NULL"_s,
    };
    // A token's identity is its 32 bytes; hashing the legacy hex tokens now lets every lookup go
    // through the hash. The plaintext stays until the token is revealed (and then encrypted).
    v2.step = [](QSqlDatabase &db) {
        QSqlQuery select(db);
        if (!select.exec(u"SELECT id, webhook_token FROM connections WHERE webhook_token IS NOT NULL"_s))
            return false;
        QList<QPair<QString, QByteArray>> rows;
        while (select.next()) {
            const QByteArray bytes = QByteArray::fromHex(select.value(1).toString().toLatin1());
            rows.append({select.value(0).toString(), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256)});
        }
        for (const auto &[id, hash] : rows) {
            QSqlQuery update(db);
            update.prepare(u"UPDATE connections SET webhook_token_hash = ? WHERE id = ?"_s);
            update.addBindValue(hash);
            update.addBindValue(id);
            if (!update.exec())
                return false;
        }
        return true;
    };

    Migration v3;
    v3.version = 3;
    v3.statements = {
        // OAuth authorizations in flight: the signed state names a row; the PKCE verifier
        // is encrypted with the row id as associated data; used_at makes every state single-use.
        u"CREATE TABLE oauth_states (id TEXT PRIMARY KEY,"
        " connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, workspace_id TEXT NOT NULL,"
        " connector_type TEXT NOT NULL, redirect_uri TEXT NOT NULL, verifier BLOB NOT NULL, created_by TEXT,"
        " created_at TEXT NOT NULL, expires_at INTEGER NOT NULL, used_at TEXT)"_s,
        u"CREATE INDEX oauth_states_by_connection ON oauth_states(connection_id, created_at)"_s,
    };

    Migration v4;
    v4.version = 4;
    v4.statements = {
        // API tokens that expire and can be revoked; a revoked token keeps its row, so that the
        // list can tell "revoked" from "never existed". The prefix (first 8 characters) lets a
        // user recognise a token without it ever being shown again.
        u"ALTER TABLE api_tokens ADD COLUMN token_prefix TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE api_tokens ADD COLUMN expires_at TEXT"_s,
        u"ALTER TABLE api_tokens ADD COLUMN revoked_at TEXT"_s,
        u"CREATE INDEX api_tokens_by_user ON api_tokens(user_id, created_at)"_s,
    };

    Migration v5;
    v5.version = 5;
    v5.statements = {
        // What a completed run skipped (a stream the account may not read), as a JSON array of text.
        u"ALTER TABLE runs ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]'"_s,
    };
    return {v1, v2, v3, v4, v5};
}

QList<Migration> workspaceMigrations()
{
    Migration v1;
    v1.version = 1;
    v1.statements = {
        // Sync state lives beside the tables so that a page's rows and its cursor commit together.
        u"CREATE TABLE opbox_sync_state (connection_id TEXT NOT NULL, stream TEXT NOT NULL, state TEXT NOT NULL,"
        " updated_at TEXT NOT NULL, run_id TEXT, PRIMARY KEY (connection_id, stream))"_s,
        u"CREATE TABLE opbox_tables (table_name TEXT PRIMARY KEY, base TEXT NOT NULL, stream TEXT NOT NULL,"
        " primary_key TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL, created_by_run TEXT)"_s,
        u"CREATE TABLE opbox_table_owners (table_name TEXT NOT NULL REFERENCES opbox_tables(table_name) ON DELETE CASCADE,"
        " connection_id TEXT NOT NULL, PRIMARY KEY (table_name, connection_id))"_s,
        u"CREATE TABLE opbox_columns (table_name TEXT NOT NULL REFERENCES opbox_tables(table_name) ON DELETE CASCADE,"
        " column_name TEXT NOT NULL, field_name TEXT NOT NULL, logical_type TEXT NOT NULL,"
        " position INTEGER NOT NULL, created_at TEXT NOT NULL, created_by_run TEXT, PRIMARY KEY (table_name, column_name))"_s,
        u"CREATE TABLE opbox_column_history (id INTEGER PRIMARY KEY AUTOINCREMENT, table_name TEXT NOT NULL,"
        " column_name TEXT NOT NULL, change TEXT NOT NULL CHECK (change IN ('ADDED','WIDENED')), from_type TEXT, to_type TEXT "
        "NOT NULL,"
        " run_id TEXT, at TEXT NOT NULL)"_s,
    };

    Migration v2;
    v2.version = 2;
    v2.statements = {
        // When the open full-refresh generation of a stream began: a resumed refresh keeps it, so
        // that rows written before the crash are not soft-deleted when the refresh completes.
        u"ALTER TABLE opbox_sync_state ADD COLUMN refresh_started_at TEXT"_s,
        u"CREATE INDEX opbox_column_history_by_table ON opbox_column_history(table_name, id)"_s,
    };
    return {v1, v2};
}

QList<Migration> upTo(const QList<Migration> &all, int version)
{
    QList<Migration> out;
    for (const auto &m : all) {
        if (m.version <= version)
            out.append(m);
    }
    return out;
}

} // namespace Opbox::Schema
