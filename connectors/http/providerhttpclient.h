// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/http/httpretrypolicy.h"
#include "connectors/http/ratelimitgate.h"
#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectormanifest.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Opbox {

class OAuthTokenProvider;

/** One HTTP request as the runtime wants it sent. */
struct HttpCall
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QByteArray body; // JSON; empty for GET
    QList<QPair<QByteArray, QByteArray>> headers; // request-specific (If-Modified-Since, a tenant id)
    QList<int> acceptStatuses; // non-2xx statuses the caller handles itself
    int minIntervalMs = 0;
    int maxRetries = -1; // -1: the connection's setting
};

/** What came back: status, body and headers of an answer the caller takes. */
struct HttpExchange
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QUrl url;
    [[nodiscard]] QByteArray header(QByteArrayView lowerCaseName) const;
};

/**
 * Sends a connector's requests: adds auth and the manifest's headers, applies the timeout, retries
 * 429/5xx/network failures with backoff (honouring Retry-After and reset headers), and turns every
 * other failure into an Error whose message names the provider, method and URL path and
 * carries the provider's own message, with credentials scrubbed out.
 */
class ProviderHttpClient
{
    Q_DECLARE_TR_FUNCTIONS(ProviderHttpClient)
public:
    /** A provider-specific reading of a response (GraphQL errors inside a 200). */
    struct Verdict
    {
        enum class Kind { Pass, Retry, Fail };
        Kind kind = Kind::Pass;
        qint64 retryAfterMs = -1; // Retry: the provider's wait, or -1 for the backoff
        QString reason; // Retry: what went wrong, for the message when retries run out
        Error error; // Fail
    };
    using Inspector = std::function<Verdict(const HttpExchange &exchange)>;

    /** The largest response body a provider may send; a larger one fails the request. */
    static constexpr qint64 MaxBodyBytes = 64 * 1024 * 1024;

    ProviderHttpClient(std::shared_ptr<const ConnectorManifest> manifest, QJsonObject credentials, QJsonObject config,
                       QNetworkAccessManager *network, std::shared_ptr<CancelToken> cancel);

    void setInspector(Inspector inspector) { m_inspector = std::move(inspector); }
    /** OAuth connections: bearer tokens come from `tokens`, refreshed before expiry and once after a 401. */
    void setTokenProvider(std::shared_ptr<OAuthTokenProvider> tokens);
    [[nodiscard]] const HttpRetryPolicy &policy() const { return m_policy; }

    /** The API root: config.baseUrl or the manifest's, without a trailing slash. */
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    /** A URL under the API root; `encodedQuery` is already percent-encoded. */
    [[nodiscard]] QUrl urlFor(const QString &encodedPath, const QString &encodedQuery) const;
    /** True when `url` has the API root's scheme, host and port: credentials never leave that origin. */
    [[nodiscard]] bool isSameOrigin(const QUrl &url) const;

    /**
     * Sends `call`, retrying as the policy says; `stop` (may be null) ends it early like the cancel
     * token. The answer, or a classified error once retries are exhausted.
     */
    [[nodiscard]] QCoro::Task<Result<HttpExchange>> send(HttpCall call, std::shared_ptr<CancelToken> stop);

    /** The provider's message in an error body, per the manifest's errorMessagePaths (scrubbed, short). */
    [[nodiscard]] QString providerMessage(const QByteArray &body) const;
    /**
     * Whether a response is the provider's rate limit: a 429, or one of the manifest's exhausted
     * statuses that its headers or message patterns mark (DocuSign's polling limits are 400s).
     */
    [[nodiscard]] bool isThrottled(const HttpExchange &exchange) const;
    /**
     * How long to wait before retry `attempt` (0-based) after a throttled response that names no
     * wait itself: the backoff, but at least the manifest's `minWaitMs` doubled per retry.
     */
    [[nodiscard]] qint64 throttledBackoffMs(int attempt) const;
    /** Removes every credential value from `text`. */
    [[nodiscard]] QString scrub(QString text) const;
    /** "GET /crm/v3/objects/contacts": what a message names (never the query, which may hold a key). */
    [[nodiscard]] static QString describe(const QByteArray &method, const QUrl &url);
    [[nodiscard]] QString providerName() const { return m_manifest->provider; }

private:
    /** One request's answer as it arrived, after the same-origin redirects were followed. */
    struct Transfer
    {
        HttpExchange exchange;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        bool handshakeIncomplete = false; // https closed before a cipher was agreed
    };
    /**
     * Sends `call` once, to checked addresses only, following redirects within its origin; an
     * error for what no retry can change (a refused address or redirect, an oversized body).
     */
    [[nodiscard]] QCoro::Task<Result<Transfer>> transfer(HttpCall call, std::shared_ptr<CancelToken> stop);
    /** The error for a failure that retries cannot mend, with a hint where to look. */
    [[nodiscard]] Error permanentFailure(const QString &what, const QString &problem, const QUrl &url) const;
    [[nodiscard]] bool stopped(const std::shared_ptr<CancelToken> &stop) const;
    [[nodiscard]] QCoro::Task<bool> waitFor(qint64 ms, std::shared_ptr<CancelToken> stop);
    /** Refreshes the OAuth tokens after `rejected` stopped working; the error scrubbed of secrets. */
    [[nodiscard]] QCoro::Task<Result<void>> refreshToken(QString rejected);
    [[nodiscard]] QNetworkRequest buildRequest(const HttpCall &call) const;
    [[nodiscard]] std::optional<qint64> providerWaitMs(const HttpExchange &exchange) const;
    void notePause(const HttpExchange &exchange);
    void addSecrets(const QStringList &secrets);

    std::shared_ptr<const ConnectorManifest> m_manifest;
    QJsonObject m_credentials;
    QJsonObject m_config;
    QNetworkAccessManager *m_network;
    std::shared_ptr<CancelToken> m_cancel;
    HttpRetryPolicy m_policy;
    QUrl m_baseUrl;
    Inspector m_inspector;
    std::shared_ptr<OAuthTokenProvider> m_tokens;
    QStringList m_secrets;
    std::shared_ptr<RateLimitGate> m_gate; // the account's budget, shared with every client on it
};

} // namespace Opbox
