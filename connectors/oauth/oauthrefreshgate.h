// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoroTask>
#include <QFuture>
#include <QMutex>
#include <QPromise>
#include <QString>
#include <QUrl>
#include <memory>

namespace Opbox {

/**
 * Lets one token refresh at a time run for a provider account, across every thread of the
 * process: the runs on the sync workers, checks and discoveries on the connector thread, the
 * variants that share a refresh token. Whoever needs a fresh token waits here, then first looks
 * whether the refresh it waited for already stored one; with rotating refresh tokens a second
 * refresh would spend a token the first one had already replaced.
 */
class OAuthRefreshGate
{
public:
    /** Holds the gate until it is destroyed. */
    class Hold
    {
    public:
        Hold() = default;
        explicit Hold(std::shared_ptr<OAuthRefreshGate> gate)
            : m_gate(std::move(gate))
        {
        }
        Hold(Hold &&other) noexcept = default;
        Hold &operator=(Hold &&other) noexcept;
        Hold(const Hold &) = delete;
        Hold &operator=(const Hold &) = delete;
        ~Hold();

    private:
        std::shared_ptr<OAuthRefreshGate> m_gate;
    };

    /** The gate of one account; the same key yields the same gate while anyone holds it. */
    [[nodiscard]] static std::shared_ptr<OAuthRefreshGate> forAccount(const QByteArray &key);
    /**
     * Identifies the account whose refreshes must not overlap: the token endpoint and the client.
     * Connections of one client that were authorized apart share it too; they only wait for each
     * other's refreshes, which are rare.
     */
    [[nodiscard]] static QByteArray accountKey(const QUrl &tokenUrl, const QString &clientId);

    /** Waits, without blocking the thread, until no other refresh of the account runs; then holds the gate. */
    [[nodiscard]] static QCoro::Task<Hold> acquire(std::shared_ptr<OAuthRefreshGate> gate);

private:
    void release();

    QMutex m_mutex;
    bool m_busy = false;
    std::shared_ptr<QPromise<void>> m_released; // finished when the current holder lets go
};

} // namespace Opbox
