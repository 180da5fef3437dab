// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/sync/columntypepolicy.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <vector>

struct sqlite3;

namespace Opbox {

/**
 * The columns of one Opbox table and their changes: reads the table's catalog, creates the table
 * with its key columns and index, adds a column for a field seen for the first time and widens a
 * column whose values no longer fit its logical type, recording each change with its run in
 * `opbox_column_history`. Works on the caller's SQLite connection inside the caller's transaction.
 */
class TableSchemaEvolver
{
public:
    /** One column of the catalog as this evolver knows it. */
    struct Column
    {
        QString name;
        QString field;
        LogicalType type = LogicalType::Text;
    };
    /** For `columnFor`: the column is not known yet and is looked up by its field. */
    static constexpr int Unknown = -2;

    TableSchemaEvolver(sqlite3 *db, QString tableName, QString base, QString stream, QStringList primaryKey);

    /**
     * True when the catalog must be read again: another connection committed (SQLite's data
     * version differs from the one loaded) or another writer in this process changed a catalog.
     */
    [[nodiscard]] bool isStale(qint64 dataVersion) const;
    /** Reads the catalog; column indexes may change. */
    [[nodiscard]] bool load(qint64 dataVersion);
    /** Reads the catalog again at the next `isStale` (after a rollback undid catalog changes). */
    void invalidate() { m_dataVersion = -1; }

    /** The table and its catalog entry exist. */
    [[nodiscard]] bool exists() const { return m_exists; }
    /** Creates the table, its catalog entry and its key columns, typed after the values in `records`. */
    [[nodiscard]] bool create(const RecordBatch &records, const QString &runId);

    /** The column of `key` (or of member `child` of object `key`), -1 when there is none. */
    [[nodiscard]] int find(QByteArrayView key, const QByteArrayView *child) const;
    /**
     * The column for a field's value, added or widened as the value needs; -1 when the field has
     * no column and the value (null) gives no type. `known` skips the lookup. `*failed` on an SQL error.
     */
    [[nodiscard]] int columnFor(QByteArrayView key, const QByteArrayView *child, const RecordBatch &batch,
                                const RecordBatch::Field &value, const QString &runId, bool *failed, int known = Unknown);

    [[nodiscard]] const QString &tableName() const { return m_table; }
    [[nodiscard]] const std::vector<Column> &columns() const { return m_columns; }
    /** The columns of the primary key, in key order. */
    [[nodiscard]] const QList<int> &keyColumns() const { return m_keyColumns; }

    /** How many columns one run may add to a table: a provider cannot widen a table without bound. */
    static constexpr int MaxNewColumnsPerRun = 500;
    /** Why the last change was refused when it was not an SQL error (the per-run column limit); else empty. */
    [[nodiscard]] const QString &refusal() const { return m_refusal; }

    /** The system columns every Opbox table has, in order. */
    [[nodiscard]] static const QStringList &systemColumns();

private:
    struct FieldEntry
    {
        int column = -1;
        QHash<QString, int> children; // flattened `parent.child` fields
    };

    [[nodiscard]] int addColumn(const QString &field, LogicalType type, const QString &runId);
    [[nodiscard]] bool widen(int column, LogicalType to, const QString &runId);
    [[nodiscard]] bool exec(const QString &sql);
    void indexField(const QString &field, int column);

    sqlite3 *m_db;
    QString m_table;
    QString m_base;
    QString m_stream;
    QStringList m_primaryKey;

    bool m_exists = false;
    qint64 m_dataVersion = -1;
    quint64 m_generation = 0;
    std::vector<Column> m_columns;
    QHash<QString, FieldEntry> m_fields;
    QSet<QString> m_taken;
    QList<int> m_keyColumns;
    QString m_countedRun; // the run whose added columns m_addedInRun counts
    int m_addedInRun = 0;
    QString m_refusal;
};

} // namespace Opbox
