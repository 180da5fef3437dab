// SPDX-License-Identifier: GPL-3.0-or-later
// `opbox-pipelines --server` as a process against the HubSpot fake on 127.0.0.1: without
// --allow-private-hosts a connection test and a run that would reach the fake fail and name the
// host, with the option (or OPBOX_ALLOW_PRIVATE_HOSTS=1) they reach it; --help lists the option.
#include "httpclient.h"
#include "hubspotfakeserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

QString binary()
{
    return QStringLiteral(OPBOX_BIN_DIR) + u"/opbox-pipelines"_s;
}

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"OPBOX_MASTER_KEY"_s, QString::fromLatin1(QByteArray(32, 'k').toBase64()));
    env.remove(u"OPBOX_ALLOW_PRIVATE_HOSTS"_s);
    return env;
}

} // namespace

/** The server's outbound address policy, end to end. */
class TestServerAddressPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpListsTheOption()
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(binary(), {u"--help"_s});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("--allow-private-hosts"));
    }

    void internalAddresses_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("viaEnvironment");
        QTest::addColumn<bool>("reached");
        QTest::newRow("default: refused") << QStringList() << false << false;
        QTest::newRow("--allow-private-hosts") << QStringList{u"--allow-private-hosts"_s} << false << true;
        QTest::newRow("OPBOX_ALLOW_PRIVATE_HOSTS=1") << QStringList() << true << true;
    }
    void internalAddresses()
    {
        QFETCH(QStringList, options);
        QFETCH(bool, viaEnvironment);
        QFETCH(bool, reached);
        Fakes::HubSpotFakeServer hubspot;
        QVERIFY(hubspot.start());
        hubspot.seed(u"contacts"_s, 3);
        QTemporaryDir dir;
        QProcessEnvironment env = environment();
        {
            QProcess token;
            token.setProcessEnvironment(env);
            token.start(binary(), {u"token"_s, u"create"_s, u"--user"_s, u"ops@example.com"_s, u"--data-dir"_s, dir.path()});
            QVERIFY(token.waitForFinished(30000));
            QCOMPARE(token.exitCode(), 0);
            env.insert(u"TEST_TOKEN"_s, QString::fromUtf8(token.readAllStandardOutput().trimmed()));
        }
        const QString apiToken = env.value(u"TEST_TOKEN"_s);
        env.remove(u"TEST_TOKEN"_s);
        if (viaEnvironment)
            env.insert(u"OPBOX_ALLOW_PRIVATE_HOSTS"_s, u"1"_s);
        QProcess server;
        server.setProcessEnvironment(env);
        server.start(binary(),
                     QStringList{u"--server"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()} + options);
        QVERIFY(server.waitForStarted());
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        while (!out.contains('\n') && clock.elapsed() < 20000) {
            server.waitForReadyRead(500);
            out += server.readAllStandardOutput();
        }
        const auto m = QRegularExpression(u"listening on (http://\\S+)"_s).match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        Test::HttpClient client(QUrl(m.captured(1)));
        client.setToken(apiToken);

        const QJsonObject body{
            {u"type"_s, u"CRM_PLATFORM"_s}, {u"credentials"_s, hubspot.credentials()}, {u"config"_s, hubspot.connectorConfig()}};
        const auto tested = client.post(u"/api/pipelines/connections/test"_s, body);
        QCOMPARE(tested.status, 200);
        QCOMPARE(tested.json().value(u"success"_s).toBool(), reached);
        if (!reached) {
            QVERIFY2(tested.json().value(u"message"_s).toString().contains(u"127.0.0.1"_s), tested.body.constData());
            QVERIFY2(tested.json().value(u"message"_s).toString().contains(u"--allow-private-hosts"_s), tested.body.constData());
        }

        QJsonObject connection = body;
        connection.insert(u"name"_s, u"Local CRM"_s);
        const auto created = client.post(u"/api/pipelines/connections"_s, connection);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        const auto triggered = client.post(u"/api/pipelines/connections/"_s + id + u"/runs"_s,
                                           QJsonObject{{u"streams"_s, QJsonArray{u"contacts"_s}}});
        QCOMPARE(triggered.status, 202);
        const QString runPath = u"/api/pipelines/connections/"_s + id + u"/runs/"_s + triggered.json().value(u"id"_s).toString();
        QJsonObject run;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                run = client.get(runPath).json();
                const QString status = run.value(u"status"_s).toString();
                return status == u"COMPLETED"_s || status == u"FAILED"_s;
            }(),
            30000);
        QCOMPARE(run.value(u"status"_s).toString(), reached ? u"COMPLETED"_s : u"FAILED"_s);
        if (!reached)
            QVERIFY2(run.value(u"error"_s).toString().contains(u"127.0.0.1"_s), qPrintable(run.value(u"error"_s).toString()));

        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerAddressPolicy)
#include "tst_serveraddresspolicy.moc"
