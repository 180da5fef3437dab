// SPDX-License-Identifier: GPL-3.0-or-later
// Token refreshes that race and streams the account may not read: two runs (a connection and
// its variant) and a check meet one expiring OAuth token and share a single refresh, the newest
// rotated refresh token stays stored, no superseded token is ever presented; a stale refresh never
// overwrites newer tokens (compare-and-swap); a DocuSign user who is not an admin authorizes,
// checks, discovers (users not available, with DocuSign's reason) and syncs envelopes and templates
// with a warning; a GitHub repository the token cannot read is skipped while the others sync; a
// failure that is not a permission refusal still fails the run.
#include "docusignfakeserver.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"
#include "githubfakeserver.h"
#include "oauthconsent.h"
#include "testengine.h"
#include "waitforrun.h"
#include "xerofakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Opbox;
using namespace Opbox::Test;
using namespace Opbox::Fakes;

namespace {

QString queryValue(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

QJsonObject streamNamed(const QJsonArray &streams, const QString &name)
{
    for (const auto &s : streams) {
        if (s.toObject().value(u"name"_s).toString() == name)
            return s.toObject();
    }
    return {};
}

} // namespace

class TstOAuthRaces : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestEngine> m_t;
    std::unique_ptr<XeroFakeServer> m_xero;
    std::unique_ptr<DocuSignFakeServer> m_docusign;
    std::unique_ptr<GitHubFakeServer> m_github;
    QString m_admin;

    /** authorize → consent → exchange of the pasted code; the exchange's answer. */
    HttpResult authorizeAndExchange(const QString &connector, FakeProviderServer &fake, const QString &name)
    {
        QJsonObject body = fake.credentials();
        body.insert(u"connectionName"_s, name);
        body.insert(u"config"_s, fake.connectorConfig());
        const HttpResult started = m_t->client(m_admin)->post(u"/api/pipelines/oauth/%1/authorize"_s.arg(connector), body);
        if (started.status != 200) {
            qWarning() << "authorize" << started.status << started.body;
            return started;
        }
        const QUrl redirect = consentRedirect(started.json().value(u"authorizeUrl"_s).toString());
        return m_t->client(m_admin)->post(u"/api/pipelines/oauth/%1/exchange"_s.arg(connector),
                                          QJsonObject{{u"connectionId"_s, started.json().value(u"connectionId"_s)},
                                                      {u"code"_s, queryValue(redirect, u"code"_s)},
                                                      {u"state"_s, queryValue(redirect, u"state"_s)}});
    }

    QString trigger(const QString &connectionId)
    {
        const HttpResult r = m_t->client(m_admin)->post(u"/api/pipelines/connections/%1/runs"_s.arg(connectionId), {});
        if (r.status != 202)
            qWarning() << "trigger" << r.status << r.body;
        return r.json().value(u"id"_s).toString();
    }

    QJsonObject finished(const QString &connectionId, const QString &runId)
    {
        return m_t->finishedRun(m_admin, connectionId, runId);
    }

    QJsonObject credentials(const QString &id)
    {
        auto c = m_t->engine().connections()->credentials(id);
        return c ? *c : QJsonObject();
    }

    /** Rows of the Opbox table that holds `stream` for the connection named `base`. */
    qint64 rows(const QString &base, const QString &stream)
    {
        Database *db = m_t->engine().workspaceData()->database(m_t->workspaceId());
        QSqlQuery q(db->connection());
        q.prepare(u"SELECT table_name FROM opbox_tables WHERE base = ? AND stream = ?"_s);
        q.addBindValue(base);
        q.addBindValue(stream);
        if (!q.exec() || !q.next())
            return -1;
        const QString table = q.value(0).toString();
        QSqlQuery count(db->connection());
        if (!count.exec(u"SELECT COUNT(*) FROM \"%1\""_s.arg(table)) || !count.next())
            return -1;
        return count.value(0).toLongLong();
    }

