// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/http/providerhttpclient.h"

#include "connectors/connectorslogging.h"
#include "connectors/http/outboundaddresspolicy.h"
#include "connectors/http/replybodylimit.h"
#include "connectors/oauth/oauthtokenprovider.h"
#include "connectors/runtime/jsonpath.h"

#include <QCoroNetworkReply>
#include <QCoroTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslCipher>
#include <QSslConfiguration>
#include <algorithm>
#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Opbox {

namespace {

constexpr qint64 kPollMs = 100; // how often a wait looks at the cancel token
constexpr int kMaxRedirects = 10;

QString networkProblem(QNetworkReply::NetworkError error, int timeoutMs)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError: return ProviderHttpClient::tr("connection refused");
    case QNetworkReply::RemoteHostClosedError: return ProviderHttpClient::tr("the server closed the connection");
    case QNetworkReply::HostNotFoundError: return ProviderHttpClient::tr("host not found");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: return ProviderHttpClient::tr("no answer within %1 s").arg(timeoutMs / 1000.0);
    case QNetworkReply::SslHandshakeFailedError: return ProviderHttpClient::tr("TLS handshake failed");
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError: return ProviderHttpClient::tr("the network is unavailable");
    default: return ProviderHttpClient::tr("network error %1").arg(int(error));
    }
}

bool isPermanentNetworkError(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::HostNotFoundError || error == QNetworkReply::SslHandshakeFailedError
        || error == QNetworkReply::ProtocolUnknownError || error == QNetworkReply::ProtocolInvalidOperationError
        || error == QNetworkReply::TooManyRedirectsError || error == QNetworkReply::InsecureRedirectError;
}

QString statusText(int status, const QString &providerMessage)
{
    if (providerMessage.isEmpty())
        return u"HTTP %1"_s.arg(status);
    return u"HTTP %1: %2"_s.arg(status).arg(providerMessage);
}

/**
 * Whether an answer refuses this account one resource while its credentials work: a 403 (rate
 * limits are told apart before), a 402 for a feature the plan lacks, or a 400/404 whose body says
 * so (DocuSign's USER_LACKS_PERMISSIONS is a 400).
 */
