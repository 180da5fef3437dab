// SPDX-License-Identifier: GPL-3.0-or-later
// The SUPPORT connector against the Zendesk fake: the cursor-based incremental export over several
// pages (start_time first, then after_cursor until end_of_stream), after_cursor kept in the state
// and resumed from, a cursor reset restarting from its date, the one-minute lag, the 10-a-minute
// export limit survived, organizations through links.next, ticket comments as children of the
// tickets export, the subdomain, and faults.
#include "collectingpagesink.h"
#include "connectors/providers/zendesk/zendeskconnector.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "connectortestharness.h"
#include "zendeskfakeserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Opbox::Error;
using Opbox::ZendeskConnector;
using Opbox::Fakes::ZendeskFakeServer;
using Opbox::Tests::CollectingPageSink;
using Opbox::Tests::ConnectorTestHarness;

namespace {

QSet<qint64> ids(const CollectingPageSink &sink)
{
    QSet<qint64> out;
    for (const auto &record : sink.records())
        out.insert(record.value(u"id"_s).toInteger());
    return out;
}

QList<Opbox::Fakes::FakeProviderServer::Request> exportRequests(const ZendeskFakeServer &fake, const QString &what)
{
    QList<Opbox::Fakes::FakeProviderServer::Request> out;
    for (const auto &request : fake.requests()) {
        if (request.path == u"/incremental/%1/cursor.json"_s.arg(what))
            out.append(request);
    }
    return out;
}

} // namespace

class ZendeskConnectorTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ZendeskFakeServer> m_fake;

    static QJsonObject smallPages() { return {{u"pageSize"_s, 10}}; }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fake = std::make_unique<ZendeskFakeServer>();
        m_fake->seed(25, 12, 7, 3);
        m_fake->setExportLimit(1000, 60000); // the limit has its own test
        QVERIFY(m_fake->start());
    }

    void cleanup() { m_fake.reset(); }

    void manifestMatchesTheContract()
    {
        // The fixed stream names, and the credential and config fields the type registry asks for.
        const auto manifest = Opbox::ConnectorManifest::forType(u"SUPPORT"_s);
        QVERIFY(manifest);
        QStringList names;
        for (const auto &stream : manifest->streams)
            names.append(stream.name);
        QCOMPARE(names, (QStringList{u"tickets"_s, u"users"_s, u"organizations"_s, u"ticket_comments"_s}));
        const Opbox::ConnectorTypeInfo *info = Opbox::ConnectorTypeRegistry::find(u"SUPPORT"_s);
        QVERIFY(info);
        QStringList credentialNames;
        for (const auto &field : info->credentials)
            credentialNames.append(field.name);
        for (const QString &name : {u"email"_s, u"apiToken"_s})
            QVERIFY2(credentialNames.contains(name), qPrintable(name));
        QStringList configNames;
        for (const auto &field : info->config)
            configNames.append(field.name);
        for (const QString &name : {u"subdomain"_s, u"baseUrl"_s})
            QVERIFY2(configNames.contains(name), qPrintable(name));
        for (const auto &stream : manifest->streams) {
            if (!stream.slices.config.isEmpty())
                QVERIFY2(configNames.contains(stream.slices.config), qPrintable(stream.slices.config));
        }
    }

    void apiRootFromSubdomain_data()
    {
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("root");
        QTest::newRow("plain") << QJsonObject{{u"subdomain"_s, u"acme"_s}} << u"https://acme.zendesk.com/api/v2"_s;
        QTest::newRow("host") << QJsonObject{{u"subdomain"_s, u"Acme.zendesk.com"_s}} << u"https://acme.zendesk.com/api/v2"_s;
        QTest::newRow("url") << QJsonObject{{u"subdomain"_s, u"https://acme-eu.zendesk.com/"_s}}
                             << u"https://acme-eu.zendesk.com/api/v2"_s;
        QTest::newRow("baseUrl wins") << QJsonObject{{u"subdomain"_s, u"acme"_s}, {u"baseUrl"_s, u"http://127.0.0.1:9/api/v2"_s}}
                                      << u"http://127.0.0.1:9/api/v2"_s;
        QTest::newRow("missing") << QJsonObject() << QString();
        QTest::newRow("another host") << QJsonObject{{u"subdomain"_s, u"evil.example/x"_s}} << QString();
        QTest::newRow("dots") << QJsonObject{{u"subdomain"_s, u"a.b"_s}} << QString();
    }

    void apiRootFromSubdomain()
    {
        QFETCH(QJsonObject, config);
        QFETCH(QString, root);
        QString problem;
        QCOMPARE(ZendeskConnector::apiRoot(u"https://{subdomain}.zendesk.com/api/v2"_s, config, &problem), root);
        QCOMPARE(problem.isEmpty(), !root.isEmpty());
    }

    void badSubdomainFailsEveryCall()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"baseUrl"_s, QJsonValue()}, {u"subdomain"_s, u"not a subdomain"_s}});
        const auto check = ConnectorTestHarness::check(*connector);
        QVERIFY(!check.ok());
        QVERIFY2(check.error().message.contains(u"subdomain"_s), qPrintable(check.error().message));
        CollectingPageSink sink;
        const auto read = ConnectorTestHarness::read(*connector, u"tickets"_s, {}, sink);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind, Error::Kind::Configuration);
        QCOMPARE(m_fake->requestCount(), 0);
    }

    void checkAndDiscover()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        const auto check = ConnectorTestHarness::check(*connector);
        QVERIFY2(check.ok(), qPrintable(check.ok() ? QString() : check.error().message));
        const QByteArray auth = m_fake->requests().last().header("authorization");
        QCOMPARE(auth, "Basic " + QByteArray("agent@example.com/token:opbox-fake-token").toBase64());
        const auto discovered = ConnectorTestHarness::discover(*connector);
        QVERIFY(discovered.ok());
        QStringList names;
        for (const auto &stream : *discovered)
            names.append(stream.name);
        QCOMPARE(names, (QStringList{u"tickets"_s, u"users"_s, u"organizations"_s, u"ticket_comments"_s}));
        QCOMPARE(discovered->at(3).parent, u"tickets"_s);
        QCOMPARE(discovered->at(0).cursorField, u"updated_at"_s);
    }

    void ticketsExportAcrossPages()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, smallPages());
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"tickets"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(25));
        QCOMPARE(ids(sink).size(), 25);
        QCOMPARE(sink.lastPageCount(), 1);
        QVERIFY(sink.pages().last().lastPage);
        const auto requests = exportRequests(*m_fake, u"tickets"_s);
        QCOMPARE(requests.size(), 3);
        // The first request starts at a time, every later one at the provider's cursor.
        QCOMPARE(requests.at(0).query.queryItemValue(u"start_time"_s), u"0"_s);
        QVERIFY(!requests.at(0).query.hasQueryItem(u"cursor"_s));
        for (int i = 1; i < requests.size(); ++i) {
            QVERIFY(!requests.at(i).query.hasQueryItem(u"start_time"_s));
            QCOMPARE(requests.at(i).query.queryItemValue(u"cursor"_s),
                     sink.pages().at(i - 1).stateAfter.value(u"after_cursor"_s).toString());
        }
        for (const auto &request : requests)
            QCOMPARE(request.query.queryItemValue(u"per_page"_s), u"10"_s);
        const QJsonObject state = sink.lastState();
        QVERIFY(!state.value(u"after_cursor"_s).toString().isEmpty());
        // The newest updated_at: ticket 24 was created 24 h after the epoch and updated 20 minutes later.
        QCOMPARE(state.value(u"cursor"_s).toString(), u"2024-01-02T00:20:00.000Z"_s);
        const QJsonObject first = sink.records().first();
        QCOMPARE(first.value(u"updated_at"_s).toString(), u"2024-01-01T00:20:00.000Z"_s);
        QVERIFY(first.value(u"generated_timestamp"_s).isDouble());
    }

    void resumesFromAfterCursor()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, smallPages());
        CollectingPageSink full;
        QVERIFY(ConnectorTestHarness::read(*connector, u"tickets"_s, {}, full).ok());
        const QJsonObject state = full.lastState();

        // Whole seconds, as Zendesk sends them.
        const QDateTime changed = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 7200, Qt::UTC);
        const qint64 touched = m_fake->ticketIds().at(3);
        QVERIFY(m_fake->touchTicket(touched, changed));
        const qint64 added = m_fake->addTicket(changed.addSecs(60));
        m_fake->clearRequests();

        CollectingPageSink incremental;
        const auto result = ConnectorTestHarness::read(*connector, u"tickets"_s, state, incremental);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(ids(incremental), (QSet<qint64>{touched, added}));
        const auto requests = exportRequests(*m_fake, u"tickets"_s);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().query.queryItemValue(u"cursor"_s), state.value(u"after_cursor"_s).toString());
        QVERIFY(!requests.first().query.hasQueryItem(u"start_time"_s));
        QCOMPARE(incremental.lastState().value(u"cursor"_s).toString(),
                 Opbox::Fakes::FakeProviderServer::iso(changed.addSecs(60)));
        QVERIFY(incremental.lastState().value(u"after_cursor"_s).toString() != state.value(u"after_cursor"_s).toString());

        // Nothing new: one request, no records, the same cursor.
        m_fake->clearRequests();
        CollectingPageSink idle;
        QVERIFY(ConnectorTestHarness::read(*connector, u"tickets"_s, incremental.lastState(), idle).ok());
        QCOMPARE(idle.records().size(), 0);
        QCOMPARE(exportRequests(*m_fake, u"tickets"_s).size(), 1);
        QCOMPARE(idle.lastState().value(u"cursor"_s), incremental.lastState().value(u"cursor"_s));
    }

    void cursorResetRestartsFromTheDate()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, smallPages());
        // What a cursor reset stores: the date alone, the provider's cursor dropped.
        CollectingPageSink sink;
        const auto result
            = ConnectorTestHarness::read(*connector, u"tickets"_s, {{u"cursor"_s, u"2024-01-01T20:00:00.000Z"_s}}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const auto requests = exportRequests(*m_fake, u"tickets"_s);
        QCOMPARE(requests.first().query.queryItemValue(u"start_time"_s),
                 QString::number(QDateTime(QDate(2024, 1, 1), QTime(20, 0), Qt::UTC).toSecsSinceEpoch()));
        // Tickets 20..24 were updated at 20:20 and later; ticket 19 at 19:20.
        QCOMPARE(*result, qint64(5));
    }

    void startTimeNeverWithinTheLag()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        const QString future = Opbox::Fakes::FakeProviderServer::iso(QDateTime::currentDateTimeUtc().addDays(1));
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"tickets"_s, {{u"cursor"_s, future}}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const qint64 sent = exportRequests(*m_fake, u"tickets"_s).first().query.queryItemValue(u"start_time"_s).toLongLong();
        QVERIFY(sent <= QDateTime::currentSecsSinceEpoch() - ZendeskFakeServer::LagSeconds);
        QCOMPARE(*result, qint64(0));
    }

    void theLastMinuteArrivesNextTime()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        const qint64 fresh = m_fake->addTicket(QDateTime::currentDateTimeUtc().addSecs(-10));
        CollectingPageSink first;
        QVERIFY(ConnectorTestHarness::read(*connector, u"tickets"_s, {}, first).ok());
        QVERIFY(!ids(first).contains(fresh)); // changed within the export's lag
        QCOMPARE(first.records().size(), 25);

        m_fake->advanceClock(120); // two minutes later
        CollectingPageSink second;
        QVERIFY(ConnectorTestHarness::read(*connector, u"tickets"_s, first.lastState(), second).ok());
        QCOMPARE(ids(second), QSet<qint64>{fresh});
    }

    void usersExport()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 5}});
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"users"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(12));
        QCOMPARE(exportRequests(*m_fake, u"users"_s).size(), 3);
        QVERIFY(!sink.lastState().value(u"after_cursor"_s).toString().isEmpty());
        QCOMPARE(sink.lastState().value(u"cursor"_s).toString(), u"2024-01-01T11:30:00.000Z"_s);

        const qint64 user = m_fake->userIds().at(2);
        QVERIFY(m_fake->touchUser(user, QDateTime::currentDateTimeUtc().addSecs(-3600)));
        CollectingPageSink next;
        QVERIFY(ConnectorTestHarness::read(*connector, u"users"_s, sink.lastState(), next).ok());
        QCOMPARE(ids(next), QSet<qint64>{user});
        QVERIFY(next.records().first().value(u"name"_s).toString().endsWith(u"(renamed)"_s));
    }

    void organizationsFollowLinksNext()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 3}});
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"organizations"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(7));
        QCOMPARE(m_fake->requestCount(u"/organizations.json"_s), 3);
        QVERIFY(m_fake->requests().first().query.queryItems(QUrl::FullyDecoded).contains({u"page[size]"_s, u"3"_s}));
        QCOMPARE(sink.lastState(), QJsonObject()); // a full refresh keeps no cursor
    }

    void ticketCommentsAreChildrenOfTheExport()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, smallPages());
        const qint64 deleted = m_fake->ticketIds().at(0);
        QVERIFY(m_fake->deleteTicket(deleted, QDateTime(QDate(2024, 1, 1), QTime(0, 30), Qt::UTC)));
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"ticket_comments"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(24 * 3)); // the deleted ticket's comments are gone with it
        QCOMPARE(m_fake->requestCount(u"/tickets/%1/comments.json"_s.arg(deleted)), 0);
        QCOMPARE(m_fake->requestCount(u"/comments.json"_s), 24);
        QSet<qint64> tickets;
        for (const auto &comment : sink.records()) {
            QVERIFY(comment.value(u"ticket_id"_s).isDouble());
            tickets.insert(comment.value(u"ticket_id"_s).toInteger());
            QVERIFY(comment.value(u"created_at"_s).toString().endsWith(u".000Z"_s));
        }
        QCOMPARE(tickets.size(), 24);
        QCOMPARE(sink.lastPageCount(), 1);
        // The comments stream walks the tickets export with a cursor of its own.
        const QJsonObject state = sink.lastState();
        QVERIFY(!state.value(u"after_cursor"_s).toString().isEmpty());
        QCOMPARE(state.value(u"cursor"_s).toString(), u"2024-01-02T00:20:00.000Z"_s);
        // No page moves the export's cursor before all comments of its tickets are handed over.
        const QString firstAfter = exportRequests(*m_fake, u"tickets"_s).size() > 1
            ? exportRequests(*m_fake, u"tickets"_s).at(1).query.queryItemValue(u"cursor"_s)
            : QString();
        int pagesBeforeMove = 0;
        for (const auto &page : sink.pages()) {
            if (page.stateAfter.value(u"after_cursor"_s).toString() == firstAfter)
                break;
            ++pagesBeforeMove;
            QVERIFY(page.stateAfter.value(u"after_cursor"_s).toString().isEmpty());
        }
        QVERIFY(pagesBeforeMove >= 9); // the first ten tickets' comments (one deleted)

        // A reply on one ticket: the next read fetches that ticket's comments only.
        const qint64 ticket = m_fake->ticketIds().at(7);
        QVERIFY(m_fake->touchTicket(ticket, QDateTime::currentDateTimeUtc().addSecs(-300), true));
        m_fake->clearRequests();
        CollectingPageSink next;
        QVERIFY(ConnectorTestHarness::read(*connector, u"ticket_comments"_s, state, next).ok());
        QCOMPARE(next.records().size(), 4);
        QCOMPARE(m_fake->requestCount(u"/comments.json"_s), 1);
        for (const auto &comment : next.records())
            QCOMPARE(comment.value(u"ticket_id"_s).toInteger(), ticket);
    }

    void commentsPageThroughMetaHasMore()
    {
        ConnectorTestHarness harness;
        const qint64 busy = m_fake->addTicket(QDateTime::currentDateTimeUtc().addSecs(-600), 23);
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 10}});
        CollectingPageSink sink;
        QVERIFY(ConnectorTestHarness::read(
                    *connector, u"ticket_comments"_s,
                    {{u"cursor"_s, Opbox::Fakes::FakeProviderServer::iso(QDateTime::currentDateTimeUtc().addSecs(-900))}}, sink)
                    .ok());
        QCOMPARE(sink.records().size(), 23);
        QCOMPARE(m_fake->requestCount(u"/tickets/%1/comments.json"_s.arg(busy)), 3);
    }

    void survivesTheExportLimit()
    {
        m_fake->setExportLimit(2, 1000);
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 5}});
        QElapsedTimer timer;
        timer.start();
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"tickets"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(25));
        QVERIFY(m_fake->exportRefusals() > 0);
        QVERIFY(timer.elapsed() >= 1000); // waited as Retry-After said
        for (const auto &request : m_fake->requests())
            QVERIFY(!request.query.hasQueryItem(u"start_time"_s) || request.query.queryItemValue(u"start_time"_s) == u"0"_s);
    }

    void faults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("kind");
        QTest::newRow("503 burst") << u"503"_s << true << 0;
        QTest::newRow("429 retry-after") << u"429"_s << true << 0;
        QTest::newRow("invalid JSON") << u"json"_s << false << int(Error::Kind::Malformed);
        QTest::newRow("records not a list") << u"list"_s << false << int(Error::Kind::Malformed);
        QTest::newRow("bad date") << u"date"_s << false << int(Error::Kind::Malformed);
        QTest::newRow("refused token") << u"token"_s << false << int(Error::Kind::Configuration);
    }

    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(bool, ok);
        QFETCH(int, kind);
        using M = ZendeskFakeServer::Malformation;
        const QString path = u"/incremental/tickets"_s;
        if (fault == u"503")
            m_fake->failNext(2, 503, path, 1);
        else if (fault == u"429")
            m_fake->rateLimitNext(1, u"1"_s, path, 1);
        else if (fault == u"json")
            m_fake->malformNext(1, M::InvalidJson, path, 1);
        else if (fault == u"list")
            m_fake->malformNext(1, M::RecordsNotList, path, 1);
        else if (fault == u"date")
            m_fake->malformNext(1, M::BadDate, path, 1);
        else
            m_fake->setToken(u"another-token"_s);
        ConnectorTestHarness harness;
        // The connection keeps the token the provider no longer takes.
        const QJsonObject credentials{{u"email"_s, ZendeskFakeServer::agentEmail()}, {u"apiToken"_s, u"opbox-fake-token"_s}};
        auto connector = harness.connect(*m_fake, smallPages(), credentials);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"tickets"_s, {}, sink);
        QCOMPARE(result.ok(), ok);
        if (ok) {
            QCOMPARE(*result, qint64(25));
            return;
        }
        QCOMPARE(int(result.error().kind), kind);
        QVERIFY(!result.error().message.contains(u"opbox-fake-token"_s));
        QVERIFY(result.error().message.contains(u"Zendesk"_s));
        if (fault == u"token") {
            QVERIFY2(result.error().message.contains(u"Couldn't authenticate you"_s), qPrintable(result.error().message));
            QCOMPARE(sink.pages().size(), 0);
        } else {
            // The page before the fault was handed over with a state to resume from.
            QCOMPARE(sink.pages().size(), 1);
            QVERIFY(!sink.pages().first().stateAfter.value(u"after_cursor"_s).toString().isEmpty());
        }
    }

    void stopsWhenTheSinkSaysSo()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, smallPages());
        CollectingPageSink sink;
        sink.stopAtPage(2);
        const auto result = ConnectorTestHarness::read(*connector, u"tickets"_s, {}, sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Cancelled);
        QCOMPARE(exportRequests(*m_fake, u"tickets"_s).size(), 2);
    }
};

QTEST_GUILESS_MAIN(ZendeskConnectorTest)
#include "tst_zendeskconnector.moc"
