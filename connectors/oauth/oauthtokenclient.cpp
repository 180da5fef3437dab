// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/oauth/oauthtokenclient.h"

#include "connectors/connectorslogging.h"
#include "connectors/http/formencoding.h"
#include "connectors/http/outboundaddresspolicy.h"
#include "connectors/http/replybodylimit.h"

#include <QCoroNetworkReply>
#include <QCoroTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>
#include <algorithm>
#include <chrono>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString scrubbed(QString text, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        if (secret.size() >= 4)
            text.replace(secret, u"***"_s);
    }
    return text;
}

/**
 * `expires_in` in seconds within [MinTokenLifetimeSeconds, MaxTokenLifetimeSeconds]: a token that
 * claims to last forever is refreshed within a year, one that claims to be expired already (zero,
 * negative, NaN) is used for a minute.
 */
std::optional<qint64> lifetimeSeconds(const QJsonValue &v)
{
    bool ok = v.isDouble();
    double seconds = v.toDouble();
    if (v.isString())
        seconds = v.toString().trimmed().toDouble(&ok);
    if (!ok)
        return std::nullopt; // no lifetime given: the provider's documented default applies
    if (std::isnan(seconds))
        return OAuthTokenClient::MinTokenLifetimeSeconds;
    // Clamped as a double: no value, however huge, is converted to an integer out of range.
    return qint64(std::clamp(seconds, double(OAuthTokenClient::MinTokenLifetimeSeconds),
                             double(OAuthTokenClient::MaxTokenLifetimeSeconds)));
}

} // namespace

OAuthTokenClient::OAuthTokenClient(std::shared_ptr<const OAuthProfile> profile, QJsonObject config,
                                   QNetworkAccessManager *network)
    : m_profile(std::move(profile))
    , m_config(std::move(config))
    , m_network(network)
{
}

QCoro::Task<Result<OAuthTokens>> OAuthTokenClient::exchangeCode(QString clientId, QString clientSecret, QString code,
                                                                QString redirectUri, QString codeVerifier)
{
    QList<QPair<QString, QString>> form{{u"grant_type"_s, u"authorization_code"_s},
                                        {u"code"_s, code},
                                        {u"redirect_uri"_s, redirectUri},
                                        {u"code_verifier"_s, codeVerifier}};
    // Named first: GCC 12 miscompiles braced lists inside a co_await expression.
    QStringList secrets{clientSecret, code, codeVerifier};
    const QString what = tr("the authorization code");
    // Own statement: GCC 12 double-destroys by-value arguments of a coroutine called inside co_await.
    auto posting = post(std::move(form), clientId, clientSecret, what, std::move(secrets));
    co_return co_await posting;
}

QCoro::Task<Result<OAuthTokens>> OAuthTokenClient::refresh(QString clientId, QString clientSecret, QString refreshToken)
{
    QList<QPair<QString, QString>> form{{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, refreshToken}};
    QStringList secrets{clientSecret, refreshToken};
    const QString what = tr("the refresh token");
    // Own statement: GCC 12 double-destroys by-value arguments of a coroutine called inside co_await.
    auto posting = post(std::move(form), clientId, clientSecret, what, std::move(secrets));
    co_return co_await posting;
}

