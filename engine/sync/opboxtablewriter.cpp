// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sync/opboxtablewriter.h"
#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoreApplication>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

constexpr int SystemParamCount = 5; // connection, variant, run, synced at, deleted at

QString tr(const char *s)
{
    return QCoreApplication::translate("OpboxTableWriter", s);
}

} // namespace

const QStringList &OpboxTableWriter::systemColumns()
{
    return TableSchemaEvolver::systemColumns();
}

OpboxTableWriter::OpboxTableWriter(sqlite3 *db, QString tableName, QString base, QString stream, QStringList primaryKey,
                                   QString connectionId, QString variantLabel)
    : m_db(db)
    , m_schema(db, std::move(tableName), std::move(base), std::move(stream), std::move(primaryKey))
    , m_connectionId(std::move(connectionId))
    , m_variant(std::move(variantLabel))
    , m_connectionIdUtf8(m_connectionId.toUtf8())
    , m_variantUtf8(m_variant.toUtf8())
{
}

OpboxTableWriter::~OpboxTableWriter() = default;

qint64 OpboxTableWriter::dataVersion()
{
    if (!m_dataVersionQuery.isValid())
        m_dataVersionQuery = SqliteStatement(m_db, QByteArrayView("PRAGMA data_version"), SqliteStatement::Use::Persistent);
    if (!m_dataVersionQuery.isValid())
        return -1;
    const qint64 version = m_dataVersionQuery.step() == SQLITE_ROW ? m_dataVersionQuery.integer(0) : -1;
    m_dataVersionQuery.reset();
    return version;
}

bool OpboxTableWriter::statementStale() const
{
    // A column added since the upsert was prepared needs a parameter of its own.
    return !m_insert.isValid() || m_schema.columns().size() != m_preparedColumns;
}

void OpboxTableWriter::invalidate()
{
    m_schema.invalidate();
    m_ownerRecorded = false;
    m_insert = SqliteStatement();
}

Error OpboxTableWriter::sqlError(const char *what)
{
    const int code = sqlite3_errcode(m_db);
    m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
    qCWarning(lcEngine) << "table" << m_schema.tableName() << what << "failed:" << m_lastError;
    // sqlite3_errstr() is the generic text of the code ("database or disk is full"): no SQL, no data.
    return Error{Error::Kind::Internal,
                 u"TABLE_WRITE_FAILED"_s,
                 tr("writing the table %1 failed: %2").arg(m_schema.tableName(), QString::fromUtf8(sqlite3_errstr(code))),
                 {}};
}

bool OpboxTableWriter::prepareStatements()
{
    m_insert = SqliteStatement();
    const std::vector<Column> &columns = m_schema.columns();
    const QList<int> &keyColumns = m_schema.keyColumns();
    QStringList names;
    QStringList params;
    int n = 0;
    for (const auto &c : systemColumns()) {
        names.append(TableNamingPolicy::quote(c));
        params.append(u'?' + QString::number(++n));
    }
    for (const auto &c : columns) {
        names.append(TableNamingPolicy::quote(c.name));
        params.append(u'?' + QString::number(++n));
    }
    QString sql = u"INSERT INTO "_s + TableNamingPolicy::quote(m_schema.tableName()) + u" ("_s + names.join(u", "_s)
        + u") VALUES ("_s + params.join(u", "_s) + u')';
    if (!keyColumns.isEmpty()) {
        // One statement per row whether the key is new or not; which of the two happened is told by
        // the last insert rowid (an UPSERT's update leaves it alone).
        QStringList target{u"\"_opbox_connection_id\""_s};
        for (int k : keyColumns)
            target.append(TableNamingPolicy::quote(columns[size_t(k)].name));
        QStringList sets{u"\"_opbox_variant\" = excluded.\"_opbox_variant\""_s,
                         u"\"_opbox_run_id\" = excluded.\"_opbox_run_id\""_s,
                         u"\"_opbox_synced_at\" = excluded.\"_opbox_synced_at\""_s, u"\"_opbox_deleted_at\" = NULL"_s};
        for (int i = 0; i < int(columns.size()); ++i) {
            if (!keyColumns.contains(i)) {
                const QString q = TableNamingPolicy::quote(columns[size_t(i)].name);
                sets.append(q + u" = excluded."_s + q);
            }
        }
        sql += u" ON CONFLICT ("_s + target.join(u", "_s) + u") DO UPDATE SET "_s + sets.join(u", "_s);
    }
    m_insert = SqliteStatement(m_db, sql, SqliteStatement::Use::Persistent);
    if (!m_insert.isValid())
        return false;
    m_preparedColumns = columns.size();
    m_utf8.resize(columns.size());
    return true;
}

