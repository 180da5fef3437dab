// SPDX-License-Identifier: GPL-3.0-or-later
// The OAuth flow end to end over HTTP: authorize → the fake provider's consent page →
// our callback → CONNECTED; the manual code exchange; every way an authorization is rejected; and
// no token, secret or PKCE verifier in any response, log line, audit entry or database byte.
#include "docusignfakeserver.h"
#include "engine/security/vault.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/oauthservice.h"
#include "engine/store/database.h"
#include "testengine.h"
#include "xerofakeserver.h"

#include <QDir>
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
        g_log.append(QString::fromLatin1(context.category ? context.category : "default") + u": "_s + message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

/** A browser's GET that does not follow redirects (the test plays the browser step by step). */
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
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = u"timeout"_s;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    reply->deleteLater();
    return result;
}

QString queryValue(const QUrl &url, const QString &name)
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

QUrl withQueryValue(QUrl url, const QString &name, const QString &value)
{
    QUrlQuery query(url);
    query.removeAllQueryItems(name);
    if (!value.isNull())
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(query);
    return url;
}

} // namespace

class TstOAuthFlow : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestEngine> m_t;
    std::unique_ptr<XeroFakeServer> m_xero;
    std::unique_ptr<DocuSignFakeServer> m_docusign;
    QString m_admin;
    QString m_member;
    QStringList m_transcript; // every response the test saw, scanned for secrets at the end
    int m_names = 0;

    HttpResult keep(HttpResult r)
    {
        QString text = QString::fromUtf8(r.body);
        for (const auto &[name, value] : r.headers)
            text += u'\n' + QString::fromUtf8(name) + u": "_s + QString::fromUtf8(value);
        m_transcript.append(text);
        return r;
    }

    HttpResult post(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return keep(m_t->client(token.isEmpty() ? m_admin : token)->post(path, body));
    }

    QJsonObject connection(const QString &id)
    {
        return keep(m_t->client(m_admin)->get(u"/api/pipelines/connections/"_s + id)).json();
    }

    QJsonObject authorizeBody(FakeProviderServer &fake)
    {
        QJsonObject body = fake.credentials();
        body.insert(u"connectionName"_s, u"%1 %2"_s.arg(fake.serviceName()).arg(++m_names));
        body.insert(u"config"_s, fake.connectorConfig());
        return body;
    }

    /** Starts an authorization; returns {authorizeUrl, connectionId} or an empty object. */
    QJsonObject authorize(const QString &connector, FakeProviderServer &fake)
    {
        const HttpResult r = post(u"/api/pipelines/oauth/%1/authorize"_s.arg(connector), authorizeBody(fake));
        if (r.status != 200)
            qWarning() << "authorize answered" << r.status << r.body;
        return r.status == 200 ? r.json() : QJsonObject();
    }

    /** The provider's consent page: the simulated user approves; returns where the browser goes next. */
    QUrl consent(const QString &authorizeUrl)
    {
        const HttpResult r = browserGet(QUrl(authorizeUrl, QUrl::StrictMode));
        if (r.status != 302)
            qWarning() << "consent answered" << r.status << r.body;
        return QUrl(QString::fromUtf8(r.header("Location")), QUrl::StrictMode);
    }

