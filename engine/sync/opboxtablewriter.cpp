// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sync/opboxtablewriter.h"
#include "engine/enginelogging.h"
#include "base/ids.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <atomic>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

constexpr int SystemParamCount = 5; // connection, variant, run, synced at, deleted at

// Bumped by every catalog change in this process. SQLite's data_version reveals commits of other
// connections only; two writers sharing one connection (one thread) see each other through this.
std::atomic<quint64> g_catalogGeneration{0};

void catalogChanged(quint64 *mine)
{
    const quint64 before = g_catalogGeneration.fetch_add(1);
    if (before == *mine)
        *mine = before + 1; // only our own change since we loaded: no reload needed
}

/** A prepared statement that finalizes itself; for the catalog queries off the hot path. */
class Statement
{
public:
    Statement(sqlite3 *db, const QString &sql)
    {
        const QByteArray utf8 = sql.toUtf8();
        m_rc = sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    [[nodiscard]] bool ok() const { return m_rc == SQLITE_OK && m_stmt; }
    Statement &bind(const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt, ++m_index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &bindNull()
    {
        sqlite3_bind_null(m_stmt, ++m_index);
        return *this;
    }
    Statement &bind(qint64 v)
    {
        sqlite3_bind_int64(m_stmt, ++m_index, v);
        return *this;
    }
    /** SQLITE_ROW, SQLITE_DONE or an error code. */
    int step() { return ok() ? sqlite3_step(m_stmt) : m_rc; }
    [[nodiscard]] QString text(int column) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column)) : QString();
    }
    [[nodiscard]] qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

private:
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = SQLITE_ERROR;
    int m_index = 0;
};

QString tr(const char *s)
{
    return QCoreApplication::translate("OpboxTableWriter", s);
}

// A primary key field `a.b` names member `b` of object `a` (records are flattened one level).
QStringList keyPath(const QString &field)
{
    const qsizetype dot = field.indexOf(u'.');
    return dot < 0 ? QStringList{field} : QStringList{field.left(dot), field.mid(dot + 1)};
}

} // namespace

const QStringList &OpboxTableWriter::systemColumns()
{
    static const QStringList columns{u"_opbox_connection_id"_s, u"_opbox_variant"_s, u"_opbox_run_id"_s,
                                     u"_opbox_synced_at"_s, u"_opbox_deleted_at"_s};
    return columns;
}

OpboxTableWriter::OpboxTableWriter(sqlite3 *db, QString tableName, QString base, QString stream, QStringList primaryKey,
                                   QString connectionId, QString variantLabel)
    : m_db(db)
    , m_table(std::move(tableName))
    , m_base(std::move(base))
    , m_stream(std::move(stream))
    , m_primaryKey(std::move(primaryKey))
    , m_connectionId(std::move(connectionId))
    , m_variant(std::move(variantLabel))
    , m_connectionIdUtf8(m_connectionId.toUtf8())
    , m_variantUtf8(m_variant.toUtf8())
{
}

OpboxTableWriter::~OpboxTableWriter()
{
    finalizeStatements();
    sqlite3_finalize(m_dataVersionQuery);
}

qint64 OpboxTableWriter::dataVersion()
{
    if (!m_dataVersionQuery
        && sqlite3_prepare_v3(m_db, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT, &m_dataVersionQuery, nullptr) != SQLITE_OK)
        return -1;
    const qint64 version = sqlite3_step(m_dataVersionQuery) == SQLITE_ROW ? sqlite3_column_int64(m_dataVersionQuery, 0) : -1;
    sqlite3_reset(m_dataVersionQuery);
    return version;
}

void OpboxTableWriter::finalizeStatements()
{
    sqlite3_finalize(m_insert);
    m_insert = nullptr;
    m_statementsDirty = true;
}

void OpboxTableWriter::invalidate()
{
    m_dataVersion = -1;
    m_ownerRecorded = false;
    finalizeStatements();
}

Error OpboxTableWriter::sqlError(const char *what)
{
    const int code = sqlite3_errcode(m_db);
    m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
    qCWarning(lcEngine) << "table" << m_table << what << "failed:" << m_lastError;
    // sqlite3_errstr() is the generic text of the code ("database or disk is full"): no SQL, no data.
    return Error{Error::Kind::Internal, u"TABLE_WRITE_FAILED"_s,
                 tr("writing the table %1 failed: %2").arg(m_table, QString::fromUtf8(sqlite3_errstr(code))), {}};
}

