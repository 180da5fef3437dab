// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/httpserveradapter.h"
#include "engine/api/httplistener.h"
#include "engine/enginelogging.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <atomic>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    using M = QHttpServerRequest::Method;
    switch (m) {
    case M::Get: return "GET";
    case M::Put: return "PUT";
    case M::Delete: return "DELETE";
    case M::Post: return "POST";
    case M::Head: return "HEAD";
    case M::Options: return "OPTIONS";
    case M::Patch: return "PATCH";
    case M::Connect: return "CONNECT";
    case M::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

// The status codes QHttpServerResponder knows a reason phrase for; an unknown one would make
// 6.4 throw from std::map::at, so anything else is sent as 500.
bool knownStatus(int status)
{
    switch (status) {
    case 200:
    case 201:
    case 202:
    case 204:
    case 301:
    case 302:
    case 303:
    case 304:
    case 307:
    case 308:
    case 400:
    case 401:
    case 403:
    case 404:
    case 405:
    case 409:
    case 410:
    case 413:
    case 415:
    case 422:
    case 429:
    case 500:
    case 501:
    case 502:
    case 503:
    case 504: return true;
    default: return false;
    }
}

/** Shared between the handler and whoever replies later; writes at most once, on the server thread. */
struct PendingReply
{
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    QPointer<HttpListener> listener;
    std::atomic<bool> sent{false};

    PendingReply(QHttpServerResponder &&r)
        : responder(std::move(r))
        , socket(responder.socket())
        , listener(HttpListener::of(socket))
    {
        if (listener)
            listener->requestStarted(socket);
    }

    void write(const HttpResponse &response)
    {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
            qCDebug(lcApi) << "client went away before the reply";
            return;
        }
        const int status = knownStatus(response.status) ? response.status : 500;
        if (status != response.status)
            qCWarning(lcApi) << "a handler answered with status" << response.status << "which cannot be sent; sent 500";
        responder.writeStatusLine(QHttpServerResponder::StatusCode(status));
        if (!response.contentType.isEmpty())
            responder.writeHeader("Content-Type", response.contentType);
        bool hasCacheControl = false;
        for (const auto &[name, value] : response.headers) {
            responder.writeHeader(name, value);
            hasCacheControl = hasCacheControl || name.compare("Cache-Control", Qt::CaseInsensitive) == 0;
        }
        // API answers carry credentials metadata and ids; no intermediary should keep them.
        if (!hasCacheControl)
            responder.writeHeader("Cache-Control", "no-store");
        responder.writeHeader("X-Content-Type-Options", "nosniff");
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
        responder.writeBody(response.body);
        if (listener)
            listener->requestAnswered(socket);
    }
};

QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

// QtHttpServer's own debug categories print whole request lines and headers: webhook tokens in
// URLs and bearer tokens. They stay off whatever the logging rules say.
void filterHttpServerCategories(QLoggingCategory *category)
{
    if (g_previousFilter)
        g_previousFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}

} // namespace

HttpServerAdapter::HttpServerAdapter(HttpHandler handler, QObject *parent)
    : HttpServerAdapter(std::move(handler), HttpLimits{}, parent)
{
}

HttpServerAdapter::HttpServerAdapter(HttpHandler handler, const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
    , m_handler(std::move(handler))
    , m_limits(limits)
{
    static std::once_flag filterInstalled;
    std::call_once(filterInstalled, [] { g_previousFilter = QLoggingCategory::installFilter(filterHttpServerCategories); });

    // No routes are registered: every request reaches this one handler, and our own router
    // does matching, 405 + Allow and the JSON error envelope (6.4 offers neither).
    QPointer<HttpServerAdapter> self(this);
    m_server->setMissingHandler([self](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
        if (!self)
            return;
        auto pending = std::make_shared<PendingReply>(std::move(responder));
        HttpRequest request;
        request.method = methodName(req.method());
        request.path = req.url().path();
        request.query = req.query();
        request.headers = req.headers();
        request.body = req.body();
        request.remoteAddress = req.remoteAddress().toString();
        QThread *serverThread = self->thread();
        HttpReply reply = [self, pending, serverThread](HttpResponse response) {
            if (pending->sent.exchange(true)) {
                qCWarning(lcApi) << "a request was answered twice; the second answer was dropped";
                return;
            }
            if (QThread::currentThread() == serverThread) {
                pending->write(response);
                return;
            }
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(), [pending, response = std::move(response)] { pending->write(response); }, Qt::QueuedConnection);
        };
        self->m_handler(std::move(request), std::move(reply));
    });
}

HttpServerAdapter::~HttpServerAdapter() = default;

quint16 HttpServerAdapter::listen(const QHostAddress &address, quint16 port)
{
    // Never the 6.4 default (every interface): the caller always names the address. The server
    // takes its connections from our listener, which checks each byte before the server reads it.
    auto listener = std::make_unique<HttpListener>(m_limits);
    if (!listener->listen(address, port)) {
        qCWarning(lcApi) << "cannot listen on" << address.toString() << port << listener->errorString();
        return 0;
    }
    const quint16 bound = listener->serverPort();
    m_server->bind(listener.release());
    return bound;
}

void HttpServerAdapter::close()
{
    for (QTcpServer *server : m_server->servers())
        server->close();
}

} // namespace Opbox
