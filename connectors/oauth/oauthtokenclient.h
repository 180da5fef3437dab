// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/oauth/oauthprofile.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Opbox {

/** The tokens a provider's token endpoint issued. */
struct OAuthTokens
{
    QString accessToken;
    QString refreshToken; // empty when the provider did not send one (the old one stays valid)
    QDateTime expiresAt; // UTC
};

/*
 * A token request fails with an Error classified so that callers know whether a person must act:
 * Configuration when the code or refresh token is no longer valid (code OAUTH_INVALID_GRANT: the
 * user must authorize again) or the client id or secret is wrong (OAUTH_INVALID_CLIENT), Upstream
 * for any other refusal, Unavailable for network trouble, 429 or 5xx after the retries, Malformed
 * for an answer without an access token. The message names the provider and the problem, never a
 * token, code or secret.
 */

/**
 * Talks to a provider's token endpoint (RFC 6749 §4.1.3, §6; RFC 7636 §4.5): exchanges an
 * authorization code with its PKCE verifier, and refreshes an access token. The client
 * authenticates with HTTP Basic (client id and secret) as Xero and DocuSign expect from
 * confidential apps, or sends only its client id when it has no secret. Every secret it handles is
 * scrubbed from the messages it returns. Runs on the calling thread with the caller's network manager.
 */
class OAuthTokenClient
{
    Q_DECLARE_TR_FUNCTIONS(OAuthTokenClient)
public:
    // Credential field names of the stored tokens (beside client_id and client_secret).
    static constexpr QLatin1StringView AccessToken{"access_token"};
    static constexpr QLatin1StringView RefreshToken{"refresh_token"};
    static constexpr QLatin1StringView ExpiresAt{"expires_at"};
    static constexpr QLatin1StringView ClientId{"client_id"};
    static constexpr QLatin1StringView ClientSecret{"client_secret"};

    /** A token endpoint's answer is a few hundred bytes; a larger one than this is refused. */
    static constexpr qint64 MaxAnswerBytes = 1024 * 1024;
    /** The range an `expires_in` is clamped to. */
    static constexpr qint64 MinTokenLifetimeSeconds = 60;
    static constexpr qint64 MaxTokenLifetimeSeconds = 365 * 24 * 3600;

    OAuthTokenClient(std::shared_ptr<const OAuthProfile> profile, QJsonObject config, QNetworkAccessManager *network);

    /** Retries after network errors, 429 and 5xx (default 2), with a short backoff. */
    void setMaxRetries(int retries) { m_maxRetries = retries; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    [[nodiscard]] QCoro::Task<Result<OAuthTokens>> exchangeCode(QString clientId, QString clientSecret, QString code,
                                                                QString redirectUri, QString codeVerifier);
    [[nodiscard]] QCoro::Task<Result<OAuthTokens>> refresh(QString clientId, QString clientSecret, QString refreshToken);

    /** `credentials` with the new tokens stored; a refresh token the answer lacks keeps the old one. */
    [[nodiscard]] static QJsonObject withTokens(QJsonObject credentials, const OAuthTokens &tokens);
    /** When the stored access token expires, if known. */
    [[nodiscard]] static std::optional<QDateTime> expiresAt(const QJsonObject &credentials);

private:
    [[nodiscard]] QCoro::Task<Result<OAuthTokens>> post(QList<QPair<QString, QString>> form, QString clientId,
                                                        QString clientSecret, QString what, QStringList secrets);
    [[nodiscard]] Result<OAuthTokens> interpret(int status, const QByteArray &body, const QString &what,
                                                const QStringList &secrets) const;

    std::shared_ptr<const OAuthProfile> m_profile;
    QJsonObject m_config;
    QNetworkAccessManager *m_network;
    int m_maxRetries = 2;
    int m_timeoutMs = 30000;
};

} // namespace Opbox
