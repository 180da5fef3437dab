// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QMutexLocker>
#include <QString>
#include <QtGlobal>
#include <algorithm>
#include <atomic>
#include <deque>

namespace Opbox::Fakes {

/**
 * A provider fake that also enforces a request rate the way a provider counts it: at most
 * `maxRequests` arrivals in any `windowMs` (a sliding window, like HubSpot's ten-secondly rolling
 * limit). A request over the limit gets the provider's own 429 with Retry-After (whole seconds
 * until the oldest counted request leaves the window) and is not counted itself. Used to check
 * that concurrent readers stay within a declared rate, and by `opbox-bench latency`.
 */
template<class Fake> class RateWindowFake : public Fake
{
public:
    using typename Fake::Request;
    using typename Fake::Response;

    /** `maxRequests` 0: no limit. Call before the first request. */
    void setRateWindow(int maxRequests, qint64 windowMs)
    {
        m_maxRequests = maxRequests;
        m_windowMs = windowMs;
        m_clock.start();
    }
    /** Forgets the requests counted so far and the tallies (between two measured runs). */
    void restartWindow()
    {
        QMutexLocker lock(&this->mutex());
        m_arrivals.clear();
        m_refusals.store(0);
        m_served.store(0);
    }
    /** Requests refused with 429 because they were over the rate. */
    [[nodiscard]] int refusals() const { return m_refusals.load(); }
    /** Requests answered within the rate. */
    [[nodiscard]] int served() const { return m_served.load(); }

protected:
    // Runs on the fake's thread with its mutex held, like every handler of the fake.
    Response handle(const Request &request) override
    {
        if (m_maxRequests > 0) {
            const qint64 now = m_clock.elapsed();
            while (!m_arrivals.empty() && m_arrivals.front() <= now - m_windowMs)
                m_arrivals.pop_front();
            if (qsizetype(m_arrivals.size()) >= m_maxRequests) {
                ++m_refusals;
                const qint64 waitMs = m_arrivals.front() + m_windowMs - now;
                return this->rateLimited(request, QString::number(std::max<qint64>(1, (waitMs + 999) / 1000)));
            }
            m_arrivals.push_back(now);
        }
        ++m_served;
        return Fake::handle(request);
    }

private:
    int m_maxRequests = 0;
    qint64 m_windowMs = 0;
    QElapsedTimer m_clock;
    std::deque<qint64> m_arrivals;
    std::atomic<int> m_refusals{0};
    std::atomic<int> m_served{0};
};

} // namespace Opbox::Fakes
