// SPDX-License-Identifier: GPL-3.0-or-later
// The provider client against small servers on 127.0.0.1 that misbehave on purpose: a connection
// reset in the middle of a body, a redirect to another origin, a host that does not resolve, and a
// plain-TCP server spoken to over https; the outbound address policy, which refuses internal
// addresses (each range, a name that resolves to one, a redirect to one) unless they are allowed,
// and answers that are too large.
#include "connectors/http/outboundaddresspolicy.h"
#include "connectors/http/providerhttpclient.h"

#include <QCoroTask>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

const QString ApiKey = u"sk-test-0123456789abcdef"_s;
const QString Password = u"basic-password-9876"_s;

/** A TCP server that hands each request (or, raw, the first bytes) to a script and records it. */
class ScriptServer : public QObject
{
public:
    using Script = std::function<void(QTcpSocket *socket, const QByteArray &request)>;
    bool raw = false; // not HTTP: answer whatever arrives first
    Script script;
    QList<QByteArray> requests;

    bool start()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    if (!raw && !buffer->contains("\r\n\r\n"))
                        return;
                    const QByteArray request = std::exchange(*buffer, {});
                    requests.append(request);
                    script(socket, request);
                });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] QString origin(const QString &scheme = u"http"_s) const
    {
        return scheme + u"://127.0.0.1:"_s + QString::number(port());
    }

private:
    QTcpServer m_server;
};

QByteArray okResponse(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
        + body;
}

/** One header of a raw request, or empty. */
QByteArray requestHeader(const QByteArray &request, const QByteArray &name)
{
    const QList<QByteArray> lines = request.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

/** Whether a raw request carries the API key: in `header`, or (no header) in its query. */
bool carriesCredential(const QByteArray &request, const QByteArray &header)
{
    if (!header.isEmpty())
        return !requestHeader(request, header).isEmpty();
    const QByteArray line = request.left(request.indexOf("\r\n"));
    return line.contains(QByteArray("api_key=" + QUrl::toPercentEncoding(ApiKey)));
}

std::shared_ptr<ConnectorManifest> manifestWith(ConnectorManifest::Auth::Kind kind)
{
    auto manifest = std::make_shared<ConnectorManifest>();
    manifest->type = u"TEST"_s;
    manifest->provider = u"Testprovider"_s;
    manifest->errorMessagePaths = {{u"message"_s}};
    manifest->auth.kind = kind;
    switch (kind) {
    case ConnectorManifest::Auth::Kind::Bearer: manifest->auth.credential = u"apiKey"_s; break;
    case ConnectorManifest::Auth::Kind::Header:
        manifest->auth.credential = u"apiKey"_s;
        manifest->auth.name = u"X-Api-Key"_s;
        break;
    case ConnectorManifest::Auth::Kind::Basic:
        manifest->auth.username = u"apiKey"_s;
        manifest->auth.password = u"password"_s;
        break;
    case ConnectorManifest::Auth::Kind::Query:
        manifest->auth.credential = u"apiKey"_s;
        manifest->auth.name = u"api_key"_s;
        break;
    }
    return manifest;
}

/** What one send() ended with. */
struct Outcome
{
    bool ok = false;
    QString message;
    QByteArray body;
    int status = 0;
};

Outcome outcomeOf(const Result<HttpExchange> &r)
{
    if (!r.ok())
        return {false, r.error().message, {}, 0};
    return {true, {}, r.value().body, r.value().status};
}

/** Sends GET `url` through a client for `manifest` with fast retries. */
Outcome get(const std::shared_ptr<ConnectorManifest> &manifest, const QString &baseUrl, const QString &path, int maxRetries = 0)
{
    QNetworkAccessManager network;
    const QJsonObject credentials{{u"apiKey"_s, ApiKey}, {u"password"_s, Password}};
    const QJsonObject config{{u"baseUrl"_s, baseUrl},
                             {u"maxRetries"_s, maxRetries},
                             {u"retryBaseMs"_s, 10},
                             {u"retryMaxDelayMs"_s, 10},
                             {u"timeoutMs"_s, 10000}};
    ProviderHttpClient client(manifest, credentials, config, &network, std::make_shared<CancelToken>());
    HttpCall call;
    call.url = client.urlFor(path, {});
    return outcomeOf(QCoro::waitFor(client.send(call, nullptr)));
}

/** True when `text` holds none of the credential values. */
bool freeOfSecrets(const QByteArray &text)
{
    return !text.contains(ApiKey.toUtf8()) && !text.contains(Password.toUtf8())
        && !text.contains((ApiKey + u':' + Password).toUtf8().toBase64());
}

} // namespace

