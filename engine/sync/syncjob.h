// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/runtime/connector.h"
#include "engine/services/connectionservice.h"
#include "engine/store/runstore.h"
#include "engine/sync/pagecommitqueue.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QThreadPool;

namespace Opbox {

class Database;
class ReadScheduler;
class RunService;

/**
 * Executes one claimed run on a worker thread: builds the connector with the
 * connection's decrypted credentials and the thread's network manager, reads the selected streams
 * from their stored states, and commits each page's rows and the stream's new state in one
 * transaction of the workspace's data file. Stops within one page when the run is cancelled,
 * keeping what was committed.
 *
 * Up to `config.maxConcurrency` streams and partitions are read at once (ReadScheduler hands out
 * the slots, fairly); their pages go through one PageCommitQueue, whose writer thread commits them
 * in the order they were made. Everything else of the run happens on the worker's thread. The
 * counters and `progress` (with `activeStreams`, the streams being read) follow the commits.
 */
class SyncJob
{
public:
    SyncJob(RunService *runs, RunRecord run, QNetworkAccessManager *network, QThreadPool *writer);
    ~SyncJob();

    /** Runs the whole sync and records its outcome; never throws. */
    [[nodiscard]] QCoro::Task<void> execute();

private:
    class StreamSink;

    /** How the read of one stream ended. */
    struct StreamOutcome
    {
        qsizetype index = 0; // in the run's order of streams
        QString stream;
        Error error;
    };

    [[nodiscard]] QCoro::Task<void> run();
    [[nodiscard]] std::shared_ptr<StreamWriteState> contextFor(const QString &stream);
    /** Reads one stream in the slot it was given, then gives the slot back. */
    [[nodiscard]] QCoro::Task<void> readStream(qsizetype index, std::shared_ptr<StreamWriteState> ctx, QJsonObject state);
    /** A page of a stream being read: queued at once, then waits while the writer is behind. */
    [[nodiscard]] QCoro::Task<bool> accept(std::shared_ptr<StreamWriteState> ctx, RecordPage page);
    /** Notes a stream's failure; the first in the run's order is the run's error, and the others stop. */
    void fail(StreamOutcome outcome);
    /** Records on the run that `stream` (or a part of it) was skipped: the account may not read it. */
    void warn(const QString &stream, const QString &reason);
    [[nodiscard]] bool stopping() const;
    [[nodiscard]] QJsonObject progress() const;
    void reportProgress(bool force);
    void finish(const QString &status, const QString &error, std::optional<Error::Kind> kind = std::nullopt);

    RunService *m_runs;
    RunRecord m_run;
    ConnectionRecord m_connection;
    QNetworkAccessManager *m_network;
    QThreadPool *m_writer;
    std::shared_ptr<CancelToken> m_cancel;
    std::shared_ptr<ReadScheduler> m_scheduler;
    std::unique_ptr<Connector> m_connector;
    std::unique_ptr<PageCommitQueue> m_queue;
    Database *m_workspace = nullptr;
    QString m_base;
    QList<StreamSpec> m_specs;
    QHash<QString, std::shared_ptr<StreamWriteState>> m_contexts;
    QStringList m_active; // streams being read, in the run's order
    int m_reading = 0;
    AsyncNotifier m_readsChanged;
    std::optional<StreamOutcome> m_failure;
    QString m_failedStream;
    int m_streamsDone = 0;
    QElapsedTimer m_sincePersist;
    QElapsedTimer m_sinceNotify;
    bool m_finished = false;
};

} // namespace Opbox
