// SPDX-License-Identifier: GPL-3.0-or-later
// Monthly schedules on the calendar's awkward days: month ends, leap years and the turn of the
// year. The due check takes the time it compares against, so no test waits for a clock.
#include "base/ids.h"
#include "engine/services/triggerservice.h"
#include "engine/store/database.h"
#include "triggerfixture.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {
QDateTime utc(int y, int m, int d, int h = 8, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}
} // namespace

/** TriggerService's monthly period: where it ends, and when a connection becomes due. */
class TestMonthlySchedule : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TriggerFixture> m_f;

    /** Records a finished SCHEDULE run of the connection started at `at`. */
    void scheduledRunAt(const QString &connectionId, const QDateTime &at)
    {
        SqlQuery q(m_f->engine().metadata()->connection(),
                   u"INSERT INTO runs (id, connection_id, workspace_id, status, trigger, created_at, started_at, completed_at)"
                   " SELECT ?, id, workspace_id, 'COMPLETED', 'SCHEDULE', ?, ?, ? FROM connections WHERE id = ?"_s);
        const QString iso = Ids::iso(at);
        QVERIFY(q.bind(Ids::newId()).bind(iso).bind(iso).bind(iso).bind(connectionId).exec());
        QCOMPARE(q.numRowsAffected(), 1);
    }

