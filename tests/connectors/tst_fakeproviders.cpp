// SPDX-License-Identifier: GPL-3.0-or-later
// The fakes themselves: their refusals are the providers' (page-size limits, made-up cursors,
// missing owners, unknown GraphQL fields, a missing User-Agent), slow answers do not block other
// requests, and opbox-fake-services starts every fake and stops on SIGTERM.
#include "asanafakeserver.h"
#include "calendlyfakeserver.h"
#include "fakeservicesuite.h"
#include "firefliesfakeserver.h"
#include "githubfakeserver.h"
#include "hubspotfakeserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Opbox::Fakes;

namespace {

struct Answer
{
    int status = 0;
    QJsonValue json;
    QNetworkReply *reply = nullptr;
    QByteArray header(const QByteArray &name) const { return reply ? reply->rawHeader(name) : QByteArray(); }
};

} // namespace

class FakeProvidersTest : public QObject
{
    Q_OBJECT

private:
    Answer call(const QUrl &url, const QByteArray &body = {}, bool auth = true)
    {
        QNetworkRequest request(url);
        if (auth)
            request.setRawHeader("Authorization", "Bearer opbox-fake-token");
        request.setRawHeader("User-Agent", "fake-test");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = body.isNull() ? m_network.get(request) : m_network.post(request, body);
        reply->setParent(this);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        Answer answer;
        answer.reply = reply;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        answer.json = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        return answer;
    }

