// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "triggerfixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/**
 * `POST /api/pipelines/run-all`: roles, only enabled connections of the caller's workspace, the
 * exact message, connections that are already running, and the audit entry.
 */
class TestTriggersRunAll : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TriggerFixture> m_f;
    QStringList m_enabled;
    QString m_disabled;
    QString m_foreign; // a connection of another workspace

    Test::HttpResult runAll(const QString &token) { return m_f->as(token)->post(u"/api/pipelines/run-all"_s, {}); }
    int activeRuns(const QString &connectionId)
    {
        int active = 0;
        for (const auto &v : m_f->runs(connectionId)) {
            const QString status = v.toObject().value(u"status"_s).toString();
            active += status == u"PENDING"_s || status == u"RUNNING"_s ? 1 : 0;
        }
        return active;
    }
    void stopAll()
    {
        for (const auto &id : std::as_const(m_enabled))
            m_f->stopActive(id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_f = std::make_unique<Test::TriggerFixture>();
        QVERIFY(m_f->ok());
        for (int i = 0; i < 3; ++i)
            m_enabled << m_f->createConnection(u"Enabled %1"_s.arg(i));
        m_disabled = m_f->createConnection(u"Disabled"_s, {{u"enabled"_s, false}});
        auto foreign = m_f->as(m_f->outsider)
                           ->post(u"/api/pipelines/connections"_s,
                                  {{u"name"_s, u"Theirs"_s},
                                   {u"type"_s, u"CRM_PLATFORM"_s},
                                   {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k"_s}}}});
        QCOMPARE(foreign.status, 201);
        m_foreign = foreign.json().value(u"id"_s).toString();
        QVERIFY(!m_enabled.contains(QString()) && !m_disabled.isEmpty());
    }

    void cleanupTestCase() { m_f.reset(); }

    void roles_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("status");
        QTest::newRow("member") << u"member"_s << 403;
        QTest::newRow("viewer") << u"viewer"_s << 403;
        QTest::newRow("anonymous") << QString() << 401;
    }

    void roles()
    {
        QFETCH(QString, who);
        QFETCH(int, status);
        const QString token = who == u"member"_s ? m_f->member : who == u"viewer"_s ? m_f->viewer : QString();
        QList<qsizetype> before;
        for (const auto &id : std::as_const(m_enabled))
            before.append(m_f->runs(id).size());
        auto r = runAll(token);
        QCOMPARE(r.status, status);
        for (qsizetype i = 0; i < m_enabled.size(); ++i)
            QCOMPARE(m_f->runs(m_enabled[i]).size(), before[i]);
    }

    void enqueuesEveryEnabledConnection()
    {
        auto r = runAll(m_f->admin);
        QCOMPARE(r.status, 201);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(u"count"_s).toInt(), 3);
        QCOMPARE(o.value(u"message"_s).toString(), u"Enqueued 3 sync(s)"_s);
        QCOMPARE(o.keys(), (QStringList{u"count"_s, u"message"_s, u"runIds"_s}));
        QSet<QString> runIds;
        for (const auto &v : o.value(u"runIds"_s).toArray())
            runIds.insert(v.toString());
        QCOMPARE(runIds.size(), 3);
        for (const auto &id : std::as_const(m_enabled)) {
            const QJsonArray runs = m_f->runs(id);
            QCOMPARE(runs.size(), 1);
            const QJsonObject run = runs.first().toObject();
            QCOMPARE(run.value(u"trigger"_s).toString(), u"RUN_ALL"_s);
            QVERIFY(runIds.contains(run.value(u"id"_s).toString()));
            // A run-all run belongs to the admin who asked for it.
            QCOMPARE(m_f->engine().runs()->store()->get(run.value(u"id"_s).toString())->triggeredBy, m_f->adminId);
        }
        QCOMPARE(m_f->runs(m_disabled).size(), 0);
        auto theirs = m_f->as(m_f->outsider)->get(u"/api/pipelines/connections/"_s + m_foreign + u"/runs"_s);
        QCOMPARE(theirs.json().value(u"runs"_s).toArray().size(), 0);
    }

    void everythingAlreadyRunning()
    {
        // Its own runs, whatever ran before: one PENDING run per enabled connection (no workers
        // here, so they stay PENDING), then a second run-all finds them all busy.
        stopAll();
        QCOMPARE(runAll(m_f->admin).json().value(u"count"_s).toInt(), 3);
        auto r = runAll(m_f->owner);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"count"_s).toInt(), 0);
        QCOMPARE(r.json().value(u"runIds"_s).toArray().size(), 0);
        QCOMPARE(r.json().value(u"message"_s).toString(), u"Enqueued 0 sync(s), 3 already in progress"_s);
        for (const auto &id : std::as_const(m_enabled))
            QCOMPARE(activeRuns(id), 1);
    }

    void someAlreadyRunning()
    {
        stopAll();
        // One connection busy with a manual run that a worker has claimed, one with a pending one.
        QCOMPARE(m_f->as(m_f->member)->post(u"/api/pipelines/connections/"_s + m_enabled[0] + u"/runs"_s, {}).status, 202);
        QCOMPARE(m_f->as(m_f->member)->post(u"/api/pipelines/connections/"_s + m_enabled[2] + u"/runs"_s, {}).status, 202);
        {
            SqlQuery q(
                m_f->engine().metadata()->connection(),
                u"UPDATE runs SET status = 'RUNNING', started_at = created_at WHERE connection_id = ? AND status = 'PENDING'"_s);
            QVERIFY(q.bind(m_enabled[0]).exec());
        }
        auto r = runAll(m_f->owner);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"count"_s).toInt(), 1);
        QCOMPARE(r.json().value(u"message"_s).toString(), u"Enqueued 1 sync(s), 2 already in progress"_s);
        const QString started = r.json().value(u"runIds"_s).toArray().first().toString();
        QCOMPARE(m_f->runs(m_enabled[1]).first().toObject().value(u"id"_s).toString(), started);
        // The busy ones kept their one active run.
        QCOMPARE(m_f->runs(m_enabled[0]).first().toObject().value(u"trigger"_s).toString(), u"MANUAL"_s);
        QCOMPARE(m_f->runs(m_enabled[2]).first().toObject().value(u"trigger"_s).toString(), u"MANUAL"_s);
        stopAll();
    }

    void audited()
    {
        // Two run-alls of its own, whatever ran before: one entry each, newest first, by the caller.
        const auto events = [this] {
            const auto r = m_f->as(m_f->owner)->get(u"/api/audit-log?action=RUN_ALL&limit=500"_s);
            return r.status == 200 ? r.json().value(u"events"_s).toArray() : QJsonArray();
        };
        const qsizetype before = events().size();
        stopAll();
        QCOMPARE(m_f->as(m_f->member)->post(u"/api/pipelines/connections/"_s + m_enabled[0] + u"/runs"_s, {}).status, 202);
        QCOMPARE(runAll(m_f->admin).json().value(u"count"_s).toInt(), 2);
        QCOMPARE(runAll(m_f->owner).json().value(u"count"_s).toInt(), 0);
        stopAll();
        const QJsonArray after = events();
        QCOMPARE(after.size(), before + 2);
        const QJsonObject latest = after.at(0).toObject();
        QCOMPARE(latest.value(u"actorUserId"_s).toString(), m_f->ownerId);
        QCOMPARE(latest.value(u"details"_s).toObject().value(u"count"_s).toInt(), 0);
        QCOMPARE(latest.value(u"details"_s).toObject().value(u"alreadyInProgress"_s).toInt(), 3);
        const QJsonObject earlier = after.at(1).toObject();
        QCOMPARE(earlier.value(u"actorUserId"_s).toString(), m_f->adminId);
        QCOMPARE(earlier.value(u"details"_s).toObject().value(u"count"_s).toInt(), 2);
        QCOMPARE(earlier.value(u"details"_s).toObject().value(u"alreadyInProgress"_s).toInt(), 1);
    }

    void runAllWithRealRuns()
    {
        // With workers, run-all's runs really sync and finish; a second run-all afterwards starts
        // them all again (nothing is left "in progress").
        stopAll();
        m_f->startScriptedWorkers(2);
        auto r = runAll(m_f->owner);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"count"_s).toInt(), 3);
        const QJsonArray ids = r.json().value(u"runIds"_s).toArray();
        for (int i = 0; i < 3; ++i) {
            const QString runId = ids.at(i).toString();
            QString connection;
            for (const auto &c : std::as_const(m_enabled)) {
                if (m_f->runs(c).first().toObject().value(u"id"_s).toString() == runId)
                    connection = c;
            }
            QVERIFY(!connection.isEmpty());
            QCOMPARE(m_f->finishedRun(connection, runId).value(u"status"_s).toString(), u"COMPLETED"_s);
        }
        auto again = runAll(m_f->owner);
        QCOMPARE(again.json().value(u"message"_s).toString(), u"Enqueued 3 sync(s)"_s);
    }
};

QTEST_GUILESS_MAIN(TestTriggersRunAll)
#include "tst_triggers_runall.moc"