    QString tableBase(const QString &connectionId)
    {
        Database *db = m_t->engine().workspaceData()->database(m_t->workspaceId());
        QSqlQuery q(db->connection());
        q.prepare(u"SELECT t.base FROM opbox_tables t JOIN opbox_table_owners o ON o.table_name = t.table_name"
                  " WHERE o.connection_id = ? LIMIT 1"_s);
        q.addBindValue(connectionId);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        pinEnvironment();
        m_t = std::make_unique<TestEngine>();
        QVERIFY(m_t->ok());
        m_t->engine().syncWorkers()->start(2);
        m_admin = m_t->addUser(u"admin@example.com"_s, Role::Admin);
        m_xero = std::make_unique<XeroFakeServer>();
        m_docusign = std::make_unique<DocuSignFakeServer>();
        m_github = std::make_unique<GitHubFakeServer>();
        QVERIFY(m_xero->start());
        QVERIFY(m_docusign->start());
        QVERIFY(m_github->start());
        m_xero->seed(5, 12, 4);
        m_docusign->seed(7, 3, 4);
        m_github->seed(3, 4, 2, 3);
    }

    void twoRunsAndACheckShareOneRefresh()
    {
        OAuthFakeServer &auth = m_xero->authServer();
        // Like a provider that rotates strictly: a superseded refresh token is refused at once.
        auth.setRefreshReuseGrace(0);
        const HttpResult connected = authorizeAndExchange(u"accounting"_s, *m_xero, u"Ledger"_s);
        QCOMPARE(connected.status, 200);
        const QString source = connected.json().value(u"connectionId"_s).toString();
        const HttpResult variant = m_t->client(m_admin)->post(u"/api/pipelines/connections/%1/variants"_s.arg(source),
                                                              QJsonObject{{u"name"_s, u"Ledger EU"_s}});
        QCOMPARE(variant.status, 201);
        const QString copy = variant.json().value(u"id"_s).toString();
        QCOMPARE(credentials(copy).value(u"refresh_token"_s), credentials(source).value(u"refresh_token"_s));

        // Every holder of the token sees it expired, and the provider no longer takes it either.
        for (const QString &id : {source, copy}) {
            QJsonObject stored = credentials(id);
            stored.insert(u"expires_at"_s, QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs));
            QVERIFY(m_t->engine().connections()->storeCredentials(id, stored).ok());
        }
        auth.expireAccessTokens();
        const int refreshes = auth.tokenGrants(u"refresh_token"_s);
        const int refused = auth.refusedGrants(u"refresh_token"_s);
        // The one refresh is slow, so that the others ask while it is still on its way.
        auth.delayNext(1, 1500, u"/connect/token"_s);

        const QString runA = trigger(source);
        const QString runB = trigger(copy);
        QVERIFY(!runA.isEmpty() && !runB.isEmpty());
        const HttpResult check = m_t->client(m_admin)->post(u"/api/pipelines/connections/%1/check"_s.arg(source), {});
        QCOMPARE(check.status, 200);
        QVERIFY2(check.json().value(u"success"_s).toBool(), check.body.constData());

