// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/readscheduler.h"

#include "connectors/runtime/connector.h"

#include <QJsonValue>
#include <algorithm>

namespace Opbox {

ReadScheduler::ReadScheduler(int capacity, std::shared_ptr<CancelToken> cancel)
    : m_capacity(std::clamp(capacity, 1, MaxCapacity))
    , m_cancel(std::move(cancel))
{
}

int ReadScheduler::capacityFrom(const QJsonValue &configured)
{
    // The connection validator refuses anything else; a stored value from before is read leniently.
    if (configured.isDouble()) {
        const double v = configured.toDouble();
        if (v >= 1 && v <= MaxCapacity && v == double(int(v)))
            return int(v);
    }
    return DefaultCapacity;
}

bool ReadScheduler::cancelled() const
{
    return m_cancel && m_cancel->isCancelled();
}

bool ReadScheduler::isFairest(const Waiter &waiter) const
{
    const int mine = m_held.value(waiter.owner);
    for (const Waiter &other : m_waiters) {
        if (other.ticket == waiter.ticket)
            continue;
        const int theirs = m_held.value(other.owner);
        if (theirs < mine || (theirs == mine && other.ticket < waiter.ticket))
            return false;
    }
    return true;
}

QCoro::Task<ReadScheduler::Grant> ReadScheduler::acquire(QString owner, std::function<bool()> alternative)
{
    const Waiter me{owner, m_nextTicket++};
    m_waiters.append(me);
    const auto leave = [this, &me] {
        m_waiters.removeIf([&me](const Waiter &w) { return w.ticket == me.ticket; });
        // Someone less fair than this waiter may now be the fairest.
        m_changed.notifyAll();
    };
    for (;;) {
        if (cancelled()) {
            leave();
            co_return Grant::Cancelled;
        }
        if (alternative && alternative()) {
            leave();
            co_return Grant::Alternative;
        }
        if (m_inUse < m_capacity && isFairest(me)) {
            ++m_inUse;
            ++m_held[owner];
            m_waiters.removeIf([&me](const Waiter &w) { return w.ticket == me.ticket; });
            if (m_inUse < m_capacity)
                m_changed.notifyAll(); // a slot is still free: the next fairest may take it
            co_return Grant::Slot;
        }
        co_await m_changed.wait();
    }
}

void ReadScheduler::release(const QString &owner)
{
    auto it = m_held.find(owner);
    if (it == m_held.end() || *it <= 0)
        return;
    if (--*it == 0)
        m_held.erase(it);
    --m_inUse;
    m_changed.notifyAll();
}

} // namespace Opbox
