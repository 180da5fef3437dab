// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <functional>

namespace Opbox {

/**
 * A request budget per key (a connection): `burst` requests at once, then one more every
 * `refillMs`. The clock is injectable, so that a test can move time instead of sleeping through it.
 * Thread-safe: the API serves requests on several threads.
 */
class TokenBucket
{
public:
    /** Milliseconds on a monotonic clock. */
    using Clock = std::function<qint64()>;

    /** An empty `clock` means the steady clock. */
    TokenBucket(int burst, int refillMs, Clock clock = {});

    /** Takes one request from `key`'s budget: 0 when it is allowed, else whole seconds (>= 1) until one is. */
    [[nodiscard]] int take(const QString &key);
    /** A new budget (and clock, when given); every key starts full again. */
    void setLimit(int burst, int refillMs, Clock clock = {});

    /** The steady clock in milliseconds. */
    [[nodiscard]] static qint64 steadyMs();

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };

    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    Clock m_clock;
    int m_burst = 1;
    int m_refillMs = 1;
};

} // namespace Opbox
