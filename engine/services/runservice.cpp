// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/runservice.h"
#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/services/connectionservice.h"
#include "engine/services/identityservice.h"
#include "engine/services/notificationservice.h"
#include "engine/store/auditlog.h"
#include "engine/store/database.h"
#include "engine/store/syncstatestore.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

qint64 monotonicMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

/** An ISO 8601 date or date-time, normalised to UTC with milliseconds; empty when it is not one. */
QString normaliseCursor(const QString &text)
{
    const QString s = text.trimmed();
    if (s.size() == 10) {
        const QDate date = QDate::fromString(s, Qt::ISODate);
        if (date.isValid())
            return Ids::iso(QDateTime(date, QTime(0, 0), Qt::UTC));
        return {};
    }
    // Without an offset the API speaks UTC. Qt would read such a wall time in the local zone first,
    // where it may not exist (a daylight-saving gap), so it is read with "Z" appended instead.
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid() || dt.timeSpec() == Qt::LocalTime)
        dt = QDateTime::fromString(s + u'Z', Qt::ISODateWithMs);
    if (!dt.isValid() || dt.timeSpec() == Qt::LocalTime)
        return {};
    return Ids::iso(dt);
}

} // namespace

RunService::RunService(Database *metadata, WorkspaceDataStore *workspaceData, ConnectionService *connections,
                       IdentityService *identity, AuditLog *audit, NotificationService *notifications, QObject *parent)
    : QObject(parent)
    , m_metadata(metadata)
    , m_workspaceData(workspaceData)
    , m_connections(connections)
    , m_identity(identity)
    , m_audit(audit)
    , m_notifications(notifications)
    , m_store(metadata)
    , m_maker([](ConnectorContext context) { return ConnectorFactory::create(std::move(context)); })
{
    // A deleted connection's runs go with it (ON DELETE CASCADE); its worker stops at the next page.
    connect(
        m_connections, &ConnectionService::connectionRemoved, this,
        [this](const QString &, const QString &connectionId) {
            QMutexLocker lock(&m_mutex);
            for (auto it = m_live.begin(); it != m_live.end(); ++it) {
                if (it->connectionId == connectionId && it->cancel)
                    it->cancel->cancel();
            }
        },
        Qt::DirectConnection);
}

RunService::~RunService() = default;

QJsonObject RunPage::toJson() const
{
    QJsonArray items;
    for (const RunRecord &run : runs)
        items.append(run.toJson());
    return QJsonObject{{u"runs"_s, items},
                       {u"pagination"_s,
                        QJsonObject{{u"limit"_s, limit}, {u"offset"_s, offset}, {u"total"_s, total}, {u"hasMore"_s, hasMore()}}}};
}

QString RunService::triggerName(RunTrigger trigger)
{
    switch (trigger) {
    case RunTrigger::Manual: return u"MANUAL"_s;
    case RunTrigger::Schedule: return u"SCHEDULE"_s;
    case RunTrigger::Webhook: return u"WEBHOOK"_s;
    case RunTrigger::RunAll: return u"RUN_ALL"_s;
    case RunTrigger::OAuth: return u"OAUTH"_s;
    }
    return u"MANUAL"_s;
}

std::optional<RunTrigger> RunService::parseTrigger(const QString &name)
{
    for (auto t : {RunTrigger::Manual, RunTrigger::Schedule, RunTrigger::Webhook, RunTrigger::RunAll, RunTrigger::OAuth}) {
        if (triggerName(t) == name)
            return t;
    }
    return std::nullopt;
}

void RunService::setConnectorMaker(ConnectorMaker maker)
{
    QMutexLocker lock(&m_mutex);
    m_maker = std::move(maker);
}

RunService::ConnectorMaker RunService::connectorMaker() const
{
    QMutexLocker lock(&m_mutex);
    return m_maker;
}

Result<ConnectionRecord> RunService::connectionFor(const Caller &caller, const QString &connectionId, Role least) const
{
    if (auto ok = caller.require(least); !ok)
        return ok.error();
    return m_connections->record(caller, connectionId);
}

Result<QList<StreamSpec>> RunService::streamSpecs(const ConnectionRecord &connection) const
{
    ConnectorContext context;
    context.type = connection.type;
    context.config = connection.config;
    context.cancel = std::make_shared<CancelToken>();
    auto connector = connectorMaker()(std::move(context));
    if (!connector)
        return Error::invalid(tr("type: no connector is available for %1").arg(connection.type), u"UNKNOWN_TYPE"_s);
    return connector->streams();
}

Result<QStringList> RunService::streamNames(const ConnectionRecord &connection) const
{
    auto specs = streamSpecs(connection);
    if (!specs)
        return specs.error();
    QStringList names;
    for (const auto &spec : std::as_const(*specs))
        names.append(spec.name);
    return names;
}

