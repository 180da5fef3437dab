// SPDX-License-Identifier: GPL-3.0-or-later
#include "demosandbox.h"
#include "connectionservice.h"
#include "connectortyperegistry.h"
#include "engine.h"
#include "fakeservicesuite.h"
#include "oauthservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QThread>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDemo, "opbox.demo", QtInfoMsg)

namespace Opbox {

QString DemoSandbox::workspaceName()
{
    return u"Demo"_s;
}

DemoSandbox::DemoSandbox(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new QObject)
{
    // The fakes answer HTTP requests: they get their own thread, never the GUI's. So does the
    // sandbox's own browser that follows the OAuth consent redirects.
    m_thread->setObjectName(u"opbox-demo"_s);
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

DemoSandbox::~DemoSandbox()
{
    // The browser first (its pending requests and their callbacks go with it), then the fakes.
    QObject *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    if (m_suite) {
        Fakes::FakeServiceSuite *suite = m_suite.release();
        QMetaObject::invokeMethod(suite, [suite] { delete suite; }, Qt::BlockingQueuedConnection);
    }
    m_thread->quit();
    m_thread->wait();
}

bool DemoSandbox::start(QString *error)
{
    bool ok = false;
    QString reason;
    Fakes::FakeServiceSuite *suite = nullptr;
    auto *context = new QObject;
    context->moveToThread(m_thread);
    QMetaObject::invokeMethod(
        context,
        [&] {
            Fakes::FakeServiceSuite::Options options;
            options.records = 120;
            suite = new Fakes::FakeServiceSuite(options);
            ok = suite->start(&reason);
        },
        Qt::BlockingQueuedConnection);
    context->deleteLater();
    m_suite.reset(suite);
    if (!ok && error)
        *error = reason;
    return ok;
}

QStringList DemoSandbox::describe() const
{
    return m_suite ? m_suite->describe() : QStringList();
}

Result<int> DemoSandbox::populate(Engine *engine, const Caller &caller, const QUrl &publicUrl)
{
    if (!m_suite)
        return 0;
    ConnectionService *connections = engine->connections();
    auto existing = connections->list(caller);
    if (!existing)
        return existing.error();
    int created = 0;
    for (Fakes::FakeProviderServer *fake : m_suite->servers()) {
        const ConnectorTypeInfo *type = ConnectorTypeRegistry::find(fake->connectorType());
        if (!type)
            continue;
        // Not translated: the name is data, and finding the connection again on the next start needs it stable.
        const QString name = u"Demo "_s + type->name;
        QString id;
        for (const auto &v : *existing) {
            const QJsonObject c = v.toObject();
            if (c.value(u"type"_s).toString() == type->type && c.value(u"name"_s).toString() == name)
                id = c.value(u"id"_s).toString();
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
            auto updated = connections->update(caller, id, QJsonObject{{u"config"_s, fake->connectorConfig()},
                                                                        {u"credentials"_s, fake->credentials()}});
            if (!updated)
                qCWarning(lcDemo) << "demo connection not updated:" << updated.error().message;
            continue;
        }
        auto made = connections->create(caller, QJsonObject{{u"name"_s, name},
                                                            {u"type"_s, type->type},
                                                            {u"credentials"_s, fake->credentials()},
                                                            {u"config"_s, fake->connectorConfig()},
                                                            {u"schedule"_s, QJsonObject{{u"enabled"_s, true},
                                                                                        {u"frequency"_s, u"hourly"_s}}}});
        if (!made) {
            qCWarning(lcDemo) << "demo connection not created:" << type->type << made.error().message;
            continue;
        }
        ++created;
    }
    qCInfo(lcDemo) << "demo workspace ready:" << created << "connection(s) created";
    return created;
}

Result<QString> DemoSandbox::authorize(Engine *engine, const Caller &caller, Fakes::FakeProviderServer *fake,
                                       const QString &name, const QString &connectionId, const QUrl &publicUrl)
{
    OAuthService *oauth = engine->oauth();
    if (!oauth)
        return Error::internal(QCoreApplication::translate("DemoSandbox", "the OAuth service is not running"));
    // The client the fake registered, as a user would type it into the OAuth wizard.
    const QJsonObject client = fake->credentials();
    QJsonObject body{{u"client_id"_s, client.value(u"client_id"_s)},
                     {u"client_secret"_s, client.value(u"client_secret"_s)},
                     {u"config"_s, fake->connectorConfig()}};
    if (connectionId.isEmpty()) {
        body.insert(u"connectionName"_s, name);
        body.insert(u"schedule"_s, QJsonObject{{u"enabled"_s, true}, {u"frequency"_s, u"hourly"_s}});
    } else {
        body.insert(u"connectionId"_s, connectionId);
    }
    QUrl base = publicUrl;
    if (!base.isValid() || base.host().isEmpty()) {
        // The API server's default address: nothing needs to answer there, the sandbox reads the redirect.
        base.setScheme(u"http"_s);
        base.setHost(u"127.0.0.1"_s);
        base.setPort(8787);
    }
    auto started = oauth->authorize(caller, fake->connectorType(), body, base);
    if (!started)
        return started.error();
    const QString id = started->value(u"connectionId"_s).toString();
    consent(engine, caller, fake->connectorType(), id, QUrl(started->value(u"authorizeUrl"_s).toString(), QUrl::StrictMode));
    return id;
}

void DemoSandbox::consent(Engine *engine, const Caller &caller, const QString &type, const QString &connectionId,
                          const QUrl &authorizeUrl)
{
    QPointer<DemoSandbox> self(this);
    QMetaObject::invokeMethod(m_worker, [this, self, engine, caller, type, connectionId, authorizeUrl] {
        if (!m_network)
            m_network = new QNetworkAccessManager(m_worker);
        QNetworkRequest request(authorizeUrl);
        // A browser would follow the redirect to the API server's callback; the sandbox stops at
        // the redirect and completes through the engine's code exchange instead, so the demo works
        // whether or not the API server runs.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(15000);
        QNetworkReply *reply = m_network->get(request);
        QObject::connect(reply, &QNetworkReply::finished, m_worker, [reply, self, engine, caller, type, connectionId] {
            reply->deleteLater();
            const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QMetaObject::invokeMethod(self, [self, engine, caller, type, connectionId, location, status] {
                if (!self)
                    return;
                if (!location.isValid()) {
                    const QString message = QCoreApplication::translate("DemoSandbox", "the sandbox provider answered %1 without a redirect")
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
    const QJsonObject body{{u"connectionId"_s, connectionId},
                           {u"code"_s, query.queryItemValue(u"code"_s, QUrl::FullyDecoded)},
                           {u"state"_s, query.queryItemValue(u"state"_s, QUrl::FullyDecoded)}};
    oauth->exchange(caller, type, body, this, [this, connectionId](Result<QJsonObject> result) {
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
