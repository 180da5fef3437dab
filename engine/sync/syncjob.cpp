// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sync/syncjob.h"
#include "base/ids.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/enginelogging.h"
#include "engine/services/notificationservice.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/sqlitelibrary.h"
#include "engine/store/syncstatestore.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/opboxtablewriter.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QPromise>
#include <QThreadPool>
#include <exception>
#include <sqlite3.h>

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

SyncJob::SyncJob(RunService *runs, RunRecord run, QNetworkAccessManager *network, QThreadPool *writer)
    : m_runs(runs)
    , m_run(std::move(run))
    , m_network(network)
    , m_writer(writer)
{
}

SyncJob::~SyncJob()
{
    // Writers finalize their statements; the writer thread is idle by now (drain() ran).
    m_contexts.clear();
    m_saveState = SqliteStatement();
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

QFuture<SyncJob::PageOutcome> SyncJob::onWriter(std::function<PageOutcome()> work)
{
    auto promise = std::make_shared<QPromise<PageOutcome>>();
    QFuture<PageOutcome> future = promise->future();
    promise->start();
    m_writer->start([promise, work = std::move(work)] {
        PageOutcome outcome;
        try {
            outcome = work();
        } catch (const std::exception &e) {
            qCCritical(lcEngine) << "writing a page threw:" << e.what();
            outcome.error = Error::internal(tr("internal error while writing"));
        }
        promise->addResult(std::move(outcome));
        promise->finish();
    });
    return future;
}

QCoro::Task<void> SyncJob::drain()
{
    if (!m_pending)
        co_return;
    QFuture<PageOutcome> future = std::move(*m_pending);
    m_pending.reset();
    const PageOutcome outcome = co_await future;
    if (outcome.error) {
        if (!m_writeError)
            m_writeError = outcome.error;
        co_return;
    }
    m_run.rowsCreated += outcome.created;
    m_run.rowsUpdated += outcome.updated;
    m_run.rowsSynced = m_run.rowsCreated + m_run.rowsUpdated;
    if (outcome.context) {
        outcome.context->lastState = outcome.state;
        outcome.context->wroteState = true;
        if (outcome.lastPage)
            outcome.context->sawLastPage = true;
    }
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

    ConnectorContext context;
    context.type = m_connection.type;
    context.credentials = *credentials;
    context.config = m_connection.config;
    context.network = m_network;
    context.cancel = m_cancel;
    ConnectionService *connections = m_runs->connections();
    const QString connectionId = m_connection.id;
    // Rotated OAuth tokens are stored before the connector uses them, so a refresh token is never lost.
    context.updateCredentials = [connections, connectionId](const QJsonObject &updated) {
        return connections->storeCredentials(connectionId, updated).ok();
    };
    std::unique_ptr<Connector> connector = m_runs->connectorMaker()(std::move(context));
    if (!connector) {
        finish(u"FAILED"_s, tr("no connector is available for %1").arg(m_connection.type), Error::Kind::Configuration);
        co_return;
    }
    m_specs = connector->streams();

    m_workspace = m_runs->workspaceData()->database(m_connection.workspaceId);
    if (!m_workspace) {
        finish(u"FAILED"_s, tr("the workspace's data file cannot be opened"));
        co_return;
    }
    m_base = m_runs->resolveTableBase(m_connection);
    SyncStateStore states(m_workspace);

    for (const QString &stream : std::as_const(m_run.streams)) {
        if (m_cancel->isCancelled())
            break;
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
        m_currentStream = stream;
        reportProgress(true);
        qCDebug(lcEngine) << "run" << m_run.id << "reads" << stream << (ctx->fullRefresh ? "(full refresh)" : "(incremental)");
        // Own statement: GCC 12 destroys by-value arguments of a coroutine called inside co_await twice.
        auto reading = connector->read(stream, stored->state, this);
        const ReadResult result = co_await reading;
        co_await drain();
        if (m_writeError) {
            finish(u"FAILED"_s, m_writeError->message);
            co_return;
        }
        if (m_cancel->isCancelled())
            break;
        if (!result) {
            if (result.error().kind == Error::Kind::Cancelled)
                break;
            finish(u"FAILED"_s,
                   result.error().message.isEmpty() ? tr("the connector failed without a reason") : result.error().message,
                   result.error().kind);
            co_return;
        }
        if (ctx->fullRefresh && !ctx->sawLastPage) {
            // The read completed without flagging its last page: close the generation now.
            const QJsonObject state = ctx->wroteState ? ctx->lastState : QJsonObject();
            m_pending = onWriter([this, ctx, state] { return finishFullRefresh(ctx, state); });
            co_await drain();
            if (m_writeError) {
                finish(u"FAILED"_s, m_writeError->message);
                co_return;
            }
        }
        ++m_streamsDone;
        reportProgress(true);
    }
    co_await drain();
    if (m_writeError) {
        finish(u"FAILED"_s, m_writeError->message);
        co_return;
    }
    if (m_cancel->isCancelled()) {
        finish(u"CANCELLED"_s, QString());
        co_return;
    }
    m_currentStream.clear();
    finish(u"COMPLETED"_s, QString());
}

std::shared_ptr<SyncJob::StreamContext> SyncJob::contextFor(const QString &stream)
{
    if (auto it = m_contexts.constFind(stream); it != m_contexts.constEnd())
        return *it;
    for (const auto &spec : std::as_const(m_specs)) {
        if (spec.name != stream)
            continue;
        auto ctx = std::make_shared<StreamContext>();
        ctx->spec = spec;
        ctx->fullRefresh = !isIncremental(spec);
        m_contexts.insert(stream, ctx);
        return ctx;
    }
    return nullptr;
}

std::optional<Error> SyncJob::openWriter(StreamContext &ctx)
{
    if (!m_db) {
        m_db = SqliteLibrary::handle(m_workspace->connection());
        if (m_db) {
            // Bulk writes: checkpoint the WAL every ~40 MB instead of every 4 MB. Each checkpoint
            // copies the hot B-tree pages again, and at the default it took a third of the writer's
            // time; the WAL file is cut back to that size after each checkpoint.
            sqlite3_exec(m_db, "PRAGMA wal_autocheckpoint=10000", nullptr, nullptr, nullptr);
            sqlite3_exec(m_db, "PRAGMA journal_size_limit=41943040", nullptr, nullptr, nullptr);
        }
    }
    if (!m_db)
        return Error::internal(tr("the workspace's data file cannot be opened"));
    if (!ctx.writer) {
        ctx.writer
            = std::make_unique<OpboxTableWriter>(m_db, TableNamingPolicy::tableName(m_base, ctx.spec.name), m_base, ctx.spec.name,
                                                 ctx.spec.primaryKey, m_connection.id, m_connection.variantLabel);
    }
    return std::nullopt;
}

std::optional<Error> SyncJob::begin(StreamContext &ctx)
{
    if (auto error = openWriter(ctx))
        return error;
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first could fail
    // with SQLITE_BUSY_SNAPSHOT without waiting when another worker commits in between.
    for (int attempt = 0; attempt < 6; ++attempt) {
        const int rc = sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK)
            return std::nullopt;
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        if (m_cancel->isCancelled())
            break;
    }
    return Error{
        Error::Kind::Unavailable, u"DATA_FILE_BUSY"_s, tr("the workspace's data file stayed locked by another writer"), {}};
}

