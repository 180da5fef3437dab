// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauthfakeserver.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

QUrlQuery formBody(const QByteArray &body)
{
    // application/x-www-form-urlencoded writes spaces as '+', which QUrlQuery does not decode.
    QByteArray text = body;
    text.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(text));
}

QString value(const QUrlQuery &query, const QString &name)
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

QString bearer(const FakeProviderServer::Request &request)
{
    const QByteArray header = request.header("authorization");
    if (!header.startsWith("Bearer "))
        return {};
    return QString::fromUtf8(header.mid(7)).trimmed();
}

} // namespace

OAuthFakeServer::OAuthFakeServer(QString connectorType, QString serviceName, Paths paths, QObject *parent)
    : FakeProviderServer(parent)
    , m_type(std::move(connectorType))
    , m_service(std::move(serviceName))
    , m_paths(std::move(paths))
{
}

OAuthFakeServer::~OAuthFakeServer()
{
    stop();
}

QJsonObject OAuthFakeServer::credentials() const
{
    QMutexLocker lock(&m_lock);
    return {{u"client_id"_s, m_clientId}, {u"client_secret"_s, m_clientSecret}};
}

QJsonObject OAuthFakeServer::connectorConfig() const
{
    return {{u"authBaseUrl"_s, origin().toString()}};
}

void OAuthFakeServer::setClient(const QString &clientId, const QString &clientSecret)
{
    QMutexLocker lock(&m_lock);
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

void OAuthFakeServer::setRequiredScopes(const QStringList &scopes)
{
    QMutexLocker lock(&m_lock);
    m_requiredScopes = scopes;
}

void OAuthFakeServer::setUserInfo(UserInfo userInfo)
{
    QMutexLocker lock(&m_lock);
    m_userInfo = std::move(userInfo);
}

void OAuthFakeServer::setAccessTokenLifetime(int seconds)
{
    QMutexLocker lock(&m_lock);
    m_accessLifetime = seconds;
}

void OAuthFakeServer::setRotateRefreshTokens(bool rotate)
{
    QMutexLocker lock(&m_lock);
    m_rotate = rotate;
}

void OAuthFakeServer::setRefreshReuseGrace(int seconds)
{
    QMutexLocker lock(&m_lock);
    m_reuseGrace = seconds;
}

void OAuthFakeServer::setConsent(bool grant)
{
    QMutexLocker lock(&m_lock);
    m_consent = grant;
}

void OAuthFakeServer::expireAccessTokens()
{
    QMutexLocker lock(&m_lock);
    const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-1);
    for (auto it = m_accessTokens.begin(); it != m_accessTokens.end(); ++it)
        it.value() = past;
}

void OAuthFakeServer::revokeRefreshTokens()
{
    QMutexLocker lock(&m_lock);
    for (auto it = m_refreshTokens.begin(); it != m_refreshTokens.end(); ++it)
        it->revoked = true;
}

bool OAuthFakeServer::isValidAccessToken(const QString &token) const
{
    QMutexLocker lock(&m_lock);
    const auto it = m_accessTokens.constFind(token);
    return it != m_accessTokens.constEnd() && QDateTime::currentDateTimeUtc() < it.value();
}

QString OAuthFakeServer::currentRefreshToken() const
{
    QMutexLocker lock(&m_lock);
    return m_refreshOrder.isEmpty() ? QString() : m_refreshOrder.last();
}

QStringList OAuthFakeServer::issuedAccessTokens() const
{
    QMutexLocker lock(&m_lock);
    return m_accessOrder;
}

QStringList OAuthFakeServer::issuedRefreshTokens() const
{
    QMutexLocker lock(&m_lock);
    return m_refreshOrder;
}

QStringList OAuthFakeServer::issuedCodes() const
{
    QMutexLocker lock(&m_lock);
    return m_codeOrder;
}

int OAuthFakeServer::tokenGrants(const QString &grantType) const
{
    QMutexLocker lock(&m_lock);
    return m_grants.value(grantType);
}

int OAuthFakeServer::refusedGrants(const QString &grantType) const
{
    QMutexLocker lock(&m_lock);
    return m_refusals.value(grantType);
}

bool OAuthFakeServer::isAuthorized(const Request &request) const
{
    // The authorize and token endpoints authenticate the client themselves; userinfo needs a token.
    if (!m_paths.userInfo.isEmpty() && request.path == m_paths.userInfo)
        return isValidAccessToken(bearer(request));
    return true;
}