    static QUrl at(const FakeProviderServer &fake, const QString &pathAndQuery)
    {
        return QUrl(fake.baseUrl().toString() + pathAndQuery);
    }

    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hubspotRefusesWhatHubSpotRefuses()
    {
        HubSpotFakeServer fake;
        fake.seed(u"contacts"_s, 5);
        QVERIFY(fake.start());
        auto a = call(at(fake, u"/crm/v3/objects/contacts?limit=101"_s));
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json[u"category"_s].toString(), u"VALIDATION_ERROR"_s);
        a = call(at(fake, u"/crm/v3/objects/contacts?limit=2&after=12"_s));
        QCOMPARE(a.status, 400);
        a = call(at(fake, u"/crm/v3/objects/contacts"_s), {}, false);
        QCOMPARE(a.status, 401);
        QCOMPARE(a.json[u"category"_s].toString(), u"INVALID_AUTHENTICATION"_s);
        a = call(at(fake, u"/crm/v3/objects/contacts?limit=5"_s));
        QVERIFY(!a.json.toObject().contains(u"paging"_s)); // the last page has no paging
        QCOMPARE(a.json[u"results"_s].toArray().size(), 5);
        QVERIFY(a.json[u"results"_s][0][u"properties"_s][u"email"_s].isString());
        a = call(at(fake, u"/crm/v3/objects/contacts/search"_s), R"({"limit":201})");
        QCOMPARE(a.status, 400);
        a = call(at(fake, u"/crm/v3/objects/contacts/search"_s), R"({"limit":100,"after":"10000"})");
        QCOMPARE(a.status, 400);
        QVERIFY(a.json[u"message"_s].toString().contains(u"10000"_s));
        a = call(at(fake, u"/crm/v3/objects/tickets"_s));
        QCOMPARE(a.status, 404);
    }

    void asanaPagesOnlyWithLimit()
    {
        AsanaFakeServer fake;
        fake.seed(1, 1, 3, 3);
        QVERIFY(fake.start());
        const QString workspace = fake.workspaceGids().first();
        auto a = call(at(fake, u"/users?workspace="_s + workspace));
        QCOMPARE(a.json[u"data"_s].toArray().size(), 3);
        QVERIFY(!a.json.toObject().contains(u"next_page"_s));
        a = call(at(fake, u"/users?limit=2&workspace="_s + workspace));
        const QString offset = a.json[u"next_page"_s][u"offset"_s].toString();
        QVERIFY(!offset.isEmpty());
        QCOMPARE(a.json[u"data"_s][0].toObject().keys(), (QStringList{u"gid"_s, u"name"_s, u"resource_type"_s})); // compact
        a = call(at(fake, u"/users?limit=2&workspace=%1&offset=%2"_s.arg(workspace, offset)));
        QCOMPARE(a.json[u"data"_s].toArray().size(), 1);
        QVERIFY(a.json[u"next_page"_s].isNull());
        a = call(at(fake, u"/users?limit=2&workspace=%1&offset=eyJvIjoxfQ"_s.arg(workspace)));
        QCOMPARE(a.status, 400);
        QVERIFY(a.json[u"errors"_s][0][u"message"_s].toString().contains(u"offset"_s));
        a = call(at(fake, u"/users?limit=101&workspace="_s + workspace));
        QCOMPARE(a.status, 400);
        QCOMPARE(call(at(fake, u"/tasks?limit=10"_s)).status, 400);
        const QString project = fake.projectGids().first();
        QCOMPARE(call(at(fake, u"/projects/%1/tasks?modified_since=2024-01-01T00:00:00Z"_s.arg(project))).status, 400);
        QCOMPARE(call(at(fake, u"/tasks?project=%1&modified_since=2030-01-01T00:00:00.000Z"_s.arg(project)))
                     .json[u"data"_s]
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(call(at(fake, u"/users/me"_s), {}, false).json[u"errors"_s][0][u"message"_s].toString(), u"Not Authorized"_s);
    }

    void calendlyNeedsAnOwnerAndSmallPages()
    {
        CalendlyFakeServer fake;
        fake.seed(2, 3, 1, QDateTime::currentDateTimeUtc());
        QVERIFY(fake.start());
        const QString user = call(at(fake, u"/users/me"_s)).json[u"resource"_s][u"uri"_s].toString();
        QVERIFY(user.startsWith(fake.baseUrl().toString()));
        auto a = call(at(fake, u"/scheduled_events"_s));
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json[u"title"_s].toString(), u"Invalid Argument"_s);
        QCOMPARE(call(at(fake, u"/scheduled_events?user=https%3A%2F%2Fapi.calendly.com%2Fusers%2FOTHER"_s)).status, 403);
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(user));
        a = call(at(fake, u"/scheduled_events?count=101&user="_s + encoded));
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json[u"details"_s][0][u"parameter"_s].toString(), u"count"_s);
        a = call(at(fake, u"/scheduled_events?count=2&user="_s + encoded));
        QCOMPARE(a.json[u"collection"_s].toArray().size(), 2);
        QVERIFY(a.json[u"pagination"_s][u"next_page_token"_s].isString());
        QVERIFY(QRegularExpression(u"\\.\\d{6}Z$"_s).match(a.json[u"collection"_s][0][u"start_time"_s].toString()).hasMatch());
        QCOMPARE(a.header("X-RateLimit-Limit"), QByteArray("500"));
        QCOMPARE(call(at(fake, u"/scheduled_events?page_token=bogus&user="_s + encoded)).status, 400);
    }

    void firefliesSpeaksGraphQl()
    {
        FirefliesFakeServer fake;
        fake.seed(3, 1);
        QVERIFY(fake.start());
        auto a = call(fake.baseUrl(), R"({"query":"query { transcripts(limit: 51) { id } }"})");
        QCOMPARE(a.json[u"errors"_s][0][u"code"_s].toString(), u"invalid_arguments"_s);
        a = call(
            fake.baseUrl(),
            R"({"query":"query Q($n: Int) { transcripts(limit: $n) { id date summary { keywords } } }","variables":{"n":2}})");
        const QJsonArray transcripts = a.json[u"data"_s][u"transcripts"_s].toArray();
        QCOMPARE(transcripts.size(), 2);
        QCOMPARE(transcripts.first().toObject().keys(), (QStringList{u"date"_s, u"id"_s, u"summary"_s}));
        QVERIFY(transcripts.first()[u"date"_s].isDouble());
        QVERIFY(transcripts.first()[u"date"_s].toDouble() > transcripts.last()[u"date"_s].toDouble()); // newest first
        a = call(fake.baseUrl(), R"({"query":"{ meetings { id } }"})");
        QCOMPARE(a.status, 400);
        a = call(fake.baseUrl(), R"({"query":"{ users { email } }"})", false);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json[u"errors"_s][0][u"code"_s].toString(), u"auth_failed"_s);
        fake.setDailyQuota(0, 60000);
        a = call(fake.baseUrl(), R"({"query":"{ users { email } }"})");
        QVERIFY(a.json[u"errors"_s][0][u"extensions"_s][u"metadata"_s][u"retryAfter"_s].toDouble()
                > double(QDateTime::currentMSecsSinceEpoch()));
    }

    void githubNeedsAUserAgentAndCapsPages()
    {
        GitHubFakeServer fake;
        fake.seed(1, 150, 1, 0);
        fake.addEmptyRepository(u"void"_s);
        QVERIFY(fake.start());
        // QNetworkAccessManager always sends a User-Agent, so this request is written by hand.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, fake.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(
            "GET /user HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer opbox-fake-token\r\nConnection: close\r\n\r\n");
        QByteArray raw;
        while (socket.waitForReadyRead(5000))
            raw += socket.readAll();
        QVERIFY2(raw.startsWith("HTTP/1.1 403"), raw.constData());
        QVERIFY(raw.contains("User-Agent"));
        auto a = call(at(fake, u"/repos/acme/repo-0/issues?per_page=500&state=all"_s));
        QCOMPARE(a.json.toArray().size(), 100);
        QVERIFY(a.header("Link").contains("rel=\"next\""));
        QCOMPARE(a.header("x-ratelimit-limit"), QByteArray("5000"));
        a = call(at(fake, u"/repos/acme/repo-0/issues?per_page=100&state=all&page=2"_s));
        QCOMPARE(a.json.toArray().size(), 51); // 150 issues + 1 pull request
        QVERIFY(!a.header("Link").contains("rel=\"next\""));
        QCOMPARE(call(at(fake, u"/repos/acme/void/commits"_s)).status, 409);
        QCOMPARE(call(at(fake, u"/repos/acme/nope"_s)).json[u"message"_s].toString(), u"Not Found"_s);
        QCOMPARE(call(at(fake, u"/user"_s), {}, false).json[u"message"_s].toString(), u"Bad credentials"_s);
    }

    void slowAnswersDoNotBlockOthers()
    {
        HubSpotFakeServer fake;
        fake.seed(u"contacts"_s, 1);
        QVERIFY(fake.start());
        // Held far longer than any loaded machine needs for the quick answer: the order of the two
        // answers, not a stopwatch, shows that one does not wait for the other.
        fake.delayNext(1, 600000, u"/owners"_s);
        QNetworkRequest slowRequest(at(fake, u"/crm/v3/owners"_s));
        slowRequest.setRawHeader("Authorization", "Bearer opbox-fake-token");
        std::unique_ptr<QNetworkReply> slow(m_network.get(slowRequest));
        const auto quick = call(at(fake, u"/crm/v3/objects/contacts"_s));
        QCOMPARE(quick.status, 200);
        QVERIFY(!slow->isFinished());
        slow->abort();
    }

    void fakeServicesExecutablePrintsEveryService()
    {
        QProcess process;
        process.start(QStringLiteral(OPBOX_BIN_DIR "/opbox-fake-services"), {u"--records"_s, u"20"_s});
        QVERIFY(process.waitForStarted(5000));
        // One line per fake in the suite, printed before anything else.
        const int expected = int(FakeServiceSuite().servers().size());
        QStringList lines;
        QElapsedTimer timer;
        timer.start();
        while (lines.size() < expected && timer.elapsed() < 10000) {
            if (process.canReadLine())
                lines.append(QString::fromUtf8(process.readLine()).trimmed());
            else
                process.waitForReadyRead(500);
        }
        QCOMPARE(lines.size(), expected);
        // Then the end of the announcement, which the app's --demo waits for.
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine() || process.waitForReadyRead(100), 5000);
        QCOMPARE(QString::fromUtf8(process.readLine()).trimmed(), u"ready"_s);
        QStringList types;
        QString hubspotBase;
        for (const QString &line : lines) {
            const QStringList parts = line.split(u' ');
            QCOMPARE(parts.size(), 5);
            QVERIFY(parts.at(2).startsWith(u"http://127.0.0.1:"_s));
            // The config a connection to this fake needs: compact JSON, pointing at loopback.
            QVERIFY2(parts.at(3).startsWith(u"config="_s), qPrintable(line));
            const QJsonObject config = QJsonDocument::fromJson(parts.at(3).mid(7).toUtf8()).object();
            QVERIFY2(config.value(u"baseUrl"_s).toString().startsWith(u"http://127.0.0.1:"_s)
                         || config.value(u"authBaseUrl"_s).toString().startsWith(u"http://127.0.0.1:"_s),
                     qPrintable(line));
            // The credentials the fake accepts, so that a connection can be made from the line alone.
            QVERIFY2(parts.at(4).startsWith(u"credentials="_s), qPrintable(line));
            QVERIFY2(!QJsonDocument::fromJson(parts.at(4).mid(12).toUtf8()).object().isEmpty(), qPrintable(line));
            types.append(parts.first());
            if (parts.at(1) == u"hubspot")
                hubspotBase = parts.at(2);
        }
        for (const auto &type : {u"CRM_PLATFORM"_s, u"PROJECT_MGMT"_s, u"SCHEDULING"_s, u"MEETINGS"_s, u"DEVELOPMENT"_s})
            QVERIFY2(types.contains(type), qPrintable(type));
        const QUrl hubspot(hubspotBase + u"/crm/v3/objects/contacts?limit=100"_s);
        QCOMPARE(call(hubspot).json[u"results"_s].toArray().size(), 20);
        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        // What the process said on the way out (a sanitizer's report, say) belongs in the failure.
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    }

    void suiteDescribesAndSeeds()
    {
        FakeServiceSuite suite;
        QString error;
        QVERIFY2(suite.start(&error), qPrintable(error));
        QVERIFY(suite.servers().size() >= 5);
        for (const auto &type : {u"CRM_PLATFORM"_s, u"PROJECT_MGMT"_s, u"SCHEDULING"_s, u"MEETINGS"_s, u"DEVELOPMENT"_s})
            QVERIFY2(suite.server(type), qPrintable(type));
        QVERIFY(suite.server(u"MEETINGS"_s));
        QCOMPARE(suite.server(u"MEETINGS"_s)->connectorConfig().value(u"baseUrl"_s).toString(),
                 suite.server(u"MEETINGS"_s)->origin().toString() + u"/graphql"_s);
        QCOMPARE(suite.server(u"PROJECT_MGMT"_s)->credentials().value(u"accessToken"_s).toString(), u"opbox-fake-token"_s);
        // The OAuth providers are in the suite with their registered client; tokens come from their consent.
        for (const auto &type : {u"ACCOUNTING"_s, u"DOC_SIGNING"_s}) {
            QVERIFY2(suite.server(type), qPrintable(type));
            QVERIFY(!suite.server(type)->credentials().value(u"client_id"_s).toString().isEmpty());
            QVERIFY(suite.server(type)->connectorConfig().value(u"authBaseUrl"_s).toString().startsWith(u"http://127.0.0.1:"_s));
        }
        QVERIFY(!suite.server(u"NO_SUCH_TYPE"_s));
    }
};

QTEST_GUILESS_MAIN(FakeProvidersTest)
#include "tst_fakeproviders.moc"
