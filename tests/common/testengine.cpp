// SPDX-License-Identifier: GPL-3.0-or-later
#include "testengine.h"
#include "engine/security/vault.h"
#include "engine/services/identityservice.h"

#include <QCoroTask>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Opbox::Test {

void pinEnvironment()
{
    // The time zone and locale stay what ctest gave the test: each test runs once in UTC and once
    // in a zone with daylight saving time and a German locale.
    QStandardPaths::setTestModeEnabled(true);
}

TestEngine::TestEngine(bool withApi, const QByteArray &key)
    : m_withApi(withApi)
{
    m_engine = std::make_unique<Engine>(m_dir.path());
    if (!m_engine->open())
        return;
    if (!m_engine->unlockWithKey(key.isEmpty() ? Vault::generateKey() : key))
        return;
    m_api = std::make_unique<ApiServer>(m_engine.get());
    m_ok = true;
    if (withApi)
        m_ok = startApi();
}

TestEngine::~TestEngine()
{
    if (m_api)
        m_api->stop();
}

void TestEngine::close()
{
    if (m_api)
        m_api->stop();
    m_api.reset();
    m_engine.reset();
    m_ok = false;
}

Result<void> TestEngine::reopen(SecretStore *keychain)
{
    close();
    m_engine = std::make_unique<Engine>(m_dir.path());
    if (auto opened = m_engine->open(); !opened)
        return opened;
    if (auto unlocked = QCoro::waitFor(m_engine->unlock(keychain)); !unlocked)
        return unlocked;
    m_api = std::make_unique<ApiServer>(m_engine.get());
    m_ok = !m_withApi || startApi();
    if (!m_ok)
        return Error::internal(u"the API server did not start"_s);
    return {};
}

bool TestEngine::startApi()
{
    auto port = m_api->start(QHostAddress(QHostAddress::LocalHost), 0);
    if (!port)
        return false;
    m_port = *port;
    return true;
}

QUrl TestEngine::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

QString TestEngine::addUser(const QString &email, Role role, const QString &workspace)
{
    auto *identity = m_engine->identity();
    auto user = identity->ensureUser(email);
    auto ws = identity->ensureWorkspace(workspace);
    if (!user || !ws)
        return {};
    if (!identity->setMembership(*user, *ws, role))
        return {};
    auto token = identity->createToken(*user, u"test"_s);
    return token ? *token : QString();
}

QString TestEngine::userId(const QString &email)
{
    auto user = m_engine->identity()->ensureUser(email);
    return user ? *user : QString();
}

QString TestEngine::workspaceId(const QString &workspace)
{
    auto ws = m_engine->identity()->ensureWorkspace(workspace);
    return ws ? *ws : QString();
}

std::unique_ptr<HttpClient> TestEngine::client(const QString &token) const
{
    auto c = std::make_unique<HttpClient>(baseUrl());
    c->setToken(token);
    return c;
}

QJsonObject TestEngine::finishedRun(const QString &token, const QString &connectionId, const QString &runId, int timeoutMs,
                                    std::source_location where)
{
    if (!waitForRun(m_engine->runs(), runId, timeoutMs, where))
        return {};
    return client(token)->get(u"/api/pipelines/connections/%1/runs/%2"_s.arg(connectionId, runId)).json();
}

} // namespace Opbox::Test
