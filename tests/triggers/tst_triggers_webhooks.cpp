// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "engine/services/runservice.h"
#include "engine/services/webhookservice.h"
#include "engine/store/auditlog.h"
#include "triggerfixture.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>
#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(QString::fromLatin1(context.category ? context.category : "") + u' ' + message);
    }
    if (g_previousHandler && type != QtDebugMsg)
        g_previousHandler(type, context, message);
}

QString hexOf(const QString &whkToken)
{
    const auto bytes = QByteArray::fromBase64Encoding(whkToken.mid(4).toLatin1(),
                                                      QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QString::fromLatin1(bytes.decoded.toHex());
}

} // namespace

/**
 * Webhook triggers and the reveal of webhook URLs over HTTP: shape,
 * roles, audit, both token encodings, unknown tokens, rate limit, disabled connections, and that a
 * token shows up nowhere but in the reveal (and variant creation) responses — not in other
 * responses, not in the log.
 */
class TestTriggersWebhooks : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TriggerFixture> m_f;
    QString m_conn;
    QString m_token; // whk_ form, from the reveal
    QStringList m_secrets; // every token seen, in every encoding
    QList<QByteArray> m_otherResponses; // every response that must not carry a token

    Test::HttpResult remember(Test::HttpResult r)
    {
        m_otherResponses.append(r.body);
        for (const auto &[k, v] : r.headers)
            m_otherResponses.append(k + ": " + v);
        return r;
    }
    void addSecret(const QString &token) { m_secrets << token << hexOf(token) << token.mid(4); }
    Test::HttpResult hook(const QString &token) { return remember(m_f->as({})->post(u"/api/pipelines/webhook/"_s + token, {})); }

