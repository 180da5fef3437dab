// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/runstore.h"

#include <QCoroTask>
#include <QObject>
#include <atomic>

class QNetworkAccessManager;
class QThreadPool;
class QTimer;

namespace Opbox {

class RunService;

/**
 * One sync runner living on its own QThread with its own QNetworkAccessManager and database
 * connections: when idle it claims the oldest PENDING run and executes it as a SyncJob.
 */
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    explicit SyncWorker(RunService *runs, QObject *parent = nullptr);
    ~SyncWorker() override;

    [[nodiscard]] bool isBusy() const { return m_busy.load(); }

public Q_SLOTS:
    /** Creates the thread's network manager and the safety-net poll timer (call on the worker thread). */
    void initialise();
    /** Claims and starts the next PENDING run unless busy or stopping. */
    void poll();
    /** Claims no more runs; quits the thread as soon as the current run (if any) has ended. */
    void shutdown();

Q_SIGNALS:
    void runStarted(const QString &runId);
    void runEnded(const QString &runId);

private:
    [[nodiscard]] QCoro::Task<void> execute(RunRecord run);

    RunService *m_runs;
    QNetworkAccessManager *m_network = nullptr;
    QThreadPool *m_writer = nullptr; // one thread: every page of this worker's runs is written there
    QTimer *m_timer = nullptr;
    std::atomic<bool> m_busy{false};
    bool m_stopping = false;
};

} // namespace Opbox
