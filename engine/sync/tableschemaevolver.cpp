// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sync/tableschemaevolver.h"
#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/store/jsoncolumn.h"
#include "engine/store/sqlitestatement.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoreApplication>
#include <atomic>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// Bumped by every catalog change in this process. SQLite's data_version reveals commits of other
// connections only; two writers sharing one connection (one thread) see each other through this.
std::atomic<quint64> g_catalogGeneration{0};

void catalogChanged(quint64 *mine)
{
    const quint64 before = g_catalogGeneration.fetch_add(1);
    if (before == *mine)
        *mine = before + 1; // only our own change since we loaded: no reload needed
}

// A primary key field `a.b` names member `b` of object `a` (records are flattened one level).
QStringList keyPath(const QString &field)
{
    const qsizetype dot = field.indexOf(u'.');
    return dot < 0 ? QStringList{field} : QStringList{field.left(dot), field.mid(dot + 1)};
}

} // namespace

const QStringList &TableSchemaEvolver::systemColumns()
{
    static const QStringList columns{u"_opbox_connection_id"_s, u"_opbox_variant"_s, u"_opbox_run_id"_s, u"_opbox_synced_at"_s,
                                     u"_opbox_deleted_at"_s};
    return columns;
}

TableSchemaEvolver::TableSchemaEvolver(sqlite3 *db, QString tableName, QString base, QString stream, QStringList primaryKey)
    : m_db(db)
    , m_table(std::move(tableName))
    , m_base(std::move(base))
    , m_stream(std::move(stream))
    , m_primaryKey(std::move(primaryKey))
{
}

bool TableSchemaEvolver::isStale(qint64 dataVersion) const
{
    return dataVersion != m_dataVersion || g_catalogGeneration.load() != m_generation;
}

int TableSchemaEvolver::find(QByteArrayView key, const QByteArrayView *child) const
{
    const auto it = m_fields.constFind(QString::fromUtf8(key));
    if (it == m_fields.constEnd())
        return -1;
    return child ? it->children.value(QString::fromUtf8(*child), -1) : it->column;
}

void TableSchemaEvolver::indexField(const QString &field, int column)
{
    const qsizetype dot = field.indexOf(u'.');
    if (dot < 0)
        m_fields[field].column = column;
    else
        m_fields[field.left(dot)].children.insert(field.mid(dot + 1), column);
}

bool TableSchemaEvolver::exec(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, &err);
    // The caller reports the failure with the connection's error message.
    sqlite3_free(err);
    return rc == SQLITE_OK;
}

bool TableSchemaEvolver::load(qint64 dataVersion)
{
    // Taken first: a change made while loading is seen at the next check.
    m_generation = g_catalogGeneration.load();
    m_columns.clear();
    m_fields.clear();
    m_keyColumns.clear();
    m_taken = QSet<QString>(systemColumns().begin(), systemColumns().end());
    m_exists = false;

    SqliteStatement table(m_db, u"SELECT primary_key FROM opbox_tables WHERE table_name = ?"_s);
    table.bind(m_table);
    int rc = table.step();
    if (rc == SQLITE_ROW) {
        m_exists = true;
        // The first sync fixed the key; a later variant of the same stream uses it as it is.
        const QJsonArray key = JsonColumn::array(table.text(0));
        m_primaryKey.clear();
        for (const auto &k : key)
            m_primaryKey.append(k.toString());
    } else if (rc != SQLITE_DONE) {
        return false;
    }

    SqliteStatement columns(m_db,
                            u"SELECT column_name, field_name, logical_type FROM opbox_columns WHERE table_name = ?"
                            " ORDER BY position"_s);
    columns.bind(m_table);
    while ((rc = columns.step()) == SQLITE_ROW) {
        Column c{columns.text(0), columns.text(1), ColumnTypePolicy::parse(columns.text(2)).value_or(LogicalType::Text)};
        indexField(c.field, int(m_columns.size()));
        m_taken.insert(c.name);
        m_columns.push_back(std::move(c));
    }
    if (rc != SQLITE_DONE)
        return false;
    for (const auto &key : std::as_const(m_primaryKey)) {
        for (int i = 0; i < int(m_columns.size()); ++i) {
            if (m_columns[size_t(i)].field == key)
                m_keyColumns.append(i);
        }
    }
    m_dataVersion = dataVersion;
    return true;
}

