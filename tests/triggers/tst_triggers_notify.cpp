// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedconnector.h"
#include "triggerfixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/**
 * Notification targeting end to end with real runs: `notifyUserIds` set by PUT (empty array =
 * every member), the user who triggered the run left out, webhook and schedule runs notifying
 * everyone eligible, preferences.
 */
class TestTriggersNotify : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TriggerFixture> m_f;
    QString m_conn;
    QHash<QString, QString> m_tokenOf; // user id → API token

    /** Users holding a COMPLETED notification of the run (waits for the run to finish first). */
    QSet<QString> recipients(const QString &runId)
    {
        const QJsonObject run = m_f->finishedRun(m_conn, runId);
        if (run.value(u"status"_s).toString() != u"COMPLETED"_s)
            return {u"<run did not complete>"_s};
        QSet<QString> out;
        for (auto it = m_tokenOf.cbegin(); it != m_tokenOf.cend(); ++it) {
            const QJsonArray list = m_f->as(it.value())->get(u"/api/notifications"_s).json().value(u"notifications"_s).toArray();
            for (const auto &v : list) {
                const QJsonObject n = v.toObject();
                if (n.value(u"runId"_s).toString() == runId) {
                    if (n.value(u"kind"_s).toString() == u"COMPLETED"_s)
                        out.insert(it.key());
                    else
                        out.insert(it.key() + u":"_s + n.value(u"kind"_s).toString());
                }
            }
        }
        return out;
    }
    QString trigger(const QString &token)
    {
        auto r = m_f->as(token)->post(u"/api/pipelines/connections/"_s + m_conn + u"/runs"_s, {});
        return r.status == 202 ? r.json().value(u"id"_s).toString() : QString();
    }
    int put(const QJsonObject &body) { return m_f->as(m_f->admin)->put(u"/api/pipelines/connections/"_s + m_conn, body).status; }

private Q_SLOTS:
    void initTestCase()
    {
        m_f = std::make_unique<Test::TriggerFixture>();
        QVERIFY(m_f->ok());
        m_tokenOf = {
            {m_f->ownerId, m_f->owner}, {m_f->adminId, m_f->admin}, {m_f->memberId, m_f->member}, {m_f->viewerId, m_f->viewer}};
        Test::ScriptedConnector::configure({5, 5, 0});
        m_f->startScriptedWorkers(2);
        m_conn = m_f->createConnection(u"Notified CRM"_s);
        QVERIFY(!m_conn.isEmpty());
    }

    void cleanupTestCase() { m_f.reset(); }

    void everyoneButTheTriggerUser()
    {
        QCOMPARE(m_f->as(m_f->owner)->get(u"/api/pipelines/connections/"_s + m_conn).json().value(u"notifyUserIds"_s).toArray(),
                 QJsonArray());
        const QString run = trigger(m_f->owner);
        QVERIFY(!run.isEmpty());
        QCOMPARE(recipients(run), (QSet<QString>{m_f->adminId, m_f->memberId, m_f->viewerId}));
    }

    void onlyTheListedUsers()
    {
        QCOMPARE(put({{u"notifyUserIds"_s, QJsonArray{m_f->memberId}}}), 200);
        QCOMPARE(m_f->as(m_f->owner)->get(u"/api/pipelines/connections/"_s + m_conn).json().value(u"notifyUserIds"_s).toArray(),
                 QJsonArray{m_f->memberId});
        const QString run = trigger(m_f->owner);
        QCOMPARE(recipients(run), QSet<QString>{m_f->memberId});
    }

    void listedTriggerUserIsLeftOut()
    {
        QCOMPARE(put({{u"notifyUserIds"_s, QJsonArray{m_f->memberId, m_f->adminId}}}), 200);
        const QString run = trigger(m_f->member);
        QCOMPARE(recipients(run), QSet<QString>{m_f->adminId});
    }

    void webhookRunNotifiesEveryListedUser()
    {
        // No triggering user: nobody is left out.
        const QString token = m_f->revealToken(m_conn);
        auto r = m_f->as({})->post(u"/api/pipelines/webhook/"_s + token, {});
        QCOMPARE(r.status, 202);
        const QString run = m_f->runs(m_conn).first().toObject().value(u"id"_s).toString();
        QCOMPARE(recipients(run), (QSet<QString>{m_f->memberId, m_f->adminId}));
    }

    void emptyArrayMeansEveryMember()
    {
        QCOMPARE(put({{u"notifyUserIds"_s, QJsonArray()}}), 200);
        const QString token = m_f->revealToken(m_conn);
        QCOMPARE(m_f->as({})->post(u"/api/pipelines/webhook/"_s + token, {}).status, 202);
        const QString run = m_f->runs(m_conn).first().toObject().value(u"id"_s).toString();
        QCOMPARE(recipients(run), (QSet<QString>{m_f->ownerId, m_f->adminId, m_f->memberId, m_f->viewerId}));
    }

    void preferencesFilter()
    {
        auto pref = m_f->as(m_f->viewer)->put(u"/api/me/notification-preferences"_s, {{u"onSuccess"_s, false}});
        QCOMPARE(pref.status, 200);
        const QString run = trigger(m_f->owner);
        QCOMPARE(recipients(run), (QSet<QString>{m_f->adminId, m_f->memberId}));
        QCOMPARE(m_f->as(m_f->viewer)->put(u"/api/me/notification-preferences"_s, {{u"onSuccess"_s, true}}).status, 200);
    }

    void invalidTargets_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("not an array") << QJsonValue(u"everyone"_s);
        QTest::newRow("not strings") << QJsonValue(QJsonArray{1, 2});
        QTest::newRow("unknown user") << QJsonValue(QJsonArray{u"cunknown000000000000000000"_s});
    }

    void invalidTargets()
    {
        QFETCH(QJsonValue, value);
        auto r = m_f->as(m_f->admin)->put(u"/api/pipelines/connections/"_s + m_conn, {{u"notifyUserIds"_s, value}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(u"error"_s).toString().startsWith(u"notifyUserIds"_s));
    }

    void userOfAnotherWorkspaceIsRefused()
    {
        const QString outsiderId = m_f->t().userId(u"other@example.com"_s);
        auto r
            = m_f->as(m_f->admin)->put(u"/api/pipelines/connections/"_s + m_conn, {{u"notifyUserIds"_s, QJsonArray{outsiderId}}});
        QCOMPARE(r.status, 400);
    }

    void membersMayNotRetarget()
    {
        auto r = m_f->as(m_f->member)
                     ->put(u"/api/pipelines/connections/"_s + m_conn, {{u"notifyUserIds"_s, QJsonArray{m_f->memberId}}});
        QCOMPARE(r.status, 403);
    }
};

QTEST_GUILESS_MAIN(TestTriggersNotify)
#include "tst_triggers_notify.moc"
