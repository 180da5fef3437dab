// SPDX-License-Identifier: GPL-3.0-or-later
// The MEETINGS connector against the Fireflies GraphQL fake: skip/limit paging, creation-time
// incremental reads with a one-day overlap, users, and GraphQL errors inside HTTP 200 answers.
#include "collectingpagesink.h"
#include "connectortestharness.h"
#include "firefliesfakeserver.h"

#include <QJsonDocument>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Opbox::Error;
using Opbox::Fakes::FirefliesFakeServer;
using Opbox::Tests::CollectingPageSink;
using Opbox::Tests::ConnectorTestHarness;

class FirefliesConnectorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_now = QDateTime::currentDateTimeUtc();
        m_first = QDateTime::fromSecsSinceEpoch(m_now.toSecsSinceEpoch() - 120 * 3600, Qt::UTC);
        m_fake = std::make_unique<FirefliesFakeServer>();
        m_fake->seed(120, 4, m_first, 3600);
        QVERIFY(m_fake->start());
    }

    void cleanup() { m_fake.reset(); }

    void readsTranscriptsWithSkipAndLimit()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"transcripts"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(120));
        QCOMPARE(sink.pages().size(), 3);
        const QStringList ids = sink.values(u"id"_s);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 120);
        const auto requests = m_fake->requests();
        QCOMPARE(requests.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject body = QJsonDocument::fromJson(requests.at(i).body).object();
            QCOMPARE(body.value(u"variables"_s).toObject().value(u"limit"_s).toInt(), 50);
            QCOMPARE(body.value(u"variables"_s).toObject().value(u"skip"_s).toInt(), 50 * i);
            QVERIFY(!body.value(u"variables"_s).toObject().contains(u"from"_s)); // a full read has no lower bound
        }
        const QJsonObject record = sink.records().first();
        // date arrives as epoch milliseconds and is stored as ISO text; only selected fields come back.
        QVERIFY(record.value(u"date"_s).isString());
        QCOMPARE(record.value(u"date"_s).toString().size(), 24);
        QVERIFY(record.value(u"summary"_s).toObject().contains(u"overview"_s));
        QVERIFY(!record.contains(u"audio_url"_s));
        const QString newest = m_first.addSecs(119 * 3600).toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s);
        QCOMPARE(sink.lastState().value(u"cursor"_s).toString(), newest);
        // Newest-first results: the cursor cannot move before the end.
        QVERIFY(!sink.pages().first().stateAfter.contains(u"cursor"_s));
    }

    void incrementalReadsFromCreationTimeWithOverlap()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink full;
        QVERIFY(ConnectorTestHarness::read(*connector, u"transcripts"_s, {}, full).ok());
        const QString cursor = full.lastState().value(u"cursor"_s).toString();
        QSet<QString> added;
        for (int i = 1; i <= 3; ++i)
            added.insert(m_fake->addTranscript(m_now.addSecs(-600 + i)));
        const QString retitled = m_fake->retitle(110, u"Summary arrived"_s); // 10 h old: inside the overlap
        m_fake->clearRequests();
        CollectingPageSink incremental;
        const auto result = ConnectorTestHarness::read(*connector, u"transcripts"_s, full.lastState(), incremental);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const QStringList ids = incremental.values(u"id"_s);
        const QSet<QString> got(ids.begin(), ids.end());
        QVERIFY(got.contains(added));
        QVERIFY(got.contains(retitled));
        QCOMPARE(got.size(), 3 + 25); // the new ones and the last day of old ones (overlap)
        const QDateTime from = QDateTime::fromString(cursor, Qt::ISODateWithMs).addDays(-1);
        const QJsonObject variables
            = QJsonDocument::fromJson(m_fake->requests().constFirst().body).object().value(u"variables"_s).toObject();
        // The variable names of Fireflies' documented query: transcripts(fromDate:$from, …).
        QCOMPARE(variables.value(u"from"_s).toString(), from.toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s));
        for (const auto &record : incremental.records()) {
            if (record.value(u"id"_s).toString() == retitled)
                QCOMPARE(record.value(u"title"_s).toString(), u"Summary arrived"_s);
        }
    }

    void readsUsers()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"users"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(sink.values(u"user_id"_s), (QStringList{u"u_100"_s, u"u_101"_s, u"u_102"_s, u"u_103"_s}));
        QCOMPARE(sink.pages().size(), 1);
        QVERIFY(sink.pages().first().lastPage);
    }

    void pageSizeNeverExceedsTheLimit()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 80}});
        CollectingPageSink sink;
        QVERIFY(ConnectorTestHarness::read(*connector, u"transcripts"_s, {}, sink).ok());
        QCOMPARE(sink.records().size(), 120);
        const QJsonObject body = QJsonDocument::fromJson(m_fake->requests().constFirst().body).object();
        QCOMPARE(body.value(u"variables"_s).toObject().value(u"limit"_s).toInt(), 50);
    }

    void graphQlErrors_data()
    {
        QTest::addColumn<bool>("httpStatus");
        QTest::newRow("errors in HTTP 200") << false;
        QTest::newRow("errors with their HTTP status") << true;
    }

    void graphQlErrors()
    {
        QFETCH(bool, httpStatus);
        m_fake->setHttpStatusForErrors(httpStatus);
        ConnectorTestHarness harness;

        // A wrong key: a configuration error with Fireflies' own words.
        auto wrong = harness.connect(*m_fake, {}, {{u"apiKey"_s, u"ff-wrong-key-123"_s}});
        const auto check = ConnectorTestHarness::check(*wrong);
        QVERIFY(!check.ok());
        QVERIFY2(check.error().message.contains(u"auth_failed"_s) && check.error().message.contains(u"Check the API key"_s),
                 qPrintable(check.error().message));
        CollectingPageSink refused;
        const auto refusedRead = ConnectorTestHarness::read(*wrong, u"transcripts"_s, {}, refused);
        QVERIFY(!refusedRead.ok());
        QCOMPARE(refusedRead.error().kind, Error::Kind::Configuration);

        // too_many_requests with retryAfter (epoch ms) soon: waited out, then the read completes.
        auto connector = harness.connect(*m_fake);
        m_fake->rateLimitNext(2, u"0.2"_s);
        QElapsedTimer timer;
        timer.start();
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"transcripts"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(sink.records().size(), 120);
        QVERIFY(timer.elapsed() >= 300); // it honoured the provider's time, not its own tiny backoff

        // The daily quota: retryAfter is hours away, so the read stops with a clear transient error.
        m_fake->setDailyQuota(1, 6 * 3600 * 1000);
        CollectingPageSink quota;
        const auto limited = ConnectorTestHarness::read(*connector, u"transcripts"_s, {}, quota);
        QVERIFY(!limited.ok());
        QCOMPARE(limited.error().kind, Error::Kind::Unavailable);
        QVERIFY2(limited.error().message.contains(u"Fireflies"_s) && limited.error().message.contains(u"too_many_requests"_s),
                 qPrintable(limited.error().message));
        QCOMPARE(quota.records().size(), 50); // the page before the quota ran out was handed over, nothing after
    }

private:
    QDateTime m_now;
    QDateTime m_first;
    std::unique_ptr<FirefliesFakeServer> m_fake;
};

QTEST_GUILESS_MAIN(FirefliesConnectorTest)
#include "tst_firefliesconnector.moc"
