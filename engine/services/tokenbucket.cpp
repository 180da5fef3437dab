// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/tokenbucket.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace Opbox {

namespace {

// Beyond this many keys, the full buckets are forgotten: a full bucket carries no information, and
// callers with made-up keys must not grow the table without end.
constexpr qsizetype MaxBuckets = 10000;

} // namespace

TokenBucket::TokenBucket(int burst, int refillMs, Clock clock)
{
    setLimit(burst, refillMs, std::move(clock));
}

qint64 TokenBucket::steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void TokenBucket::setLimit(int burst, int refillMs, Clock clock)
{
    QMutexLocker lock(&m_mutex);
    m_burst = std::max(1, burst);
    m_refillMs = std::max(1, refillMs);
    m_clock = clock ? std::move(clock) : Clock(&TokenBucket::steadyMs);
    m_buckets.clear();
}

int TokenBucket::take(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock();
    if (m_buckets.size() > MaxBuckets) {
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (double(now - it->updatedMs) / m_refillMs + it->tokens >= m_burst)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_burst), now});
    it->tokens = std::min(double(m_burst), it->tokens + double(now - it->updatedMs) / m_refillMs);
    it->updatedMs = now;
    if (it->tokens >= 1.0) {
        it->tokens -= 1.0;
        return 0;
    }
    return std::max(1, int(std::ceil((1.0 - it->tokens) * m_refillMs / 1000.0)));
}

} // namespace Opbox
