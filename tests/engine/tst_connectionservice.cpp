// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "engine/store/database.h"
#include "engine/services/identityservice.h"
#include "testengine.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** ConnectionService below the API: credential storage and the rotation of shared OAuth tokens. */
class TestConnectionService : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TestEngine> m_t;
    Caller m_caller;

    QString create(const QString &name)
    {
        auto r = m_t->engine().connections()->create(
            m_caller, QJsonObject{{u"name"_s, name}, {u"type"_s, u"ACCOUNTING"_s},
                                  {u"credentials"_s, QJsonObject{{u"client_id"_s, u"id"_s}, {u"client_secret"_s, u"secret"_s}}}});
        return r ? r->value(u"id"_s).toString() : QString();
    }
    void setGroup(const QString &id, const QString &group)
    {
        SqlQuery q(m_t->engine().metadata()->connection(), u"UPDATE connections SET variant_group_id = ? WHERE id = ?"_s);
        q.bind(group).bind(id);
        QVERIFY(q.exec());
    }
    QJsonObject tokens(const QString &refresh, const QString &access)
    {
        return QJsonObject{{u"client_id"_s, u"id"_s}, {u"client_secret"_s, u"secret"_s}, {u"refresh_token"_s, refresh},
                           {u"access_token"_s, access}, {u"expires_at"_s, u"2030-01-01T00:00:00.000Z"_s}};
    }
    QString refreshOf(const QString &id)
    {
        return m_t->engine().connections()->credentials(id)->value(u"refresh_token"_s).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>(false);
        QVERIFY(m_t->ok());
        m_t->addUser(u"owner@example.com"_s, Role::Owner);
        auto caller = m_t->engine().identity()->callerFor(m_t->userId(u"owner@example.com"_s), m_t->workspaceId());
        QVERIFY(caller.ok());
        m_caller = *caller;
    }

    void rotationReachesVariantsThatSharedTheToken()
    {
        auto *connections = m_t->engine().connections();
        const QString a = create(u"Xero"_s), b = create(u"Xero (2)"_s), c = create(u"Xero (3)"_s), d = create(u"Other"_s);
        setGroup(a, u"group-1"_s);
        setGroup(b, u"group-1"_s);
        setGroup(c, u"group-1"_s);
        setGroup(d, u"group-2"_s);
        QVERIFY(connections->storeCredentials(a, tokens(u"r1"_s, u"a1"_s)).ok());
        QVERIFY(connections->storeCredentials(b, tokens(u"r1"_s, u"a1"_s)).ok());
        QVERIFY(connections->storeCredentials(c, tokens(u"own"_s, u"x"_s)).ok());
        QVERIFY(connections->storeCredentials(d, tokens(u"r1"_s, u"a1"_s)).ok());

        QVERIFY(connections->storeCredentials(a, tokens(u"r2"_s, u"a2"_s)).ok());
        QCOMPARE(refreshOf(a), u"r2"_s);
        QCOMPARE(refreshOf(b), u"r2"_s);     // same group, same old token: follows the rotation
        QCOMPARE(connections->credentials(b)->value(u"access_token"_s).toString(), u"a2"_s);
        QCOMPARE(connections->credentials(b)->value(u"client_secret"_s).toString(), u"secret"_s);
        QCOMPARE(refreshOf(c), u"own"_s);    // its own authorization is left alone
        QCOMPARE(refreshOf(d), u"r1"_s);     // another group is never touched
    }

    void credentialFieldsNameOnly()
    {
        const QString id = create(u"Fields"_s);
        QVERIFY(m_t->engine().connections()->storeCredentials(id, tokens(u"r"_s, u"a"_s)).ok());
        const QJsonObject o = *m_t->engine().connections()->get(m_caller, id);
        QCOMPARE(o.value(u"credentialFields"_s).toArray().size(), 5);
        QVERIFY(!QJsonDocument(o).toJson().contains("\"a\""));
    }
};

QTEST_GUILESS_MAIN(TestConnectionService)
#include "tst_connectionservice.moc"