private Q_SLOTS:
    void initTestCase()
    {
        pinEnvironment();
        // Every category at every level: the leak scan must see debug lines too.
        QLoggingCategory::setFilterRules(u"opbox.*=true\nqt.*=false"_s);
        g_previousHandler = qInstallMessageHandler(captureMessage);
        m_t = std::make_unique<TestEngine>();
        QVERIFY(m_t->ok());
        m_admin = m_t->addUser(u"admin@example.com"_s, Role::Admin);
        m_member = m_t->addUser(u"member@example.com"_s, Role::Member);
        QVERIFY(!m_admin.isEmpty() && !m_member.isEmpty());
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
        m_xero.reset();
        m_docusign.reset();
        m_t.reset();
    }

    void authorizeUrlCarriesStatePkceAndScopes()
    {
        const QJsonObject started = authorize(u"accounting"_s, *m_xero);
        QVERIFY(!started.isEmpty());
        const QString connectionId = started.value(u"connectionId"_s).toString();
        QVERIFY(connectionId.startsWith(u'c'));
        const QUrl url(started.value(u"authorizeUrl"_s).toString(), QUrl::StrictMode);
        QVERIFY(url.isValid());
        // config.authBaseUrl replaced the host, the path is Xero's.
        QCOMPARE(url.port(), int(m_xero->authServer().port()));
        QCOMPARE(url.path(), u"/identity/connect/authorize"_s);
        QCOMPARE(queryValue(url, u"response_type"_s), u"code"_s);
        QCOMPARE(queryValue(url, u"client_id"_s), m_xero->credentials().value(u"client_id"_s).toString());
        QCOMPARE(queryValue(url, u"code_challenge_method"_s), u"S256"_s);
        QCOMPARE(queryValue(url, u"code_challenge"_s).size(), 43);
        const QStringList scopes = queryValue(url, u"scope"_s).split(u' ');
        for (const QString &scope : {u"offline_access"_s, u"accounting.transactions.read"_s, u"accounting.contacts.read"_s,
                                     u"accounting.settings.read"_s})
            QVERIFY2(scopes.contains(scope), qPrintable(scope));
        const QString redirect = m_t->baseUrl().toString() + u"/api/pipelines/oauth/accounting/callback"_s;
        QCOMPARE(queryValue(url, u"redirect_uri"_s), redirect);
        QCOMPARE(started.value(u"redirectUri"_s).toString(), redirect);
        const QString state = queryValue(url, u"state"_s);
        QVERIFY2(QRegularExpression(u"^[A-Za-z0-9_-]{22}\\.[0-9]+\\.[A-Za-z0-9_-]{43}$"_s).match(state).hasMatch(),
                 qPrintable(state));
        // The state expires ten minutes from now.
        const qint64 expires = state.section(u'.', 1, 1).toLongLong();
        QVERIFY(qAbs(expires - QDateTime::currentSecsSinceEpoch() - 600) <= 5);

        const QJsonObject c = connection(connectionId);
        QCOMPARE(c.value(u"status"_s).toString(), u"DISCONNECTED"_s);
        QCOMPARE(c.value(u"type"_s).toString(), u"ACCOUNTING"_s);
        QCOMPARE(c.value(u"credentialFields"_s).toArray(), (QJsonArray{u"client_id"_s, u"client_secret"_s}));
    }

    void xeroCallbackConnects()
    {
        const QJsonObject started = authorize(u"accounting"_s, *m_xero);
        const QString connectionId = started.value(u"connectionId"_s).toString();
        const QUrl callback = consent(started.value(u"authorizeUrl"_s).toString());
        QCOMPARE(callback.path(), u"/api/pipelines/oauth/accounting/callback"_s);
        QVERIFY(!queryValue(callback, u"code"_s).isEmpty());

        const HttpResult page = keep(browserGet(callback));
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY2(QString::fromUtf8(page.body).contains(u"Connected — you can close this window"_s), page.body.constData());
        QCOMPARE(page.header("Cache-Control"), QByteArray("no-store"));

        const QJsonObject c = connection(connectionId);
        QCOMPARE(c.value(u"status"_s).toString(), u"CONNECTED"_s);
        QCOMPARE(c.value(u"config"_s).toObject().value(u"tenantId"_s).toString(), m_xero->tenantId());
        QStringList fields;
        for (const auto &f : c.value(u"credentialFields"_s).toArray())
            fields.append(f.toString());
        QCOMPARE(fields,
                 (QStringList{u"access_token"_s, u"client_id"_s, u"client_secret"_s, u"expires_at"_s, u"refresh_token"_s}));
        // The vault holds exactly what the provider issued.
        auto stored = m_t->engine().connections()->credentials(connectionId);
        QVERIFY(stored.ok());
        QCOMPARE(stored->value(u"refresh_token"_s).toString(), m_xero->authServer().currentRefreshToken());
        QVERIFY(m_xero->authServer().isValidAccessToken(stored->value(u"access_token"_s).toString()));
        QCOMPARE(m_xero->authServer().tokenGrants(u"authorization_code"_s) >= 1, true);

        const QJsonObject audit = keep(m_t->client(m_admin)->get(u"/api/audit-log?limit=200"_s)).json();
        QStringList actions;
        for (const auto &e : audit.value(u"events"_s).toArray()) {
            if (e.toObject().value(u"targetId"_s).toString() == connectionId)
                actions.append(e.toObject().value(u"action"_s).toString());
        }
        QVERIFY2(actions.contains(u"OAUTH_AUTHORIZE"_s), qPrintable(actions.join(u',')));
        QVERIFY2(actions.contains(u"OAUTH_CONNECTED"_s), qPrintable(actions.join(u',')));

        // A replay of the same callback is refused and leaves the connected connection alone.
        const HttpResult replay = keep(browserGet(callback));
        QCOMPARE(replay.status, 400);
        QVERIFY(QString::fromUtf8(replay.body).contains(u"already used"_s));
        QCOMPARE(connection(connectionId).value(u"status"_s).toString(), u"CONNECTED"_s);
    }

    void docuSignCallbackConnects()
    {
        const QJsonObject started = authorize(u"doc-signing"_s, *m_docusign);
        QVERIFY(!started.isEmpty());
        const QString connectionId = started.value(u"connectionId"_s).toString();
        const QUrl authorizeUrl(started.value(u"authorizeUrl"_s).toString(), QUrl::StrictMode);
        QCOMPARE(authorizeUrl.path(), u"/oauth/auth"_s);
        QCOMPARE(queryValue(authorizeUrl, u"scope"_s), u"signature extended"_s);
        const QUrl callback = consent(started.value(u"authorizeUrl"_s).toString());
        QCOMPARE(callback.path(), u"/api/pipelines/oauth/doc-signing/callback"_s);
        const HttpResult page = keep(browserGet(callback));
        QCOMPARE(page.status, 200);

        const QJsonObject c = connection(connectionId);
        QCOMPARE(c.value(u"status"_s).toString(), u"CONNECTED"_s);
        const QJsonObject config = c.value(u"config"_s).toObject();
        // userinfo's default account, and its base_uri as the API root.
        QCOMPARE(config.value(u"accountId"_s).toString(), m_docusign->accountId());
        QCOMPARE(config.value(u"baseUri"_s).toString(), m_docusign->origin().toString());
        QCOMPARE(config.value(u"baseUrl"_s).toString(), m_docusign->origin().toString() + u"/restapi"_s);
    }

    void connectorSpellings_data()
    {
        QTest::addColumn<QString>("connector");
        QTest::addColumn<QString>("type");
        QTest::newRow("accounting") << u"accounting"_s << u"ACCOUNTING"_s;
        QTest::newRow("ACCOUNTING") << u"ACCOUNTING"_s << u"ACCOUNTING"_s;
        QTest::newRow("doc-signing") << u"doc-signing"_s << u"DOC_SIGNING"_s;
        QTest::newRow("DOC_SIGNING") << u"DOC_SIGNING"_s << u"DOC_SIGNING"_s;
        QTest::newRow("doc_signing") << u"doc_signing"_s << u"DOC_SIGNING"_s;
        QTest::newRow("Doc-Signing") << u"Doc-Signing"_s << u"DOC_SIGNING"_s;
    }

    void connectorSpellings()
    {
        QFETCH(QString, connector);
        QFETCH(QString, type);
        FakeProviderServer &fake = type == u"ACCOUNTING"_s ? static_cast<FakeProviderServer &>(*m_xero) : *m_docusign;
        const QJsonObject started = authorize(connector, fake);
        QVERIFY(!started.isEmpty());
        QCOMPARE(connection(started.value(u"connectionId"_s).toString()).value(u"type"_s).toString(), type);
        QVERIFY(started.value(u"redirectUri"_s).toString().endsWith(u"/api/pipelines/oauth/%1/callback"_s.arg(connector)));
    }

    void authorizeValidation_data()
    {
        QTest::addColumn<QString>("connector");
        QTest::addColumn<QString>("drop"); // body field to remove
        QTest::addColumn<QString>("member"); // "member": call as MEMBER
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no client_id") << u"accounting"_s << u"client_id"_s << QString() << 400 << u"client_id"_s;
        QTest::newRow("no client_secret") << u"accounting"_s << u"client_secret"_s << QString() << 400 << u"client_secret"_s;
        QTest::newRow("no connectionName") << u"accounting"_s << u"connectionName"_s << QString() << 400 << u"connectionName"_s;
        QTest::newRow("unknown connector") << u"payroll"_s << QString() << QString() << 404 << u"payroll"_s;
        QTest::newRow("not an OAuth type") << u"crm-platform"_s << QString() << QString() << 400 << u"OAuth"_s;
        QTest::newRow("member") << u"accounting"_s << QString() << u"member"_s << 403 << QString();
    }

    void authorizeValidation()
    {
        QFETCH(QString, connector);
        QFETCH(QString, drop);
        QFETCH(QString, member);
        QFETCH(int, status);
        QFETCH(QString, mentions);
        QJsonObject body = authorizeBody(*m_xero);
        body.remove(drop);
        const HttpResult r
            = post(u"/api/pipelines/oauth/%1/authorize"_s.arg(connector), body, member.isEmpty() ? m_admin : m_member);
        QCOMPARE(r.status, status);
        QVERIFY(!r.json().value(u"code"_s).toString().isEmpty());
        QVERIFY2(r.json().value(u"error"_s).toString().contains(mentions), r.body.constData());
    }

    void rejections_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason"); // expected in the page and the connection's status message
        QTest::newRow("provider error") << u"deny"_s << u"did not grant access"_s;
        QTest::newRow("tampered signature") << u"signature"_s << u"not genuine"_s;
        QTest::newRow("tampered expiry") << u"expiry"_s << u"not genuine"_s;
        QTest::newRow("expired state") << u"expired"_s << u"expired"_s;
        QTest::newRow("reused state") << u"reuse"_s << u"already used"_s;
        QTest::newRow("refused code") << u"badcode"_s << u"token exchange failed"_s;
        QTest::newRow("token endpoint down") << u"tokendown"_s << u"token exchange failed"_s;
        QTest::newRow("state of another connector") << u"otherconnector"_s << u"another connector"_s;
        QTest::newRow("no code") << u"nocode"_s << u"authorization code"_s;
    }

    void rejections()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        if (kind == u"deny"_s)
            m_xero->authServer().setConsent(false);
        const QJsonObject started = authorize(u"accounting"_s, *m_xero);
        const QString connectionId = started.value(u"connectionId"_s).toString();
        QUrl callback = consent(started.value(u"authorizeUrl"_s).toString());
        m_xero->authServer().setConsent(true);
        QVERIFY(callback.isValid());
        const QString state = queryValue(callback, u"state"_s);

        if (kind == u"signature"_s) {
            QString forged = state;
            const qsizetype i = forged.size() - 10; // not the last character: its low bits are padding
            forged[i] = forged.at(i) == u'A' ? u'B' : u'A';
            callback = withQueryValue(callback, u"state"_s, forged);
        } else if (kind == u"expiry"_s) {
            QStringList parts = state.split(u'.');
            parts[1] = QString::number(parts.at(1).toLongLong() + 3600);
            callback = withQueryValue(callback, u"state"_s, parts.join(u'.'));
        } else if (kind == u"expired"_s) {
            m_t->engine().oauth()->states().setClockSkew(11 * 60 * 1000);
        } else if (kind == u"reuse"_s) {
            // The first use fails at the provider (a wrong code) and spends the state.
            const HttpResult first = keep(browserGet(withQueryValue(callback, u"code"_s, u"not-a-code"_s)));
            QCOMPARE(first.status, 400);
        } else if (kind == u"badcode"_s) {
            callback = withQueryValue(callback, u"code"_s, u"code-that-was-never-issued"_s);
        } else if (kind == u"tokendown"_s) {
            m_xero->authServer().failNext(10, 503, u"/connect/token"_s);
        } else if (kind == u"otherconnector"_s) {
            callback.setPath(u"/api/pipelines/oauth/doc-signing/callback"_s);
        } else if (kind == u"nocode"_s) {
            callback = withQueryValue(callback, u"code"_s, QString());
        }

        const HttpResult page = keep(browserGet(callback));
        m_t->engine().oauth()->states().setClockSkew(0);
        m_xero->authServer().clearFaults();
        QCOMPARE(page.status, 400);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        const QString html = QString::fromUtf8(page.body);
        QVERIFY2(html.contains(u"Authorization failed"_s), page.body.constData());
        QVERIFY2(html.contains(reason), page.body.constData());

        const QJsonObject c = connection(connectionId);
        QCOMPARE(c.value(u"status"_s).toString(), u"DISCONNECTED"_s);
        QVERIFY2(c.value(u"statusMessage"_s).toString().contains(reason), qPrintable(c.value(u"statusMessage"_s).toString()));
        QCOMPARE(c.value(u"credentialFields"_s).toArray(), (QJsonArray{u"client_id"_s, u"client_secret"_s}));
    }

    void callbackWithoutState()
    {
        const HttpResult page
            = keep(browserGet(QUrl(m_t->baseUrl().toString() + u"/api/pipelines/oauth/accounting/callback?code=x"_s)));
        QCOMPARE(page.status, 400);
        QVERIFY(QString::fromUtf8(page.body).contains(u"state"_s));
    }

    void manualExchange_data()
    {
        QTest::addColumn<bool>("withState");
        QTest::newRow("pasted code") << false;
        QTest::newRow("pasted code and state") << true;
    }

    void manualExchange()
    {
        QFETCH(bool, withState);
        const QJsonObject started = authorize(u"accounting"_s, *m_xero);
        const QString connectionId = started.value(u"connectionId"_s).toString();
        // The browser cannot reach the redirect URI; the user copies the code from its address bar.
        const QUrl redirect = consent(started.value(u"authorizeUrl"_s).toString());
        QJsonObject body{{u"connectionId"_s, connectionId}, {u"code"_s, queryValue(redirect, u"code"_s)}};
        if (withState)
            body.insert(u"state"_s, queryValue(redirect, u"state"_s));
        const HttpResult r = post(u"/api/pipelines/oauth/accounting/exchange"_s, body);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"success"_s).toBool(), true);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"CONNECTED"_s);
        QCOMPARE(connection(connectionId).value(u"status"_s).toString(), u"CONNECTED"_s);
        // The same code again: nothing is pending any more.
        const HttpResult again = post(u"/api/pipelines/oauth/accounting/exchange"_s, body);
        QCOMPARE(again.status, 400);
        QCOMPARE(connection(connectionId).value(u"status"_s).toString(), u"CONNECTED"_s);
    }

    // A body with several problems is answered with the first one the request meets, in this order:
    // caller, connector, fields, config; then, for a new connection, client, name, schedule and
    // users; for a re-authorization, the stored connection before its client fields; for an
    // exchange, connectionId, code, state before the stored connection.
    void severalProblems_data()
    {
        QTest::addColumn<QString>("path"); // authorize | exchange
        QTest::addColumn<QString>("connector");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("asMember");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field"); // what the error starts with; empty: not checked
        const QByteArray unknownId = R"("c000000000000000000000000")";
        QTest::newRow("authorize: member before unknown field")
            << u"authorize"_s << u"accounting"_s << QByteArray(R"({"bogus":1})") << true << 403 << QString();
        QTest::newRow("authorize: connector before unknown field")
            << u"authorize"_s << u"payroll"_s << QByteArray(R"({"bogus":1})") << false << 404 << u"connector:"_s;
        QTest::newRow("authorize: unknown field before client_id")
            << u"authorize"_s << u"accounting"_s << QByteArray(R"({"bogus":1,"config":5})") << false << 400 << u"bogus:"_s;
        QTest::newRow("authorize: config before client_id")
            << u"authorize"_s << u"accounting"_s << QByteArray(R"({"config":5})") << false << 400 << u"config:"_s;
        QTest::newRow("authorize: client_id before schedule")
            << u"authorize"_s << u"accounting"_s
            << QByteArray(R"({"client_id":5,"client_secret":"s","connectionName":"n","schedule":5})") << false << 400
            << u"client_id:"_s;
        QTest::newRow("authorize: connectionName before notifyUserIds")
            << u"authorize"_s << u"accounting"_s
            << QByteArray(R"({"client_id":"i","client_secret":"s","connectionName":" ","notifyUserIds":5})") << false << 400
            << u"connectionName:"_s;
        QTest::newRow("authorize: schedule before notifyUserIds")
            << u"authorize"_s << u"accounting"_s
            << QByteArray(R"({"client_id":"i","client_secret":"s","connectionName":"n","schedule":5,"notifyUserIds":5})") << false
            << 400 << u"schedule:"_s;
        QTest::newRow("re-authorize: config before connectionId")
            << u"authorize"_s << u"accounting"_s << QByteArray(R"({"connectionId":"","config":5})") << false << 400
            << u"config:"_s;
        QTest::newRow("re-authorize: connectionId before client_id")
            << u"authorize"_s << u"accounting"_s << QByteArray(R"({"connectionId":7,"client_id":5})") << false << 400
            << u"connectionId:"_s;
        QTest::newRow("re-authorize: stored connection before client_id")
            << u"authorize"_s << u"accounting"_s << QByteArray(R"({"connectionId":)" + unknownId + R"(,"client_id":5})") << false
            << 404 << QString();
        QTest::newRow("re-authorize: schedule is not read")
            << u"authorize"_s << u"accounting"_s << QByteArray(R"({"connectionId":)" + unknownId + R"(,"schedule":5})") << false
            << 404 << QString();
        QTest::newRow("exchange: member before unknown field")
            << u"exchange"_s << u"accounting"_s << QByteArray(R"({"bogus":1})") << true << 403 << QString();
        QTest::newRow("exchange: connector before unknown field")
            << u"exchange"_s << u"payroll"_s << QByteArray(R"({"bogus":1})") << false << 404 << u"connector:"_s;
        QTest::newRow("exchange: unknown field before connectionId")
            << u"exchange"_s << u"accounting"_s << QByteArray(R"({"bogus":1,"connectionId":""})") << false << 400 << u"bogus:"_s;
        QTest::newRow("exchange: code before state")
            << u"exchange"_s << u"accounting"_s << QByteArray(R"({"connectionId":)" + unknownId + R"(,"code":"","state":5})")
            << false << 400 << u"code:"_s;
        QTest::newRow("exchange: state before the stored connection")
            << u"exchange"_s << u"accounting"_s << QByteArray(R"({"connectionId":)" + unknownId + R"(,"code":"x","state":5})")
            << false << 400 << u"state:"_s;
        QTest::newRow("exchange: the stored connection")
            << u"exchange"_s << u"accounting"_s << QByteArray(R"({"connectionId":)" + unknownId + R"(,"code":"x"})") << false
            << 404 << QString();
    }

    void severalProblems()
    {
        QFETCH(QString, path);
        QFETCH(QString, connector);
        QFETCH(QByteArray, body);
        QFETCH(bool, asMember);
        QFETCH(int, status);
        QFETCH(QString, field);
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        QVERIFY(!object.isEmpty());
        const HttpResult r = post(u"/api/pipelines/oauth/%1/%2"_s.arg(connector, path), object, asMember ? m_member : m_admin);
        QCOMPARE(r.status, status);
        QVERIFY(!r.json().value(u"code"_s).toString().isEmpty());
        QVERIFY2(r.json().value(u"error"_s).toString().startsWith(field), r.body.constData());
    }

    void manualExchangeRejections_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("status");
        QTest::newRow("member") << u"member"_s << 403;
        QTest::newRow("unknown connection") << u"unknown"_s << 404;
        QTest::newRow("state of another connection") << u"otherstate"_s << 400;
        QTest::newRow("forged state") << u"forged"_s << 400;
        QTest::newRow("wrong code") << u"badcode"_s << 400;
        QTest::newRow("no code") << u"nocode"_s << 400;
        QTest::newRow("other connector type") << u"othertype"_s << 400;
    }

    void manualExchangeRejections()
    {
        QFETCH(QString, kind);
        QFETCH(int, status);
        const QJsonObject started = authorize(u"accounting"_s, *m_xero);
        const QString connectionId = started.value(u"connectionId"_s).toString();
        const QUrl redirect = consent(started.value(u"authorizeUrl"_s).toString());
        QJsonObject body{{u"connectionId"_s, connectionId}, {u"code"_s, queryValue(redirect, u"code"_s)}};
        QString token = m_admin;
        QString connector = u"accounting"_s;
        if (kind == u"member"_s) {
            token = m_member;
        } else if (kind == u"unknown"_s) {
            body.insert(u"connectionId"_s, u"c000000000000000000000000"_s);
        } else if (kind == u"otherstate"_s) {
            const QJsonObject other = authorize(u"accounting"_s, *m_xero);
            body.insert(u"state"_s, queryValue(QUrl(other.value(u"authorizeUrl"_s).toString()), u"state"_s));
        } else if (kind == u"forged"_s) {
            QString state = queryValue(redirect, u"state"_s);
            state[5] = state.at(5) == u'x' ? u'y' : u'x';
            body.insert(u"state"_s, state);
        } else if (kind == u"badcode"_s) {
            body.insert(u"code"_s, u"never-issued"_s);
        } else if (kind == u"nocode"_s) {
            body.remove(u"code"_s);
        } else if (kind == u"othertype"_s) {
            connector = u"doc-signing"_s;
        }
        const HttpResult r = post(u"/api/pipelines/oauth/%1/exchange"_s.arg(connector), body, token);
        QCOMPARE(r.status, status);
        QVERIFY(!r.json().value(u"error"_s).toString().isEmpty());
        QCOMPARE(connection(connectionId).value(u"status"_s).toString(), u"DISCONNECTED"_s);
        if (kind == u"badcode"_s)
            QVERIFY(connection(connectionId).value(u"statusMessage"_s).toString().contains(u"token exchange failed"_s));
    }

    void reauthorizeExistingConnection()
    {
        const QJsonObject started = authorize(u"accounting"_s, *m_xero);
        const QString connectionId = started.value(u"connectionId"_s).toString();
        QCOMPARE(keep(browserGet(consent(started.value(u"authorizeUrl"_s).toString()))).status, 200);
        const QString firstRefresh = m_t->engine().connections()->credentials(connectionId)->value(u"refresh_token"_s).toString();
        // "re-authorize": the same connection, the stored client credentials.
        const HttpResult again = post(u"/api/pipelines/oauth/accounting/authorize"_s, {{u"connectionId"_s, connectionId}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"connectionId"_s).toString(), connectionId);
        QCOMPARE(keep(browserGet(consent(again.json().value(u"authorizeUrl"_s).toString()))).status, 200);
        const QString secondRefresh
            = m_t->engine().connections()->credentials(connectionId)->value(u"refresh_token"_s).toString();
        QVERIFY(secondRefresh != firstRefresh);
        QCOMPARE(connection(connectionId).value(u"status"_s).toString(), u"CONNECTED"_s);
    }

    void reauthorizeElsewhereDropsTheTokens()
    {
        const QJsonObject started = authorize(u"accounting"_s, *m_xero);
        const QString connectionId = started.value(u"connectionId"_s).toString();
        QCOMPARE(keep(browserGet(consent(started.value(u"authorizeUrl"_s).toString()))).status, 200);
        QCOMPARE(connection(connectionId).value(u"status"_s).toString(), u"CONNECTED"_s);
        const QJsonObject before = *m_t->engine().connections()->credentials(connectionId);
        QVERIFY(!before.value(u"refresh_token"_s).toString().isEmpty());
        const QJsonObject elsewhere{{u"authBaseUrl"_s, u"https://identity.elsewhere.example"_s}};

        // Without the client credentials the stored secret and tokens never meet the new host.
        const HttpResult refused
            = post(u"/api/pipelines/oauth/accounting/authorize"_s, {{u"connectionId"_s, connectionId}, {u"config"_s, elsewhere}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(u"code"_s).toString(), u"CREDENTIALS_REQUIRED"_s);
        QVERIFY2(refused.json().value(u"error"_s).toString().contains(u"config.authBaseUrl"_s), refused.body.constData());
        QCOMPARE(*m_t->engine().connections()->credentials(connectionId), before);
        QCOMPARE(connection(connectionId).value(u"config"_s).toObject().value(u"authBaseUrl"_s),
                 m_xero->connectorConfig().value(u"authBaseUrl"_s));
        QCOMPARE(connection(connectionId).value(u"status"_s).toString(), u"CONNECTED"_s);

        QJsonObject body = m_xero->credentials();
        body.insert(u"connectionId"_s, connectionId);
        body.insert(u"config"_s, elsewhere);
        const HttpResult moved = post(u"/api/pipelines/oauth/accounting/authorize"_s, body);
        QCOMPARE(moved.status, 200);
        QVERIFY(moved.json().value(u"authorizeUrl"_s).toString().startsWith(u"https://identity.elsewhere.example/"_s));
        const QJsonObject after = *m_t->engine().connections()->credentials(connectionId);
        QVERIFY(!after.contains(u"refresh_token"_s));
        QVERIFY(!after.contains(u"access_token"_s));
        QCOMPARE(connection(connectionId).value(u"status"_s).toString(), u"DISCONNECTED"_s);
        QSqlQuery q(m_t->engine().metadata()->connection());
        QVERIFY(
            q.exec(u"SELECT details FROM audit_log WHERE action = 'CONNECTION_UPDATE' AND target_id = '%1'"_s.arg(connectionId)));
        QVERIFY(q.next());
        const QJsonObject details = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        QCOMPARE(details.value(u"originChanged"_s).toArray().at(0).toObject().value(u"to"_s).toString(),
                 u"https://identity.elsewhere.example"_s);
    }

    void noSecretLeaks()
    {
        QStringList secrets;
        for (OAuthFakeServer *auth : {&m_xero->authServer(), &m_docusign->authServer()}) {
            secrets.append(auth->credentials().value(u"client_secret"_s).toString());
            secrets += auth->issuedAccessTokens();
            secrets += auth->issuedRefreshTokens();
        }
        // Every PKCE verifier this engine generated (they are encrypted at rest; the test decrypts them).
        QSqlQuery q(m_t->engine().metadata()->connection());
        QVERIFY(q.exec(u"SELECT id, verifier FROM oauth_states"_s));
        int verifiers = 0;
        while (q.next()) {
            auto plain
                = m_t->engine().vault()->decrypt(q.value(1).toByteArray(), "oauth-verifier:" + q.value(0).toString().toUtf8());
            QVERIFY(plain.ok());
            secrets.append(QString::fromUtf8(*plain));
            ++verifiers;
        }
        QVERIFY(verifiers > 5);
        QVERIFY(secrets.size() > 10);

        const QJsonObject audit = keep(m_t->client(m_admin)->get(u"/api/audit-log?limit=500"_s)).json();
        const QString auditText = QString::fromUtf8(QJsonDocument(audit).toJson());
        QVERIFY(auditText.contains(u"OAUTH_CONNECTED"_s));
        QStringList log;
        {
            QMutexLocker lock(&g_logMutex);
            log = g_log;
        }
        QVERIFY2(log.join(u'\n').contains(u"OAuth"_s), "the engine logged nothing about OAuth: the scan would prove nothing");
        QByteArray files;
        for (const QString &name : QDir(m_t->dataDir()).entryList(QDir::Files)) {
            QFile f(m_t->dataDir() + u'/' + name);
            if (f.open(QIODevice::ReadOnly))
                files += f.readAll();
        }
        QVERIFY(!files.isEmpty());
        for (const QString &secret : std::as_const(secrets)) {
            QVERIFY(secret.size() >= 16);
            for (const QString &response : std::as_const(m_transcript))
                QVERIFY2(!response.contains(secret), qPrintable(u"a response holds a secret: "_s + response.left(200)));
            QVERIFY2(!auditText.contains(secret), "the audit log holds a secret");
            for (const QString &line : std::as_const(log))
                QVERIFY2(!line.contains(secret), qPrintable(u"a log line holds a secret: "_s + line.left(200)));
            QVERIFY2(!files.contains(secret.toUtf8()), "a database file holds a secret in plaintext");
        }
    }
};

QTEST_GUILESS_MAIN(TstOAuthFlow)
#include "tst_oauth_flow.moc"
