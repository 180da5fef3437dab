// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeproviderserver.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    default: return "UNKNOWN";
    }
}

QJsonValue valueAt(const QJsonValue &root, const QStringList &path)
{
    QJsonValue v = root;
    for (const QString &p : path)
        v = v.toObject().value(p);
    return v;
}

QJsonValue replaceAt(const QJsonValue &root, const QStringList &path, qsizetype index, const QJsonValue &value, bool remove)
{
    if (index == path.size())
        return value;
    QJsonObject o = root.toObject();
    if (remove && index + 1 == path.size()) {
        o.remove(path.at(index));
        return o;
    }
    o.insert(path.at(index), replaceAt(o.value(path.at(index)), path, index + 1, value, remove));
    return o;
}

} // namespace

QByteArray FakeProviderServer::Request::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FakeProviderServer::FakeProviderServer(QObject *parent)
    : QObject(parent)
{
}

FakeProviderServer::~FakeProviderServer()
{
    // Subclasses stop first (their handle() must not run on a half-destroyed object); this is a backstop.
    stop();
}

bool FakeProviderServer::start()
{
    if (m_thread)
        return m_port != 0;
    m_thread = new QThread;
    m_thread->setObjectName(serviceName() + u"-fake"_s);
    m_thread->start();
    m_anchor = new QObject;
    m_anchor->moveToThread(m_thread);
    QMetaObject::invokeMethod(
        m_anchor,
        [this] {
            m_server = new QHttpServer;
            // One dispatcher for every path: the fake answers 404s and bad methods in the provider's own shape.
            m_server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                serve(request, std::move(responder));
            });
            m_port = m_server->listen(QHostAddress::LocalHost, 0);
        },
        Qt::BlockingQueuedConnection);
    return m_port != 0;
}

void FakeProviderServer::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_anchor,
        [this] {
            delete m_server;
            m_server = nullptr;
            delete m_anchor;
            m_anchor = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_port = 0;
}

quint16 FakeProviderServer::port() const
{
    return m_port;
}

QUrl FakeProviderServer::origin() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QUrl FakeProviderServer::baseUrl() const
{
    return QUrl(origin().toString() + apiPrefix());
}

QJsonObject FakeProviderServer::connectorConfig() const
{
    return {{u"baseUrl"_s, baseUrl().toString()}};
}

QString FakeProviderServer::token() const
{
    QMutexLocker lock(&m_controlMutex);
    return m_token;
}

void FakeProviderServer::setToken(const QString &token)
{
    QMutexLocker lock(&m_controlMutex);
    m_token = token;
}

void FakeProviderServer::addFault(Fault fault)
{
    QMutexLocker lock(&m_controlMutex);
    m_faults.append(fault);
}

void FakeProviderServer::failNext(int count, int status, const QString &pathContains, int after)
{
    Fault f{Fault::Kind::Fail, count};
    f.status = status;
    f.pathContains = pathContains;
    f.skip = after;
    addFault(f);
}

void FakeProviderServer::rateLimitNext(int count, const QString &retryAfter, const QString &pathContains, int after)
{
    Fault f{Fault::Kind::RateLimit, count};
    f.retryAfter = retryAfter;
    f.pathContains = pathContains;
    f.skip = after;
    addFault(f);
}

void FakeProviderServer::malformNext(int count, Malformation kind, const QString &pathContains, int after)
{
    Fault f{Fault::Kind::Malform, count};
    f.malformation = kind;
    f.pathContains = pathContains;
    f.skip = after;
    addFault(f);
}

void FakeProviderServer::delayNext(int count, int ms, const QString &pathContains, int after)
{
    Fault f{Fault::Kind::Delay, count};
    f.delayMs = ms;
    f.pathContains = pathContains;
    f.skip = after;
    addFault(f);
}

void FakeProviderServer::setDelay(int ms)
{
    QMutexLocker lock(&m_controlMutex);
    m_delayMs = ms;
}

