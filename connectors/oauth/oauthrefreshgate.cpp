// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/oauth/oauthrefreshgate.h"

#include <QCoroFuture>
#include <QCryptographicHash>
#include <QHash>
#include <memory>

namespace Opbox {

OAuthRefreshGate::Hold &OAuthRefreshGate::Hold::operator=(Hold &&other) noexcept
{
    if (this != &other) {
        if (m_gate)
            m_gate->release();
        m_gate = std::move(other.m_gate);
    }
    return *this;
}

OAuthRefreshGate::Hold::~Hold()
{
    if (m_gate)
        m_gate->release();
}

std::shared_ptr<OAuthRefreshGate> OAuthRefreshGate::forAccount(const QByteArray &key)
{
    static QMutex registryMutex;
    static QHash<QByteArray, std::weak_ptr<OAuthRefreshGate>> registry;
    QMutexLocker lock(&registryMutex);
    if (auto existing = registry.value(key).lock())
        return existing;
    for (auto it = registry.begin(); it != registry.end();) {
        if (it->expired())
            it = registry.erase(it);
        else
            ++it;
    }
    auto gate = std::make_shared<OAuthRefreshGate>();
    registry.insert(key, gate);
    return gate;
}

QByteArray OAuthRefreshGate::accountKey(const QUrl &tokenUrl, const QString &clientId)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(tokenUrl.adjusted(QUrl::StripTrailingSlash).toString(QUrl::FullyEncoded).toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(clientId.toUtf8());
    return hash.result();
}

QCoro::Task<OAuthRefreshGate::Hold> OAuthRefreshGate::acquire(std::shared_ptr<OAuthRefreshGate> gate)
{
    for (;;) {
        QFuture<void> released;
        {
            QMutexLocker lock(&gate->m_mutex);
            if (!gate->m_busy) {
                gate->m_busy = true;
                gate->m_released = std::make_shared<QPromise<void>>();
                gate->m_released->start();
                co_return Hold(gate);
            }
            released = gate->m_released->future();
        }
        // Awaited on this thread's event loop; the holder may finish on another thread.
        co_await released;
    }
}

void OAuthRefreshGate::release()
{
    std::shared_ptr<QPromise<void>> released;
    {
        QMutexLocker lock(&m_mutex);
        m_busy = false;
        released = std::move(m_released);
    }
    if (released)
        released->finish();
}

} // namespace Opbox
