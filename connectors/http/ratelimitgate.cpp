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

qint64 RateLimitGate::reserve(int minIntervalMs)
{
    QMutexLocker lock(&m_mutex);
    const Clock::time_point now = m_now();
    Clock::time_point start = std::max(now, m_pausedUntil);
    if (minIntervalMs > 0) {
        start = std::max(start, m_nextSlot);
        m_nextSlot = start + std::chrono::milliseconds(minIntervalMs);
    }
    return msUntil(start, now);
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
