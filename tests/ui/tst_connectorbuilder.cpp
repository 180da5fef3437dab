// SPDX-License-Identifier: GPL-3.0-or-later
// The Connector Builder as a person uses it: problems marked as they type, a test read against a
// loopback Stripe fake, installing a type that New Connection then offers, and the menu entry.
#include "engine/security/caller.h"
#include "engine/services/connectormanifestservice.h"
#include "engine/services/engine.h"
#include "models/connectorbuilderactions.h"
#include "models/connectortypemodel.h"
#include "models/jsonpointerlocator.h"
#include "models/testreadrecordmodel.h"
#include "stripefakeserver.h"
#include "ui/connectorbuilderdialog.h"
#include "ui/connectorbuilderform.h"
#include "ui/connectorbuildertestreadwidget.h"
#include "ui/connectortypepage.h"
#include "ui/errorlabel.h"
#include "ui/mainwindow.h"
#include "ui/manifesteditor.h"
#include "ui/newconnectionwizard.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Opbox;

class TestConnectorBuilder : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::GuiFixture> m_f;

    /** Opens the builder from the main window's Tools menu with the mouse. */
    static ConnectorBuilderDialog *openWithMouse(MainWindow &window)
    {
        QMenuBar *bar = window.menuBar();
        auto *tools = window.findChild<QMenu *>(u"menuTools"_s);
        if (!tools)
            return nullptr;
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(tools->menuAction()).center());
        if (!QTest::qWaitFor([tools] { return tools->isVisible(); }))
            return nullptr;
        QAction *entry = window.action(u"actionConnectorBuilder"_s);
        QTest::mouseClick(tools, Qt::LeftButton, {}, tools->actionGeometry(entry).center());
        (void)QTest::qWaitFor([&window] { return window.findChild<ConnectorBuilderDialog *>() != nullptr; });
        return window.findChild<ConnectorBuilderDialog *>();
    }

    /**
     * Clicks `button` and, in the menu it pops up (which runs its own event loop until closed),
     * clicks the action named `objectName` or, without one, reads the entries and closes it.
     */
    static QStringList clickInButtonMenu(QPushButton *button, const QString &objectName = {})
    {
        QMenu *menu = button->menu();
        QStringList entries;
        QTimer poll;
        poll.setInterval(10);
        QObject::connect(&poll, &QTimer::timeout, menu, [&] {
            if (!menu->isVisible())
                return;
            poll.stop();
            for (QAction *a : menu->actions())
                entries.append(a->text());
            QAction *action = objectName.isEmpty() ? nullptr : menu->findChild<QAction *>(objectName);
            if (action)
                QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
            else
                menu->close();
        });
        poll.start();
        QTest::mouseClick(button, Qt::LeftButton);
        return entries;
    }

    static void chooseTemplate(ConnectorBuilderDialog *dialog, const QString &id)
    {
        const QStringList entries = clickInButtonMenu(dialog->templateButton(), u"template-"_s + id);
        QCOMPARE(entries.size(), ConnectorBuilderActions::templates().size());
    }

    static void showTemplate(ConnectorBuilderDialog &dialog, const QString &id)
    {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        chooseTemplate(&dialog, id);
        QTRY_VERIFY(dialog.isValid());
    }

    static void clickTestRead(ConnectorBuilderDialog &dialog)
    {
        QSignalSpy finished(&dialog, &ConnectorBuilderDialog::testReadFinished);
        QVERIFY(dialog.testReadButton()->isEnabled());
        QTest::mouseClick(dialog.testReadButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
    }

    static void typeInto(QLineEdit *editor, const QString &text)
    {
        QVERIFY(editor);
        editor->setFocus();
        QTest::keySequence(editor, QKeySequence::SelectAll);
        QTest::keyClicks(editor, text);
        QCOMPARE(editor->text(), text);
    }

    static QStringList problemTexts(ConnectorBuilderDialog *dialog)
    {
        QStringList out;
        for (int i = 0; i < dialog->problemList()->count(); ++i)
            out.append(dialog->problemList()->item(i)->text());
        return out;
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

    void cleanup()
    {
        // The connector registry outlives the engine: leave no user type behind for the next test.
        const Caller owner = m_f->session->caller();
        (void)m_f->engine.engine().connectorManifests()->remove(owner, u"STRIPE"_s);
        m_f.reset();
    }

    void pointersAreFoundWhereTheyAreWritten_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("root") << QString() << 1 << 1;
        QTest::newRow("member") << u"/name"_s << 2 << 3;
        QTest::newRow("element") << u"/streams/1"_s << 5 << 5;
        QTest::newRow("nested member") << u"/streams/1/na~1me"_s << 5 << 6;
        QTest::newRow("missing key: its object") << u"/streams/0/request"_s << 4 << 5;
        QTest::newRow("escaped key") << u"/a\"b"_s << 7 << 3;
    }
    void pointersAreFoundWhereTheyAreWritten()
    {
        QFETCH(QString, pointer);
        QFETCH(int, line);
        QFETCH(int, column);
        const QString text = u"{\n  \"name\": \"x\",\n  \"streams\": [\n    {\"name\": \"a\"},\n    {\"na/me\": [1, 2]}\n  ],\n  "
                             u"\"a\\\"b\": true\n}"_s;
        const JsonPointerLocator locator(text);
        QCOMPARE(locator.lineAndColumn(locator.position(pointer)), qMakePair(line, column));
    }

    void recordModelShowsInferredAndExtraColumns()
    {
        TestReadRecordModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QJsonArray records{QJsonObject{{u"id"_s, 1}, {u"tags"_s, QJsonArray{u"a"_s}}, {u"note"_s, QJsonValue::Null}},
                                 QJsonObject{{u"id"_s, 2}, {u"extra"_s, true}}};
        model.setRecords(records, {{u"id"_s, u"INTEGER"_s}, {u"tags"_s, u"JSON"_s}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 4); // id, tags, then note and extra as the records carry them
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"id"_s);
        QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(), u"JSON"_s);
        QCOMPARE(model.index(0, 1).data().toString(), u"[\"a\"]"_s);
        QCOMPARE(model.index(1, 3).data().toString(), u"true"_s);
        QVERIFY(model.index(0, 2).data().isNull());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
    }

    void templatesAreValid_data()
    {
        QTest::addColumn<QString>("id");
        for (const ConnectorTemplate &t : ConnectorBuilderActions::templates())
            QTest::newRow(qPrintable(t.id)) << t.id;
    }
    void templatesAreValid()
    {
        QFETCH(QString, id);
        ConnectorBuilderActions actions(m_f->session.get());
        std::optional<ManifestCheck> check;
        QObject context;
        actions.check(ConnectorBuilderActions::templateText(id), &context, [&check](ManifestCheck c) { check = c; });
        QTRY_VERIFY(check.has_value());
        QStringList problems;
        for (const ManifestProblem &p : check->problems)
            problems.append(p.path + u": "_s + p.message);
        QVERIFY2(check->valid(), qPrintable(problems.join(u"; "_s)));
        QVERIFY(!check->credentials.isEmpty());
    }

    void problemsAreMarkedAsYouType_data()
    {
        QTest::addColumn<QString>("inserted");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << u"\"colour\": \"red\","_s << u"Line 2, /colour"_s;
        QTest::newRow("not JSON") << u"\"colour\" \"red\","_s << u"Line 2:"_s;
    }
    void problemsAreMarkedAsYouType()
    {
        QFETCH(QString, inserted);
        QFETCH(QString, expected);
        MainWindow window(&m_f->engine.engine());
        window.attachSession(m_f->session.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectorBuilderDialog *dialog = openWithMouse(window);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        ManifestEditor *editor = dialog->editor();
        QTRY_VERIFY(dialog->isValid()); // the template it starts with
        QVERIFY(dialog->installButton()->isEnabled());

        // A new line 2 with the inserted text, typed.
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Home, Qt::ControlModifier);
        QTest::keyClick(editor, Qt::Key_End);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, inserted);
        QCOMPARE(editor->document()->findBlockByNumber(1).text().trimmed(), inserted);
        QVERIFY(!dialog->installButton()->isEnabled()); // a check is due
        QTRY_VERIFY(!problemTexts(dialog).isEmpty());
        QVERIFY2(problemTexts(dialog).first().startsWith(expected), qPrintable(problemTexts(dialog).join(u'\n')));
        QCOMPARE(editor->problemLines(), QList<int>{2});
        QVERIFY(!dialog->installButton()->isEnabled());
        QVERIFY(!dialog->testReadButton()->isEnabled());
        Test::screenshot(dialog, u"connectorbuilder-problem"_s);

        // Clicking the problem puts the cursor on its line; the line is removed there and all is well.
        QListWidget *list = dialog->problemList();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
        QTRY_COMPARE(editor->textCursor().blockNumber(), 1);
        QTest::keyClick(editor, Qt::Key_Home);
        QTest::keyClick(editor, Qt::Key_Up);
        QTest::keyClick(editor, Qt::Key_End);
        QTest::keyClick(editor, Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(editor, Qt::Key_End, Qt::ShiftModifier);
        QTest::keyClick(editor, Qt::Key_Delete);
        QTRY_VERIFY(dialog->isValid());
        QVERIFY(problemTexts(dialog).isEmpty());
        QVERIFY(editor->problemLines().isEmpty());
        QVERIFY(dialog->installButton()->isEnabled());
    }

    void testReadShowsRecordsColumnsAndRequests()
    {
        Fakes::StripeFakeServer stripe;
        stripe.seed(30, Fakes::FakeProviderServer::seedEpoch());
        QVERIFY(stripe.start());
        ConnectorBuilderActions actions(m_f->session.get());
        ConnectorBuilderDialog dialog(&actions);
        showTemplate(dialog, u"stripe"_s);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(dialog.editor()->toPlainText().contains(u"\"STRIPE\""_s));

        // The form is the manifest's own: a masked secret key and the API base URL.
        dialog.tabs()->setCurrentIndex(0);
        QLineEdit *key = dialog.form()->editor(u"credentials.secretKey"_s);
        QVERIFY(key);
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        typeInto(key, stripe.credentials().value(u"secretKey"_s).toString());
        typeInto(dialog.form()->editor(u"config.baseUrl"_s), stripe.baseUrl().toString());

        clickTestRead(dialog);
        ConnectorBuilderTestReadWidget *view = dialog.testReadView();
        QCOMPARE(dialog.tabs()->currentWidget(), view);
        QCOMPARE(view->streamChooser()->count(), 4);
        QCOMPARE(view->streamChooser()->currentText(), u"customers"_s);
        QCOMPARE(view->recordModel()->rowCount(), 30);
        QVERIFY(view->errorLabel()->isHidden());
        QStringList columns;
        for (int i = 0; i < view->columnList()->topLevelItemCount(); ++i)
            columns.append(view->columnList()->topLevelItem(i)->text(0) + u':' + view->columnList()->topLevelItem(i)->text(1));
        QVERIFY2(columns.contains(u"id:TEXT"_s), qPrintable(columns.join(u", "_s)));
        QTreeWidget *log = view->requestLog();
        QVERIFY(log->topLevelItemCount() >= 1);
        QCOMPARE(log->topLevelItem(0)->text(0), u"GET"_s);
        QCOMPARE(log->topLevelItem(0)->text(1), u"200"_s);
        QVERIFY(log->topLevelItem(0)->text(3).startsWith(stripe.baseUrl().toString()));
        Test::screenshot(&dialog, u"connectorbuilder-testread"_s);

        // Another stream, chosen with the keyboard, and nowhere the secret key.
        QComboBox *chooser = view->streamChooser();
        chooser->setFocus();
        QTest::keyClick(chooser, Qt::Key_Down);
        QCOMPARE(chooser->currentIndex(), 1);
        QCOMPARE(view->streamChooser()->currentText(), u"charges"_s);
        QVERIFY(view->recordModel()->rowCount() > 0);
        const QString secret = stripe.token();
        QVERIFY(!secret.isEmpty());
        for (int s = 0; s < chooser->count(); ++s) {
            chooser->setCurrentIndex(s);
            for (int i = 0; i < log->topLevelItemCount(); ++i)
                QVERIFY2(!log->topLevelItem(i)->text(3).contains(secret), qPrintable(log->topLevelItem(i)->text(3)));
            for (int r = 0; r < view->recordModel()->rowCount(); ++r)
                for (int c = 0; c < view->recordModel()->columnCount(); ++c)
                    QVERIFY(!view->recordModel()->index(r, c).data().toString().contains(secret));
        }
    }

    void aWrongKeyShowsTheStreamsError()
    {
        Fakes::StripeFakeServer stripe;
        stripe.seed(3, Fakes::FakeProviderServer::seedEpoch());
        QVERIFY(stripe.start());
        ConnectorBuilderActions actions(m_f->session.get());
        ConnectorBuilderDialog dialog(&actions);
        showTemplate(dialog, u"stripe"_s);
        if (QTest::currentTestFailed())
            return;
        typeInto(dialog.form()->editor(u"credentials.secretKey"_s), u"sk_test_wrongWrongWrong42"_s);
        typeInto(dialog.form()->editor(u"config.baseUrl"_s), stripe.baseUrl().toString());
        clickTestRead(dialog);
        ErrorLabel *error = dialog.testReadView()->errorLabel();
        QVERIFY(!error->isHidden());
        QVERIFY(!error->text().isEmpty());
        QVERIFY2(!error->text().contains(u"wrongWrongWrong42"_s), qPrintable(error->text()));
    }

    void installedTypeIsOfferedByNewConnection()
    {
        MainWindow window(&m_f->engine.engine());
        window.attachSession(m_f->session.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectorBuilderDialog *dialog = openWithMouse(window);
        QVERIFY(dialog);
        chooseTemplate(dialog, u"stripe"_s);
        QTRY_VERIFY(dialog->isValid());
        QVERIFY(!ConnectorCatalog::find(u"STRIPE"_s));
        QSignalSpy installed(dialog, &ConnectorBuilderDialog::installed);
        QTest::mouseClick(dialog->installButton(), Qt::LeftButton);
        QCOMPARE(installed.count(), 1);
        QVERIFY(ConnectorCatalog::find(u"STRIPE"_s));

        // Open installed lists it.
        const QStringList entries = clickInButtonMenu(dialog->openButton());
        QVERIFY2(entries.contains(u"STRIPE"_s), qPrintable(entries.join(u", "_s)));
        // Opening it brings its manifest back into the editor.
        chooseTemplate(dialog, u"bearer-rest"_s);
        QTRY_VERIFY(dialog->isValid());
        QVERIFY(!dialog->editor()->toPlainText().contains(u"STRIPE"_s));
        clickInButtonMenu(dialog->openButton(), u"installed-STRIPE"_s);
        QTRY_VERIFY(dialog->editor()->toPlainText().contains(u"\"type\": \"STRIPE\""_s));
        QTRY_VERIFY(dialog->isValid());

        // New Connection's service list has it at once.
        window.action(u"actionNewConnection"_s)->trigger();
        NewConnectionWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = window.findChild<NewConnectionWizard *>()));
        auto *page = wizard->findChild<ConnectorTypePage *>();
        QVERIFY(page);
        auto *model = qobject_cast<ConnectorTypeModel *>(page->view()->model());
        QVERIFY(model);
        const QModelIndex stripeRow = model->indexOfType(u"STRIPE"_s);
        QVERIFY(stripeRow.isValid());
        QCOMPARE(stripeRow.data().toString(), u"Stripe"_s);
        wizard->reject();
    }

    void menuIsReachableByMnemonic()
    {
        MainWindow window(&m_f->engine.engine());
        window.attachSession(m_f->session.get());
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy opened(&window, &MainWindow::dialogOpened);
        QTest::keyClick(&window, Qt::Key_T, Qt::AltModifier);
        auto *tools = window.findChild<QMenu *>(u"menuTools"_s);
        QTRY_VERIFY(tools->isVisible());
        QTest::keyClick(tools, Qt::Key_B);
        QTRY_COMPARE(opened.count(), 1);
        auto *dialog = qobject_cast<ConnectorBuilderDialog *>(opened.first().first().value<QWidget *>());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY2(Test::unnamedControls(dialog).isEmpty(), qPrintable(Test::unnamedControls(dialog).join(u"; "_s)));
        QCOMPARE(Test::mnemonicClashes(dialog), QStringList());
        // Alt+T in the builder is its Test read button.
        QTRY_VERIFY(dialog->isValid());
        QVERIFY(dialog->testReadButton()->isEnabled());
    }

    void screenshotsInEnglishAndGerman_data()
    {
        QTest::addColumn<int>("language");
        QTest::newRow("en") << int(QLocale::English);
        QTest::newRow("de") << int(QLocale::German);
    }
    void screenshotsInEnglishAndGerman()
    {
        QFETCH(int, language);
        QVERIFY(Test::installTranslation(QLocale::Language(language)));
        ConnectorBuilderActions actions(m_f->session.get());
        auto dialog = std::make_unique<ConnectorBuilderDialog>(&actions);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QTRY_VERIFY(dialog->isValid());
        if (language == QLocale::German)
            QCOMPARE(dialog->testReadButton()->text(), u"Pro&belesen"_s);
        QCOMPARE(Test::mnemonicClashes(dialog.get()), QStringList());
        Test::screenshot(dialog.get(), u"connectorbuilder-"_s + QLocale(QLocale::Language(language)).name());
        dialog->tabs()->setCurrentIndex(1);
        Test::screenshot(dialog.get(), u"connectorbuilder-results-"_s + QLocale(QLocale::Language(language)).name());
        dialog.reset();
        QVERIFY(Test::installTranslation(QLocale::English));
    }
};

QTEST_MAIN(TestConnectorBuilder)
#include "tst_connectorbuilder.moc"