QCoro::Task<Result<OAuthTokens>> OAuthTokenClient::post(QList<QPair<QString, QString>> form, QString clientId,
                                                        QString clientSecret, QString what, QStringList secrets)
{
    const QUrl url = m_profile->tokenUrl(m_config);
    const QString provider = m_profile->provider;
    if (clientSecret.isEmpty())
        form.append({u"client_id"_s, clientId}); // a public (PKCE-only) client names itself in the body
    const QByteArray body = FormEncoding::encode(form);
    const OutboundAddressPolicy addresses = OutboundAddressPolicy::current();
    QString lastProblem;
    for (int attempt = 0;; ++attempt) {
        QNetworkRequest request(url);
        request.setTransferTimeout(m_timeoutMs);
        // Never follow a redirect with the client secret and a code or refresh token in hand.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("User-Agent", "OpboxPipelines/" OPBOX_VERSION);
        if (!clientSecret.isEmpty()) {
            // RFC 6749 §2.3.1: both parts are form-encoded before they are joined.
            const QByteArray basic = QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(clientSecret);
            request.setRawHeader("Authorization", "Basic " + basic.toBase64());
        }
        auto preparing = addresses.prepare(request);
        const Result<QNetworkRequest> checked = co_await preparing;
        if (!checked) {
            co_return Error::configuration(
                tr("%1 token endpoint (%2) was not asked: %3")
                    .arg(provider, url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo), checked.error().message));
        }
        std::unique_ptr<QNetworkReply, QScopedPointerDeleteLater> reply(m_network->post(*checked, body));
        ReplyBodyLimit limit(reply.get(), MaxAnswerBytes);
        co_await qCoro(reply.get()).waitForFinished(std::chrono::milliseconds(m_timeoutMs + 5000));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->isFinished() ? limit.take() : QByteArray();
        if (!reply->isFinished())
            reply->abort();
        if (limit.exceeded()) {
            co_return Error::malformed(tr("%1 token endpoint answered with more than %2 KiB; the answer was refused")
                                           .arg(provider)
                                           .arg(MaxAnswerBytes / 1024));
        }
        const bool retryable = status == 0 || status == 429 || status >= 500;
        if (!retryable)
            co_return interpret(status, answer, what, secrets);
        lastProblem = status == 0 ? tr("no answer (network error %1)").arg(int(reply->error())) : tr("HTTP %1").arg(status);
        if (attempt >= m_maxRetries) {
            co_return Error::unavailable(
                tr("%1 token endpoint (%2) did not accept %3 after %n attempt(s): %4", nullptr, attempt + 1)
                    .arg(provider, url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo), what, lastProblem));
        }
        qCInfo(lcConnectors).noquote() << provider << "token endpoint:" << lastProblem << "- retrying";
        co_await QCoro::sleepFor(std::chrono::milliseconds(500 * (1 << attempt)));
    }
}

Result<OAuthTokens> OAuthTokenClient::interpret(int status, const QByteArray &body, const QString &what,
                                                const QStringList &secrets) const
{
    const QString provider = m_profile->provider;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (status >= 200 && status < 300) {
        const QString access = json.value(AccessToken).toString();
        if (access.isEmpty())
            return Error::malformed(tr("%1 token endpoint answered without an access token").arg(provider));
        OAuthTokens tokens;
        tokens.accessToken = access;
        tokens.refreshToken = json.value(RefreshToken).toString();
        const qint64 lifetime = lifetimeSeconds(json.value(u"expires_in"_s)).value_or(m_profile->defaultTokenLifetimeSeconds);
        tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(lifetime);
        return tokens;
    }
    const QString error = json.value(u"error"_s).toString();
    QString description = json.value(u"error_description"_s).toString().simplified();
    if (description.size() > 200)
        description = description.left(200) + u"…"_s;
    QString reason = error.isEmpty() ? tr("HTTP %1").arg(status) : error;
    if (!description.isEmpty())
        reason += u" ("_s + description + u')';
    reason = scrubbed(reason, secrets);
    if (error == u"invalid_grant"_s) {
        Error invalid = Error::configuration(tr("%1 no longer accepts %2 (%3)").arg(provider, what, reason));
        invalid.code = u"OAUTH_INVALID_GRANT"_s;
        return invalid;
    }
    if (error == u"invalid_client"_s || error == u"unauthorized_client"_s || status == 401) {
        Error invalid = Error::configuration(tr("%1 refused the client id or secret (%2)").arg(provider, reason));
        invalid.code = u"OAUTH_INVALID_CLIENT"_s;
        return invalid;
    }
    return Error::upstream(tr("%1 token endpoint refused %2 (%3)").arg(provider, what, reason));
}

QJsonObject OAuthTokenClient::withTokens(QJsonObject credentials, const OAuthTokens &tokens)
{
    credentials.insert(AccessToken, tokens.accessToken);
    if (!tokens.refreshToken.isEmpty())
        credentials.insert(RefreshToken, tokens.refreshToken);
    credentials.insert(ExpiresAt, tokens.expiresAt.toUTC().toString(Qt::ISODateWithMs));
    return credentials;
}

std::optional<QDateTime> OAuthTokenClient::expiresAt(const QJsonObject &credentials)
{
    const QString text = credentials.value(ExpiresAt).toString();
    if (text.isEmpty())
        return std::nullopt;
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        return std::nullopt;
    return when.toUTC();
}

} // namespace Opbox
