// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP adapter's error paths over real sockets: a status QtHttpServer has no reason phrase for,
// a client that hangs up before its answer, a handler that answers twice. After each, the server
// must still answer the next request.
#include "engine/api/httpserveradapter.h"
#include "rawhttp.h"

#include <QFile>
#include <QHostAddress>
#include <QMutex>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

using RawResponse = RawHttp::Response;
using RawHttp::takeResponse;

QByteArray request(const QByteArray &path)
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

/**
 * Whether the kernel has seen the server close its end of the connection from `clientPort`: the
 * client's end, half-closed by the client, has moved on to TIME_WAIT (or is gone).
 */
bool serverClosed(quint16 clientPort)
{
    QFile tcp(u"/proc/net/tcp"_s);
    if (!tcp.open(QIODevice::ReadOnly))
        return false;
    const QByteArray local = "0100007F:" + QByteArray::number(clientPort, 16).toUpper().rightJustified(4, '0');
    const QList<QByteArray> lines = tcp.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 3 && fields[1] == local)
            return fields[3] == "06"; // TIME_WAIT
    }
    return true;
}

} // namespace

/** HttpServerAdapter on 127.0.0.1: the answers it writes when handlers misbehave or clients leave. */
class TestHttpServerAdapter : public QObject
{
    Q_OBJECT

    std::unique_ptr<HttpServerAdapter> m_adapter;
    quint16 m_port = 0;
    // What the handler does with every request but /ping; replies kept for later are parked here.
    std::function<void(HttpRequest, HttpReply)> m_behaviour;
    QList<HttpReply> m_parked;
    int m_handled = 0;

