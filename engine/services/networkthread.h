// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <type_traits>

class QNetworkAccessManager;
class QThread;

namespace Opbox {

/**
 * A thread of its own with a network manager on it, for the services that wait on providers, so
 * that neither the GUI thread nor the API thread does. Jobs posted to it run there, one after
 * another; ending it deletes the network manager on its thread, and requests still in flight end
 * with it (their callers get no answer, which only happens at shutdown).
 */
class NetworkThread
{
public:
    explicit NetworkThread(const QString &name);
    ~NetworkThread();
    NetworkThread(const NetworkThread &) = delete;
    NetworkThread &operator=(const NetworkThread &) = delete;

    /** Runs `job` on the thread. */
    void post(std::function<void()> job);
    /** The thread's network manager; only to be used on the thread (from a posted job). */
    [[nodiscard]] QNetworkAccessManager *network() const;

private:
    QThread *m_thread;
    QObject *m_home; // lives on m_thread and owns the network manager
    QNetworkAccessManager *m_network; // a child of m_home
};

/**
 * Hands a result from a service's thread to its caller: on `context`'s thread when the caller gave
 * one (and nothing when that object is gone by then), else directly on the calling thread.
 */
template<typename T>
void deliver(QPointer<QObject> context, bool hadContext, std::function<void(Result<T>)> done,
             std::type_identity_t<Result<T>> result)
{
    if (!hadContext) {
        done(std::move(result));
        return;
    }
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context.data(), [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

} // namespace Opbox
