// SPDX-License-Identifier: GPL-3.0-or-later
// The MESSAGING connector against the WhatsApp Graph fake: templates and phone numbers through
// Graph cursor paging (short pages before the end, stop only without paging.next), Graph error codes
// inside HTTP 400 (rate limits retried, a refused token a configuration error), the webhook-only
// streams reading nothing, Meta's webhook signature and subscription handshake checks, and the
// decoding of signed webhook deliveries into records.
#include "collectingpagesink.h"
#include "connectors/providers/whatsapp/whatsappconnector.h"
#include "connectors/providers/whatsapp/whatsappwebhookdecoder.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "connectortestharness.h"
#include "whatsappfakeserver.h"
#include "whatsappwebhooksender.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using Opbox::ConnectorFactory;
using Opbox::Error;
using Opbox::HttpExchange;
using Opbox::ProviderHttpClient;
using Opbox::WebhookDecoder;
using Opbox::WhatsAppConnector;
using Opbox::WhatsAppWebhookDecoder;
using Opbox::Fakes::WhatsAppFakeServer;
using Opbox::Fakes::WhatsAppWebhookSender;
using Opbox::Tests::CollectingPageSink;
using Opbox::Tests::ConnectorTestHarness;

class WhatsAppConnectorTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WhatsAppFakeServer> m_fake;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fake = std::make_unique<WhatsAppFakeServer>();
        m_fake->seed(250, 3);
        QVERIFY(m_fake->start());
    }

    void cleanup() { m_fake.reset(); }

    void manifestMatchesTheContract()
    {
        // The fixed stream names, and the credential and config fields the type registry asks for.
        const auto manifest = Opbox::ConnectorManifest::forType(u"MESSAGING"_s);
        QVERIFY(manifest);
        QStringList names;
        for (const auto &stream : manifest->streams)
            names.append(stream.name);
        QCOMPARE(names, (QStringList{u"message_templates"_s, u"phone_numbers"_s, u"messages"_s, u"message_statuses"_s}));
        const Opbox::ConnectorTypeInfo *info = Opbox::ConnectorTypeRegistry::find(u"MESSAGING"_s);
        QVERIFY(info);
        QStringList credentialNames;
        for (const auto &field : info->credentials)
            credentialNames.append(field.name);
        for (const QString &name : {u"accessToken"_s, u"appSecret"_s, u"verifyToken"_s})
            QVERIFY2(credentialNames.contains(name), qPrintable(name));
        QStringList configNames;
        for (const auto &field : info->config)
            configNames.append(field.name);
        for (const QString &name : {u"wabaId"_s, u"baseUrl"_s})
            QVERIFY2(configNames.contains(name), qPrintable(name));
        for (const auto &stream : manifest->streams) {
            if (!stream.slices.config.isEmpty())
                QVERIFY2(configNames.contains(stream.slices.config), qPrintable(stream.slices.config));
        }
    }

    void checkNamesTheAccount()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        const auto check = ConnectorTestHarness::check(*connector);
        QVERIFY2(check.ok(), qPrintable(check.ok() ? QString() : check.error().message));
        const auto request = m_fake->requests().last();
        QCOMPARE(request.path, u"/"_s + WhatsAppFakeServer::wabaId());
        QCOMPARE(request.header("authorization"), QByteArray("Bearer opbox-fake-token"));

        auto wrongAccount = harness.connect(*m_fake, {{u"wabaId"_s, u"999"_s}});
        const auto bad = ConnectorTestHarness::check(*wrongAccount);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.contains(u"does not exist"_s), qPrintable(bad.error().message));
    }

    void templatesFollowPagingNext()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"message_templates"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        // Deleted templates are filtered out of each page: pages are short, yet paging goes on.
        QCOMPARE(*result, qint64(m_fake->listedTemplateCount()));
        QCOMPARE(m_fake->requestCount(u"/message_templates"_s), 3);
        for (const auto &page : sink.pages())
            QVERIFY(page.records.size() < 100);
        const auto first = m_fake->requests().first();
        QCOMPARE(first.query.queryItemValue(u"limit"_s), u"100"_s);
        QVERIFY(first.query.queryItemValue(u"fields"_s).contains(u"components"_s));
        QSet<QString> ids;
        for (const auto &record : sink.records()) {
            QVERIFY(record.value(u"id"_s).isString());
            ids.insert(record.value(u"id"_s).toString());
        }
        QCOMPARE(ids.size(), m_fake->listedTemplateCount());
        QCOMPARE(sink.lastState(), QJsonObject());
    }

    void phoneNumbers()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"phone_numbers"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(3));
        QCOMPARE(sink.records().first().value(u"id"_s).toString(), WhatsAppFakeServer::phoneNumberId());
        QCOMPARE(sink.records().first().value(u"throughput"_s).toObject().value(u"level"_s).toString(), u"STANDARD"_s);
    }

    void webhookStreamsReadNothing_data()
    {
        QTest::addColumn<QString>("stream");
        QTest::newRow("messages") << u"messages"_s;
        QTest::newRow("message_statuses") << u"message_statuses"_s;
    }

    void webhookStreamsReadNothing()
    {
        QFETCH(QString, stream);
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, stream, {{u"cursor"_s, u"2024-06-01T00:00:00.000Z"_s}}, sink);
        QVERIFY(result.ok());
        QCOMPARE(*result, qint64(0));
        QCOMPARE(sink.pages().size(), 0); // the stored state stays as it is
        QCOMPARE(m_fake->requestCount(), 0);
        bool listed = false;
        for (const auto &spec : connector->streams()) {
            if (spec.name == stream) {
                listed = true;
                QCOMPARE(spec.cursorField, u"timestamp"_s);
            }
        }
        QVERIFY(listed);
    }

    void rateLimitCodesAreRetried()
    {
        m_fake->rateLimitNext(2, u"1"_s, u"/message_templates"_s, 1);
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"message_templates"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(m_fake->listedTemplateCount()));
        QCOMPARE(m_fake->requestCount(u"/message_templates"_s), 5);
    }

    void refusedTokenIsAConfigurationError()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {}, {{u"accessToken"_s, u"expired-token-value"_s}});
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"phone_numbers"_s, {}, sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Configuration);
        QVERIFY2(result.error().message.contains(u"code 190"_s), qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(u"expired-token-value"_s));
    }

    void inspect_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<int>("kind");
        using V = ProviderHttpClient::Verdict::Kind;
        QTest::newRow("ok") << 200 << QByteArray("{\"data\":[]}") << int(V::Pass) << 0;
        QTest::newRow("80007") << 400 << QByteArray("{\"error\":{\"message\":\"(#80007) too many\",\"code\":80007}}")
                               << int(V::Retry) << 0;
        QTest::newRow("app limit 4") << 400 << QByteArray("{\"error\":{\"message\":\"(#4) limit\",\"code\":4}}") << int(V::Retry)
                                     << 0;
        QTest::newRow("temporary 2") << 500
                                     << QByteArray("{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}")
                                     << int(V::Retry) << 0;
        QTest::newRow("token 190")
            << 400
            << QByteArray("{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190}}")
            << int(V::Fail) << int(Error::Kind::Configuration);
        QTest::newRow("permission 200") << 403
                                        << QByteArray("{\"error\":{\"message\":\"(#200) Permissions error\",\"code\":200}}")
                                        << int(V::Fail) << int(Error::Kind::Configuration);
        QTest::newRow("parameter 100")
            << 400
            << QByteArray("{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"GraphMethodException\",\"code\":100}}")
            << int(V::Fail) << int(Error::Kind::Upstream);
        QTest::newRow("not graph") << 502 << QByteArray("<html>Bad gateway</html>") << int(V::Pass) << 0;
    }

    void inspect()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, verdict);
        QFETCH(int, kind);
        HttpExchange exchange;
        exchange.status = status;
        exchange.body = body;
        exchange.url = QUrl(u"https://graph.facebook.com/v21.0/1/message_templates"_s);
        const auto v = WhatsAppConnector::inspect(exchange, u"WhatsApp"_s);
        QCOMPARE(int(v.kind), verdict);
        if (v.kind == ProviderHttpClient::Verdict::Kind::Fail)
            QCOMPARE(int(v.error.kind), kind);
    }

    void decodesADelivery()
    {
        const QDateTime when(QDate(2024, 6, 1), QTime(10, 0), Qt::UTC);
        const QByteArray body
            = WhatsAppWebhookSender::payload(u"102290129340398"_s, u"106540352242922"_s,
                                             {{u"wamid.A1"_s, u"447700900123"_s, u"Ana"_s, when, u"Hi, is my order shipped?"_s},
                                              {u"wamid.A2"_s, u"447700900456"_s, u"Ben"_s, when.addSecs(5), u"Hello"_s}},
                                             {{u"wamid.OUT1"_s, u"delivered"_s, u"447700900123"_s, when.addSecs(9)}});
        // The engine finds the decoder by the connection's type.
        const WebhookDecoder *decoder = ConnectorFactory::webhookDecoder(u"MESSAGING"_s);
        QVERIFY(decoder);
        QVERIFY(dynamic_cast<const WhatsAppWebhookDecoder *>(decoder));
        QVERIFY(!ConnectorFactory::webhookDecoder(u"CRM"_s));
        const auto read = decoder->decode(body);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        const WebhookDecoder::Decoded &decoded = *read;
        QCOMPARE(decoded.count(u"messages"_s), qsizetype(2));
        QCOMPARE(decoded.count(u"message_statuses"_s), qsizetype(1));
        const QJsonObject message = decoded.streams.at(0).records.at(0).toObject();
        QCOMPARE(message.value(u"id"_s).toString(), u"wamid.A1"_s);
        QCOMPARE(message.value(u"timestamp"_s).toString(), u"2024-06-01T10:00:00.000Z"_s);
        QCOMPARE(message.value(u"contact_name"_s).toString(), u"Ana"_s);
        QCOMPARE(message.value(u"waba_id"_s).toString(), u"102290129340398"_s);
        QCOMPARE(message.value(u"phone_number_id"_s).toString(), u"106540352242922"_s);
        QCOMPARE(message.value(u"text"_s).toObject().value(u"body"_s).toString(), u"Hi, is my order shipped?"_s);
        QCOMPARE(decoded.streams.at(0).primaryKey, QStringList{u"id"_s});
        const QJsonObject status = decoded.streams.at(1).records.at(0).toObject();
        QCOMPARE(status.value(u"status"_s).toString(), u"delivered"_s);
        QCOMPARE(status.value(u"timestamp"_s).toString(), u"2024-06-01T10:00:09.000Z"_s);
        QCOMPARE(decoded.streams.at(1).primaryKey, (QStringList{u"id"_s, u"status"_s}));
    }

    void decodeRefusesWhatItCannotRead_data()
    {
        // A body that is no delivery is refused; single items that cannot be stored are left out
        // (counted in `skipped`) so that the rest of the delivery is kept and acknowledged.
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("skipped");
        QTest::newRow("not JSON") << QByteArray("{\"object\":") << false << 0 << 0;
        QTest::newRow("array") << QByteArray("[1]") << false << 0 << 0;
        QTest::newRow("another object") << QByteArray("{\"object\":\"page\",\"entry\":[]}") << true << 0 << 0;
        QTest::newRow("other field") << QByteArray(
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"message_template_"
            "status_update\",\"value\":{\"event\":\"APPROVED\"}}]}]}")
                                     << true << 0 << 0;
        QTest::newRow("message without id") << QByteArray(
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{"
            "\"messages\":[{\"from\":\"1\",\"timestamp\":\"1717236000\",\"type\":\"text\"}]}}]}]}")
                                            << true << 0 << 1;
        QTest::newRow("bad timestamp") << QByteArray(
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{"
            "\"messages\":[{\"id\":\"wamid.X\",\"timestamp\":\"yesterday\"},{\"id\":\"wamid.Z\",\"timestamp\":\"1717236000\"}]}}]"
            "}]}") << true << 1 << 1;
        QTest::newRow("two entries") << QByteArray(
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{"
            "\"messages\":[{\"id\":\"wamid.X\",\"timestamp\":\"1717236000\"}]}}]},{\"id\":\"2\",\"changes\":[{\"field\":"
            "\"messages\",\"value\":{\"statuses\":[{\"id\":\"wamid.Y\",\"status\":\"read\",\"timestamp\":1717236001}]}}]}]}")
                                     << true << 2 << 0;
    }

    void decodeRefusesWhatItCannotRead()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, records);
        QFETCH(int, skipped);
        const auto read = WhatsAppWebhookDecoder().decode(body);
        QCOMPARE(read.ok(), ok);
        if (!ok) {
            QCOMPARE(read.error().kind, Error::Kind::Malformed);
            QVERIFY(!read.error().message.isEmpty());
            return;
        }
        QCOMPARE(int(read->count(u"messages"_s) + read->count(u"message_statuses"_s)), records);
        QCOMPARE(int(read->skipped.size()), skipped);
    }

    void verifyDelivery_data()
    {
        // Meta signs the exact body bytes with the app secret; anything else is refused with 401.
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<WebhookDecoder::Headers>("headers");
        QTest::addColumn<QJsonObject>("credentials");
        QTest::addColumn<QString>("code"); // empty: accepted
        const QByteArray body = "{\"object\":\"whatsapp_business_account\"}";
        const QByteArray good = WhatsAppWebhookSender::signature(body, u"s3cret"_s);
        const QJsonObject secret{{u"appSecret"_s, u"s3cret"_s}, {u"verifyToken"_s, u"vt"_s}};
        const auto signedWith = [](const QByteArray &name, const QByteArray &value) {
            return WebhookDecoder::Headers{{"Content-Type", "application/json"}, {name, value}};
        };
        QTest::newRow("good") << body << signedWith("X-Hub-Signature-256", good) << secret << QString();
        QTest::newRow("header name in any case") << body << signedWith("x-hub-signature-256", good) << secret << QString();
        QTest::newRow("upper-case hex") << body << signedWith("X-Hub-Signature-256", "sha256=" + good.mid(7).toUpper()) << secret
                                        << QString();
        QTest::newRow("surrounding blanks") << body << signedWith("X-Hub-Signature-256", " " + good + " ") << secret << QString();
        QTest::newRow("missing") << body << WebhookDecoder::Headers{{"Content-Type", "application/json"}} << secret
                                 << u"INVALID_SIGNATURE"_s;
        QTest::newRow("empty") << body << signedWith("X-Hub-Signature-256", {}) << secret << u"INVALID_SIGNATURE"_s;
        QTest::newRow("other secret") << body
                                      << signedWith("X-Hub-Signature-256", WhatsAppWebhookSender::signature(body, u"s3cret2"_s))
                                      << secret << u"INVALID_SIGNATURE"_s;
        QTest::newRow("tampered body") << QByteArray("{\"object\":\"page\"}") << signedWith("X-Hub-Signature-256", good) << secret
                                       << u"INVALID_SIGNATURE"_s;
        QTest::newRow("no prefix") << body << signedWith("X-Hub-Signature-256", good.mid(7)) << secret << u"INVALID_SIGNATURE"_s;
        QTest::newRow("sha1 prefix") << body << signedWith("X-Hub-Signature-256", "sha1=" + good.mid(7)) << secret
                                     << u"INVALID_SIGNATURE"_s;
        QTest::newRow("not hex") << body << signedWith("X-Hub-Signature-256", "sha256=" + QByteArray(64, 'z')) << secret
                                 << u"INVALID_SIGNATURE"_s;
        QTest::newRow("short") << body << signedWith("X-Hub-Signature-256", good.left(40)) << secret << u"INVALID_SIGNATURE"_s;
        QTest::newRow("repeated header") << body
                                         << WebhookDecoder::Headers{{"X-Hub-Signature-256", good}, {"X-Hub-Signature-256", good}}
                                         << secret << u"INVALID_SIGNATURE"_s;
        QTest::newRow("only the legacy sha1 header")
            << body << signedWith("X-Hub-Signature", good) << secret << u"INVALID_SIGNATURE"_s;
        QTest::newRow("no app secret") << body
                                       << signedWith("X-Hub-Signature-256", WhatsAppWebhookSender::signature(body, QString()))
                                       << QJsonObject{{u"verifyToken"_s, u"vt"_s}} << u"UNAUTHORIZED"_s;
        QTest::newRow("empty app secret") << body
                                          << signedWith("X-Hub-Signature-256", WhatsAppWebhookSender::signature(body, QString()))
                                          << QJsonObject{{u"appSecret"_s, QString()}} << u"UNAUTHORIZED"_s;
    }

    void verifyDelivery()
    {
        QFETCH(QByteArray, body);
        QFETCH(WebhookDecoder::Headers, headers);
        QFETCH(QJsonObject, credentials);
        QFETCH(QString, code);
        const Opbox::Result<void> genuine = WhatsAppWebhookDecoder().verifyDelivery(body, headers, credentials);
        QCOMPARE(genuine.ok(), code.isEmpty());
        if (genuine.ok())
            return;
        QCOMPARE(genuine.error().kind, Error::Kind::Unauthorized);
        QCOMPARE(genuine.error().code, code);
        QVERIFY(!genuine.error().message.isEmpty());
        // The refusal names what is wrong, never the secret it was checked with.
        QVERIFY(!genuine.error().message.contains(u"s3cret"_s));
    }

    void answerHandshake_data()
    {
        // Meta's subscription check: hub.challenge comes back only for hub.mode=subscribe and the
        // connection's verify token.
        QTest::addColumn<QString>("query");
        QTest::addColumn<QJsonObject>("credentials");
        QTest::addColumn<int>("kind"); // -1: answered
        QTest::addColumn<QByteArray>("answer");
        const QJsonObject tokens{{u"appSecret"_s, u"s3cret"_s}, {u"verifyToken"_s, u"vt-0123"_s}};
        const int answered = -1;
        const int forbidden = int(Error::Kind::Forbidden);
        const int invalid = int(Error::Kind::Invalid);
        QTest::newRow("good") << u"hub.mode=subscribe&hub.verify_token=vt-0123&hub.challenge=1158201444"_s << tokens << answered
                              << QByteArray("1158201444");
        QTest::newRow("encoded challenge") << u"hub.mode=subscribe&hub.verify_token=vt-0123&hub.challenge=a%20b%26c"_s << tokens
                                           << answered << QByteArray("a b&c");
        QTest::newRow("longest challenge") << u"hub.mode=subscribe&hub.verify_token=vt-0123&hub.challenge="_s + QString(512, u'x')
                                           << tokens << answered << QByteArray(512, 'x');
        QTest::newRow("wrong token") << u"hub.mode=subscribe&hub.verify_token=vt-0124&hub.challenge=1"_s << tokens << forbidden
                                     << QByteArray();
        QTest::newRow("token prefix") << u"hub.mode=subscribe&hub.verify_token=vt-&hub.challenge=1"_s << tokens << forbidden
                                      << QByteArray();
        QTest::newRow("no token") << u"hub.mode=subscribe&hub.challenge=1"_s << tokens << forbidden << QByteArray();
        QTest::newRow("wrong mode") << u"hub.mode=unsubscribe&hub.verify_token=vt-0123&hub.challenge=1"_s << tokens << forbidden
                                    << QByteArray();
        QTest::newRow("no mode") << u"hub.verify_token=vt-0123&hub.challenge=1"_s << tokens << forbidden << QByteArray();
        QTest::newRow("no verify token set") << u"hub.mode=subscribe&hub.verify_token=&hub.challenge=1"_s
                                             << QJsonObject{{u"appSecret"_s, u"s3cret"_s}} << forbidden << QByteArray();
        QTest::newRow("no challenge") << u"hub.mode=subscribe&hub.verify_token=vt-0123"_s << tokens << invalid << QByteArray();
        QTest::newRow("challenge too long") << u"hub.mode=subscribe&hub.verify_token=vt-0123&hub.challenge="_s
                + QString(513, u'x') << tokens
                                            << invalid << QByteArray();
    }

    void answerHandshake()
    {
        QFETCH(QString, query);
        QFETCH(QJsonObject, credentials);
        QFETCH(int, kind);
        QFETCH(QByteArray, answer);
        const auto answered = WhatsAppWebhookDecoder().answerHandshake(QUrlQuery(query), credentials);
        QCOMPARE(answered.ok(), kind == -1);
        if (answered.ok()) {
            QCOMPARE(*answered, answer);
            return;
        }
        QCOMPARE(int(answered.error().kind), kind);
        QVERIFY(!answered.error().message.isEmpty());
        QVERIFY(!answered.error().message.contains(u"vt-0123"_s));
    }

    void senderSignsLikeMeta()
    {
        // The documented example: HMAC-SHA256 of the exact bytes, hex, "sha256=" in front.
        QCOMPARE(WhatsAppWebhookSender::signature("{\"a\":1}", u"secret"_s),
                 QByteArray("sha256=")
                     + QMessageAuthenticationCode::hash("{\"a\":1}", "secret", QCryptographicHash::Sha256).toHex());
        QVERIFY(WhatsAppWebhookSender::signature("{\"a\":1}", u"secret"_s)
                != WhatsAppWebhookSender::signature("{\"a\": 1}", u"secret"_s));
    }
};

QTEST_GUILESS_MAIN(WhatsAppConnectorTest)
#include "tst_whatsappconnector.moc"