private Q_SLOTS:
    void initTestCase()
    {
        // Debug output of every Opbox category too: a token must not hide in a debug line either.
        QLoggingCategory::setFilterRules(u"opbox.*=true"_s);
        g_previousHandler = qInstallMessageHandler(captureMessage);
        m_f = std::make_unique<Test::TriggerFixture>();
        QVERIFY(m_f->ok());
        m_conn = m_f->createConnection(u"Hooked CRM"_s);
        QVERIFY(!m_conn.isEmpty());
    }

    void cleanupTestCase()
    {
        m_f.reset();
        qInstallMessageHandler(g_previousHandler);
    }

    void connectionResponsesCarryNoToken()
    {
        auto r = remember(m_f->as(m_f->owner)->get(u"/api/pipelines/connections/"_s + m_conn));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().contains(u"webhookToken"_s));
        QVERIFY(!r.body.contains("whk_"));
        auto list = remember(m_f->as(m_f->owner)->get(u"/api/pipelines/connections"_s));
        QVERIFY(!list.body.contains("whk_"));
    }

    void revealShape()
    {
        auto r = m_f->as(m_f->admin)->post(u"/api/pipelines/connections/"_s + m_conn + u"/webhook-url"_s, {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        const QJsonObject o = r.json();
        const QString url = o.value(u"webhookUrl"_s).toString();
        const QString base = m_f->t().api()->publicUrl().toString() + u"/api/pipelines/webhook/"_s;
        QVERIFY2(url.startsWith(base), qPrintable(url));
        m_token = url.mid(base.size());
        QVERIFY2(QRegularExpression(u"^whk_[A-Za-z0-9_-]{43}$"_s).match(m_token).hasMatch(), qPrintable(m_token));
        QCOMPARE(o.value(u"tokenPrefix"_s).toString(), m_token.left(8) + u"..."_s);
        QCOMPARE(o.value(u"curlExample"_s).toString(), u"curl -X POST "_s + url);
        QCOMPARE(o.keys().size(), 3);
        addSecret(m_token);

        // The same token every time.
        auto again = m_f->as(m_f->owner)->post(u"/api/pipelines/connections/"_s + m_conn + u"/webhook-url"_s, {});
        QCOMPARE(again.json().value(u"webhookUrl"_s).toString(), url);
    }

    void revealIsAudited()
    {
        auto r = remember(m_f->as(m_f->owner)->get(u"/api/audit-log?action=VIEW_SECRET"_s));
        QCOMPARE(r.status, 200);
        const QJsonArray events = r.json().value(u"events"_s).toArray();
        QVERIFY(events.size() >= 2);
        const QJsonObject latest = events.first().toObject();
        QCOMPARE(latest.value(u"targetId"_s).toString(), m_conn);
        QCOMPARE(latest.value(u"actorUserId"_s).toString(), m_f->ownerId);
        QCOMPARE(events.at(1).toObject().value(u"actorUserId"_s).toString(), m_f->adminId);
    }

    void revealRoles_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("status");
        QTest::newRow("owner") << u"owner"_s << 200;
        QTest::newRow("admin") << u"admin"_s << 200;
        QTest::newRow("member") << u"member"_s << 403;
        QTest::newRow("viewer") << u"viewer"_s << 403;
        QTest::newRow("other workspace") << u"outsider"_s << 404;
        QTest::newRow("no token") << u"none"_s << 401;
    }

    void revealRoles()
    {
        QFETCH(QString, who);
        QFETCH(int, status);
        const QString token = who == u"owner"_s ? m_f->owner
            : who == u"admin"_s                 ? m_f->admin
            : who == u"member"_s                ? m_f->member
            : who == u"viewer"_s                ? m_f->viewer
            : who == u"outsider"_s              ? m_f->outsider
                                                : QString();
        auto r = m_f->as(token)->post(u"/api/pipelines/connections/"_s + m_conn + u"/webhook-url"_s, {});
        QCOMPARE(r.status, status);
        if (status != 200)
            remember(r);
    }

    void revealUnknownConnection()
    {
        auto r = remember(m_f->as(m_f->owner)->post(u"/api/pipelines/connections/cnope/webhook-url"_s, {}));
        QCOMPARE(r.status, 404);
    }

    void webhookTriggersWithoutUser()
    {
        auto r = hook(m_token);
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json(), (QJsonObject{{u"success"_s, true}, {u"message"_s, u"Sync triggered"_s}}));
        const QJsonArray runs = m_f->runs(m_conn);
        QCOMPARE(runs.size(), 1);
        const QJsonObject run = runs.first().toObject();
        QCOMPARE(run.value(u"trigger"_s).toString(), u"WEBHOOK"_s);
        const auto stored = m_f->engine().runs()->store()->get(run.value(u"id"_s).toString());
        QVERIFY(stored);
        QVERIFY2(stored->triggeredBy.isEmpty(), "a webhook run has no triggering user");
    }

    void secondCallWhileActive()
    {
        // No workers run here, so the first run stays PENDING: active.
        auto r = hook(m_token);
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json(), (QJsonObject{{u"success"_s, true}, {u"message"_s, u"Sync already in progress"_s}}));
        QCOMPARE(m_f->runs(m_conn).size(), 1);
    }

    void hexEncodingReachesSameConnection()
    {
        m_f->stopActive(m_conn);
        const QString hex = hexOf(m_token);
        QCOMPARE(hex.size(), 64);
        auto r = hook(hex);
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value(u"message"_s).toString(), u"Sync triggered"_s);
        QCOMPARE(m_f->runs(m_conn).size(), 2);
        auto again = hook(m_token);
        QCOMPARE(again.json().value(u"message"_s).toString(), u"Sync already in progress"_s);
        m_f->stopActive(m_conn);
    }

    void importedHexToken()
    {
        const QByteArray bytes = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        const QString hex = QString::fromLatin1(bytes.toHex());
        const QString whk = WebhookService::formatToken(bytes);
        addSecret(whk);
        const QString id = m_f->createConnection(u"Imported"_s, {{u"webhookToken"_s, hex}});
        QVERIFY(!id.isEmpty());
        auto r = hook(whk);
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value(u"message"_s).toString(), u"Sync triggered"_s);
        QCOMPARE(m_f->runs(id).size(), 1);
        auto r2 = hook(hex);
        QCOMPARE(r2.json().value(u"message"_s).toString(), u"Sync already in progress"_s);
        QCOMPARE(m_f->revealToken(id), whk);
        // The same 32 bytes cannot belong to two connections, whichever encoding is used.
        auto dup = remember(m_f->as(m_f->owner)
                                ->post(u"/api/pipelines/connections"_s,
                                       {{u"name"_s, u"Dup"_s},
                                        {u"type"_s, u"CRM_PLATFORM"_s},
                                        {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k"_s}}},
                                        {u"webhookToken"_s, whk}}));
        QCOMPARE(dup.status, 409);
        m_f->stopActive(id);
    }

    void unknownTokens_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("unknown current") << WebhookService::formatToken(QByteArray(32, 'x'));
        QTest::newRow("unknown legacy") << QString::fromLatin1(QByteArray(32, 'y').toHex());
        QTest::newRow("short") << u"abc"_s;
        QTest::newRow("upper-case hex") << QString::fromLatin1(QByteArray(32, 'y').toHex().toUpper());
        QTest::newRow("bad base64") << (u"whk_"_s + QString(43, u'*'));
        QTest::newRow("too long") << QString(300, u'a');
    }

    void unknownTokens()
    {
        QFETCH(QString, token);
        auto r = hook(token);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(u"code"_s).toString(), u"NOT_FOUND"_s);
        QVERIFY(!r.body.contains(token.toLatin1()));
    }

    void unknownTokenNeedsNoMoreTimeThanMalformed()
    {
        // Every kind goes through one hash and one index lookup; the times must be close. Bounds
        // are generous (the machine is shared) but a short cut for any kind would show.
        auto *hooks = m_f->engine().webhooks();
        const QString unknown = WebhookService::formatToken(QByteArray(32, 'q'));
        const QString malformed = u"nope"_s;
        const QString known = m_token;
        // Interleaved rounds and the fastest round per kind: noise from other processes hits
        // all three alike and cannot make one of them look slow.
        const QStringList tokens{unknown, malformed, known};
        QList<double> best(3, std::numeric_limits<double>::max());
        for (int round = 0; round < 30; ++round) {
            for (int k = 0; k < 3; ++k) {
                const int kind = (round + k) % 3;
                QElapsedTimer timer;
                timer.start();
                for (int i = 0; i < 100; ++i)
                    (void)hooks->connectionForToken(tokens[kind]);
                best[kind] = std::min(best[kind], double(timer.nsecsElapsed()));
            }
        }
        const double a = best[0];
        const double b = best[1];
        const double c = best[2];
        qInfo("fastest 100 lookups: unknown %.0f us, malformed %.0f us, known %.0f us", a / 1000, b / 1000, c / 1000);
        QVERIFY2(std::max(a, b) / std::min(a, b) < 1.5, "unknown and malformed tokens take measurably different time");
        QVERIFY2(std::max(a, c) / std::min(a, c) < 1.5, "unknown and known tokens take measurably different time");
    }

    void rateLimited()
    {
        const QString id = m_f->createConnection(u"Limited"_s);
        const QString token = m_f->revealToken(id);
        addSecret(token);
        m_f->engine().webhooks()->setRateLimit(3, 60000);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(hook(token).status, 202);
        auto r = hook(token);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.json().value(u"code"_s).toString(), u"RATE_LIMITED"_s);
        bool ok = false;
        const int retryAfter = r.header("Retry-After").toInt(&ok);
        QVERIFY(ok);
        QVERIFY(retryAfter >= 1 && retryAfter <= 60);
        // Per token: another connection's webhook still works.
        m_f->stopActive(m_conn);
        QCOMPARE(hook(m_token).status, 202);
        m_f->engine().webhooks()->setRateLimit(10, 6000);
        m_f->stopActive(m_conn);
        m_f->stopActive(id);
    }

    void rateLimitRefills()
    {
        const QString id = m_f->createConnection(u"Refilled"_s);
        const QString token = m_f->revealToken(id);
        addSecret(token);
        // A clock moved by hand: the refill is shown without sleeping through it.
        auto now = std::make_shared<std::atomic<qint64>>(0);
        m_f->engine().webhooks()->setRateLimit(1, 300, [now] { return now->load(); });
        const auto restore = qScopeGuard([this] { m_f->engine().webhooks()->setRateLimit(10, 6000); });
        QCOMPARE(hook(token).status, 202);
        m_f->stopActive(id);
        auto r = hook(token);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        now->store(299);
        QCOMPARE(hook(token).status, 429);
        now->store(300 + 299);
        QCOMPARE(hook(token).status, 202);
        m_f->stopActive(id);
    }

    void webhookNamesItsStreams_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("streams");
        // The fixture's CRM connection reads contacts, companies, deals and owners (in that order).
        QTest::newRow("one") << u"?streams=deals"_s << 202 << QStringList{u"deals"_s};
        QTest::newRow("two, connector order") << u"?streams=deals,%20contacts"_s << 202 << QStringList{u"contacts"_s, u"deals"_s};
        QTest::newRow("empty means all") << u"?streams="_s << 202
                                         << QStringList{u"contacts"_s, u"companies"_s, u"deals"_s, u"owners"_s};
        QTest::newRow("unknown") << u"?streams=tickets"_s << 400 << QStringList();
    }

    void webhookNamesItsStreams()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QStringList, streams);
        const QString id = m_f->createConnection(u"Targeted "_s + QString::fromLatin1(QTest::currentDataTag()));
        const QString token = m_f->revealToken(id);
        addSecret(token);
        // A payload of the calling service is never read as a stream list.
        auto r = remember(
            m_f->as({})->post(u"/api/pipelines/webhook/"_s + token + query, {{u"streams"_s, QJsonArray{u"nothing"_s}}}));
        QCOMPARE(r.status, status);
        if (status != 202) {
            QCOMPARE(r.json().value(u"code"_s).toString(), u"VALIDATION_ERROR"_s);
            QVERIFY2(r.json().value(u"error"_s).toString().contains(u"tickets"_s), r.body.constData());
            QCOMPARE(m_f->runs(id).size(), 0);
            return;
        }
        const QJsonArray runs = m_f->runs(id);
        QCOMPARE(runs.size(), 1);
        QStringList got;
        for (const auto &s : runs.first().toObject().value(u"streams"_s).toArray())
            got.append(s.toString());
        QCOMPARE(got, streams);
        m_f->stopActive(id);
    }

    void disabledConnection()
    {
        const QString id = m_f->createConnection(u"Disabled"_s, {{u"enabled"_s, false}});
        const QString token = m_f->revealToken(id);
        addSecret(token);
        auto r = hook(token);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json().value(u"code"_s).toString(), u"CONNECTION_DISABLED"_s);
        QVERIFY(r.json().value(u"error"_s).toString().contains(u"disabled"_s));
        QCOMPARE(m_f->runs(id).size(), 0);
        // Enabled again, the same token works.
        auto put = remember(m_f->as(m_f->owner)->put(u"/api/pipelines/connections/"_s + id, {{u"enabled"_s, true}}));
        QCOMPARE(put.status, 200);
        QCOMPARE(hook(token).status, 202);
        m_f->stopActive(id);
    }

    void deletedConnectionTokenIsUnknown()
    {
        const QString id = m_f->createConnection(u"Deleted"_s);
        const QString token = m_f->revealToken(id);
        addSecret(token);
        QCOMPARE(remember(m_f->as(m_f->owner)->del(u"/api/pipelines/connections/"_s + id)).status, 204);
        QCOMPARE(hook(token).status, 404);
    }

    void publicUrlPrefix()
    {
        Test::TestEngine other(false);
        QVERIFY(other.ok());
        other.api()->setPublicUrl(QUrl(u"https://app.example.com/opbox/"_s));
        QVERIFY(other.startApi());
        const QString token = other.addUser(u"o@example.com"_s, Role::Owner);
        auto create = other.client(token)->post(
            u"/api/pipelines/connections"_s,
            {{u"name"_s, u"X"_s}, {u"type"_s, u"CRM_PLATFORM"_s}, {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k"_s}}}});
        QCOMPARE(create.status, 201);
        auto r = other.client(token)->post(
            u"/api/pipelines/connections/"_s + create.json().value(u"id"_s).toString() + u"/webhook-url"_s, {});
        QCOMPARE(r.status, 200);
        const QString url = r.json().value(u"webhookUrl"_s).toString();
        QVERIFY2(url.startsWith(u"https://app.example.com/opbox/api/pipelines/webhook/whk_"_s), qPrintable(url));
        addSecret(url.mid(url.lastIndexOf(u'/') + 1));
    }

    void openApiListsTheRoutes()
    {
        auto r = remember(m_f->as({})->get(u"/api/openapi.json"_s));
        const QJsonObject paths = r.json().value(u"paths"_s).toObject();
        QVERIFY(paths.value(u"/api/pipelines/webhook/{token}"_s).toObject().contains(u"post"_s));
        QVERIFY(paths.value(u"/api/pipelines/connections/{id}/webhook-url"_s).toObject().contains(u"post"_s));
        QVERIFY(paths.value(u"/api/pipelines/connections/{id}/variants"_s).toObject().contains(u"post"_s));
        QVERIFY(paths.value(u"/api/pipelines/cron"_s).toObject().contains(u"get"_s));
        QVERIFY(paths.value(u"/api/pipelines/run-all"_s).toObject().contains(u"post"_s));
    }

    void tokenNeverLeaks()
    {
        // Everything else a client could read: runs, audit log, notifications, connections.
        remember(m_f->as(m_f->owner)->get(u"/api/audit-log?limit=500"_s));
        remember(m_f->as(m_f->owner)->get(u"/api/notifications"_s));
        remember(m_f->as(m_f->owner)->get(u"/api/pipelines/connections"_s));
        remember(m_f->as(m_f->owner)->get(u"/api/pipelines/connections/"_s + m_conn + u"/runs"_s));
        QVERIFY(m_secrets.size() >= 15);
        QStringList log;
        {
            QMutexLocker lock(&g_logMutex);
            log = g_log;
        }
        QVERIFY2(log.size() > 10, "the log capture saw nothing; the test would prove nothing");
        for (const auto &secret : std::as_const(m_secrets)) {
            QVERIFY(secret.size() >= 43);
            for (const auto &line : std::as_const(log))
                QVERIFY2(!line.contains(secret), qPrintable(u"token in the log: "_s + line.left(200)));
            for (const auto &body : std::as_const(m_otherResponses))
                QVERIFY2(!body.contains(secret.toLatin1()), "token in a response other than reveal");
        }
    }
};

QTEST_GUILESS_MAIN(TestTriggersWebhooks)
#include "tst_triggers_webhooks.moc"
