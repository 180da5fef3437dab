// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

#include <QHash>
#include <QMutex>
#include <QStringList>
#include <atomic>
#include <functional>

namespace Opbox::Fakes {

/**
 * A provider's OAuth 2.0 authorization server (RFC 6749, RFC 7636) on its own host, as the Xero
 * and DocuSign fakes need it: an authorize endpoint that plays the consenting user and redirects
 * back with a code (or `error=access_denied`), a token endpoint that checks the client, the
 * redirect URI and the PKCE S256 verifier and refreshes tokens (rotating them, with an optional
 * reuse grace for a lost answer, as Xero does), and optionally a userinfo endpoint. Its API-host
 * sibling asks `isValidAccessToken` for every request. Every public method is thread-safe.
 */
class OAuthFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    struct Paths
    {
        QString authorize; // /identity/connect/authorize
        QString token; // /connect/token
        QString userInfo; // empty: none
    };
    /** Answers userinfo for a valid token (DocuSign's account list). */
    using UserInfo = std::function<QJsonObject()>;

    OAuthFakeServer(QString connectorType, QString serviceName, Paths paths, QObject *parent = nullptr);
    ~OAuthFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return m_type; }
    [[nodiscard]] QString serviceName() const override { return m_service; }
    /** The registered client: {client_id, client_secret}. */
    [[nodiscard]] QJsonObject credentials() const override;
    [[nodiscard]] QJsonObject connectorConfig() const override;

    void setClient(const QString &clientId, const QString &clientSecret);
    /** Scopes the authorize request must ask for (others are allowed). */
    void setRequiredScopes(const QStringList &scopes);
    void setUserInfo(UserInfo userInfo);

    // Token policy.
    void setAccessTokenLifetime(int seconds);
    void setRotateRefreshTokens(bool rotate);
    /** How long a rotated refresh token still works (Xero: 30 minutes); 0: not at all. */
    void setRefreshReuseGrace(int seconds);
    /** Whether the simulated user grants access at the authorize endpoint (default true). */
    void setConsent(bool grant);

    // What tests do to tokens.
    /** Every access token issued so far is expired from now on. */
    void expireAccessTokens();
    /** Every refresh token issued so far is revoked (refresh answers invalid_grant). */
    void revokeRefreshTokens();

    // What tests inspect.
    [[nodiscard]] bool isValidAccessToken(const QString &token) const;
    /** The newest refresh token (the one a client must hold after the last refresh). */
    [[nodiscard]] QString currentRefreshToken() const;
    [[nodiscard]] QStringList issuedAccessTokens() const;
    [[nodiscard]] QStringList issuedRefreshTokens() const;
    [[nodiscard]] QStringList issuedCodes() const;
    /** Successful token requests of a grant type (authorization_code, refresh_token). */
    [[nodiscard]] int tokenGrants(const QString &grantType) const;
    /** Token requests of a grant type answered invalid_grant (a revoked, unknown or superseded refresh token). */
    [[nodiscard]] int refusedGrants(const QString &grantType) const;

protected:
    [[nodiscard]] bool isAuthorized(const Request &request) const override;
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;

private:
    struct Code
    {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString scope;
        QDateTime expiresAt;
        bool used = false;
    };
    struct RefreshToken
    {
        QString scope;
        QDateTime rotatedAt; // invalid while current
        bool revoked = false;
    };

    [[nodiscard]] Response authorize(const Request &request);
    [[nodiscard]] Response token(const Request &request);
    [[nodiscard]] Response userInfo(const Request &request) const;
    [[nodiscard]] Response issueTokens(const QString &scope);
    [[nodiscard]] static Response oauthError(int status, const QString &error, const QString &description);
    [[nodiscard]] static Response redirect(const QString &redirectUri, const QList<QPair<QString, QString>> &params);
    [[nodiscard]] static QString randomToken(const QString &prefix);

    const QString m_type;
    const QString m_service;
    const Paths m_paths;
    mutable QMutex m_lock; // guards everything below (API-host threads ask for token validity)
    QString m_clientId = QStringLiteral("opbox-fake-client");
    QString m_clientSecret = QStringLiteral("opbox-fake-client-secret");
    QStringList m_requiredScopes;
    UserInfo m_userInfo;
    int m_accessLifetime = 1800;
    bool m_rotate = true;
    int m_reuseGrace = 0;
    bool m_consent = true;
    QHash<QString, Code> m_codes;
    QHash<QString, QDateTime> m_accessTokens; // token -> expiry
    QHash<QString, RefreshToken> m_refreshTokens;
    QStringList m_accessOrder;
    QStringList m_refreshOrder;
    QStringList m_codeOrder;
    QHash<QString, int> m_grants;
    QHash<QString, int> m_refusals;
};

} // namespace Opbox::Fakes
