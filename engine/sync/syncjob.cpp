// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sync/syncjob.h"
#include "base/ids.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "connectors/runtime/readscheduler.h"
#include "engine/enginelogging.h"
#include "engine/services/notificationservice.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/syncstatestore.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/opboxtablewriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <exception>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("SyncJob", s);
}

bool isIncremental(const StreamSpec &spec)
{
    return !spec.cursorField.isEmpty() && spec.supportedSyncModes.contains(u"incremental"_s);
}

} // namespace

/** What one stream's read hands its pages to: the run, told which stream they belong to. */
class SyncJob::StreamSink final : public PageSink
{
public:
    StreamSink(SyncJob &job, std::shared_ptr<StreamWriteState> stream)
        : m_job(job)
        , m_stream(std::move(stream))
    {
    }
    QCoro::Task<bool> accept(RecordPage page) override { return m_job.accept(m_stream, std::move(page)); }
    void skipped(const QString &reason) override { m_job.warn(m_stream->spec.name, reason); }

private:
    SyncJob &m_job;
    std::shared_ptr<StreamWriteState> m_stream;
};

SyncJob::SyncJob(RunService *runs, RunRecord run, QNetworkAccessManager *network, QThreadPool *writer)
    : m_runs(runs)
    , m_run(std::move(run))
    , m_network(network)
    , m_writer(writer)
{
}

SyncJob::~SyncJob()
{
    // The queue waits for a commit in progress; then the table writers finalise their statements.
    m_queue.reset();
    m_contexts.clear();
}

QCoro::Task<void> SyncJob::execute()
{
    // QCoro stores an exception thrown in a detached coroutine and never rethrows it: turn it into
    // a failed run instead of a run that stays RUNNING forever.
    try {
        co_await run();
    } catch (const std::exception &e) {
        qCCritical(lcEngine) << "run" << m_run.id << "threw:" << e.what();
        finish(u"FAILED"_s, tr("internal error while syncing"));
    }
    if (!m_finished)
        finish(u"FAILED"_s, tr("internal error while syncing"));
}

bool SyncJob::stopping() const
{
    return m_cancel->isCancelled() || m_failure.has_value() || (m_queue && m_queue->error().has_value());
}

void SyncJob::fail(StreamOutcome outcome)
{
    if (!m_failure || outcome.index < m_failure->index)
        m_failure = std::move(outcome);
}

QCoro::Task<void> SyncJob::run()
{
    m_cancel = m_runs->beginExecution(m_run);
    auto connection = m_runs->connections()->recordById(m_run.connectionId);
    if (!connection) {
        finish(u"FAILED"_s, tr("the connection no longer exists"));
        co_return;
    }
    m_connection = *connection;
    m_runs->notifications()->runStarted(m_run, m_connection);
    m_sincePersist.start();
    m_sinceNotify.start();

    auto credentials = m_runs->connections()->credentials(m_connection.id);
    if (!credentials) {
        finish(u"FAILED"_s, tr("the stored credentials cannot be read"), Error::Kind::Configuration);
        co_return;
    }
    const ConnectorTypeInfo *type = ConnectorTypeRegistry::find(m_connection.type);
    if (type && type->isOAuth() && !credentials->contains(u"access_token"_s) && !credentials->contains(u"refresh_token"_s)
        && !credentials->contains(u"accessToken"_s) && !credentials->contains(u"refreshToken"_s)) {
        finish(u"FAILED"_s, tr("authorize first"), Error::Kind::Configuration);
        co_return;
    }

    m_scheduler
        = std::make_shared<ReadScheduler>(ReadScheduler::capacityFrom(m_connection.config.value(u"maxConcurrency"_s)), m_cancel);
    ConnectorContext context;
    context.type = m_connection.type;
    context.credentials = *credentials;
    context.config = m_connection.config;
    context.network = m_network;
    context.cancel = m_cancel;
    context.scheduler = m_scheduler;
    // Rotated OAuth tokens are stored before the connector uses them, so a refresh token is never lost.
    context.credentialsStore = m_runs->connections()->credentialsStore(m_connection.id);
    m_connector = m_runs->connectorMaker()(std::move(context));
    if (!m_connector) {
        finish(u"FAILED"_s, tr("no connector is available for %1").arg(m_connection.type), Error::Kind::Configuration);
        co_return;
    }
    m_specs = m_connector->streams();

    m_workspace = m_runs->workspaceData()->database(m_connection.workspaceId);
    if (!m_workspace) {
        finish(u"FAILED"_s, tr("the workspace's data file cannot be opened"));
        co_return;
    }
    m_base = m_runs->resolveTableBase(m_connection);
    m_queue = std::make_unique<PageCommitQueue>(
        m_writer, PageCommitQueue::Target{m_workspace, m_run.id, m_connection.id, m_connection.variantLabel, m_base}, m_cancel);
    m_queue->setCommitted([this] {
        m_run.rowsCreated = m_queue->created();
        m_run.rowsUpdated = m_queue->updated();
        m_run.rowsSynced = m_run.rowsCreated + m_run.rowsUpdated;
        reportProgress(false);
    });
    SyncStateStore states(m_workspace);

    // Every stream and its stored state first: a run that cannot read one of them reads none.
    QList<QJsonObject> startStates;
    for (const QString &stream : std::as_const(m_run.streams)) {
        auto ctx = contextFor(stream);
        if (!ctx) {
            finish(u"FAILED"_s, tr("the connector no longer has the stream \"%1\"").arg(stream));
            co_return;
        }
        auto stored = states.load(m_connection.id, stream);
        if (!stored) {
            finish(u"FAILED"_s, tr("the sync state of stream \"%1\" cannot be read").arg(stream));
            co_return;
        }
        if (ctx->fullRefresh) {
            // A refresh resumed from a checkpoint keeps its generation start, so rows written before
            // the interruption still count as seen.
            ctx->refreshStartedAt
                = (!stored->state.isEmpty() && !stored->refreshStartedAt.isEmpty()) ? stored->refreshStartedAt : Ids::isoNow();
        }
        startStates.append(stored->state);
    }

    // Streams start in the run's order, each when a slot is free; the scheduler serves a stream
    // that has none before a stream that wants another for its partitions.
    for (qsizetype index = 0; index < m_run.streams.size() && !stopping(); ++index) {
        const QString stream = m_run.streams.at(index);
        auto acquiring = m_scheduler->acquire(stream, [this] { return stopping(); });
        if (const ReadScheduler::Grant grant = co_await acquiring; grant != ReadScheduler::Grant::Slot)
            break;
        m_active.append(stream);
        ++m_reading;
        reportProgress(true);
        const auto ctx = contextFor(stream);
        qCDebug(lcEngine) << "run" << m_run.id << "reads" << stream << (ctx->fullRefresh ? "(full refresh)" : "(incremental)");
        // Runs on its own on this thread; the loop below waits for every stream started.
        [[maybe_unused]] auto reading = readStream(index, ctx, startStates.at(index));
    }
    while (m_reading > 0)
        co_await m_readsChanged.wait();
    auto draining = m_queue->drained();
    co_await draining;

    if (m_queue->error()) {
        finish(u"FAILED"_s, m_queue->error()->message);
        co_return;
    }
    if (m_failure) {
        m_failedStream = m_failure->stream;
        const Error &error = m_failure->error;
        finish(u"FAILED"_s, error.message.isEmpty() ? tr("the connector failed without a reason") : error.message, error.kind);
        co_return;
    }
    if (m_cancel->isCancelled()) {
        finish(u"CANCELLED"_s, QString());
        co_return;
    }
    finish(u"COMPLETED"_s, QString());
}

