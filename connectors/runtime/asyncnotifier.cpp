// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/asyncnotifier.h"

#include <QMetaObject>

namespace Opbox {

AsyncNotifier::AsyncNotifier()
    : m_context(std::make_unique<QObject>())
{
}

AsyncNotifier::~AsyncNotifier() = default;

void AsyncNotifier::notifyAll()
{
    if (m_waiters.isEmpty())
        return;
    // Taken first: a resumed waiter that waits again belongs to the next notification.
    const QList<std::coroutine_handle<>> waiters = std::exchange(m_waiters, {});
    for (const std::coroutine_handle<> waiter : waiters)
        QMetaObject::invokeMethod(
            m_context.get(), [waiter] { waiter.resume(); }, Qt::QueuedConnection);
}

} // namespace Opbox
