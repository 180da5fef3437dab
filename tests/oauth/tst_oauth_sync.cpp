// SPDX-License-Identifier: GPL-3.0-or-later
// The OAuth connectors at work: authorize → consent → callback → sync of Xero and
// DocuSign over HTTP; incremental reads; access tokens refreshed before expiry and after a 401
// mid-sync, with the rotated refresh token stored before the new access token is used; a refused
// refresh (invalid_grant) fails the run and asks for re-authorization; "authorize first".
#include "connectors/runtime/connector.h"
#include "connectors/runtime/datetimeformat.h"
#include "docusignfakeserver.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"
#include "testengine.h"
#include "waitforrun.h"
#include "xerofakeserver.h"

#include <QCoroTask>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Opbox;
using namespace Opbox::Test;
using namespace Opbox::Fakes;

namespace {

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

HttpResult browserGet(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(20000);
    loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    reply->deleteLater();
    return result;
}

/** Collects what a direct connector read hands over. */
class CollectingSink : public PageSink
{
public:
    QJsonArray records;
    QJsonObject lastState;
    int pages = 0;
    QCoro::Task<bool> accept(RecordPage page) override
    {
        for (const auto &r : page.records.toJsonArray())
            records.append(r);
        lastState = page.stateAfter;
        ++pages;
        co_return true;
    }
};

QCoro::Task<ReadResult> readStream(Connector *connector, QString stream, QJsonObject state, PageSink *sink)
{
    co_return co_await connector->read(std::move(stream), std::move(state), sink);
}

} // namespace

class TstOAuthSync : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestEngine> m_t;
    std::unique_ptr<XeroFakeServer> m_xero;
    std::unique_ptr<DocuSignFakeServer> m_docusign;
    QString m_admin;

    /** authorize → consent → callback; the connected connection's id (empty on failure). */
    QString connect(const QString &connector, FakeProviderServer &fake, const QString &name, const QJsonObject &extraConfig = {})
    {
        QJsonObject body = fake.credentials();
        body.insert(u"connectionName"_s, name);
        QJsonObject config = fake.connectorConfig();
        for (auto it = extraConfig.begin(); it != extraConfig.end(); ++it)
            config.insert(it.key(), it.value());
        body.insert(u"config"_s, config);
        const HttpResult started = m_t->client(m_admin)->post(u"/api/pipelines/oauth/%1/authorize"_s.arg(connector), body);
        if (started.status != 200) {
            qWarning() << "authorize" << started.status << started.body;
            return {};
        }
        const HttpResult consent = browserGet(QUrl(started.json().value(u"authorizeUrl"_s).toString(), QUrl::StrictMode));
        const HttpResult page = browserGet(QUrl(QString::fromUtf8(consent.header("Location")), QUrl::StrictMode));
        if (page.status != 200) {
            qWarning() << "callback" << page.status << page.body;
            return {};
        }
        return started.json().value(u"connectionId"_s).toString();
    }

    QStringList m_transcript; // run objects, notifications, audit entries: scanned for secrets at the end

    /** Triggers a run and returns the run object once it has ended; empty, and the test failed, when it did not. */
    QJsonObject runToEnd(const QString &connectionId)
    {
        auto client = m_t->client(m_admin);
        const HttpResult r = client->post(u"/api/pipelines/connections/%1/runs"_s.arg(connectionId), {});
        if (r.status != 202) {
            qWarning() << "trigger" << r.status << r.body;
            return {};
        }
        const QString runId = r.json().value(u"id"_s).toString();
        if (!Test::waitForRun(m_t->engine().runs(), runId))
            return {};
        const QJsonObject run = client->get(u"/api/pipelines/connections/%1/runs/%2"_s.arg(connectionId, runId)).json();
        m_transcript.append(QString::fromUtf8(QJsonDocument(run).toJson()));
        return run;
    }

    QJsonObject connection(const QString &id) { return m_t->client(m_admin)->get(u"/api/pipelines/connections/"_s + id).json(); }

    QJsonObject credentials(const QString &id)
    {
        auto c = m_t->engine().connections()->credentials(id);
        return c ? *c : QJsonObject();
    }

    QVariant scalar(const QString &sql)
    {
        Database *db = m_t->engine().workspaceData()->database(m_t->workspaceId());
        QSqlQuery q(db->connection());
        if (!q.exec(sql) || !q.next()) {
            qWarning() << "query failed:" << sql;
            return {};
        }
        return q.value(0);
    }

    std::unique_ptr<Connector> directConnector(const QString &connectionId, CredentialsStore store)
    {
        auto record = m_t->engine().connections()->recordById(connectionId);
        ConnectorContext context;
        context.type = record->type;
        context.credentials = credentials(connectionId);
        context.config = record->config;
        context.credentialsStore = std::move(store);
        context.cancel = std::make_shared<CancelToken>();
        return ConnectorFactory::create(std::move(context));
    }

