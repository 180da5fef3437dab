// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionlistmodel.h"
#include "connectionservice.h"
#include "connectortypemodel.h"
#include "connectortypepage.h"
#include "credentialspage.h"
#include "engine.h"
#include "mainwindow.h"
#include "memberlistmodel.h"
#include "newconnectionwizard.h"
#include "notifyrecipientspage.h"
#include "notifyrecipientswidget.h"
#include "schedulepage.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QRadioButton>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** The new-connection wizard, driven end to end with key and mouse events until the connection exists. */
class TestNewConnectionWizard : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::GuiFixture> m_f;

    static void clickNext(QWizard *wizard)
    {
        QAbstractButton *next = wizard->button(QWizard::NextButton);
        QVERIFY(next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
    }

    static void chooseType(NewConnectionWizard *wizard, const QString &type)
    {
        auto *page = qobject_cast<ConnectorTypePage *>(wizard->currentPage());
        QVERIFY(page);
        QTreeView *view = page->view();
        QModelIndex index;
        auto *model = qobject_cast<ConnectorTypeModel *>(view->model());
        index = model->indexOfType(type);
        QVERIFY(index.isValid());
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        QCOMPARE(view->currentIndex(), index);
    }

    static void typeInto(QWidget *editor, const QString &text)
    {
        QVERIFY(editor);
        editor->setFocus();
        QTest::keySequence(editor, QKeySequence::SelectAll);
        QTest::keyClick(editor, Qt::Key_Backspace);
        QTest::keyClicks(editor, text);
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

    void endToEndFromMainWindow()
    {
        // A second member to choose as the only recipient.
        (void)m_f->engine.addUser(u"ann@example.com"_s, Role::Member);
        const QString ann = m_f->engine.userId(u"ann@example.com"_s);

        MainWindow window(&m_f->engine.engine());
        window.attachSession(m_f->session.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keySequence(&window, QKeySequence::New);
        auto *wizard = Test::waitForDialog<NewConnectionWizard>(&window);
        QVERIFY(wizard);
        QVERIFY(QTest::qWaitForWindowExposed(wizard));
        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::TypePageId));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        Test::screenshot(wizard, u"wizard-1-type"_s);

        chooseType(wizard, u"SUPPORT"_s);
        clickNext(wizard);
        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::CredentialsPageId));
        auto *credentials = qobject_cast<CredentialsPage *>(wizard->currentPage());
        QVERIFY(credentials);
        // Required fields empty: Next is disabled.
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        auto *token = qobject_cast<QLineEdit *>(credentials->editor(u"credential:apiToken"_s));
        QVERIFY(token);
        QCOMPARE(token->echoMode(), QLineEdit::Password); // secrets are masked
        typeInto(credentials->editor(u"name"_s), u"Helpdesk"_s);
        typeInto(credentials->editor(u"credential:email"_s), u"agent@example.com"_s);
        typeInto(token, u"zendesk-token"_s);
        typeInto(credentials->editor(u"config:subdomain"_s), u"acme"_s);
        // A bad URL is refused with a message, and the page stays.
        typeInto(credentials->editor(u"config:baseUrl"_s), u"ftp://nope"_s);
        Test::screenshot(wizard, u"wizard-2-credentials"_s);
        clickNext(wizard);
        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::CredentialsPageId));
        const auto labels = credentials->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
            return l->isVisible() && l->text().contains(u"http://"_s);
        }));
        typeInto(credentials->editor(u"config:baseUrl"_s), QString());
        clickNext(wizard);

        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::SchedulePageId));
        auto *schedule = qobject_cast<SchedulePage *>(wizard->currentPage());
        QVERIFY(schedule);
        Test::clickButton(schedule->frequencyButton(u"weekly"_s));
        QVERIFY(schedule->frequencyButton(u"weekly"_s)->isChecked());
        Test::screenshot(wizard, u"wizard-3-schedule"_s);
        clickNext(wizard);

        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::NotifyPageId));
        auto *notify = qobject_cast<NotifyRecipientsPage *>(wizard->currentPage());
        QVERIFY(notify);
        Test::clickButton(notify->recipients()->someButton());
        QVERIFY(notify->recipients()->someButton()->isChecked());
        // "Only these people" with nobody checked is not a valid choice.
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QListView *members = notify->recipients()->view();
        const int annRow = [&] {
            for (int r = 0; r < members->model()->rowCount(); ++r) {
                if (members->model()->index(r, 0).data(MemberListModel::UserIdRole).toString() == ann)
                    return r;
            }
            return -1;
        }();
        QVERIFY(annRow >= 0);
        members->setFocus();
        members->setCurrentIndex(members->model()->index(annRow, 0));
        QTest::keyClick(members, Qt::Key_Space);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        Test::screenshot(wizard, u"wizard-4-notify"_s);
        clickNext(wizard);

        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::SummaryPageId));
        Test::screenshot(wizard, u"wizard-5-summary"_s);
        const auto summary = wizard->currentPage()->findChildren<QLabel *>();
        QVERIFY(std::any_of(summary.begin(), summary.end(), [](QLabel *l) { return l->text().contains(u"Helpdesk"_s); }));
        // No secret on the summary.
        QVERIFY(std::none_of(summary.begin(), summary.end(), [](QLabel *l) { return l->text().contains(u"zendesk-token"_s); }));
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

        // The connection exists in the engine with everything the pages collected.
        QTRY_COMPARE(window.connectionModel()->rowCount(), 1);
        auto list = m_f->engine.engine().connections()->list(m_f->session->caller());
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        const QJsonObject c = list->first().toObject();
        QCOMPARE(c.value(u"name"_s).toString(), u"Helpdesk"_s);
        QCOMPARE(c.value(u"type"_s).toString(), u"SUPPORT"_s);
        QCOMPARE(c.value(u"config"_s).toObject().value(u"subdomain"_s).toString(), u"acme"_s);
        QVERIFY(!c.value(u"config"_s).toObject().contains(u"baseUrl"_s));
        QCOMPARE(c.value(u"schedule"_s).toObject().value(u"frequency"_s).toString(), u"weekly"_s);
        QVERIFY(c.value(u"schedule"_s).toObject().value(u"enabled"_s).toBool());
        QCOMPARE(c.value(u"notifyUserIds"_s).toArray(), QJsonArray{ann});
        QStringList fields;
        for (const auto &v : c.value(u"credentialFields"_s).toArray())
            fields.append(v.toString());
        fields.sort();
        QCOMPARE(fields, (QStringList{u"apiToken"_s, u"email"_s}));
        auto stored = m_f->engine.engine().connections()->credentials(c.value(u"id"_s).toString());
        QVERIFY(stored);
        QCOMPARE(stored->value(u"apiToken"_s).toString(), u"zendesk-token"_s);
        // The main window selected the new connection.
        QCOMPARE(window.currentConnectionId(), c.value(u"id"_s).toString());
    }

    void listConfigAndKeyboardOnly()
    {
        // REGISTRY needs a list of company numbers; everything done with the keyboard.
        NewConnectionWizard wizard(m_f->session.get());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.preselectType(u"REGISTRY"_s);
        QTest::keyClick(&wizard, Qt::Key_Return);
        QTRY_COMPARE(wizard.currentId(), int(NewConnectionWizard::CredentialsPageId));
        auto *page = qobject_cast<CredentialsPage *>(wizard.currentPage());
        QVERIFY(page);
        typeInto(page->editor(u"credential:apiKey"_s), u"ch-key"_s);
        typeInto(page->editor(u"config:companyNumbers"_s), u"00000006, 12345678"_s);
        QTest::keyClick(page->editor(u"config:companyNumbers"_s), Qt::Key_Return);
        QTRY_COMPARE(wizard.currentId(), int(NewConnectionWizard::SchedulePageId));
        auto *schedule = qobject_cast<SchedulePage *>(wizard.currentPage());
        schedule->enabledBox()->setFocus();
        QTest::keyClick(schedule->enabledBox(), Qt::Key_Space); // off: manual only
        QTest::keyClick(&wizard, Qt::Key_Return);
        QTRY_COMPARE(wizard.currentId(), int(NewConnectionWizard::NotifyPageId));
        QTest::keyClick(&wizard, Qt::Key_Return);
        QTRY_COMPARE(wizard.currentId(), int(NewConnectionWizard::SummaryPageId));
        QTest::keyClick(&wizard, Qt::Key_Return);
        QTRY_VERIFY(!wizard.createdConnectionId().isEmpty());
        auto c = m_f->engine.engine().connections()->get(m_f->session->caller(), wizard.createdConnectionId());
        QVERIFY(c);
        QCOMPARE(c->value(u"config"_s).toObject().value(u"companyNumbers"_s).toArray(),
                 (QJsonArray{u"00000006"_s, u"12345678"_s}));
        QVERIFY(!c->value(u"schedule"_s).toObject().value(u"enabled"_s).toBool());
        QVERIFY(c->value(u"notifyUserIds"_s).toArray().isEmpty());
    }

    void typeChangeResetsForm()
    {
        NewConnectionWizard wizard(m_f->session.get());
        wizard.show();
        wizard.preselectType(u"CRM_PLATFORM"_s);
        clickNext(&wizard);
        auto *page = qobject_cast<CredentialsPage *>(wizard.currentPage());
        QVERIFY(page->editor(u"credential:apiKey"_s));
        wizard.back();
        wizard.preselectType(u"DEVELOPMENT"_s);
        clickNext(&wizard);
        QVERIFY(!page->editor(u"credential:apiKey"_s));
        QVERIFY(page->editor(u"credential:token"_s));
        QCOMPARE(qobject_cast<QLineEdit *>(page->editor(u"name"_s))->text(), u"Development"_s);
    }

    void accessibleNames()
    {
        NewConnectionWizard wizard(m_f->session.get());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QStringList unnamed = Test::unnamedControls(&wizard);
        wizard.preselectType(u"MESSAGING"_s);
        clickNext(&wizard);
        unnamed += Test::unnamedControls(&wizard);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u"; "_s)));
    }
};

QTEST_MAIN(TestNewConnectionWizard)
#include "tst_newconnectionwizard.moc"
