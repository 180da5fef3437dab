// SPDX-License-Identifier: GPL-3.0-or-later
// The OAuth token client against a token endpoint on 127.0.0.1 that answers what each test
// scripts: lifetimes of every size and shape, an oversized answer, and an endpoint on an address
// the outbound policy refuses.
#include "connectors/http/outboundaddresspolicy.h"
#include "connectors/oauth/oauthtokenclient.h"

#include <QCoroTask>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

/** A token endpoint that answers every request with one scripted body. */
class TokenEndpoint : public QObject
{
public:
    QByteArray answer;
    int requests = 0;

    bool start()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    ++requests;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(answer.size()) + "\r\nConnection: close\r\n\r\n" + answer);
                    socket->disconnectFromHost();
                });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    [[nodiscard]] QString origin() const { return u"http://127.0.0.1:"_s + QString::number(m_server.serverPort()); }

private:
    QTcpServer m_server;
};

Result<OAuthTokens> refreshAt(const QString &authBaseUrl)
{
    QNetworkAccessManager network;
    OAuthTokenClient client(OAuthProfile::forType(u"ACCOUNTING"_s), QJsonObject{{u"authBaseUrl"_s, authBaseUrl}}, &network);
    client.setMaxRetries(0);
    client.setTimeoutMs(10000);
    return QCoro::waitFor(client.refresh(u"client-id"_s, u"client-secret-5c1f"_s, u"refresh-token-77aa"_s));
}

} // namespace

/** OAuthTokenClient: token answers are bounded in size and lifetime, and go to allowed addresses only. */
class TestOAuthTokenClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(OAuthProfile::forType(u"ACCOUNTING"_s)); }
    void cleanup() { OutboundAddressPolicy::install(OutboundAddressPolicy::allowAll()); }

    void expiresInIsClamped_data()
    {
        QTest::addColumn<QByteArray>("expiresIn"); // JSON text of the member; empty: absent
        QTest::addColumn<qint64>("seconds");
        const qint64 year = OAuthTokenClient::MaxTokenLifetimeSeconds;
        const qint64 fallback = OAuthProfile::forType(u"ACCOUNTING"_s)->defaultTokenLifetimeSeconds;
        QTest::newRow("an hour") << QByteArray("3600") << qint64(3600);
        QTest::newRow("an hour as text") << QByteArray(R"("3600")") << qint64(3600);
        QTest::newRow("absent: the provider's default") << QByteArray() << fallback;
        QTest::newRow("not a number: the provider's default") << QByteArray(R"("soon")") << fallback;
        QTest::newRow("ten seconds") << QByteArray("10") << qint64(60);
        QTest::newRow("zero") << QByteArray("0") << qint64(60);
        QTest::newRow("negative") << QByteArray("-86400") << qint64(60);
        QTest::newRow("NaN as text") << QByteArray(R"("nan")") << qint64(60);
        QTest::newRow("ten years") << QByteArray("315360000") << year;
        QTest::newRow("beyond qint64") << QByteArray("1e19") << year;
        QTest::newRow("huge") << QByteArray("1e308") << year;
        QTest::newRow("huge as text") << QByteArray(R"("99999999999999999999999999")") << year;
        QTest::newRow("infinite as text") << QByteArray(R"("inf")") << year;
    }
    void expiresInIsClamped()
    {
        QFETCH(QByteArray, expiresIn);
        QFETCH(qint64, seconds);
        TokenEndpoint endpoint;
        endpoint.answer = R"({"access_token":"at-1","refresh_token":"rt-2","token_type":"Bearer")"
            + (expiresIn.isEmpty() ? QByteArray() : ",\"expires_in\":" + expiresIn) + '}';
        QVERIFY(endpoint.start());
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const Result<OAuthTokens> tokens = refreshAt(endpoint.origin());
        QVERIFY2(tokens.ok(), tokens.ok() ? "" : qPrintable(tokens.error().message));
        QCOMPARE(tokens->accessToken, u"at-1"_s);
        const qint64 lifetime = before.secsTo(tokens->expiresAt);
        QVERIFY2(lifetime >= seconds - 5 && lifetime <= seconds + 5, qPrintable(QString::number(lifetime)));
    }

    void oversizedAnswerRefused()
    {
        TokenEndpoint endpoint;
        endpoint.answer = "{\"access_token\":\"at-1\",\"padding\":\"" + QByteArray(2 * 1024 * 1024, 'x') + "\"}";
        QVERIFY(endpoint.start());
        const Result<OAuthTokens> tokens = refreshAt(endpoint.origin());
        QVERIFY(!tokens.ok());
        QVERIFY2(tokens.error().message.contains(u"1024 KiB"_s), qPrintable(tokens.error().message));
        QVERIFY(!tokens.error().message.contains(u"refresh-token-77aa"_s));
    }

    void internalEndpointRefused_data()
    {
        QTest::addColumn<bool>("restricted");
        QTest::newRow("server") << true;
        QTest::newRow("allow-private") << false;
    }
    void internalEndpointRefused()
    {
        QFETCH(bool, restricted);
        TokenEndpoint endpoint;
        endpoint.answer = R"({"access_token":"at-1","expires_in":3600})";
        QVERIFY(endpoint.start());
        if (restricted)
            OutboundAddressPolicy::install(OutboundAddressPolicy::publicOnly());
        const Result<OAuthTokens> tokens = refreshAt(endpoint.origin());
        QCOMPARE(tokens.ok(), !restricted);
        QCOMPARE(endpoint.requests, restricted ? 0 : 1);
        if (restricted) {
            QVERIFY2(tokens.error().message.contains(u"127.0.0.1"_s), qPrintable(tokens.error().message));
            QVERIFY(!tokens.error().message.contains(u"client-secret-5c1f"_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestOAuthTokenClient)
#include "tst_oauthtokenclient.moc"
