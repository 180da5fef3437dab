// SPDX-License-Identifier: GPL-3.0-or-later
// The SCHEDULING connector against the Calendly fake: the user URI from /users/me, page tokens,
// the trailing-window re-scan of scheduled events, invitees following their events.
#include "calendlyfakeserver.h"
#include "collectingpagesink.h"
#include "connectortestharness.h"

#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Opbox::Fakes::CalendlyFakeServer;
using Opbox::Tests::CollectingPageSink;
using Opbox::Tests::ConnectorTestHarness;

namespace {

QSet<QString> lastSegments(const QStringList &uris)
{
    QSet<QString> out;
    for (const QString &uri : uris)
        out.insert(uri.section(u'/', -1));
    return out;
}

} // namespace

class CalendlyConnectorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_now = QDateTime::currentDateTimeUtc();
        m_fake = std::make_unique<CalendlyFakeServer>();
        // 120 daily events: 60 in the past, 60 ahead; two invitees each.
        m_fake->seed(7, 120, 2, m_now.addDays(-60).addSecs(1800));
        QVERIFY(m_fake->start());
    }

    void cleanup() { m_fake.reset(); }

    void readsEveryStream_data()
    {
        QTest::addColumn<QString>("stream");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("requests");
        QTest::newRow("event_types") << u"event_types"_s << 7 << 1 + 1;
        QTest::newRow("scheduled_events") << u"scheduled_events"_s << 120 << 1 + 2;
        QTest::newRow("invitees") << u"invitees"_s << 240 << 1 + 2 + 120;
    }

    void readsEveryStream()
    {
        QFETCH(QString, stream);
        QFETCH(int, records);
        QFETCH(int, requests);
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, stream, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(records));
        const QStringList uris = sink.values(u"uri"_s);
        QCOMPARE(QSet<QString>(uris.begin(), uris.end()).size(), records);
        QCOMPARE(m_fake->requestCount(), requests);
        QCOMPARE(sink.lastPageCount(), 1);
        const QString user = m_fake->baseUrl().toString() + u"/users/AAAAAAAAAAAAAAAA"_s;
        for (const auto &request : m_fake->requests()) {
            if (request.path == u"/users/me"_s)
                continue;
            QCOMPARE(request.query.queryItemValue(u"count"_s), u"100"_s);
            if (!request.path.endsWith(u"/invitees"_s))
                QCOMPARE(request.query.queryItemValue(u"user"_s, QUrl::FullyDecoded), user);
        }
        // Microsecond timestamps become the stored millisecond form.
        const QString created = sink.records().first().value(u"created_at"_s).toString();
        QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s).match(created).hasMatch(),
                 qPrintable(created));
    }

    void scheduledEventsRescanATrailingWindow()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink full;
        QVERIFY(ConnectorTestHarness::read(*connector, u"scheduled_events"_s, {}, full).ok());
        const QJsonObject state = full.lastState();
        const QDateTime cursor = QDateTime::fromString(state.value(u"cursor"_s).toString(), Qt::ISODateWithMs);
        // The cursor records when the read started, not the start time of the furthest future event.
        QVERIFY(qAbs(cursor.secsTo(m_now)) < 60);
        QVERIFY(full.pages().first().stateAfter.value(u"cursor"_s).toString() <= state.value(u"cursor"_s).toString());

        // A past meeting inside the window is cancelled, and one far outside it.
        const QString inside = m_fake->cancelEvent(50, m_now); // started 10 days ago
        const QString outside = m_fake->cancelEvent(5, m_now); // started 55 days ago
        m_fake->clearRequests();
        CollectingPageSink incremental;
        const auto result = ConnectorTestHarness::read(*connector, u"scheduled_events"_s, state, incremental);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const QSet<QString> got = lastSegments(incremental.values(u"uri"_s));
        const QStringList window = m_fake->eventUuids(cursor.addDays(-30));
        QCOMPARE(got, QSet<QString>(window.begin(), window.end()));
        QVERIFY(got.contains(inside));
        QVERIFY(!got.contains(outside));
        for (const auto &record : incremental.records()) {
            if (record.value(u"uri"_s).toString().endsWith(inside))
                QCOMPARE(record.value(u"status"_s).toString(), u"canceled"_s);
        }
        const auto request = m_fake->requests().constLast();
        QVERIFY(request.query.hasQueryItem(u"min_start_time"_s));
        QCOMPARE(request.query.queryItemValue(u"sort"_s, QUrl::FullyDecoded), u"start_time:asc"_s);
    }

    void inviteesFollowEventsInTheWindow()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        const QString inside = m_fake->cancelEvent(70, m_now);
        const QJsonObject state{{u"cursor"_s, DateTimeText(m_now)}};
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"invitees"_s, state, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const QStringList window = m_fake->eventUuids(m_now.addDays(-30));
        QCOMPARE(sink.records().size(), window.size() * 2);
        int cancelled = 0;
        for (const auto &record : sink.records()) {
            const QString event = record.value(u"event"_s).toString().section(u'/', -1);
            QVERIFY(window.contains(event));
            if (event == inside) {
                QCOMPARE(record.value(u"status"_s).toString(), u"canceled"_s);
                ++cancelled;
            }
        }
        QCOMPARE(cancelled, 2);
        // Invitee lists were asked for exactly the events of the window.
        QSet<QString> asked;
        for (const auto &request : m_fake->requests()) {
            if (request.path.endsWith(u"/invitees"_s))
                asked.insert(request.path.section(u'/', 2, 2));
        }
        QCOMPARE(asked, QSet<QString>(window.begin(), window.end()));
    }

    void eventTypesFilterOnUpdatedAt()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink full;
        QVERIFY(ConnectorTestHarness::read(*connector, u"event_types"_s, {}, full).ok());
        const QString renamed = m_fake->modifyEventType(2, QDateTime(QDate(2024, 6, 1), QTime(8, 0), Qt::UTC));
        CollectingPageSink incremental;
        QVERIFY(ConnectorTestHarness::read(*connector, u"event_types"_s, full.lastState(), incremental).ok());
        // The boundary is inclusive (at-least-once): the type at the old cursor comes again, beside the change.
        const QSet<QString> got = lastSegments(incremental.values(u"uri"_s));
        QVERIFY(got.contains(renamed));
        QCOMPARE(got.size(), 2);
        QCOMPARE(incremental.lastState().value(u"cursor"_s).toString(), u"2024-06-01T08:00:00.000Z"_s);
    }

private:
    static QString DateTimeText(const QDateTime &when) { return when.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s); }

    QDateTime m_now;
    std::unique_ptr<CalendlyFakeServer> m_fake;
};

QTEST_GUILESS_MAIN(CalendlyConnectorTest)
#include "tst_calendlyconnector.moc"
