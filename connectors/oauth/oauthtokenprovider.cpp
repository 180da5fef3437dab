// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/oauth/oauthtokenprovider.h"

#include "connectors/connectorslogging.h"
#include "connectors/oauth/oauthtokenclient.h"

#include <QCoroTimer>
#include <chrono>

using namespace Qt::StringLiterals;

namespace Opbox {

OAuthTokenProvider::OAuthTokenProvider(std::shared_ptr<const OAuthProfile> profile, QJsonObject credentials, QJsonObject config,
                                       QNetworkAccessManager *network, CredentialsUpdater updater)
    : m_profile(std::move(profile))
    , m_credentials(std::move(credentials))
    , m_config(std::move(config))
    , m_network(network)
    , m_updater(std::move(updater))
{
}

QString OAuthTokenProvider::accessToken() const
{
    return m_credentials.value(OAuthTokenClient::AccessToken).toString();
}

bool OAuthTokenProvider::needsRefresh() const
{
    if (accessToken().isEmpty())
        return true;
    const auto expires = OAuthTokenClient::expiresAt(m_credentials);
    // An unknown expiry is trusted until the provider says 401.
    return expires && QDateTime::currentDateTimeUtc().addSecs(m_profile->refreshMarginSeconds) >= *expires;
}

QStringList OAuthTokenProvider::secrets() const
{
    return {accessToken(), m_credentials.value(OAuthTokenClient::RefreshToken).toString(),
            m_credentials.value(OAuthTokenClient::ClientSecret).toString()};
}

QCoro::Task<Result<void>> OAuthTokenProvider::refresh(QString staleToken)
{
    // One refresh at a time: with rotating refresh tokens a second one would spend a used token.
    while (m_refreshing)
        co_await QCoro::sleepFor(std::chrono::milliseconds(20));
    if (accessToken() != staleToken && !needsRefresh())
        co_return Result<void>(); // a request that waited gets the token another one fetched
    if (accessToken() != staleToken && !m_lastRefresh)
        co_return m_lastRefresh;
    m_refreshing = true;
    m_lastRefresh = co_await doRefresh();
    m_refreshing = false;
    co_return m_lastRefresh;
}

QCoro::Task<Result<void>> OAuthTokenProvider::doRefresh()
{
    const QString provider = m_profile->provider;
    const QString refreshToken = m_credentials.value(OAuthTokenClient::RefreshToken).toString();
    if (refreshToken.isEmpty()) {
        co_return Error::configuration(tr("%1: authorize first (this connection has no OAuth tokens yet)").arg(provider));
    }
    OAuthTokenClient client(m_profile, m_config, m_network);
    const QString clientId = m_credentials.value(OAuthTokenClient::ClientId).toString();
    const QString clientSecret = m_credentials.value(OAuthTokenClient::ClientSecret).toString();
    // Own statement: GCC 12 double-destroys by-value arguments of a coroutine called inside co_await.
    auto refreshing = client.refresh(clientId, clientSecret, refreshToken);
    const Result<OAuthTokens> result = co_await refreshing;
    if (!result) {
        if (result.error().kind != Error::Kind::Configuration)
            co_return result.error();
        qCWarning(lcConnectors) << provider << "refused to refresh the access token; the connection must be re-authorized";
        Error refused = result.error();
        refused.message = tr("%1; re-authorize the connection").arg(refused.message);
        co_return refused;
    }
    const QJsonObject updated = OAuthTokenClient::withTokens(m_credentials, *result);
    // Stored first: a rotated refresh token that is used but not kept would lock the connection out.
    if (m_updater && !m_updater(updated)) {
        qCWarning(lcConnectors) << provider << "refreshed tokens could not be stored; stopping before using them";
        co_return Error::unavailable(tr("%1: the refreshed OAuth tokens could not be stored, so the read stopped "
                                        "before using them")
                                         .arg(provider));
    }
    m_credentials = updated;
    qCInfo(lcConnectors) << provider << "access token refreshed"
                         << (result->refreshToken.isEmpty() ? "" : "(refresh token rotated and stored)");
    co_return Result<void>();
}

} // namespace Opbox