private Q_SLOTS:
    void initTestCase()
    {
        pinEnvironment();
        QLoggingCategory::setFilterRules(u"opbox.*=true\nqt.*=false"_s);
        g_previousHandler = qInstallMessageHandler(captureMessage);
        m_t = std::make_unique<TestEngine>();
        QVERIFY(m_t->ok());
        m_t->engine().syncWorkers()->start(2);
        m_admin = m_t->addUser(u"admin@example.com"_s, Role::Admin);
        m_xero = std::make_unique<XeroFakeServer>();
        m_docusign = std::make_unique<DocuSignFakeServer>();
        QVERIFY(m_xero->start());
        QVERIFY(m_docusign->start());
        m_xero->seed(5, 12, 4);
        m_docusign->seed(7, 3, 4);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        m_t->engine().syncWorkers()->stop(u"test end"_s);
        m_xero.reset();
        m_docusign.reset();
        m_t.reset();
    }

    void dotNetDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("iso");
        QTest::newRow("ms") << u"/Date(1573755038314)/"_s << u"2019-11-14T18:10:38.314Z"_s;
        QTest::newRow("with offset") << u"/Date(1539993600000+0000)/"_s << u"2018-10-20T00:00:00.000Z"_s;
        QTest::newRow("positive offset") << u"/Date(1419937200000+1300)/"_s << u"2014-12-30T11:00:00.000Z"_s;
        QTest::newRow("escaped slashes") << u"\\/Date(1234567890000+0000)\\/"_s << u"2009-02-13T23:31:30.000Z"_s;
        QTest::newRow("garbage") << u"/Date(abc)/"_s << QString();
    }

    void dotNetDates()
    {
        QFETCH(QString, text);
        QFETCH(QString, iso);
        const auto when = DateTimeFormat::parse(QJsonValue(text));
        if (iso.isEmpty()) {
            QVERIFY(!when);
            return;
        }
        QVERIFY(when);
        QCOMPARE(DateTimeFormat::toIso(*when), iso);
    }

    void xeroSyncsAfterAuthorization()
    {
        const QString id = connect(u"accounting"_s, *m_xero, u"Books"_s, {{u"pageSize"_s, 5}});
        QVERIFY(!id.isEmpty());
        const QJsonObject run = runToEnd(id);
        QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(run.value(u"rowsSynced"_s).toInt(), 5 + 12 + 4);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM books__invoices"_s).toInt(), 12);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM books__contacts"_s).toInt(), 5);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM books__accounts"_s).toInt(), 4);
        // /Date(…)/ became ISO-8601 UTC.
        QCOMPARE(scalar(u"SELECT updated_date_utc FROM books__invoices WHERE invoice_number = 'INV-0001'"_s).toString(),
                 u"2024-01-01T00:15:00.000Z"_s);
        QCOMPARE(scalar(u"SELECT date FROM books__invoices WHERE invoice_number = 'INV-0002'"_s).toString(),
                 u"2024-01-01T00:00:00.000Z"_s);
        QCOMPARE(scalar(u"SELECT updated_date_utc FROM books__accounts WHERE code = '200'"_s).toString(),
                 u"2024-01-01T00:05:00.000Z"_s);
        // Every API request named the tenant.
        for (const auto &request : m_xero->requests()) {
            if (request.path.startsWith(u"/api.xro/2.0/"_s))
                QCOMPARE(QString::fromUtf8(request.header("xero-tenant-id")), m_xero->tenantId());
        }

        // Incremental: If-Modified-Since from the cursor; a touched invoice comes again.
        m_xero->clearRequests();
        m_xero->touch(u"invoices"_s, 3, QDateTime::currentDateTimeUtc().addSecs(-60));
        const QJsonObject again = runToEnd(id);
        QCOMPARE(again.value(u"status"_s).toString(), u"COMPLETED"_s);
        QVERIFY(again.value(u"rowsUpdated"_s).toInt() >= 1);
        QCOMPARE(again.value(u"rowsCreated"_s).toInt(), 0);
        bool sawModifiedSince = false;
        for (const auto &request : m_xero->requests()) {
            if (request.path == u"/api.xro/2.0/Invoices"_s && !request.header("if-modified-since").isEmpty())
                sawModifiedSince = true;
        }
        QVERIFY(sawModifiedSince);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM books__invoices"_s).toInt(), 12);
    }

    void refreshAfter401MidSyncStoresRotatedToken()
    {
        const QString id = connect(u"accounting"_s, *m_xero, u"Ledger"_s, {{u"pageSize"_s, 2}});
        QVERIFY(!id.isEmpty());
        const QString before = credentials(id).value(u"refresh_token"_s).toString();
        QCOMPARE(before, m_xero->authServer().currentRefreshToken());
        const int refreshes = m_xero->authServer().tokenGrants(u"refresh_token"_s);
        // A spent refresh token must not work again: only the stored rotated one can.
        m_xero->authServer().setRefreshReuseGrace(0);
        // The third API request finds the access token expired: a 401 in the middle of invoices.
        m_xero->expireTokensAtRequest(3);
        const QJsonObject run = runToEnd(id);
        QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(run.value(u"rowsSynced"_s).toInt(), 5 + 12 + 4);
        QCOMPARE(m_xero->authServer().tokenGrants(u"refresh_token"_s), refreshes + 1);
        const QJsonObject stored = credentials(id);
        QVERIFY(stored.value(u"refresh_token"_s).toString() != before);
        QCOMPARE(stored.value(u"refresh_token"_s).toString(), m_xero->authServer().currentRefreshToken());
        QVERIFY(m_xero->authServer().isValidAccessToken(stored.value(u"access_token"_s).toString()));
        // The next run's refresh can only succeed with the rotated token that was stored.
        m_xero->authServer().expireAccessTokens();
        const QJsonObject next = runToEnd(id);
        QCOMPARE(next.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(m_xero->authServer().tokenGrants(u"refresh_token"_s), refreshes + 2);
        QCOMPARE(connection(id).value(u"status"_s).toString(), u"CONNECTED"_s);
        m_xero->authServer().setRefreshReuseGrace(30 * 60);
    }

    void refreshBeforeExpiry()
    {
        const QString id = connect(u"accounting"_s, *m_xero, u"Journal"_s);
        QVERIFY(!id.isEmpty());
        // The token still works but expires within the refresh margin: refreshed before the first request.
        QJsonObject stored = credentials(id);
        stored.insert(u"expires_at"_s, QDateTime::currentDateTimeUtc().addSecs(30).toString(Qt::ISODateWithMs));
        QVERIFY(m_t->engine().connections()->storeCredentials(id, stored).ok());
        const QString oldAccess = stored.value(u"access_token"_s).toString();
        const int refreshes = m_xero->authServer().tokenGrants(u"refresh_token"_s);
        m_xero->clearRequests();
        const QJsonObject run = runToEnd(id);
        QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(m_xero->authServer().tokenGrants(u"refresh_token"_s), refreshes + 1);
        const QString newAccess = credentials(id).value(u"access_token"_s).toString();
        QVERIFY(newAccess != oldAccess);
        const auto requests = m_xero->requests();
        QVERIFY(!requests.isEmpty());
        for (const auto &request : requests)
            QCOMPARE(request.header("authorization"), "Bearer " + newAccess.toUtf8());
    }

    void refusedRefreshAsksToReauthorize()
    {
        const QString id = connect(u"accounting"_s, *m_xero, u"Archive"_s);
        QVERIFY(!id.isEmpty());
        m_xero->authServer().revokeRefreshTokens();
        m_xero->authServer().expireAccessTokens();
        const QJsonObject run = runToEnd(id);
        QCOMPARE(run.value(u"status"_s).toString(), u"FAILED"_s);
        QVERIFY2(run.value(u"error"_s).toString().contains(u"re-authorize"_s), qPrintable(run.value(u"error"_s).toString()));
        QVERIFY(run.value(u"error"_s).toString().contains(u"invalid_grant"_s));
        const QJsonObject c = connection(id);
        QCOMPARE(c.value(u"status"_s).toString(), u"ERROR"_s);
        QVERIFY(c.value(u"statusMessage"_s).toString().contains(u"re-authorize"_s));

        // Re-authorizing the same connection brings it back.
        const HttpResult again
            = m_t->client(m_admin)->post(u"/api/pipelines/oauth/accounting/authorize"_s, {{u"connectionId"_s, id}});
        QCOMPARE(again.status, 200);
        const HttpResult consent = browserGet(QUrl(again.json().value(u"authorizeUrl"_s).toString(), QUrl::StrictMode));
        QCOMPARE(browserGet(QUrl(QString::fromUtf8(consent.header("Location")), QUrl::StrictMode)).status, 200);
        QCOMPARE(connection(id).value(u"status"_s).toString(), u"CONNECTED"_s);
        QCOMPARE(runToEnd(id).value(u"status"_s).toString(), u"COMPLETED"_s);
    }

    void tokensAreStoredBeforeUse()
    {
        const QString id = connect(u"accounting"_s, *m_xero, u"Vault check"_s);
        QVERIFY(!id.isEmpty());
        m_xero->authServer().expireAccessTokens();
        m_xero->clearRequests();
        const int refreshes = m_xero->authServer().tokenGrants(u"refresh_token"_s);
        // The store refuses: the connector must stop before it sends the new access token anywhere.
        CredentialsStore refusing;
        refusing.replace = [](const QString &, const QJsonObject &) -> Result<QJsonObject> { return Error::internal(); };
        auto connector = directConnector(id, refusing);
        QVERIFY(connector);
        CollectingSink sink;
        const ReadResult result = QCoro::waitFor(readStream(connector.get(), u"accounts"_s, {}, &sink));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(u"could not be stored"_s), qPrintable(result.error().message));
        QCOMPARE(m_xero->authServer().tokenGrants(u"refresh_token"_s), refreshes + 1);
        const QStringList issued = m_xero->authServer().issuedAccessTokens();
        for (const auto &request : m_xero->requests())
            QVERIFY(request.header("authorization") != "Bearer " + issued.last().toUtf8());
    }

    void authorizeFirst()
    {
        QJsonObject body = m_xero->credentials();
        body.insert(u"connectionName"_s, u"Never authorized"_s);
        body.insert(u"config"_s, m_xero->connectorConfig());
        const HttpResult started = m_t->client(m_admin)->post(u"/api/pipelines/oauth/accounting/authorize"_s, body);
        QCOMPARE(started.status, 200);
        const QJsonObject run = runToEnd(started.json().value(u"connectionId"_s).toString());
        QCOMPARE(run.value(u"status"_s).toString(), u"FAILED"_s);
        QVERIFY2(run.value(u"error"_s).toString().contains(u"authorize first"_s), qPrintable(run.value(u"error"_s).toString()));
    }

    void docuSignSyncsAfterAuthorization()
    {
        const QString id = connect(u"doc-signing"_s, *m_docusign, u"Signatures"_s, {{u"pageSize"_s, 3}});
        QVERIFY(!id.isEmpty());
        const QJsonObject run = runToEnd(id);
        QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(run.value(u"rowsSynced"_s).toInt(), 7 + 3 + 4);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM signatures__envelopes"_s).toInt(), 7);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM signatures__templates"_s).toInt(), 3);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM signatures__users"_s).toInt(), 4);
        QCOMPARE(scalar(u"SELECT last_modified_date_time FROM signatures__envelopes ORDER BY last_modified_date_time LIMIT 1"_s)
                     .toString(),
                 u"2024-01-01T00:30:00.000Z"_s);
        // The API lives where userinfo's base_uri said, under the discovered account.
        bool sawEnvelopes = false;
        for (const auto &request : m_docusign->requests()) {
            if (request.path == u"/v2.1/accounts/%1/envelopes"_s.arg(m_docusign->accountId()))
                sawEnvelopes = true;
        }
        QVERIFY(sawEnvelopes);

        // Incremental: from_date follows the cursor (with a minute of overlap).
        m_docusign->clearRequests();
        m_docusign->touchEnvelope(2, QDateTime::currentDateTimeUtc().addSecs(-30));
        const QJsonObject again = runToEnd(id);
        QCOMPARE(again.value(u"status"_s).toString(), u"COMPLETED"_s);
        QString fromDate;
        for (const auto &request : m_docusign->requests()) {
            if (request.path.endsWith(u"/envelopes"_s))
                fromDate = request.query.queryItemValue(u"from_date"_s, QUrl::FullyDecoded);
        }
        QVERIFY2(fromDate.startsWith(u"2024-01-01T"_s), qPrintable(fromDate)); // the newest seeded change, not 2000
        QCOMPARE(
            scalar(u"SELECT status FROM signatures__envelopes WHERE envelope_id = '%1'"_s.arg(
                       scalar(u"SELECT envelope_id FROM signatures__envelopes ORDER BY last_modified_date_time DESC LIMIT 1"_s)
                           .toString()))
                .toString(),
            u"completed"_s);
    }

    void docuSignEmptyPageHasNoEnvelopesKey()
    {
        const QString id = connect(u"doc-signing"_s, *m_docusign, u"Empty window"_s);
        QVERIFY(!id.isEmpty());
        auto connector = directConnector(id, {});
        QVERIFY(connector);
        CollectingSink sink;
        const QJsonObject state{{u"cursor"_s, QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODateWithMs)}};
        const ReadResult result = QCoro::waitFor(readStream(connector.get(), u"envelopes"_s, state, &sink));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(sink.records.size(), 0);
    }

    void docuSignRefreshAfter401()
    {
        const QString id = connect(u"doc-signing"_s, *m_docusign, u"Contracts"_s, {{u"pageSize"_s, 2}});
        QVERIFY(!id.isEmpty());
        const QString before = credentials(id).value(u"refresh_token"_s).toString();
        m_docusign->expireTokensAtRequest(2);
        const QJsonObject run = runToEnd(id);
        QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(run.value(u"rowsSynced"_s).toInt(), 7 + 3 + 4);
        const QString after = credentials(id).value(u"refresh_token"_s).toString();
        QVERIFY(after != before);
        QCOMPARE(after, m_docusign->authServer().currentRefreshToken());
    }

    void noTokenInLogsRunsNotificationsOrFiles()
    {
        QStringList secrets;
        for (OAuthFakeServer *auth : {&m_xero->authServer(), &m_docusign->authServer()}) {
            secrets.append(auth->credentials().value(u"client_secret"_s).toString());
            secrets += auth->issuedAccessTokens();
            secrets += auth->issuedRefreshTokens();
        }
        QVERIFY(secrets.size() > 20);
        auto client = m_t->client(m_admin);
        m_transcript.append(QString::fromUtf8(client->get(u"/api/notifications"_s).body));
        m_transcript.append(QString::fromUtf8(client->get(u"/api/audit-log?limit=500"_s).body));
        m_transcript.append(QString::fromUtf8(client->get(u"/api/pipelines/connections"_s).body));
        QStringList log;
        {
            QMutexLocker lock(&g_logMutex);
            log = g_log;
        }
        QVERIFY2(log.join(u'\n').contains(u"access token refreshed"_s), "no refresh was logged: the scan would prove nothing");
        QByteArray files;
        QDirIterator it(m_t->dataDir(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                files += f.readAll();
        }
        for (const QString &secret : std::as_const(secrets)) {
            for (const QString &text : std::as_const(m_transcript))
                QVERIFY2(!text.contains(secret), qPrintable(u"an API answer holds a secret: "_s + text.left(300)));
            for (const QString &line : std::as_const(log))
                QVERIFY2(!line.contains(secret), qPrintable(u"a log line holds a secret: "_s + line.left(300)));
            QVERIFY2(!files.contains(secret.toUtf8()), "a data file holds a secret in plaintext");
        }
    }
};

QTEST_GUILESS_MAIN(TstOAuthSync)
#include "tst_oauth_sync.moc"
