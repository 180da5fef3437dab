// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/api/apirouter.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>
#include <memory>

class QThread;

namespace Opbox {

class Engine;
class HttpServerAdapter;

/**
 * The REST API server on its own thread: routes are registered on the GUI or
 * main thread before `start()`, requests are handled on the API thread, so a busy GUI never delays
 * an API client and the API never blocks the GUI.
 */
class ApiServer : public QObject
{
    Q_OBJECT
public:
    explicit ApiServer(Engine *engine, QObject *parent = nullptr);
    ~ApiServer() override;

    /** The router, to add routes before `start()`; foundation routes are already there. */
    [[nodiscard]] ApiRouter &router() { return m_router; }

    /** Binds `address:port` on the API thread; the bound port, or an error naming the address. */
    [[nodiscard]] Result<quint16> start(const QHostAddress &address, quint16 port);
    void stop();
    [[nodiscard]] bool isRunning() const { return m_port != 0; }
    [[nodiscard]] quint16 port() const { return m_port; }

    /** Base of webhook and OAuth redirect URLs (`--public-url`, default http://HOST:PORT). */
    void setPublicUrl(const QUrl &url) { m_publicUrl = url; }
    [[nodiscard]] QUrl publicUrl() const { return m_publicUrl; }

private:
    Engine *m_engine;
    ApiRouter m_router;
    QThread *m_thread = nullptr;
    HttpServerAdapter *m_adapter = nullptr;
    quint16 m_port = 0;
    QUrl m_publicUrl;
};

} // namespace Opbox
