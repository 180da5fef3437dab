// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tablerowreader.h"
#include "engine/store/database.h"
#include "engine/store/tablecatalogstore.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString likePattern(const QString &filter)
{
    QString escaped = filter;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return u"%"_s + escaped + u"%"_s;
}

} // namespace

TableRowReader::TableRowReader(WorkspaceDataStore *workspaceData, Caller caller)
    : m_workspaceData(workspaceData)
    , m_caller(std::move(caller))
{
}

Result<QStringList> TableRowReader::columns(const QString &table) const
{
    // The catalog decides what is an Opbox table (and checks the caller's workspace).
    const TableCatalogStore catalog(m_workspaceData);
    if (auto known = catalog.columns(m_caller, table); !known)
        return known.error();
    Database *db = m_workspaceData->database(m_caller.workspaceId);
    if (!db)
        return Error::internal(QCoreApplication::translate("TableRowReader", "the workspace's data file cannot be opened"));
    SqlQuery q(db->connection(), u"SELECT name FROM pragma_table_info(?)"_s);
    q.bind(table);
    if (!q.exec())
        return Error::internal();
    // The data first, the bookkeeping (system columns) after it: that is what a reader looks for.
    QStringList data;
    QStringList system;
    while (q.next()) {
        const QString name = q.value(0).toString();
        (name.startsWith(u"_opbox_"_s) ? system : data).append(name);
    }
    return data + system;
}

Result<TableRowPage> TableRowReader::page(const QString &table, const QString &filter, qint64 afterRowid, int limit) const
{
    auto cols = columns(table);
    if (!cols)
        return cols.error();
    Database *db = m_workspaceData->database(m_caller.workspaceId);
    QStringList quoted;
    for (const QString &c : std::as_const(*cols))
        quoted.append(TableNamingPolicy::quote(c));
    QString sql
        = u"SELECT rowid, "_s + quoted.join(u", "_s) + u" FROM "_s + TableNamingPolicy::quote(table) + u" WHERE rowid > ?"_s;
    const QString trimmed = filter.trimmed();
    if (!trimmed.isEmpty()) {
        QStringList ors;
        for (const QString &c : std::as_const(quoted))
            ors.append(u"CAST("_s + c + u" AS TEXT) LIKE ? ESCAPE '\\'"_s);
        sql += u" AND ("_s + ors.join(u" OR "_s) + u")"_s;
    }
    sql += u" ORDER BY rowid LIMIT ?"_s;
    SqlQuery q(db->connection(), sql);
    q.bind(afterRowid);
    if (!trimmed.isEmpty()) {
        const QString pattern = likePattern(trimmed);
        for (qsizetype i = 0; i < quoted.size(); ++i)
            q.bind(pattern);
    }
    q.bind(limit + 1);
    if (!q.exec())
        return Error::internal();
    TableRowPage page;
    page.columns = *cols;
    page.lastRowid = afterRowid;
    const int width = int(cols->size());
    while (q.next()) {
        if (page.rows.size() == limit) {
            page.more = true;
            break;
        }
        page.lastRowid = q.value(0).toLongLong();
        QVariantList row;
        row.reserve(width);
        for (int i = 0; i < width; ++i)
            row.append(q.value(i + 1));
        page.rows.append(row);
    }
    return page;
}

Result<bool> TableRowReader::forEach(const QString &table, const QString &filter,
                                     const std::function<bool(const QVariantList &)> &row, int batch) const
{
    qint64 after = 0;
    for (;;) {
        auto p = page(table, filter, after, batch);
        if (!p)
            return p.error();
        for (const auto &r : std::as_const(p->rows)) {
            if (!row(r))
                return false;
        }
        if (!p->more)
            return true;
        after = p->lastRowid;
    }
}

} // namespace Opbox
