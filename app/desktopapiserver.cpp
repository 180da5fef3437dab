// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktopapiserver.h"
#include "engine/api/apiserver.h"

namespace Opbox {

DesktopApiServer::DesktopApiServer(Engine *engine)
    : m_server(std::make_unique<ApiServer>(engine))
{
}

DesktopApiServer::~DesktopApiServer() = default;

Result<quint16> DesktopApiServer::start(const QHostAddress &address, quint16 port, const QUrl &publicUrl)
{
    m_server->stop();
    m_server->setPublicUrl(publicUrl);
    return m_server->start(address, port);
}

void DesktopApiServer::stop()
{
    m_server->stop();
}

bool DesktopApiServer::isRunning() const
{
    return m_server->isRunning();
}

quint16 DesktopApiServer::port() const
{
    return m_server->port();
}

QUrl DesktopApiServer::publicUrl() const
{
    return m_server->publicUrl();
}

} // namespace Opbox