FakeProviderServer::Response OAuthFakeServer::unauthorized(const Request & /*request*/) const
{
    Response r = oauthError(401, u"invalid_token"_s, u"The access token is missing, invalid or expired"_s);
    r.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer error=\"invalid_token\"")});
    return r;
}

QByteArray OAuthFakeServer::errorBody(int /*status*/, const QString &message) const
{
    return QJsonDocument(QJsonObject{{u"error"_s, u"server_error"_s}, {u"error_description"_s, message}})
        .toJson(QJsonDocument::Compact);
}

FakeProviderServer::Response OAuthFakeServer::handle(const Request &request)
{
    if (request.path == m_paths.authorize && request.method == "GET")
        return authorize(request);
    if (request.path == m_paths.token && request.method == "POST")
        return token(request);
    if (!m_paths.userInfo.isEmpty() && request.path == m_paths.userInfo && request.method == "GET")
        return userInfo(request);
    if (request.path == m_paths.authorize || request.path == m_paths.token || request.path == m_paths.userInfo)
        return error(405, u"Method not allowed"_s);
    return error(404, u"Not found"_s);
}

QString OAuthFakeServer::randomToken(const QString &prefix)
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return prefix + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

FakeProviderServer::Response OAuthFakeServer::oauthError(int status, const QString &error, const QString &description)
{
    Response r = json(QJsonObject{{u"error"_s, error}, {u"error_description"_s, description}}, status);
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

FakeProviderServer::Response OAuthFakeServer::redirect(const QString &redirectUri, const QList<QPair<QString, QString>> &params)
{
    QString location = redirectUri;
    location.append(location.contains(u'?') ? u'&' : u'?');
    QStringList parts;
    for (const auto &[name, v] : params)
        parts.append(QString::fromLatin1(QUrl::toPercentEncoding(name)) + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(v)));
    location.append(parts.join(u'&'));
    Response r;
    r.status = 302;
    r.contentType = "text/html; charset=utf-8";
    r.body = "<html><body>Redirecting…</body></html>";
    r.headers.append({QByteArrayLiteral("Location"), location.toUtf8()});
    return r;
}

FakeProviderServer::Response OAuthFakeServer::authorize(const Request &request)
{
    const QUrlQuery &q = request.query;
    const QString clientId = value(q, u"client_id"_s);
    const QString redirectUri = value(q, u"redirect_uri"_s);
    const QString state = value(q, u"state"_s);
    QMutexLocker lock(&m_lock);
    // RFC 6749 §4.1.2.1: a bad client or redirect URI is shown to the user, never redirected to.
    if (clientId != m_clientId || !QUrl(redirectUri, QUrl::StrictMode).isValid() || redirectUri.isEmpty()) {
        Response r;
        r.status = 400;
        r.contentType = "text/html; charset=utf-8";
        r.body = "<html><body><h1>invalid_request</h1><p>Unknown client or missing redirect_uri.</p></body></html>";
        return r;
    }
    QList<QPair<QString, QString>> params;
    const auto fail = [&](const QString &error, const QString &description) {
        params = {{u"error"_s, error}, {u"error_description"_s, description}};
        if (!state.isEmpty())
            params.append({u"state"_s, state});
        return redirect(redirectUri, params);
    };
    if (value(q, u"response_type"_s) != u"code"_s)
        return fail(u"unsupported_response_type"_s, u"response_type must be code"_s);
    static const QRegularExpression challengeShape(u"^[A-Za-z0-9_-]{43}$"_s);
    if (value(q, u"code_challenge_method"_s) != u"S256"_s || !challengeShape.match(value(q, u"code_challenge"_s)).hasMatch())
        return fail(u"invalid_request"_s, u"PKCE with code_challenge_method=S256 is required"_s);
    const QStringList scopes = value(q, u"scope"_s).split(u' ', Qt::SkipEmptyParts);
    for (const QString &required : std::as_const(m_requiredScopes)) {
        if (!scopes.contains(required))
            return fail(u"invalid_scope"_s, u"the scope %1 is required"_s.arg(required));
    }
    if (!m_consent)
        return fail(u"access_denied"_s, u"The user denied access"_s);
    const QString code = randomToken(u"code-"_s);
    m_codes.insert(code,
                   Code{clientId, redirectUri, value(q, u"code_challenge"_s), scopes.join(u' '),
                        QDateTime::currentDateTimeUtc().addSecs(300), false});
    m_codeOrder.append(code);
    params = {{u"code"_s, code}};
    if (!state.isEmpty())
        params.append({u"state"_s, state});
    return redirect(redirectUri, params);
}

