// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

class QThread;

namespace Opbox {

class RunService;
class SyncWorker;

/**
 * The `--workers` sync runners: N worker threads claim PENDING runs oldest first, so
 * many connections sync at once and neither the GUI nor the API thread ever waits on a sync.
 */
class SyncWorkerPool : public QObject
{
    Q_OBJECT
public:
    explicit SyncWorkerPool(RunService *runs, QObject *parent = nullptr);
    ~SyncWorkerPool() override;

    /** Starts `workers` threads (1–64); does nothing when already running. */
    void start(int workers = 4);
    /**
     * No new runs; PENDING and RUNNING runs become CANCELLED with `reason`; each worker ends after
     * the page it is committing (what was committed stays). Waits up to `timeoutMs` for them.
     */
    void stop(const QString &reason, int timeoutMs = 30000);
    [[nodiscard]] bool isRunning() const { return !m_threads.isEmpty(); }
    [[nodiscard]] int workerCount() const { return int(m_threads.size()); }
    [[nodiscard]] int busyCount() const;

private:
    RunService *m_runs;
    QList<QThread *> m_threads;
    QList<SyncWorker *> m_workers;
};

} // namespace Opbox
