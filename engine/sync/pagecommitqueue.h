// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/runtime/asyncnotifier.h"
#include "connectors/runtime/connector.h"
#include "engine/store/sqlitestatement.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

class QThreadPool;
struct sqlite3;

namespace Opbox {

class CancelToken;
class Database;
class OpboxTableWriter;

/** What a run keeps about one stream while its pages are written. */
struct StreamWriteState
{
    StreamSpec spec;
    bool fullRefresh = false;
    QString refreshStartedAt;
    bool sawLastPage = false; // a committed page closed the stream (and its refresh generation)
    bool wroteState = false;
    QJsonObject lastState; // the state of the stream's last committed page
    int pending = 0; // pages queued or being written
    std::unique_ptr<OpboxTableWriter> writer; // used on the writer thread only
};

/**
 * The one writer of a run on the workspace's data file: pages from every stream and partition
 * being read are queued in the order they were made and committed by the worker's writer thread,
 * one transaction at a time, several queued pages per transaction. Each page's rows go into the
 * same transaction as its stream's new state, so a commit never moves a cursor past rows it does
 * not hold, and pages commit in queue order, so a state that counts on an earlier page never
 * commits without it. Lives on the run's thread; only the commits run on the writer thread.
 */
class PageCommitQueue
{
    Q_DECLARE_TR_FUNCTIONS(PageCommitQueue)
public:
    /** Where the pages go. */
    struct Target
    {
        Database *workspace = nullptr;
        QString runId;
        QString connectionId;
        QString variantLabel;
        QString base; // the table name base
    };

    PageCommitQueue(QThreadPool *writer, Target target, std::shared_ptr<CancelToken> cancel);
    ~PageCommitQueue();

    /** Queues a page of `stream` at once (no suspension): pages commit in the order they were queued. */
    void enqueue(const std::shared_ptr<StreamWriteState> &stream, RecordPage page);
    /** Queues the end of a full refresh whose read flagged no last page: rows not seen are marked deleted. */
    void enqueueRefreshEnd(const std::shared_ptr<StreamWriteState> &stream, QJsonObject state);
    /** Waits while more than `backlog` pages wait for the writer (memory stays bounded). */
    [[nodiscard]] QCoro::Task<void> waitForRoom(int backlog);
    /** Waits until every page of `stream` is committed or the queue failed. */
    [[nodiscard]] QCoro::Task<void> settled(std::shared_ptr<StreamWriteState> stream);
    /** Waits until nothing is queued or being written. */
    [[nodiscard]] QCoro::Task<void> drained();
    /** Blocks until the commit in progress ends (for an ending that cannot wait). */
    void waitBlocking();

    /** The first write failure; nothing is committed after it. */
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }
    [[nodiscard]] qint64 created() const { return m_created; }
    [[nodiscard]] qint64 updated() const { return m_updated; }
    /** Called on the run's thread after each commit, with the counters already updated. */
    void setCommitted(std::function<void()> callback) { m_committed = std::move(callback); }

private:
    struct Item
    {
        std::shared_ptr<StreamWriteState> stream;
        RecordPage page;
        bool refreshEnd = false;
    };
    struct Outcome
    {
        std::optional<Error> error;
        QList<qint64> created; // per item
        QList<qint64> updated;
    };

    void pumpIfIdle();
    [[nodiscard]] QCoro::Task<void> pump();
    void settle(const QList<Item> &items, const Outcome &outcome);
    // On the writer thread:
    [[nodiscard]] Outcome commit(const QList<Item> &items);
    [[nodiscard]] std::optional<Error> openWriter(StreamWriteState &stream);
    [[nodiscard]] std::optional<Error> begin();
    void rollback(const QList<Item> &items);

    QThreadPool *m_writer;
    Target m_target;
    std::shared_ptr<CancelToken> m_cancel;
    QList<Item> m_queue;
    bool m_pumping = false;
    std::optional<QFuture<Outcome>> m_inFlight;
    std::optional<Error> m_error;
    qint64 m_created = 0;
    qint64 m_updated = 0;
    std::function<void()> m_committed;
    AsyncNotifier m_changed;
    sqlite3 *m_db = nullptr; // the writer thread's connection; touched on that thread only
    SqliteStatement m_saveState; // the cursor's UPSERT on m_db, prepared at the first page
};

} // namespace Opbox
