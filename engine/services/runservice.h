// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/runtime/connector.h"
#include "engine/security/caller.h"
#include "engine/services/cursorreset.h"
#include "engine/store/runstore.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>

namespace Opbox {

class AuditLog;
class ConnectionService;
class Database;
class IdentityService;
class NotificationService;
class WorkspaceDataStore;
struct ConnectionRecord;

/** One page of a connection's runs, newest first, and where it lies among them all. */
struct RunPage
{
    QList<RunRecord> runs;
    int limit = 0;
    int offset = 0;
    int total = 0;
    [[nodiscard]] bool hasMore() const { return qint64(offset) + runs.size() < total; }
    /** `{"runs": […], "pagination": {limit, offset, total, hasMore}}`, as the REST API lists runs. */
    [[nodiscard]] QJsonObject toJson() const;
};

/** What started a run, stored as its `trigger`. */
enum class RunTrigger { Manual, Schedule, Webhook, RunAll, OAuth };

/**
 * Sync runs: the one place that starts, stops, lists and describes runs and
 * resets cursors, with authorization, validation and audit. Runs are rows; the `SyncWorkerPool`
 * executes them. Every method is safe to call from any thread and returns at once: nothing here
 * waits on a sync.
 *
 * For the triggers layer (scheduler, cron, run-all, webhooks, OAuth):
 * @code
 *   auto run = engine.runs()->trigger(Caller::system(workspaceId), connectionId, {}, RunTrigger::Webhook);
 *   if (!run && run.error().code == u"RUN_ACTIVE"_s)   // one is already PENDING/RUNNING
 *       activeId = run.error().extra.value(u"runId"_s).toString();
 * @endcode
 */
class RunService : public QObject
{
    Q_OBJECT
public:
    using ConnectorMaker = std::function<std::unique_ptr<Connector>(ConnectorContext)>;

    RunService(Database *metadata, WorkspaceDataStore *workspaceData, ConnectionService *connections, IdentityService *identity,
               AuditLog *audit, NotificationService *notifications, QObject *parent = nullptr);
    ~RunService() override;

    /**
     * Enqueues a run of `connectionId` (in the caller's workspace) as PENDING and returns the run. `streams` empty means the connection's own selection (`config.streams`, names the
     * connector no longer has skipped), or every stream of the connector when there is none left;
     * otherwise each must be one of them (400 names the unknown one and lists the valid ones).
     * MEMBER+ or a system caller.
     * 404 unknown connection; 409 `RUN_ACTIVE` with `extra.runId` when a run is already
     * PENDING/RUNNING (decided by the database's partial unique index, so concurrent triggers
     * cannot both win); 503 while the server shuts down. Writes a RUN_TRIGGER audit entry.
     */
    [[nodiscard]] Result<RunRecord> trigger(const Caller &caller, const QString &connectionId, const QStringList &streams,
                                            RunTrigger trigger);
    /** `POST …/runs/:runId`: PENDING/RUNNING → CANCELLED at once (200 with the run); finished → 409. MEMBER+. */
    [[nodiscard]] Result<RunRecord> stop(const Caller &caller, const QString &connectionId, const QString &runId);
    /** `GET …/runs`: a page of the connection's runs with live progress, newest first. */
    [[nodiscard]] Result<RunPage> list(const Caller &caller, const QString &connectionId, int limit, int offset) const;
    /** `GET …/runs/:runId`: the run with live progress. */
    [[nodiscard]] Result<RunRecord> get(const Caller &caller, const QString &connectionId, const QString &runId) const;
    /** `PATCH connections/:id` (reset cursor, ADMIN+): the sync state it leaves and what it did. */
    [[nodiscard]] Result<CursorResetOutcome> resetCursor(const Caller &caller, const QString &connectionId,
                                                         const CursorReset &reset);
    /** The connection's sync state document `{"version":1,"streams":{…}}` (VIEWER+; for the GUI). */
    [[nodiscard]] Result<QJsonObject> syncState(const Caller &caller, const QString &connectionId) const;
    /** The active (PENDING/RUNNING) run of a connection, if any. */
    [[nodiscard]] std::optional<RunRecord> activeRun(const QString &connectionId) const;
    /** The most recent run of a connection with live progress (for `lastRun`), if it has one. */
    [[nodiscard]] std::optional<RunRecord> lastRun(const QString &connectionId) const;
    /** The stream specs of a connection's connector, without a network call. */
    [[nodiscard]] Result<QList<StreamSpec>> streamSpecs(const ConnectionRecord &connection) const;
    /** The names of `streamSpecs`, in the connector's order (parents before children). */
    [[nodiscard]] Result<QStringList> streamNames(const ConnectionRecord &connection) const;

