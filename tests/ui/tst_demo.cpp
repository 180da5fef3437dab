// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionlistmodel.h"
#include "demosandbox.h"
#include "engine.h"
#include "mainwindow.h"
#include "runservice.h"
#include "syncworkerpool.h"
#include "triggerservice.h"
#include "uitestsupport.h"

#include <QAction>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** `--demo`: the sandbox fakes, a Demo workspace with one connection per type, and every one syncs from the window. */
class TestDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(Test::installTranslation(QLocale::English));
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
        QVERIFY(services.size() >= 8);
        auto made = sandbox.populate(&engine.engine(), (*session)->caller());
        QVERIFY(made);
        QCOMPARE(*made, int(services.size()));
        // A second start finds them again instead of adding more.
        auto again = sandbox.populate(&engine.engine(), (*session)->caller());
        QVERIFY(again);
        QCOMPARE(*again, 0);

        engine.engine().syncWorkers()->start(4);
        MainWindow window(&engine.engine());
        window.attachSession(session->get());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.connectionModel()->rowCount(), int(services.size()));
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)); // Run All
        auto allDone = [&] {
            for (int row = 0; row < window.connectionModel()->rowCount(); ++row) {
                const QString status = window.connectionModel()->index(row, 0).data(ConnectionListModel::LastRunStatusRole).toString();
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
