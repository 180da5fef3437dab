// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/triggerservice.h"
#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/services/connectionservice.h"
#include "engine/services/runservice.h"
#include "engine/store/auditlog.h"
#include "engine/store/database.h"
#include "engine/store/jsoncolumn.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QThreadPool>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

std::optional<QDateTime> lastScheduledRunIn(Database *metadata, const QString &connectionId)
{
    // When the run was enqueued, not when a worker picked it up: the cadence stays on the clock
    // even when the queue is busy.
    SqlQuery q(metadata->connection(), u"SELECT MAX(created_at) FROM runs WHERE connection_id = ? AND trigger = 'SCHEDULE'"_s);
    q.bind(connectionId);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return std::nullopt;
    QDateTime at = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
    if (!at.isValid())
        return std::nullopt;
    return at.toUTC();
}

struct ScheduledConnection
{
    QString id;
    QString workspaceId;
    QString frequency;
};

} // namespace

TriggerService::TriggerService(Database *metadata, ConnectionService *connections, RunService *runs, AuditLog *audit,
                               QObject *parent)
    : QObject(parent)
    , m_metadata(metadata)
    , m_connections(connections)
    , m_runs(runs)
    , m_audit(audit)
{
}

TriggerService::~TriggerService()
{
    stopScheduler();
}

QDateTime TriggerService::periodEnd(const QString &frequency, const QDateTime &from)
{
    const QDateTime utc = from.toUTC();
    if (frequency == u"hourly"_s)
        return utc.addSecs(3600);
    if (frequency == u"daily"_s)
        return utc.addDays(1);
    if (frequency == u"weekly"_s)
        return utc.addDays(7);
    if (frequency == u"monthly"_s)
        return utc.addMonths(1);
    return {};
}

bool TriggerService::isDue(const QString &frequency, const std::optional<QDateTime> &lastScheduled, const QDateTime &now)
{
    if (!lastScheduled)
        return periodEnd(frequency, now).isValid();
    const QDateTime end = periodEnd(frequency, *lastScheduled);
    return end.isValid() && end < now.toUTC();
}

std::optional<QDateTime> TriggerService::lastScheduledRun(const QString &connectionId) const
{
    return lastScheduledRunIn(m_metadata, connectionId);
}

std::optional<QDateTime> TriggerService::nextRunAt(const ConnectionRecord &connection) const
{
    if (!connection.enabled || !connection.schedule.value(u"enabled"_s).toBool())
        return std::nullopt;
    const auto last = lastScheduledRun(connection.id);
    if (!last)
        return QDateTime::currentDateTimeUtc();
    const QDateTime at = periodEnd(connection.schedule.value(u"frequency"_s).toString(), *last);
    if (!at.isValid())
        return std::nullopt;
    return at;
}

Result<DueRuns> TriggerService::runDue(const QDateTime &now)
{
    // One check at a time in this process (cron and the timer may overlap): the second sees the
    // first one's runs and finds nothing due. Across processes the runs_one_active index decides.
    QMutexLocker lock(&m_dueMutex);
    QList<ScheduledConnection> scheduled;
    {
        SqlQuery q(m_metadata->connection(),
                   u"SELECT id, workspace_id, schedule FROM connections WHERE enabled = 1 ORDER BY created_at, id"_s);
        if (!q.exec())
            return Error::internal();
        while (q.next()) {
            const QJsonObject schedule = JsonColumn::object(q.value(2).toString());
            if (!schedule.value(u"enabled"_s).toBool())
                continue;
            scheduled.append({q.value(0).toString(), q.value(1).toString(), schedule.value(u"frequency"_s).toString()});
        }
    }
    DueRuns due;
    for (const auto &connection : std::as_const(scheduled)) {
        if (!isDue(connection.frequency, lastScheduledRun(connection.id), now)) {
            ++due.skipped;
            continue;
        }
        auto run = m_runs->trigger(Caller::system(connection.workspaceId), connection.id, {}, RunTrigger::Schedule);
        if (run) {
            due.triggered.append(connection.id);
            continue;
        }
        ++due.skipped;
        if (run.error().code == u"RUN_ACTIVE"_s)
            qCDebug(lcEngine) << "scheduled sync of" << connection.id << "skipped: a run is already active";
        else
            qCWarning(lcEngine) << "scheduled sync of" << connection.id << "not started:" << run.error().message;
    }
    return due;
}

Result<RunAllResult> TriggerService::runAll(const Caller &caller)
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    QStringList runIds;
    int inProgress = 0;
    int failed = 0;
    const QStringList ids = m_connections->ids(caller.workspaceId);
    for (const auto &id : ids) {
        auto connection = m_connections->record(caller, id);
        if (!connection || !connection->enabled)
            continue;
        auto run = m_runs->trigger(caller, id, {}, RunTrigger::RunAll);
        if (run) {
            runIds.append(run->id);
        } else if (run.error().code == u"RUN_ACTIVE"_s) {
            ++inProgress;
        } else {
            ++failed;
            qCWarning(lcEngine) << "run-all could not start connection" << id << ":" << run.error().message;
        }
    }
    const int count = int(runIds.size());
    QString message = tr("Enqueued %1 sync(s)").arg(count);
    if (inProgress > 0)
        message += tr(", %1 already in progress").arg(inProgress);
    m_audit->record(caller, u"RUN_ALL"_s, u"workspace"_s, caller.workspaceId,
                    QJsonObject{{u"count"_s, count},
                                {u"alreadyInProgress"_s, inProgress},
                                {u"failed"_s, failed},
                                {u"runIds"_s, QJsonArray::fromStringList(runIds)}});
    qCInfo(lcEngine) << "run-all in workspace" << caller.workspaceId << "enqueued" << count << "in progress" << inProgress;
    return RunAllResult{runIds, message};
}

void TriggerService::startScheduler(int intervalMs)
{
    if (m_timer)
        return;
    if (!m_pool) {
        m_pool = std::make_unique<QThreadPool>();
        m_pool->setMaxThreadCount(1);
        m_pool->setObjectName(u"opbox-scheduler"_s);
    }
    m_timer = new QTimer(this);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &TriggerService::tick);
    m_timer->start();
    qCInfo(lcEngine) << "scheduler started; checking every" << intervalMs / 1000 << "s";
    // A server that was down may have missed a period: check at once.
    tick();
}

void TriggerService::stopScheduler()
{
    if (m_timer) {
        m_timer->stop();
        delete m_timer;
        m_timer = nullptr;
    }
    if (m_pool)
        m_pool->waitForDone();
}

bool TriggerService::isSchedulerRunning() const
{
    return m_timer != nullptr;
}

void TriggerService::tick()
{
    if (m_checking.exchange(true))
        return; // the previous check is still running; the next tick will catch up
    m_pool->start([this] {
        auto result = runDue();
        int triggered = 0;
        int skipped = 0;
        if (result) {
            triggered = int(result->triggered.size());
            skipped = result->skipped;
            if (triggered > 0)
                qCInfo(lcEngine) << "scheduler: triggered" << triggered << "skipped" << skipped;
            else
                qCDebug(lcEngine) << "scheduler: nothing due; skipped" << skipped;
        } else {
            qCWarning(lcEngine) << "scheduler check failed:" << result.error().message;
        }
        m_checking.store(false);
        Q_EMIT dueCheckFinished(triggered, skipped);
    });
}

} // namespace Opbox
