// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <coroutine>
#include <memory>

namespace Opbox {

/**
 * Lets coroutines of one thread wait for "something changed" (a read slot came free, a page was
 * committed): `co_await notifier.wait()` suspends until the next `notifyAll()`. Waiters resume
 * from the thread's event loop, never inside the caller of `notifyAll()`, so a notifying function
 * finishes before anyone it woke runs. Waiters check their own condition again after waking.
 */
class AsyncNotifier
{
public:
    /** What `wait()` returns: suspends the awaiting coroutine until the next notification. */
    class Awaiter
    {
    public:
        explicit Awaiter(AsyncNotifier *notifier)
            : m_notifier(notifier)
        {
        }
        [[nodiscard]] bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> waiter) { m_notifier->m_waiters.append(waiter); }
        void await_resume() const noexcept { }

    private:
        AsyncNotifier *m_notifier;
    };

    AsyncNotifier();
    ~AsyncNotifier();
    AsyncNotifier(const AsyncNotifier &) = delete;
    AsyncNotifier &operator=(const AsyncNotifier &) = delete;

    [[nodiscard]] Awaiter wait() { return Awaiter(this); }
    /** Resumes, from the event loop, every coroutine waiting now. */
    void notifyAll();
    [[nodiscard]] bool hasWaiters() const { return !m_waiters.isEmpty(); }

private:
    QList<std::coroutine_handle<>> m_waiters;
    std::unique_ptr<QObject> m_context; // lives on the creating thread: the resumptions run there
};

} // namespace Opbox