bool TableSchemaEvolver::create(const RecordBatch &records, const QString &runId)
{
    QStringList defs;
    defs << u"\"_opbox_connection_id\" TEXT NOT NULL"_s << u"\"_opbox_variant\" TEXT"_s << u"\"_opbox_run_id\" TEXT NOT NULL"_s
         << u"\"_opbox_synced_at\" TEXT NOT NULL"_s << u"\"_opbox_deleted_at\" TEXT"_s;
    // Columns carry no declared SQLite type: values keep the storage class they are bound with,
    // and the logical type lives in the catalog, so widening never needs a table rebuild.
    if (!exec(u"CREATE TABLE IF NOT EXISTS "_s + TableNamingPolicy::quote(m_table) + u" ("_s + defs.join(u", "_s) + u')'))
        return false;
    SqliteStatement table(m_db,
                          u"INSERT OR IGNORE INTO opbox_tables(table_name, base, stream, primary_key, created_at, created_by_run)"
                          " VALUES(?, ?, ?, ?, ?, ?)"_s);
    table.bind(m_table)
        .bind(m_base)
        .bind(m_stream)
        .bind(JsonColumn::text(QJsonArray::fromStringList(m_primaryKey)))
        .bind(Ids::isoNow())
        .bind(runId);
    if (table.step() != SQLITE_DONE)
        return false;
    m_exists = true;

    // Key columns exist from the start, because the upsert index needs them.
    QStringList keyNames;
    for (const auto &key : std::as_const(m_primaryKey)) {
        std::optional<LogicalType> type;
        const QStringList path = keyPath(key);
        for (qsizetype row = 0; row < records.size() && !type; ++row) {
            if (const RecordBatch::Field *field = records.find(row, path))
                type = ColumnTypePolicy::infer(records, *field);
        }
        const int column = addColumn(key, type.value_or(LogicalType::Text), runId);
        if (column < 0)
            return false;
        m_keyColumns.append(column);
        keyNames.append(TableNamingPolicy::quote(m_columns[size_t(column)].name));
    }
    if (!keyNames.isEmpty()) {
        if (!exec(u"CREATE UNIQUE INDEX IF NOT EXISTS "_s + TableNamingPolicy::quote(m_table + u"__opbox_key"_s) + u" ON "_s
                  + TableNamingPolicy::quote(m_table) + u" (\"_opbox_connection_id\", "_s + keyNames.join(u", "_s) + u')'))
            return false;
    } else {
        if (!exec(u"CREATE INDEX IF NOT EXISTS "_s + TableNamingPolicy::quote(m_table + u"__opbox_connection"_s) + u" ON "_s
                  + TableNamingPolicy::quote(m_table) + u" (\"_opbox_connection_id\")"_s))
            return false;
    }
    return true;
}

int TableSchemaEvolver::addColumn(const QString &field, LogicalType type, const QString &runId)
{
    if (runId != m_countedRun) {
        m_countedRun = runId;
        m_addedInRun = 0;
    }
    if (m_addedInRun >= MaxNewColumnsPerRun) {
        m_refusal = QCoreApplication::translate("TableSchemaEvolver",
                                                "the provider sent more than %1 new fields for table %2 in one run; the "
                                                "run stops before the table grows without bound (field %3)")
                        .arg(MaxNewColumnsPerRun)
                        .arg(m_table, field.left(64));
        return -1;
    }
    ++m_addedInRun;
    const QString name = TableNamingPolicy::deduplicate(TableNamingPolicy::columnName(field), m_taken);
    if (!exec(u"ALTER TABLE "_s + TableNamingPolicy::quote(m_table) + u" ADD COLUMN "_s + TableNamingPolicy::quote(name)))
        return -1;
    const QString now = Ids::isoNow();
    const int index = int(m_columns.size());
    SqliteStatement column(m_db,
                           u"INSERT INTO opbox_columns(table_name, column_name, field_name, logical_type, position, created_at,"
                           " created_by_run) VALUES(?, ?, ?, ?, ?, ?, ?)"_s);
    column.bind(m_table).bind(name).bind(field).bind(ColumnTypePolicy::name(type)).bind(qint64(index)).bind(now).bind(runId);
    if (column.step() != SQLITE_DONE)
        return -1;
    SqliteStatement history(m_db,
                            u"INSERT INTO opbox_column_history(table_name, column_name, change, from_type, to_type, run_id, at)"
                            " VALUES(?, ?, 'ADDED', NULL, ?, ?, ?)"_s);
    history.bind(m_table).bind(name).bind(ColumnTypePolicy::name(type)).bind(runId).bind(now);
    if (history.step() != SQLITE_DONE)
        return -1;
    indexField(field, index);
    m_taken.insert(name);
    m_columns.push_back(Column{name, field, type});
    catalogChanged(&m_generation);
    qCDebug(lcEngine) << "table" << m_table << "added column" << name << ColumnTypePolicy::name(type);
    return index;
}