FakeProviderServer::Response OAuthFakeServer::token(const Request &request)
{
    const QUrlQuery form = formBody(request.body);
    QString clientId = value(form, u"client_id"_s);
    QString clientSecret = value(form, u"client_secret"_s);
    const QByteArray authorization = request.header("authorization");
    bool basic = false;
    if (authorization.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon < 0)
            return oauthError(401, u"invalid_client"_s, u"malformed Basic credentials"_s);
        clientId = QUrl::fromPercentEncoding(decoded.left(colon));
        clientSecret = QUrl::fromPercentEncoding(decoded.mid(colon + 1));
        basic = true;
    }
    QMutexLocker lock(&m_lock);
    if (clientId != m_clientId || ((basic || !clientSecret.isEmpty()) && clientSecret != m_clientSecret))
        return oauthError(401, u"invalid_client"_s, u"client authentication failed"_s);
    if (!request.header("content-type").startsWith("application/x-www-form-urlencoded"))
        return oauthError(400, u"invalid_request"_s, u"the body must be application/x-www-form-urlencoded"_s);
    const QString grant = value(form, u"grant_type"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    if (grant == u"authorization_code"_s) {
        const QString codeValue = value(form, u"code"_s);
        auto it = m_codes.find(codeValue);
        if (it == m_codes.end() || it->used || it->expiresAt < now || it->clientId != clientId)
            return oauthError(400, u"invalid_grant"_s, u"the authorization code is invalid, expired or used"_s);
        it->used = true;
        if (value(form, u"redirect_uri"_s) != it->redirectUri)
            return oauthError(400, u"invalid_grant"_s, u"redirect_uri does not match the authorize request"_s);
        // RFC 7636 §4.6: BASE64URL(SHA256(code_verifier)) must equal the challenge.
        const QString verifier = value(form, u"code_verifier"_s);
        static const QRegularExpression verifierShape(u"^[A-Za-z0-9._~-]{43,128}$"_s);
        const QString computed
            = QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        if (!verifierShape.match(verifier).hasMatch() || computed != it->challenge)
            return oauthError(400, u"invalid_grant"_s, u"PKCE verification failed"_s);
        m_grants[grant] += 1;
        return issueTokens(it->scope);
    }
    if (grant == u"refresh_token"_s) {
        const QString presented = value(form, u"refresh_token"_s);
        auto it = m_refreshTokens.find(presented);
        if (it == m_refreshTokens.end() || it->revoked) {
            m_refusals[grant] += 1;
            return oauthError(400, u"invalid_grant"_s, u"the refresh token is invalid"_s);
        }
        if (it->rotatedAt.isValid() && it->rotatedAt.addSecs(m_reuseGrace) < now) {
            m_refusals[grant] += 1; // a superseded token: real providers refuse it once its successor exists
            return oauthError(400, u"invalid_grant"_s, u"the refresh token was already used"_s);
        }
        const QString scope = it->scope;
        m_grants[grant] += 1;
        if (!m_rotate) {
            const QString access = randomToken(u"at-"_s);
            m_accessTokens.insert(access, now.addSecs(m_accessLifetime));
            m_accessOrder.append(access);
            Response r = json(QJsonObject{{u"access_token"_s, access},
                                          {u"token_type"_s, u"Bearer"_s},
                                          {u"expires_in"_s, m_accessLifetime},
                                          {u"refresh_token"_s, presented},
                                          {u"scope"_s, scope}});
            r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
            return r;
        }
        if (!it->rotatedAt.isValid())
            it->rotatedAt = now;
        return issueTokens(scope);
    }
    return oauthError(400, u"unsupported_grant_type"_s, u"grant_type must be authorization_code or refresh_token"_s);
}

FakeProviderServer::Response OAuthFakeServer::issueTokens(const QString &scope)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString access = randomToken(u"at-"_s);
    const QString refresh = randomToken(u"rt-"_s);
    m_accessTokens.insert(access, now.addSecs(m_accessLifetime));
    m_accessOrder.append(access);
    m_refreshTokens.insert(refresh, RefreshToken{scope, {}, false});
    m_refreshOrder.append(refresh);
    Response r = json(QJsonObject{{u"access_token"_s, access},
                                  {u"token_type"_s, u"Bearer"_s},
                                  {u"expires_in"_s, m_accessLifetime},
                                  {u"refresh_token"_s, refresh},
                                  {u"scope"_s, scope}});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

FakeProviderServer::Response OAuthFakeServer::userInfo(const Request & /*request*/) const
{
    UserInfo info;
    {
        QMutexLocker lock(&m_lock);
        info = m_userInfo;
    }
    return json(info ? info() : QJsonObject{});
}

} // namespace Opbox::Fakes
