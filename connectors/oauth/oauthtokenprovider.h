// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/oauth/oauthprofile.h"
#include "connectors/oauth/oauthrefreshgate.h"
#include "connectors/runtime/connector.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>
#include <QJsonObject>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Opbox {

/**
 * The access token of an OAuth connection during a read: hands out the current token,
 * refreshes it shortly before it expires and when the provider answers 401, and stores the answer
 * — with the rotated refresh token (Xero rotates on every refresh) — in the connection's
 * `CredentialsStore` before the new access token is used, so a crash right after a refresh
 * cannot lose the only valid refresh token. Refreshes of one account are single-flight across the
 * process (`OAuthRefreshGate`): a request that waited adopts the tokens the other refresh stored.
 * The store swaps tokens only while they are still the ones the refresh started from, so a stale
 * refresh never overwrites a newer refresh token; it answers with the newer ones instead. A refresh
 * the provider refuses (`invalid_grant`) is a Config error that asks the user to re-authorize,
 * unless the store meanwhile holds a newer refresh token (another process refreshed first).
 * Lives on the thread of the connector that owns it.
 */
class OAuthTokenProvider
{
    Q_DECLARE_TR_FUNCTIONS(OAuthTokenProvider)
public:
    OAuthTokenProvider(std::shared_ptr<const OAuthProfile> profile, QJsonObject credentials, QJsonObject config,
                       QNetworkAccessManager *network, CredentialsStore store);

    [[nodiscard]] QString accessToken() const;
    /** No access token yet, or it expires within the profile's refresh margin. */
    [[nodiscard]] bool needsRefresh() const;
    /**
     * Gets a new access token unless one newer than `staleToken` already exists (another request
     * refreshed meanwhile); the error when no usable token could be had.
     */
    [[nodiscard]] QCoro::Task<Result<void>> refresh(QString staleToken);
    /** The token values held now (for scrubbing messages). */
    [[nodiscard]] QStringList secrets() const;
    [[nodiscard]] const QJsonObject &credentials() const { return m_credentials; }

private:
    [[nodiscard]] QCoro::Task<Result<void>> doRefresh();
    /** Takes the stored tokens when another refresh replaced ours; true when it did. */
    bool adoptStored();
    [[nodiscard]] bool hasFresherThan(const QString &staleToken) const;

    std::shared_ptr<const OAuthProfile> m_profile;
    QJsonObject m_credentials;
    QJsonObject m_config;
    QNetworkAccessManager *m_network;
    CredentialsStore m_store;
    std::shared_ptr<OAuthRefreshGate> m_gate;
    QString m_refusedToken; // the refresh token the provider last refused,
    Error m_refusal; // and why: requests that waited for that refresh share its answer
};

} // namespace Opbox
