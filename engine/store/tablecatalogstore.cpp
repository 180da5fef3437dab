// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/tablecatalogstore.h"
#include "engine/store/database.h"
#include "engine/store/jsoncolumn.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoreApplication>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("TableCatalogStore", s);
}

QJsonValue orNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

} // namespace

TableCatalogStore::TableCatalogStore(WorkspaceDataStore *workspaceData)
    : m_workspaceData(workspaceData)
{
}

Result<QJsonArray> TableCatalogStore::tables(const Caller &caller, const QString &connectionId) const
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
    QList<QJsonObject> found;
    {
        SqlQuery q(db->connection(), sql);
        if (!connectionId.isEmpty())
            q.bind(connectionId);
        if (!q.exec())
            return Error::internal();
        while (q.next()) {
            const QString owners = q.value(6).toString();
            found.append(QJsonObject{
                {u"table"_s, q.value(0).toString()},
                {u"base"_s, q.value(1).toString()},
                {u"stream"_s, q.value(2).toString()},
                {u"primaryKey"_s, JsonColumn::array(q.value(3).toString())},
                {u"createdAt"_s, q.value(4).toString()},
                {u"createdByRun"_s, orNull(q.value(5))},
                {u"connectionIds"_s, QJsonArray::fromStringList(owners.isEmpty() ? QStringList() : owners.split(u','))}});
        }
    }
    QJsonArray out;
    for (auto t : std::as_const(found)) {
        SqlQuery count(db->connection(), u"SELECT COUNT(*) FROM "_s + TableNamingPolicy::quote(t.value(u"table"_s).toString()));
        t.insert(u"rows"_s, count.exec() && count.next() ? count.value(0).toLongLong() : 0);
        out.append(t);
    }
    return out;
}

Result<QJsonArray> TableCatalogStore::columns(const Caller &caller, const QString &table) const
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
    QJsonArray out;
    while (q.next()) {
        out.append(QJsonObject{{u"name"_s, q.value(0).toString()},
                               {u"field"_s, q.value(1).toString()},
                               {u"type"_s, q.value(2).toString()},
                               {u"position"_s, q.value(3).toInt()},
                               {u"createdAt"_s, q.value(4).toString()},
                               {u"createdByRun"_s, orNull(q.value(5))}});
    }
    return out;
}

Result<QJsonArray> TableCatalogStore::history(const Caller &caller, const QString &table) const
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
    QJsonArray out;
    while (q.next()) {
        out.append(QJsonObject{{u"column"_s, q.value(0).toString()},
                               {u"change"_s, q.value(1).toString()},
                               {u"from"_s, orNull(q.value(2))},
                               {u"to"_s, q.value(3).toString()},
                               {u"runId"_s, orNull(q.value(4))},
                               {u"at"_s, q.value(5).toString()}});
    }
    return out;
}

} // namespace Opbox
