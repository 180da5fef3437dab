// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/api/httplimits.h"
#include "engine/api/httptypes.h"

#include <QHostAddress>
#include <QObject>
#include <memory>

class QHttpServer;

namespace Opbox {

/**
 * The one place that touches QtHttpServer (a technical preview in 6.4 whose API changed in 6.8):
 * every request goes to one HttpHandler, and replies are written through a socket-guarded
 * responder so that a client that hangs up early cannot make the server write to a freed socket.
 * Each listening socket is an HttpListener, which enforces the limits before QtHttpServer reads.
 * Lives on the API thread; replies may be sent from any thread.
 */
class HttpServerAdapter : public QObject
{
    Q_OBJECT
public:
    explicit HttpServerAdapter(HttpHandler handler, QObject *parent = nullptr);
    HttpServerAdapter(HttpHandler handler, const HttpLimits &limits, QObject *parent = nullptr);
    ~HttpServerAdapter() override;

    /** Binds `address:port` (port 0 = ephemeral); returns the bound port, or 0 on failure. */
    [[nodiscard]] quint16 listen(const QHostAddress &address, quint16 port);
    void close();

private:
    std::unique_ptr<QHttpServer> m_server;
    HttpHandler m_handler;
    HttpLimits m_limits;
};

} // namespace Opbox
