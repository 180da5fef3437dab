// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMutex>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace Opbox {

/**
 * One provider account's request budget, shared by every HTTP client in the process that uses the
 * same account: concurrent runs, variants (which copy their source's credentials) and connection
 * checks. A "come back in N seconds" from the provider then holds all of them back, and a request
 * spacing (HubSpot's search endpoint) applies to the account, not to each run on its own.
 *
 * A rate the provider documents (HubSpot's 100 requests per 10 s) is kept as a sliding window of
 * slots: a request takes the slot that came free first, and a slot comes free one window after
 * its request was answered. The provider counts a request when it arrives, which is before the
 * answer, so no window of the provider's ever sees more requests than the rate allows, however
 * many requests are in flight, queued in the network stack or delayed on the way.
 */
class RateLimitGate
{
public:
    using Clock = std::chrono::steady_clock;
    /** How often a request looks again for a place when every place of the declared rate is in flight. */
    static constexpr qint64 WaitingPollMs = 25;
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

    /** One request's place in the declared rate: held while the request is sent and answered. */
    class Slot
    {
    public:
        Slot() = default;
        Slot(Slot &&other) noexcept;
        Slot &operator=(Slot &&other) noexcept;
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;
        /** The answer came (or the request was given up): the slot comes free one window from now. */
        ~Slot();
        /** How long the request must wait before it is sent, in ms. */
        [[nodiscard]] qint64 waitMs() const { return m_waitMs; }

    private:
        friend class RateLimitGate;
        RateLimitGate *m_gate = nullptr;
        size_t m_index = 0;
        quint64 m_generation = 0;
        qint64 m_waitMs = 0;
        Clock::time_point m_start{};
        bool m_waiting = false; // every place of the window was in flight: none is taken yet
        int m_minIntervalMs = 0;
        bool m_counted = false; // let go: counted among the requests in flight
    };

    /**
     * The provider's documented rate: at most `requests` per `windowMs`. The strictest declaration
     * of the account's clients applies; 0 requests declares nothing.
     */
    void declareRate(int requests, qint64 windowMs);
    /**
     * Takes the next request's place: its wait covers a pause, the spacing of `minIntervalMs` > 0
     * (concurrent callers queue behind each other instead of all going at once when the interval
     * ends) and the declared rate. Keep the slot until the answer is read.
     */
    [[nodiscard]] Slot take(int minIntervalMs);
    /**
     * What is left of `slot`'s wait, in ms, after the caller waited what it was told: a pause
     * that came meanwhile, or, when every place of the window was in flight, the place it can have
     * now (or a short poll until an answer frees one).
     */
    [[nodiscard]] qint64 remainingMs(Slot &slot);
    /** take() for a caller that keeps no slot (no declared rate applies to it). */
    [[nodiscard]] qint64 reserve(int minIntervalMs);
    /**
     * An answer said `remaining` requests are left until its reset in `resetInMs`: the requests
     * let go after it (and those still in flight) spend that, so a burst of concurrent readers
     * does not run into the 429s the provider announced.
     */
    void noteRemaining(qint64 remaining, qint64 resetInMs);
    /** What is left of a pause the provider asked for, in ms (0: none). */
    [[nodiscard]] qint64 pausedForMs() const;
    /** The provider refuses requests for `ms` (Retry-After, or an exhausted quota until its reset). */
    void pauseFor(qint64 ms);

private:
    /** One place in the declared rate's window. */
    struct WindowSlot
    {
        Clock::time_point freeAt{};
        bool inFlight = false;
        quint64 generation = 0;
    };
    void settle(size_t index, quint64 generation, bool counted);
    /** Counts a request that was let go; it waits for the reset when the provider's budget is spent. */
    void count(Slot &slot, Clock::time_point now);
    /** Gives `slot` the window's place that comes free first, unless all are in flight; under the lock. */
    bool place(Slot &slot, Clock::time_point now);

    Now m_now;
    mutable QMutex m_mutex;
    Clock::time_point m_pausedUntil{};
    Clock::time_point m_nextSlot{};
    std::vector<WindowSlot> m_window; // the declared rate's requests; empty when none is declared
    Clock::duration m_windowLength{};
    int m_inFlight = 0; // requests let go whose answer has not been read
    qint64 m_budget = 0; // what the provider said is left, minus what was let go since
    Clock::time_point m_budgetUntil{}; // the provider's reset of that budget
};

} // namespace Opbox
