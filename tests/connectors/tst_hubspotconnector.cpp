// SPDX-License-Identifier: GPL-3.0-or-later
// The CRM_PLATFORM connector against the HubSpot fake: list paging, search-based incremental reads,
// property selection and type coercion, the search cap, and a generated volume of contacts.
#include "collectingpagesink.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/declarativeconnector.h"
#include "connectortestharness.h"
#include "hubspotfakeserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Opbox::Fakes::HubSpotFakeServer;
using Opbox::Tests::CollectingPageSink;
using Opbox::Tests::ConnectorTestHarness;

class HubSpotConnectorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fake = std::make_unique<HubSpotFakeServer>();
        m_fake->seed(u"contacts"_s, 250);
        m_fake->seed(u"companies"_s, 130);
        m_fake->seed(u"deals"_s, 101);
        m_fake->seed(u"owners"_s, 120);
        QVERIFY(m_fake->start());
    }

    void cleanup() { m_fake.reset(); }

    void checkAndDiscover()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        QVERIFY(connector);
        const auto check = ConnectorTestHarness::check(*connector);
        QVERIFY2(check.ok(), qPrintable(check.ok() ? QString() : check.error().message));
        const auto discover = ConnectorTestHarness::discover(*connector);
        QVERIFY(discover.ok());
        QStringList names;
        for (const auto &stream : *discover)
            names.append(stream.name);
        QCOMPARE(names, (QStringList{u"contacts"_s, u"companies"_s, u"deals"_s, u"owners"_s}));
        const auto contacts = discover->first();
        QCOMPARE(contacts.primaryKey, QStringList{u"id"_s});
        QCOMPARE(contacts.cursorField, u"updatedAt"_s);
        QVERIFY(contacts.supportedSyncModes.contains(u"incremental"_s));
        QCOMPARE(discover->last().supportedSyncModes, QStringList{u"full_refresh"_s});
        const QJsonObject json = contacts.toJson();
        QVERIFY(json.value(u"fields"_s)
                    .toArray()
                    .contains(QJsonObject{{u"name"_s, u"properties.numemployees"_s}, {u"type"_s, u"integer"_s}}));
    }

    void readsEveryStreamAcrossPages_data()
    {
        QTest::addColumn<QString>("stream");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("pages");
        QTest::newRow("contacts") << u"contacts"_s << 250 << 3;
        QTest::newRow("companies") << u"companies"_s << 130 << 2;
        QTest::newRow("deals") << u"deals"_s << 101 << 2;
        QTest::newRow("owners") << u"owners"_s << 120 << 2;
    }

    void readsEveryStreamAcrossPages()
    {
        QFETCH(QString, stream);
        QFETCH(int, records);
        QFETCH(int, pages);
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, stream, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(records));
        QCOMPARE(sink.pages().size(), pages);
        QCOMPARE(sink.lastPageCount(), 1);
        QVERIFY(sink.pages().last().lastPage);
        const QStringList ids = sink.values(u"id"_s);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), records);
        QCOMPARE(m_fake->requestCount(u"/crm/v3/"_s), pages);
        if (stream == u"owners") {
            QVERIFY(sink.lastState().isEmpty()); // full refresh only
        } else {
            // The list API is ordered by id: the cursor only moves on the last page, to the newest change.
            for (int i = 0; i + 1 < sink.pages().size(); ++i)
                QVERIFY(!sink.pages().at(i).stateAfter.contains(u"cursor"_s));
            const QString newest = m_fake->record(stream, records - 1).value(u"updatedAt"_s).toString();
            QCOMPARE(sink.lastState().value(u"cursor"_s).toString(), newest);
        }
    }

    void normalisesDatesAndKeepsOtherValuesAsReceived()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 10}});
        CollectingPageSink sink;
        sink.stopAtPage(1);
        (void)ConnectorTestHarness::read(*connector, u"contacts"_s, {}, sink);
        QCOMPARE(sink.pages().size(), 1);
        QCOMPARE(sink.records().size(), 10);
        const QJsonObject first = sink.records().at(3);
        const QJsonObject p = first.value(u"properties"_s).toObject();
        // Declared date-times become ISO-8601 UTC; every other value stays as received,
        // and HubSpot sends numbers and booleans of properties as text.
        QCOMPARE(p.value(u"numemployees"_s), QJsonValue(u"13"_s));
        QVERIFY(p.value(u"annualrevenue"_s).isString());
        QCOMPARE(p.value(u"hs_email_optout"_s), QJsonValue(u"true"_s));
        QCOMPARE(p.value(u"createdate"_s).toString(), u"2024-01-01T00:03:00.000Z"_s);
        QVERIFY(p.value(u"hs_object_id"_s).isString()); // ids stay text
        // Only the manifest's properties were asked for: the fake's extra one never arrives.
        QVERIFY(!p.contains(u"hs_analytics_source"_s));
        const auto request = m_fake->requests().constLast();
        QCOMPARE(request.query.queryItemValue(u"limit"_s), u"10"_s);
        QVERIFY(request.query.queryItemValue(u"properties"_s, QUrl::FullyDecoded).split(u',').contains(u"lastmodifieddate"_s));
        QCOMPARE(request.header("authorization"), QByteArray("Bearer opbox-fake-token"));
    }

    void incrementalUsesSearchAndPicksUpChanges_data()
    {
        QTest::addColumn<QString>("stream");
        QTest::addColumn<QString>("property");
        QTest::addColumn<int>("seeded");
        QTest::newRow("contacts") << u"contacts"_s << u"lastmodifieddate"_s << 250;
        QTest::newRow("companies") << u"companies"_s << u"hs_lastmodifieddate"_s << 130;
        QTest::newRow("deals") << u"deals"_s << u"hs_lastmodifieddate"_s << 101;
    }

    void incrementalUsesSearchAndPicksUpChanges()
    {
        QFETCH(QString, stream);
        QFETCH(QString, property);
        QFETCH(int, seeded);
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink full;
        QVERIFY(ConnectorTestHarness::read(*connector, stream, {}, full).ok());
        const QJsonObject state = full.lastState();
        const QString cursor = state.value(u"cursor"_s).toString();
        QVERIFY(!cursor.isEmpty());

        const QDateTime later(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
        QSet<QString> changed;
        for (int index : {7, 42, seeded - 3})
            changed.insert(m_fake->modify(stream, index, later.addSecs(index)));
        m_fake->clearRequests();

        CollectingPageSink incremental;
        const auto result = ConnectorTestHarness::read(*connector, stream, state, incremental);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const QStringList ids = incremental.values(u"id"_s);
        const QSet<QString> got(ids.begin(), ids.end());
        QVERIFY(got.contains(changed));
        // Besides the changes, only records inside the 5-minute lookback come back.
        const QDateTime from = QDateTime::fromString(cursor, Qt::ISODateWithMs).addSecs(-300);
        for (const auto &record : incremental.records())
            QVERIFY(QDateTime::fromString(record.value(u"updatedAt"_s).toString(), Qt::ISODateWithMs) >= from);
        QVERIFY(got.size() < 12);
        QCOMPARE(incremental.lastState().value(u"cursor"_s).toString(),
                 later.addSecs(seeded - 3).toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s));

        // It went through the search API with the provider's property and an epoch-millisecond filter.
        const auto requests = m_fake->requests();
        QVERIFY(!requests.isEmpty());
        for (const auto &request : requests) {
            QCOMPARE(request.method, QByteArray("POST"));
            QCOMPARE(request.path, u"/crm/v3/objects/%1/search"_s.arg(stream));
        }
        const QJsonObject body = QJsonDocument::fromJson(requests.first().body).object();
        const QJsonObject filter
            = body.value(u"filterGroups"_s).toArray().first().toObject().value(u"filters"_s).toArray().first().toObject();
        QCOMPARE(filter.value(u"propertyName"_s).toString(), property);
        QCOMPARE(filter.value(u"operator"_s).toString(), u"GTE"_s);
        QCOMPARE(filter.value(u"value"_s).toString(), QString::number(from.toMSecsSinceEpoch()));
        QCOMPARE(body.value(u"sorts"_s).toArray().first().toObject().value(u"direction"_s).toString(), u"ASCENDING"_s);
        QCOMPARE(body.value(u"limit"_s).toInt(), 200);
    }

    void searchCapRestartsFromTheCursor()
    {
        // The real cap is 10,000; a copy of the manifest with a cap of 300 shows the restart with few records.
        QVERIFY(Opbox::ConnectorManifest::forType(u"CRM_PLATFORM"_s));
        QFile file(u":/connectors/hubspot/manifest.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray streams = root.value(u"streams"_s).toArray();
        QJsonObject contacts = streams.first().toObject();
        QJsonObject incremental = contacts.value(u"incremental"_s).toObject();
        QJsonObject request = incremental.value(u"request"_s).toObject();
        QJsonObject pagination = request.value(u"pagination"_s).toObject();
        pagination.insert(u"maxResults"_s, 300);
        request.insert(u"pagination"_s, pagination);
        incremental.insert(u"request"_s, request);
        contacts.insert(u"incremental"_s, incremental);
        streams.replace(0, contacts);
        root.insert(u"streams"_s, streams);
        auto manifest = Opbox::ConnectorManifest::parse(QJsonDocument(root).toJson());
        QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().message));
        m_fake->setSearchResultCap(300);

        const QDateTime later(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC);
        for (int i = 0; i < 250; ++i)
            m_fake->modify(u"contacts"_s, i, later.addSecs(i));
        QNetworkAccessManager network;
        Opbox::ConnectorContext context;
        context.type = u"CRM_PLATFORM"_s;
        context.credentials = m_fake->credentials();
        context.config = m_fake->connectorConfig();
        context.network = &network;
        Opbox::DeclarativeConnector connector(std::make_shared<const Opbox::ConnectorManifest>(*manifest), context);
        CollectingPageSink sink;
        const auto result
            = ConnectorTestHarness::read(connector, u"contacts"_s, {{u"cursor"_s, u"2024-04-01T00:00:00.000Z"_s}}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const QStringList ids = sink.values(u"id"_s);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 250);
        // Two queries: the second starts at the newest modification time the first reached.
        int queries = 0;
        for (const auto &r : m_fake->requests()) {
            if (r.path.endsWith(u"/search"_s) && !QJsonDocument::fromJson(r.body).object().contains(u"after"_s))
                ++queries;
        }
        QCOMPARE(queries, 2);
        QCOMPARE(sink.lastState().value(u"cursor"_s).toString(), u"2024-05-01T00:04:09.000Z"_s);
        // Each page's state moves forward as the pages arrive in order.
        QString previous;
        for (const auto &page : sink.pages()) {
            const QString cursor = page.stateAfter.value(u"cursor"_s).toString();
            QVERIFY(cursor >= previous);
            previous = cursor;
        }
    }

    void badTokenIsAConfigError()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {}, {{u"apiKey"_s, u"pat-na1-wrong-secret-value"_s}});
        const auto check = ConnectorTestHarness::check(*connector);
        QVERIFY(!check.ok());
        QVERIFY2(check.error().message.contains(u"HubSpot"_s) && check.error().message.contains(u"Check the API key"_s),
                 qPrintable(check.error().message));
        QVERIFY(check.error().message.contains(u"Authentication credentials are invalid"_s)); // the provider's own words
        QVERIFY(!check.error().message.contains(u"pat-na1-wrong-secret-value"_s));
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"deals"_s, {}, sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Opbox::Error::Kind::Configuration);
        QVERIFY(sink.pages().isEmpty());
        QCOMPARE(m_fake->requestCount(), 2); // no retries of a refusal
    }

    void generatedContactsServeAVolumeCheaply()
    {
        m_fake->setGeneratedContacts(3000);
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"contacts"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(3000));
        QCOMPARE(sink.pages().size(), 30);
        const QJsonObject record = sink.records().at(1234);
        QCOMPARE(record.value(u"id"_s).toString(), u"101234"_s);
        QCOMPARE(record.size() - 1 + record.value(u"properties"_s).toObject().size(), 20);
        QVERIFY(record.value(u"archived"_s).isBool());
        QVERIFY(record.value(u"properties"_s).toObject().value(u"annualrevenue"_s).isString()); // as received
        QCOMPARE(sink.lastState().value(u"cursor"_s).toString(), u"2024-01-02T00:49:59.000Z"_s);
    }

private:
    std::unique_ptr<HubSpotFakeServer> m_fake;
};

QTEST_GUILESS_MAIN(HubSpotConnectorTest)
#include "tst_hubspotconnector.moc"
