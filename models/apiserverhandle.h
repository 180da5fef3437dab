// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QHostAddress>
#include <QUrl>

namespace Opbox {

/**
 * The in-process REST API server as the GUI sees it: start, stop and where it listens. The
 * composition root (app/) implements it over the API library, which the GUI never links.
 */
class ApiServerHandle
{
public:
    virtual ~ApiServerHandle() = default;

    /** Binds `address:port` and serves; `publicUrl` empty means http://HOST:PORT. The bound port. */
    [[nodiscard]] virtual Result<quint16> start(const QHostAddress &address, quint16 port, const QUrl &publicUrl) = 0;
    virtual void stop() = 0;
    [[nodiscard]] virtual bool isRunning() const = 0;
    /** The bound port while it runs, else 0. */
    [[nodiscard]] virtual quint16 port() const = 0;
    /** The base URL of webhooks and OAuth redirects while it runs. */
    [[nodiscard]] virtual QUrl publicUrl() const = 0;
};

} // namespace Opbox