bool TableSchemaEvolver::widen(int column, LogicalType to, const QString &runId)
{
    Column &c = m_columns[size_t(column)];
    const LogicalType from = c.type;
    if (to == LogicalType::Text) {
        // Stored values become the text they stand for, so that a TEXT column reads as text.
        const QString col = TableNamingPolicy::quote(c.name);
        QString sql;
        if (from == LogicalType::Boolean) {
            sql = u"UPDATE "_s + TableNamingPolicy::quote(m_table) + u" SET "_s + col + u" = CASE "_s + col
                + u" WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE "_s + col + u" END WHERE typeof("_s + col + u") = 'integer'"_s;
        } else if (from == LogicalType::Integer || from == LogicalType::Real) {
            sql = u"UPDATE "_s + TableNamingPolicy::quote(m_table) + u" SET "_s + col + u" = CAST("_s + col
                + u" AS TEXT) WHERE typeof("_s + col + u") IN ('integer', 'real')"_s;
        }
        if (!sql.isEmpty() && !exec(sql))
            return false;
    }
    const QString now = Ids::isoNow();
    SqliteStatement update(m_db, u"UPDATE opbox_columns SET logical_type = ? WHERE table_name = ? AND column_name = ?"_s);
    update.bind(ColumnTypePolicy::name(to)).bind(m_table).bind(c.name);
    if (update.step() != SQLITE_DONE)
        return false;
    SqliteStatement history(m_db,
                            u"INSERT INTO opbox_column_history(table_name, column_name, change, from_type, to_type, run_id, at)"
                            " VALUES(?, ?, 'WIDENED', ?, ?, ?, ?)"_s);
    history.bind(m_table).bind(c.name).bind(ColumnTypePolicy::name(from)).bind(ColumnTypePolicy::name(to)).bind(runId).bind(now);
    if (history.step() != SQLITE_DONE)
        return false;
    qCInfo(lcEngine) << "table" << m_table << "column" << c.name << "widened" << ColumnTypePolicy::name(from) << "->"
                     << ColumnTypePolicy::name(to);
    c.type = to;
    catalogChanged(&m_generation);
    return true;
}

int TableSchemaEvolver::columnFor(QByteArrayView key, const QByteArrayView *child, const RecordBatch &batch,
                                  const RecordBatch::Field &value, const QString &runId, bool *failed, int known)
{
    int column = known;
    if (column == Unknown)
        column = find(key, child);
    // TEXT is the top of the lattice: nothing can widen it, so there is nothing to infer.
    if (column >= 0 && m_columns[size_t(column)].type == LogicalType::Text)
        return column;
    const std::optional<LogicalType> type = ColumnTypePolicy::infer(batch, value);
    if (column < 0) {
        // A field that has only been null so far gets no column yet: there is no evidence of its
        // type, and a guessed one could only ever widen (as dlt does with all-null columns).
        if (!type)
            return -1;
        const QString field = child ? QString::fromUtf8(key) + u'.' + QString::fromUtf8(*child) : QString::fromUtf8(key);
        column = addColumn(field, *type, runId);
        if (column < 0)
            *failed = true;
        return column;
    }
    if (type) {
        const LogicalType current = m_columns[size_t(column)].type;
        const LogicalType joined = ColumnTypePolicy::join(current, *type);
        if (joined != current && !widen(column, joined, runId))
            *failed = true;
    }
    return column;
}

} // namespace Opbox