void SyncJob::rollback(StreamContext &context)
{
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    if (context.writer)
        context.writer->invalidate();
}

SyncJob::PageOutcome SyncJob::commit(const RecordPage &page, const std::shared_ptr<StreamContext> &context)
{
    PageOutcome out;
    out.context = context;
    StreamContext &ctx = *context;
    if (auto error = begin(ctx)) {
        out.error = error;
        return out;
    }
    const QString now = Ids::isoNow();
    auto counts = ctx.writer->write(page.records, m_run.id, now);
    if (!counts) {
        rollback(ctx);
        out.error = counts.error();
        return out;
    }
    QString openGeneration = ctx.fullRefresh ? ctx.refreshStartedAt : QString();
    if (ctx.fullRefresh && page.lastPage) {
        auto deleted = ctx.writer->markMissingDeleted(ctx.refreshStartedAt, now);
        if (!deleted) {
            rollback(ctx);
            out.error = deleted.error();
            return out;
        }
        if (*deleted > 0)
            qCInfo(lcEngine) << "run" << m_run.id << "soft-deleted" << *deleted << "rows of" << ctx.writer->tableName();
        openGeneration.clear();
    }
    const int rc = SyncStateStore::saveInTransaction(m_db, &m_saveState, m_connection.id, page.stream, page.stateAfter, m_run.id,
                                                     openGeneration);
    if (rc != SQLITE_OK) {
        qCWarning(lcEngine) << "saving the sync state failed:" << sqlite3_errmsg(m_db);
        rollback(ctx);
        out.error = Error::internal(tr("the sync state cannot be saved: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
        return out;
    }
    if (sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        const QString reason = QString::fromUtf8(sqlite3_errstr(sqlite3_errcode(m_db)));
        rollback(ctx);
        out.error = Error::internal(tr("committing a page failed: %1").arg(reason));
        return out;
    }
    out.created = counts->created;
    out.updated = counts->updated;
    out.lastPage = page.lastPage;
    out.state = page.stateAfter;
    return out;
}

SyncJob::PageOutcome SyncJob::finishFullRefresh(const std::shared_ptr<StreamContext> &context, const QJsonObject &state)
{
    PageOutcome out;
    out.context = context;
    out.state = state;
    out.lastPage = true;
    StreamContext &ctx = *context;
    if (auto error = begin(ctx)) {
        out.error = error;
        return out;
    }
    auto deleted = ctx.writer->markMissingDeleted(ctx.refreshStartedAt, Ids::isoNow());
    if (!deleted) {
        rollback(ctx);
        out.error = deleted.error();
        return out;
    }
    if (SyncStateStore::saveInTransaction(m_db, &m_saveState, m_connection.id, ctx.spec.name, state, m_run.id, QString())
            != SQLITE_OK
        || sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        rollback(ctx);
        out.error = Error::internal(tr("the sync state cannot be saved"));
    }
    return out;
}

QCoro::Task<bool> SyncJob::accept(RecordPage page)
{
    if (m_cancel->isCancelled() || m_writeError)
        co_return false;
    if (page.stream.isEmpty())
        page.stream = m_currentStream;
    auto ctx = contextFor(page.stream);
    if (!ctx) {
        m_writeError = Error::internal(tr("the connector sent a page of an unknown stream \"%1\"").arg(page.stream.left(64)));
        co_return false;
    }
    if (ctx->fullRefresh && ctx->refreshStartedAt.isEmpty())
        ctx->refreshStartedAt = Ids::isoNow();
    // One page in the writer at a time: wait for the previous one, then hand this one over and let
    // the connector go on with the next while it is written.
    co_await drain();
    if (m_writeError)
        co_return false;
    reportProgress(false);
    if (m_cancel->isCancelled())
        co_return false;
    m_pending = onWriter([this, ctx, page = std::move(page)] { return commit(page, ctx); });
    co_return true;
}

void SyncJob::reportProgress(bool force)
{
    m_run.progress = QJsonObject{{u"stream"_s, m_currentStream.isEmpty() ? QJsonValue() : QJsonValue(m_currentStream)},
                                 {u"streamsDone"_s, m_streamsDone},
                                 {u"streamsTotal"_s, int(m_run.streams.size())},
                                 {u"rowsSynced"_s, m_run.rowsSynced}};
    m_runs->publishProgress(m_run);
    // The live copy follows every page; the stored copy and the notifications follow at a pace the
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
    if (m_pending) {
        // Only reached on an exception path: the page being written must end before the job does.
        m_pending->waitForFinished();
        m_pending.reset();
    }
    RunStore *store = m_runs->store();
    m_run.progress = QJsonObject{{u"stream"_s, m_currentStream.isEmpty() ? QJsonValue() : QJsonValue(m_currentStream)},
                                 {u"streamsDone"_s, m_streamsDone},
                                 {u"streamsTotal"_s, int(m_run.streams.size())},
                                 {u"rowsSynced"_s, m_run.rowsSynced}};
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