RunRecord RunService::withLive(RunRecord run) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_live.constFind(run.id);
    if (it != m_live.constEnd()) {
        if (!it->progress.isEmpty())
            run.progress = it->progress;
        run.rowsSynced = std::max(run.rowsSynced, it->rowsSynced);
        run.rowsCreated = std::max(run.rowsCreated, it->rowsCreated);
        run.rowsUpdated = std::max(run.rowsUpdated, it->rowsUpdated);
    }
    return run;
}

std::optional<RunRecord> RunService::activeRun(const QString &connectionId) const
{
    return m_store.activeRun(connectionId);
}

std::optional<RunRecord> RunService::lastRun(const QString &connectionId) const
{
    const auto run = m_store.lastRun(connectionId);
    if (!run)
        return std::nullopt;
    return withLive(*run);
}

Result<RunRecord> RunService::trigger(const Caller &caller, const QString &connectionId, const QStringList &streams,
                                      RunTrigger trigger)
{
    if (auto ok = caller.require(Role::Member); !ok)
        return ok.error();
    if (m_shuttingDown.load())
        return Error{Error::Kind::Unavailable, u"SHUTTING_DOWN"_s, tr("the server is shutting down; try again later"), {}};
    auto connection = connectionFor(caller, connectionId);
    if (!connection)
        return connection.error();
    auto names = streamNames(*connection);
    if (!names)
        return names.error();
    const QStringList known = *names;
    QStringList selected;
    if (streams.isEmpty()) {
        // The connection's own selection (config.streams) applies to every trigger that names none:
        // schedule, webhook, run-all, the GUI. A stream the connector dropped since is skipped.
        for (const auto &v : connection->config.value(u"streams"_s).toArray()) {
            if (known.contains(v.toString()) && !selected.contains(v.toString()))
                selected.append(v.toString());
        }
    }
    for (const auto &stream : streams) {
        if (!known.contains(stream))
            return Error::invalid(
                tr("streams: unknown stream \"%1\" (this connection has: %2)").arg(stream.left(64), known.join(u", "_s)));
        if (!selected.contains(stream))
            selected.append(stream);
    }
    if (selected.isEmpty())
        selected = known;
    // Keep the connector's order: parents before children.
    QStringList ordered;
    for (const auto &name : std::as_const(known)) {
        if (selected.contains(name))
            ordered.append(name);
    }
    const QJsonObject progress{{u"stream"_s, QJsonValue()},
                               {u"streamsDone"_s, 0},
                               {u"streamsTotal"_s, int(ordered.size())},
                               {u"rowsSynced"_s, 0},
                               {u"activeStreams"_s, QJsonArray()}};
    auto run
        = m_store.insertPending(connection->id, connection->workspaceId, triggerName(trigger), caller.userId, ordered, progress);
    if (!run)
        return run.error();
    m_audit->record(caller, u"RUN_TRIGGER"_s, u"run"_s, run->id,
                    QJsonObject{{u"connectionId"_s, connection->id},
                                {u"trigger"_s, triggerName(trigger)},
                                {u"streams"_s, QJsonArray::fromStringList(ordered)}});
    qCInfo(lcEngine) << "run" << run->id << "queued for connection" << connection->id << "by" << triggerName(trigger);
    Q_EMIT runQueued(connection->workspaceId, connection->id, run->id);
    Q_EMIT runChanged(connection->workspaceId, connection->id, run->id);
    return *run;
}

Result<RunRecord> RunService::stop(const Caller &caller, const QString &connectionId, const QString &runId)
{
    auto connection = connectionFor(caller, connectionId, Role::Member);
    if (!connection)
        return connection.error();
    auto run = m_store.get(runId);
    if (!run || run->connectionId != connection->id)
        return Error::notFound(tr("run not found: %1").arg(runId.left(64)));
    if (!m_store.cancel(runId, QString())) {
        const auto now = m_store.get(runId);
        return Error::conflict(tr("the run has already finished (%1)").arg(now ? now->status : run->status), u"RUN_FINISHED"_s);
    }
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_live.find(runId); it != m_live.end() && it->cancel)
            it->cancel->cancel();
    }
    m_audit->record(caller, u"RUN_STOP"_s, u"run"_s, runId, QJsonObject{{u"connectionId"_s, connection->id}});
    qCInfo(lcEngine) << "run" << runId << "cancelled";
    Q_EMIT runChanged(connection->workspaceId, connection->id, runId);
    Q_EMIT runFinished(connection->workspaceId, connection->id, runId, u"CANCELLED"_s);
    auto stopped = m_store.get(runId);
    if (!stopped)
        return Error::internal();
    return withLive(*stopped);
}

