// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/tablecatalogstore.h"
#include "engine/store/database.h"
#include "engine/store/jsoncolumn.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("TableCatalogStore", s);
}

std::optional<QString> optional(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<QString>(v.toString());
}

QJsonValue orNull(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

} // namespace

QJsonObject TableRecord::toJson() const
{
    return QJsonObject{{u"table"_s, table},
                       {u"base"_s, base},
                       {u"stream"_s, stream},
                       {u"primaryKey"_s, QJsonArray::fromStringList(primaryKey)},
                       {u"createdAt"_s, createdAt},
                       {u"createdByRun"_s, orNull(createdByRun)},
                       {u"connectionIds"_s, QJsonArray::fromStringList(connectionIds)},
                       {u"rows"_s, rows}};
}

QJsonObject ColumnRecord::toJson() const
{
    return QJsonObject{{u"name"_s, name},         {u"field"_s, field},         {u"type"_s, type},
                       {u"position"_s, position}, {u"createdAt"_s, createdAt}, {u"createdByRun"_s, orNull(createdByRun)}};
}

bool ColumnChange::isWidening() const
{
    return change == u"WIDENED"_s;
}

QJsonObject ColumnChange::toJson() const
{
    return QJsonObject{{u"column"_s, column}, {u"change"_s, change},       {u"from"_s, orNull(from)},
                       {u"to"_s, to},         {u"runId"_s, orNull(runId)}, {u"at"_s, at}};
}

TableCatalogStore::TableCatalogStore(WorkspaceDataStore *workspaceData)
    : m_workspaceData(workspaceData)
{
}

Result<QList<TableRecord>> TableCatalogStore::tables(const Caller &caller, const QString &connectionId) const
{
    Database *db = m_workspaceData->database(caller.workspaceId);
    if (!db)
        return Error::internal(tr("the workspace's data file cannot be opened"));
    QString sql = u"SELECT t.table_name, t.base, t.stream, t.primary_key, t.created_at, t.created_by_run,"
                  " (SELECT group_concat(o.connection_id) FROM opbox_table_owners o WHERE o.table_name = t.table_name)"
                  " FROM opbox_tables t"_s;
    if (!connectionId.isEmpty())
        sql += u" WHERE EXISTS (SELECT 1 FROM opbox_table_owners o WHERE o.table_name = t.table_name AND o.connection_id = ?)"_s;
    sql += u" ORDER BY t.table_name"_s;
    QList<TableRecord> found;
    {
        SqlQuery q(db->connection(), sql);
        if (!connectionId.isEmpty())
            q.bind(connectionId);
        if (!q.exec())
            return Error::internal();
        while (q.next()) {
            const QString owners = q.value(6).toString();
            TableRecord t;
            t.table = q.value(0).toString();
            t.base = q.value(1).toString();
            t.stream = q.value(2).toString();
            for (const QJsonValue &key : JsonColumn::array(q.value(3).toString()))
                t.primaryKey.append(key.toString());
            t.createdAt = q.value(4).toString();
            t.createdByRun = optional(q.value(5));
            t.connectionIds = owners.isEmpty() ? QStringList() : owners.split(u',');
            found.append(t);
        }
    }
    for (TableRecord &t : found) {
        SqlQuery count(db->connection(), u"SELECT COUNT(*) FROM "_s + TableNamingPolicy::quote(t.table));
        t.rows = count.exec() && count.next() ? count.value(0).toLongLong() : 0;
    }
    return found;
}

Result<QList<ColumnRecord>> TableCatalogStore::columns(const Caller &caller, const QString &table) const
{
    Database *db = m_workspaceData->database(caller.workspaceId);
    if (!db)
        return Error::internal(tr("the workspace's data file cannot be opened"));
    SqlQuery exists(db->connection(), u"SELECT 1 FROM opbox_tables WHERE table_name = ?"_s);
    exists.bind(table);
    if (!exists.exec())
        return Error::internal();
    if (!exists.next())
        return Error::notFound(tr("table not found: %1").arg(table.left(64)));
    SqlQuery q(db->connection(),
               u"SELECT column_name, field_name, logical_type, position, created_at, created_by_run"
               " FROM opbox_columns WHERE table_name = ? ORDER BY position"_s);
    q.bind(table);
    if (!q.exec())
        return Error::internal();
    QList<ColumnRecord> out;
    while (q.next()) {
        out.append(ColumnRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(),
                                q.value(4).toString(), optional(q.value(5))});
    }
    return out;
}

Result<QList<ColumnChange>> TableCatalogStore::history(const Caller &caller, const QString &table) const
{
    Database *db = m_workspaceData->database(caller.workspaceId);
    if (!db)
        return Error::internal(tr("the workspace's data file cannot be opened"));
    SqlQuery q(db->connection(),
               u"SELECT column_name, change, from_type, to_type, run_id, at FROM opbox_column_history"
               " WHERE table_name = ? ORDER BY id"_s);
    q.bind(table);
    if (!q.exec())
        return Error::internal();
    QList<ColumnChange> out;
    while (q.next()) {
        out.append(ColumnChange{q.value(0).toString(), q.value(1).toString(), optional(q.value(2)), q.value(3).toString(),
                                optional(q.value(4)), q.value(5).toString()});
    }
    return out;
}

} // namespace Opbox
