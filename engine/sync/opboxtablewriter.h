// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/sync/columntypepolicy.h"
#include "base/result.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QStringEncoder>
#include <QString>
#include <QStringList>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace Opbox {

/**
 * Writes records of one stream of one connection into its Opbox table on one SQLite connection,
 * inside a transaction the caller owns: creates the table and its catalog on first use, flattens
 * records one level, infers and widens column types, adds columns for new fields (each change
 * recorded with its run in `opbox_column_history`), and upserts by (connection, primary key).
 * The hot path uses the SQLite C API with prepared statements, about twice as fast as Qt Sql's
 * `bindValue`. Not thread-safe: one writer per thread and connection; another connection's catalog
 * changes are picked up at the next `write()` through SQLite's data version.
 */
class OpboxTableWriter
{
public:
    /** What one `write()` did: new keys and keys that already existed. */
    struct Counts {
        qint64 created = 0;
        qint64 updated = 0;
    };

    /** One column of the catalog as this writer knows it. */
    struct Column {
        QString name;
        QString field;
        LogicalType type = LogicalType::Text;
    };

    OpboxTableWriter(sqlite3 *db, QString tableName, QString base, QString stream, QStringList primaryKey,
                     QString connectionId, QString variantLabel);
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

    [[nodiscard]] QString tableName() const { return m_table; }
    [[nodiscard]] const std::vector<Column> &columns() const { return m_columns; }
    /** SQLite's message for the last failure (for the log; never shown to users). */
    [[nodiscard]] QString lastSqliteError() const { return m_lastError; }

    /** The system columns every Opbox table has, in order. */
    [[nodiscard]] static const QStringList &systemColumns();

private:
    /** The key seen at one position of the previous record, and its column (-1: none yet). */
    struct ShapeSlot {
        QByteArray key; // UTF-8
        int column = -1;
        std::vector<ShapeSlot> children;
    };
    static constexpr int Unknown = -2;

    struct FieldEntry {
        int column = -1;
        QHash<QString, int> children; // flattened `parent.child` fields
    };

    [[nodiscard]] bool loadCatalog();
    [[nodiscard]] bool ensureTable(const RecordBatch &records, const QString &runId);
    [[nodiscard]] int addColumn(const QString &field, LogicalType type, const QString &runId);
    [[nodiscard]] bool widen(int column, LogicalType to, const QString &runId);
    [[nodiscard]] bool prepareStatements();
    void finalizeStatements();
    [[nodiscard]] bool exec(const QString &sql);
    [[nodiscard]] int columnFor(QByteArrayView key, const QByteArrayView *child, const RecordBatch &batch,
                                const RecordBatch::Field &value, const QString &runId, bool *failed, int known = Unknown);
    [[nodiscard]] int cachedColumn(std::vector<ShapeSlot> &shape, size_t index, QByteArrayView key, const QByteArrayView *parent);
    void bindSystem();
    void bindValue(int column, const RecordBatch &batch, const RecordBatch::Field &value);
    /** Binds one record's fields; false when a new column made the statement stale (bind again). */
    [[nodiscard]] bool bindRecord(const RecordBatch &batch, qsizetype row, const QString &runId, bool *failed);
    [[nodiscard]] Error sqlError(const char *what);
    /** SQLite's data_version of this connection (changes when another connection commits); -1 on error. */
    [[nodiscard]] qint64 dataVersion();

    sqlite3 *m_db;
    QString m_table;
    QString m_base;
    QString m_stream;
    QStringList m_primaryKey;
    QString m_connectionId;
    QString m_variant;
    QByteArray m_connectionIdUtf8;
    QByteArray m_variantUtf8;

    bool m_exists = false;
    qint64 m_dataVersion = -1;
    quint64 m_generation = 0;
    std::vector<Column> m_columns;
    QHash<QString, FieldEntry> m_fields;
    QSet<QString> m_taken;
    bool m_ownerRecorded = false;
    QByteArray m_runUtf8;
    QByteArray m_syncedAtUtf8;
    QList<int> m_keyColumns;
    sqlite3_stmt *m_insert = nullptr; // an UPSERT when the table has a key
    sqlite3_stmt *m_dataVersionQuery = nullptr; // asked before every page: prepared once
    bool m_statementsDirty = true;
    QString m_lastError;

    // UTF-8 of the text bound with SQLITE_STATIC, one reused buffer per column (no allocation per
    // value once the buffers have grown).
    std::vector<QByteArray> m_utf8;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    std::vector<ShapeSlot> m_shape;
};

} // namespace Opbox
