// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hubspotfakeserver.h"

#include <QJsonObject>
#include <QThread>
#include <functional>
#include <memory>

namespace Opbox::Test {

/**
 * A HubSpot fake on its own thread: GUI tests that measure the GUI thread must not have the
 * provider's HTTP work on it (in the real app the provider is another machine).
 */
class FakeProviderThread
{
public:
    FakeProviderThread()
    {
        m_thread.setObjectName(QStringLiteral("fake-hubspot"));
        m_thread.start();
        run([this] {
            m_server = new Fakes::HubSpotFakeServer;
            m_started = m_server->start();
        });
    }
    ~FakeProviderThread()
    {
        run([this] { delete m_server; });
        m_thread.quit();
        m_thread.wait();
    }

    [[nodiscard]] bool started() const { return m_started; }
    /** Runs `f` on the fake's thread and waits for it (the fake is not thread-safe for setup calls). */
    void run(const std::function<void()> &f)
    {
        auto *context = new QObject;
        context->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            context,
            [&f, context] {
                f();
                delete context;
            },
            Qt::BlockingQueuedConnection);
    }
    [[nodiscard]] Fakes::HubSpotFakeServer *server() const { return m_server; }
    /** Seeds the CRM's four streams on the fake's thread. */
    void seedCrm(int contacts, int companies, int deals, int owners)
    {
        run([&] {
            m_server->seed(QStringLiteral("contacts"), contacts);
            m_server->seed(QStringLiteral("companies"), companies);
            m_server->seed(QStringLiteral("deals"), deals);
            m_server->seed(QStringLiteral("owners"), owners);
        });
    }
    [[nodiscard]] QJsonObject credentials()
    {
        QJsonObject out;
        run([&] { out = m_server->credentials(); });
        return out;
    }
    [[nodiscard]] QJsonObject config()
    {
        QJsonObject out;
        run([&] { out = m_server->connectorConfig(); });
        return out;
    }

private:
    QThread m_thread;
    Fakes::HubSpotFakeServer *m_server = nullptr;
    bool m_started = false;
};

} // namespace Opbox::Test
