// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sync/syncworker.h"
#include "engine/enginelogging.h"
#include "engine/services/runservice.h"
#include "engine/sync/syncjob.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

namespace Opbox {

SyncWorker::SyncWorker(RunService *runs, QObject *parent)
    : QObject(parent)
    , m_runs(runs)
{
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::initialise()
{
    m_network = new QNetworkAccessManager(this);
    m_writer = new QThreadPool(this);
    m_writer->setMaxThreadCount(1);
    m_writer->setExpiryTimeout(-1); // keep the thread, and with it its SQLite connections
    // Runs are announced by RunService::runQueued; the timer only catches runs enqueued by another
    // process on the same data directory, or a wake-up lost while this worker was busy.
    m_timer = new QTimer(this);
    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, &SyncWorker::poll);
    m_timer->start();
    poll();
}

void SyncWorker::poll()
{
    if (m_busy.load() || m_stopping || m_runs->isShuttingDown())
        return;
    auto run = m_runs->store()->claimNext();
    if (!run)
        return;
    m_busy.store(true);
    Q_EMIT runStarted(run->id);
    // The task runs on this thread's event loop; dropping the handle detaches it (QCoro 0.8).
    [[maybe_unused]] auto task = execute(std::move(*run));
}

QCoro::Task<void> SyncWorker::execute(RunRecord run)
{
    QPointer<SyncWorker> self(this);
    const QString id = run.id;
    {
        SyncJob job(m_runs, std::move(run), m_network, m_writer);
        co_await job.execute();
    }
    if (!self)
        co_return;
    m_busy.store(false);
    Q_EMIT runEnded(id);
    if (m_stopping) {
        QThread::currentThread()->quit();
        co_return;
    }
    // Look for the next run at once rather than waiting for the timer.
    QTimer::singleShot(0, this, &SyncWorker::poll);
}

void SyncWorker::shutdown()
{
    m_stopping = true;
    if (m_timer)
        m_timer->stop();
    if (!m_busy.load())
        QThread::currentThread()->quit();
}

} // namespace Opbox
