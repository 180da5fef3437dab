// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QThread;

namespace Opbox::Fakes {

/**
 * Base of the provider fakes: a QHttpServer on 127.0.0.1 (port chosen by the OS) running on its own
 * thread, so that a fake can be slow without freezing the client under test. It checks the
 * credential, logs requests, and injects faults on demand (429 with Retry-After, 5xx bursts, slow
 * and malformed responses); subclasses answer the provider's endpoints in the provider's shapes.
 * Every public method is thread-safe.
 */
class FakeProviderServer : public QObject
{
    Q_OBJECT
public:
    enum class Malformation {
        InvalidJson, // the body is cut in half
        MissingRecords, // the record list's key is removed
        RecordsNotList, // the record list is replaced by a string
        RecordNotObject, // the first record is replaced by a number
        BadDate, // the first record's date field holds text that is no date
    };

    /** One request as the fake saw it. */
    struct Request
    {
        QByteArray method;
        QString path; // decoded, without apiPrefix()
        QUrlQuery query;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QUrl url; // as requested (host from the Host header): for next-page links
        [[nodiscard]] QByteArray header(QByteArrayView name) const;
    };

    explicit FakeProviderServer(QObject *parent = nullptr);
    ~FakeProviderServer() override;

    /** Listens on 127.0.0.1 with an OS-chosen port; false when that fails. */
    bool start();
    /** Stops serving; subclasses call it from their destructor. */
    void stop();
    [[nodiscard]] quint16 port() const;
    /** http://127.0.0.1:<port> */
    [[nodiscard]] QUrl origin() const;
    /** The API root to put into a connection's config.baseUrl (origin + apiPrefix()). */
    [[nodiscard]] QUrl baseUrl() const;

    [[nodiscard]] virtual QString connectorType() const = 0; // CRM_PLATFORM
    [[nodiscard]] virtual QString serviceName() const = 0; // hubspot
    /** Credentials that this fake accepts, in the connector type's field names. */
    [[nodiscard]] virtual QJsonObject credentials() const = 0;
    /** Config for a connection that talks to this fake: {"baseUrl": …} plus what the type needs. */
    [[nodiscard]] virtual QJsonObject connectorConfig() const;

    /** The accepted token (default "opbox-fake-token"). */
    [[nodiscard]] QString token() const;
    void setToken(const QString &token);

    // Faults hit the next `count` requests whose path contains `pathContains` (empty: any request),
    // after letting `after` such requests through untouched (to break page 3 rather than page 1).
    void failNext(int count, int status = 503, const QString &pathContains = {}, int after = 0);
    void rateLimitNext(int count, const QString &retryAfter = QStringLiteral("1"), const QString &pathContains = {},
                       int after = 0);
    void malformNext(int count, Malformation kind, const QString &pathContains = {}, int after = 0);
    void delayNext(int count, int ms, const QString &pathContains = {}, int after = 0);
    /** Delays every response by `ms`. */
    void setDelay(int ms);
    void clearFaults();

    // Helpers shared by the fakes and their tests.
    /** `when` as ISO-8601 UTC with `fractionDigits` fractional digits (0, 3 or 6). */
    [[nodiscard]] static QString iso(const QDateTime &when, int fractionDigits = 3);
    [[nodiscard]] static std::optional<QDateTime> parseIso(const QString &text);
    /** An opaque pagination token (base64url JSON) and its reading; nullopt for a made-up token. */
    [[nodiscard]] static QString opaqueToken(const QJsonObject &position);
    [[nodiscard]] static std::optional<QJsonObject> readOpaqueToken(const QString &token);
    /** 2024-01-01T00:00:00Z: where seeded data starts unless a test says otherwise. */
    [[nodiscard]] static QDateTime seedEpoch();

    /** The most recent requests (older ones are dropped, see setRequestLogLimit()). */
    [[nodiscard]] QList<Request> requests() const;
    [[nodiscard]] int requestCount(const QString &pathContains = {}) const;
    void clearRequests();
    /** Keeps the last `limit` to 2×`limit` requests (default 1000), so that a benchmark's memory stays flat. */
    void setRequestLogLimit(int limit);

protected:
    /** What a handler answers. */
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = QByteArrayLiteral("application/json");
        QList<QPair<QByteArray, QByteArray>> headers;
        QString recordsPath; // dotted path of the record list, for malformations; "" = the body is the list
        bool hasRecords = false;
        QString dateField; // a date field of the records, for Malformation::BadDate
    };

    /** The provider's API prefix in URLs ("/api/1.0" for Asana); requests outside it get 404. */
    [[nodiscard]] virtual QString apiPrefix() const { return {}; }
    /** True when the request carries the accepted credential (default: `Authorization: Bearer <token>`). */
    [[nodiscard]] virtual bool isAuthorized(const Request &request) const;
    /** Answers one authorised request; runs on the server thread with mutex() held. */
    [[nodiscard]] virtual Response handle(const Request &request) = 0;
    /** The provider's answer to a missing or wrong credential. */
    [[nodiscard]] virtual Response unauthorized(const Request &request) const;
    /** The provider's rate-limit answer; `retryAfter` is what the test asked for. */
    [[nodiscard]] virtual Response rateLimited(const Request &request, const QString &retryAfter) const;
    /** The provider's answer to an internal error. */
    [[nodiscard]] virtual Response serverError(const Request &request, int status) const;
    /** A provider-shaped error body. */
    [[nodiscard]] virtual QByteArray errorBody(int status, const QString &message) const;
    /** Headers added to every answer (rate-limit counters). */
    [[nodiscard]] virtual QList<QPair<QByteArray, QByteArray>> commonHeaders() const { return {}; }

    [[nodiscard]] static Response json(const QJsonValue &value, int status = 200);
    [[nodiscard]] Response error(int status, const QString &message) const;
    /** Guards subclass data: handle() runs with it held; public seeding methods lock it themselves. */
    [[nodiscard]] QMutex &mutex() const { return m_mutex; }

private:
    struct Fault
    {
        enum class Kind { Fail, RateLimit, Malform, Delay };
        Kind kind;
        int remaining;
        int status = 0;
        QString retryAfter;
        Malformation malformation = Malformation::InvalidJson;
        int delayMs = 0;
        QString pathContains;
        int skip = 0;
    };
    void serve(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void applyMalformation(Response &response, Malformation kind) const;
    void addFault(Fault fault);

    mutable QMutex m_mutex;
    mutable QMutex m_controlMutex; // faults, log, token: never held while a handler runs
    QThread *m_thread = nullptr;
    QObject *m_anchor = nullptr;
    QHttpServer *m_server = nullptr;
    quint16 m_port = 0;
    QString m_token = QStringLiteral("opbox-fake-token");
    QList<Fault> m_faults;
    int m_delayMs = 0;
    QList<Request> m_requests;
    int m_requestLogLimit = 1000;
};

} // namespace Opbox::Fakes
