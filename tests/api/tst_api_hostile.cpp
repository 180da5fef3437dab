// SPDX-License-Identifier: GPL-3.0-or-later
#include "testengine.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** Hostile input: hundreds of malformed or oversized requests get a 4xx envelope, never a 5xx, and the server stays up. */
class TestApiHostile : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TestEngine> m_t;
    QString m_token;
    QString m_connectionId;

    void expectClientError(const Test::HttpResult &r, const QByteArray &what)
    {
        QVERIFY2(
            r.status >= 400 && r.status < 500,
            qPrintable(
                u"%1 → %2 %3"_s.arg(QString::fromUtf8(what.left(120))).arg(r.status).arg(QString::fromUtf8(r.body.left(200)))));
        if (r.status != 405 && !r.body.isEmpty()) {
            const QJsonObject o = r.json();
            QVERIFY2(o.value(u"error"_s).isString() && o.value(u"code"_s).isString(), r.body.left(200).constData());
            QVERIFY(!r.body.contains("SELECT") && !r.body.contains("sqlite"));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>();
        QVERIFY(m_t->ok());
        m_token = m_t->addUser(u"owner@example.com"_s, Role::Owner);
        auto created = m_t->client(m_token)->post(u"/api/pipelines/connections"_s,
                                                  QJsonObject{{u"name"_s, u"Target"_s},
                                                              {u"type"_s, u"CRM_PLATFORM"_s},
                                                              {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k"_s}}}});
        QCOMPARE(created.status, 201);
        m_connectionId = created.json().value(u"id"_s).toString();
    }

    void malformedBodies()
    {
        QList<QByteArray> bodies{
            "",
            " ",
            "null",
            "true",
            "0",
            "\"string\"",
            "[]",
            "[1,2,3]",
            "{",
            "}",
            "{\"name\":",
            "{\"name\" \"x\"}",
            "{'name':'x'}",
            "{\"name\":\"x\",}",
            "\xff\xfe\xfd",
            QByteArray("{\"name\":\"\x00\"}", 12),
            "{\"a\":1}{\"b\":2}",
            "{\"name\":NaN}",
            "{\"name\":1e999999}",
            "<xml/>",
            "name=x&type=y",
            QByteArray(5000, '{'),
            QByteArray(5000, '['),
            "{\"name\":{\"$ne\":null},\"type\":\"CRM_PLATFORM\",\"credentials\":{}}",
            "{\"name\":\"'; DROP TABLE connections; --\",\"type\":\"CRM_PLATFORM\",\"credentials\":{}}",
            "{\"name\":\"x\",\"type\":[\"CRM_PLATFORM\"],\"credentials\":{\"apiKey\":\"k\"}}",
            "{\"name\":\"x\",\"type\":\"CRM_PLATFORM\",\"credentials\":{\"apiKey\":{\"nested\":true}}}",
            "{\"name\":\"x\",\"type\":\"CRM_PLATFORM\",\"credentials\":{\"apiKey\":\"k\"},\"schedule\":[1]}",
            "{\"name\":\"x\",\"type\":\"CRM_PLATFORM\",\"credentials\":{\"apiKey\":\"k\"},\"notifyUserIds\":[null,1,{}]}",
            "{\"name\":\"x\",\"type\":\"CRM_PLATFORM\",\"credentials\":{\"apiKey\":\"k\"},\"enabled\":\"yes\"}",
            "{\"name\":\"x\",\"type\":\"CRM_PLATFORM\",\"credentials\":{\"apiKey\":\"k\"},\"config\":{\"baseUrl\":42}}",
            "{\"name\":\"x\",\"type\":\"CRM_PLATFORM\",\"credentials\":{\"apiKey\":\"" + QByteArray(9000, 'k') + "\"}}",
        };
        // Random bytes and random truncations of a valid body.
        const QByteArray valid = QJsonDocument(QJsonObject{{u"name"_s, u"Fuzz"_s},
                                                           {u"type"_s, u"CRM_PLATFORM"_s},
                                                           {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k"_s}}}})
                                     .toJson(QJsonDocument::Compact);
        QRandomGenerator rng(20261128);
        for (int i = 0; i < 120; ++i) {
            QByteArray b = valid.left(rng.bounded(int(valid.size())));
            if (i % 3 == 0) {
                b = valid;
                b[rng.bounded(int(b.size()))] = char(rng.bounded(256));
            }
            if (i % 5 == 0) {
                b.resize(rng.bounded(1, 200));
                for (auto &c : b)
                    c = char(rng.bounded(256));
            }
            bodies.append(b);
        }

        auto c = m_t->client(m_token);
        int answered = 0;
        for (const auto &body : std::as_const(bodies)) {
            for (const auto &[method, path] :
                 QList<QPair<QByteArray, QString>>{{"POST", u"/api/pipelines/connections"_s},
                                                   {"PUT", u"/api/pipelines/connections/"_s + m_connectionId},
                                                   {"PUT", u"/api/me/notification-preferences"_s}}) {
                auto r = c->request(method, path, body, {{"Content-Type", "application/json"}});
                if (r.status >= 200 && r.status < 300)
                    continue; // a random mutation can still be a valid request
                expectClientError(r, method + ' ' + body);
                if (QTest::currentTestFailed())
                    return;
                ++answered;
            }
        }
        QVERIFY(answered > 300);
        QCOMPARE(c->get(u"/api/health"_s).status, 200);
        QCOMPARE(c->get(u"/api/pipelines/connections/"_s + m_connectionId).status, 200);
    }

    void oversizedBodies_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("1 MiB + 1") << (1024 * 1024 + 1);
        QTest::newRow("3 MiB") << (3 * 1024 * 1024);
    }
    void oversizedBodies()
    {
        QFETCH(int, size);
        QByteArray body = "{\"name\":\"" + QByteArray(size, 'a') + "\"}";
        auto r = m_t->client(m_token)->request("POST", u"/api/pipelines/connections"_s, body,
                                               {{"Content-Type", "application/json"}}, 60000);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.json().value(u"code"_s).toString(), u"PAYLOAD_TOO_LARGE"_s);
        QCOMPARE(m_t->client(m_token)->get(u"/api/health"_s).status, 200);
    }

    void hostilePathsAndHeaders()
    {
        auto c = m_t->client(m_token);
        const QStringList paths{u"/api/pipelines/connections/../../etc/passwd"_s,
                                u"/api/pipelines/connections/%00"_s,
                                u"/api/pipelines/connections/"_s + QString(3000, u'a'),
                                u"/api/pipelines/connections/'%20OR%201=1"_s,
                                u"/api/pipelines/connections/a/b/c/d/e"_s,
                                u"/api/pipelines/connections/%2e%2e%2f"_s,
                                u"/api/%ff%fe"_s};
        for (const auto &p : paths) {
            expectClientError(c->get(p), p.toUtf8());
            if (QTest::currentTestFailed())
                return;
        }
        c->setWorkspace(u"'; DROP TABLE workspaces; --"_s);
        expectClientError(c->get(u"/api/pipelines/connections"_s), "bad workspace header");
        if (QTest::currentTestFailed())
            return;
        auto raw = m_t->client()->request("GET", u"/api/me"_s, {}, {{"Authorization", "Bearer \x01\x02\x03"}});
        expectClientError(raw, "control chars in token");
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_t->client(m_token)->get(u"/api/me"_s).status, 200);
    }

    void limitsAndOffsets_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("negative limit") << u"limit=-1"_s;
        QTest::newRow("text limit") << u"limit=abc"_s;
        QTest::newRow("huge offset text") << u"offset=99999999999999999999"_s;
    }
    void limitsAndOffsets()
    {
        QFETCH(QString, query);
        auto r = m_t->client(m_token)->get(u"/api/audit-log?"_s + query);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(u"error"_s).toString().contains(query.section(u'=', 0, 0)));
    }

    void malformedHttp_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status"); // the answer; 0: the server hangs up without one
        QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << 400;
        QTest::newRow("no path") << QByteArray("GET\r\n\r\n") << 400;
        QTest::newRow("unknown version") << QByteArray("GET /api/health HTTP/9.9\r\n\r\n") << 505;
        QTest::newRow("negative length") << QByteArray(
            "POST /api/pipelines/connections HTTP/1.1\r\nHost: @HOST@\r\nAuthorization: Bearer @TOKEN@\r\n"
            "Content-Length: -5\r\n\r\n") << 400;
        QTest::newRow("huge header") << "GET /api/health HTTP/1.1\r\nHost: @HOST@\r\nX-Big: " + QByteArray(20000, 'x')
                + "\r\n\r\n" << 431;
        QTest::newRow("foreign host") << QByteArray("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n") << 403;
    }

    void malformedHttp()
    {
        // The server answers or hangs up, as each row says; it never leaves the client waiting.
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        request.replace("@HOST@", QByteArray("127.0.0.1:" + QByteArray::number(m_t->port())));
        request.replace("@TOKEN@", m_token.toUtf8());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_t->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(request);
        QVERIFY(socket.waitForBytesWritten(5000));
        QByteArray response;
        QTRY_VERIFY_WITH_TIMEOUT(
            (response += socket.readAll()).contains("\r\n\r\n") || socket.state() == QAbstractSocket::UnconnectedState, 10000);
        if (status == 0) {
            QVERIFY2(response.isEmpty(), response.left(200).constData());
        } else {
            QVERIFY2(response.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
                     response.left(200).constData());
        }
        QCOMPARE(m_t->client(m_token)->get(u"/api/health"_s).status, 200);
    }

    void foreignHostNamesAreRefused()
    {
        // DNS rebinding: a page on attacker.example resolves its name to 127.0.0.1 and lets the
        // browser call us. The server listens on loopback, so it only answers loopback names.
        const QByteArray port = QByteArray::number(m_t->port());
        QByteArray response;
        QCOMPARE(Test::HttpClient::rawExchange(
                     m_t->port(), "GET /api/health HTTP/1.1\r\nHost: attacker.example:" + port + "\r\nConnection: close\r\n\r\n",
                     &response),
                 403);
        QVERIFY2(response.contains("HOST_NOT_ALLOWED") && response.contains("attacker.example"), response.constData());
        for (const char *host : {"localhost:", "127.0.0.1:"}) {
            QCOMPARE(Test::HttpClient::rawExchange(m_t->port(),
                                                   QByteArray("GET /api/health HTTP/1.1\r\nHost: ") + host + port
                                                       + "\r\nConnection: close\r\n\r\n"),
                     200);
        }
    }

    void tokensNeverReachTheLog()
    {
        // Even with every logging category switched on, no request line or header is logged.
        // Lines come from the server's threads too.
        static QMutex mutex;
        static QStringList captured;
        captured.clear();
        QLoggingCategory::setFilterRules(u"*.debug=true"_s);
        auto previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &msg) {
            QMutexLocker lock(&mutex);
            captured.append(msg);
        });
        auto c = m_t->client(m_token);
        (void)c->get(u"/api/me?probe=1"_s);
        (void)c->post(u"/api/pipelines/connections"_s, QJsonObject{{u"name"_s, u"x"_s}});
        // A request the server does log (a foreign host name), carrying the token and the query.
        (void)Test::HttpClient::rawExchange(m_t->port(),
                                            "GET /api/me?probe=1 HTTP/1.1\r\nHost: attacker.example\r\n"
                                            "Authorization: Bearer "
                                                + m_token.toUtf8() + "\r\nConnection: close\r\n\r\n");
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(u"*.debug=false"_s);
        QMutexLocker lock(&mutex);
        // The check below looks at real log lines, not at an empty capture.
        QVERIFY2(!captured.filter(u"refused a request for host"_s).isEmpty(), qPrintable(captured.join(u'\n')));
        for (const auto &line : std::as_const(captured))
            QVERIFY2(!line.contains(m_token) && !line.contains(u"probe=1"_s), qPrintable(line));
    }

    void abandonedRequestsDoNotCrash()
    {
        // Clients that hang up mid-request must not bring the server down.
        for (int i = 0; i < 50; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_t->port());
            QVERIFY(s.waitForConnected(2000));
            s.write("POST /api/pipelines/connections HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_token.toUtf8()
                    + "\r\nContent-Length: 100\r\n\r\n{\"na");
            s.flush();
            s.abort();
        }
        QCOMPARE(m_t->client(m_token)->get(u"/api/health"_s).status, 200);

        // Clients that send a whole request and hang up before the answer: the handler runs (the
        // connections exist), its answer finds nobody, and the server goes on.
        const auto names = [this] {
            QStringList out;
            const auto list = m_t->client(m_token)->get(u"/api/pipelines/connections"_s).json().value(u"connections"_s).toArray();
            for (const auto &c : list)
                out.append(c.toObject().value(u"name"_s).toString());
            return out;
        };
        const QByteArray body = "{\"type\":\"CRM_PLATFORM\",\"credentials\":{\"apiKey\":\"k\"},\"name\":\"Abandoned";
        for (int i = 0; i < 10; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_t->port());
            QVERIFY(s.waitForConnected(2000));
            const QByteArray json = body + QByteArray::number(i) + "\"}";
            s.write("POST /api/pipelines/connections HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_t->port())
                    + "\r\nAuthorization: Bearer " + m_token.toUtf8() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(json.size()) + "\r\n\r\n" + json);
            QVERIFY(s.waitForBytesWritten(2000));
            s.disconnectFromHost();
        }
        QTRY_COMPARE_WITH_TIMEOUT(names().filter(u"Abandoned"_s).size(), 10, 10000);
        QCOMPARE(m_t->client(m_token)->get(u"/api/health"_s).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestApiHostile)
#include "tst_api_hostile.moc"
