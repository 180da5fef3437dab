// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sync/pagecommitqueue.h"

#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/store/database.h"
#include "engine/store/sqlitelibrary.h"
#include "engine/store/syncstatestore.h"
#include "engine/sync/opboxtablewriter.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoroFuture>
#include <QHash>
#include <QPromise>
#include <QThreadPool>
#include <exception>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// One transaction takes what waits, up to this: enough to spread a commit over the pages of
// every reader, small enough that a failed batch costs little to roll back.
constexpr int MaxPagesPerCommit = 64;
constexpr qsizetype MaxRecordsPerCommit = 20000;

} // namespace

PageCommitQueue::PageCommitQueue(QThreadPool *writer, Target target, std::shared_ptr<CancelToken> cancel)
    : m_writer(writer)
    , m_target(std::move(target))
    , m_cancel(std::move(cancel))
{
}

PageCommitQueue::~PageCommitQueue()
{
    waitBlocking();
    m_saveState = SqliteStatement();
}

void PageCommitQueue::enqueue(const std::shared_ptr<StreamWriteState> &stream, RecordPage page)
{
    ++stream->pending;
    m_queue.append(Item{stream, std::move(page), false});
    pumpIfIdle();
}

void PageCommitQueue::enqueueRefreshEnd(const std::shared_ptr<StreamWriteState> &stream, QJsonObject state)
{
    ++stream->pending;
    RecordPage page;
    page.stream = stream->spec.name;
    page.stateAfter = std::move(state);
    page.lastPage = true;
    m_queue.append(Item{stream, std::move(page), true});
    pumpIfIdle();
}

QCoro::Task<void> PageCommitQueue::waitForRoom(int backlog)
{
    while (m_queue.size() > backlog && !m_error && !(m_cancel && m_cancel->isCancelled()))
        co_await m_changed.wait();
}

QCoro::Task<void> PageCommitQueue::settled(std::shared_ptr<StreamWriteState> stream)
{
    while (stream->pending > 0 && (m_pumping || !m_queue.isEmpty()))
        co_await m_changed.wait();
}

QCoro::Task<void> PageCommitQueue::drained()
{
    while (m_pumping || !m_queue.isEmpty())
        co_await m_changed.wait();
}

void PageCommitQueue::waitBlocking()
{
    if (m_inFlight)
        m_inFlight->waitForFinished();
}

void PageCommitQueue::pumpIfIdle()
{
    if (m_pumping)
        return;
    m_pumping = true;
    // Runs on its own on this thread; drained() waits for it.
    [[maybe_unused]] auto pumping = pump();
}

QCoro::Task<void> PageCommitQueue::pump()
{
    while (!m_queue.isEmpty() && !m_error) {
        if (m_cancel && m_cancel->isCancelled()) {
            // A stopped run keeps what it committed; pages not yet written are dropped, newest last.
            for (const Item &item : std::as_const(m_queue))
                --item.stream->pending;
            m_queue.clear();
            break;
        }
        QList<Item> batch;
        qsizetype records = 0;
        while (!m_queue.isEmpty() && batch.size() < MaxPagesPerCommit
               && (batch.isEmpty() || records + m_queue.first().page.records.size() <= MaxRecordsPerCommit)) {
            records += m_queue.first().page.records.size();
            batch.append(m_queue.takeFirst());
        }
        m_changed.notifyAll(); // room in the queue
        auto promise = std::make_shared<QPromise<Outcome>>();
        m_inFlight = promise->future();
        promise->start();
        m_writer->start([this, promise, batch] {
            Outcome outcome;
            try {
                outcome = commit(batch);
            } catch (const std::exception &e) {
                qCCritical(lcEngine) << "writing pages threw:" << e.what();
                outcome.error = Error::internal(tr("internal error while writing"));
            }
            promise->addResult(std::move(outcome));
            promise->finish();
        });
        const Outcome outcome = co_await *m_inFlight;
        m_inFlight.reset();
        settle(batch, outcome);
    }
    if (m_error) {
        for (const Item &item : std::as_const(m_queue))
            --item.stream->pending;
        m_queue.clear();
    }
    m_pumping = false;
    m_changed.notifyAll();
}

