// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/http/ratelimitgate.h"

#include "connectors/oauth/oauthtokenclient.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

qint64 msUntil(RateLimitGate::Clock::time_point when, RateLimitGate::Clock::time_point now)
{
    if (when <= now)
        return 0;
    // Rounded up: a caller that sleeps the answer must not wake a fraction too early.
    return std::chrono::ceil<std::chrono::milliseconds>(when - now).count();
}

} // namespace

RateLimitGate::RateLimitGate(Now now)
    : m_now(now ? std::move(now) : Now(&Clock::now))
{
}

std::shared_ptr<RateLimitGate> RateLimitGate::forAccount(const QByteArray &key)
{
    static QMutex registryMutex;
    static QHash<QByteArray, std::weak_ptr<RateLimitGate>> registry;
    QMutexLocker lock(&registryMutex);
    if (auto existing = registry.value(key).lock())
        return existing;
    // Gates nobody holds any more go when a new one is made: the registry stays as small as the
    // number of accounts in use.
    for (auto it = registry.begin(); it != registry.end();) {
        if (it.value().expired())
            it = registry.erase(it);
        else
            ++it;
    }
    auto gate = std::make_shared<RateLimitGate>();
    registry.insert(key, gate);
    return gate;
}

QByteArray RateLimitGate::accountKey(const QUrl &baseUrl, const QJsonObject &credentials, const QJsonObject &config)
{
    QJsonObject identity = credentials;
    // A refresh rotates these; the account stays the same.
    for (const QLatin1StringView token :
         {OAuthTokenClient::AccessToken, OAuthTokenClient::RefreshToken, OAuthTokenClient::ExpiresAt})
        identity.remove(token);
    for (const QString &selector : {u"tenantId"_s, u"accountId"_s}) {
        if (config.contains(selector))
            identity.insert(u"config."_s + selector, config.value(selector));
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(baseUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
                     .toString(QUrl::FullyEncoded)
                     .toUtf8());
    hash.addData(QByteArrayView("\n"));
    // QJsonObject keeps its keys sorted, so equal credentials give equal bytes. Only the digest is
    // kept: the key never holds a credential.
    hash.addData(QJsonDocument(identity).toJson(QJsonDocument::Compact));
    return hash.result();
}

RateLimitGate::Slot::Slot(Slot &&other) noexcept
    : m_gate(std::exchange(other.m_gate, nullptr))
    , m_index(other.m_index)
    , m_generation(std::exchange(other.m_generation, 0))
    , m_waitMs(other.m_waitMs)
    , m_start(other.m_start)
    , m_waiting(other.m_waiting)
    , m_minIntervalMs(other.m_minIntervalMs)
    , m_counted(std::exchange(other.m_counted, false))
{
}

RateLimitGate::Slot &RateLimitGate::Slot::operator=(Slot &&other) noexcept
{
    if (this != &other) {
        if (m_gate)
            m_gate->settle(m_index, m_generation, m_counted);
        m_gate = std::exchange(other.m_gate, nullptr);
        m_index = other.m_index;
        m_generation = std::exchange(other.m_generation, 0);
        m_waitMs = other.m_waitMs;
        m_start = other.m_start;
        m_waiting = other.m_waiting;
        m_minIntervalMs = other.m_minIntervalMs;
        m_counted = std::exchange(other.m_counted, false);
    }
    return *this;
}

RateLimitGate::Slot::~Slot()
{
    if (m_gate)
        m_gate->settle(m_index, m_generation, m_counted);
}

void RateLimitGate::declareRate(int requests, qint64 windowMs)
{
    if (requests <= 0 || windowMs <= 0)
        return;
    QMutexLocker lock(&m_mutex);
    const Clock::duration length = std::chrono::milliseconds(windowMs);
    if (!m_window.empty()) {
        // Stricter means fewer requests per unit of time: requests/length below the current one.
        const auto current = double(m_window.size()) / double(m_windowLength.count());
        const auto declared = double(requests) / double(length.count());
        if (declared >= current)
            return;
    }
    m_window.resize(size_t(requests));
    m_windowLength = length;
}

bool RateLimitGate::place(Slot &slot, Clock::time_point now)
{
    // The place that comes free first. One in flight comes free a window after its answer, which
    // has not come yet: while every place is in flight the request waits for an answer.
    size_t best = m_window.size();
    for (size_t i = 0; i < m_window.size(); ++i) {
        if (!m_window[i].inFlight && (best == m_window.size() || m_window[i].freeAt < m_window[best].freeAt))
            best = i;
    }
    if (best == m_window.size())
        return false;
    Clock::time_point start = std::max({now, m_pausedUntil, m_window[best].freeAt});
    if (slot.m_minIntervalMs > 0) {
        start = std::max(start, m_nextSlot);
        m_nextSlot = start + std::chrono::milliseconds(slot.m_minIntervalMs);
    }
    WindowSlot &chosen = m_window[best];
    chosen.inFlight = true;
    chosen.freeAt = start + m_windowLength;
    ++chosen.generation;
    slot.m_gate = this;
    slot.m_index = best;
    slot.m_generation = chosen.generation;
    slot.m_start = start;
    slot.m_waiting = false;
    count(slot, now);
    return true;
}

void RateLimitGate::count(Slot &slot, Clock::time_point now)
{
    // The provider's own count of what is left until its reset: spent by every request let go,
    // those still in flight included, and when it is gone the next ones wait for the reset.
    if (now < m_budgetUntil && slot.m_start < m_budgetUntil) {
        if (m_budget > 0)
            --m_budget;
        else
            slot.m_start = m_budgetUntil;
    }
    slot.m_gate = this;
    slot.m_counted = true;
    ++m_inFlight;
}

void RateLimitGate::noteRemaining(qint64 remaining, qint64 resetInMs)
{
    if (resetInMs <= 0 || remaining < 0)
        return;
    QMutexLocker lock(&m_mutex);
    // The answer that says so is still counted in flight, though the provider has counted it.
    const qint64 budget = remaining - std::max(0, m_inFlight - 1);
    const Clock::time_point until = m_now() + std::chrono::milliseconds(resetInMs);
    // Answers of requests read at once arrive in any order: within one provider window an older
    // answer announces more than is left, so the budget only ever shrinks until the window ends;
    // an answer of a window that has already ended says nothing about the current one.
    constexpr auto sameWindow = std::chrono::milliseconds(500);
    if (until + sameWindow < m_budgetUntil)
        return;
    if (until <= m_budgetUntil + sameWindow && m_now() < m_budgetUntil) {
        m_budget = std::min(m_budget, budget);
        return;
    }
    m_budget = budget;
    m_budgetUntil = until;
}

RateLimitGate::Slot RateLimitGate::take(int minIntervalMs)
{
    QMutexLocker lock(&m_mutex);
    const Clock::time_point now = m_now();
    Slot slot;
    slot.m_minIntervalMs = minIntervalMs;
    if (!m_window.empty()) {
        if (!place(slot, now)) {
            slot.m_gate = this;
            slot.m_waiting = true;
            slot.m_waitMs = WaitingPollMs;
            return slot;
        }
        slot.m_waitMs = msUntil(slot.m_start, now);
        return slot;
    }
    Clock::time_point start = std::max(now, m_pausedUntil);
    if (minIntervalMs > 0) {
        start = std::max(start, m_nextSlot);
        m_nextSlot = start + std::chrono::milliseconds(minIntervalMs);
    }
    slot.m_start = start;
    count(slot, now);
    slot.m_waitMs = msUntil(slot.m_start, now);
    return slot;
}

qint64 RateLimitGate::remainingMs(Slot &slot)
{
    QMutexLocker lock(&m_mutex);
    const Clock::time_point now = m_now();
    if (slot.m_waiting && !place(slot, now))
        return WaitingPollMs;
    return std::max(msUntil(m_pausedUntil, now), msUntil(slot.m_start, now));
}

void RateLimitGate::settle(size_t index, quint64 generation, bool counted)
{
    QMutexLocker lock(&m_mutex);
    if (counted)
        --m_inFlight;
    if (generation == 0)
        return; // a slot that never got a place
    if (index >= m_window.size() || m_window[index].generation != generation || !m_window[index].inFlight)
        return;
    // A window from the answer, and never earlier than a window from when the request was let go.
    m_window[index].inFlight = false;
    m_window[index].freeAt = std::max(m_window[index].freeAt, m_now() + m_windowLength);
}

qint64 RateLimitGate::reserve(int minIntervalMs)
{
    return take(minIntervalMs).waitMs();
}

qint64 RateLimitGate::pausedForMs() const
{
    QMutexLocker lock(&m_mutex);
    return msUntil(m_pausedUntil, m_now());
}

void RateLimitGate::pauseFor(qint64 ms)
{
    if (ms <= 0)
        return;
    QMutexLocker lock(&m_mutex);
    m_pausedUntil = std::max(m_pausedUntil, m_now() + std::chrono::milliseconds(ms));
}

} // namespace Opbox
