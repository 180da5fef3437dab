// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktopapiserver.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/store/settingsstore.h"
#include "models/apiservercontroller.h"
#include "ui/settingsdialog.h"
#include "uitestsupport.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** Settings: the API server follows them, they persist, and preferences reach the engine. */
class TestSettingsDialog : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::GuiFixture> m_f;

    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    static void ok(SettingsDialog *dialog)
    {
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(Test::installTranslation(QLocale::English));
    }

    void init()
    {
        m_f = std::make_unique<Test::GuiFixture>();
        QVERIFY(m_f->ok());
    }

    void cleanup() { m_f.reset(); }

    void apiServerFollowsSettings()
    {
        DesktopApiServer server(&m_f->engine.engine());
        ApiServerController controller(&server, m_f->engine.engine().settings());
        controller.setCommandLine(QHostAddress(QHostAddress::LocalHost), freePort(), true, {}, 4, false);
        controller.start();
        QVERIFY(controller.isRunning());

        SettingsDialog dialog(m_f->session.get(), &controller);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        Test::screenshot(&dialog, u"settings"_s);
        const QStringList unnamed = Test::unnamedControls(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u"; "_s)));
        // The key store is named.
        const auto labels = dialog.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [&](QLabel *l) { return l->text() == m_f->engine.engine().keyStoreDescription(); }));

        const quint16 port = freePort();
        dialog.portBox()->setFocus();
        QTest::keySequence(dialog.portBox(), QKeySequence::SelectAll);
        QTest::keyClicks(dialog.portBox(), QString::number(port));
        dialog.publicUrlEdit()->setFocus();
        QTest::keyClicks(dialog.publicUrlEdit(), u"https://pipelines.example.com"_s);
        dialog.workersBox()->setValue(2);
        QSignalSpy workers(&controller, &ApiServerController::workersChanged);
        ok(&dialog);
        QVERIFY(controller.isRunning());
        QCOMPARE(server.port(), port);
        QCOMPARE(server.publicUrl(), QUrl(u"https://pipelines.example.com"_s));
        QCOMPARE(workers.count(), 1);
        QCOMPARE(m_f->engine.engine().settings()->value(u"gui.apiServer.port"_s), QString::number(port));

        // Off, and saved so: a new controller reads it back.
        SettingsDialog again(m_f->session.get(), &controller);
        again.show();
        again.apiEnabledBox()->setFocus();
        QTest::keyClick(again.apiEnabledBox(), Qt::Key_Space);
        ok(&again);
        QVERIFY(!controller.isRunning());
        QCOMPARE(controller.stateText(), u"API server: off"_s);
        DesktopApiServer second(&m_f->engine.engine());
        ApiServerController reread(&second, m_f->engine.engine().settings());
        QVERIFY(!reread.config().enabled);
        QCOMPARE(reread.config().port, port);
        QCOMPARE(reread.config().workers, 2);
    }

    void badPublicUrlIsRefused()
    {
        DesktopApiServer server(&m_f->engine.engine());
        ApiServerController controller(&server, m_f->engine.engine().settings());
        controller.setCommandLine(QHostAddress(QHostAddress::LocalHost), freePort(), true, {}, 4, false);
        SettingsDialog dialog(m_f->session.get(), &controller);
        dialog.show();
        dialog.publicUrlEdit()->setText(u"not a url"_s);
        ok(&dialog);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.focusWidget(), dialog.publicUrlEdit());
    }

    void notificationPreferences()
    {
        DesktopApiServer server(&m_f->engine.engine());
        ApiServerController controller(&server, m_f->engine.engine().settings());
        controller.setCommandLine(QHostAddress(QHostAddress::LocalHost), freePort(), true, {}, 4, false);
        SettingsDialog dialog(m_f->session.get(), &controller);
        dialog.show();
        QVERIFY(dialog.notifySuccessBox()->isChecked());
        dialog.notifySuccessBox()->setFocus();
        QTest::keyClick(dialog.notifySuccessBox(), Qt::Key_Space);
        ok(&dialog);
        const auto prefs = m_f->engine.engine().identity()->preferences(m_f->session->userId());
        QVERIFY(!prefs.onSuccess);
        QVERIFY(prefs.onFailure);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
