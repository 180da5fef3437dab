// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/demosandbox.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/networkthread.h"
#include "engine/services/oauthservice.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QProcess>
#include <QUrlQuery>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDemo, "opbox.demo", QtInfoMsg)

namespace Opbox {

QString DemoSandbox::workspaceName()
{
    return u"Demo"_s;
}

Result<DemoSandbox::Service> DemoSandbox::parseServiceLine(const QString &line)
{
    const QString configTag = u" config="_s;
    const QString credentialsTag = u" credentials="_s;
    const qsizetype configAt = line.indexOf(configTag);
    const qsizetype credentialsAt = line.indexOf(credentialsTag);
    const QStringList head = line.left(configAt).split(u' ', Qt::SkipEmptyParts);
    auto fail = [&line] {
        return Error::internal(
            QCoreApplication::translate("DemoSandbox", "the sandbox announced a service in a form it does not know: %1")
                .arg(line.left(120)));
    };
    if (configAt < 0 || credentialsAt < configAt || head.size() != 3)
        return fail();
    auto object = [](QStringView text, bool *ok) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        *ok = error.error == QJsonParseError::NoError && document.isObject();
        return document.object();
    };
    bool configOk = false, credentialsOk = false;
    Service service;
    service.type = head.at(0);
    service.name = head.at(1);
    service.baseUrl = QUrl(head.at(2), QUrl::StrictMode);
    service.config
        = object(QStringView(line).sliced(configAt + configTag.size(), credentialsAt - configAt - configTag.size()), &configOk);
    service.credentials = object(QStringView(line).sliced(credentialsAt + credentialsTag.size()), &credentialsOk);
    if (!configOk || !credentialsOk || !service.baseUrl.isValid() || service.baseUrl.host() != u"127.0.0.1"_s)
        return fail();
    return service;
}

DemoSandbox::DemoSandbox(QObject *parent)
    : QObject(parent)
    // A thread of its own, so that a slow answer never holds up the GUI.
    , m_browser(std::make_unique<NetworkThread>(u"opbox-demo"_s))
{
}

DemoSandbox::~DemoSandbox()
{
    // The browser first (its pending requests and their callbacks go with it), then the fakes.
    m_browser.reset();
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM: the fakes close their sockets and exit
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
}

bool DemoSandbox::start(QString *error, const QString &program)
{
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    const QString executable = program.isEmpty() ? QCoreApplication::applicationDirPath() + u"/opbox-fake-services"_s : program;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
#ifdef Q_OS_LINUX
    // The sandbox must not outlive the app, not even when the app is killed.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process->start(executable, {u"--records"_s, u"120"_s});
    if (!m_process->waitForStarted(10000))
        return fail(QCoreApplication::translate("DemoSandbox", "the sandbox %1 did not start: %2")
                        .arg(executable, m_process->errorString()));
    // It announces one line per service, then "ready"; anything else means it could not start.
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (!m_process->canReadLine()) {
            if (m_process->state() == QProcess::NotRunning)
                break;
            m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 500)));
            continue;
        }
        const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
        if (line == u"ready"_s) {
            qCInfo(lcDemo) << "sandbox running with" << m_services.size() << "services, pid" << m_process->processId();
            return true;
        }
        auto service = parseServiceLine(line);
        if (!service)
            return fail(service.error().message);
        m_services.append(*service);
    }
    return fail(QCoreApplication::translate("DemoSandbox", "the sandbox %1 did not announce its services").arg(executable));
}

QSet<quint16> DemoSandbox::loopbackPorts() const
{
    QSet<quint16> ports;
    for (const Service &service : m_services) {
        for (const QUrl &url : {service.baseUrl, QUrl(service.config.value(u"baseUrl"_s).toString()),
                                QUrl(service.config.value(u"authBaseUrl"_s).toString())}) {
            if (url.isValid() && url.port() > 0)
                ports.insert(quint16(url.port()));
        }
    }
    return ports;
}

QStringList DemoSandbox::describe() const
{
    QStringList lines;
    for (const Service &service : m_services)
        lines.append(u"%1 %2 %3"_s.arg(service.type, service.name, service.baseUrl.toString()));
    return lines;
}

Result<int> DemoSandbox::populate(Engine *engine, const Caller &caller, const QUrl &publicUrl)
{
    if (m_services.isEmpty())
        return 0;
    ConnectionService *connections = engine->connections();
    auto existing = connections->list(caller);
    if (!existing)
        return existing.error();
    int created = 0;
    for (const Service &fake : std::as_const(m_services)) {
        const ConnectorTypeInfo *type = ConnectorTypeRegistry::find(fake.type);
        if (!type)
            continue;
        // Not translated: the name is data, and finding the connection again on the next start needs it stable.
        const QString name = u"Demo "_s + type->name;
        QString id;
        for (const ConnectionRecord &c : std::as_const(*existing)) {
            if (c.type == type->type && c.name == name)
                id = c.id;
        }
        if (type->isOAuth()) {
            // The fake provider is new on every start (new ports, no old tokens): authorize again.
            auto started = authorize(engine, caller, fake, name, id, publicUrl);
            if (!started)
                qCWarning(lcDemo) << "demo connection not authorized:" << type->type << started.error().message;
            else if (id.isEmpty())
                ++created;
            continue;
        }
        if (!id.isEmpty()) {
            // The fakes listen on new ports every start: point the connection at today's.
            ConnectionChange change;
            change.config = fake.config;
            change.credentials = fake.credentials;
            auto updated = connections->update(caller, id, change);
            if (!updated)
                qCWarning(lcDemo) << "demo connection not updated:" << updated.error().message;
            continue;
        }
        ConnectionDraft draft;
        draft.name = name;
        draft.type = type->type;
        draft.credentials = fake.credentials;
        draft.config = fake.config;
        draft.schedule = QJsonObject{{u"enabled"_s, true}, {u"frequency"_s, u"hourly"_s}};
        auto made = connections->create(caller, draft);
        if (!made) {
            qCWarning(lcDemo) << "demo connection not created:" << type->type << made.error().message;
            continue;
        }
        ++created;
    }
    qCInfo(lcDemo) << "demo workspace ready:" << created << "connection(s) created";
    return created;
}

