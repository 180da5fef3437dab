// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMutex>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>

namespace Opbox {

/**
 * One provider account's request budget, shared by every HTTP client in the process that uses the
 * same account: concurrent runs, variants (which copy their source's credentials) and connection
 * checks. A "come back in N seconds" from the provider then holds all of them back, and a request
 * spacing (HubSpot's search endpoint) applies to the account, not to each run on its own.
 */
class RateLimitGate
{
public:
    using Clock = std::chrono::steady_clock;
    /** Where the gate reads the time: the steady clock, or one a test moves by hand. */
    using Now = std::function<Clock::time_point()>;

    /** A gate on `now`; an empty `now` means the steady clock. */
    explicit RateLimitGate(Now now = {});

    /** The gate of one account; the same key always yields the same gate while anyone holds it. */
    [[nodiscard]] static std::shared_ptr<RateLimitGate> forAccount(const QByteArray &key);
    /**
     * Identifies the account behind a connection: the API origin plus a digest of the credentials
     * and the account-selecting config (tenant, account), leaving out OAuth tokens that rotate.
     */
    [[nodiscard]] static QByteArray accountKey(const QUrl &baseUrl, const QJsonObject &credentials, const QJsonObject &config);

    /**
     * How long the next request must wait, in ms. With `minIntervalMs` > 0 it also takes the
     * account's next slot, so that concurrent callers queue behind each other instead of all going
     * at once when the interval ends.
     */
    [[nodiscard]] qint64 reserve(int minIntervalMs);
    /** What is left of a pause the provider asked for, in ms (0: none). */
    [[nodiscard]] qint64 pausedForMs() const;
    /** The provider refuses requests for `ms` (Retry-After, or an exhausted quota until its reset). */
    void pauseFor(qint64 ms);

private:
    Now m_now;
    mutable QMutex m_mutex;
    Clock::time_point m_pausedUntil{};
    Clock::time_point m_nextSlot{};
};

} // namespace Opbox