    /** Sends one request on a fresh connection and reads its answer. */
    bool fetch(const QByteArray &path, RawResponse &out)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        socket.write(request(path));
        QByteArray buffer;
        return QTest::qWaitFor(
            [&] {
                buffer += socket.readAll();
                return takeResponse(buffer, out);
            },
            10000);
    }

    /** The server still answers a plain request with a 200 and its body. */
    void expectStillServing()
    {
        RawResponse r;
        QVERIFY2(fetch("/ping", r), "the server did not answer after the previous request");
        QCOMPARE(r.statusLine, QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(r.body, QByteArray("pong"));
    }

private Q_SLOTS:
    void init()
    {
        m_parked.clear();
        m_handled = 0;
        m_behaviour = {};
        m_adapter = std::make_unique<HttpServerAdapter>([this](HttpRequest request, HttpReply reply) {
            ++m_handled;
            if (request.path == u"/ping"_s)
                return reply(HttpResponse::text("pong"));
            QVERIFY(m_behaviour);
            m_behaviour(std::move(request), std::move(reply));
        });
        m_port = m_adapter->listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
    }
    void cleanup()
    {
        m_parked.clear();
        m_adapter.reset();
    }

    void statusLine_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("statusLine");
        QTest::newRow("known 200") << 200 << QByteArray("HTTP/1.1 200 OK");
        QTest::newRow("known 404") << 404 << QByteArray("HTTP/1.1 404 Not Found");
        QTest::newRow("known 429") << 429 << QByteArray("HTTP/1.1 429 Too Many Requests");
        QTest::newRow("known 503") << 503 << QByteArray("HTTP/1.1 503 Service Unavailable");
        // No reason phrase in QtHttpServer 6.4 (it would throw): the adapter answers 500 instead.
        QTest::newRow("unmapped 418") << 418 << QByteArray("HTTP/1.1 500 Internal Server Error");
        QTest::newRow("unmapped 299") << 299 << QByteArray("HTTP/1.1 500 Internal Server Error");
        QTest::newRow("unmapped 599") << 599 << QByteArray("HTTP/1.1 500 Internal Server Error");
        QTest::newRow("not a status: 0") << 0 << QByteArray("HTTP/1.1 500 Internal Server Error");
        QTest::newRow("not a status: 1000") << 1000 << QByteArray("HTTP/1.1 500 Internal Server Error");
    }
    void statusLine()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, statusLine);
        const QByteArray body = R"({"error":"teapot","code":"TEAPOT"})";
        m_behaviour = [status, body](HttpRequest, HttpReply reply) {
            HttpResponse response;
            response.status = status;
            response.body = body;
            reply(response);
        };
        if (!statusLine.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' '))) {
            QTest::ignoreMessage(QtWarningMsg,
                                 qPrintable(u"a handler answered with status %1 which cannot be sent; sent 500"_s.arg(status)));
        }
        RawResponse r;
        QVERIFY(fetch("/status", r));
        QCOMPARE(r.statusLine, statusLine);
        QCOMPARE(r.body, body);
        QCOMPARE(r.header("Content-Length"), QByteArray::number(body.size()));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        expectStillServing();
    }

    void clientGoneBeforeReply_data()
    {
        QTest::addColumn<bool>("fromOtherThread");
        QTest::addColumn<bool>("abortive");
        QTest::newRow("half-closed, server thread") << false << false;
        QTest::newRow("half-closed, worker thread") << true << false;
        QTest::newRow("reset, server thread") << false << true;
        QTest::newRow("reset, worker thread") << true << true;
    }
    void clientGoneBeforeReply()
    {
        QFETCH(bool, fromOtherThread);
        QFETCH(bool, abortive);
        m_behaviour = [this](HttpRequest, HttpReply reply) { m_parked.append(std::move(reply)); };
        {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            socket.write(request("/slow"));
            QTRY_COMPARE(m_parked.size(), 1);
            const quint16 clientPort = socket.localPort();
            if (abortive) {
                // Whether the server has seen the reset when the reply comes is left to chance:
                // both orders must be safe.
                socket.abort();
            } else {
                socket.disconnectFromHost();
                // The reply must find the server's socket closed, not race its closing.
                QTRY_VERIFY2(serverClosed(clientPort), "the server kept the half-closed connection open");
            }
        }
        HttpReply reply = m_parked.takeFirst();
        if (fromOtherThread) {
            std::unique_ptr<QThread> worker(QThread::create([reply] { reply(HttpResponse::text("late", 200)); }));
            worker->start();
            QVERIFY(worker->wait(10000));
        } else {
            reply(HttpResponse::text("late", 200));
        }
        expectStillServing();
        if (QTest::currentTestFailed())
            return;
        expectStillServing();
    }

    void doubleReply_data()
    {
        QTest::addColumn<bool>("secondFromOtherThread");
        QTest::newRow("both on the server thread") << false;
        QTest::newRow("second from a worker thread") << true;
    }
    void doubleReply()
    {
        QFETCH(bool, secondFromOtherThread);
        m_behaviour = [secondFromOtherThread](HttpRequest, HttpReply reply) {
            reply(HttpResponse::text("first", 201));
            if (secondFromOtherThread) {
                std::unique_ptr<QThread> worker(QThread::create([reply] { reply(HttpResponse::text("second", 202)); }));
                worker->start();
                QVERIFY(worker->wait(10000));
            } else {
                reply(HttpResponse::text("second", 202));
            }
        };
        QTest::ignoreMessage(QtWarningMsg, "a request was answered twice; the second answer was dropped");

        // Both requests on one kept-alive connection: a second answer to the first request would
        // arrive where the answer to the second one belongs.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        socket.write(request("/twice"));
        QByteArray buffer;
        // QTRY_* evaluates its condition again after it holds: an answer is kept once it is read.
        const auto answered = [&socket, &buffer](RawResponse &out, bool &done) {
            buffer += socket.readAll();
            done = done || takeResponse(buffer, out);
            return done;
        };
        RawResponse first;
        bool firstRead = false;
        QTRY_VERIFY_WITH_TIMEOUT(answered(first, firstRead), 10000);
        QCOMPARE(first.statusLine, QByteArray("HTTP/1.1 201 Created"));
        QCOMPARE(first.body, QByteArray("first"));
        QCOMPARE(first.header("Content-Length"), QByteArray("5"));

        socket.write(request("/ping"));
        RawResponse next;
        bool nextRead = false;
        QTRY_VERIFY_WITH_TIMEOUT(answered(next, nextRead), 10000);
        QCOMPARE(next.statusLine, QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(next.body, QByteArray("pong"));
        QVERIFY2(buffer.isEmpty(), buffer.constData());
        QCOMPARE(m_handled, 2);
        expectStillServing();
    }
};

QTEST_GUILESS_MAIN(TestHttpServerAdapter)
#include "tst_httpserveradapter.moc"
