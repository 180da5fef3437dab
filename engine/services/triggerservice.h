// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <atomic>
#include <memory>
#include <optional>

class QThreadPool;
class QTimer;

namespace Opbox {

class AuditLog;
class ConnectionService;
class Database;
class RunService;
struct ConnectionRecord;

/** What one check of the schedules did. */
struct DueRuns
{
    /** The connections that got a SCHEDULE run. */
    QStringList triggered;
    /** Enabled, scheduled connections not triggered: not due, or a run already active. */
    int skipped = 0;
};

/** What run-all started. */
struct RunAllResult
{
    QStringList runIds;
    /** "Enqueued 2 sync(s), 1 already in progress". */
    QString message;
};

/**
 * Starts syncs for the schedule and in bulk: the due check (enabled, and the last scheduled run
 * started more than one period ago) that both the cron endpoint and the server's own minute timer
 * run, and run-all. The database's one-active-run index decides every race; this class only
 * decides who is due.
 */
class TriggerService : public QObject
{
    Q_OBJECT
public:
    TriggerService(Database *metadata, ConnectionService *connections, RunService *runs, AuditLog *audit,
                   QObject *parent = nullptr);
    ~TriggerService() override;

    /** Triggers every due connection of every workspace (a SCHEDULE run each). */
    [[nodiscard]] Result<DueRuns> runDue(const QDateTime &now = QDateTime::currentDateTimeUtc());

    /**
     * `POST /api/pipelines/run-all` (ADMIN+): a RUN_ALL run for each enabled connection of the
     * caller's workspace; those with an active run are counted in the message. Writes a RUN_ALL
     * audit entry.
     */
    [[nodiscard]] Result<RunAllResult> runAll(const Caller &caller);

    /** When the connection's last SCHEDULE-triggered run was started (enqueued), if ever. */
    [[nodiscard]] std::optional<QDateTime> lastScheduledRun(const QString &connectionId) const;
    /** When the connection becomes due (now or earlier when overdue); nullopt when it is not scheduled. */
    [[nodiscard]] std::optional<QDateTime> nextRunAt(const ConnectionRecord &connection) const;

    /** The end of one schedule period after `from` (hourly, daily, weekly, monthly); invalid for an unknown frequency. */
    [[nodiscard]] static QDateTime periodEnd(const QString &frequency, const QDateTime &from);
    /** Due: its last scheduled run started more than one period before `now`, or it never ran on schedule. */
    [[nodiscard]] static bool isDue(const QString &frequency, const std::optional<QDateTime> &lastScheduled,
                                    const QDateTime &now);

    /**
     * Starts the internal scheduler: a due check now and then every `intervalMs` (a minute), each
     * on a background thread so the caller's thread (the GUI's) never does the database work.
     */
    void startScheduler(int intervalMs = 60000);
    /** Stops the timer and waits for a check in progress. */
    void stopScheduler();
    [[nodiscard]] bool isSchedulerRunning() const;

Q_SIGNALS:
    /** A check of the internal scheduler finished (emitted on its worker thread). */
    void dueCheckFinished(int triggered, int skipped);

private:
    void tick();

    Database *m_metadata;
    ConnectionService *m_connections;
    RunService *m_runs;
    AuditLog *m_audit;
    QMutex m_dueMutex;
    QTimer *m_timer = nullptr;
    std::unique_ptr<QThreadPool> m_pool;
    std::atomic<bool> m_checking{false};
};

} // namespace Opbox
