// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QPointer>
#include <utility>

namespace Opbox {

/**
 * Hands the outcome of work on a pool thread back to an object on the GUI thread. The call goes
 * through the application object, not the target, because the target may be destroyed on the GUI
 * thread meanwhile; the QPointer is checked there, where that cannot happen concurrently.
 */
class GuiThread
{
public:
    /** Calls `apply(target)` on the GUI thread soon, unless `target` is gone by then. */
    template<typename T, typename F> static void deliver(QPointer<T> target, F apply)
    {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [target, apply = std::move(apply)]() mutable {
                if (target)
                    apply(target.data());
            },
            Qt::QueuedConnection);
    }
};

} // namespace Opbox