int OpboxTableWriter::cachedColumn(std::vector<ShapeSlot> &shape, size_t index, QByteArrayView key, const QByteArrayView *parent)
{
    // Records of one stream nearly always have the same keys in the same (sorted) order: comparing
    // with the key seen at this position last time is much cheaper than hashing it.
    if (index < shape.size() && QByteArrayView(shape[index].key) == key)
        return shape[index].column;
    const int column = parent ? m_schema.find(*parent, &key) : m_schema.find(key, nullptr);
    if (index >= shape.size())
        shape.resize(index + 1);
    shape[index].key = key.toByteArray();
    shape[index].column = column;
    shape[index].children.clear(); // they belonged to the object that had this position before
    return column;
}

void OpboxTableWriter::bindSystem()
{
    sqlite3_stmt *stmt = m_insert.handle();
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
    sqlite3_stmt *stmt = m_insert.handle();
    const int param = SystemParamCount + 1 + column;
    switch (m_schema.columns()[size_t(column)].type) {
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
            qCWarning(lcEngine) << "a non-numeric value reached numeric column" << m_schema.columns()[size_t(column)].name << "of"
                                << m_schema.tableName();
        }
        return;
    case LogicalType::Date:
    case LogicalType::DateTime:
    case LogicalType::Text:
    case LogicalType::Json: break;
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
    bool stale = statementStale();
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
                const int column = m_schema.columnFor(key, &childKey, batch, member, runId, failed,
                                                      known < 0 ? TableSchemaEvolver::Unknown : known);
                if (*failed)
                    return false;
                if (known < 0 && column >= 0)
                    slot.children[c].column = column;
                stale = stale || statementStale();
                if (column >= 0 && !stale)
                    bindValue(column, batch, member);
            }
        } else {
            const int known = cachedColumn(m_shape, index, key, nullptr);
            const int column
                = m_schema.columnFor(key, nullptr, batch, field, runId, failed, known < 0 ? TableSchemaEvolver::Unknown : known);
            if (*failed)
                return false;
            if (known < 0 && column >= 0)
                m_shape[index].column = column;
            stale = stale || statementStale();
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
    if (m_schema.isStale(dv)) {
        // Another connection committed since we last looked: it may have changed this catalog.
        m_insert = SqliteStatement();
        m_shape.clear();
        m_utf8.clear();
        if (!m_schema.load(dv))
            return sqlError("loading the catalog");
    }
    if (!m_schema.exists() && !m_schema.create(records, runId))
        return sqlError("creating the table");
    if (!m_ownerRecorded) {
        SqliteStatement owner(m_db, u"INSERT OR IGNORE INTO opbox_table_owners(table_name, connection_id) VALUES(?, ?)"_s);
        owner.bind(m_schema.tableName()).bind(m_connectionId);
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
            if (statementStale() && !prepareStatements())
                return sqlError("preparing the upsert");
            if (bindRecord(records, row, runId, &failed))
                break;
            if (failed && !m_schema.refusal().isEmpty())
                return Error{Error::Kind::Malformed, u"TOO_MANY_COLUMNS"_s, m_schema.refusal(), {}};
            if (failed)
                return sqlError("changing the columns");
        }
        if (statementStale())
            return sqlError("binding a record");
        sqlite3_set_last_insert_rowid(m_db, 0);
        const int rc = sqlite3_step(m_insert.handle());
        sqlite3_reset(m_insert.handle());
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
    SqliteStatement exists(m_db, u"SELECT 1 FROM opbox_tables WHERE table_name = ?"_s);
    exists.bind(m_schema.tableName());
    const int rc = exists.step();
    if (rc == SQLITE_DONE)
        return qint64(0);
    if (rc != SQLITE_ROW)
        return sqlError("reading the catalog");
    SqliteStatement mark(m_db,
                         u"UPDATE "_s + TableNamingPolicy::quote(m_schema.tableName())
                             + u" SET \"_opbox_deleted_at\" = ? WHERE \"_opbox_connection_id\" = ?"
                               " AND \"_opbox_synced_at\" < ? AND \"_opbox_deleted_at\" IS NULL"_s);
    mark.bind(deletedAt).bind(m_connectionId).bind(generationStart);
    if (mark.step() != SQLITE_DONE)
        return sqlError("marking deleted rows");
    return qint64(sqlite3_changes(m_db));
}

} // namespace Opbox
