// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/ids.h"
#include "engine/services/runservice.h"
#include "engine/services/triggerservice.h"
#include "engine/store/database.h"
#include "engine/store/settingsstore.h"
#include "triggerfixture.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {
const QJsonObject Hourly{{u"enabled"_s, true}, {u"frequency"_s, u"hourly"_s}};
const QJsonObject Daily{{u"enabled"_s, true}, {u"frequency"_s, u"daily"_s}};
const QJsonObject Weekly{{u"enabled"_s, true}, {u"frequency"_s, u"weekly"_s}};
} // namespace

/**
 * Schedules: when a connection is due, the cron endpoint and its
 * secret, what `triggered`/`skipped`/`connections` count, racing cron calls, and the internal
 * minute timer.
 */
class TestTriggersSchedule : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TriggerFixture> m_f;

    Test::HttpResult cron(const QByteArray &authorization)
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        return m_f->as({})->request("GET", u"/api/pipelines/cron"_s, {}, headers);
    }
    QByteArray bearer() { return "Bearer " + m_f->engine().settings()->cronSecret().toUtf8(); }

    /** Moves every run of the connection `ago` into the past and ends active ones, as if they had run then. */
    [[nodiscard]] bool age(const QString &connectionId, qint64 secondsAgo)
    {
        const QString at = Ids::iso(QDateTime::currentDateTimeUtc().addSecs(-secondsAgo));
        SqlQuery q(m_f->engine().metadata()->connection(),
                   u"UPDATE runs SET created_at = ?, started_at = ?, completed_at = ?,"
                   " status = CASE WHEN status IN ('PENDING','RUNNING') THEN 'COMPLETED' ELSE status END"
                   " WHERE connection_id = ?"_s);
        return q.bind(at).bind(at).bind(at).bind(connectionId).exec();
    }
    int scheduleRuns(const QString &connectionId)
    {
        int n = 0;
        for (const auto &v : m_f->runs(connectionId))
            n += v.toObject().value(u"trigger"_s).toString() == u"SCHEDULE"_s;
        return n;
    }
    /** Deletes every connection, so that each test counts only its own. */
    [[nodiscard]] bool clearConnections()
    {
        SqlQuery q(m_f->engine().metadata()->connection(), u"DELETE FROM connections"_s);
        return q.exec();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_f = std::make_unique<Test::TriggerFixture>();
        QVERIFY(m_f->ok());
    }

    void cleanupTestCase() { m_f.reset(); }

    void isDue_data()
    {
        QTest::addColumn<QString>("frequency");
        QTest::addColumn<qint64>("lastSecondsAgo"); // -1: never ran on schedule
        QTest::addColumn<bool>("due");
        QTest::newRow("hourly never") << u"hourly"_s << qint64(-1) << true;
        QTest::newRow("hourly 59 min") << u"hourly"_s << qint64(59 * 60) << false;
        QTest::newRow("hourly 61 min") << u"hourly"_s << qint64(61 * 60) << true;
        QTest::newRow("daily 23 h") << u"daily"_s << qint64(23 * 3600) << false;
        QTest::newRow("daily 25 h") << u"daily"_s << qint64(25 * 3600) << true;
        QTest::newRow("weekly 6 d") << u"weekly"_s << qint64(6 * 86400) << false;
        QTest::newRow("weekly 8 d") << u"weekly"_s << qint64(8 * 86400) << true;
        QTest::newRow("monthly 27 d") << u"monthly"_s << qint64(27 * 86400) << false;
        QTest::newRow("monthly 32 d") << u"monthly"_s << qint64(32 * 86400) << true;
        QTest::newRow("unknown frequency") << u"yearly"_s << qint64(-1) << false;
    }

    void isDue()
    {
        QFETCH(QString, frequency);
        QFETCH(qint64, lastSecondsAgo);
        QFETCH(bool, due);
        const QDateTime now = QDateTime(QDate(2026, 3, 15), QTime(12, 0), QTimeZone::utc());
        std::optional<QDateTime> last;
        if (lastSecondsAgo >= 0)
            last = now.addSecs(-lastSecondsAgo);
        QCOMPARE(TriggerService::isDue(frequency, last, now), due);
    }

    void periodBoundaryIsStrict()
    {
        const QDateTime last = QDateTime(QDate(2026, 1, 31), QTime(8, 0), QTimeZone::utc());
        // "More than one period ago": exactly one period is not yet due.
        QVERIFY(!TriggerService::isDue(u"daily"_s, last, last.addDays(1)));
        QVERIFY(TriggerService::isDue(u"daily"_s, last, last.addDays(1).addMSecs(1)));
        // A month is a calendar month.
        QCOMPARE(TriggerService::periodEnd(u"monthly"_s, last), QDateTime(QDate(2026, 2, 28), QTime(8, 0), QTimeZone::utc()));
    }

    void cronAuthentication_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::newRow("missing") << QByteArray() << 401;
        QTest::newRow("wrong secret") << QByteArray("Bearer not-the-secret") << 401;
        QTest::newRow("empty bearer") << QByteArray("Bearer ") << 401;
        QTest::newRow("basic") << QByteArray("Basic abc") << 401;
        QTest::newRow("right secret") << QByteArray("SECRET") << 200;
        QTest::newRow("lower-case scheme") << QByteArray("secret") << 200;
    }

    void cronAuthentication()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        if (authorization == "SECRET")
            authorization = bearer();
        else if (authorization == "secret")
            authorization = "bearer " + m_f->engine().settings()->cronSecret().toUtf8();
        auto r = cron(authorization);
        QCOMPARE(r.status, status);
        if (status == 401) {
            QCOMPARE(r.json().value(u"code"_s).toString(), u"UNAUTHORIZED"_s);
            QVERIFY(!r.body.contains(m_f->engine().settings()->cronSecret().toUtf8()));
        }
    }

    void cronSecretIsStableAndUserTokensDoNotWork()
    {
        const QString secret = m_f->engine().settings()->cronSecret();
        QVERIFY(secret.size() >= 32);
        QCOMPARE(m_f->engine().settings()->cronSecret(), secret);
        QCOMPARE(cron("Bearer " + m_f->owner.toUtf8()).status, 401);
    }

    void cronSecretFromEnvironment()
    {
        // The environment's secret is read once, when the engine opens, and replaces the stored one;
        // the variable is gone from the environment afterwards.
        const QByteArray stored = bearer();
        qputenv("OPBOX_CRON_SECRET", "from-the-environment-0123456789");
        Test::TriggerFixture withEnv;
        QVERIFY(!qEnvironmentVariableIsSet("OPBOX_CRON_SECRET"));
        const auto cronOf = [&withEnv](const QByteArray &authorization) {
            return withEnv.as({})->request("GET", u"/api/pipelines/cron"_s, {}, {{"Authorization", authorization}}).status;
        };
        QCOMPARE(cronOf("Bearer from-the-environment-0123456789"), 200);
        QCOMPARE(withEnv.engine().settings()->cronSecret(), u"from-the-environment-0123456789"_s);
        QCOMPARE(cronOf(stored), 401); // another installation's secret
        // An engine opened without the variable uses its stored secret.
        QCOMPARE(cron("Bearer from-the-environment-0123456789").status, 401);
        QCOMPARE(cron(stored).status, 200);
    }

    void cronSecretIsSealed()
    {
        const QString secret = m_f->engine().settings()->cronSecret();
        const QString stored = m_f->engine().settings()->value(u"cron_secret_sealed"_s);
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(secret) && !QByteArray::fromBase64(stored.toLatin1()).contains(secret.toUtf8()));
        QVERIFY(m_f->engine().settings()->value(u"cronSecret"_s).isEmpty());
    }

    void cronTriggersDueConnections()
    {
        QVERIFY(clearConnections());
        const QString due = m_f->createConnection(u"Due hourly"_s, {{u"schedule"_s, Hourly}});
        const QString disabled = m_f->createConnection(u"Disabled"_s, {{u"schedule"_s, Daily}, {u"enabled"_s, false}});
        const QString unscheduled = m_f->createConnection(u"Manual only"_s);
        const QString busy = m_f->createConnection(u"Busy"_s, {{u"schedule"_s, Daily}});
        const QString recent = m_f->createConnection(u"Recent"_s, {{u"schedule"_s, Weekly}});
        QVERIFY(!due.isEmpty() && !disabled.isEmpty() && !unscheduled.isEmpty() && !busy.isEmpty() && !recent.isEmpty());
        // `recent` ran on schedule two days ago; `busy` has a manual run active.
        auto first = cron(bearer());
        QCOMPARE(first.status, 200);
        m_f->stopActive(due);
        m_f->stopActive(busy);
        QVERIFY(age(recent, 2 * 86400));
        QVERIFY(age(due, 2 * 3600));
        QVERIFY(age(busy, 3 * 86400));
        QCOMPARE(m_f->as(m_f->owner)->post(u"/api/pipelines/connections/"_s + busy + u"/runs"_s, {}).status, 202);

        auto r = cron(bearer());
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(u"triggered"_s).toInt(), 1);
        QCOMPARE(o.value(u"connections"_s).toArray(), QJsonArray{due});
        QCOMPARE(o.value(u"skipped"_s).toInt(), 2); // busy (active run) and recent (not due)
        QCOMPARE(o.keys(), (QStringList{u"connections"_s, u"skipped"_s, u"triggered"_s}));
        QCOMPARE(scheduleRuns(due), 2);
        QCOMPARE(m_f->runs(due).first().toObject().value(u"trigger"_s).toString(), u"SCHEDULE"_s);
        QCOMPARE(scheduleRuns(disabled), 0);
        QCOMPARE(m_f->runs(disabled).size(), 0);
        QCOMPARE(m_f->runs(unscheduled).size(), 0);
        QCOMPARE(scheduleRuns(recent), 1);

        // Immediately again: nothing is due any more; nothing is duplicated.
        auto again = cron(bearer());
        QCOMPARE(again.json().value(u"triggered"_s).toInt(), 0);
        QCOMPARE(again.json().value(u"skipped"_s).toInt(), 3);
        QCOMPARE(scheduleRuns(due), 2);

        // A scheduled run still active a period later is not duplicated either.
        QVERIFY(age(due, 2 * 3600));
        {
            SqlQuery q(m_f->engine().metadata()->connection(),
                       u"UPDATE runs SET status = 'RUNNING' WHERE id = (SELECT id FROM runs WHERE connection_id = ?"
                       " ORDER BY created_at DESC LIMIT 1)"_s);
            QVERIFY(q.bind(due).exec());
        }
        auto stillRunning = cron(bearer());
        QCOMPARE(stillRunning.json().value(u"triggered"_s).toInt(), 0);
        QCOMPARE(scheduleRuns(due), 2);
        m_f->stopActive(due);
        m_f->stopActive(busy);
    }

    void scheduledRunsHaveNoUser()
    {
        QVERIFY(clearConnections());
        const QString id = m_f->createConnection(u"Nightly"_s, {{u"schedule"_s, Daily}});
        QCOMPARE(cron(bearer()).json().value(u"triggered"_s).toInt(), 1);
        const QString runId = m_f->runs(id).first().toObject().value(u"id"_s).toString();
        const auto run = m_f->engine().runs()->store()->get(runId);
        QVERIFY(run);
        QVERIFY(run->triggeredBy.isEmpty());
        m_f->stopActive(id);
    }

    void racingCronCallsMakeOneRunEach()
    {
        QVERIFY(clearConnections());
        QStringList ids;
        for (int i = 0; i < 6; ++i)
            ids << m_f->createConnection(u"Race %1"_s.arg(i), {{u"schedule"_s, Hourly}});
        // Two HTTP cron calls in flight at once.
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 2; ++i) {
            QUrl url = m_f->t().baseUrl();
            url.setPath(u"/api/pipelines/cron"_s);
            QNetworkRequest req(url);
            req.setRawHeader("Authorization", bearer());
            replies.append(nam.get(req));
        }
        QVERIFY(QTest::qWaitFor([&] { return replies[0]->isFinished() && replies[1]->isFinished(); }, 15000));
        int triggered = 0;
        QSet<QString> seen;
        for (auto *reply : std::as_const(replies)) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
            triggered += o.value(u"triggered"_s).toInt();
            for (const auto &v : o.value(u"connections"_s).toArray()) {
                QVERIFY2(!seen.contains(v.toString()), "a connection was triggered by both cron calls");
                seen.insert(v.toString());
            }
            reply->deleteLater();
        }
        QCOMPARE(triggered, 6);
        for (const auto &id : std::as_const(ids))
            QCOMPARE(scheduleRuns(id), 1);
    }

    void racingSchedulersWithoutSharedLock()
    {
        // Two independent TriggerService instances (as two processes would be) on four threads:
        // only the database's one-active-run index stands between them and duplicate runs.
        QVERIFY(clearConnections());
        QStringList ids;
        for (int i = 0; i < 8; ++i)
            ids << m_f->createConnection(u"Index race %1"_s.arg(i), {{u"schedule"_s, Hourly}});
        Engine &e = m_f->engine();
        TriggerService a(e.metadata(), e.connections(), e.runs(), e.audit());
        TriggerService b(e.metadata(), e.connections(), e.runs(), e.audit());
        QList<QThread *> threads;
        std::atomic<int> triggered{0};
        for (TriggerService *service : {&a, &b, &a, &b}) {
            threads.append(QThread::create([service, &triggered, &e] {
                auto r = service->runDue();
                if (r)
                    triggered += int(r->triggered.size());
                e.metadata()->closeThisThread();
            }));
        }
        for (auto *t : std::as_const(threads))
            t->start();
        for (auto *t : std::as_const(threads)) {
            QVERIFY(t->wait(30000));
            delete t;
        }
        QCOMPARE(triggered.load(), 8);
        for (const auto &id : std::as_const(ids))
            QCOMPARE(scheduleRuns(id), 1);
    }

    void nextRunAtInConnection()
    {
        QVERIFY(clearConnections());
        const QString id = m_f->createConnection(u"Next"_s, {{u"schedule"_s, Daily}});
        const QString manual = m_f->createConnection(u"Manual"_s);
        auto get = [&](const QString &c) { return m_f->as(m_f->owner)->get(u"/api/pipelines/connections/"_s + c).json(); };
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-5);
        const QDateTime never = QDateTime::fromString(get(id).value(u"nextRunAt"_s).toString(), Qt::ISODateWithMs);
        QVERIFY(never.isValid() && never >= before);
        QVERIFY(get(manual).value(u"nextRunAt"_s).isNull());
        QCOMPARE(cron(bearer()).json().value(u"triggered"_s).toInt(), 1);
        const QDateTime next = QDateTime::fromString(get(id).value(u"nextRunAt"_s).toString(), Qt::ISODateWithMs);
        QVERIFY(next.isValid());
        QVERIFY2(qAbs(next.secsTo(QDateTime::currentDateTimeUtc().addDays(1))) < 60, qPrintable(next.toString(Qt::ISODate)));
        m_f->stopActive(id);
    }

    void internalSchedulerTicks()
    {
        QVERIFY(clearConnections());
        const QString id = m_f->createConnection(u"Ticked"_s, {{u"schedule"_s, Hourly}});
        auto *triggers = m_f->engine().triggers();
        QSignalSpy spy(triggers, &TriggerService::dueCheckFinished);
        triggers->startScheduler(200);
        QVERIFY(triggers->isSchedulerRunning());
        QVERIFY(spy.wait(10000));
        QVERIFY(QTest::qWaitFor([&] { return scheduleRuns(id) == 1; }, 10000));
        // Further ticks find it not due (and active): still one run.
        QVERIFY(QTest::qWaitFor([&] { return spy.size() >= 3; }, 10000));
        triggers->stopScheduler();
        QVERIFY(!triggers->isSchedulerRunning());
        QCOMPARE(scheduleRuns(id), 1);
        m_f->stopActive(id);
    }
};

QTEST_GUILESS_MAIN(TestTriggersSchedule)
#include "tst_triggers_schedule.moc"
