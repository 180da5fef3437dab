// SPDX-License-Identifier: GPL-3.0-or-later
// What the runtime promises when providers misbehave: rate limits and 5xx bursts are survived,
// exhausted retries, malformed pages and refusals are reported with clear, classified messages,
// slow answers time out and are retried, and cancellation stops a read within a page.
#include "asanafakeserver.h"
#include "calendlyfakeserver.h"
#include "collectingpagesink.h"
#include "connectortestharness.h"
#include "firefliesfakeserver.h"
#include "githubfakeserver.h"
#include "hubspotfakeserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocale>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using Opbox::Error;
using Opbox::Fakes::FakeProviderServer;
using Opbox::Fakes::HubSpotFakeServer;
using Opbox::Tests::CollectingPageSink;
using Opbox::Tests::ConnectorTestHarness;
using Malformation = FakeProviderServer::Malformation;

Q_DECLARE_METATYPE(FakeProviderServer::Malformation)

namespace {

/** Cancels the read's token while it accepts the first page, as a user pressing Stop would. */
class CancellingSink : public CollectingPageSink
{
public:
    explicit CancellingSink(std::shared_ptr<Opbox::CancelToken> token)
        : m_token(std::move(token))
    {
    }
    QCoro::Task<bool> accept(Opbox::RecordPage page) override
    {
        m_token->cancel();
        auto accepting = CollectingPageSink::accept(std::move(page)); // named: see StreamReadJob::run
        co_return co_await accepting;
    }

private:
    std::shared_ptr<Opbox::CancelToken> m_token;
};

std::unique_ptr<FakeProviderServer> makeFake(const QString &type)
{
    if (type == u"CRM_PLATFORM") {
        auto fake = std::make_unique<HubSpotFakeServer>();
        fake->seed(u"contacts"_s, 45);
        return fake;
    }
    if (type == u"PROJECT_MGMT") {
        auto fake = std::make_unique<Opbox::Fakes::AsanaFakeServer>();
        fake->seed(1, 1, 1, 45);
        return fake;
    }
    if (type == u"SCHEDULING") {
        auto fake = std::make_unique<Opbox::Fakes::CalendlyFakeServer>();
        fake->seed(45, 1, 1, QDateTime::currentDateTimeUtc());
        return fake;
    }
    if (type == u"MEETINGS") {
        auto fake = std::make_unique<Opbox::Fakes::FirefliesFakeServer>();
        fake->seed(45, 1);
        return fake;
    }
    auto fake = std::make_unique<Opbox::Fakes::GitHubFakeServer>();
    fake->seed(1, 45, 0, 1);
    return fake;
}

} // namespace

class ConnectorFaultsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fake = std::make_unique<HubSpotFakeServer>();
        m_fake->seed(u"contacts"_s, 45);
        QVERIFY(m_fake->start());
    }

    void cleanup() { m_fake.reset(); }

    void rateLimitWithRetryAfterSecondsIsHonoured()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 10}});
        m_fake->rateLimitNext(1, u"1"_s, {}, 2); // page 3 is refused once
        QElapsedTimer timer;
        timer.start();
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"contacts"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QVERIFY(timer.elapsed() >= 950);
        QCOMPARE(sink.records().size(), 45);
        const QStringList ids = sink.values(u"id"_s);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 45); // nothing twice, nothing lost
        QCOMPARE(m_fake->requestCount(), 6);
    }

    void rateLimitWithRetryAfterHttpDateIsHonoured()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(2);
        const QString httpDate = QLocale::c().toString(at, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
        m_fake->rateLimitNext(1, httpDate);
        QElapsedTimer timer;
        timer.start();
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"contacts"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QVERIFY(timer.elapsed() >= 900); // whole seconds: at least the rest of the current one
        QCOMPARE(sink.records().size(), 45);
    }

    void serverErrorBurstIsSurvived()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 10}});
        m_fake->failNext(3, 503, {}, 1);
        m_fake->failNext(1, 500, {}, 4);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"contacts"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(sink.records().size(), 45);
        QCOMPARE(sink.pages().size(), 5);
        QCOMPARE(m_fake->requestCount(), 5 + 4);
    }

    void exhaustedRetriesFailWithATransientError()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 10}, {u"maxRetries"_s, 3}});
        m_fake->failNext(100, 502, {}, 2);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"contacts"_s, {}, sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Unavailable);
        const QString message = result.error().message;
        QVERIFY2(message.contains(u"HubSpot"_s) && message.contains(u"GET /crm/v3/objects/contacts"_s)
                     && message.contains(u"after 4 attempt"_s) && message.contains(u"HTTP 502"_s)
                     && message.contains(u"Internal server error"_s),
                 qPrintable(message));
        QCOMPARE(m_fake->requestCount(), 2 + 4);
        // The two good pages were handed over with their state; the stream never claimed to be complete.
        QCOMPARE(sink.records().size(), 20);
        QCOMPARE(sink.lastPageCount(), 0);
    }

    void providerAsksForTooLongAWait()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"maxRetryWaitMs"_s, 2000}});
        m_fake->rateLimitNext(1, u"3600"_s);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"contacts"_s, {}, sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Unavailable);
        QVERIFY2(result.error().message.contains(u"3600 s"_s) && result.error().message.contains(u"ten_secondly_rolling"_s),
                 qPrintable(result.error().message));
    }

    void malformedPagesFailTheStream_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("stream");
        QTest::addColumn<Malformation>("kind");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("problem");
        QTest::newRow("hubspot invalid json") << u"CRM_PLATFORM"_s << u"contacts"_s << Malformation::InvalidJson
                                              << u"GET /crm/v3/objects/contacts"_s << u"invalid JSON"_s;
        QTest::newRow("hubspot missing results") << u"CRM_PLATFORM"_s << u"contacts"_s << Malformation::MissingRecords
                                                 << u"GET /crm/v3/objects/contacts"_s << u"the response has no 'results'"_s;
        QTest::newRow("hubspot results not a list")
            << u"CRM_PLATFORM"_s << u"contacts"_s << Malformation::RecordsNotList << u"GET /crm/v3/objects/contacts"_s
            << u"'results' should be a list of records but is text"_s;
        QTest::newRow("hubspot record not an object")
            << u"CRM_PLATFORM"_s << u"contacts"_s << Malformation::RecordNotObject << u"GET /crm/v3/objects/contacts"_s
            << u"record 0 should be an object but is a number"_s;
        QTest::newRow("hubspot bad date") << u"CRM_PLATFORM"_s << u"contacts"_s << Malformation::BadDate
                                          << u"GET /crm/v3/objects/contacts"_s
                                          << u"field 'createdAt' is not a date-time (not a date)"_s;
        QTest::newRow("asana missing data") << u"PROJECT_MGMT"_s << u"users"_s << Malformation::MissingRecords
                                            << u"GET /api/1.0/users"_s << u"the response has no 'data'"_s;
        QTest::newRow("calendly invalid json")
            << u"SCHEDULING"_s << u"event_types"_s << Malformation::InvalidJson << u"GET /event_types"_s << u"invalid JSON"_s;
        QTest::newRow("fireflies missing transcripts") << u"MEETINGS"_s << u"transcripts"_s << Malformation::MissingRecords
                                                       << u"POST /graphql"_s << u"the response has no 'data.transcripts'"_s;
        QTest::newRow("github object instead of list")
            << u"DEVELOPMENT"_s << u"issues"_s << Malformation::MissingRecords << u"GET /repos/acme/repo-0/issues"_s
            << u"the response should be a list of records but is an object"_s;
        QTest::newRow("github bad date") << u"DEVELOPMENT"_s << u"issues"_s << Malformation::BadDate
                                         << u"GET /repos/acme/repo-0/issues"_s << u"is not a date-time"_s;
    }

    void malformedPagesFailTheStream()
    {
        QFETCH(QString, type);
        QFETCH(QString, stream);
        QFETCH(Malformation, kind);
        QFETCH(QString, where);
        QFETCH(QString, problem);
        auto fake = makeFake(type);
        QVERIFY(fake->start());
        ConnectorTestHarness harness;
        auto connector = harness.connect(*fake, {{u"pageSize"_s, 10}});
        const QString dataPath = type == u"SCHEDULING" ? u"/event_types"_s
            : type == u"DEVELOPMENT"                   ? u"/issues"_s
            : type == u"PROJECT_MGMT"                  ? u"/users"_s
                                                       : QString();
        fake->malformNext(1, kind, dataPath, 1); // the second page of records is broken
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, stream, {}, sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Malformed);
        QVERIFY2(result.error().message.contains(where) && result.error().message.contains(problem),
                 qPrintable(result.error().message));
        // The good first page went through; nothing of the broken one did.
        QCOMPARE(sink.records().size(), 10);
        QCOMPARE(sink.lastPageCount(), 0);
    }

    void slowAnswerTimesOutAndIsRetried()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"timeoutMs"_s, 400}});
        m_fake->delayNext(1, 1200);
        QElapsedTimer timer;
        timer.start();
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"contacts"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(sink.records().size(), 45);
        QVERIFY(timer.elapsed() >= 350); // Qt's coarse timers may fire up to 5% early
        QCOMPARE(m_fake->requestCount(), 2);

        auto impatient = harness.connect(*m_fake, {{u"timeoutMs"_s, 300}, {u"maxRetries"_s, 1}});
        m_fake->setDelay(800);
        CollectingPageSink none;
        const auto failed = ConnectorTestHarness::read(*impatient, u"contacts"_s, {}, none);
        m_fake->setDelay(0);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, Error::Kind::Unavailable);
        QVERIFY2(failed.error().message.contains(u"no answer within 0.3 s"_s), qPrintable(failed.error().message));
    }

    void cancellationStopsWithinAPage()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 10}});
        // Page 2 (read ahead while page 1 is delivered) would take ten minutes: the read ends in time
        // only if Stop aborts the request in flight instead of waiting for it.
        m_fake->delayNext(1, 600000, {}, 1);
        CancellingSink sink(harness.lastCancelToken());
        const auto result = ConnectorTestHarness::read(*connector, u"contacts"_s, {}, sink);
        m_fake->clearFaults();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Cancelled);
        QCOMPARE(sink.pages().size(), 1);
    }

    void sinkCanStopTheRead()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 10}});
        CollectingPageSink sink;
        sink.stopAtPage(2);
        const auto result = ConnectorTestHarness::read(*connector, u"contacts"_s, {}, sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Cancelled);
        QCOMPARE(sink.pages().size(), 2);
        QVERIFY(m_fake->requestCount() <= 3); // at most the one prefetched page beyond the last accepted
    }

    void badRequestsAreConfigErrors()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        auto result = ConnectorTestHarness::read(*connector, u"tickets"_s, {}, sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Configuration);
        QVERIFY(result.error().message.contains(u"tickets"_s));
        result = ConnectorTestHarness::read(*connector, u"contacts"_s, {{u"cursor"_s, u"yesterday"_s}}, sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Configuration);
        QVERIFY(result.error().message.contains(u"cursor"_s));
        QCOMPARE(m_fake->requestCount(), 0);
    }

    void unreachableProviderIsReported()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"baseUrl"_s, u"http://127.0.0.1:%1"_s.arg(port)}, {u"maxRetries"_s, 5}});
        const auto check = ConnectorTestHarness::check(*connector);
        QVERIFY(!check.ok());
        QVERIFY2(check.error().message.contains(u"connection refused"_s) && check.error().message.contains(u"after 3 attempt"_s),
                 qPrintable(check.error().message));
    }

private:
    std::unique_ptr<HubSpotFakeServer> m_fake;
};

QTEST_GUILESS_MAIN(ConnectorFaultsTest)
#include "tst_connectorfaults.moc"