        const QJsonObject a = finished(source, runA);
        const QJsonObject b = finished(copy, runB);
        QCOMPARE(a.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(b.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(auth.tokenGrants(u"refresh_token"_s), refreshes + 1);
        QCOMPARE(auth.refusedGrants(u"refresh_token"_s), refused);
        QCOMPARE(credentials(source).value(u"refresh_token"_s).toString(), auth.currentRefreshToken());
        QCOMPARE(credentials(copy).value(u"refresh_token"_s).toString(), auth.currentRefreshToken());

        // And the next run of each still refreshes nothing: the stored access token is the new one.
        const QJsonObject again = finished(source, trigger(source));
        QCOMPARE(again.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(auth.tokenGrants(u"refresh_token"_s), refreshes + 1);
        auth.setRefreshReuseGrace(30 * 60);
    }

    void staleRefreshNeverOverwritesNewerTokens()
    {
        const HttpResult connected = authorizeAndExchange(u"accounting"_s, *m_xero, u"Payables"_s);
        QCOMPARE(connected.status, 200);
        const QString id = connected.json().value(u"connectionId"_s).toString();
        ConnectionService *connections = m_t->engine().connections();
        QJsonObject newer = credentials(id);
        const QString started = newer.value(u"refresh_token"_s).toString();
        newer.insert(u"refresh_token"_s, u"rt-newer"_s);
        newer.insert(u"access_token"_s, u"at-newer"_s);
        QVERIFY(connections->storeCredentials(id, newer).ok());

        // A refresh that started from the old token comes back later: it must not win.
        QJsonObject stale = newer;
        stale.insert(u"refresh_token"_s, u"rt-stale"_s);
        stale.insert(u"access_token"_s, u"at-stale"_s);
        const Result<QJsonObject> lost = connections->replaceTokens(id, started, stale);
        QVERIFY(lost.ok());
        QCOMPARE(lost->value(u"refresh_token"_s).toString(), u"rt-newer"_s);
        QCOMPARE(credentials(id).value(u"refresh_token"_s).toString(), u"rt-newer"_s);
        QCOMPARE(credentials(id).value(u"access_token"_s).toString(), u"at-newer"_s);

        // A refresh that started from the stored token replaces it.
        QJsonObject next = newer;
        next.insert(u"refresh_token"_s, u"rt-next"_s);
        const Result<QJsonObject> won = connections->replaceTokens(id, u"rt-newer"_s, next);
        QVERIFY(won.ok());
        QCOMPARE(won->value(u"refresh_token"_s).toString(), u"rt-next"_s);
        QCOMPARE(credentials(id).value(u"refresh_token"_s).toString(), u"rt-next"_s);
    }

    void nonAdminDocuSignUserConnectsAndSyncsTheRest()
    {
        m_docusign->setAccountAdmin(false);
        const HttpResult exchanged = authorizeAndExchange(u"doc-signing"_s, *m_docusign, u"Contracts"_s);
        QVERIFY2(exchanged.status == 200, exchanged.body.constData());
        QCOMPARE(exchanged.json().value(u"status"_s).toString(), u"CONNECTED"_s);
        const QString id = exchanged.json().value(u"connectionId"_s).toString();
        const QJsonArray offered = exchanged.json().value(u"streams"_s).toArray();
        QCOMPARE(streamNamed(offered, u"users"_s).value(u"available"_s), QJsonValue(false));
        QCOMPARE(streamNamed(offered, u"envelopes"_s).value(u"available"_s), QJsonValue(true));

        auto client = m_t->client(m_admin);
        const HttpResult check = client->post(u"/api/pipelines/connections/%1/check"_s.arg(id), {});
        QCOMPARE(check.status, 200);
        QVERIFY2(check.json().value(u"success"_s).toBool(), check.body.constData());
        QCOMPARE(check.json().value(u"status"_s).toString(), u"CONNECTED"_s);

        const HttpResult discovered = client->post(u"/api/pipelines/connections/%1/discover"_s.arg(id), {});
        QCOMPARE(discovered.status, 200);
        const QJsonArray streams = discovered.json().value(u"streams"_s).toArray();
        const QJsonObject users = streamNamed(streams, u"users"_s);
        QCOMPARE(users.value(u"available"_s), QJsonValue(false));
        QVERIFY2(users.value(u"reason"_s).toString().contains(u"lacks sufficient permissions"_s),
                 qPrintable(users.value(u"reason"_s).toString()));
        for (const QString &readable : {u"envelopes"_s, u"templates"_s}) {
            QCOMPARE(streamNamed(streams, readable).value(u"available"_s), QJsonValue(true));
            QVERIFY(!streamNamed(streams, readable).contains(u"reason"_s));
        }

        const QJsonObject run = finished(id, trigger(id));
        QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
        const QJsonArray warnings = run.value(u"warnings"_s).toArray();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.at(0).toString().startsWith(u"users: "_s), qPrintable(warnings.at(0).toString()));
        QVERIFY2(warnings.at(0).toString().contains(u"lacks sufficient permissions"_s), qPrintable(warnings.at(0).toString()));
        QCOMPARE(run.value(u"progress"_s).toObject().value(u"streamsDone"_s).toInt(), 3);
        const QString base = tableBase(id);
        QCOMPARE(rows(base, u"envelopes"_s), qint64(m_docusign->count(u"envelopes"_s)));
        QCOMPARE(rows(base, u"templates"_s), qint64(m_docusign->count(u"templates"_s)));
        QCOMPARE(rows(base, u"users"_s), qint64(-1)); // never created
        // The runs list shows the same run object, warnings included.
        const HttpResult listed = client->get(u"/api/pipelines/connections/%1/runs"_s.arg(id));
        QCOMPARE(listed.status, 200);
        const QJsonObject listedRun = listed.json().value(u"runs"_s).toArray().at(0).toObject();
        QCOMPARE(listedRun.value(u"id"_s), run.value(u"id"_s));
        QCOMPARE(listedRun.value(u"warnings"_s).toArray(), warnings);
        m_docusign->setAccountAdmin(true);
    }

    void aFailureThatIsNoRefusalStillFailsTheRun()
    {
        const HttpResult exchanged = authorizeAndExchange(u"doc-signing"_s, *m_docusign, u"Archive"_s);
        QCOMPARE(exchanged.status, 200);
        const QString id = exchanged.json().value(u"connectionId"_s).toString();
        m_docusign->failNext(1, 404, u"/templates"_s);
        const QJsonObject run = finished(id, trigger(id));
        QCOMPARE(run.value(u"status"_s).toString(), u"FAILED"_s);
        QVERIFY2(run.value(u"error"_s).toString().contains(u"templates"_s), qPrintable(run.value(u"error"_s).toString()));
        QCOMPARE(run.value(u"warnings"_s).toArray().size(), 0);
    }

    void unreadableRepositoryIsSkipped()
    {
        m_github->refuseRepository(u"acme/repo-1"_s);
        QJsonObject config = m_github->connectorConfig();
        config.insert(u"retryBaseMs"_s, 5);
        const HttpResult created = m_t->client(m_admin)->post(u"/api/pipelines/connections"_s,
                                                              QJsonObject{{u"name"_s, u"Code"_s},
                                                                          {u"type"_s, m_github->connectorType()},
                                                                          {u"credentials"_s, m_github->credentials()},
                                                                          {u"config"_s, config}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        const QJsonObject run = finished(id, trigger(id));
        QVERIFY2(run.value(u"status"_s).toString() == u"COMPLETED"_s, QJsonDocument(run).toJson().constData());
        const QJsonArray warnings = run.value(u"warnings"_s).toArray();
        QCOMPARE(warnings.size(), 3); // its issues, pulls and commits
        QStringList streams;
        for (const auto &w : warnings) {
            QVERIFY2(w.toString().contains(u"repo-1"_s), qPrintable(w.toString()));
            QVERIFY2(w.toString().contains(u"Resource not accessible"_s), qPrintable(w.toString()));
            streams.append(w.toString().section(u": "_s, 0, 0));
        }
        streams.sort();
        QCOMPARE(streams, QStringList({u"commits"_s, u"issues"_s, u"pull_requests"_s}));
        const QString base = tableBase(id);
        QCOMPARE(rows(base, u"repositories"_s), qint64(3));
        QCOMPARE(rows(base, u"issues"_s),
                 qint64(m_github->issueCount(u"acme/repo-0"_s) + m_github->issueCount(u"acme/repo-2"_s)));
        QCOMPARE(rows(base, u"commits"_s),
                 qint64(m_github->commitCount(u"acme/repo-0"_s) + m_github->commitCount(u"acme/repo-2"_s)));
    }
};

QTEST_GUILESS_MAIN(TstOAuthRaces)
#include "tst_oauth_races.moc"