void FakeProviderServer::clearFaults()
{
    QMutexLocker lock(&m_controlMutex);
    m_faults.clear();
    m_delayMs = 0;
}

QList<FakeProviderServer::Request> FakeProviderServer::requests() const
{
    QMutexLocker lock(&m_controlMutex);
    return m_requests;
}

int FakeProviderServer::requestCount(const QString &pathContains) const
{
    QMutexLocker lock(&m_controlMutex);
    int n = 0;
    for (const auto &r : m_requests)
        n += r.path.contains(pathContains) ? 1 : 0;
    return n;
}

void FakeProviderServer::setRequestLogLimit(int limit)
{
    QMutexLocker lock(&m_controlMutex);
    m_requestLogLimit = std::max(0, limit);
    if (m_requests.size() > m_requestLogLimit)
        m_requests.remove(0, m_requests.size() - m_requestLogLimit);
}

void FakeProviderServer::clearRequests()
{
    QMutexLocker lock(&m_controlMutex);
    m_requests.clear();
}

bool FakeProviderServer::isAuthorized(const Request &request) const
{
    return request.header("authorization") == "Bearer " + token().toUtf8();
}

FakeProviderServer::Response FakeProviderServer::json(const QJsonValue &value, int status)
{
    Response r;
    r.status = status;
    r.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return r;
}

FakeProviderServer::Response FakeProviderServer::error(int status, const QString &message) const
{
    Response r;
    r.status = status;
    r.body = errorBody(status, message);
    return r;
}

QByteArray FakeProviderServer::errorBody(int /*status*/, const QString &message) const
{
    return QJsonDocument(QJsonObject{{u"message"_s, message}}).toJson(QJsonDocument::Compact);
}

FakeProviderServer::Response FakeProviderServer::unauthorized(const Request & /*request*/) const
{
    return error(401, u"Unauthorized"_s);
}

FakeProviderServer::Response FakeProviderServer::rateLimited(const Request & /*request*/, const QString &retryAfter) const
{
    Response r = error(429, u"Too many requests"_s);
    r.headers.append({"Retry-After", retryAfter.toUtf8()});
    return r;
}

FakeProviderServer::Response FakeProviderServer::serverError(const Request & /*request*/, int status) const
{
    return error(status, u"Internal server error"_s);
}