bool OpboxTableWriter::exec(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        m_lastError = QString::fromUtf8(err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        return false;
    }
    return true;
}

bool OpboxTableWriter::loadCatalog()
{
    finalizeStatements();
    m_columns.clear();
    m_fields.clear();
    m_keyColumns.clear();
    m_taken = QSet<QString>(systemColumns().begin(), systemColumns().end());
    m_exists = false;

    Statement table(m_db, u"SELECT primary_key FROM opbox_tables WHERE table_name = ?"_s);
    table.bind(m_table);
    int rc = table.step();
    if (rc == SQLITE_ROW) {
        m_exists = true;
        // The first sync fixed the key; a later variant of the same stream uses it as it is.
        const QJsonArray key = QJsonDocument::fromJson(table.text(0).toUtf8()).array();
        m_primaryKey.clear();
        for (const auto &k : key)
            m_primaryKey.append(k.toString());
    } else if (rc != SQLITE_DONE) {
        return false;
    }

    Statement columns(m_db, u"SELECT column_name, field_name, logical_type FROM opbox_columns WHERE table_name = ?"
                            " ORDER BY position"_s);
    columns.bind(m_table);
    while ((rc = columns.step()) == SQLITE_ROW) {
        Column c{columns.text(0), columns.text(1), ColumnTypePolicy::parse(columns.text(2)).value_or(LogicalType::Text)};
        const int index = int(m_columns.size());
        const qsizetype dot = c.field.indexOf(u'.');
        if (dot < 0)
            m_fields[c.field].column = index;
        else
            m_fields[c.field.left(dot)].children.insert(c.field.mid(dot + 1), index);
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
    m_utf8.assign(m_columns.size(), QByteArray());
    m_shape.clear();
    return true;
}

bool OpboxTableWriter::ensureTable(const RecordBatch &records, const QString &runId)
{
    QStringList defs;
    defs << u"\"_opbox_connection_id\" TEXT NOT NULL"_s << u"\"_opbox_variant\" TEXT"_s
         << u"\"_opbox_run_id\" TEXT NOT NULL"_s << u"\"_opbox_synced_at\" TEXT NOT NULL"_s << u"\"_opbox_deleted_at\" TEXT"_s;
    // Columns carry no declared SQLite type: values keep the storage class they are bound with,
    // and the logical type lives in the catalog, so widening never needs a table rebuild.
    if (!exec(u"CREATE TABLE IF NOT EXISTS "_s + TableNamingPolicy::quote(m_table) + u" ("_s + defs.join(u", "_s) + u')'))
        return false;
    Statement table(m_db, u"INSERT OR IGNORE INTO opbox_tables(table_name, base, stream, primary_key, created_at, created_by_run)"
                          " VALUES(?, ?, ?, ?, ?, ?)"_s);
    table.bind(m_table).bind(m_base).bind(m_stream)
        .bind(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m_primaryKey)).toJson(QJsonDocument::Compact)))
        .bind(Ids::isoNow()).bind(runId);
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

int OpboxTableWriter::addColumn(const QString &field, LogicalType type, const QString &runId)
{
    finalizeStatements();
    const QString name = TableNamingPolicy::deduplicate(TableNamingPolicy::columnName(field), m_taken);
    if (!exec(u"ALTER TABLE "_s + TableNamingPolicy::quote(m_table) + u" ADD COLUMN "_s + TableNamingPolicy::quote(name)))
        return -1;
    const QString now = Ids::isoNow();
    const int index = int(m_columns.size());
    Statement column(m_db, u"INSERT INTO opbox_columns(table_name, column_name, field_name, logical_type, position, created_at,"
                           " created_by_run) VALUES(?, ?, ?, ?, ?, ?, ?)"_s);
    column.bind(m_table).bind(name).bind(field).bind(ColumnTypePolicy::name(type)).bind(qint64(index)).bind(now).bind(runId);
    if (column.step() != SQLITE_DONE)
        return -1;
    Statement history(m_db, u"INSERT INTO opbox_column_history(table_name, column_name, change, from_type, to_type, run_id, at)"
                            " VALUES(?, ?, 'ADDED', NULL, ?, ?, ?)"_s);
    history.bind(m_table).bind(name).bind(ColumnTypePolicy::name(type)).bind(runId).bind(now);
    if (history.step() != SQLITE_DONE)
        return -1;
    const qsizetype dot = field.indexOf(u'.');
    if (dot < 0)
        m_fields[field].column = index;
    else
        m_fields[field.left(dot)].children.insert(field.mid(dot + 1), index);
    m_taken.insert(name);
    m_columns.push_back(Column{name, field, type});
    catalogChanged(&m_generation);
    m_utf8.resize(m_columns.size());
    qCDebug(lcEngine) << "table" << m_table << "added column" << name << ColumnTypePolicy::name(type);
    return index;
}

