// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "fakeservicesuite.h"
#include "models/connectionlistmodel.h"
#include "models/connectortypemodel.h"
#include "models/memberlistmodel.h"
#include "models/streamlistmodel.h"
#include "ui/connectiontestpage.h"
#include "ui/connectortypepage.h"
#include "ui/credentialspage.h"
#include "ui/mainwindow.h"
#include "ui/newconnectionwizard.h"
#include "ui/notifyrecipientspage.h"
#include "ui/notifyrecipientswidget.h"
#include "ui/schedulepage.h"
#include "ui/streamselectionpage.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QApplication>
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
    std::unique_ptr<Fakes::FakeServiceSuite> m_fakes;

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

    /** Types a fake provider's credentials and config (its baseUrl included) into the generated form. */
    static void typeFake(CredentialsPage *page, Fakes::FakeProviderServer *fake)
    {
        const QJsonObject credentials = fake->credentials();
        for (auto it = credentials.begin(); it != credentials.end(); ++it) {
            typeInto(page->editor(u"credential:"_s + it.key()), it.value().toString());
            if (QTest::currentTestFailed())
                return;
        }
        const QJsonObject config = fake->connectorConfig();
        for (auto it = config.begin(); it != config.end(); ++it) {
            QString text = it.value().toString();
            if (it.value().isArray()) {
                QStringList items;
                for (const auto &v : it.value().toArray())
                    items.append(v.toString());
                text = items.join(u", "_s);
            }
            typeInto(page->editor(u"config:"_s + it.key()), text);
            if (QTest::currentTestFailed())
                return;
        }
    }

    /** Waits for the test page's answer from the provider (a fake on loopback). */
    static void waitForTest(NewConnectionWizard *wizard, bool expectSuccess)
    {
        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::TestPageId));
        auto *page = qobject_cast<ConnectionTestPage *>(wizard->currentPage());
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isTesting(), 20000);
        QCOMPARE(page->succeeded(), expectSuccess);
        QCOMPARE(wizard->button(QWizard::NextButton)->isEnabled(), expectSuccess);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(Test::installTranslation(QLocale::English));
        Fakes::FakeServiceSuite::Options options;
        options.records = 20;
        m_fakes = std::make_unique<Fakes::FakeServiceSuite>(options);
        QString error;
        QVERIFY2(m_fakes->start(&error), qPrintable(error));
    }

    void init()
    {
        m_f = std::make_unique<Test::GuiFixture>();
        QVERIFY(m_f->ok());
    }

    void cleanupTestCase() { m_fakes.reset(); }

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
        if (QTest::currentTestFailed())
            return;
        clickNext(wizard);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::CredentialsPageId));
        auto *credentials = qobject_cast<CredentialsPage *>(wizard->currentPage());
        QVERIFY(credentials);
        // Required fields empty: Next is disabled.
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        auto *token = qobject_cast<QLineEdit *>(credentials->editor(u"credential:apiToken"_s));
        QVERIFY(token);
        QCOMPARE(token->echoMode(), QLineEdit::Password); // secrets are masked
        typeInto(credentials->editor(u"name"_s), u"Helpdesk"_s);
        if (QTest::currentTestFailed())
            return;
        // A bad URL is refused with a message, and the page stays.
        typeInto(credentials->editor(u"config:baseUrl"_s), u"ftp://nope"_s);
        if (QTest::currentTestFailed())
            return;
        typeInto(credentials->editor(u"credential:email"_s), u"agent@example.com"_s);
        if (QTest::currentTestFailed())
            return;
        typeInto(token, u"x"_s);
        if (QTest::currentTestFailed())
            return;
        typeInto(credentials->editor(u"config:subdomain"_s), u"acme"_s);
        if (QTest::currentTestFailed())
            return;
        clickNext(wizard);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::CredentialsPageId));
        const auto labels = credentials->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [](QLabel *l) { return l->isVisible() && l->text().contains(u"http://"_s); }));
        // The fake Zendesk's real credentials and address.
        Fakes::FakeProviderServer *zendesk = m_fakes->server(u"SUPPORT"_s);
        QVERIFY(zendesk);
        typeInto(token, u"wrong-token"_s);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject fakeConfig = zendesk->connectorConfig();
        typeInto(credentials->editor(u"config:baseUrl"_s), fakeConfig.value(u"baseUrl"_s).toString());
        if (QTest::currentTestFailed())
            return;
        typeInto(credentials->editor(u"config:subdomain"_s), fakeConfig.value(u"subdomain"_s).toString(u"acme"_s));
        if (QTest::currentTestFailed())
            return;
        typeInto(credentials->editor(u"credential:email"_s), zendesk->credentials().value(u"email"_s).toString());
        if (QTest::currentTestFailed())
            return;
        Test::screenshot(wizard, u"wizard-2-credentials"_s);
        clickNext(wizard);
        if (QTest::currentTestFailed())
            return;

        // A refused credential: the provider's reason, and no way on (unless saving untested).
        waitForTest(wizard, false);
        if (QTest::currentTestFailed())
            return;
        auto *test = qobject_cast<ConnectionTestPage *>(wizard->currentPage());
        QVERIFY(!test->resultLabel()->text().isEmpty());
        Test::screenshot(wizard, u"wizard-3-test-failed"_s);
        QTest::mouseClick(wizard->button(QWizard::BackButton), Qt::LeftButton);
        typeInto(token, zendesk->credentials().value(u"apiToken"_s).toString());
        if (QTest::currentTestFailed())
            return;
        clickNext(wizard);
        if (QTest::currentTestFailed())
            return;
        waitForTest(wizard, true);
        if (QTest::currentTestFailed())
            return;
        Test::screenshot(wizard, u"wizard-3-test"_s);
        clickNext(wizard);
        if (QTest::currentTestFailed())
            return;

        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::StreamsPageId));
        auto *streams = qobject_cast<StreamSelectionPage *>(wizard->currentPage());
        QVERIFY(streams);
        QVERIFY(streams->model()->streamNames().contains(u"tickets"_s));
        QVERIFY(streams->model()->rowCount(streams->model()->index(0, 0)) > 0); // fields with types
        // Keyboard: uncheck the first stream with the space bar.
        streams->view()->setFocus();
        streams->view()->setCurrentIndex(streams->model()->index(0, 0));
        const QString firstStream = streams->model()->index(0, 0).data(StreamListModel::StreamNameRole).toString();
        QTest::keyClick(streams->view(), Qt::Key_Space);
        QVERIFY(!streams->model()->checkedStreams().contains(firstStream));
        Test::screenshot(wizard, u"wizard-4-streams"_s);
        clickNext(wizard);
        if (QTest::currentTestFailed())
            return;

        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::SchedulePageId));
        auto *schedule = qobject_cast<SchedulePage *>(wizard->currentPage());
        QVERIFY(schedule);
        Test::clickButton(schedule->frequencyButton(u"weekly"_s));
        QVERIFY(schedule->frequencyButton(u"weekly"_s)->isChecked());
        Test::screenshot(wizard, u"wizard-5-schedule"_s);
        clickNext(wizard);
        if (QTest::currentTestFailed())
            return;

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
        Test::screenshot(wizard, u"wizard-6-notify"_s);
        clickNext(wizard);
        if (QTest::currentTestFailed())
            return;

        QCOMPARE(wizard->currentId(), int(NewConnectionWizard::SummaryPageId));
        Test::screenshot(wizard, u"wizard-7-summary"_s);
        const auto summary = wizard->currentPage()->findChildren<QLabel *>();
        QVERIFY(std::any_of(summary.begin(), summary.end(), [](QLabel *l) { return l->text().contains(u"Helpdesk"_s); }));
        // No secret on the summary.
        const QString secret = zendesk->credentials().value(u"apiToken"_s).toString();
        QVERIFY(std::none_of(summary.begin(), summary.end(), [&](QLabel *l) { return l->text().contains(secret); }));
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

        // The connection exists in the engine with everything the pages collected.
        QTRY_COMPARE(window.connectionModel()->rowCount(), 1);
        auto list = m_f->engine.engine().connections()->list(m_f->session->caller());
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        const ConnectionRecord c = list->first();
        QCOMPARE(c.name, u"Helpdesk"_s);
        QCOMPARE(c.type, u"SUPPORT"_s);
        QCOMPARE(c.config.value(u"baseUrl"_s).toString(), fakeConfig.value(u"baseUrl"_s).toString());
        QCOMPARE(c.schedule.value(u"frequency"_s).toString(), u"weekly"_s);
        QVERIFY(c.schedule.value(u"enabled"_s).toBool());
        QCOMPARE(c.notifyUserIds, QJsonArray{ann});
        QStringList fields = c.credentialFields;
        fields.sort();
        QCOMPARE(fields, (QStringList{u"apiToken"_s, u"email"_s}));
        auto stored = m_f->engine.engine().connections()->credentials(c.id);
        QVERIFY(stored);
        QCOMPARE(stored->value(u"apiToken"_s).toString(), secret);
        // The main window selected the new connection.
        QCOMPARE(window.currentConnectionId(), c.id);
        // The first sync was queued with the streams left checked.
        const auto active = m_f->engine.engine().runs()->activeRun(c.id);
        QVERIFY(active);
        QVERIFY(!active->streams.contains(firstStream));
        QVERIFY(active->streams.contains(u"tickets"_s) || firstStream == u"tickets"_s);
        // The selection outlives the first run: it is the connection's config.streams, which every
        // later run (schedule, webhook, Run now) reads.
        QStringList selection;
        for (const auto &v : c.config.value(u"streams"_s).toArray())
            selection.append(v.toString());
        QVERIFY(!selection.isEmpty());
        QVERIFY(!selection.contains(firstStream));
        QCOMPARE(selection, QStringList(active->streams));
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
        Fakes::FakeProviderServer *registry = m_fakes->server(u"REGISTRY"_s);
        QVERIFY(registry);
        typeFake(page, registry);
        if (QTest::currentTestFailed())
            return;
        QTest::keyClick(page->editor(u"config:companyNumbers"_s), Qt::Key_Return);
        QTRY_COMPARE(wizard.currentId(), int(NewConnectionWizard::TestPageId));
        auto *test = qobject_cast<ConnectionTestPage *>(wizard.currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!test->isTesting(), 20000);
        QVERIFY2(test->succeeded(), qPrintable(test->resultLabel()->text()));
        QTest::keyClick(&wizard, Qt::Key_Return);
        QTRY_COMPARE(wizard.currentId(), int(NewConnectionWizard::StreamsPageId));
        auto *streams = qobject_cast<StreamSelectionPage *>(wizard.currentPage());
        streams->firstSyncBox()->setFocus();
        QTest::keyClick(streams->firstSyncBox(), Qt::Key_Space); // no first sync
        QTest::keyClick(&wizard, Qt::Key_Return);
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
        auto c = m_f->engine.engine().connections()->record(m_f->session->caller(), wizard.createdConnectionId());
        QVERIFY(c);
        QCOMPARE(c->config.value(u"companyNumbers"_s).toArray(),
                 registry->connectorConfig().value(u"companyNumbers"_s).toArray());
        QVERIFY(!m_f->engine.engine().runs()->activeRun(wizard.createdConnectionId()));
        // Every stream left checked: no selection is stored, so streams added later are read too.
        QVERIFY(!c->config.contains(u"streams"_s));
        QVERIFY(!c->schedule.value(u"enabled"_s).toBool());
        QVERIFY(c->notifyUserIds.isEmpty());
    }

    void arrowKeysPassOverCategories()
    {
        // Up from the first type of a category lands on the last type of the one above, never on
        // its header (which would leave nothing chosen and Next disabled).
        NewConnectionWizard wizard(m_f->session.get());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *page = qobject_cast<ConnectorTypePage *>(wizard.currentPage());
        QVERIFY(page);
        QTreeView *view = page->view();
        auto *model = qobject_cast<ConnectorTypeModel *>(view->model());
        QVERIFY(model->rowCount() >= 2);
        const QModelIndex second = model->index(1, 0);
        const QModelIndex firstOfSecond = model->index(0, 0, second);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(firstOfSecond).center());
        QCOMPARE(view->currentIndex(), firstOfSecond);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Up);
        const QModelIndex first = model->index(0, 0);
        QCOMPARE(view->currentIndex(), model->index(model->rowCount(first) - 1, 0, first));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex(), firstOfSecond);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        // Home goes to the first type, not to the first header.
        QTest::keyClick(view, Qt::Key_Home);
        QCOMPARE(view->currentIndex(), model->index(0, 0, first));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    }

    void tabGoesFromNameToTheToken()
    {
        // Tab from the name reaches the first credential; no invisible stop in between, and Alt+N
        // is Next only.
        NewConnectionWizard wizard(m_f->session.get());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.preselectType(u"DEVELOPMENT"_s);
        clickNext(&wizard);
        if (QTest::currentTestFailed())
            return;
        auto *page = qobject_cast<CredentialsPage *>(wizard.currentPage());
        QVERIFY(page);
        QVERIFY2(Test::mnemonicClashes(&wizard).isEmpty(), qPrintable(Test::mnemonicClashes(&wizard).join(u"; "_s)));
        QWidget *name = page->editor(u"name"_s);
        QWidget *token = page->editor(u"credential:token"_s);
        QTest::keySequence(&wizard, QKeySequence(Qt::ALT | Qt::Key_A));
        QTRY_COMPARE(QApplication::focusWidget(), name);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), token);
        QTest::keyClicks(QApplication::focusWidget(), u"ghp_typed"_s);
        QCOMPARE(qobject_cast<QLineEdit *>(token)->text(), u"ghp_typed"_s);
        // Where the token comes from: the provider's documentation, from its manifest.
        QVERIFY(page->documentationLabel());
        QVERIFY(page->documentationLabel()->isVisible());
        QVERIFY2(page->documentationLabel()->text().contains(u"href=\"https://docs.github.com/en/rest\""_s),
                 qPrintable(page->documentationLabel()->text()));
        // The fields of both groups line up.
        QWidget *repositories = page->editor(u"config:repositories"_s);
        QCOMPARE(token->mapTo(page, QPoint()).x(), repositories->mapTo(page, QPoint()).x());
        Test::screenshot(&wizard, u"wizard-2-credentials-github"_s);
    }

    void typeChangeResetsForm()
    {
        NewConnectionWizard wizard(m_f->session.get());
        wizard.show();
        wizard.preselectType(u"CRM_PLATFORM"_s);
        clickNext(&wizard);
        if (QTest::currentTestFailed())
            return;
        auto *page = qobject_cast<CredentialsPage *>(wizard.currentPage());
        QVERIFY(page->editor(u"credential:apiKey"_s));
        wizard.back();
        wizard.preselectType(u"DEVELOPMENT"_s);
        clickNext(&wizard);
        if (QTest::currentTestFailed())
            return;
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
        if (QTest::currentTestFailed())
            return;
        unnamed += Test::unnamedControls(&wizard);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u"; "_s)));
    }
};

QTEST_MAIN(TestNewConnectionWizard)
#include "tst_newconnectionwizard.moc"
