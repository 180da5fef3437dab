// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"

#include <QList>
#include <QStringList>
#include <QVariant>
#include <functional>

namespace Opbox {

class WorkspaceDataStore;

/** One page of an Opbox table: rows after a rowid, in rowid order. */
struct TableRowPage
{
    QStringList columns;
    QList<QVariantList> rows;
    qint64 lastRowid = 0;
    bool more = false;
};

/**
 * Reads the rows of an Opbox table for the browser and CSV export: the table must be in the
 * catalog (so a name can never reach SQL unchecked), columns come from SQLite itself, and a filter
 * matches any column's text. Meant for worker threads: each thread uses its own connection.
 */
class TableRowReader
{
public:
    TableRowReader(WorkspaceDataStore *workspaceData, Caller caller);

    /** The table's columns in order (system columns included); 404 for a table not in the catalog. */
    [[nodiscard]] Result<QStringList> columns(const QString &table) const;
    /** Up to `limit` rows with rowid > `afterRowid` matching `filter` (any column contains it; empty: all). */
    [[nodiscard]] Result<TableRowPage> page(const QString &table, const QString &filter, qint64 afterRowid, int limit) const;
    /** Calls `row` for every matching row; stops early (and returns false) when it returns false. */
    [[nodiscard]] Result<bool> forEach(const QString &table, const QString &filter,
                                       const std::function<bool(const QVariantList &)> &row, int batch = 1000) const;

private:
    WorkspaceDataStore *m_workspaceData;
    Caller m_caller;
};

} // namespace Opbox