bool OpboxTableWriter::widen(int column, LogicalType to, const QString &runId)
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
    Statement update(m_db, u"UPDATE opbox_columns SET logical_type = ? WHERE table_name = ? AND column_name = ?"_s);
    update.bind(ColumnTypePolicy::name(to)).bind(m_table).bind(c.name);
    if (update.step() != SQLITE_DONE)
        return false;
    Statement history(m_db, u"INSERT INTO opbox_column_history(table_name, column_name, change, from_type, to_type, run_id, at)"
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

bool OpboxTableWriter::prepareStatements()
{
    finalizeStatements();
    QStringList names;
    QStringList params;
    int n = 0;
    for (const auto &c : systemColumns()) {
        names.append(TableNamingPolicy::quote(c));
        params.append(u'?' + QString::number(++n));
    }
    for (const auto &c : m_columns) {
        names.append(TableNamingPolicy::quote(c.name));
        params.append(u'?' + QString::number(++n));
    }
    QString sql = u"INSERT INTO "_s + TableNamingPolicy::quote(m_table) + u" ("_s + names.join(u", "_s) + u") VALUES ("_s
                  + params.join(u", "_s) + u')';
    if (!m_keyColumns.isEmpty()) {
        // One statement per row whether the key is new or not; which of the two happened is told by
        // the last insert rowid (an UPSERT's update leaves it alone).
        QStringList target{u"\"_opbox_connection_id\""_s};
        for (int k : std::as_const(m_keyColumns))
            target.append(TableNamingPolicy::quote(m_columns[size_t(k)].name));
        QStringList sets{u"\"_opbox_variant\" = excluded.\"_opbox_variant\""_s, u"\"_opbox_run_id\" = excluded.\"_opbox_run_id\""_s,
                         u"\"_opbox_synced_at\" = excluded.\"_opbox_synced_at\""_s, u"\"_opbox_deleted_at\" = NULL"_s};
        for (int i = 0; i < int(m_columns.size()); ++i) {
            if (!m_keyColumns.contains(i)) {
                const QString q = TableNamingPolicy::quote(m_columns[size_t(i)].name);
                sets.append(q + u" = excluded."_s + q);
            }
        }
        sql += u" ON CONFLICT ("_s + target.join(u", "_s) + u") DO UPDATE SET "_s + sets.join(u", "_s);
    }
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_insert, nullptr) != SQLITE_OK)
        return false;
    m_statementsDirty = false;
    return true;
}