bool isPermissionRefusal(int status, const QByteArray &body)
{
    const QByteArray text = body.left(4096).toLower();
    const auto mentions = [&](const QByteArrayList &markers) {
        return std::any_of(markers.begin(), markers.end(), [&](const QByteArray &m) { return text.contains(m); });
    };
    if (status == 402)
        return true;
    if (status == 403) // a 403 about the token itself (Xero's AuthenticationUnsuccessful) refuses the credentials
        return !mentions({"authentication", "bad credentials", "invalid token", "expired token"});
    if (status != 400 && status != 404)
        return false;
    return mentions({"user_lacks_permissions", "lacks sufficient permission", "permission denied", "not accessible by",
                     "not permitted", "not available on your plan", "upgrade your plan", "feature is not enabled"});
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.isValid() && a.scheme() == b.scheme() && a.host() == b.host()
        && a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString originOf(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

Error cancelledError(const QString &provider, const QString &what)
{
    return Error::cancelled(ProviderHttpClient::tr("%1: %2 was cancelled").arg(provider, what));
}

} // namespace

QByteArray HttpExchange::header(QByteArrayView lowerCaseName) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(lowerCaseName, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

ProviderHttpClient::ProviderHttpClient(std::shared_ptr<const ConnectorManifest> manifest, QJsonObject credentials,
                                       QJsonObject config, QNetworkAccessManager *network, std::shared_ptr<CancelToken> cancel)
    : m_manifest(std::move(manifest))
    , m_credentials(std::move(credentials))
    , m_config(std::move(config))
    , m_network(network)
    , m_cancel(std::move(cancel))
    , m_policy(HttpRetryPolicy::fromConfig(m_config))
{
    QString base = m_config.value(u"baseUrl"_s).toString().trimmed();
    if (base.isEmpty())
        base = m_manifest->baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    m_baseUrl = QUrl(base, QUrl::StrictMode);
    m_gate = RateLimitGate::forAccount(RateLimitGate::accountKey(m_baseUrl, m_credentials, m_config));
    // The documented rate is the provider's own API's: an API root of the connection's choosing (a
    // proxy, a mirror, a local fake) has limits of its own, which its 429s make known.
    const QString ownRoot = m_config.value(u"baseUrl"_s).toString().trimmed();
    if (ownRoot.isEmpty() || QUrl(m_manifest->baseUrl).adjusted(QUrl::RemovePath) == m_baseUrl.adjusted(QUrl::RemovePath))
        m_gate->declareRate(m_manifest->rateLimit.maxRequests, qint64(m_manifest->rateLimit.perSeconds) * 1000);
    QStringList secrets;
    for (auto it = m_credentials.begin(); it != m_credentials.end(); ++it)
        secrets.append(it->toString());
    addSecrets(secrets);
}

void ProviderHttpClient::addSecrets(const QStringList &secrets)
{
    for (const QString &value : secrets) {
        if (value.size() >= 4 && !m_secrets.contains(value))
            m_secrets.append(value);
    }
    // Longest first so that a secret containing another one is scrubbed whole.
    std::sort(m_secrets.begin(), m_secrets.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void ProviderHttpClient::setTokenProvider(std::shared_ptr<OAuthTokenProvider> tokens)
{
    m_tokens = std::move(tokens);
    if (m_tokens)
        addSecrets(m_tokens->secrets());
}

QUrl ProviderHttpClient::urlFor(const QString &encodedPath, const QString &encodedQuery) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path(QUrl::FullyEncoded) + encodedPath, QUrl::StrictMode);
    if (!encodedQuery.isEmpty())
        url.setQuery(encodedQuery, QUrl::StrictMode);
    return url;
}

bool ProviderHttpClient::isSameOrigin(const QUrl &url) const
{
    return sameOrigin(url, m_baseUrl);
}

QString ProviderHttpClient::describe(const QByteArray &method, const QUrl &url)
{
    return QString::fromLatin1(method) + u' ' + (url.path().isEmpty() ? u"/"_s : url.path());
}

QString ProviderHttpClient::scrub(QString text) const
{
    for (const QString &secret : m_secrets)
        text.replace(secret, u"***"_s);
    return text;
}

QString ProviderHttpClient::providerMessage(const QByteArray &body) const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QString message;
    if (!doc.isNull()) {
        const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        for (const auto &path : m_manifest->errorMessagePaths) {
            const QJsonValue v = JsonPath::value(root, path);
            if (v.isString() && !v.toString().trimmed().isEmpty()) {
                message = v.toString().trimmed();
                break;
            }
        }
    }
    // Not JSON (a proxy's HTML page, a plain-text error, some internal service): the status alone
    // is told, so that no answer of a host the connection points at is read out through a message.
    if (message.size() > 300)
        message = message.left(300) + u"…"_s;
    return scrub(message);
}

bool ProviderHttpClient::stopped(const std::shared_ptr<CancelToken> &stop) const
{
    return (m_cancel && m_cancel->isCancelled()) || (stop && stop->isCancelled());
}

QCoro::Task<bool> ProviderHttpClient::waitFor(qint64 ms, std::shared_ptr<CancelToken> stop)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        if (stopped(stop))
            co_return false;
        const qint64 left = ms - timer.elapsed();
        const auto slice = std::chrono::milliseconds(std::min(left, kPollMs));
        auto sleeping = QCoro::sleepFor(slice);
        co_await sleeping;
    }
    co_return !stopped(stop);
}

QCoro::Task<Result<void>> ProviderHttpClient::refreshToken(QString rejected)
{
    auto refreshing = m_tokens->refresh(rejected);
    const Result<void> refreshed = co_await refreshing;
    // The new tokens are secrets too: no later message may show them.
    addSecrets(m_tokens->secrets());
    if (!refreshed) {
        Error failure = refreshed.error();
        failure.message = scrub(failure.message);
        co_return failure;
    }
    co_return Result<void>();
}

