// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sync/syncworkerpool.h"
#include "engine/enginelogging.h"
#include "engine/services/runservice.h"
#include "engine/sync/syncworker.h"

#include <QDeadlineTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Opbox {

SyncWorkerPool::SyncWorkerPool(RunService *runs, QObject *parent)
    : QObject(parent)
    , m_runs(runs)
{
}

SyncWorkerPool::~SyncWorkerPool()
{
    if (isRunning())
        stop(u"shutdown"_s);
}

void SyncWorkerPool::start(int workers)
{
    if (isRunning())
        return;
    workers = std::clamp(workers, 1, 64);
    for (int i = 0; i < workers; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(u"opbox-sync-"_s + QString::number(i + 1));
        auto *worker = new SyncWorker(m_runs);
        worker->moveToThread(thread);
        connect(thread, &QThread::started, worker, &SyncWorker::initialise);
        // Deleted on its own thread as that thread ends, together with its network manager.
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        connect(m_runs, &RunService::runQueued, worker, &SyncWorker::poll, Qt::QueuedConnection);
        thread->start();
        m_threads.append(thread);
        m_workers.append(worker);
    }
    qCInfo(lcEngine) << "sync worker pool started with" << workers << "workers";
}

int SyncWorkerPool::busyCount() const
{
    int n = 0;
    for (auto *w : m_workers)
        n += w->isBusy() ? 1 : 0;
    return n;
}

void SyncWorkerPool::stop(const QString &reason, int timeoutMs)
{
    if (!isRunning())
        return;
    m_runs->beginShutdown(reason);
    for (auto *worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(worker, &SyncWorker::shutdown, Qt::QueuedConnection);
    QDeadlineTimer deadline(timeoutMs);
    for (qsizetype i = 0; i < m_threads.size(); ++i) {
        QThread *thread = m_threads.at(i);
        if (!thread->wait(deadline)) {
            // A provider call that ignores cancellation: its run is already CANCELLED and every
            // committed page is safe, so leave the thread to the process exit rather than block.
            qCWarning(lcEngine) << "sync worker" << thread->objectName() << "did not stop in time";
            continue;
        }
        delete thread;
    }
    m_threads.clear();
    m_workers.clear();
    qCInfo(lcEngine) << "sync worker pool stopped:" << reason;
}

} // namespace Opbox