private Q_SLOTS:
    void periodEnd_data()
    {
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("end");
        QTest::newRow("mid-month") << utc(2026, 3, 15) << utc(2026, 4, 15);
        QTest::newRow("Jan 31 → Feb 28") << utc(2026, 1, 31) << utc(2026, 2, 28);
        QTest::newRow("Jan 31 → Feb 29, leap 2028") << utc(2028, 1, 31) << utc(2028, 2, 29);
        QTest::newRow("Jan 30 → Feb 29, leap 2028") << utc(2028, 1, 30) << utc(2028, 2, 29);
        QTest::newRow("Jan 29 → Feb 29, leap 2028") << utc(2028, 1, 29) << utc(2028, 2, 29);
        QTest::newRow("Jan 29 → Feb 28, common 2027") << utc(2027, 1, 29) << utc(2027, 2, 28);
        QTest::newRow("Feb 29 → Mar 29, leap 2028") << utc(2028, 2, 29) << utc(2028, 3, 29);
        QTest::newRow("Feb 28 → Mar 28, common 2027") << utc(2027, 2, 28) << utc(2027, 3, 28);
        QTest::newRow("Mar 31 → Apr 30") << utc(2026, 3, 31) << utc(2026, 4, 30);
        QTest::newRow("Aug 31 → Sep 30") << utc(2026, 8, 31) << utc(2026, 9, 30);
        QTest::newRow("Dec 15 → Jan 15 next year") << utc(2026, 12, 15) << utc(2027, 1, 15);
        QTest::newRow("Dec 31 → Jan 31 next year") << utc(2026, 12, 31, 23, 59) << utc(2027, 1, 31, 23, 59);
        QTest::newRow("Dec 31 2027 → Jan 31 2028") << utc(2027, 12, 31) << utc(2028, 1, 31);
        // A local wall time is read as the instant it names; the period is counted in UTC.
        QTest::newRow("offset +02:00 at month end")
            << QDateTime(QDate(2026, 4, 1), QTime(1, 0), QTimeZone(2 * 3600)) << utc(2026, 4, 30, 23, 0);
    }
    void periodEnd()
    {
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, end);
        const QDateTime got = TriggerService::periodEnd(u"monthly"_s, from);
        QCOMPARE(got, end);
        QCOMPARE(got.timeSpec(), Qt::UTC);
    }

    void isDue_data()
    {
        QTest::addColumn<QDateTime>("last");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<bool>("due");
        QTest::newRow("Jan 31, on Feb 28 at the same time") << utc(2026, 1, 31) << utc(2026, 2, 28) << false;
        QTest::newRow("Jan 31, Feb 28 one second later") << utc(2026, 1, 31) << utc(2026, 2, 28).addSecs(1) << true;
        QTest::newRow("Jan 31 2028, on Feb 28") << utc(2028, 1, 31) << utc(2028, 2, 28, 23, 59) << false;
        QTest::newRow("Jan 31 2028, on Feb 29 at the same time") << utc(2028, 1, 31) << utc(2028, 2, 29) << false;
        QTest::newRow("Jan 31 2028, Feb 29 one second later") << utc(2028, 1, 31) << utc(2028, 2, 29).addSecs(1) << true;
        QTest::newRow("Feb 29 2028, on Mar 28") << utc(2028, 2, 29) << utc(2028, 3, 28, 23, 59) << false;
        QTest::newRow("Feb 29 2028, Mar 29 one second later") << utc(2028, 2, 29) << utc(2028, 3, 29).addSecs(1) << true;
        QTest::newRow("Dec 31, on Jan 30") << utc(2026, 12, 31) << utc(2027, 1, 30, 23, 59) << false;
        QTest::newRow("Dec 31, Jan 31 one second later") << utc(2026, 12, 31) << utc(2027, 1, 31).addSecs(1) << true;
        QTest::newRow("Dec 15, two months later") << utc(2026, 12, 15) << utc(2027, 2, 15) << true;
        QTest::newRow("Mar 31, on Apr 30 at the same time") << utc(2026, 3, 31) << utc(2026, 4, 30) << false;
        QTest::newRow("Mar 31, May 1") << utc(2026, 3, 31) << utc(2026, 5, 1) << true;
        QTest::newRow("last run in the future (clock set back)") << utc(2027, 1, 1) << utc(2026, 12, 1) << false;
    }
    void isDue()
    {
        QFETCH(QDateTime, last);
        QFETCH(QDateTime, now);
        QFETCH(bool, due);
        QCOMPARE(TriggerService::isDue(u"monthly"_s, last, now), due);
    }

    void yearOfMonthlyRuns_data()
    {
        QTest::addColumn<QDateTime>("first");
        QTest::addColumn<QList<QDate>>("dates");
        // Each run starts when the last one's period ends, so a month-end start settles on the
        // shortest month's day and stays there.
        QTest::newRow("from Jan 31 2028") << utc(
            2028, 1, 31) << QList<QDate>{QDate(2028, 2, 29), QDate(2028, 3, 29), QDate(2028, 4, 29), QDate(2028, 5, 29)};
        QTest::newRow("from Nov 30 2026 over the year end")
            << utc(2026, 11, 30) << QList<QDate>{QDate(2026, 12, 30), QDate(2027, 1, 30), QDate(2027, 2, 28), QDate(2027, 3, 28)};
    }
    void yearOfMonthlyRuns()
    {
        QFETCH(QDateTime, first);
        QFETCH(QList<QDate>, dates);
        QDateTime at = first;
        for (const QDate &date : std::as_const(dates)) {
            at = TriggerService::periodEnd(u"monthly"_s, at);
            QCOMPARE(at, QDateTime(date, first.time(), QTimeZone::utc()));
        }
    }

    void runDueAcrossMonthEnds_data()
    {
        QTest::addColumn<QDateTime>("last");
        QTest::addColumn<QDateTime>("notYet");
        QTest::addColumn<QDateTime>("due");
        QTest::newRow("Jan 31 → Feb 28") << utc(2026, 1, 31) << utc(2026, 2, 28) << utc(2026, 2, 28, 8, 1);
        QTest::newRow("Jan 31 → Feb 29, leap 2028") << utc(2028, 1, 31) << utc(2028, 2, 29) << utc(2028, 2, 29, 8, 1);
        QTest::newRow("Dec 31 → Jan 31") << utc(2026, 12, 31) << utc(2027, 1, 31) << utc(2027, 1, 31, 8, 1);
    }
    void runDueAcrossMonthEnds()
    {
        QFETCH(QDateTime, last);
        QFETCH(QDateTime, notYet);
        QFETCH(QDateTime, due);
        if (!m_f) {
            m_f = std::make_unique<Test::TriggerFixture>();
            QVERIFY(m_f->ok());
        }
        SqlQuery clear(m_f->engine().metadata()->connection(), u"DELETE FROM connections"_s);
        QVERIFY(clear.exec());
        const QString id = m_f->createConnection(
            u"Monthly"_s, {{u"schedule"_s, QJsonObject{{u"enabled"_s, true}, {u"frequency"_s, u"monthly"_s}}}});
        QVERIFY(!id.isEmpty());
        scheduledRunAt(id, last);
        if (QTest::currentTestFailed())
            return;
        TriggerService *triggers = m_f->engine().triggers();
        QCOMPARE(triggers->lastScheduledRun(id), std::optional<QDateTime>(last));

        auto early = triggers->runDue(notYet);
        QVERIFY2(early.ok(), qPrintable(early.ok() ? QString() : early.error().message));
        QCOMPARE(early->triggered.size(), 0);
        QCOMPARE(early->skipped, 1);

        auto later = triggers->runDue(due);
        QVERIFY2(later.ok(), qPrintable(later.ok() ? QString() : later.error().message));
        QCOMPARE(later->triggered, QStringList{id});
        m_f->stopActive(id);
    }

    void cleanupTestCase() { m_f.reset(); }
};

QTEST_GUILESS_MAIN(TestMonthlySchedule)
#include "tst_monthlyschedule.moc"
