// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/runtime/connector.h"
#include "engine/services/connectionservice.h"
#include "engine/store/runstore.h"
#include "engine/store/sqlitestatement.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QString>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QThreadPool;
struct sqlite3;

namespace Opbox {

class Database;
class OpboxTableWriter;
class RunService;

/**
 * Executes one claimed run on a worker thread: builds the connector with the
 * connection's decrypted credentials and the thread's network manager, reads every selected stream
 * from its stored state, and — as the connector's PageSink — commits each page's rows and the
 * stream's new state in one transaction of the workspace's data file. Stops within one page when
 * the run is cancelled, keeping what was committed.
 *
 * Writing is pipelined: `accept` hands a page to the worker's writer thread and returns, so the
 * connector parses the next page while this one is written; at most one page
 * waits, so memory stays bounded. All SQLite work on the data file happens on the writer thread.
 */
class SyncJob : public PageSink
{
public:
    SyncJob(RunService *runs, RunRecord run, QNetworkAccessManager *network, QThreadPool *writer);
    ~SyncJob() override;

    /** Runs the whole sync and records its outcome; never throws. */
    [[nodiscard]] QCoro::Task<void> execute();

    [[nodiscard]] QCoro::Task<bool> accept(RecordPage page) override;

private:
    struct StreamContext
    {
        StreamSpec spec;
        bool fullRefresh = false;
        QString refreshStartedAt;
        bool sawLastPage = false;
        bool wroteState = false;
        QJsonObject lastState;
        std::unique_ptr<OpboxTableWriter> writer;
    };

    /** What the writer thread reports back about one page. */
    struct PageOutcome
    {
        std::optional<Error> error;
        qint64 created = 0;
        qint64 updated = 0;
        bool lastPage = false;
        QJsonObject state;
        std::shared_ptr<StreamContext> context;
    };

    [[nodiscard]] QCoro::Task<void> run();
    [[nodiscard]] std::shared_ptr<StreamContext> contextFor(const QString &stream);
    /** Waits for the page being written and applies its outcome (counters, errors) on this thread. */
    [[nodiscard]] QCoro::Task<void> drain();
    [[nodiscard]] QFuture<PageOutcome> onWriter(std::function<PageOutcome()> work);
    // On the writer thread:
    [[nodiscard]] PageOutcome commit(const RecordPage &page, const std::shared_ptr<StreamContext> &context);
    [[nodiscard]] PageOutcome finishFullRefresh(const std::shared_ptr<StreamContext> &context, const QJsonObject &state);
    [[nodiscard]] std::optional<Error> openWriter(StreamContext &context);
    /** Opens the stream's writer and the page transaction; the error says why not. */
    [[nodiscard]] std::optional<Error> begin(StreamContext &context);
    void rollback(StreamContext &context);
    void reportProgress(bool force);
    void finish(const QString &status, const QString &error, std::optional<Error::Kind> kind = std::nullopt);

    RunService *m_runs;
    RunRecord m_run;
    ConnectionRecord m_connection;
    QNetworkAccessManager *m_network;
    QThreadPool *m_writer;
    std::optional<QFuture<PageOutcome>> m_pending;
    std::shared_ptr<CancelToken> m_cancel;
    Database *m_workspace = nullptr;
    sqlite3 *m_db = nullptr; // the writer thread's connection; touched on that thread only
    SqliteStatement m_saveState; // the cursor's UPSERT on m_db, prepared at the first page
    QString m_base;
    QList<StreamSpec> m_specs;
    QHash<QString, std::shared_ptr<StreamContext>> m_contexts;
    QString m_currentStream;
    int m_streamsDone = 0;
    std::optional<Error> m_writeError;
    QElapsedTimer m_sincePersist;
    QElapsedTimer m_sinceNotify;
    bool m_finished = false;
};

} // namespace Opbox
