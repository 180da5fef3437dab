// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/services/connectionservice.h"
#include "fakeservicesuite.h"
#include "testengine.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** test / check / discover end to end over HTTP against every provider fake that has a connector. */
class TestApiConnectorOps : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TestEngine> m_t;
    std::unique_ptr<Fakes::FakeServiceSuite> m_fakes;
    QString m_owner, m_member;

    QStringList availableTypes() const
    {
        QStringList out;
        for (auto *server : m_fakes->servers()) {
            // OAuth types get their tokens through the authorization flow (tests/oauth), not as credentials.
            const ConnectorTypeInfo *type = ConnectorTypeRegistry::find(server->connectorType());
            if (ConnectorFactory::isAvailable(server->connectorType()) && type && !type->isOAuth())
                out.append(server->connectorType());
        }
        return out;
    }

    QString createFor(Fakes::FakeProviderServer *fake, const QJsonObject &credentials)
    {
        auto r = m_t->client(m_owner)->post(u"/api/pipelines/connections"_s,
                                            QJsonObject{{u"name"_s, QString(fake->serviceName() + u" test"_s)},
                                                        {u"type"_s, fake->connectorType()},
                                                        {u"credentials"_s, credentials},
                                                        {u"config"_s, fake->connectorConfig()}});
        return r.status == 201 ? r.json().value(u"id"_s).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>();
        QVERIFY(m_t->ok());
        m_owner = m_t->addUser(u"owner@example.com"_s, Role::Owner);
        m_member = m_t->addUser(u"member@example.com"_s, Role::Member);
        Fakes::FakeServiceSuite::Options options;
        options.records = 30;
        m_fakes = std::make_unique<Fakes::FakeServiceSuite>(options);
        QString error;
        QVERIFY2(m_fakes->start(&error), qPrintable(error));
        QVERIFY2(availableTypes().size() >= 5, qPrintable(availableTypes().join(u", "_s)));
    }

    void perType_data()
    {
        QTest::addColumn<QString>("type");
        for (const auto &t : availableTypes())
            QTest::newRow(qPrintable(t)) << t;
    }

    void perType()
    {
        QFETCH(QString, type);
        auto *fake = m_fakes->server(type);
        QVERIFY(fake);
        auto c = m_t->client(m_owner);

        // test: valid credentials → success; the provider's refusal → success:false with its reason.
        auto ok = c->post(
            u"/api/pipelines/connections/test"_s,
            QJsonObject{{u"type"_s, type}, {u"credentials"_s, fake->credentials()}, {u"config"_s, fake->connectorConfig()}});
        QCOMPARE(ok.status, 200);
        QVERIFY2(ok.json().value(u"success"_s).toBool(), ok.body.constData());
        QVERIFY(ok.json().value(u"message"_s).isString());
        QJsonObject bad = fake->credentials();
        for (auto it = bad.begin(); it != bad.end(); ++it) {
            if (it.value().isString())
                it.value() = u"wrong-secret-value"_s;
        }
        auto refused = c->post(u"/api/pipelines/connections/test"_s,
                               QJsonObject{{u"type"_s, type}, {u"credentials"_s, bad}, {u"config"_s, fake->connectorConfig()}});
        QCOMPARE(refused.status, 200);
        QCOMPARE(refused.json().value(u"success"_s).toBool(), false);
        QVERIFY(!refused.json().value(u"message"_s).toString().isEmpty());
        QVERIFY(!refused.body.contains("wrong-secret-value"));

        // check updates the stored status both ways.
        const QString id = createFor(fake, fake->credentials());
        QVERIFY(!id.isEmpty());
        auto check = c->post(u"/api/pipelines/connections/"_s + id + u"/check"_s, {});
        QCOMPARE(check.status, 200);
        QCOMPARE(check.json().value(u"success"_s).toBool(), true);
        QCOMPARE(check.json().value(u"status"_s).toString(), u"CONNECTED"_s);
        QCOMPARE(c->get(u"/api/pipelines/connections/"_s + id).json().value(u"status"_s).toString(), u"CONNECTED"_s);

        const QString badId = createFor(fake, bad);
        auto badCheck = c->post(u"/api/pipelines/connections/"_s + badId + u"/check"_s, {});
        QCOMPARE(badCheck.status, 200);
        QCOMPARE(badCheck.json().value(u"success"_s).toBool(), false);
        QCOMPARE(badCheck.json().value(u"status"_s).toString(), u"ERROR"_s);
        const QJsonObject stored = c->get(u"/api/pipelines/connections/"_s + badId).json();
        QCOMPARE(stored.value(u"status"_s).toString(), u"ERROR"_s);
        QVERIFY(!stored.value(u"statusMessage"_s).toString().isEmpty());

        // discover: the API's shape with fields filled, primary key and cursor field per stream.
        auto discover = c->post(u"/api/pipelines/connections/"_s + id + u"/discover"_s, {});
        QCOMPARE(discover.status, 200);
        const QJsonArray streams = discover.json().value(u"streams"_s).toArray();
        QVERIFY(!streams.isEmpty());
        for (const auto &s : streams) {
            const QJsonObject stream = s.toObject();
            QVERIFY(!stream.value(u"name"_s).toString().isEmpty());
            QVERIFY2(!stream.value(u"fields"_s).toArray().isEmpty(), qPrintable(stream.value(u"name"_s).toString()));
            const QJsonObject field = stream.value(u"fields"_s).toArray().at(0).toObject();
            QVERIFY(field.value(u"name"_s).isString() && field.value(u"type"_s).isString());
            QVERIFY(!stream.value(u"supportedSyncModes"_s).toArray().isEmpty());
            QVERIFY(stream.value(u"primaryKey"_s).isArray());
        }
        // A member may not reach the provider through someone else's credentials.
        QCOMPARE(m_t->client(m_member)->post(u"/api/pipelines/connections/"_s + id + u"/discover"_s, {}).status, 403);
        QCOMPARE(m_t->client(m_member)->post(u"/api/pipelines/connections/"_s + id + u"/check"_s, {}).status, 403);
    }

    void testRequestValidation_data()
    {
        // A body with several problems names the first of type, credentials, config.
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject key{{u"apiKey"_s, u"k"_s}};
        QTest::newRow("unknown type") << QJsonObject{{u"type"_s, u"NOPE"_s}, {u"credentials"_s, QJsonObject{}}} << u"type"_s;
        QTest::newRow("missing type") << QJsonObject{{u"credentials"_s, QJsonObject{}}} << u"type"_s;
        QTest::newRow("type not a string") << QJsonObject{{u"type"_s, 7}, {u"credentials"_s, key}} << u"type"_s;
        QTest::newRow("missing credential") << QJsonObject{{u"type"_s, u"CRM_PLATFORM"_s}, {u"credentials"_s, QJsonObject{}}}
                                            << u"credentials.apiKey"_s;
        QTest::newRow("credentials not object")
            << QJsonObject{{u"type"_s, u"CRM_PLATFORM"_s}, {u"credentials"_s, u"x"_s}} << u"credentials"_s;
        QTest::newRow("bad baseUrl") << QJsonObject{{u"type"_s, u"CRM_PLATFORM"_s},
                                                    {u"credentials"_s, key},
                                                    {u"config"_s, QJsonObject{{u"baseUrl"_s, u"gopher://x"_s}}}}
                                     << u"config.baseUrl"_s;
        QTest::newRow("config not object") << QJsonObject{{u"type"_s, u"CRM_PLATFORM"_s},
                                                          {u"credentials"_s, key},
                                                          {u"config"_s, u"x"_s}}
                                           << u"config"_s;
        QTest::newRow("unknown type and credentials not object")
            << QJsonObject{{u"type"_s, u"NOPE"_s}, {u"credentials"_s, u"x"_s}, {u"config"_s, u"x"_s}} << u"type"_s;
        QTest::newRow("credentials and config not objects")
            << QJsonObject{{u"type"_s, u"CRM_PLATFORM"_s}, {u"credentials"_s, u"x"_s}, {u"config"_s, u"x"_s}} << u"credentials"_s;
        QTest::newRow("missing credential and config not object")
            << QJsonObject{{u"type"_s, u"CRM_PLATFORM"_s}, {u"credentials"_s, QJsonObject{}}, {u"config"_s, u"x"_s}}
            << u"credentials.apiKey"_s;
    }
    void testRequestValidation()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        auto r = m_t->client(m_owner)->post(u"/api/pipelines/connections/test"_s, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"code"_s).toString(), u"VALIDATION_ERROR"_s);
        QCOMPARE(r.json().value(u"error"_s).toString().section(u':', 0, 0), field);
    }

    void testAsksForAdminBeforeReadingTheBody()
    {
        auto r = m_t->client(m_member)->post(u"/api/pipelines/connections/test"_s,
                                             QJsonObject{{u"type"_s, u"NOPE"_s}, {u"credentials"_s, u"x"_s}});
        QCOMPARE(r.status, 403);
    }

    void unreachableProvider()
    {
        // Nothing listens on port 1: the test says why instead of hanging or failing with a 5xx.
        auto r = m_t->client(m_owner)->request(
            "POST", u"/api/pipelines/connections/test"_s,
            QJsonDocument(QJsonObject{{u"type"_s, u"CRM_PLATFORM"_s},
                                      {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k"_s}}},
                                      {u"config"_s, QJsonObject{{u"baseUrl"_s, u"http://127.0.0.1:1"_s}, {u"retryBaseMs"_s, 1}}}})
                .toJson(),
            {{"Content-Type", "application/json"}}, 60000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"success"_s).toBool(), false);
        QVERIFY(!r.json().value(u"message"_s).toString().isEmpty());
    }

    void unknownConnection()
    {
        auto c = m_t->client(m_owner);
        QCOMPARE(c->post(u"/api/pipelines/connections/cunknownunknownunknownunk/check"_s, {}).status, 404);
        QCOMPARE(c->post(u"/api/pipelines/connections/cunknownunknownunknownunk/discover"_s, {}).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestApiConnectorOps)
#include "tst_api_connectorops.moc"
