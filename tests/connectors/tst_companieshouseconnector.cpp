// SPDX-License-Identifier: GPL-3.0-or-later
// The REGISTRY connector against the Companies House fake: basic auth with the key and an empty
// password, company profiles from config.companyNumbers (leading zeros kept), officers, filing
// history and persons with significant control per company over several offset pages, a missing
// list as no records, the 600-per-5-minutes limit paced or waited out without failing, and faults.
#include "collectingpagesink.h"
#include "companieshousefakeserver.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "connectortestharness.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Opbox::Error;
using Opbox::Fakes::CompaniesHouseFakeServer;
using Opbox::Tests::CollectingPageSink;
using Opbox::Tests::ConnectorTestHarness;

class CompaniesHouseConnectorTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CompaniesHouseFakeServer> m_fake;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fake = std::make_unique<CompaniesHouseFakeServer>();
        m_fake->seed(3, 130, 45, 4);
        QVERIFY(m_fake->start());
    }

    void cleanup() { m_fake.reset(); }

    void manifestMatchesTheContract()
    {
        // The fixed stream names, and the credential and config fields the type registry asks for.
        const auto manifest = Opbox::ConnectorManifest::forType(u"REGISTRY"_s);
        QVERIFY(manifest);
        QStringList names;
        for (const auto &stream : manifest->streams)
            names.append(stream.name);
        QCOMPARE(names, (QStringList{u"companies"_s, u"officers"_s, u"filing_history"_s, u"persons_with_significant_control"_s}));
        const Opbox::ConnectorTypeInfo *info = Opbox::ConnectorTypeRegistry::find(u"REGISTRY"_s);
        QVERIFY(info);
        QStringList credentialNames;
        for (const auto &field : info->credentials)
            credentialNames.append(field.name);
        for (const QString &name : {u"apiKey"_s})
            QVERIFY2(credentialNames.contains(name), qPrintable(name));
        QStringList configNames;
        for (const auto &field : info->config)
            configNames.append(field.name);
        for (const QString &name : {u"companyNumbers"_s, u"baseUrl"_s})
            QVERIFY2(configNames.contains(name), qPrintable(name));
        for (const auto &stream : manifest->streams) {
            if (!stream.slices.config.isEmpty())
                QVERIFY2(configNames.contains(stream.slices.config), qPrintable(stream.slices.config));
        }
    }

    void checkUsesTheKeyAsUserName()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        const auto check = ConnectorTestHarness::check(*connector);
        QVERIFY2(check.ok(), qPrintable(check.ok() ? QString() : check.error().message));
        QCOMPARE(m_fake->requests().last().header("authorization"), "Basic " + QByteArray("opbox-fake-token:").toBase64());

        auto refused = harness.connect(*m_fake, {}, {{u"apiKey"_s, u"wrong-key"_s}});
        const auto bad = ConnectorTestHarness::check(*refused);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.contains(u"Invalid Authorization"_s), qPrintable(bad.error().message));
        QVERIFY(!bad.error().message.contains(u"wrong-key"_s));
    }

    void readsEveryStream_data()
    {
        QTest::addColumn<QString>("stream");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("requests");
        QTest::newRow("companies") << u"companies"_s << 3 << 3;
        // 130 officers a company: a full page of 100 and a short one.
        QTest::newRow("officers") << u"officers"_s << 390 << 6;
        QTest::newRow("filing_history") << u"filing_history"_s << 135 << 3;
        QTest::newRow("persons_with_significant_control") << u"persons_with_significant_control"_s << 12 << 3;
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
        QCOMPARE(m_fake->requestCount(), requests);
        QCOMPARE(sink.lastPageCount(), 1);
        const QStringList numbers = m_fake->companyNumbers();
        QCOMPARE(numbers.first(), u"00445790"_s);
        QSet<QString> seen;
        for (const auto &record : sink.records()) {
            // Company numbers stay 8-character text, on the children too.
            QVERIFY(record.value(u"company_number"_s).isString());
            seen.insert(record.value(u"company_number"_s).toString());
        }
        QCOMPARE(seen, QSet<QString>(numbers.begin(), numbers.end()));
        if (stream != u"companies"_s) {
            for (const auto &request : m_fake->requests())
                QCOMPARE(request.query.queryItemValue(u"items_per_page"_s), u"100"_s);
            QSet<QString> keys;
            for (const auto &record : sink.records()) {
                const QJsonObject links = record.value(u"links"_s).toObject();
                keys.insert(stream == u"filing_history"_s
                                ? record.value(u"company_number"_s).toString() + record.value(u"transaction_id"_s).toString()
                                : links.value(u"self"_s).toString());
            }
            QCOMPARE(keys.size(), records); // the primary keys are unique
        }
        QCOMPARE(sink.lastState(), QJsonObject()); // no modified-since filter: full refresh
    }

    void aMissingListIsEmpty()
    {
        m_fake->seed(1, 2, 1, 0); // a company without persons with significant control answers 404
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"companyNumbers"_s, QJsonArray{m_fake->companyNumbers().last()}}});
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"persons_with_significant_control"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(0));
    }

    void companyNumbersAsText()
    {
        // One typed field with commas and spaces is as good as a list.
        const QStringList numbers = m_fake->companyNumbers();
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"companyNumbers"_s, QString(numbers.at(0) + u", "_s + numbers.at(2))}});
        CollectingPageSink sink;
        QVERIFY(ConnectorTestHarness::read(*connector, u"companies"_s, {}, sink).ok());
        QCOMPARE(sink.values(u"company_number"_s), (QStringList{numbers.at(0), numbers.at(2)}));
    }

    void anUnknownCompanyFailsWithTheRegistrysReason()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"companyNumbers"_s, QJsonArray{u"09999999"_s}}});
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"companies"_s, {}, sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Upstream);
        QVERIFY2(result.error().message.contains(u"company-profile-not-found"_s), qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(u"/company/09999999"_s));
    }

    void pacesAtTheAnnouncedLimit()
    {
        // 5 requests per 2-second window instead of 600 per 5 minutes; the read needs 9.
        m_fake->setRateLimit(5, 2000);
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 50}});
        QElapsedTimer timer;
        timer.start();
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"officers"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(390));
        QCOMPARE(m_fake->requestCount(), 9);
        // Remain reached 0, so the connector waited for the reset instead of spending a refused request.
        QCOMPARE(m_fake->rateLimitRefusals(), 0);
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    }

    void waitsOutA429()
    {
        // Without the counters on successful answers the connector only learns from the 429.
        m_fake->setRateLimit(4, 1500);
        m_fake->setAnnounceRateLimit(false);
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"pageSize"_s, 50}});
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"officers"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(390));
        QVERIFY(m_fake->rateLimitRefusals() > 0);
    }

    void faults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("kind");
        QTest::newRow("502 burst") << u"502"_s << true << 0;
        QTest::newRow("invalid JSON") << u"json"_s << false << int(Error::Kind::Malformed);
        QTest::newRow("items missing") << u"missing"_s << false << int(Error::Kind::Malformed);
        QTest::newRow("item not an object") << u"item"_s << false << int(Error::Kind::Malformed);
        QTest::newRow("endless 503") << u"503"_s << false << int(Error::Kind::Unavailable);
    }

    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(bool, ok);
        QFETCH(int, kind);
        using M = CompaniesHouseFakeServer::Malformation;
        const QString path = u"/officers"_s;
        if (fault == u"502")
            m_fake->failNext(3, 502, path, 1);
        else if (fault == u"json")
            m_fake->malformNext(1, M::InvalidJson, path, 1);
        else if (fault == u"missing")
            m_fake->malformNext(1, M::MissingRecords, path, 1);
        else if (fault == u"item")
            m_fake->malformNext(1, M::RecordNotObject, path, 1);
        else
            m_fake->failNext(100, 503, path, 1);
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"maxRetries"_s, 3}});
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"officers"_s, {}, sink);
        QCOMPARE(result.ok(), ok);
        if (ok) {
            QCOMPARE(*result, qint64(390));
            return;
        }
        QCOMPARE(int(result.error().kind), kind);
        QVERIFY(result.error().message.contains(u"Companies House"_s));
        QVERIFY(!result.error().message.contains(u"opbox-fake-token"_s));
    }
};

QTEST_GUILESS_MAIN(CompaniesHouseConnectorTest)
#include "tst_companieshouseconnector.moc"