Result<RunPage> RunService::list(const Caller &caller, const QString &connectionId, int limit, int offset) const
{
    auto connection = connectionFor(caller, connectionId);
    if (!connection)
        return connection.error();
    int total = 0;
    auto runs = m_store.list(connection->id, limit, offset, &total);
    if (!runs)
        return runs.error();
    RunPage page{{}, limit, offset, total};
    for (const auto &run : std::as_const(*runs))
        page.runs.append(withLive(run));
    return page;
}

Result<RunRecord> RunService::get(const Caller &caller, const QString &connectionId, const QString &runId) const
{
    auto connection = connectionFor(caller, connectionId);
    if (!connection)
        return connection.error();
    auto run = m_store.get(runId);
    if (!run || run->connectionId != connection->id)
        return Error::notFound(tr("run not found: %1").arg(runId.left(64)));
    return withLive(*run);
}

Result<QJsonObject> RunService::syncState(const Caller &caller, const QString &connectionId) const
{
    auto connection = connectionFor(caller, connectionId);
    if (!connection)
        return connection.error();
    Database *db = m_workspaceData->database(connection->workspaceId);
    if (!db)
        return Error::internal(tr("the workspace's data file cannot be opened"));
    return SyncStateStore(db).document(connection->id);
}

Result<CursorResetOutcome> RunService::resetCursor(const Caller &caller, const QString &connectionId, const CursorReset &reset)
{
    auto connection = connectionFor(caller, connectionId, Role::Admin);
    if (!connection)
        return connection.error();
    if (reset.stream.isEmpty())
        return Error::invalid(tr("stream: must be a stream name"));
    const QString stream = reset.stream;
    QString cursor;
    if (reset.cursor) {
        cursor = normaliseCursor(*reset.cursor);
        if (cursor.isEmpty())
            return Error::invalid(tr("cursor: not a valid ISO 8601 date: %1").arg(reset.cursor->left(64)));
        auto specs = streamSpecs(*connection);
        if (!specs)
            return specs.error();
        QStringList known;
        for (const auto &spec : std::as_const(*specs))
            known.append(spec.name);
        if (!known.contains(stream))
            return Error::invalid(
                tr("stream: unknown stream \"%1\" (this connection has: %2)").arg(stream.left(64), known.join(u", "_s)));
    }
    // A running sync would overwrite the new cursor with its next checkpoint: refuse instead of
    // pretending the reset worked.
    if (const auto active = m_store.activeRun(connection->id)) {
        Error e
            = Error::conflict(tr("a sync is running for this connection; stop it before resetting the cursor"), u"RUN_ACTIVE"_s);
        e.extra.insert(u"runId"_s, active->id);
        return e;
    }
    Database *db = m_workspaceData->database(connection->workspaceId);
    if (!db)
        return Error::internal(tr("the workspace's data file cannot be opened"));
    SyncStateStore states(db);
    QString message;
    if (!reset.cursor) {
        if (auto ok = states.clear(connection->id); !ok)
            return ok.error();
        message = tr("Sync cursor cleared - next sync will be a full resync");
    } else {
        if (auto ok = states.setCursor(connection->id, stream, cursor); !ok)
            return ok.error();
        message = tr("Sync cursor set to %1 for stream \"%2\"").arg(cursor, stream);
    }
    auto document = states.document(connection->id);
    if (!document)
        return document.error();
    m_audit->record(caller, u"CURSOR_RESET"_s, u"connection"_s, connection->id,
                    QJsonObject{{u"stream"_s, !reset.cursor ? QJsonValue() : QJsonValue(stream)},
                                {u"cursor"_s, !reset.cursor ? QJsonValue() : QJsonValue(cursor)}});
    Q_EMIT m_connections->connectionChanged(connection->workspaceId, connection->id);
    return CursorResetOutcome{*document, message};
}

int RunService::recoverInterrupted()
{
    const QStringList ids = m_store.endAllActive(u"FAILED"_s, u"interrupted"_s);
    for (const auto &id : ids) {
        const auto run = m_store.get(id);
        if (!run)
            continue;
        qCWarning(lcEngine) << "run" << id << "was interrupted by the end of a previous process";
        if (auto connection = m_connections->recordById(run->connectionId))
            m_notifications->runFinished(*run, *connection);
        Q_EMIT runFinished(run->workspaceId, run->connectionId, id, run->status);
    }
    return int(ids.size());
}