    /** Replaces how connectors are made (tests use fakes); default `ConnectorFactory::create`. */
    void setConnectorMaker(ConnectorMaker maker);
    [[nodiscard]] ConnectorMaker connectorMaker() const;

    /** At start: runs a dead process left PENDING/RUNNING become FAILED "interrupted". */
    int recoverInterrupted();
    /** Shutdown: refuse new runs; PENDING and RUNNING runs become CANCELLED with `reason`, workers are told to stop. */
    void beginShutdown(const QString &reason);
    [[nodiscard]] bool isShuttingDown() const { return m_shuttingDown.load(); }

    // ---- for the workers (SyncJob) ----
    [[nodiscard]] RunStore *store() { return &m_store; }
    [[nodiscard]] ConnectionService *connections() const { return m_connections; }
    [[nodiscard]] WorkspaceDataStore *workspaceData() const { return m_workspaceData; }
    [[nodiscard]] NotificationService *notifications() const { return m_notifications; }
    [[nodiscard]] Database *metadata() const { return m_metadata; }
    /** The cancel token of a run that a worker starts executing. */
    [[nodiscard]] std::shared_ptr<CancelToken> beginExecution(const RunRecord &run);
    /** Live progress of an executing run: kept in memory (GET answers it), signalled to the GUI. */
    void publishProgress(const RunRecord &run);
    /** The run stopped executing (whatever its status): forget its live state and tell listeners. */
    void endExecution(const RunRecord &run);
    /** Whether a worker is still executing run `runId` (a stopped run executes until its readers end). */
    [[nodiscard]] bool isExecuting(const QString &runId) const;
    /** The table base of a connection, fixed in `connections.table_base` at its first sync (a rename keeps the tables). */
    [[nodiscard]] QString resolveTableBase(const ConnectionRecord &connection);

    [[nodiscard]] static QString triggerName(RunTrigger trigger);
    [[nodiscard]] static std::optional<RunTrigger> parseTrigger(const QString &name);

Q_SIGNALS:
    /** A run was enqueued (workers wake up on it). */
    void runQueued(const QString &workspaceId, const QString &connectionId, const QString &runId);
    /** A run's status, counters or progress changed (progress at most every 100 ms per run). */
    void runChanged(const QString &workspaceId, const QString &connectionId, const QString &runId);
    /** A run reached COMPLETED, FAILED or CANCELLED. */
    void runFinished(const QString &workspaceId, const QString &connectionId, const QString &runId, const QString &status);

private:
    struct LiveRun
    {
        QString connectionId;
        std::shared_ptr<CancelToken> cancel;
        QJsonObject progress;
        qint64 rowsSynced = 0;
        qint64 rowsCreated = 0;
        qint64 rowsUpdated = 0;
        qint64 lastSignalMs = 0;
    };

    /** The run with the progress and counters of its execution so far, which the row has only at page ends. */
    [[nodiscard]] RunRecord withLive(RunRecord run) const;
    /** The caller's connection, once the caller is shown to hold at least `least`. */
    [[nodiscard]] Result<ConnectionRecord> connectionFor(const Caller &caller, const QString &connectionId,
                                                         Role least = Role::Viewer) const;

    Database *m_metadata;
    WorkspaceDataStore *m_workspaceData;
    ConnectionService *m_connections;
    IdentityService *m_identity;
    AuditLog *m_audit;
    NotificationService *m_notifications;
    RunStore m_store;
    mutable QMutex m_mutex;
    QHash<QString, LiveRun> m_live;
    ConnectorMaker m_maker;
    std::atomic<bool> m_shuttingDown{false};
};

} // namespace Opbox
