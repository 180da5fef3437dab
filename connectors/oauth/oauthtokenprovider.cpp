// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/oauth/oauthtokenprovider.h"

#include "connectors/connectorslogging.h"
#include "connectors/oauth/oauthtokenclient.h"

using namespace Qt::StringLiterals;

namespace Opbox {

OAuthTokenProvider::OAuthTokenProvider(std::shared_ptr<const OAuthProfile> profile, QJsonObject credentials, QJsonObject config,
                                       QNetworkAccessManager *network, CredentialsStore store)
    : m_profile(std::move(profile))
    , m_credentials(std::move(credentials))
    , m_config(std::move(config))
    , m_network(network)
    , m_store(std::move(store))
    , m_gate(OAuthRefreshGate::forAccount(OAuthRefreshGate::accountKey(
          m_profile->tokenUrl(m_config), m_credentials.value(OAuthTokenClient::ClientId).toString())))
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

bool OAuthTokenProvider::hasFresherThan(const QString &staleToken) const
{
    return accessToken() != staleToken && !needsRefresh();
}

bool OAuthTokenProvider::adoptStored()
{
    if (!m_store.load)
        return false;
    const Result<QJsonObject> stored = m_store.load();
    if (!stored) {
        qCWarning(lcConnectors) << m_profile->provider << "stored OAuth tokens could not be read; refreshing with the ones held";
        return false;
    }
    const QString storedRefresh = stored->value(OAuthTokenClient::RefreshToken).toString();
    const QString storedAccess = stored->value(OAuthTokenClient::AccessToken).toString();
    if (storedRefresh.isEmpty()
        || (storedRefresh == m_credentials.value(OAuthTokenClient::RefreshToken).toString() && storedAccess == accessToken()))
        return false;
    m_credentials = *stored;
    return true;
}

QCoro::Task<Result<void>> OAuthTokenProvider::refresh(QString staleToken)
{
    if (hasFresherThan(staleToken))
        co_return Result<void>(); // another request of this read refreshed meanwhile
    // One refresh of the account at a time: with rotating refresh tokens a second one would spend
    // a token the first had already replaced.
    auto acquiring = OAuthRefreshGate::acquire(m_gate);
    const OAuthRefreshGate::Hold hold = co_await acquiring;
    if (hasFresherThan(staleToken))
        co_return Result<void>();
    // The refresh this request waited for may have run elsewhere (another run, a check, a
    // variant): its tokens are stored, and taking them costs no request.
    if (adoptStored() && hasFresherThan(staleToken)) {
        qCInfo(lcConnectors) << m_profile->provider << "took the access token another refresh stored";
        co_return Result<void>();
    }
    const QString refreshToken = m_credentials.value(OAuthTokenClient::RefreshToken).toString();
    if (!refreshToken.isEmpty() && refreshToken == m_refusedToken)
        co_return m_refusal; // the provider refused this very token a moment ago
    auto refreshing = doRefresh();
    co_return co_await refreshing;
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
        // Another process may have spent the token first and stored its successor.
        if (adoptStored()) {
            qCInfo(lcConnectors) << provider << "refused a refresh token that another refresh had replaced; using the stored one";
            if (!needsRefresh())
                co_return Result<void>();
            auto again = doRefresh();
            co_return co_await again;
        }
        qCWarning(lcConnectors) << provider << "refused to refresh the access token; the connection must be re-authorized";
        Error refused = result.error();
        refused.message = tr("%1; re-authorize the connection").arg(refused.message);
        m_refusedToken = refreshToken;
        m_refusal = refused;
        co_return refused;
    }
    const QJsonObject updated = OAuthTokenClient::withTokens(m_credentials, *result);
    // Stored first: a rotated refresh token that is used but not kept would lock the connection out.
    if (m_store.replace) {
        const Result<QJsonObject> stored = m_store.replace(refreshToken, updated);
        if (!stored) {
            qCWarning(lcConnectors) << provider << "refreshed tokens could not be stored; stopping before using them";
            co_return Error::unavailable(tr("%1: the refreshed OAuth tokens could not be stored, so the read stopped "
                                            "before using them")
                                             .arg(provider));
        }
        if (stored->value(OAuthTokenClient::RefreshToken).toString() != updated.value(OAuthTokenClient::RefreshToken).toString())
            qCInfo(lcConnectors) << provider << "another refresh stored newer tokens first; using those";
        m_credentials = *stored;
    } else {
        m_credentials = updated;
    }
    qCInfo(lcConnectors) << provider << "access token refreshed"
                         << (result->refreshToken.isEmpty() ? "" : "(refresh token rotated and stored)");
    co_return Result<void>();
}

} // namespace Opbox
