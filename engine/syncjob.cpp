// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncjob.h"
#include "connectortyperegistry.h"
#include "database.h"
#include "enginelogging.h"
#include "ids.h"
#include "notificationservice.h"
#include "opboxtablewriter.h"
#include "runservice.h"
#include "syncstatestore.h"
#include "tablenamingpolicy.h"
#include "workspacedatastore.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QThread>
#include <exception>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("SyncJob", s);
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

bool isIncremental(const StreamSpec &spec)
{
    return !spec.cursorField.isEmpty() && spec.supportedSyncModes.contains(u"incremental"_s);
}

} // namespace

SyncJob::SyncJob(RunService *runs, RunRecord run, QNetworkAccessManager *network)
    : m_runs(runs)
    , m_run(std::move(run))
    , m_network(network)
{
}

SyncJob::~SyncJob() = default;

QCoro::Task<void> SyncJob::execute()
{
    // Exceptions in a coroutine are otherwise swallowed silently (qt64-notes §D): turn them into
    // a failed run instead of a run that stays RUNNING forever.
    try {
        co_await run();
    } catch (const std::exception &e) {
        qCCritical(lcEngine) << "run" << m_run.id << "threw:" << e.what();
        if (m_db)
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        finish(u"FAILED"_s, tr("internal error while syncing"));
    }
    if (!m_finished)
        finish(u"FAILED"_s, tr("internal error while syncing"));
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
        finish(u"FAILED"_s, tr("the stored credentials cannot be read"), ConnectorError::Kind::Config);
        co_return;
    }
    const ConnectorTypeInfo *type = ConnectorTypeRegistry::find(m_connection.type);
    if (type && type->isOAuth() && !credentials->contains(u"access_token"_s) && !credentials->contains(u"refresh_token"_s)
        && !credentials->contains(u"accessToken"_s) && !credentials->contains(u"refreshToken"_s)) {
        finish(u"FAILED"_s, tr("authorize first"), ConnectorError::Kind::Config);
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
    // Rotated OAuth tokens are stored before the connector uses them (DESIGN §8).
    context.updateCredentials = [connections, connectionId](const QJsonObject &updated) {
        return connections->storeCredentials(connectionId, updated).ok();
    };
    std::unique_ptr<Connector> connector = m_runs->connectorMaker()(std::move(context));
    if (!connector) {
        finish(u"FAILED"_s, tr("no connector is available for %1").arg(m_connection.type), ConnectorError::Kind::Config);
        co_return;
    }
    m_specs = connector->streams();

    m_workspace = m_runs->workspaceData()->database(m_connection.workspaceId);
    if (m_workspace)
        m_db = sqliteHandle(m_workspace->connection());
    if (!m_db) {
        finish(u"FAILED"_s, tr("the workspace's data file cannot be opened"));
        co_return;
    }
    m_base = m_runs->resolveTableBase(m_connection);
    SyncStateStore states(m_workspace);

    for (const QString &stream : std::as_const(m_run.streams)) {
        if (m_cancel->isCancelled())
            break;
        StreamContext *ctx = contextFor(stream);
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
            ctx->refreshStartedAt = (!stored->state.isEmpty() && !stored->refreshStartedAt.isEmpty())
                                        ? stored->refreshStartedAt
                                        : Ids::isoNow();
        }
        m_currentStream = stream;
        reportProgress(true);
        qCDebug(lcEngine) << "run" << m_run.id << "reads" << stream << (ctx->fullRefresh ? "(full refresh)" : "(incremental)");
        const ReadResult result = co_await connector->read(stream, stored->state, this);
        if (m_writeError) {
            finish(u"FAILED"_s, m_writeError->message);
            co_return;
        }
        if (m_cancel->isCancelled())
            break;
        if (!result.ok) {
            if (result.error.kind == ConnectorError::Kind::Cancelled)
                break;
            finish(u"FAILED"_s, result.error.message.isEmpty() ? tr("the connector failed without a reason") : result.error.message,
                   result.error.kind);
            co_return;
        }
        if (ctx->fullRefresh && !ctx->sawLastPage) {
            // The read completed without flagging its last page: close the generation now.
            if (auto ok = finishFullRefresh(*ctx, ctx->wroteState ? ctx->lastState : QJsonObject()); !ok) {
                finish(u"FAILED"_s, ok.error().message);
                co_return;
            }
        }
        ++m_streamsDone;
        reportProgress(true);
    }
    if (m_cancel->isCancelled()) {
        finish(u"CANCELLED"_s, QString());
        co_return;
    }
    m_currentStream.clear();
    finish(u"COMPLETED"_s, QString());
}