QCoro::Task<void> SyncJob::readStream(qsizetype index, std::shared_ptr<StreamWriteState> ctx, QJsonObject state)
{
    const QString stream = ctx->spec.name;
    StreamSink sink(*this, ctx);
    ReadResult result = Error::internal(tr("internal error while syncing"));
    try {
        // Own statement: GCC 12 destroys by-value arguments of a coroutine called inside co_await twice.
        auto reading = m_connector->read(stream, std::move(state), &sink);
        result = co_await reading;
    } catch (const std::exception &e) {
        // A stream that threw must still give its slot back, or the run would wait for it forever.
        qCCritical(lcEngine) << "run" << m_run.id << "reading" << stream << "threw:" << e.what();
    }
    auto settling = m_queue->settled(ctx);
    co_await settling;
    const bool refused = !result && result.error().isNotPermitted();
    if (refused) // the account may not read this stream: the run reads the others and says so
        warn(stream, result.error().message);
    else if (!result && result.error().kind != Error::Kind::Cancelled && !m_cancel->isCancelled())
        fail({index, stream, result.error()});
    if (result && !stopping() && ctx->fullRefresh && !ctx->sawLastPage) {
        // The read completed without flagging its last page: close the generation now.
        m_queue->enqueueRefreshEnd(ctx, ctx->wroteState ? ctx->lastState : QJsonObject());
        auto closing = m_queue->settled(ctx);
        co_await closing;
    }
    if ((result || refused) && !stopping())
        ++m_streamsDone;
    m_active.removeOne(stream);
    reportProgress(true);
    m_scheduler->release(stream);
    --m_reading;
    m_readsChanged.notifyAll();
}

void SyncJob::warn(const QString &stream, const QString &reason)
{
    qCInfo(lcEngine).noquote() << "run" << m_run.id << "skipped what the account may not read of" << stream;
    if (!m_runs->store()->addWarning(m_run.id, stream + u": "_s + reason))
        qCWarning(lcEngine) << "run" << m_run.id << "warning could not be stored";
}

std::shared_ptr<StreamWriteState> SyncJob::contextFor(const QString &stream)
{
    if (auto it = m_contexts.constFind(stream); it != m_contexts.constEnd())
        return *it;
    for (const auto &spec : std::as_const(m_specs)) {
        if (spec.name != stream)
            continue;
        auto ctx = std::make_shared<StreamWriteState>();
        ctx->spec = spec;
        ctx->fullRefresh = !isIncremental(spec);
        m_contexts.insert(stream, ctx);
        return ctx;
    }
    return nullptr;
}

