// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/store/sqlitestatement.h"
#include "engine/sync/columntypepolicy.h"
#include "engine/sync/tableschemaevolver.h"

#include <QString>
#include <QStringEncoder>
#include <QStringList>
#include <vector>

struct sqlite3;

namespace Opbox {

/**
 * Writes records of one stream of one connection into its Opbox table on one SQLite connection,
 * inside a transaction the caller owns: flattens records one level, lets its TableSchemaEvolver
 * create the table and add or widen columns as the values need, and upserts by (connection,
 * primary key). The hot path uses the SQLite C API with prepared statements, about twice as fast
 * as Qt Sql's `bindValue`. Not thread-safe: one writer per thread and connection; another
 * connection's catalog changes are picked up at the next `write()` through SQLite's data version.
 */
class OpboxTableWriter
{
public:
    /** What one `write()` did: new keys and keys that already existed. */
    struct Counts
    {
        qint64 created = 0;
        qint64 updated = 0;
    };

    using Column = TableSchemaEvolver::Column;

    OpboxTableWriter(sqlite3 *db, QString tableName, QString base, QString stream, QStringList primaryKey, QString connectionId,
                     QString variantLabel);
    ~OpboxTableWriter();
    OpboxTableWriter(const OpboxTableWriter &) = delete;
    OpboxTableWriter &operator=(const OpboxTableWriter &) = delete;

    /** Upserts `records`; call inside a write transaction (BEGIN IMMEDIATE). */
    [[nodiscard]] Result<Counts> write(const RecordBatch &records, const QString &runId, const QString &syncedAt);
    /**
     * Soft delete after a completed full refresh: rows of this connection not written since
     * `generationStart` (ISO-8601) get `_opbox_deleted_at = deletedAt`. Returns how many.
     */
    [[nodiscard]] Result<qint64> markMissingDeleted(const QString &generationStart, const QString &deletedAt);

    /** Forgets the cached catalog (after a rollback, which undid catalog changes this writer made). */
    void invalidate();

    [[nodiscard]] QString tableName() const { return m_schema.tableName(); }
    [[nodiscard]] const std::vector<Column> &columns() const { return m_schema.columns(); }
    /** SQLite's message for the last failure (for the log; never shown to users). */
    [[nodiscard]] QString lastSqliteError() const { return m_lastError; }

    /** The system columns every Opbox table has, in order. */
    [[nodiscard]] static const QStringList &systemColumns();

private:
    /** The key seen at one position of the previous record, and its column (-1: none yet). */
    struct ShapeSlot
    {
        QByteArray key; // UTF-8
        int column = -1;
        std::vector<ShapeSlot> children;
    };

    [[nodiscard]] bool prepareStatements();
    /** The upsert is not prepared for the columns the table has now. */
    [[nodiscard]] bool statementStale() const;
    [[nodiscard]] int cachedColumn(std::vector<ShapeSlot> &shape, size_t index, QByteArrayView key, const QByteArrayView *parent);
    void bindSystem();
    void bindValue(int column, const RecordBatch &batch, const RecordBatch::Field &value);
    /** Binds one record's fields; false when a new column made the statement stale (bind again). */
    [[nodiscard]] bool bindRecord(const RecordBatch &batch, qsizetype row, const QString &runId, bool *failed);
    [[nodiscard]] Error sqlError(const char *what);
    /** SQLite's data_version of this connection (changes when another connection commits); -1 on error. */
    [[nodiscard]] qint64 dataVersion();

    sqlite3 *m_db;
    TableSchemaEvolver m_schema;
    QString m_connectionId;
    QString m_variant;
    QByteArray m_connectionIdUtf8;
    QByteArray m_variantUtf8;

    bool m_ownerRecorded = false;
    QByteArray m_runUtf8;
    QByteArray m_syncedAtUtf8;
    SqliteStatement m_insert; // an UPSERT when the table has a key
    size_t m_preparedColumns = 0; // the columns m_insert has parameters for
    SqliteStatement m_dataVersionQuery; // asked before every page: prepared once
    QString m_lastError;

    // UTF-8 of the text bound with SQLITE_STATIC, one reused buffer per column (no allocation per
    // value once the buffers have grown).
    std::vector<QByteArray> m_utf8;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    std::vector<ShapeSlot> m_shape;
};

} // namespace Opbox
