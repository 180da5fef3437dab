// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionservice.h"
#include "connector.h"
#include "result.h"
#include "runstore.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <memory>
#include <optional>

class QNetworkAccessManager;
struct sqlite3;

namespace Opbox {

class Database;
class OpboxTableWriter;
class RunService;

/**
 * Executes one claimed run on a worker thread (DESIGN §11): builds the connector with the
 * connection's decrypted credentials and the thread's network manager, reads every selected stream
 * from its stored state, and — as the connector's PageSink — commits each page's rows and the
 * stream's new state in one transaction of the workspace's data file. Stops within one page when
 * the run is cancelled, keeping what was committed.
 */
class SyncJob : public PageSink
{
public:
    SyncJob(RunService *runs, RunRecord run, QNetworkAccessManager *network);
    ~SyncJob() override;

    /** Runs the whole sync and records its outcome; never throws. */
    [[nodiscard]] QCoro::Task<void> execute();

    [[nodiscard]] QCoro::Task<bool> accept(RecordPage page) override;

private:
    struct StreamContext {
        StreamSpec spec;
        bool fullRefresh = false;
        QString refreshStartedAt;
        bool sawLastPage = false;
        bool wroteState = false;
        QJsonObject lastState;
        std::unique_ptr<OpboxTableWriter> writer;
    };

    [[nodiscard]] QCoro::Task<void> run();
    [[nodiscard]] StreamContext *contextFor(const QString &stream);
    [[nodiscard]] Result<void> commit(const RecordPage &page, StreamContext &context);
    [[nodiscard]] Result<void> finishFullRefresh(StreamContext &context, const QJsonObject &state);
    [[nodiscard]] bool begin();
    void rollback(StreamContext &context);
    void reportProgress(bool force);
    void finish(const QString &status, const QString &error, std::optional<ConnectorError::Kind> kind = std::nullopt);

    RunService *m_runs;
    RunRecord m_run;
    ConnectionRecord m_connection;
    QNetworkAccessManager *m_network;
    std::shared_ptr<CancelToken> m_cancel;
    Database *m_workspace = nullptr;
    sqlite3 *m_db = nullptr;
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
