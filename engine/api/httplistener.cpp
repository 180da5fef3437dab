// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/httplistener.h"
#include "engine/api/httptypes.h"
#include "engine/enginelogging.h"

#include <QTcpSocket>
#include <algorithm>
#include <tuple>
#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 413: return "Payload Too Large";
    case 431: return "Request Header Fields Too Large";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

/** The refusal as the API's error envelope, written straight to the socket: no request object exists. */
QByteArray wireResponse(const HttpRequestFramer::Refusal &refusal)
{
    const HttpResponse response = HttpResponse::error(refusal.status, refusal.code, refusal.message);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(refusal.status) + ' ' + reasonPhrase(refusal.status) + "\r\n";
    out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
    out += response.body;
    return out;
}

} // namespace

HttpListener::HttpListener(const HttpLimits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    m_clock.start();
    // Deadlines are checked in steps of a tenth of the timeout (at most a second), so a
    // connection is closed at most that much after its deadline.
    const auto step = std::clamp<qint64>(m_limits.requestTimeout.count() / 10, 10, 1000);
    m_sweep.setInterval(int(step));
    connect(&m_sweep, &QTimer::timeout, this, &HttpListener::sweep);
}

HttpListener::~HttpListener()
{
    // The sockets are children and go after this object's members: they must not call back.
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it)
        it.key()->disconnect(this);
    m_connections.clear();
}

HttpListener *HttpListener::of(QTcpSocket *socket)
{
    return socket ? qobject_cast<HttpListener *>(socket->parent()) : nullptr;
}

void HttpListener::incomingConnection(qintptr handle)
{
    if (m_connections.size() >= m_limits.maxConnections && !makeRoom()) {
        // Every open connection is being served: there is nothing to close for this one.
        qCDebug(lcApi) << "refused a connection: all" << m_connections.size() << "connections have requests in progress";
        QTcpSocket refused;
        if (refused.setSocketDescriptor(handle))
            refused.abort();
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    // One complete request at the limits fits; beyond that the socket stops reading, so a client
    // that outruns the checks below is held in the kernel's buffers, not in ours.
    socket->setReadBufferSize(m_limits.readBufferBytes());
    Connection connection(m_limits);
    connection.waitingSince = m_clock.elapsed();
    connection.order = ++m_accepted;
    m_connections.insert(socket, connection);

    // Connected before the HTTP server connects its own slot (in addPendingConnection), so that
    // every byte is checked before the server reads it; noteServerRead runs after the server.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { m_connections.remove(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    addPendingConnection(socket);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { noteServerRead(socket); });
    if (!m_sweep.isActive())
        m_sweep.start();
}

void HttpListener::inspect(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->refused) {
        discardInput(socket);
        return;
    }
    const qint64 available = socket->bytesAvailable();
    const qint64 fresh = available - it->seenUnread;
    it->seenUnread = available;
    if (fresh <= 0)
        return;
    const QByteArray buffered = socket->peek(available);
    if (auto refusal = it->framer.feed(QByteArrayView(buffered).last(fresh)))
        refuse(socket, *refusal);
}

void HttpListener::noteServerRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it != m_connections.end() && !it->refused)
        it->seenUnread = socket->bytesAvailable();
}

void HttpListener::refuse(QTcpSocket *socket, const HttpRequestFramer::Refusal &refusal)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    qCDebug(lcApi) << "refused a request with" << refusal.status << refusal.code;
    it->refused = true;
    it->refusedAt = m_clock.elapsed();
    it->seenUnread = 0;
    // Nothing of the refused request may reach the HTTP server, which reads right after this.
    discardInput(socket);
    // The client may still be sending; its input is read and dropped until it has seen the
    // answer and hangs up, or until the linger time ends (closing with unread input would reset
    // the connection and could destroy the answer before the client reads it). Once the answer
    // is out, the sending side is shut, so a client reading until the end sees the end.
    connect(socket, &QTcpSocket::bytesWritten, this, [socket] {
        if (socket->bytesToWrite() > 0 || socket->state() != QAbstractSocket::ConnectedState)
            return;
#ifdef Q_OS_UNIX
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
#endif
    });
    socket->write(wireResponse(refusal));
}

void HttpListener::discardInput(QTcpSocket *socket)
{
    // The server's read transaction keeps what it read; end it so that the buffer is freed.
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->skip(socket->bytesAvailable());
}

void HttpListener::requestStarted(QTcpSocket *socket)
{
    if (auto it = m_connections.find(socket); it != m_connections.end())
        ++it->inProgress;
}

void HttpListener::requestAnswered(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->inProgress == 0)
        return;
    if (--it->inProgress == 0)
        it->waitingSince = m_clock.elapsed();
}

bool HttpListener::makeRoom()
{
    // Refused connections first (oldest refusal), then the one waiting longest for a request.
    QTcpSocket *victim = nullptr;
    const Connection *chosen = nullptr;
    const auto rank
        = [](const Connection &c) { return std::tuple(c.refused ? 0 : 1, c.refused ? c.refusedAt : c.waitingSince, c.order); };
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (it->inProgress > 0)
            continue;
        if (!chosen || rank(*it) < rank(*chosen)) {
            chosen = &*it;
            victim = it.key();
        }
    }
    if (!victim)
        return false;
    qCDebug(lcApi) << "closed the connection waiting longest to make room for a new one";
    m_connections.remove(victim);
    victim->abort();
    return true;
}

void HttpListener::sweep()
{
    const qint64 now = m_clock.elapsed();
    QList<QTcpSocket *> expired;
    QList<QTcpSocket *> lingered;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (it->refused) {
            if (now - it->refusedAt >= m_limits.refusedLinger.count())
                lingered.append(it.key());
        } else if (it->inProgress == 0 && now - it->waitingSince >= m_limits.requestTimeout.count()) {
            expired.append(it.key());
        }
    }
    for (QTcpSocket *socket : std::as_const(expired)) {
        // Idle, or too slow to send its request: closed without an answer. Marked refused first,
        // so that it is cut when the close cannot complete (a client that reads nothing).
        auto it = m_connections.find(socket);
        if (it == m_connections.end())
            continue;
        it->refused = true;
        it->refusedAt = now;
        discardInput(socket);
        socket->disconnectFromHost();
    }
    for (QTcpSocket *socket : std::as_const(lingered)) {
        m_connections.remove(socket);
        socket->abort();
    }
    if (m_connections.isEmpty())
        m_sweep.stop();
}

} // namespace Opbox
