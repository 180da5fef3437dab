// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/apiserverhandle.h"

#include <memory>

namespace Opbox {

class ApiServer;
class Engine;

/** The desktop app's in-process REST API server behind the GUI's ApiServerHandle. */
class DesktopApiServer final : public ApiServerHandle
{
public:
    explicit DesktopApiServer(Engine *engine);
    ~DesktopApiServer() override;

    [[nodiscard]] Result<quint16> start(const QHostAddress &address, quint16 port, const QUrl &publicUrl) override;
    void stop() override;
    [[nodiscard]] bool isRunning() const override;
    [[nodiscard]] quint16 port() const override;
    [[nodiscard]] QUrl publicUrl() const override;

private:
    std::unique_ptr<ApiServer> m_server;
};

} // namespace Opbox
