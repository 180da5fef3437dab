// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/apiservercontroller.h"
#include "engine/store/settingsstore.h"
#include "models/modelslogging.h"

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
const QString EnabledKey = u"gui.apiServer.enabled"_s;
const QString PortKey = u"gui.apiServer.port"_s;
const QString PublicUrlKey = u"gui.apiServer.publicUrl"_s;
const QString WorkersKey = u"gui.workers"_s;
} // namespace

ApiServerController::ApiServerController(ApiServerHandle *server, SettingsStore *settings, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_settings(settings)
{
    load();
}

void ApiServerController::load()
{
    if (!m_settings)
        return;
    m_config.enabled = m_settings->value(EnabledKey, u"true"_s) != u"false"_s;
    bool ok = false;
    const int port = m_settings->value(PortKey).toInt(&ok);
    if (ok && port > 0 && port < 65536)
        m_config.port = quint16(port);
    const QString url = m_settings->value(PublicUrlKey);
    if (!url.isEmpty())
        m_config.publicUrl = QUrl(url);
    const int workers = m_settings->value(WorkersKey).toInt(&ok);
    if (ok && workers >= 1 && workers <= 64)
        m_config.workers = workers;
}

void ApiServerController::setCommandLine(const QHostAddress &address, quint16 port, bool portGiven, const QUrl &publicUrl,
                                         int workers, bool workersGiven)
{
    m_address = address;
    if (portGiven) {
        m_config.port = port;
        m_config.enabled = true;
    }
    if (!publicUrl.isEmpty())
        m_config.publicUrl = publicUrl;
    if (workersGiven)
        m_config.workers = workers;
}

void ApiServerController::apply(const Config &config)
{
    const bool restart = config.enabled != m_config.enabled || config.port != m_config.port
        || config.publicUrl != m_config.publicUrl || (config.enabled && !isRunning());
    const bool workers = config.workers != m_config.workers;
    m_config = config;
    if (m_settings) {
        (void)m_settings->setValue(EnabledKey, config.enabled ? u"true"_s : u"false"_s);
        (void)m_settings->setValue(PortKey, QString::number(config.port));
        (void)m_settings->setValue(PublicUrlKey, config.publicUrl.toString());
        (void)m_settings->setValue(WorkersKey, QString::number(config.workers));
    }
    if (restart) {
        stop();
        if (config.enabled)
            start();
    }
    if (workers)
        Q_EMIT workersChanged(config.workers);
    Q_EMIT stateChanged();
}

void ApiServerController::start()
{
    m_problem.clear();
    if (!m_config.enabled) {
        Q_EMIT stateChanged();
        return;
    }
    m_server->stop();
    // An empty public URL lets the server derive http://HOST:PORT from the bound port again.
    auto port = m_server->start(m_address, m_config.port, m_config.publicUrl);
    if (!port) {
        m_problem = tr("port %1 on %2 is in use or not available").arg(m_config.port).arg(m_address.toString());
        qCWarning(lcModels) << "API server not started:" << port.error().message;
    }
    Q_EMIT stateChanged();
}

void ApiServerController::stop()
{
    m_server->stop();
    Q_EMIT stateChanged();
}

bool ApiServerController::isRunning() const
{
    return m_server->isRunning();
}

QUrl ApiServerController::url() const
{
    return m_server->publicUrl();
}

QString ApiServerController::stateText() const
{
    if (isRunning())
        return tr("API server: %1").arg(url().toString());
    if (!m_config.enabled)
        return tr("API server: off");
    if (!m_problem.isEmpty())
        return tr("API server not running: %1").arg(m_problem);
    return tr("API server: starting…");
}

} // namespace Opbox