/** ProviderHttpClient: transport failures end in clear errors; credentials stay with their origin. */
class TestProviderHttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { OutboundAddressPolicy::install(OutboundAddressPolicy::allowAll()); }

    void internalRanges_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("internal");
        for (const char *a : {"127.0.0.1", "127.255.3.4", "10.0.0.5", "10.255.255.255", "172.16.0.1", "172.31.255.254",
                              "192.168.1.1", "169.254.169.254", "0.0.0.0", "::", "::1", "fc00::1", "fdff::1", "fe80::1",
                              "febf::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254"})
            QTest::newRow(a) << QString::fromLatin1(a) << true;
        for (const char *a : {"8.8.8.8", "172.15.255.255", "172.32.0.1", "192.169.0.1", "11.0.0.1", "169.255.0.1",
                              "2606:4700::1111", "fec0::1", "::ffff:8.8.8.8"})
            QTest::newRow(a) << QString::fromLatin1(a) << false;
    }
    void internalRanges()
    {
        QFETCH(QString, address);
        QFETCH(bool, internal);
        const QHostAddress host(address);
        QVERIFY(!host.isNull());
        QCOMPARE(OutboundAddressPolicy::isInternal(host), internal);
        QCOMPARE(OutboundAddressPolicy::publicOnly().allows(host, 443), !internal);
        QVERIFY(OutboundAddressPolicy::allowAll().allows(host, 443));
    }

    void internalAddressesRefused_data()
    {
        QTest::addColumn<QString>("baseUrl"); // PORT: the test server's port
        QTest::addColumn<QString>("policy"); // server | allow-private | demo (this server's port) | demo-other
        QTest::addColumn<bool>("ok");
        QTest::newRow("loopback") << u"http://127.0.0.1:PORT"_s << u"server"_s << false;
        QTest::newRow("a name for loopback") << u"http://localhost:PORT"_s << u"server"_s << false;
        QTest::newRow("IPv4-mapped loopback") << u"http://[::ffff:127.0.0.1]:PORT"_s << u"server"_s << false;
        QTest::newRow("private 10/8") << u"http://10.0.0.5:8080"_s << u"server"_s << false;
        QTest::newRow("private 172.16/12") << u"http://172.16.4.2"_s << u"server"_s << false;
        QTest::newRow("private 192.168/16") << u"https://192.168.0.10"_s << u"server"_s << false;
        QTest::newRow("link-local metadata") << u"http://169.254.169.254"_s << u"server"_s << false;
        QTest::newRow("unspecified") << u"http://0.0.0.0:PORT"_s << u"server"_s << false;
        QTest::newRow("unique local IPv6") << u"http://[fd00::1]"_s << u"server"_s << false;
        QTest::newRow("link-local IPv6") << u"http://[fe80::1]"_s << u"server"_s << false;
        QTest::newRow("loopback IPv6") << u"http://[::1]:PORT"_s << u"server"_s << false;
        QTest::newRow("allowed: loopback") << u"http://127.0.0.1:PORT"_s << u"allow-private"_s << true;
        QTest::newRow("allowed: a name for loopback") << u"http://localhost:PORT"_s << u"allow-private"_s << true;
        QTest::newRow("demo: its port") << u"http://127.0.0.1:PORT"_s << u"demo"_s << true;
        QTest::newRow("demo: its port by name") << u"http://localhost:PORT"_s << u"demo"_s << true;
        QTest::newRow("demo: another port") << u"http://127.0.0.1:PORT"_s << u"demo-other"_s << false;
        QTest::newRow("demo: private 10/8") << u"http://10.0.0.5:8080"_s << u"demo"_s << false;
    }
    void internalAddressesRefused()
    {
        QFETCH(QString, baseUrl);
        QFETCH(QString, policy);
        QFETCH(bool, ok);
        ScriptServer server;
        server.script = [](QTcpSocket *socket, const QByteArray &) { socket->write(okResponse(R"({"items":[]})")); };
        QVERIFY(server.start());
        if (policy == u"server"_s)
            OutboundAddressPolicy::install(OutboundAddressPolicy::publicOnly());
        else if (policy == u"demo"_s)
            OutboundAddressPolicy::install(OutboundAddressPolicy::publicOnly({server.port()}));
        else if (policy == u"demo-other"_s)
            OutboundAddressPolicy::install(OutboundAddressPolicy::publicOnly({quint16(server.port() + 1)}));
        const QString url = QString(baseUrl).replace(u"PORT"_s, QString::number(server.port()));
        const Outcome result = get(manifestWith(ConnectorManifest::Auth::Kind::Bearer), url, u"/items"_s, 2);
        QVERIFY2(result.ok == ok, qPrintable(result.message));
        if (ok) {
            QCOMPARE(server.requests.size(), 1);
            // Pinned to the checked address, the request still names the host it was written for.
            QCOMPARE(requestHeader(server.requests.constFirst(), "Host"), QUrl(url).authority().toLatin1());
            return;
        }
        QCOMPARE(server.requests.size(), 0); // refused before connecting, and not retried
        QVERIFY2(result.message.contains(QUrl(url).host()), qPrintable(result.message));
        QVERIFY2(result.message.contains(u"--allow-private-hosts"_s), qPrintable(result.message));
        QVERIFY2(result.message.contains(u"GET /items"_s), qPrintable(result.message));
    }

    void redirectToAnInternalAddress_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::newRow("server (demo ports)") << u"demo"_s;
        QTest::newRow("allow-private") << u"allow-private"_s;
    }
    void redirectToAnInternalAddress()
    {
        QFETCH(QString, policy);
        ScriptServer inner;
        inner.script = [](QTcpSocket *socket, const QByteArray &) { socket->write(okResponse(R"({"secret":1})")); };
        QVERIFY(inner.start());
        ScriptServer outer;
        outer.script = [&inner](QTcpSocket *socket, const QByteArray &request) {
            const QByteArray line = request.left(request.indexOf("\r\n"));
            QByteArray location = "/next";
            if (line.contains("/away"))
                location = inner.origin().toLatin1() + "/steal";
            if (line.contains("/next")) {
                socket->write(okResponse(R"({"items":[]})"));
                return;
            }
            socket->write("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
        };
        QVERIFY(outer.start());
        OutboundAddressPolicy::install(policy == u"demo"_s ? OutboundAddressPolicy::publicOnly({outer.port()})
                                                           : OutboundAddressPolicy::allowAll());
        const auto manifest = manifestWith(ConnectorManifest::Auth::Kind::Bearer);
        // Within the origin, the redirect is followed to the checked address with the credentials.
        const Outcome followed = get(manifest, outer.origin(), u"/start"_s);
        QVERIFY2(followed.ok, qPrintable(followed.message));
        QCOMPARE(outer.requests.size(), 2);
        QVERIFY(carriesCredential(outer.requests.last(), "Authorization"));
        // To another address: never followed, whether or not that address is allowed.
        const Outcome refused = get(manifest, outer.origin(), u"/away"_s, 2);
        QVERIFY(!refused.ok);
        QCOMPARE(inner.requests.size(), 0);
        QVERIFY2(refused.message.contains(u"redirected"_s), qPrintable(refused.message));
    }

    void oversizedBody_data()
    {
        QTest::addColumn<bool>("declared"); // Content-Length says so, or the body just keeps coming
        QTest::newRow("Content-Length 65 MiB") << true;
        QTest::newRow("65 MiB until the connection closes") << false;
    }
    void oversizedBody()
    {
        QFETCH(bool, declared);
        const qint64 size = 65 * 1024 * 1024;
        ScriptServer server;
        server.script = [declared, size](QTcpSocket *socket, const QByteArray &) {
            QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
            head += declared ? QByteArray("Content-Length: " + QByteArray::number(size) + "\r\n\r\n")
                             : QByteArray("Connection: close\r\n\r\n");
            socket->write(head);
            const QByteArray chunk(1024 * 1024, ' ');
            for (qint64 sent = 0; sent < size; sent += chunk.size())
                socket->write(chunk);
            if (!declared)
                socket->disconnectFromHost();
        };
        QVERIFY(server.start());
        const Outcome result = get(manifestWith(ConnectorManifest::Auth::Kind::Bearer), server.origin(), u"/items"_s, 2);
        QVERIFY(!result.ok);
        QVERIFY2(result.message.contains(u"64 MiB"_s), qPrintable(result.message));
        QVERIFY2(result.message.contains(u"GET /items"_s), qPrintable(result.message));
        QCOMPARE(server.requests.size(), 1); // an oversized answer is not asked for again
    }

    void nonJsonErrorBodyIsNotRepeated()
    {
        ScriptServer server;
        server.script = [](QTcpSocket *socket, const QByteArray &) {
            const QByteArray body = "internal-service-banner version 1.2.3";
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        };
        QVERIFY(server.start());
        const Outcome result = get(manifestWith(ConnectorManifest::Auth::Kind::Bearer), server.origin(), u"/items"_s);
        QVERIFY(!result.ok);
        QVERIFY2(result.message.contains(u"HTTP 400"_s), qPrintable(result.message));
        QVERIFY2(!result.message.contains(u"banner"_s), qPrintable(result.message));
    }

    void resetMidBody_data()
    {
        QTest::addColumn<int>("resets"); // how many attempts meet the reset
        QTest::addColumn<int>("maxRetries");
        QTest::addColumn<bool>("ok");
        QTest::newRow("every attempt reset") << 3 << 2 << false;
        QTest::newRow("no retries") << 1 << 0 << false;
        QTest::newRow("reset once, then whole") << 1 << 2 << true;
    }
    void resetMidBody()
    {
        QFETCH(int, resets);
        QFETCH(int, maxRetries);
        QFETCH(bool, ok);
        QByteArray body = R"({"items":[)";
        for (int i = 0; i < 200; ++i)
            body += R"({"id":)" + QByteArray::number(i) + "},";
        body += R"({"id":200}]})";
        ScriptServer server;
        server.script = [&server, resets, body](QTcpSocket *socket, const QByteArray &) {
            if (server.requests.size() > resets) {
                socket->write(okResponse(body));
                return;
            }
            // The headers promise the whole body; a third of it arrives, then the connection drops.
            const QByteArray whole = okResponse(body);
            socket->write(whole.left(whole.size() - 2 * body.size() / 3));
            socket->flush();
            socket->abort();
        };
        QVERIFY(server.start());
        const Outcome result = get(manifestWith(ConnectorManifest::Auth::Kind::Bearer), server.origin(), u"/items"_s, maxRetries);
        QCOMPARE(result.ok, ok);
        QCOMPARE(server.requests.size(), ok ? resets + 1 : maxRetries + 1);
        if (ok) {
            QCOMPARE(result.status, 200);
            QCOMPARE(result.body, body);
        } else {
            // A truncated body is never handed on as if it were the page.
            QVERIFY2(result.message.contains(u"Testprovider"_s), qPrintable(result.message));
            QVERIFY2(result.message.contains(u"GET /items"_s), qPrintable(result.message));
            QVERIFY2(result.message.contains(u"closed the connection"_s), qPrintable(result.message));
        }
    }

    void redirect_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<QByteArray>("credentialHeader");
        QTest::addColumn<bool>("crossOrigin");
        using K = ConnectorManifest::Auth::Kind;
        QTest::newRow("bearer, other port") << int(K::Bearer) << QByteArray("Authorization") << true;
        QTest::newRow("api-key header, other port") << int(K::Header) << QByteArray("X-Api-Key") << true;
        QTest::newRow("basic, other port") << int(K::Basic) << QByteArray("Authorization") << true;
        // No header: the key rides in the query, and the redirect hands the query on.
        QTest::newRow("api key in the query, other port") << int(K::Query) << QByteArray() << true;
        QTest::newRow("bearer, same origin") << int(K::Bearer) << QByteArray("Authorization") << false;
        QTest::newRow("api-key header, same origin") << int(K::Header) << QByteArray("X-Api-Key") << false;
    }
    void redirect()
    {
        QFETCH(int, auth);
        QFETCH(QByteArray, credentialHeader);
        QFETCH(bool, crossOrigin);
        ScriptServer other;
        other.script = [](QTcpSocket *socket, const QByteArray &) { socket->write(okResponse(R"({"elsewhere":true})")); };
        QVERIFY(other.start());
        ScriptServer api;
        api.script = [&](QTcpSocket *socket, const QByteArray &request) {
            if (request.startsWith("GET /landing")) {
                socket->write(okResponse(R"({"landed":true})"));
                return;
            }
            const QByteArray line = request.left(request.indexOf("\r\n"));
            const qsizetype query = line.indexOf('?');
            const QByteArray keptQuery = query < 0 ? QByteArray() : line.mid(query, line.lastIndexOf(' ') - query);
            const QByteArray target = (crossOrigin ? other.origin().toLatin1() : QByteArray()) + "/landing" + keptQuery;
            socket->write("HTTP/1.1 302 Found\r\nLocation: " + target + "\r\nContent-Length: 0\r\n\r\n");
        };
        QVERIFY(api.start());

        const Outcome result = get(manifestWith(ConnectorManifest::Auth::Kind(auth)), api.origin(), u"/moved"_s);
        QVERIFY(!api.requests.isEmpty());
        QVERIFY2(carriesCredential(api.requests.first(), credentialHeader), api.requests.first().constData());
        if (!crossOrigin) {
            QVERIFY2(result.ok, qPrintable(result.message));
            QCOMPARE(result.body, QByteArray(R"({"landed":true})"));
            // Followed at the same origin, and the credentials went along.
            QVERIFY(api.requests.last().startsWith("GET /landing "));
            QVERIFY(carriesCredential(api.requests.last(), credentialHeader));
            return;
        }
        // The other origin never sees the credentials: it is not asked at all, and the error says why.
        for (const QByteArray &request : std::as_const(other.requests)) {
            QVERIFY2(requestHeader(request, "Authorization").isEmpty(), request.constData());
            QVERIFY2(requestHeader(request, "X-Api-Key").isEmpty(), request.constData());
            QVERIFY2(freeOfSecrets(request), request.constData());
        }
        QVERIFY(!result.ok);
        QCOMPARE(other.requests.size(), 0);
        QVERIFY2(result.message.contains(u"redirected"_s), qPrintable(result.message));
        QVERIFY2(result.message.contains(other.origin()), qPrintable(result.message));
        QVERIFY2(freeOfSecrets(result.message.toUtf8()), qPrintable(result.message));
    }

    void hostNotFound()
    {
        const Outcome result
            = get(manifestWith(ConnectorManifest::Auth::Kind::Bearer), u"http://no-such-provider.invalid"_s, u"/items"_s, 3);
        QVERIFY(!result.ok);
        QVERIFY2(result.message.contains(u"host not found"_s), qPrintable(result.message));
        QVERIFY2(result.message.contains(u"Check the API base URL"_s), qPrintable(result.message));
        QVERIFY2(result.message.contains(u"(no-such-provider.invalid)"_s), qPrintable(result.message));
        QVERIFY2(freeOfSecrets(result.message.toUtf8()), qPrintable(result.message));
    }

    void hostNotFoundAtTheProvidersOwnAddress()
    {
        // No base URL was entered: the message names the host and points at the network, not the field.
        auto manifest = manifestWith(ConnectorManifest::Auth::Kind::Bearer);
        manifest->baseUrl = u"http://api.no-such-provider.invalid"_s;
        const Outcome result = get(manifest, QString(), u"/items"_s, 3);
        QVERIFY(!result.ok);
        QVERIFY2(result.message.contains(u"(api.no-such-provider.invalid)"_s), qPrintable(result.message));
        QVERIFY2(result.message.contains(u"proxy"_s), qPrintable(result.message));
        QVERIFY2(!result.message.contains(u"base URL"_s), qPrintable(result.message));
    }

    void tlsToPlainServer_data()
    {
        QTest::addColumn<bool>("answersInPlainText");
        QTest::newRow("answers in plain HTTP") << true;
        QTest::newRow("closes without a word") << false;
    }
    void tlsToPlainServer()
    {
        QFETCH(bool, answersInPlainText);
        ScriptServer plain;
        plain.raw = true;
        plain.script = [answersInPlainText](QTcpSocket *socket, const QByteArray &) {
            if (answersInPlainText)
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        };
        QVERIFY(plain.start());
        const Outcome result = get(manifestWith(ConnectorManifest::Auth::Kind::Bearer), plain.origin(u"https"_s), u"/items"_s, 1);
        QVERIFY(!result.ok);
        QVERIFY(!plain.requests.isEmpty());
        // What arrived was a TLS handshake, never a request line carrying the credentials.
        for (const QByteArray &bytes : std::as_const(plain.requests))
            QVERIFY(!bytes.startsWith("GET ") && freeOfSecrets(bytes));
        QVERIFY2(result.message.contains(u"TLS"_s), qPrintable(result.message));
        QVERIFY2(result.message.contains(u"GET /items"_s), qPrintable(result.message));
    }
};

QTEST_GUILESS_MAIN(TestProviderHttpClient)
#include "tst_providerhttpclient.moc"
