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
    , m_generation(other.m_generation)
    , m_waitMs(other.m_waitMs)
{
}

RateLimitGate::Slot &RateLimitGate::Slot::operator=(Slot &&other) noexcept
{
    if (this != &other) {
        if (m_gate)
            m_gate->settle(m_index, m_generation);
        m_gate = std::exchange(other.m_gate, nullptr);
        m_index = other.m_index;
        m_generation = other.m_generation;
        m_waitMs = other.m_waitMs;
    }
    return *this;
}

RateLimitGate::Slot::~Slot()
{
    if (m_gate)
        m_gate->settle(m_index, m_generation);
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

RateLimitGate::Slot RateLimitGate::take(int minIntervalMs)
{
    QMutexLocker lock(&m_mutex);
    const Clock::time_point now = m_now();
    Clock::time_point start = std::max(now, m_pausedUntil);
    Slot slot;
    if (!m_window.empty()) {
        // The place that comes free first. One still in flight comes free a window after its
        // answer, which has not come: it is assumed to take a minute, and it is only chosen when
        // every place is in flight (a rate smaller than the requests sent at once).
        const auto freeAt = [this](const WindowSlot &w) { return w.inFlight ? w.freeAt + std::chrono::minutes(1) : w.freeAt; };
        size_t best = 0;
        for (size_t i = 1; i < m_window.size(); ++i) {
            if (freeAt(m_window[i]) < freeAt(m_window[best]))
                best = i;
        }
        WindowSlot &place = m_window[best];
        start = std::max(start, freeAt(place));
        place.inFlight = true;
        place.freeAt = start + m_windowLength;
        ++place.generation;
        slot.m_gate = this;
        slot.m_index = best;
        slot.m_generation = place.generation;
    }
    if (minIntervalMs > 0) {
        start = std::max(start, m_nextSlot);
        m_nextSlot = start + std::chrono::milliseconds(minIntervalMs);
    }
    slot.m_waitMs = msUntil(start, now);
    return slot;
}

void RateLimitGate::settle(size_t index, quint64 generation)
{
    QMutexLocker lock(&m_mutex);
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