void FakeProviderServer::applyMalformation(Response &response, Malformation kind) const
{
    if (kind == Malformation::InvalidJson) {
        response.body = response.body.left(std::max<qsizetype>(1, response.body.size() / 2));
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(response.body);
    QJsonValue root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    const QStringList path = response.recordsPath.isEmpty() ? QStringList() : response.recordsPath.split(u'.');
    switch (kind) {
    case Malformation::InvalidJson: break;
    case Malformation::MissingRecords:
        root = path.isEmpty() ? QJsonValue(QJsonObject{{u"message"_s, u"ok"_s}}) : replaceAt(root, path, 0, {}, true);
        break;
    case Malformation::RecordsNotList: root = replaceAt(root, path, 0, u"unexpected"_s, false); break;
    case Malformation::RecordNotObject:
    case Malformation::BadDate: {
        QJsonArray records = valueAt(root, path).toArray();
        if (records.isEmpty())
            break;
        if (kind == Malformation::RecordNotObject) {
            records.replace(0, 42);
        } else {
            QJsonObject first = records.first().toObject();
            first.insert(response.dateField, u"not a date"_s);
            records.replace(0, first);
        }
        root = replaceAt(root, path, 0, records, false);
        break;
    }
    }
    response.body = root.isArray() ? QJsonDocument(root.toArray()).toJson(QJsonDocument::Compact)
                                   : QJsonDocument(root.toObject()).toJson(QJsonDocument::Compact);
}

void FakeProviderServer::serve(const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder)
{
    // QtHttpServer writes the head and the body separately: without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK add ~40 ms to every answer, which would make a fake slower than
    // the provider it stands in for.
    if (QTcpSocket *socket = responder.socket())
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    Request request;
    request.method = methodName(httpRequest.method());
    request.url = httpRequest.url();
    request.query = httpRequest.query();
    request.body = httpRequest.body();
    for (const auto &[name, value] : httpRequest.headers())
        request.headers.append({name, value});
    QString path = request.url.path();
    const QString prefix = apiPrefix();

    int delayMs = 0;
    std::optional<Fault> fault;
    {
        QMutexLocker lock(&m_controlMutex);
        request.path = path.startsWith(prefix) ? path.mid(prefix.size()) : path;
        m_requests.append(request);
        // Trimmed in batches so that a long benchmark run does not shift the log on every request.
        if (m_requests.size() > 2 * qsizetype(m_requestLogLimit))
            m_requests.remove(0, m_requests.size() - m_requestLogLimit);
        delayMs = m_delayMs;
        // The first matching fault of each kind decides; delays add up with the others.
        for (auto it = m_faults.begin(); it != m_faults.end();) {
            if (!request.path.contains(it->pathContains)) {
                ++it;
                continue;
            }
            if (it->skip > 0) {
                --it->skip;
                ++it;
                continue;
            }
            if (it->kind == Fault::Kind::Delay) {
                delayMs += it->delayMs;
            } else if (!fault) {
                fault = *it;
            } else {
                ++it;
                continue;
            }
            if (--it->remaining <= 0)
                it = m_faults.erase(it);
            else
                ++it;
        }
    }
    Response response;
    if (!path.startsWith(prefix)) {
        response = error(404, u"Not Found"_s);
    } else if (!isAuthorized(request)) {
        response = unauthorized(request);
    } else if (fault && fault->kind == Fault::Kind::RateLimit) {
        response = rateLimited(request, fault->retryAfter);
    } else if (fault && fault->kind == Fault::Kind::Fail) {
        response = serverError(request, fault->status);
    } else {
        {
            QMutexLocker lock(&m_mutex);
            response = handle(request);
        }
        if (fault && fault->kind == Fault::Kind::Malform && response.status < 300 && response.hasRecords)
            applyMalformation(response, fault->malformation);
    }
    response.headers.append(commonHeaders());

    auto out = std::make_shared<QHttpServerResponse>(response.contentType, response.body,
                                                     static_cast<QHttpServerResponse::StatusCode>(response.status));
    for (const auto &[name, value] : std::as_const(response.headers))
        out->addHeader(name, value);
    if (delayMs <= 0) {
        out->write(std::move(responder));
        return;
    }
    // A slow answer must not block this fake's thread (other requests, and the client's retry after
    // its timeout, are served meanwhile). Qt 6.4 writes deferred answers to a freed socket when the
    // client has gone, so the write is guarded by a QPointer to the socket.
    auto deferred = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket(deferred->socket());
    QTimer::singleShot(delayMs, m_server, [deferred, socket, out] {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        out->write(std::move(*deferred));
    });
}

QString FakeProviderServer::iso(const QDateTime &when, int fractionDigits)
{
    const QDateTime utc = when.toUTC();
    QString text = utc.toString(u"yyyy-MM-ddTHH:mm:ss"_s);
    if (fractionDigits > 0) {
        QString fraction = u"%1"_s.arg(utc.time().msec(), 3, 10, QLatin1Char('0'));
        while (fraction.size() < fractionDigits)
            fraction.append(u'0');
        text += u'.' + fraction.left(fractionDigits);
    }
    return text + u'Z';
}

std::optional<QDateTime> FakeProviderServer::parseIso(const QString &text)
{
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        return std::nullopt;
    if (when.timeSpec() == Qt::LocalTime)
        when.setTimeSpec(Qt::UTC);
    return when.toUTC();
}

QString FakeProviderServer::opaqueToken(const QJsonObject &position)
{
    return QString::fromLatin1(QJsonDocument(position)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QJsonObject> FakeProviderServer::readOpaqueToken(const QString &token)
{
    const auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(),
                                                        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

QDateTime FakeProviderServer::seedEpoch()
{
    return QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
}

} // namespace Opbox::Fakes
