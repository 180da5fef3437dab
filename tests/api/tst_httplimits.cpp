// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP listener's limits over raw sockets: heads and bodies over the limits are refused with
// the error envelope before they are buffered, slow and idle connections are closed, a flood of
// idle connections cannot lock a client out, and the process's memory stays bounded while a
// 300 MB request is offered.
#include "engine/api/httpserveradapter.h"
#include "rawhttp.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Opbox;
using namespace std::chrono_literals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

/** One client connection and what it has read so far. */
struct Client
{
    QTcpSocket socket;
    QByteArray buffer;

    explicit Client(quint16 port) { socket.connectToHost(QHostAddress::LocalHost, port); }

    /** Reads what has arrived; true once a whole response is there (it is then taken). */
    bool poll(RawHttp::Response &out)
    {
        buffer += socket.readAll();
        return RawHttp::takeResponse(buffer, out);
    }
    [[nodiscard]] bool closed() const { return socket.state() == QAbstractSocket::UnconnectedState; }
};

QByteArray get(const QByteArray &path, const QByteArray &extraHeaders = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

/** A head of exactly `size` bytes (request line, headers, blank line) for GET /echo. */
QByteArray headOfSize(qint64 size)
{
    const QByteArray start = "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ";
    const QByteArray end = "\r\n\r\n";
    return start + QByteArray(size - start.size() - end.size(), 'p') + end;
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

/** HttpServerAdapter's listener on 127.0.0.1 with the product's limits and short timeouts. */
class TestHttpLimits : public QObject
{
    Q_OBJECT

    std::unique_ptr<HttpServerAdapter> m_adapter;
    quint16 m_port = 0;
    int m_handled = 0;
    QList<HttpReply> m_parked;

    /** The product's limits, with timeouts a test can wait for. */
    static HttpLimits shortLimits()
    {
        HttpLimits limits;
        limits.requestTimeout = 400ms;
        limits.refusedLinger = 300ms;
        return limits;
    }

    void start(const HttpLimits &limits)
    {
        m_adapter.reset();
        m_parked.clear();
        m_handled = 0;
        m_adapter = std::make_unique<HttpServerAdapter>(
            [this](HttpRequest request, HttpReply reply) {
                ++m_handled;
                if (request.path == u"/park"_s)
                    return m_parked.append(std::move(reply));
                if (request.path == u"/echo"_s)
                    return reply(HttpResponse::text(QByteArray::number(request.body.size())));
                reply(HttpResponse::text("pong"));
            },
            limits);
        m_port = m_adapter->listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
    }

    /** Sends `bytes` on a fresh connection and reads one response. */
    bool exchange(Client &client, const QByteArray &bytes, RawHttp::Response &out, int timeout = 10000)
    {
        client.socket.write(bytes);
        return QTest::qWaitFor([&] { return client.poll(out); }, timeout);
    }

    /** Waits for the next whole response on `client`. */
    static bool awaitResponse(Client &client, RawHttp::Response &out)
    {
        return QTest::qWaitFor([&] { return client.poll(out); }, 5000);
    }

    /** A refusal: the status, the envelope's code, and the connection closed after it. */
    void expectRefusal(Client &client, const RawHttp::Response &r, int status, const QString &code)
    {
        QVERIFY2(r.statusLine.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')), r.statusLine.constData());
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        const QJsonObject envelope = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(envelope.value(u"code"_s).toString(), code);
        QVERIFY(!envelope.value(u"error"_s).toString().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(client.closed(), 5000);
    }

    void expectStillServing()
    {
        Client client(m_port);
        RawHttp::Response r;
        QVERIFY2(exchange(client, get("/ping"), r), "the server did not answer a plain request");
        QCOMPARE(r.statusLine, QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(r.body, QByteArray("pong"));
    }

private Q_SLOTS:
    void init() { start(shortLimits()); }
    void cleanup()
    {
        m_parked.clear();
        m_adapter.reset();
    }

    void refusedRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("head one byte over 16 KiB") << headOfSize(16 * 1024 + 1) << 431 << u"HEADERS_TOO_LARGE"_s;
        QTest::newRow("200 KB header") << headOfSize(200 * 1000) << 431 << u"HEADERS_TOO_LARGE"_s;
        QByteArray many;
        for (int i = 0; i < 2000; ++i)
            many += "X-H" + QByteArray::number(i) + ": value\r\n";
        QTest::newRow("2000 headers") << get("/echo", many) << 431 << u"HEADERS_TOO_LARGE"_s;
        QTest::newRow("17 KiB of blank lines first")
            << QByteArray(17 * 1024, '\n') + get("/echo") << 431 << u"HEADERS_TOO_LARGE"_s;
        // Only the head is sent: the answer must come before any of the body.
        QTest::newRow("Content-Length 1 MiB + 1")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1048577\r\n\r\n") << 413
            << u"PAYLOAD_TOO_LARGE"_s;
        QTest::newRow("Content-Length 300 MB")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 300000000\r\n\r\n") << 413
            << u"PAYLOAD_TOO_LARGE"_s;
        QTest::newRow("chunk declared over 1 MiB")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n100001\r\n") << 413
            << u"PAYLOAD_TOO_LARGE"_s;
        // A complete chunked request rides on the Content-Length one: the two must not both count.
        QTest::newRow("Transfer-Encoding with Content-Length")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "0\r\n\r\n")
            << 400 << u"AMBIGUOUS_LENGTH"_s;
        QTest::newRow("two Content-Lengths")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400
            << u"INVALID_CONTENT_LENGTH"_s;
        QTest::newRow("Content-Length not a number")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999999999999\r\n\r\n") << 400
            << u"INVALID_CONTENT_LENGTH"_s;
        QTest::newRow("gzip transfer encoding")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n") << 400
            << u"UNSUPPORTED_TRANSFER_ENCODING"_s;
        QTest::newRow("chunk size not hex") << QByteArray(
            "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                            << 400 << u"MALFORMED_CHUNK"_s;
        QTest::newRow("HTTP/9.9") << QByteArray("GET /echo HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n") << 505
                                  << u"HTTP_VERSION_NOT_SUPPORTED"_s;
        QTest::newRow("HTTP/2.0") << QByteArray("GET /echo HTTP/2.0\r\n\r\n") << 505 << u"HTTP_VERSION_NOT_SUPPORTED"_s;
        QTest::newRow("no version") << QByteArray("GET /echo\r\n\r\n") << 400 << u"MALFORMED_REQUEST"_s;
        QTest::newRow("header without colon")
            << QByteArray("GET /echo HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n") << 400 << u"MALFORMED_REQUEST"_s;
    }
    void refusedRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, code);
        Client client(m_port);
        RawHttp::Response r;
        QVERIFY2(exchange(client, request, r), client.buffer.left(200).constData());
        expectRefusal(client, r, status, code);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_handled, 0);
        expectStillServing();
    }

    void acceptedRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("body"); // what the handler answers: the body's size
        QTest::newRow("head of exactly 16 KiB") << headOfSize(16 * 1024) << QByteArray("0");
        QTest::newRow("body of exactly 1 MiB") << "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1048576\r\n\r\n"
                + QByteArray(MiB, 'b') << QByteArray("1048576");
        QTest::newRow("chunked, with an extension")
            << "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk(QByteArray(70000, 'c'))
                + "10;name=value\r\n" + QByteArray(16, 'd') + "\r\n0\r\n\r\n"
            << QByteArray("70016");
        QTest::newRow("line feeds only") << QByteArray("GET /echo HTTP/1.1\nHost: 127.0.0.1\n\n") << QByteArray("0");
        QTest::newRow("HTTP/1.0") << QByteArray("GET /echo HTTP/1.0\r\n\r\n") << QByteArray("0");
    }
    void acceptedRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, body);
        Client client(m_port);
        RawHttp::Response r;
        QVERIFY2(exchange(client, request, r), client.buffer.left(200).constData());
        QVERIFY2(r.statusLine.endsWith(" 200 OK"), r.statusLine.constData());
        QCOMPARE(r.body, body);
        QCOMPARE(m_handled, 1);
    }

    void keptAliveRequestsAreFramedOneByOne()
    {
        // Three requests in one write, the middle one chunked: each reaches the handler whole.
        Client client(m_port);
        client.socket.write("POST /echo HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
                            "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + chunk("hello") + "0\r\n\r\n" + get("/echo"));
        QList<QByteArray> bodies;
        const auto allAnswered = [&client, &bodies] {
            RawHttp::Response r;
            while (client.poll(r))
                bodies.append(r.body);
            return bodies.size() >= 3;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allAnswered(), 10000);
        QCOMPARE(bodies, (QList<QByteArray>{"3", "5", "0"}));
    }

    void chunkedBodyIsRefusedAsItArrives()
    {
        // Chunks keep coming and never end: the refusal must come while they are still arriving.
        Client client(m_port);
        client.socket.write("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray piece = chunk(QByteArray(64 * 1024, 'x'));
        qint64 sent = 0;
        RawHttp::Response r;
        bool answered = false;
        QElapsedTimer clock;
        clock.start();
        while (!answered && !client.closed() && sent < 64 * MiB && clock.elapsed() < 20000) {
            if (client.socket.bytesToWrite() < MiB) {
                client.socket.write(piece);
                sent += piece.size();
            }
            QTest::qWait(1);
            answered = client.poll(r);
        }
        QVERIFY2(answered, qPrintable(u"no answer after %1 bytes"_s.arg(sent)));
        expectRefusal(client, r, 413, u"PAYLOAD_TOO_LARGE"_s);
        QCOMPARE(m_handled, 0);
    }

    void slowHeadersAreCut()
    {
        // One byte every 20 ms: the request would take seconds, the timeout is 400 ms, and the
        // trickle must not keep the connection alive.
        const QByteArray request = get("/ping", "X-Slow: " + QByteArray(200, 's') + "\r\n");
        Client client(m_port);
        qsizetype sent = 0;
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, this, [&] {
            if (sent < request.size() && !client.closed())
                client.socket.write(request.mid(sent++, 1));
        });
        trickle.start(20);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed(), 5000);
        QVERIFY2(sent < request.size(), "the whole request got through before the timeout");
        QCOMPARE(m_handled, 0);
        expectStillServing();
    }

    void lyingContentLengthIsCut()
    {
        Client client(m_port);
        client.socket.write("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nabc");
        QTRY_VERIFY_WITH_TIMEOUT(client.closed(), 5000);
        QVERIFY2(client.buffer.isEmpty() && client.socket.readAll().isEmpty(), "an answer to an incomplete request");
        QCOMPARE(m_handled, 0);
        expectStillServing();
    }

    void idleConnectionIsClosed()
    {
        Client client(m_port);
        RawHttp::Response r;
        QVERIFY(exchange(client, get("/ping"), r));
        QCOMPARE(r.body, QByteArray("pong"));
        QTRY_VERIFY_WITH_TIMEOUT(client.closed(), 5000);
    }

    void requestInProgressOutlivesTheTimeout()
    {
        Client busy(m_port);
        busy.socket.write(get("/park"));
        QTRY_COMPARE(m_parked.size(), 1);
        // A connection opened after the parked request started is closed by the timeout: by
        // then the parked request has been in progress for longer than the timeout.
        Client idle(m_port);
        QTRY_VERIFY_WITH_TIMEOUT(idle.closed(), 5000);
        QCOMPARE(busy.socket.state(), QAbstractSocket::ConnectedState);
        m_parked.takeFirst()(HttpResponse::text("late"));
        RawHttp::Response r;
        QVERIFY(awaitResponse(busy, r));
        QCOMPARE(r.body, QByteArray("late"));
    }

    void idleFloodCannotLockOut()
    {
        // 300 idle connections against the cap of 256: the oldest make room, and a real client
        // is served. Each idle one is answered once first, so they wait in a known order.
        HttpLimits limits;
        limits.requestTimeout = 60s;
        start(limits);
        QCOMPARE(limits.maxConnections, 256);
        std::vector<std::unique_ptr<Client>> idle;
        for (int i = 0; i < 300; ++i) {
            idle.push_back(std::make_unique<Client>(m_port));
            RawHttp::Response r;
            QVERIFY2(exchange(*idle.back(), get("/ping"), r), qPrintable(u"idle connection %1 got no answer"_s.arg(i)));
        }
        Client real(m_port);
        RawHttp::Response r;
        QVERIFY(exchange(real, get("/ping"), r));
        QCOMPARE(r.body, QByteArray("pong"));
        // 300 + 1 connections, 256 places: the 45 that waited longest were closed, in order.
        const auto closedCount
            = [&idle] { return std::count_if(idle.begin(), idle.end(), [](const auto &c) { return c->closed(); }); };
        QTRY_COMPARE_WITH_TIMEOUT(closedCount(), 45, 10000);
        for (int i = 0; i < 45; ++i)
            QVERIFY2(idle[size_t(i)]->closed(), qPrintable(u"connection %1 is still open"_s.arg(i)));
    }

    void evictionTakesTheLongestWaiting()
    {
        HttpLimits limits = shortLimits();
        limits.requestTimeout = 60s;
        limits.maxConnections = 3;
        start(limits);
        Client a(m_port);
        Client b(m_port);
        Client c(m_port);
        for (Client *client : {&a, &b, &c}) {
            RawHttp::Response r;
            QVERIFY(exchange(*client, get("/ping"), r));
        }
        // Half a request does not make `a` any younger: it has waited longest for a whole one.
        a.socket.write("GET /ping HT");
        QVERIFY(a.socket.waitForBytesWritten(5000));
        Client d(m_port);
        RawHttp::Response r;
        QVERIFY(exchange(d, get("/ping"), r));
        QTRY_VERIFY(a.closed());
        Client e(m_port);
        QVERIFY(exchange(e, get("/ping"), r));
        QTRY_VERIFY(b.closed());
        QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
        QVERIFY(exchange(c, get("/ping"), r));
        QCOMPARE(r.body, QByteArray("pong"));
    }

    void evictionNeverCutsARequestInProgress()
    {
        HttpLimits limits = shortLimits();
        limits.requestTimeout = 60s;
        limits.maxConnections = 2;
        start(limits);
        Client busy(m_port);
        busy.socket.write(get("/park"));
        QTRY_COMPARE(m_parked.size(), 1);
        Client idle(m_port);
        RawHttp::Response r;
        QVERIFY(exchange(idle, get("/ping"), r));
        // At the cap: the idle connection makes room, though the busy one is older.
        Client next(m_port);
        next.socket.write(get("/park"));
        QTRY_VERIFY(idle.closed());
        QTRY_COMPARE(m_parked.size(), 2);
        // Both remaining connections are being served: a third one is turned away.
        Client refused(m_port);
        QTRY_VERIFY(refused.closed());
        m_parked.takeFirst()(HttpResponse::text("first"));
        m_parked.takeFirst()(HttpResponse::text("second"));
        QVERIFY(awaitResponse(busy, r));
        QCOMPARE(r.body, QByteArray("first"));
        QVERIFY(awaitResponse(next, r));
        QCOMPARE(r.body, QByteArray("second"));
    }

    void memoryStaysBoundedWhile300MBAreOffered_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("piece"); // repeated until 300 MB are offered
        QTest::addColumn<int>("status");
        QTest::newRow("Content-Length body")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 300000000\r\n\r\n") << QByteArray(MiB, 'b')
            << 413;
        QTest::newRow("chunked body") << QByteArray(
            "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                      << chunk(QByteArray(MiB - 16, 'c')) << 413;
        QTest::newRow("one header") << QByteArray("GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ") << QByteArray(MiB, 'h')
                                    << 431;
    }
    void memoryStaysBoundedWhile300MBAreOffered()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, piece);
        QFETCH(int, status);
        const qint64 before = RawHttp::residentBytes();
        if (before < 0)
            QSKIP("no /proc/self/status here");
        qint64 peak = before;
        qint64 offered = 0;
        // A plain socket that goes on sending whatever the server answers, until the server
        // resets the connection or 300 MB are out: what a hostile client does.
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        sockaddr_in address = {};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK), 0);
        QByteArray pending = head;
        QByteArray received;
        bool reset = false;
        QElapsedTimer clock;
        clock.start();
        while (!reset && offered < 300 * 1000 * 1000 && clock.elapsed() < 60000) {
            if (pending.isEmpty()) {
                pending = piece;
                offered += piece.size();
            }
            const ssize_t sent = ::send(fd, pending.constData(), size_t(pending.size()), MSG_NOSIGNAL);
            if (sent > 0)
                pending.remove(0, sent);
            else if (errno != EAGAIN && errno != EWOULDBLOCK)
                reset = true;
            char buffer[4096];
            for (ssize_t got; (got = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
                received.append(buffer, got);
            QTest::qWait(0);
            peak = std::max(peak, RawHttp::residentBytes());
        }
        ::close(fd);
        RawHttp::Response r;
        const bool answered = RawHttp::takeResponse(received, r);
        QVERIFY2(answered, qPrintable(u"no answer after %1 MB offered"_s.arg(offered / 1000000)));
        QVERIFY2(r.statusLine.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')), r.statusLine.constData());
        qInfo("resident memory grew by %lld KiB while %lld MB were offered", (peak - before) / 1024, offered / 1000000);
        QVERIFY2(
            peak - before < 32 * MiB,
            qPrintable(
                u"resident memory grew by %1 MiB while %2 MB were offered"_s.arg((peak - before) / MiB).arg(offered / 1000000)));
        QCOMPARE(m_handled, 0);
        expectStillServing();
    }
};

QTEST_GUILESS_MAIN(TestHttpLimits)
#include "tst_httplimits.moc"