Result<QString> DemoSandbox::authorize(Engine *engine, const Caller &caller, const Service &fake, const QString &name,
                                       const QString &connectionId, const QUrl &publicUrl)
{
    OAuthService *oauth = engine->oauth();
    if (!oauth)
        return Error::internal(QCoreApplication::translate("DemoSandbox", "the OAuth service is not running"));
    // The client the fake registered, as a user would type it into the OAuth wizard.
    OAuthAuthorizeRequest request;
    request.clientId = fake.credentials.value(u"client_id"_s).toString();
    request.clientSecret = fake.credentials.value(u"client_secret"_s).toString();
    request.config = fake.config;
    if (connectionId.isEmpty()) {
        request.connectionName = name;
        request.schedule = QJsonObject{{u"enabled"_s, true}, {u"frequency"_s, u"hourly"_s}};
    } else {
        request.connectionId = connectionId;
    }
    QUrl base = publicUrl;
    if (!base.isValid() || base.host().isEmpty()) {
        // The API server's default address: nothing needs to answer there, the sandbox reads the redirect.
        base.setScheme(u"http"_s);
        base.setHost(u"127.0.0.1"_s);
        base.setPort(8787);
    }
    auto started = oauth->authorize(caller, fake.type, request, base);
    if (!started)
        return started.error();
    consent(engine, caller, fake.type, started->connectionId, started->authorizeUrl);
    return started->connectionId;
}

void DemoSandbox::consent(Engine *engine, const Caller &caller, const QString &type, const QString &connectionId,
                          const QUrl &authorizeUrl)
{
    QPointer<DemoSandbox> self(this);
    NetworkThread *browser = m_browser.get();
    browser->post([browser, self, engine, caller, type, connectionId, authorizeUrl] {
        QNetworkRequest request(authorizeUrl);
        // A browser would follow the redirect to the API server's callback; the sandbox stops at
        // the redirect and completes through the engine's code exchange instead, so the demo works
        // whether or not the API server runs.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(15000);
        QNetworkReply *reply = browser->network()->get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, self, engine, caller, type, connectionId] {
            reply->deleteLater();
            const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QMetaObject::invokeMethod(self, [self, engine, caller, type, connectionId, location, status] {
                if (!self)
                    return;
                if (!location.isValid()) {
                    const QString message
                        = QCoreApplication::translate("DemoSandbox", "the sandbox provider answered %1 without a redirect")
                              .arg(status);
                    qCWarning(lcDemo) << "demo authorization of" << connectionId << "failed:" << message;
                    Q_EMIT self->authorizationFinished(connectionId, false, message);
                    return;
                }
                self->exchange(engine, caller, type, connectionId, location);
            });
        });
    });
}

void DemoSandbox::exchange(Engine *engine, const Caller &caller, const QString &type, const QString &connectionId,
                           const QUrl &redirect)
{
    const QUrlQuery query(redirect);
    if (query.hasQueryItem(u"error"_s) || !query.hasQueryItem(u"code"_s)) {
        const QString message = QCoreApplication::translate("DemoSandbox", "the sandbox provider refused the authorization: %1")
                                    .arg(query.queryItemValue(u"error"_s).left(64));
        qCWarning(lcDemo) << "demo authorization of" << connectionId << "failed:" << message;
        Q_EMIT authorizationFinished(connectionId, false, message);
        return;
    }
    OAuthService *oauth = engine->oauth();
    if (!oauth)
        return;
    // The manual-code path of the engine: the state is validated and single-use as for a browser callback.
    const OAuthExchangeRequest request{connectionId, query.queryItemValue(u"code"_s, QUrl::FullyDecoded),
                                       query.queryItemValue(u"state"_s, QUrl::FullyDecoded)};
    oauth->exchange(caller, type, request, this, [this, connectionId](Result<OAuthConnected> result) {
        if (!result) {
            qCWarning(lcDemo) << "demo authorization of" << connectionId << "failed:" << result.error().message;
            Q_EMIT authorizationFinished(connectionId, false, result.error().message);
            return;
        }
        qCInfo(lcDemo) << "demo connection" << connectionId << "authorized";
        Q_EMIT authorizationFinished(connectionId, true, QString());
    });
}

} // namespace Opbox
