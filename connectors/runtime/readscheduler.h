// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/asyncnotifier.h"

#include <QCoroTask>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace Opbox {

class CancelToken;

/**
 * The read slots of one run (`config.maxConcurrency`): how many streams, and partitions of a
 * parent stream (one request chain per parent record), are read at once. A slot that comes free
 * goes to the waiting reader that holds the fewest slots (the earliest among equals), so a stream
 * with thousands of partitions never keeps a small stream waiting, and streams with partitions share
 * what is left evenly. Everything happens on the run's thread.
 */
class ReadScheduler
{
public:
    /** How a wait for a slot ended. */
    enum class Grant {
        Slot, // a slot was taken for the owner; give it back with release()
        Alternative, // the caller's own alternative became available first; no slot was taken
        Cancelled, // the run was stopped; no slot was taken
    };

    /** `capacity` is clamped to 1–16; `cancel` (may be null) ends every wait. */
    explicit ReadScheduler(int capacity, std::shared_ptr<CancelToken> cancel = {});

    /** config.maxConcurrency when it is an integer in range, else the default of 4. */
    [[nodiscard]] static int capacityFrom(const QJsonValue &configured);
    static constexpr int DefaultCapacity = 4;
    static constexpr int MaxCapacity = 16;

    [[nodiscard]] int capacity() const { return m_capacity; }
    [[nodiscard]] int inUse() const { return m_inUse; }
    [[nodiscard]] int held(const QString &owner) const { return m_held.value(owner); }

    /**
     * Waits for a slot for `owner`, fairly. `alternative` (may be empty) is asked each time anything
     * changes: when it answers true the wait ends without a slot (a reader that got its own slot back).
     */
    [[nodiscard]] QCoro::Task<Grant> acquire(QString owner, std::function<bool()> alternative = {});
    /** Gives back a slot taken by acquire(). */
    void release(const QString &owner);
    /** Wakes the waiters to look at their alternatives again. */
    void notify() { m_changed.notifyAll(); }
    /** Suspends until the next release() or notify(). */
    [[nodiscard]] AsyncNotifier::Awaiter changed() { return m_changed.wait(); }

private:
    struct Waiter
    {
        QString owner;
        quint64 ticket = 0;
    };
    [[nodiscard]] bool isFairest(const Waiter &waiter) const;
    [[nodiscard]] bool cancelled() const;

    int m_capacity;
    std::shared_ptr<CancelToken> m_cancel;
    int m_inUse = 0;
    QHash<QString, int> m_held;
    QList<Waiter> m_waiters;
    quint64 m_nextTicket = 0;
    AsyncNotifier m_changed;
};

} // namespace Opbox