SyncJob::StreamContext *SyncJob::contextFor(const QString &stream)
{
    if (auto it = m_contexts.constFind(stream); it != m_contexts.constEnd())
        return it->get();
    for (const auto &spec : std::as_const(m_specs)) {
        if (spec.name != stream)
            continue;
        auto ctx = std::make_shared<StreamContext>();
        ctx->spec = spec;
        ctx->fullRefresh = !isIncremental(spec);
        ctx->writer = std::make_unique<OpboxTableWriter>(m_db, TableNamingPolicy::tableName(m_base, stream), m_base, stream,
                                                         spec.primaryKey, m_connection.id, m_connection.variantLabel);
        m_contexts.insert(stream, ctx);
        return ctx.get();
    }
    return nullptr;
}

bool SyncJob::begin()
{
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first could fail
    // with SQLITE_BUSY_SNAPSHOT without waiting when another worker commits in between.
    for (int attempt = 0; attempt < 6; ++attempt) {
        const int rc = sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK)
            return true;
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            return false;
        if (m_cancel->isCancelled())
            return false;
    }
    return false;
}

void SyncJob::rollback(StreamContext &context)
{
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    context.writer->invalidate();
}

Result<void> SyncJob::commit(const RecordPage &page, StreamContext &ctx)
{
    if (!begin())
        return Error{Error::Kind::Unavailable, u"DATA_FILE_BUSY"_s,
                     tr("the workspace's data file stayed locked by another writer"), {}};
    const QString now = Ids::isoNow();
    auto counts = ctx.writer->write(page.records, m_run.id, now);
    if (!counts) {
        rollback(ctx);
        return counts.error();
    }
    QString openGeneration = ctx.fullRefresh ? ctx.refreshStartedAt : QString();
    if (ctx.fullRefresh && page.lastPage) {
        auto deleted = ctx.writer->markMissingDeleted(ctx.refreshStartedAt, now);
        if (!deleted) {
            rollback(ctx);
            return deleted.error();
        }
        if (*deleted > 0)
            qCInfo(lcEngine) << "run" << m_run.id << "soft-deleted" << *deleted << "rows of" << ctx.writer->tableName();
        openGeneration.clear();
    }
    const int rc = SyncStateStore::saveInTransaction(m_db, m_connection.id, page.stream, page.stateAfter, m_run.id,
                                                     openGeneration);
    if (rc != SQLITE_OK) {
        qCWarning(lcEngine) << "saving the sync state failed:" << sqlite3_errmsg(m_db);
        rollback(ctx);
        return Error::internal(tr("the sync state cannot be saved: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
    }
    if (sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        const QString reason = QString::fromUtf8(sqlite3_errstr(sqlite3_errcode(m_db)));
        rollback(ctx);
        return Error::internal(tr("committing a page failed: %1").arg(reason));
    }
    m_run.rowsCreated += counts->created;
    m_run.rowsUpdated += counts->updated;
    m_run.rowsSynced = m_run.rowsCreated + m_run.rowsUpdated;
    ctx.lastState = page.stateAfter;
    ctx.wroteState = true;
    if (page.lastPage)
        ctx.sawLastPage = true;
    return {};
}

Result<void> SyncJob::finishFullRefresh(StreamContext &ctx, const QJsonObject &state)
{
    if (!begin())
        return Error{Error::Kind::Unavailable, u"DATA_FILE_BUSY"_s,
                     tr("the workspace's data file stayed locked by another writer"), {}};
    auto deleted = ctx.writer->markMissingDeleted(ctx.refreshStartedAt, Ids::isoNow());
    if (!deleted) {
        rollback(ctx);
        return deleted.error();
    }
    if (SyncStateStore::saveInTransaction(m_db, m_connection.id, ctx.spec.name, state, m_run.id, QString()) != SQLITE_OK
        || sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        rollback(ctx);
        return Error::internal(tr("the sync state cannot be saved"));
    }
    ctx.sawLastPage = true;
    return {};
}

QCoro::Task<bool> SyncJob::accept(RecordPage page)
{
    if (m_cancel->isCancelled() || m_writeError)
        co_return false;
    if (page.stream.isEmpty())
        page.stream = m_currentStream;
    StreamContext *ctx = contextFor(page.stream);
    if (!ctx) {
        m_writeError = Error::internal(tr("the connector sent a page of an unknown stream \"%1\"").arg(page.stream.left(64)));
        co_return false;
    }
    if (ctx->fullRefresh && ctx->refreshStartedAt.isEmpty())
        ctx->refreshStartedAt = Ids::isoNow();
    if (auto ok = commit(page, *ctx); !ok) {
        m_writeError = ok.error();
        co_return false;
    }
    reportProgress(false);
    co_return !m_cancel->isCancelled();
}

void SyncJob::reportProgress(bool force)
{
    m_run.progress = QJsonObject{{u"stream"_s, m_currentStream.isEmpty() ? QJsonValue() : QJsonValue(m_currentStream)},
                                 {u"streamsDone"_s, m_streamsDone},
                                 {u"streamsTotal"_s, int(m_run.streams.size())},
                                 {u"rowsSynced"_s, m_run.rowsSynced}};
    m_runs->publishProgress(m_run);
    // The live copy is exact per page; the stored copy and the notifications follow at a pace the
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

void SyncJob::finish(const QString &status, const QString &error, std::optional<ConnectorError::Kind> kind)
{
    if (m_finished)
        return;
    m_finished = true;
    RunStore *store = m_runs->store();
    m_run.progress = QJsonObject{{u"stream"_s, m_currentStream.isEmpty() ? QJsonValue() : QJsonValue(m_currentStream)},
                                 {u"streamsDone"_s, m_streamsDone},
                                 {u"streamsTotal"_s, int(m_run.streams.size())},
                                 {u"rowsSynced"_s, m_run.rowsSynced}};
    if (!store->updateProgress(m_run.id, m_run.progress, m_run.rowsSynced, m_run.rowsCreated, m_run.rowsUpdated))
        qCWarning(lcEngine) << "run" << m_run.id << "counters could not be stored";
    // A run stopped meanwhile stays CANCELLED: finish() only moves a RUNNING run.
    if (!store->finish(m_run.id, status, error))
        qCDebug(lcEngine) << "run" << m_run.id << "was no longer RUNNING when it ended";
    if (const auto stored = store->get(m_run.id))
        m_run = *stored;
    qCInfo(lcEngine).noquote() << "run" << m_run.id << "ended" << m_run.status << m_run.rowsSynced << "rows"
                               << (m_run.error.isEmpty() ? QString() : m_run.error);
    if (!m_connection.id.isEmpty()) {
        m_runs->notifications()->runFinished(m_run, m_connection);
        if (m_run.status == u"COMPLETED"_s && m_connection.status != u"CONNECTED"_s) {
            if (!m_runs->connections()->setStatus(m_connection.id, u"CONNECTED"_s, QString()))
                qCWarning(lcEngine) << "connection status could not be stored";
        } else if (m_run.status == u"FAILED"_s && kind == ConnectorError::Kind::Config) {
            if (!m_runs->connections()->setStatus(m_connection.id, u"ERROR"_s, m_run.error))
                qCWarning(lcEngine) << "connection status could not be stored";
        }
    }
    m_runs->endExecution(m_run);
}

} // namespace Opbox