QCoro::Task<bool> SyncJob::accept(std::shared_ptr<StreamWriteState> ctx, RecordPage page)
{
    if (stopping())
        co_return false;
    if (page.stream.isEmpty())
        page.stream = ctx->spec.name;
    if (page.stream != ctx->spec.name) {
        // A connector may hand over pages of another stream it reads along (a parent's records).
        ctx = contextFor(page.stream);
        if (!ctx) {
            fail({m_run.streams.size(), page.stream,
                  Error::internal(tr("the connector sent a page of an unknown stream \"%1\"").arg(page.stream.left(64)))});
            co_return false;
        }
    }
    if (ctx->fullRefresh && ctx->refreshStartedAt.isEmpty())
        ctx->refreshStartedAt = Ids::isoNow();
    // Queued before the first suspension: pages commit in the order the readers made their states.
    m_queue->enqueue(ctx, std::move(page));
    auto waiting = m_queue->waitForRoom(m_scheduler->capacity());
    co_await waiting;
    co_return !stopping();
}

QJsonObject SyncJob::progress() const
{
    const QString stream = !m_failedStream.isEmpty() ? m_failedStream : m_active.value(0);
    return QJsonObject{{u"stream"_s, stream.isEmpty() ? QJsonValue() : QJsonValue(stream)},
                       {u"streamsDone"_s, m_streamsDone},
                       {u"streamsTotal"_s, int(m_run.streams.size())},
                       {u"rowsSynced"_s, m_run.rowsSynced},
                       {u"activeStreams"_s, QJsonArray::fromStringList(m_active)}};
}

void SyncJob::reportProgress(bool force)
{
    m_run.progress = progress();
    m_runs->publishProgress(m_run);
    // The live copy follows every commit; the stored copy and the notifications follow at a pace the
    // metadata database and the GUI can take.
    if (force || m_sincePersist.elapsed() >= 500) {
        m_sincePersist.restart();
        if (!m_runs->store()->updateProgress(m_run.id, m_run.progress, m_run.rowsSynced, m_run.rowsCreated, m_run.rowsUpdated))
            qCWarning(lcEngine) << "run" << m_run.id << "progress could not be stored";
    }
    if (force || m_sinceNotify.elapsed() >= 1000) {
        m_sinceNotify.restart();
        m_runs->notifications()->runProgress(m_run, m_connection);
    }
}

void SyncJob::finish(const QString &status, const QString &error, std::optional<Error::Kind> kind)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_queue) {
        // Only busy on an exception path: the page being written must end before the job does.
        m_queue->waitBlocking();
    }
    RunStore *store = m_runs->store();
    m_active.clear();
    m_run.progress = progress();
    if (!store->updateProgress(m_run.id, m_run.progress, m_run.rowsSynced, m_run.rowsCreated, m_run.rowsUpdated))
        qCWarning(lcEngine) << "run" << m_run.id << "counters could not be stored";
    // The connection's status changes before the run shows as ended: whoever sees the run FAILED
    // must also see why on the connection. A run stopped meanwhile says nothing about it.
    const auto current = store->get(m_run.id);
    if (!m_connection.id.isEmpty() && current && current->status == u"RUNNING"_s) {
        if (status == u"COMPLETED"_s && m_connection.status != u"CONNECTED"_s) {
            if (!m_runs->connections()->setStatus(m_connection.id, u"CONNECTED"_s, QString()))
                qCWarning(lcEngine) << "connection status could not be stored";
        } else if (status == u"FAILED"_s && kind == Error::Kind::Configuration) {
            if (!m_runs->connections()->setStatus(m_connection.id, u"ERROR"_s, error))
                qCWarning(lcEngine) << "connection status could not be stored";
        }
    }
    const auto endRun = [&] {
        // A run stopped meanwhile stays CANCELLED: finish() only moves a RUNNING run.
        if (!store->finish(m_run.id, status, error))
            qCDebug(lcEngine) << "run" << m_run.id << "was no longer RUNNING when it ended";
        if (const auto stored = store->get(m_run.id))
            m_run = *stored;
        else
            m_run.status = u"CANCELLED"_s; // gone with its deleted connection: nothing to announce, progress notes go
        if (!m_connection.id.isEmpty())
            m_runs->notifications()->runFinished(m_run, m_connection);
    };
    bool rolledBack = false;
    {
        // The run's end and its notifications commit together: whoever sees the run ended also
        // finds the outcome notes, never the progress notes of a run that is over. (Without the
        // transaction, when the metadata file stays locked, both still happen one after the other.)
        Transaction ending(m_runs->metadata()->connection(), Transaction::Mode::Immediate);
        endRun();
        rolledBack = ending.active() && !ending.commit();
    }
    if (rolledBack) {
        qCWarning(lcEngine) << "run" << m_run.id << "end could not be committed; ending it step by step";
        endRun();
    }
    qCInfo(lcEngine).noquote() << "run" << m_run.id << "ended" << m_run.status << m_run.rowsSynced << "rows"
                               << (m_run.error.isEmpty() ? QString() : m_run.error);
    m_runs->endExecution(m_run);
}

} // namespace Opbox
