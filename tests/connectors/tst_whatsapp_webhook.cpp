// SPDX-License-Identifier: GPL-3.0-or-later
// WhatsApp's inbound webhooks over HTTP on a MESSAGING connection's webhook URL: Meta's hub.challenge
// verification (200 text/plain or 403), signed deliveries written into the connection's messages and
// message_statuses Opbox tables (naming, system columns, types), Meta's retries changing nothing,
// bad or missing signatures refused with 401 and nothing written, and the webhook of other
// connection types still triggering syncs.
#include "companieshousefakeserver.h"
#include "engine/services/engine.h"
#include "engine/services/messagingwebhookservice.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"
#include "testengine.h"
#include "waitforrun.h"
#include "whatsappfakeserver.h"
#include "whatsappwebhooksender.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;
using Sender = Fakes::WhatsAppWebhookSender;

class TestWhatsAppWebhook : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestEngine> m_t;
    std::unique_ptr<Fakes::WhatsAppFakeServer> m_whatsapp;
    QString m_token;
    QString m_connection;
    QUrl m_hook;

    QString create(const QString &name, const QJsonObject &credentials, const QString &type = u"MESSAGING"_s,
                   const QJsonObject &config = {})
    {
        const auto r = m_t->client(m_token)->post(u"/api/pipelines/connections"_s,
                                                  {{u"name"_s, name},
                                                   {u"type"_s, type},
                                                   {u"credentials"_s, credentials},
                                                   {u"config"_s, config.isEmpty() ? m_whatsapp->connectorConfig() : config}});
        if (r.status != 201)
            qWarning() << r.status << r.body;
        return r.json().value(u"id"_s).toString();
    }

    QUrl hookOf(const QString &connectionId)
    {
        const auto r = m_t->client(m_token)->post(u"/api/pipelines/connections/%1/webhook-url"_s.arg(connectionId), {});
        const QString token = r.json().value(u"webhookUrl"_s).toString().section(u'/', -1);
        QUrl url = m_t->baseUrl();
        url.setPath(u"/api/pipelines/webhook/"_s + token);
        return url;
    }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(m_t->engine().workspaceData()->database(m_t->workspaceId())->connection());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

    int count(const QString &table)
    {
        const QVariant v = scalar(u"SELECT COUNT(*) FROM "_s + table);
        return v.isValid() ? v.toInt() : -1; // -1: no such table
    }

    static QDateTime at(int minute) { return QDateTime(QDate(2024, 6, 1), QTime(10, minute), Qt::UTC); }

    static QByteArray twoMessagesAndAStatus()
    {
        return Sender::payload(
            Fakes::WhatsAppFakeServer::wabaId(), Fakes::WhatsAppFakeServer::phoneNumberId(),
            {{u"wamid.HBgLNDQ3NzAwOTAwMTIzFQIAEhgUM0E="_s, u"447700900123"_s, u"Ana"_s, at(0), u"Hi, is my order shipped?"_s},
             {u"wamid.HBgLNDQ3NzAwOTAwNDU2FQIAEhgUM0I="_s, u"447700900456"_s, u"Ben"_s, at(1), u"Hello"_s}},
            {{u"wamid.OUT1"_s, u"sent"_s, u"447700900123"_s, at(2)}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>();
        QVERIFY(m_t->ok());
        m_token = m_t->addUser(u"owner@example.com"_s, Role::Owner);
        m_whatsapp = std::make_unique<Fakes::WhatsAppFakeServer>();
        m_whatsapp->seed(10, 1);
        QVERIFY(m_whatsapp->start());
        m_connection = create(u"Acme Inbox"_s, m_whatsapp->credentials());
        QVERIFY(!m_connection.isEmpty());
        m_hook = hookOf(m_connection);
        QVERIFY(m_hook.path().contains(u"/whk_"_s));
    }

    void cleanupTestCase()
    {
        m_t->engine().syncWorkers()->stop(u"test end"_s);
        m_whatsapp.reset();
    }

    void verification_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("verifyToken");
        QTest::addColumn<int>("status");
        QTest::newRow("match") << u"subscribe"_s << Fakes::WhatsAppFakeServer::verifyToken() << 200;
        QTest::newRow("wrong token") << u"subscribe"_s << u"guess"_s << 403;
        QTest::newRow("empty token") << u"subscribe"_s << QString() << 403;
        QTest::newRow("wrong mode") << u"unsubscribe"_s << Fakes::WhatsAppFakeServer::verifyToken() << 403;
    }

    void verification()
    {
        QFETCH(QString, mode);
        QFETCH(QString, verifyToken);
        QFETCH(int, status);
        const auto answer = Sender::verify(m_hook, mode, verifyToken, u"1158201444"_s);
        QCOMPARE(answer.status, status);
        if (status == 200) {
            QCOMPARE(answer.body, QByteArray("1158201444")); // the raw challenge, no JSON
            QVERIFY2(answer.contentType.startsWith("text/plain"), answer.contentType.constData());
        } else {
            QVERIFY(!answer.body.contains("1158201444"));
            QVERIFY(!answer.body.contains(Fakes::WhatsAppFakeServer::verifyToken().toUtf8()));
        }
    }

    void signedDeliveryWritesTables()
    {
        const QByteArray body = twoMessagesAndAStatus();
        const auto answer = Sender::deliver(m_hook, body, Fakes::WhatsAppFakeServer::appSecret());
        QCOMPARE(answer.status, 200);
        const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
        QCOMPARE(json.value(u"success"_s).toBool(), true);
        QCOMPARE(json.value(u"messages"_s).toInt(), 2);
        QCOMPARE(json.value(u"statuses"_s).toInt(), 1);

        // The same naming as synced tables: <base>__<stream>.
        QCOMPARE(count(u"acme_inbox__messages"_s), 2);
        QCOMPARE(count(u"acme_inbox__message_statuses"_s), 1);
        QCOMPARE(scalar(u"SELECT text__body FROM acme_inbox__messages WHERE id = 'wamid.HBgLNDQ3NzAwOTAwMTIzFQIAEhgUM0E='"_s)
                     .toString(),
                 u"Hi, is my order shipped?"_s);
        QCOMPARE(scalar(u"SELECT \"timestamp\" FROM acme_inbox__messages WHERE \"from\" = '447700900456'"_s).toString(),
                 u"2024-06-01T10:01:00.000Z"_s);
        QCOMPARE(scalar(u"SELECT contact_name FROM acme_inbox__messages WHERE \"from\" = '447700900456'"_s).toString(), u"Ben"_s);
        QCOMPARE(scalar(u"SELECT phone_number_id FROM acme_inbox__messages LIMIT 1"_s).toString(),
                 Fakes::WhatsAppFakeServer::phoneNumberId());
        QCOMPARE(scalar(u"SELECT status FROM acme_inbox__message_statuses"_s).toString(), u"sent"_s);
        // System columns and the catalog's types, as for synced tables.
        QCOMPARE(scalar(u"SELECT _opbox_connection_id FROM acme_inbox__messages LIMIT 1"_s).toString(), m_connection);
        QVERIFY(scalar(u"SELECT _opbox_synced_at FROM acme_inbox__messages LIMIT 1"_s).toString().endsWith(u'Z'));
        QVERIFY(!scalar(u"SELECT _opbox_run_id FROM acme_inbox__messages LIMIT 1"_s).toString().isEmpty());
        QVERIFY(scalar(u"SELECT _opbox_variant FROM acme_inbox__messages LIMIT 1"_s).isNull());
        QCOMPARE(scalar(u"SELECT logical_type FROM opbox_columns WHERE table_name = 'acme_inbox__messages' "
                        "AND column_name = 'timestamp'"_s)
                     .toString(),
                 u"DATETIME"_s);
        QCOMPARE(scalar(u"SELECT field_name FROM opbox_columns WHERE table_name = 'acme_inbox__messages' "
                        "AND column_name = 'text__body'"_s)
                     .toString(),
                 u"text.body"_s);
        QCOMPARE(scalar(u"SELECT logical_type FROM opbox_columns WHERE table_name = 'acme_inbox__message_statuses' "
                        "AND column_name = 'pricing__billable'"_s)
                     .toString(),
                 u"BOOLEAN"_s);
    }

    void retriesChangeNothing()
    {
        // Meta redelivers what it is not sure arrived: the same ids are upserted, not added.
        const QByteArray body = twoMessagesAndAStatus();
        for (int i = 0; i < 2; ++i) {
            const auto answer = Sender::deliver(m_hook, body, Fakes::WhatsAppFakeServer::appSecret());
            QCOMPARE(answer.status, 200);
            QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(u"created"_s).toInt(), 0);
        }
        QCOMPARE(count(u"acme_inbox__messages"_s), 2);
        QCOMPARE(count(u"acme_inbox__message_statuses"_s), 1);

        // The message's later receipts are rows of their own; the same receipt again is not.
        const QByteArray receipts
            = Sender::payload(Fakes::WhatsAppFakeServer::wabaId(), Fakes::WhatsAppFakeServer::phoneNumberId(), {},
                              {{u"wamid.OUT1"_s, u"delivered"_s, u"447700900123"_s, at(3)},
                               {u"wamid.OUT1"_s, u"read"_s, u"447700900123"_s, at(4)}});
        QCOMPARE(Sender::deliver(m_hook, receipts, Fakes::WhatsAppFakeServer::appSecret()).status, 200);
        QCOMPARE(Sender::deliver(m_hook, receipts, Fakes::WhatsAppFakeServer::appSecret()).status, 200);
        QCOMPARE(count(u"acme_inbox__message_statuses"_s), 3);
        QCOMPARE(scalar(u"SELECT COUNT(DISTINCT id) FROM acme_inbox__message_statuses"_s).toInt(), 1);
    }

    void refusedSignatures_data()
    {
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<bool>("tamper");
        const QByteArray body = Sender::payload(u"1"_s, u"2"_s, {{u"wamid.EVIL"_s, u"1"_s, u"Eve"_s, at(9), u"x"_s}});
        QTest::newRow("missing") << QByteArray() << false;
        QTest::newRow("wrong secret") << Sender::signature(body, u"not-the-secret"_s) << false;
        QTest::newRow("tampered body") << Sender::signature(body, Fakes::WhatsAppFakeServer::appSecret()) << true;
        QTest::newRow("no prefix") << Sender::signature(body, Fakes::WhatsAppFakeServer::appSecret()).mid(7) << false;
        QTest::newRow("sha1") << QByteArray("sha1=") + Sender::signature(body, Fakes::WhatsAppFakeServer::appSecret()).mid(7)
                              << false;
        QTest::newRow("not hex") << QByteArray("sha256=") + QByteArray(64, 'z') << false;
        QTest::newRow("short") << Sender::signature(body, Fakes::WhatsAppFakeServer::appSecret()).left(40) << false;
    }

    void refusedSignatures()
    {
        QFETCH(QByteArray, signature);
        QFETCH(bool, tamper);
        QByteArray body = Sender::payload(u"1"_s, u"2"_s, {{u"wamid.EVIL"_s, u"1"_s, u"Eve"_s, at(9), u"x"_s}});
        if (tamper)
            body.replace("\"x\"", "\"y\"");
        const int before = count(u"acme_inbox__messages"_s);
        const auto answer = Sender::deliverWithSignature(m_hook, body, signature);
        QCOMPARE(answer.status, 401);
        QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(u"code"_s).toString(), u"INVALID_SIGNATURE"_s);
        QCOMPARE(count(u"acme_inbox__messages"_s), before);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM acme_inbox__messages WHERE id = 'wamid.EVIL'"_s).toInt(), 0);
    }

    void malformedSignedBody()
    {
        // A message that cannot be stored (no id) is left out with a warning; the delivery is still
        // acknowledged, or Meta would resend it for days. The good message beside it is written.
        const QByteArray body
            = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\","
              "\"value\":{\"messages\":[{\"from\":\"1\"},{\"id\":\"wamid.kept-beside-a-bad-one\",\"from\":\"2\","
              "\"timestamp\":\"1717236000\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}}]}]}";
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"left out a message: .*primary key 'id'"_s));
        const auto answer = Sender::deliver(m_hook, body, Fakes::WhatsAppFakeServer::appSecret());
        QCOMPARE(answer.status, 200);
        const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
        QCOMPARE(json.value(u"messages"_s).toInt(), 1);
        QCOMPARE(json.value(u"skipped"_s).toInt(), 1);
        // A body that is not JSON at all cannot be acknowledged as read.
        QCOMPARE(Sender::deliver(m_hook, "not json", Fakes::WhatsAppFakeServer::appSecret()).status, 400);
        // Other subscriptions of the app are acknowledged and ignored.
        QCOMPARE(Sender::deliver(m_hook, R"({"object":"page","entry":[]})", Fakes::WhatsAppFakeServer::appSecret()).status, 200);
    }

    void withoutSecretsNothingIsAccepted()
    {
        const QString bare = create(u"Bare WhatsApp"_s, QJsonObject{{u"accessToken"_s, m_whatsapp->token()}});
        const QUrl hook = hookOf(bare);
        const QByteArray body = twoMessagesAndAStatus();
        QCOMPARE(Sender::deliver(hook, body, Fakes::WhatsAppFakeServer::appSecret()).status, 401);
        QCOMPARE(Sender::verify(hook, u"subscribe"_s, Fakes::WhatsAppFakeServer::verifyToken(), u"42"_s).status, 403);
        QCOMPARE(count(u"bare_whatsapp__messages"_s), -1);
    }

    void variantsShareTheTables()
    {
        const auto r = m_t->client(m_token)->post(u"/api/pipelines/connections/%1/variants"_s.arg(m_connection),
                                                  {{u"name"_s, u"Acme Inbox (DE)"_s}, {u"variantLabel"_s, u"DE"_s}});
        QVERIFY2(r.status == 201, r.body.constData());
        const QString variant = r.json().value(u"id"_s).toString();
        const QUrl hook = hookOf(variant);
        QVERIFY(hook != m_hook);
        const QByteArray body = Sender::payload(Fakes::WhatsAppFakeServer::wabaId(), u"106540352242999"_s,
                                                {{u"wamid.DE1"_s, u"4915100000000"_s, u"Dora"_s, at(30), u"Hallo"_s}});
        QCOMPARE(Sender::deliver(hook, body, Fakes::WhatsAppFakeServer::appSecret()).status, 200);
        QCOMPARE(scalar(u"SELECT _opbox_variant FROM acme_inbox__messages WHERE id = 'wamid.DE1'"_s).toString(), u"DE"_s);
        QCOMPARE(scalar(u"SELECT _opbox_connection_id FROM acme_inbox__messages WHERE id = 'wamid.DE1'"_s).toString(), variant);
    }

    void aSyncLeavesWebhookRowsAlone()
    {
        m_t->engine().syncWorkers()->start(1);
        const int messages = count(u"acme_inbox__messages"_s);
        const auto trigger = m_t->client(m_token)->post(u"/api/pipelines/connections/%1/runs"_s.arg(m_connection), {});
        QCOMPARE(trigger.status, 202);
        const QString runId = trigger.json().value(u"id"_s).toString();
        QVERIFY(Test::waitForRun(m_t->engine().runs(), runId));
        const QJsonObject run
            = m_t->client(m_token)->get(u"/api/pipelines/connections/%1/runs/%2"_s.arg(m_connection, runId)).json();
        QVERIFY2(run.value(u"status"_s).toString() == u"COMPLETED"_s, qPrintable(run.value(u"error"_s).toString()));
        QCOMPARE(count(u"acme_inbox__messages"_s), messages);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM acme_inbox__messages WHERE _opbox_deleted_at IS NOT NULL"_s).toInt(), 0);
        QCOMPARE(count(u"acme_inbox__phone_numbers"_s), 1);
    }

    void otherTypesStillTrigger()
    {
        Fakes::CompaniesHouseFakeServer registry;
        registry.seed(1, 1, 1, 1);
        QVERIFY(registry.start());
        const QString id = create(u"Registry"_s, registry.credentials(), u"REGISTRY"_s, registry.connectorConfig());
        const QUrl hook = hookOf(id);
        const auto answer = Sender::deliver(hook, twoMessagesAndAStatus(), Fakes::WhatsAppFakeServer::appSecret());
        QCOMPARE(answer.status, 202);
        const QString message = QJsonDocument::fromJson(answer.body).object().value(u"message"_s).toString();
        QVERIFY2(message == u"Sync triggered"_s || message == u"Sync already in progress"_s, answer.body.constData());
        // A trigger URL answers no verification.
        QCOMPARE(Sender::verify(hook, u"subscribe"_s, u"x"_s, u"1"_s).status, 405);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->engine().syncWorkers()->busyCount() == 0, 20000);
    }

    void unknownTokens()
    {
        QUrl unknown = m_t->baseUrl();
        unknown.setPath(u"/api/pipelines/webhook/whk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s);
        QCOMPARE(Sender::verify(unknown, u"subscribe"_s, Fakes::WhatsAppFakeServer::verifyToken(), u"1"_s).status, 404);
        QCOMPARE(Sender::deliver(unknown, twoMessagesAndAStatus(), Fakes::WhatsAppFakeServer::appSecret()).status, 404);
    }

    void disabledConnectionRefuses()
    {
        const QString id = create(u"Paused Inbox"_s, m_whatsapp->credentials());
        const QUrl hook = hookOf(id);
        QCOMPARE(m_t->client(m_token)->put(u"/api/pipelines/connections/"_s + id, {{u"enabled"_s, false}}).status, 200);
        QCOMPARE(Sender::deliver(hook, twoMessagesAndAStatus(), Fakes::WhatsAppFakeServer::appSecret()).status, 409);
        QCOMPARE(count(u"paused_inbox__messages"_s), -1);
    }

    void guessingIsRateLimited()
    {
        const QString id = create(u"Guarded Inbox"_s, m_whatsapp->credentials());
        const QUrl hook = hookOf(id);
        m_t->engine().messagingWebhooks()->setRefusalLimit(3, 60000);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(Sender::deliverWithSignature(hook, "{}", "sha256=" + QByteArray(64, '0')).status, 401);
        QCOMPARE(Sender::deliverWithSignature(hook, "{}", "sha256=" + QByteArray(64, '0')).status, 429);
        // A signed delivery still gets through: guessing cannot lock Meta out.
        QCOMPARE(Sender::deliver(hook, twoMessagesAndAStatus(), Fakes::WhatsAppFakeServer::appSecret()).status, 200);
        m_t->engine().messagingWebhooks()->setRefusalLimit(20, 3000);
    }
};

QTEST_GUILESS_MAIN(TestWhatsAppWebhook)
#include "tst_whatsapp_webhook.moc"