void RunService::beginShutdown(const QString &reason)
{
    m_shuttingDown.store(true);
    const QStringList ids = m_store.endAllActive(u"CANCELLED"_s, reason);
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_live.begin(); it != m_live.end(); ++it) {
            if (it->cancel)
                it->cancel->cancel();
        }
    }
    for (const auto &id : ids) {
        if (const auto run = m_store.get(id))
            Q_EMIT runFinished(run->workspaceId, run->connectionId, id, run->status);
    }
}

std::shared_ptr<CancelToken> RunService::beginExecution(const RunRecord &run)
{
    auto token = std::make_shared<CancelToken>();
    if (m_shuttingDown.load())
        token->cancel();
    {
        QMutexLocker lock(&m_mutex);
        LiveRun live;
        live.connectionId = run.connectionId;
        live.cancel = token;
        live.progress = run.progress;
        m_live.insert(run.id, live);
    }
    // A stop that came between the claim and this registration found no token to cancel, but it
    // changed the row first: look at the row now that the token can be found.
    const auto stored = m_store.get(run.id);
    if (!stored || stored->status != u"RUNNING"_s)
        token->cancel();
    Q_EMIT runChanged(run.workspaceId, run.connectionId, run.id);
    return token;
}

void RunService::publishProgress(const RunRecord &run)
{
    bool signal = false;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_live.find(run.id);
        if (it == m_live.end())
            return;
        // A stream that starts or ends is always told (streams read at once may all end within
        // moments); row counts follow at most every 100 ms.
        const bool streamsChanged = it->progress.value(u"streamsDone"_s) != run.progress.value(u"streamsDone"_s)
            || it->progress.value(u"activeStreams"_s) != run.progress.value(u"activeStreams"_s);
        it->progress = run.progress;
        it->rowsSynced = run.rowsSynced;
        it->rowsCreated = run.rowsCreated;
        it->rowsUpdated = run.rowsUpdated;
        const qint64 now = monotonicMs();
        // A page can take well under a millisecond: the GUI needs a live view, not every page.
        if (streamsChanged || now - it->lastSignalMs >= 100) {
            it->lastSignalMs = now;
            signal = true;
        }
    }
    if (signal)
        Q_EMIT runChanged(run.workspaceId, run.connectionId, run.id);
}

bool RunService::isExecuting(const QString &runId) const
{
    QMutexLocker lock(&m_mutex);
    return m_live.contains(runId);
}

void RunService::endExecution(const RunRecord &run)
{
    {
        QMutexLocker lock(&m_mutex);
        m_live.remove(run.id);
    }
    const auto stored = m_store.get(run.id);
    const QString status = stored ? stored->status : run.status;
    Q_EMIT runChanged(run.workspaceId, run.connectionId, run.id);
    Q_EMIT runFinished(run.workspaceId, run.connectionId, run.id, status);
}

QString RunService::resolveTableBase(const ConnectionRecord &connection)
{
    if (!connection.tableBase.isEmpty())
        return connection.tableBase;
    const bool own = connection.config.value(u"createOwnTables"_s).toBool();
    QString base;
    if (own) {
        base = TableNamingPolicy::baseFromName(connection.name, false);
    } else if (connection.variantGroupId.isEmpty()) {
        base = TableNamingPolicy::baseFromName(connection.name, true);
    } else {
        // The group's source: the connection whose id is the group id, else the oldest member.
        SqlQuery q(m_metadata->connection(),
                   u"SELECT id, name, table_base, config FROM connections WHERE variant_group_id = ?"
                   " ORDER BY (id = ?) DESC, created_at, id LIMIT 1"_s);
        q.bind(connection.variantGroupId).bind(connection.variantGroupId);
        const bool found = q.exec() && q.next();
        if (found) {
            const QString sourceId = q.value(0).toString();
            const QString sourceBase = q.value(2).toString();
            const bool sourceOwn
                = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object().value(u"createOwnTables"_s).toBool();
            if (sourceId != connection.id && !sourceBase.isEmpty() && !sourceOwn)
                base = sourceBase;
            else
                base = TableNamingPolicy::baseFromName(q.value(1).toString(), true);
        } else {
            base = TableNamingPolicy::baseFromName(connection.name, true);
        }
        q.raw().finish(); // no read transaction left open before the write below
    }
    SqlQuery set(m_metadata->connection(),
                 u"UPDATE connections SET table_base = ? WHERE id = ? AND (table_base IS NULL OR table_base = '')"_s);
    set.bind(base).bind(connection.id);
    if (!set.exec())
        return base;
    SqlQuery read(m_metadata->connection(), u"SELECT table_base FROM connections WHERE id = ?"_s);
    read.bind(connection.id);
    if (read.exec() && read.next() && !read.value(0).toString().isEmpty())
        return read.value(0).toString();
    return base;
}

} // namespace Opbox
