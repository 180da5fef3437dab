// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/api/httplimits.h"
#include "engine/api/httprequestframer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace Opbox {

/**
 * The listening socket of the HTTP server, watching every connection from its first byte: it
 * refuses a request whose head or body breaks the limits before the HTTP server buffers it,
 * closes a connection that does not complete a request in time, and at the connection cap makes
 * room by closing the connection that has waited longest for a request, never one being served.
 * The HTTP server reads the sockets it hands out; this class sees each byte just before it does.
 */
class HttpListener : public QTcpServer
{
    Q_OBJECT
public:
    explicit HttpListener(const HttpLimits &limits, QObject *parent = nullptr);
    ~HttpListener() override;

    /** The listener that accepted `socket`, or null. */
    [[nodiscard]] static HttpListener *of(QTcpSocket *socket);

    /** A complete request from `socket` reached the handler: the connection is busy until answered. */
    void requestStarted(QTcpSocket *socket);
    /** The answer to a request from `socket` was written. */
    void requestAnswered(QTcpSocket *socket);

    [[nodiscard]] int openConnections() const { return int(m_connections.size()); }

protected:
    void incomingConnection(qintptr handle) override;

private:
    /** What the listener knows about one open connection. */
    struct Connection
    {
        explicit Connection(const HttpLimits &limits)
            : framer(limits)
        {
        }
        HttpRequestFramer framer;
        qint64 seenUnread = 0; // buffered bytes the framer has seen and the server has not read
        int inProgress = 0; // requests handed to the handler and not answered yet
        qint64 waitingSince = 0; // accepted or last answered, in m_clock milliseconds
        quint64 order = 0; // accept order: breaks ties between equal times
        bool refused = false; // answered with an error; its input is discarded until it is cut
        qint64 refusedAt = 0;
    };

    void inspect(QTcpSocket *socket);
    void noteServerRead(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, const HttpRequestFramer::Refusal &refusal);
    static void discardInput(QTcpSocket *socket);
    [[nodiscard]] bool makeRoom();
    void sweep();

    HttpLimits m_limits;
    QHash<QTcpSocket *, Connection> m_connections;
    QElapsedTimer m_clock;
    QTimer m_sweep;
    quint64 m_accepted = 0;
};

} // namespace Opbox
