// SPDX-License-Identifier: GPL-3.0-or-later
// The headless server's shutdown contract: SIGTERM while a sync runs → no new runs,
// the running one keeps its committed pages and reads CANCELLED "server shutdown", exit code 0.
#include "engine/security/vault.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"
#include "httpclient.h"
#include "hubspotfakeserver.h"
#include "testengine.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace Opbox;

class TestSyncServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Test::pinEnvironment(); }

    void sigtermCancelsTheRunningSync()
    {
        const QString app = QStringLiteral(OPBOX_BIN_DIR) + u"/opbox-pipelines"_s;
        if (!QFile::exists(app))
            QSKIP("opbox-pipelines is not built");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray key = Vault::generateKey();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OPBOX_MASTER_KEY"_s, QString::fromLatin1(key.toBase64()));
        env.insert(u"OPBOX_DATA_DIR"_s, dir.path());

        QProcess token;
        token.setProcessEnvironment(env);
        token.start(app, {u"token"_s, u"create"_s, u"--user"_s, u"ops@example.com"_s});
        QVERIFY(token.waitForFinished(20000));
        QCOMPARE(token.exitCode(), 0);
        const QString bearer = QString::fromLatin1(token.readAllStandardOutput()).trimmed();
        QVERIFY(!bearer.isEmpty());

        Fakes::HubSpotFakeServer hubspot;
        QVERIFY(hubspot.start());
        hubspot.setGeneratedContacts(200000);
        hubspot.setDelay(20);

        QProcess server;
        server.setProcessEnvironment(env);
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // The fakes listen on 127.0.0.1, which a server reaches only when allowed to.
        server.start(app, {u"--server"_s, u"--allow-private-hosts"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--workers"_s, u"2"_s});
        QVERIFY(server.waitForStarted(10000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += server.readAllStandardOutput()).contains("listening on"), 20000);
        const auto match = QRegularExpression(u"listening on (http://\\S+)"_s).match(QString::fromLatin1(out));
        QVERIFY(match.hasMatch());
        Test::HttpClient client{QUrl(match.captured(1))};
        client.setToken(bearer);

        const auto created = client.post(u"/api/pipelines/connections"_s,
                                         {{u"name"_s, u"Server CRM"_s},
                                          {u"type"_s, u"CRM_PLATFORM"_s},
                                          {u"credentials"_s, hubspot.credentials()},
                                          {u"config"_s, hubspot.connectorConfig()}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        const auto triggered
            = client.post(u"/api/pipelines/connections/%1/runs"_s.arg(id), {{u"streams"_s, QJsonArray{u"contacts"_s}}});
        QCOMPARE(triggered.status, 202);
        const QString runId = triggered.json().value(u"id"_s).toString();
        QTRY_VERIFY_WITH_TIMEOUT(
            client.get(u"/api/pipelines/connections/%1/runs/%2"_s.arg(id, runId)).json().value(u"rowsSynced"_s).toInt() >= 300,
            30000);

        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(30000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);

        qputenv("OPBOX_MASTER_KEY", key.toBase64());
        Engine engine(dir.path());
        QVERIFY(engine.open().ok());
        QVERIFY(engine.unlockWithKey(key).ok());
        const auto run = engine.runs()->store()->get(runId);
        QVERIFY(run.has_value());
        QCOMPARE(run->status, u"CANCELLED"_s);
        QCOMPARE(run->error, u"server shutdown"_s);
        QVERIFY(run->rowsSynced >= 300);
        const QString workspace = engine.connections()->recordById(id)->workspaceId;
        QSqlQuery q(engine.workspaceData()->database(workspace)->connection());
        QVERIFY(q.exec(u"SELECT COUNT(*), COUNT(DISTINCT id) FROM server_crm__contacts"_s) && q.next());
        QCOMPARE(q.value(0).toLongLong(), run->rowsSynced); // everything counted was committed
        QCOMPARE(q.value(1).toLongLong(), run->rowsSynced);
        hubspot.stop();
    }
};

QTEST_GUILESS_MAIN(TestSyncServer)
#include "tst_syncserver.moc"
