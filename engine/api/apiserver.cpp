// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/apiserver.h"
#include "engine/api/connectormanifestscontroller.h"
#include "engine/api/foundationcontroller.h"
#include "engine/api/hostheaderpolicy.h"
#include "engine/api/httpserveradapter.h"
#include "engine/api/oauthcontroller.h"
#include "engine/api/runscontroller.h"
#include "engine/api/triggerscontroller.h"
#include "engine/enginelogging.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"

#include <QCoreApplication>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Opbox {

ApiServer::ApiServer(Engine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    m_router.setAuthenticator([engine](const HttpRequest &req) {
        return engine->identity()->authenticate(req.header("Authorization"),
                                                QString::fromUtf8(req.header("X-Workspace-Id")).trimmed(), req.remoteAddress);
    });
    FoundationController::registerRoutes(m_router, *engine);
    ConnectionsController::registerRoutes(m_router, *engine);
    ConnectorOperationsController::registerRoutes(m_router, *engine);
    RunsController::registerRoutes(m_router, *engine);
    TriggersController::registerRoutes(m_router, *engine, *this);
    OAuthController::registerRoutes(m_router, *engine, *this);
    ConnectorManifestsController::registerRoutes(m_router, *engine);
}

ApiServer::~ApiServer()
{
    stop();
}

Result<quint16> ApiServer::start(const QHostAddress &address, quint16 port)
{
    if (m_thread)
        return Error::conflict(QCoreApplication::translate("ApiServer", "the API server is already running"));
    m_thread = new QThread;
    m_thread->setObjectName(u"opbox-api"_s);
    m_thread->start();
    quint16 bound = 0;
    const ApiRouter *router = &m_router;
    // Create the adapter on the API thread so that its sockets live there.
    auto *context = new QObject;
    context->moveToThread(m_thread);
    // The public URL only changes while the server is stopped, so the policy is fixed here.
    const HostHeaderPolicy hosts = HostHeaderPolicy::forServer(address, m_publicUrl);
    QMetaObject::invokeMethod(
        context,
        [this, router, hosts, address, port, &bound] {
            m_adapter = new HttpServerAdapter([router, hosts](HttpRequest request, HttpReply reply) {
                const QByteArray host = request.header("Host");
                if (!hosts.allows(host)) {
                    qCInfo(lcApi) << "refused a request for host" << HostHeaderPolicy::hostOf(host).left(100);
                    reply(HttpResponse::error(
                        403, u"HOST_NOT_ALLOWED"_s,
                        QCoreApplication::translate("ApiServer",
                                                    "this server does not answer to the host \"%1\"; if clients "
                                                    "reach it under that name, set it as the public URL")
                            .arg(HostHeaderPolicy::hostOf(host).left(100))));
                    return;
                }
                router->dispatch(std::move(request), std::move(reply));
            });
            bound = m_adapter->listen(address, port);
            if (bound == 0) {
                delete m_adapter;
                m_adapter = nullptr;
            }
        },
        Qt::BlockingQueuedConnection);
    context->deleteLater();
    if (bound == 0) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        return Error{Error::Kind::Unavailable,
                     u"LISTEN_FAILED"_s,
                     QCoreApplication::translate("ApiServer", "cannot listen on %1:%2 (address in use or not available)")
                         .arg(address.toString())
                         .arg(port),
                     {}};
    }
    m_port = bound;
    if (m_publicUrl.isEmpty()) {
        QUrl url;
        url.setScheme(u"http"_s);
        url.setHost(address.toString());
        url.setPort(bound);
        m_publicUrl = url;
    }
    qCInfo(lcApi) << "API server listening on" << address.toString() << bound;
    return bound;
}

void ApiServer::stop()
{
    if (!m_thread)
        return;
    if (m_adapter) {
        HttpServerAdapter *adapter = m_adapter;
        m_adapter = nullptr;
        QMetaObject::invokeMethod(
            adapter, [adapter] { delete adapter; }, Qt::BlockingQueuedConnection);
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_port = 0;
}

} // namespace Opbox
