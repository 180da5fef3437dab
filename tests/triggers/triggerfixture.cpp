// SPDX-License-Identifier: GPL-3.0-or-later
#include "triggerfixture.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/sync/syncworkerpool.h"
#include "scriptedconnector.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace Opbox::Test {

TriggerFixture::TriggerFixture()
{
    pinEnvironment();
    m_t = std::make_unique<TestEngine>();
    if (!m_t->ok())
        return;
    owner = m_t->addUser(u"owner@example.com"_s, Role::Owner);
    admin = m_t->addUser(u"admin@example.com"_s, Role::Admin);
    member = m_t->addUser(u"member@example.com"_s, Role::Member);
    viewer = m_t->addUser(u"viewer@example.com"_s, Role::Viewer);
    outsider = m_t->addUser(u"other@example.com"_s, Role::Owner, u"Other Co"_s);
    ownerId = m_t->userId(u"owner@example.com"_s);
    adminId = m_t->userId(u"admin@example.com"_s);
    memberId = m_t->userId(u"member@example.com"_s);
    viewerId = m_t->userId(u"viewer@example.com"_s);
}

TriggerFixture::~TriggerFixture()
{
    if (m_t && m_t->ok() && m_t->engine().syncWorkers())
        m_t->engine().syncWorkers()->stop(u"test end"_s, 10000);
}

void TriggerFixture::startScriptedWorkers(int workers)
{
    engine().runs()->setConnectorMaker(ScriptedConnector::maker());
    engine().syncWorkers()->start(workers);
}

QString TriggerFixture::createConnection(const QString &name, const QJsonObject &extra)
{
    QJsonObject body{
        {u"name"_s, name}, {u"type"_s, u"CRM_PLATFORM"_s}, {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"test-api-key"_s}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    auto r = as(owner)->post(u"/api/pipelines/connections"_s, body);
    if (r.status != 201) {
        qWarning("create connection failed: %d %s", r.status, r.body.constData());
        return {};
    }
    return r.json().value(u"id"_s).toString();
}

QJsonArray TriggerFixture::runs(const QString &connectionId) const
{
    auto r = as(owner)->get(u"/api/pipelines/connections/"_s + connectionId + u"/runs?limit=500"_s);
    return r.json().value(u"runs"_s).toArray();
}

QJsonObject TriggerFixture::finishedRun(const QString &connectionId, const QString &runId, int timeoutMs,
                                        std::source_location where) const
{
    return m_t->finishedRun(owner, connectionId, runId, timeoutMs, where);
}

void TriggerFixture::stopActive(const QString &connectionId) const
{
    for (const auto &v : runs(connectionId)) {
        const QJsonObject run = v.toObject();
        const QString status = run.value(u"status"_s).toString();
        if (status == u"PENDING"_s || status == u"RUNNING"_s)
            (void)as(owner)->post(u"/api/pipelines/connections/"_s + connectionId + u"/runs/"_s + run.value(u"id"_s).toString(),
                                  {});
    }
}

QString TriggerFixture::revealToken(const QString &connectionId) const
{
    auto r = as(owner)->post(u"/api/pipelines/connections/"_s + connectionId + u"/webhook-url"_s, {});
    if (r.status != 200)
        return {};
    const QString url = r.json().value(u"webhookUrl"_s).toString();
    return url.mid(url.lastIndexOf(u'/') + 1);
}

QVariantList TriggerFixture::column(const QString &sql, const QVariantList &binds)
{
    SqlQuery q(engine().metadata()->connection(), sql);
    for (const auto &b : binds)
        q.bind(b);
    QVariantList out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(q.value(0));
    return out;
}

} // namespace Opbox::Test