void PageCommitQueue::settle(const QList<Item> &items, const Outcome &outcome)
{
    for (const Item &item : items)
        --item.stream->pending;
    if (outcome.error) {
        if (!m_error)
            m_error = outcome.error;
        return;
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items.at(i);
        m_created += outcome.created.value(i);
        m_updated += outcome.updated.value(i);
        item.stream->lastState = item.page.stateAfter;
        item.stream->wroteState = true;
        if (item.page.lastPage)
            item.stream->sawLastPage = true;
    }
    if (m_committed)
        m_committed();
}

std::optional<Error> PageCommitQueue::openWriter(StreamWriteState &stream)
{
    if (!m_db) {
        m_db = SqliteLibrary::handle(m_target.workspace->connection());
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
    if (!stream.writer) {
        stream.writer = std::make_unique<OpboxTableWriter>(m_db, TableNamingPolicy::tableName(m_target.base, stream.spec.name),
                                                           m_target.base, stream.spec.name, stream.spec.primaryKey,
                                                           m_target.connectionId, m_target.variantLabel);
    }
    return std::nullopt;
}

std::optional<Error> PageCommitQueue::begin()
{
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first could fail
    // with SQLITE_BUSY_SNAPSHOT without waiting when another worker commits in between.
    for (int attempt = 0; attempt < 6; ++attempt) {
        const int rc = sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK)
            return std::nullopt;
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        if (m_cancel && m_cancel->isCancelled())
            break;
    }
    return Error{
        Error::Kind::Unavailable, u"DATA_FILE_BUSY"_s, tr("the workspace's data file stayed locked by another writer"), {}};
}

void PageCommitQueue::rollback(const QList<Item> &items)
{
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    for (const Item &item : items) {
        if (item.stream->writer)
            item.stream->writer->invalidate();
    }
}

PageCommitQueue::Outcome PageCommitQueue::commit(const QList<Item> &items)
{
    Outcome out;
    for (const Item &item : items) {
        if (auto error = openWriter(*item.stream)) {
            out.error = error;
            return out;
        }
    }
    if (auto error = begin()) {
        out.error = error;
        return out;
    }
    const QString now = Ids::isoNow();
    // Each stream's state is saved once, from its last page in the batch: the same transaction
    // holds the rows of all its earlier pages.
    QHash<StreamWriteState *, qsizetype> lastOfStream;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items.at(i);
        StreamWriteState &stream = *item.stream;
        lastOfStream.insert(&stream, i);
        qint64 created = 0;
        qint64 updated = 0;
        if (!item.refreshEnd) {
            auto counts = stream.writer->write(item.page.records, m_target.runId, now);
            if (!counts) {
                rollback(items);
                out.error = counts.error();
                return out;
            }
            created = counts->created;
            updated = counts->updated;
        }
        if (stream.fullRefresh && item.page.lastPage) {
            auto deleted = stream.writer->markMissingDeleted(stream.refreshStartedAt, now);
            if (!deleted) {
                rollback(items);
                out.error = deleted.error();
                return out;
            }
            if (*deleted > 0)
                qCInfo(lcEngine) << "run" << m_target.runId << "soft-deleted" << *deleted << "rows of"
                                 << stream.writer->tableName();
        }
        out.created.append(created);
        out.updated.append(updated);
    }
    for (auto it = lastOfStream.cbegin(); it != lastOfStream.cend(); ++it) {
        const Item &item = items.at(it.value());
        const StreamWriteState &stream = *item.stream;
        // A refresh still open keeps its generation start, so a resumed refresh counts the rows
        // written before the interruption as seen.
        const QString openGeneration = stream.fullRefresh && !item.page.lastPage ? stream.refreshStartedAt : QString();
        const int rc = SyncStateStore::saveInTransaction(m_db, &m_saveState, m_target.connectionId, stream.spec.name,
                                                         item.page.stateAfter, m_target.runId, openGeneration);
        if (rc != SQLITE_OK) {
            qCWarning(lcEngine) << "saving the sync state failed:" << sqlite3_errmsg(m_db);
            rollback(items);
            out.error = Error::internal(tr("the sync state cannot be saved: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
            return out;
        }
    }
    if (sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        const QString reason = QString::fromUtf8(sqlite3_errstr(sqlite3_errcode(m_db)));
        rollback(items);
        out.error = Error::internal(tr("committing a page failed: %1").arg(reason));
        return out;
    }
    return out;
}

} // namespace Opbox
