// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"

#include <QJsonArray>
#include <QString>

namespace Opbox {

class WorkspaceDataStore;

/**
 * Reads the catalog of a workspace's Opbox tables for the GUI's table browser and
 * tools: which tables exist, which connections write them, their columns with logical types and
 * original field names, and every column change with the run that caused it. Read-only; the
 * OpboxTableWriter is the one that changes the catalog.
 */
class TableCatalogStore
{
public:
    explicit TableCatalogStore(WorkspaceDataStore *workspaceData);

    /** `[{table, base, stream, primaryKey, createdAt, createdByRun, connectionIds, rows}]`, by name. */
    [[nodiscard]] Result<QJsonArray> tables(const Caller &caller, const QString &connectionId = {}) const;
    /** `[{name, field, type, position, createdAt, createdByRun}]` in column order; 404 for an unknown table. */
    [[nodiscard]] Result<QJsonArray> columns(const Caller &caller, const QString &table) const;
    /** `[{column, change: ADDED|WIDENED, from, to, runId, at}]`, oldest first. */
    [[nodiscard]] Result<QJsonArray> history(const Caller &caller, const QString &table) const;

private:
    WorkspaceDataStore *m_workspaceData;
};

} // namespace Opbox
