// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/demosandbox.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/services/triggerservice.h"
#include "engine/sync/syncworkerpool.h"
#include "models/connectionlistmodel.h"
#include "ui/mainwindow.h"
#include "uitestsupport.h"

#include <QAction>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** `--demo`: the sandbox fakes, a Demo workspace with one connection per type (OAuth ones authorized through the real flow), and every one syncs from the window. */
class TestDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        Test::isolateSettings();
        QVERIFY(Test::installTranslation(QLocale::English));
    }

    void serviceLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("ok");
        QTest::newRow("complete")
            << u"CRM_PLATFORM hubspot http://127.0.0.1:4711 config={\"baseUrl\":\"http://127.0.0.1:4711\"} credentials={\"apiKey\":\"k\"}"_s
            << true;
        QTest::newRow("no credentials") << u"CRM_PLATFORM hubspot http://127.0.0.1:4711 config={}"_s << false;
        QTest::newRow("broken json") << u"CRM_PLATFORM hubspot http://127.0.0.1:4711 config={ credentials={}"_s << false;
        QTest::newRow("not loopback") << u"CRM_PLATFORM hubspot http://example.com config={} credentials={}"_s << false;
        QTest::newRow("missing name") << u"CRM_PLATFORM http://127.0.0.1:4711 config={} credentials={}"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void serviceLine()
    {
        QFETCH(QString, line);
        QFETCH(bool, ok);
        const auto service = DemoSandbox::parseServiceLine(line);
        QCOMPARE(bool(service), ok);
        if (ok) {
            QCOMPARE(service->type, u"CRM_PLATFORM"_s);
            QCOMPARE(service->name, u"hubspot"_s);
            QCOMPARE(service->baseUrl, QUrl(u"http://127.0.0.1:4711"_s));
            QCOMPARE(service->config.value(u"baseUrl"_s).toString(), u"http://127.0.0.1:4711"_s);
            QCOMPARE(service->credentials.value(u"apiKey"_s).toString(), u"k"_s);
        } else {
            QVERIFY(service.error().message.contains(u"form it does not know"_s));
        }
    }

    void missingSandboxIsAnError()
    {
        DemoSandbox sandbox;
        QString error;
        QVERIFY(!sandbox.start(&error, u"/nonexistent/opbox-fake-services"_s));
        QVERIFY2(error.contains(u"did not start"_s), qPrintable(error));
    }

    void demoWorkspaceSyncs()
    {
        Test::TestEngine engine(false);
        QVERIFY(engine.ok());
        auto session = OwnerSession::open(&engine.engine(), DemoSandbox::workspaceName());
        QVERIFY(session);
        DemoSandbox sandbox;
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        const QStringList services = sandbox.describe();
        QVERIFY(services.size() >= 10);
        QSignalSpy authorized(&sandbox, &DemoSandbox::authorizationFinished);
        auto made = sandbox.populate(&engine.engine(), (*session)->caller());
        QVERIFY(made);
        QCOMPARE(*made, int(services.size()));
        // The OAuth types went through the engine's real flow against the fakes' consent.
        QTRY_COMPARE_WITH_TIMEOUT(authorized.count(), 2, 20000);
        for (const auto &signal : std::as_const(authorized))
            QVERIFY2(signal.at(1).toBool(), qPrintable(signal.at(2).toString()));
        auto statusOf = [&](const QString &type) {
            const auto list = engine.engine().connections()->list((*session)->caller());
            for (const ConnectionRecord &c : *list) {
                if (c.type == type)
                    return c.status;
            }
            return QString();
        };
        QCOMPARE(statusOf(u"ACCOUNTING"_s), u"CONNECTED"_s);
        QCOMPARE(statusOf(u"DOC_SIGNING"_s), u"CONNECTED"_s);
        // Tokens came from the flow: the stored credentials hold them (never shown), not typed ones.
        const auto connections = engine.engine().connections()->list((*session)->caller());
        QVERIFY(connections);
        for (const ConnectionRecord &c : *connections) {
            if (c.type == u"ACCOUNTING"_s || c.type == u"DOC_SIGNING"_s) {
                QVERIFY(c.credentialFields.contains(u"refresh_token"_s));
                QVERIFY(!c.config.value(u"authBaseUrl"_s).toString().isEmpty());
            }
        }
        // A second start finds them again instead of adding more, and authorizes the OAuth ones anew.
        authorized.clear();
        auto again = sandbox.populate(&engine.engine(), (*session)->caller());
        QVERIFY(again);
        QCOMPARE(*again, 0);
        QTRY_COMPARE_WITH_TIMEOUT(authorized.count(), 2, 20000);
        for (const auto &signal : std::as_const(authorized))
            QVERIFY2(signal.at(1).toBool(), qPrintable(signal.at(2).toString()));
        QCOMPARE(engine.engine().connections()->list((*session)->caller())->size(), services.size());
        QCOMPARE(statusOf(u"ACCOUNTING"_s), u"CONNECTED"_s);

        engine.engine().syncWorkers()->start(4);
        MainWindow window(&engine.engine());
        window.attachSession(session->get());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.connectionModel()->rowCount(), int(services.size()));
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)); // Run All
        auto allDone = [&] {
            for (int row = 0; row < window.connectionModel()->rowCount(); ++row) {
                const QString status
                    = window.connectionModel()->index(row, 0).data(ConnectionListModel::LastRunStatusRole).toString();
                if (status != u"COMPLETED"_s)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allDone(), 45000);
        Test::screenshot(&window, u"demo"_s);
        engine.engine().syncWorkers()->stop(u"test end"_s);
    }
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