int OpboxTableWriter::columnFor(QByteArrayView key, const QByteArrayView *child, const RecordBatch &batch,
                                const RecordBatch::Field &value, const QString &runId, bool *failed, int known)
{
    int column = known;
    if (column == Unknown) {
        column = -1;
        const auto it = m_fields.constFind(QString::fromUtf8(key));
        if (it != m_fields.constEnd())
            column = child ? it->children.value(QString::fromUtf8(*child), -1) : it->column;
    }
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

int OpboxTableWriter::cachedColumn(std::vector<ShapeSlot> &shape, size_t index, QByteArrayView key, const QByteArrayView *parent)
{
    // Records of one stream nearly always have the same keys in the same (sorted) order: comparing
    // with the key seen at this position last time is much cheaper than hashing it.
    if (index < shape.size() && QByteArrayView(shape[index].key) == key)
        return shape[index].column;
    int column = -1;
    const auto it = m_fields.constFind(QString::fromUtf8(parent ? *parent : key));
    if (it != m_fields.constEnd())
        column = parent ? it->children.value(QString::fromUtf8(key), -1) : it->column;
    if (index >= shape.size())
        shape.resize(index + 1);
    shape[index].key = key.toByteArray();
    shape[index].column = column;
    shape[index].children.clear(); // they belonged to the object that had this position before
    return column;
}

void OpboxTableWriter::bindSystem()
{
    sqlite3_stmt *stmt = m_insert;
    sqlite3_clear_bindings(stmt); // every column not bound below is NULL
    sqlite3_bind_text(stmt, 1, m_connectionIdUtf8.constData(), int(m_connectionIdUtf8.size()), SQLITE_STATIC);
    if (!m_variant.isEmpty())
        sqlite3_bind_text(stmt, 2, m_variantUtf8.constData(), int(m_variantUtf8.size()), SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, m_runUtf8.constData(), int(m_runUtf8.size()), SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, m_syncedAtUtf8.constData(), int(m_syncedAtUtf8.size()), SQLITE_STATIC);
}

void OpboxTableWriter::bindValue(int column, const RecordBatch &batch, const RecordBatch::Field &v)
{
    using Kind = RecordBatch::Kind;
    if (v.kind == Kind::Null)
        return;
    sqlite3_stmt *stmt = m_insert;
    const int param = SystemParamCount + 1 + column;
    switch (m_columns[size_t(column)].type) {
    case LogicalType::Boolean:
    case LogicalType::Integer:
    case LogicalType::Real:
        if (v.kind == Kind::Bool) {
            sqlite3_bind_int64(stmt, param, v.boolean ? 1 : 0);
        } else if (v.kind == Kind::Integer) {
            sqlite3_bind_int64(stmt, param, v.integer);
        } else if (v.kind == Kind::Real) {
            if (const auto integer = ColumnTypePolicy::integral(v.real))
                sqlite3_bind_int64(stmt, param, *integer);
            else
                sqlite3_bind_double(stmt, param, v.real);
        } else {
            // Cannot happen: such a value widens the column to TEXT before it is bound.
            qCWarning(lcEngine) << "a non-numeric value reached numeric column" << m_columns[size_t(column)].name << "of" << m_table;
        }
        return;
    case LogicalType::Date:
    case LogicalType::DateTime:
    case LogicalType::Text:
    case LogicalType::Json:
        break;
    }
    if (v.kind == Kind::String || v.kind == Kind::Json) {
        // Already UTF-8 (and compact JSON): bound where it lies, the batch outlives the step.
        const QByteArrayView text = batch.bytes(v.text);
        sqlite3_bind_text(stmt, param, text.data(), int(text.size()), SQLITE_STATIC);
        return;
    }
    const QString text = ColumnTypePolicy::toText(v);
    QByteArray &utf8 = m_utf8[size_t(column)];
    const qsizetype need = m_encoder.requiredSpace(text.size());
    if (utf8.size() < need)
        utf8.resize(need);
    const char *end = m_encoder.appendToBuffer(utf8.data(), text);
    sqlite3_bind_text(stmt, param, utf8.constData(), int(end - utf8.constData()), SQLITE_STATIC);
}

bool OpboxTableWriter::bindRecord(const RecordBatch &batch, qsizetype row, const QString &runId, bool *failed)
{
    // After a new column the statement is stale: the rest of the record is still walked, so that
    // every new column of this record exists before it is bound again.
    bool stale = m_statementsDirty;
    if (!stale)
        bindSystem();
    const RecordBatch::Fields &fields = batch.fields(row);
    size_t index = 0;
    for (size_t i = 0; i < fields.size(); i += size_t(fields[i].children) + 1, ++index) {
        const RecordBatch::Field &field = fields[i];
        const QByteArrayView key = batch.bytes(field.key);
        if (index >= m_shape.size())
            m_shape.resize(index + 1);
        if (field.kind == RecordBatch::Kind::Object) {
            ShapeSlot &slot = m_shape[index];
            if (QByteArrayView(slot.key) != key) {
                slot.key = key.toByteArray();
                slot.column = -1;
                slot.children.clear();
            }
            for (size_t c = 0; c < size_t(field.children); ++c) {
                const RecordBatch::Field &member = fields[i + 1 + c];
                const QByteArrayView childKey = batch.bytes(member.key);
                const int known = cachedColumn(slot.children, c, childKey, &key);
                const int column = columnFor(key, &childKey, batch, member, runId, failed, known < 0 ? Unknown : known);
                if (*failed)
                    return false;
                if (known < 0 && column >= 0)
                    slot.children[c].column = column;
                stale = stale || m_statementsDirty;
                if (column >= 0 && !stale)
                    bindValue(column, batch, member);
            }
        } else {
            const int known = cachedColumn(m_shape, index, key, nullptr);
            const int column = columnFor(key, nullptr, batch, field, runId, failed, known < 0 ? Unknown : known);
            if (*failed)
                return false;
            if (known < 0 && column >= 0)
                m_shape[index].column = column;
            stale = stale || m_statementsDirty;
            if (column >= 0 && !stale)
                bindValue(column, batch, field);
        }
    }
    return !stale;
}

Result<OpboxTableWriter::Counts> OpboxTableWriter::write(const RecordBatch &records, const QString &runId,
                                                         const QString &syncedAt)
{
    Counts counts;
    if (records.isEmpty())
        return counts;
    const qint64 dv = dataVersion();
    if (dv < 0)
        return sqlError("reading the data version");
    if (dv != m_dataVersion || g_catalogGeneration.load() != m_generation) {
        // Another connection committed since we last looked: it may have changed this catalog.
        m_generation = g_catalogGeneration.load();
        if (!loadCatalog())
            return sqlError("loading the catalog");
        m_dataVersion = dv;
    }
    if (!m_exists && !ensureTable(records, runId))
        return sqlError("creating the table");
    if (!m_ownerRecorded) {
        Statement owner(m_db, u"INSERT OR IGNORE INTO opbox_table_owners(table_name, connection_id) VALUES(?, ?)"_s);
        owner.bind(m_table).bind(m_connectionId);
        if (owner.step() != SQLITE_DONE)
            return sqlError("recording the table owner");
        m_ownerRecorded = true;
    }
    m_runUtf8 = runId.toUtf8();
    m_syncedAtUtf8 = syncedAt.toUtf8();

    bool failed = false;
    for (qsizetype row = 0; row < records.size(); ++row) {
        // A new column re-prepares the statement; the record is then bound again from the start
        // (the second pass finds every column, so it cannot loop).
        for (int pass = 0; pass < 3; ++pass) {
            if (m_statementsDirty && !prepareStatements())
                return sqlError("preparing the upsert");
            if (bindRecord(records, row, runId, &failed))
                break;
            if (failed)
                return sqlError("changing the columns");
        }
        if (m_statementsDirty)
            return sqlError("binding a record");
        sqlite3_set_last_insert_rowid(m_db, 0);
        const int rc = sqlite3_step(m_insert);
        sqlite3_reset(m_insert);
        if (rc != SQLITE_DONE)
            return sqlError("upserting a row");
        if (sqlite3_last_insert_rowid(m_db) != 0)
            ++counts.created;
        else
            ++counts.updated;
    }
    return counts;
}

Result<qint64> OpboxTableWriter::markMissingDeleted(const QString &generationStart, const QString &deletedAt)
{
    Statement exists(m_db, u"SELECT 1 FROM opbox_tables WHERE table_name = ?"_s);
    exists.bind(m_table);
    const int rc = exists.step();
    if (rc == SQLITE_DONE)
        return qint64(0);
    if (rc != SQLITE_ROW)
        return sqlError("reading the catalog");
    Statement mark(m_db, u"UPDATE "_s + TableNamingPolicy::quote(m_table)
                             + u" SET \"_opbox_deleted_at\" = ? WHERE \"_opbox_connection_id\" = ?"
                               " AND \"_opbox_synced_at\" < ? AND \"_opbox_deleted_at\" IS NULL"_s);
    mark.bind(deletedAt).bind(m_connectionId).bind(generationStart);
    if (mark.step() != SQLITE_DONE)
        return sqlError("marking deleted rows");
    return qint64(sqlite3_changes(m_db));
}

} // namespace Opbox
