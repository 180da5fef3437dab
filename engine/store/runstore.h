// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Opbox {

class Database;

/** One sync run as stored in `opbox.db`. */
struct RunRecord
{
    QString id;
    QString connectionId;
    QString workspaceId;
    QString status; // PENDING | RUNNING | COMPLETED | FAILED | CANCELLED
    QString trigger; // MANUAL | SCHEDULE | WEBHOOK | RUN_ALL | OAUTH
    QString triggeredBy; // user id; empty for system triggers
    QStringList streams;
    QJsonObject progress;
    QString error;
    qint64 rowsSynced = 0;
    qint64 rowsCreated = 0;
    qint64 rowsUpdated = 0;
    QString createdAt;
    QString startedAt;
    QString completedAt;
    /** What the run skipped and still completed: "<stream>: <the provider's reason>". */
    QStringList warnings;

    [[nodiscard]] bool isActive() const { return status == QLatin1String("PENDING") || status == QLatin1String("RUNNING"); }
    /** The run object: `id, connectionId, status, trigger, streams, startedAt, completedAt, rowsSynced, rowsCreated, rowsUpdated, progress, error`, and `warnings` when it has any. */
    [[nodiscard]] QJsonObject toJson() const;
};

/**
 * The `runs` table: inserting a PENDING run (the partial unique index `runs_one_active` decides
 * races), claiming the oldest PENDING run, and the transitions that must not overwrite each other
 * (a worker finishing never turns a CANCELLED run back into COMPLETED).
 */
class RunStore
{
public:
    explicit RunStore(Database *metadata);

    /** Inserts a PENDING run; a Conflict `RUN_ACTIVE` with `runId` when one is already active. */
    [[nodiscard]] Result<RunRecord> insertPending(const QString &connectionId, const QString &workspaceId, const QString &trigger,
                                                  const QString &triggeredBy, const QStringList &streams,
                                                  const QJsonObject &progress);
    [[nodiscard]] std::optional<RunRecord> get(const QString &runId) const;
    [[nodiscard]] std::optional<RunRecord> activeRun(const QString &connectionId) const;
    [[nodiscard]] std::optional<RunRecord> lastRun(const QString &connectionId) const;
    /** Newest first; `total` is the number of runs of the connection. */
    [[nodiscard]] Result<QList<RunRecord>> list(const QString &connectionId, int limit, int offset, int *total) const;

    /** Turns the oldest PENDING run into RUNNING and returns it; nullopt when none is waiting. */
    [[nodiscard]] std::optional<RunRecord> claimNext();
    /** PENDING/RUNNING → CANCELLED with `error` (may be empty); false when it was not active. */
    [[nodiscard]] bool cancel(const QString &runId, const QString &error);
    /** Counters and progress of a run, whatever its status. */
    [[nodiscard]] bool updateProgress(const QString &runId, const QJsonObject &progress, qint64 synced, qint64 created,
                                      qint64 updated);
    /** Adds a warning to the run's list; false when the run does not exist. */
    [[nodiscard]] bool addWarning(const QString &runId, const QString &warning);
    /** RUNNING → `status` (COMPLETED/FAILED/CANCELLED) with `error`; false when the run was no longer RUNNING. */
    [[nodiscard]] bool finish(const QString &runId, const QString &status, const QString &error);
    /** Every PENDING/RUNNING run → FAILED/CANCELLED with `error`; the ids changed. */
    [[nodiscard]] QStringList endAllActive(const QString &status, const QString &error);
    /** Ids of the PENDING runs, oldest first. */
    [[nodiscard]] QStringList pendingIds() const;

private:
    Database *m_metadata;
};

} // namespace Opbox