QNetworkRequest ProviderHttpClient::buildRequest(const HttpCall &call) const
{
    QUrl url = call.url;
    const auto &auth = m_manifest->auth;
    if (auth.kind == ConnectorManifest::Auth::Kind::Query) {
        QString query = url.query(QUrl::FullyEncoded);
        if (!query.isEmpty())
            query.append(u'&');
        query.append(QString::fromLatin1(QUrl::toPercentEncoding(auth.name)) + u'='
                     + QString::fromLatin1(QUrl::toPercentEncoding(m_credentials.value(auth.credential).toString())));
        url.setQuery(query, QUrl::StrictMode);
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(m_policy.settings().timeoutMs);
    // Redirects are followed by transfer(): each target is checked for its origin (a redirect to
    // another host must not carry the provider's credentials along) and for its address.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("User-Agent", "OpboxPipelines/" OPBOX_VERSION);
    request.setRawHeader("Accept", "application/json");
    for (const auto &[name, value] : m_manifest->headers)
        request.setRawHeader(name, value);
    for (const auto &[name, value] : call.headers)
        request.setRawHeader(name, value);
    switch (auth.kind) {
    case ConnectorManifest::Auth::Kind::Bearer: {
        const QString token = m_tokens ? m_tokens->accessToken() : m_credentials.value(auth.credential).toString();
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        break;
    }
    case ConnectorManifest::Auth::Kind::Basic: {
        const QString user = m_credentials.value(auth.username).toString() + auth.usernameSuffix;
        const QString password = auth.password.isEmpty() ? QString() : m_credentials.value(auth.password).toString();
        request.setRawHeader("Authorization", "Basic " + (user + u':' + password).toUtf8().toBase64());
        break;
    }
    case ConnectorManifest::Auth::Kind::Header:
        request.setRawHeader(auth.name.toLatin1(), (auth.prefix + m_credentials.value(auth.credential).toString()).toUtf8());
        break;
    case ConnectorManifest::Auth::Kind::Query: break;
    }
    if (!call.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return request;
}

bool ProviderHttpClient::isThrottled(const HttpExchange &exchange) const
{
    if (exchange.status == 429)
        return true;
    const auto &rate = m_manifest->rateLimit;
    if (!rate.exhaustedStatuses.contains(exchange.status))
        return false;
    if (!rate.remainingHeader.isEmpty() && exchange.header(rate.remainingHeader).trimmed() == "0")
        return true;
    if (!exchange.header(rate.retryAfterHeader).isEmpty())
        return true;
    if (rate.messagePatterns.isEmpty())
        return false;
    // Every error field counts, not only the one shown: DocuSign names the limit in errorCode
    // (HOURLY_APIINVOCATION_ENVELOPE_LIMIT_EXCEEDED) beside a message that may not.
    QStringList texts;
    const QJsonDocument doc = QJsonDocument::fromJson(exchange.body);
    const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    for (const auto &path : m_manifest->errorMessagePaths) {
        if (const QJsonValue v = JsonPath::value(root, path); v.isString())
            texts.append(v.toString().toLower());
    }
    if (texts.isEmpty())
        texts.append(providerMessage(exchange.body).toLower());
    for (const QString &pattern : rate.messagePatterns) {
        for (const QString &text : std::as_const(texts)) {
            if (text.contains(pattern))
                return true;
        }
    }
    return false;
}

qint64 ProviderHttpClient::throttledBackoffMs(int attempt) const
{
    const qint64 backoff = m_policy.backoffMs(attempt);
    const qint64 minimum = qint64(m_manifest->rateLimit.minWaitMs) << std::clamp(attempt, 0, 10);
    return std::max(backoff, minimum);
}

std::optional<qint64> ProviderHttpClient::providerWaitMs(const HttpExchange &exchange) const
{
    const auto &rate = m_manifest->rateLimit;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (const auto wait = HttpRetryPolicy::parseRetryAfter(exchange.header(rate.retryAfterHeader), now))
        return wait;
    if (!rate.resetHeader.isEmpty()) {
        const bool exhausted = rate.remainingHeader.isEmpty() || exchange.header(rate.remainingHeader).trimmed() == "0";
        if (exhausted) {
            if (const auto wait = HttpRetryPolicy::parseReset(exchange.header(rate.resetHeader), rate.resetIsEpoch, now))
                return wait;
        }
    }
    return std::nullopt;
}

void ProviderHttpClient::notePause(const HttpExchange &exchange)
{
    const auto &rate = m_manifest->rateLimit;
    if (rate.remainingHeader.isEmpty() || rate.resetHeader.isEmpty())
        return;
    bool numeric = false;
    const qint64 remaining = exchange.header(rate.remainingHeader).trimmed().toLongLong(&numeric);
    if (!numeric)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (const auto wait = HttpRetryPolicy::parseReset(exchange.header(rate.resetHeader), rate.resetIsEpoch, now)) {
        // Spend no request we know will be refused; a wait beyond our limit is left to the 429 path.
        if (*wait > m_policy.settings().maxWaitMs)
            return;
        m_gate->noteRemaining(remaining, *wait); // concurrent requests share what is left
        if (remaining == 0)
            m_gate->pauseFor(*wait);
    }
}

Error ProviderHttpClient::permanentFailure(const QString &what, const QString &problem, const QUrl &url) const
{
    // Blaming the base URL misleads when none was entered: the provider's own address failing
    // points at this computer's network or proxy.
    const bool ownAddress = m_config.value(u"baseUrl"_s).toString().trimmed().isEmpty();
    const QString hint
        = ownAddress ? tr("Check this computer's network connection and proxy settings.") : tr("Check the API base URL.");
    return Error::configuration(tr("%1: %2 failed: %3 (%4). %5").arg(m_manifest->provider, what, problem, url.host(), hint));
}

QCoro::Task<Result<ProviderHttpClient::Transfer>> ProviderHttpClient::transfer(HttpCall call, std::shared_ptr<CancelToken> stop)
{
    const QString what = describe(call.method, call.url);
    const OutboundAddressPolicy addresses = OutboundAddressPolicy::current();
    for (int hop = 0;; ++hop) {
        auto preparing = addresses.prepare(buildRequest(call));
        const Result<QNetworkRequest> request = co_await preparing;
        if (!request)
            co_return permanentFailure(what, request.error().message, call.url);
        std::unique_ptr<QNetworkReply, QScopedPointerDeleteLater> reply;
        if (call.method == "GET")
            reply.reset(m_network->get(*request));
        else
            reply.reset(m_network->sendCustomRequest(*request, call.method, call.body));
        ReplyBodyLimit body(reply.get(), MaxBodyBytes);
        while (!reply->isFinished()) {
            // The wrapper must outlive its task (the task refers to it), so both are named.
            auto awaitable = qCoro(reply.get());
            auto waiting = awaitable.waitForFinished(std::chrono::milliseconds(kPollMs * 3));
            const bool finished = co_await waiting;
            if (!finished && stopped(stop))
                reply->abort();
        }
        if (body.exceeded()) {
            co_return Error::malformed(tr("%1: %2 answered with more than %3 MiB, more than any page may have; the answer "
                                          "was refused")
                                           .arg(m_manifest->provider, what)
                                           .arg(MaxBodyBytes / (1024 * 1024)));
        }
        Transfer result;
        result.exchange.url = call.url;
        result.exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.exchange.headers = reply->rawHeaderPairs();
        result.exchange.body = body.take();
        result.error = reply->error();
        result.handshakeIncomplete = result.error == QNetworkReply::RemoteHostClosedError && call.url.scheme() == u"https"_s
            && reply->sslConfiguration().sessionCipher().isNull();
        if (stopped(stop) || !isRedirect(result.exchange.status) || call.acceptStatuses.contains(result.exchange.status))
            co_return result;
        const QByteArray location = result.exchange.header("location");
        if (location.isEmpty())
            co_return result;
        const QUrl target = call.url.resolved(QUrl::fromEncoded(location));
        if (!sameOrigin(target, call.url)) {
            co_return permanentFailure(
                what, tr("it redirected to another origin (%1), which is never sent the credentials").arg(originOf(target)),
                call.url);
        }
        if (hop >= kMaxRedirects)
            co_return permanentFailure(what, tr("it redirected more than %1 times").arg(kMaxRedirects), call.url);
        const int status = result.exchange.status;
        if (status == 303 || ((status == 301 || status == 302) && call.method == "POST")) {
            call.method = QByteArrayLiteral("GET");
            call.body.clear();
        }
        call.url = target;
    }
}

QCoro::Task<Result<HttpExchange>> ProviderHttpClient::send(HttpCall call, std::shared_ptr<CancelToken> stop)
{
    const QString what = describe(call.method, call.url);
    const QString provider = m_manifest->provider;
    const int maxRetries = call.maxRetries >= 0 ? call.maxRetries : m_policy.settings().maxRetries;
    QString lastProblem;
    bool refreshedAfter401 = false;

    for (int attempt = 0;; ++attempt) {
        if (stopped(stop))
            co_return cancelledError(provider, what);
        // The account's budget is shared with every other client on it: a pause another run was
        // told to take holds this request back too, and spaced requests queue for the next slot. The
        // place in the provider's declared rate is held until the answer has been read.
        RateLimitGate::Slot place = m_gate->take(call.minIntervalMs);
        for (qint64 wait = place.waitMs(); wait > 0; wait = m_gate->remainingMs(place)) {
            if (m_gate->pausedForMs() > 0)
                qCInfo(lcConnectors) << provider << "rate limit reached on this account; pausing" << wait << "ms";
            auto waiting = waitFor(wait, stop);
            if (!co_await waiting)
                co_return cancelledError(provider, what);
        }

        if (m_tokens && m_tokens->needsRefresh()) {
            auto refreshing = refreshToken(m_tokens->accessToken());
            if (const Result<void> refreshed = co_await refreshing; !refreshed)
                co_return refreshed.error();
        }
        const QString sentToken = m_tokens ? m_tokens->accessToken() : QString();
        auto transferring = transfer(call, stop);
        Result<Transfer> transferred = co_await transferring;
        if (stopped(stop))
            co_return cancelledError(provider, what);
        if (!transferred)
            co_return transferred.error();
        HttpExchange exchange = std::move(transferred->exchange);

        qint64 waitMs = -1;
        bool throttled = false; // the provider said the account is out of requests for now
        // A status does not make an answer whole: the connection may have dropped in the middle of
        // the body (a truncated page must not pass for the page).
        const auto networkError = transferred->error;
        const bool transportFailed = networkError != QNetworkReply::NoError && networkError <= QNetworkReply::UnknownNetworkError;
        if (exchange.status == 0 || transportFailed) {
            lastProblem = networkProblem(networkError, m_policy.settings().timeoutMs);
            if (transferred->handshakeIncomplete)
                lastProblem = tr("the server closed the connection during the TLS handshake");
            if (isPermanentNetworkError(networkError))
                co_return permanentFailure(what, lastProblem, exchange.url);
        } else {
            Verdict verdict;
            if (m_inspector)
                verdict = m_inspector(exchange);
            if (verdict.kind == Verdict::Kind::Fail) {
                Error refusal = verdict.error;
                refusal.message = scrub(refusal.message);
                co_return refusal;
            }
            const bool accepted
                = (exchange.status >= 200 && exchange.status < 300) || call.acceptStatuses.contains(exchange.status);
            if (verdict.kind == Verdict::Kind::Pass && accepted) {
                notePause(exchange);
                co_return exchange;
            }
            const QString message = providerMessage(exchange.body);
            if (verdict.kind == Verdict::Kind::Retry) {
                lastProblem = verdict.reason;
                waitMs = verdict.retryAfterMs;
                throttled = waitMs >= 0;
            } else if (isThrottled(exchange) || HttpRetryPolicy::isRetryableStatus(exchange.status)) {
                lastProblem = statusText(exchange.status, message);
                throttled = isThrottled(exchange);
                if (const auto wait = providerWaitMs(exchange))
                    waitMs = *wait;
            } else if (exchange.status == 401 && m_tokens && !refreshedAfter401) {
                // The provider no longer takes this access token (revoked, or expired early): refresh, retry once.
                refreshedAfter401 = true;
                auto refreshing = refreshToken(sentToken);
                if (const Result<void> refreshed = co_await refreshing; !refreshed)
                    co_return refreshed.error();
                qCInfo(lcConnectors).noquote() << provider << what << "answered 401; retrying with a refreshed token";
                continue;
            } else if (isPermissionRefusal(exchange.status, exchange.body)) {
                co_return Error::notPermitted(
                    tr("%1 does not let this account read %2 (%3)").arg(provider, what, statusText(exchange.status, message)));
            } else if (exchange.status == 401 || exchange.status == 403) {
                co_return Error::configuration(tr("%1 refused the credentials (%2: %3). Check the API key and its permissions.")
                                                   .arg(provider, what, statusText(exchange.status, message)));
            } else {
                co_return Error::upstream(tr("%1 refused %2 (%3)").arg(provider, what, statusText(exchange.status, message)));
            }
        }

        if (attempt >= maxRetries) {
            co_return Error::unavailable(
                tr("%1 did not answer %2 successfully after %n attempt(s); last problem: %3", nullptr, attempt + 1)
                    .arg(provider, what, lastProblem));
        }
        if (waitMs < 0)
            waitMs = throttled ? throttledBackoffMs(attempt) : m_policy.backoffMs(attempt);
        if (waitMs > m_policy.settings().maxWaitMs) {
            co_return Error::unavailable(tr("%1 asked to wait %2 s before retrying %3 (%4); that is longer than the %5 s this "
                                            "connection waits. Try again later.")
                                             .arg(provider)
                                             .arg(waitMs / 1000)
                                             .arg(what, lastProblem)
                                             .arg(m_policy.settings().maxWaitMs / 1000));
        }
        if (throttled)
            m_gate->pauseFor(waitMs); // the other runs on this account would only be refused too
        qCInfo(lcConnectors).noquote() << provider << what << "failed (" << lastProblem << "); retry" << attempt + 1 << "of"
                                       << maxRetries << "in" << waitMs << "ms";
        auto waiting = waitFor(waitMs, stop);
        if (!co_await waiting)
            co_return cancelledError(provider, what);
    }
}

} // namespace Opbox
