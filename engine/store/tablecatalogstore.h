// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Opbox {

class WorkspaceDataStore;

/** One Opbox table of the catalog: where it comes from, who writes it and how many rows it holds. */
struct TableRecord
{
    QString table;
    QString base;
    QString stream;
    QStringList primaryKey;
    QString createdAt;
    /** The run that created the table; unknown for tables made outside a run. */
    std::optional<QString> createdByRun;
    /** The connections that write the table: more than one for a variant group. */
    QStringList connectionIds;
    qint64 rows = 0;

    /** `{table, base, stream, primaryKey, createdAt, createdByRun, connectionIds, rows}`. */
    [[nodiscard]] QJsonObject toJson() const;
};

/** One column of an Opbox table: its SQL name, the source field it holds and its logical type. */
struct ColumnRecord
{
    QString name;
    QString field;
    QString type;
    int position = 0;
    QString createdAt;
    std::optional<QString> createdByRun;

    /** `{name, field, type, position, createdAt, createdByRun}`. */
    [[nodiscard]] QJsonObject toJson() const;
};

/** One change to a column's type: its addition (no `from`) or a widening, with the run that caused it. */
struct ColumnChange
{
    QString column;
    /** `ADDED` or `WIDENED`. */
    QString change;
    std::optional<QString> from;
    QString to;
    std::optional<QString> runId;
    QString at;

    [[nodiscard]] bool isWidening() const;
    /** `{column, change, from, to, runId, at}`. */
    [[nodiscard]] QJsonObject toJson() const;
};

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

    /** The workspace's tables (only those `connectionId` writes, when given), by name. */
    [[nodiscard]] Result<QList<TableRecord>> tables(const Caller &caller, const QString &connectionId = {}) const;
    /** The table's columns in column order; 404 for an unknown table. */
    [[nodiscard]] Result<QList<ColumnRecord>> columns(const Caller &caller, const QString &table) const;
    /** Every change to the table's columns, oldest first. */
    [[nodiscard]] Result<QList<ColumnChange>> history(const Caller &caller, const QString &table) const;

private:
    WorkspaceDataStore *m_workspaceData;
};

} // namespace Opbox
