// SPDX-License-Identifier: GPL-3.0-or-later
#include "demosandbox.h"
#include "connectionservice.h"
#include "connectortyperegistry.h"
#include "engine.h"
#include "fakeservicesuite.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QThread>

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
{
    // The fakes answer HTTP requests: they get their own thread, never the GUI's.
    m_thread->setObjectName(u"opbox-demo"_s);
    m_thread->start();
}

DemoSandbox::~DemoSandbox()
{
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

Result<int> DemoSandbox::populate(Engine *engine, const Caller &caller)
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

} // namespace Opbox
