// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/networkthread.h"

#include <QNetworkAccessManager>
#include <QThread>

namespace Opbox {

NetworkThread::NetworkThread(const QString &name)
    : m_thread(new QThread)
    , m_home(new QObject)
    , m_network(new QNetworkAccessManager(m_home))
{
    m_thread->setObjectName(name);
    m_home->moveToThread(m_thread); // with its child, the network manager
    m_thread->start();
}

NetworkThread::~NetworkThread()
{
    // The network manager's timers and sockets live on the thread: it goes there, with its owner.
    QObject *home = m_home;
    QMetaObject::invokeMethod(
        home, [home] { delete home; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void NetworkThread::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_home, std::move(job), Qt::QueuedConnection);
}

QNetworkAccessManager *NetworkThread::network() const
{
    return m_network;
}

} // namespace Opbox
