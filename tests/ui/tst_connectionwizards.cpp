// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/services/runservice.h"
#include "engine/sync/syncworkerpool.h"
#include "fakeproviderthread.h"
#include "models/activitylistmodel.h"
#include "models/connectionlistmodel.h"
#include "models/notificationlistmodel.h"
#include "models/streamlistmodel.h"
#include "ui/connectioneditdialog.h"
#include "ui/connectionsettingsform.h"
#include "ui/cursorchoicepage.h"
#include "ui/cursorresetwizard.h"
#include "ui/desktopnotifier.h"
#include "ui/errorlabel.h"
#include "ui/mainwindow.h"
#include "ui/notificationsdialog.h"
#include "ui/traycontroller.h"
#include "ui/variantwizard.h"
#include "uitestsupport.h"
#include "waitforrun.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

/** The desktop's notification service as a desktop session has it, recording what it was asked to show. */
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QStringList summaries;
    QStringList bodies;

public Q_SLOTS:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body, const QStringList &,
                const QVariantMap &, int)
    {
        summaries.append(summary);
        bodies.append(body);
        return uint(summaries.size());
    }
};

} // namespace

/** The variant and cursor-reset wizards and the notifications, driven from the main window with key and mouse events. */
class TestConnectionWizards : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::GuiFixture> m_f;
    std::unique_ptr<Test::FakeProviderThread> m_fake;
    std::unique_ptr<MainWindow> m_window;
    QString m_id;

    /** The run's status once it has ended; empty, and the test failed, when it did not end. */
    QString finishedStatus(const QString &runId)
    {
        RunService *runs = m_f->engine.engine().runs();
        if (!Test::waitForRun(runs, runId))
            return {};
        const auto run = runs->store()->get(runId);
        return run ? run->status : QString();
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
        m_fake = std::make_unique<Test::FakeProviderThread>();
        QVERIFY(m_fake->started());
        m_fake->seedCrm(60, 5, 5, 2);
        m_f->engine.engine().syncWorkers()->start(2);
        ConnectionDraft draft;
        draft.name = u"Production CRM"_s;
        draft.type = u"CRM_PLATFORM"_s;
        draft.credentials = m_fake->credentials();
        draft.config = m_fake->config();
        auto c = m_f->engine.engine().connections()->create(m_f->session->caller(), draft);
        QVERIFY(c);
        m_id = c->id;
        m_window = std::make_unique<MainWindow>(&m_f->engine.engine());
        m_window->attachSession(m_f->session.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->selectConnection(m_id);
    }

    void cleanup()
    {
        m_window.reset();
        m_f->engine.engine().syncWorkers()->stop(u"test end"_s);
        m_fake.reset();
        m_f.reset();
    }

    ConnectionEditDialog *openEditDialog()
    {
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_E));
        return Test::waitForDialog<ConnectionEditDialog>(m_window.get());
    }

    void editRenamesAndReplacesTheCredentials()
    {
        auto *dialog = openEditDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->connectionId(), m_id);
        QCOMPARE(dialog->nameEdit()->text(), u"Production CRM"_s);
        QVERIFY(Test::unnamedControls(dialog).isEmpty());
        QLineEdit *key = dialog->credentialEdit(u"apiKey"_s);
        QVERIFY(key);
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QVERIFY(key->text().isEmpty()); // the stored secret is never shown
        QCOMPARE(key->placeholderText(), u"unchanged"_s); // it is stored, so empty keeps it
        dialog->nameEdit()->selectAll();
        QTest::keyClicks(dialog->nameEdit(), u"Renamed CRM"_s);
        key->setFocus();
        QTest::keyClicks(key, u"pat-rotated-123"_s);
        Test::screenshot(dialog, u"connection-edit"_s);
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_VERIFY(!dialog->isVisible());
        auto record = m_f->engine.engine().connections()->recordById(m_id);
        QVERIFY(record);
        QCOMPARE(record->name, u"Renamed CRM"_s);
        QCOMPARE(record->status, u"DISCONNECTED"_s); // new credentials are untested
        auto stored = m_f->engine.engine().connections()->credentials(m_id);
        QVERIFY(stored);
        QCOMPARE(stored->value(u"apiKey"_s).toString(), u"pat-rotated-123"_s);
        // The connection list shows the new name.
        auto *list = m_window->findChild<QAbstractItemView *>(u"connectionList"_s);
        QVERIFY(list);
        QTRY_VERIFY(!list->model()->match(list->model()->index(0, 0), Qt::DisplayRole, u"Renamed CRM"_s).isEmpty());
    }

    void editSetsTheStreamsReadAtOnce()
    {
        auto *dialog = openEditDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->concurrencyEdit()->value(), 4); // the default when none is stored
        QVERIFY(Test::mnemonicClashes(dialog).isEmpty());
        QSpinBox *concurrency = dialog->concurrencyEdit();
        QVERIFY(!concurrency->accessibleName().isEmpty());
        QTest::mouseClick(concurrency, Qt::LeftButton);
        QTest::keyClick(concurrency, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(concurrency, u"8"_s);
        QCOMPARE(concurrency->value(), 8);
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_f->engine.engine().connections()->recordById(m_id)->config.value(u"maxConcurrency"_s).toInt(), 8);
        dialog = openEditDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->concurrencyEdit()->value(), 8);
        dialog->reject();
    }

    void editChecksTheSettingsAsYouType()
    {
        // An Asana workspace GID pasted as the workspace's web address is refused with the reason
        // while it is typed; the number is saved.
        ConnectionDraft draft;
        draft.name = u"Projects"_s;
        draft.type = u"PROJECT_MGMT"_s;
        draft.credentials = QJsonObject{{u"accessToken"_s, u"pat-asana"_s}};
        auto created = m_f->engine.engine().connections()->create(m_f->session->caller(), draft);
        QVERIFY(created);
        QTRY_VERIFY(m_window->connectionModel()->rowOf(created->id) >= 0);
        m_window->selectConnection(created->id);
        auto *dialog = openEditDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->settingsForm());
        auto *gid = qobject_cast<QLineEdit *>(dialog->settingsForm()->editor(u"workspaceGid"_s));
        QVERIFY(gid);
        QAbstractButton *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(save->isEnabled());
        gid->setFocus();
        QTest::keyClicks(gid, u"https://app.asana.com/0/1201234567890/list"_s);
        QVERIFY(!save->isEnabled());
        QVERIFY2(dialog->settingsForm()->problem().contains(u"not its web address"_s),
                 qPrintable(dialog->settingsForm()->problem()));
        const auto errors = dialog->settingsForm()->findChildren<ErrorLabel *>();
        QVERIFY(std::any_of(errors.begin(), errors.end(),
                            [](ErrorLabel *e) { return e->isVisible() && e->text().contains(u"not its web address"_s); }));
        Test::screenshot(dialog, u"connection-edit-settings"_s);
        QTest::keySequence(gid, QKeySequence::SelectAll);
        QTest::keyClicks(gid, u"1201234567890"_s);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_f->engine.engine().connections()->recordById(created->id)->config.value(u"workspaceGid"_s).toString(),
                 u"1201234567890"_s);
    }

    void editSaysWhichCredentialsAreMissing()
    {
        // Only the stored credentials are offered as "unchanged": one that is missing (a manifest
        // that gained a field, a partial rotation) and required says so.
        QVERIFY(m_f->engine.engine().connections()->storeCredentials(m_id, QJsonObject{}));
        auto *dialog = openEditDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->credentialEdit(u"apiKey"_s)->placeholderText(), u"required"_s);
        dialog->reject();
    }

    void editSetsTheSchedule()
    {
        auto *dialog = openEditDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->scheduleBox()->isChecked());
        QVERIFY(!dialog->frequencyBox()->isEnabled());
        Test::clickButton(dialog->scheduleBox());
        QVERIFY(dialog->frequencyBox()->isEnabled());
        dialog->frequencyBox()->setFocus();
        QTest::keyClick(dialog->frequencyBox(), Qt::Key_Down); // daily → weekly
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        const auto record = m_f->engine.engine().connections()->recordById(m_id);
        QVERIFY(record);
        QVERIFY(record->schedule.value(u"enabled"_s).toBool());
        QCOMPARE(record->schedule.value(u"frequency"_s).toString(), u"weekly"_s);
    }

    void editNeedsNewCredentialsForAnotherHost()
    {
        // The base URL moves to another host without new credentials: the engine's reason is shown
        // and nothing is saved.
        const QString before = m_f->engine.engine().connections()->recordById(m_id)->config.value(u"baseUrl"_s).toString();
        auto *dialog = openEditDialog();
        QVERIFY(dialog);
        auto *base = qobject_cast<QLineEdit *>(dialog->settingsForm()->editor(u"baseUrl"_s));
        QVERIFY(base);
        QCOMPARE(base->text(), before);
        base->setFocus();
        QTest::keySequence(base, QKeySequence::SelectAll);
        QTest::keyClicks(base, u"https://api.example.org"_s);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QTRY_VERIFY(dialog->errorLabel()->isVisible());
        QVERIFY2(dialog->errorLabel()->text().contains(u"another origin"_s), qPrintable(dialog->errorLabel()->text()));
        QCOMPARE(m_f->engine.engine().connections()->recordById(m_id)->config.value(u"baseUrl"_s).toString(), before);
        dialog->reject();
    }

    void editKeepsTheCredentialsLeftEmpty()
    {
        auto before = m_f->engine.engine().connections()->credentials(m_id);
        QVERIFY(before);
        auto *dialog = openEditDialog();
        QVERIFY(dialog);
        dialog->nameEdit()->selectAll();
        QTest::keyClicks(dialog->nameEdit(), u"Only Renamed"_s);
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_VERIFY(!dialog->isVisible());
        auto after = m_f->engine.engine().connections()->credentials(m_id);
        QVERIFY(after);
        QCOMPARE(*after, *before);
        QCOMPARE(m_f->engine.engine().connections()->recordById(m_id)->name, u"Only Renamed"_s);
    }

    void editKeepsTheFieldsLeftEmpty()
    {
        // Zendesk needs an agent email and a token: rotating the token keeps the email.
        ConnectionDraft draft;
        draft.name = u"Support Desk"_s;
        draft.type = u"SUPPORT"_s;
        draft.credentials = QJsonObject{{u"email"_s, u"agent@example.com"_s}, {u"apiToken"_s, u"token-old"_s}};
        draft.config = QJsonObject{{u"subdomain"_s, u"acme"_s}};
        auto created = m_f->engine.engine().connections()->create(m_f->session->caller(), draft);
        QVERIFY(created);
        const QString id = created->id;
        auto *list = m_window->findChild<QAbstractItemView *>(u"connectionList"_s);
        QTRY_VERIFY(!list->model()->match(list->model()->index(0, 0), Qt::DisplayRole, u"Support Desk"_s).isEmpty());
        m_window->selectConnection(id);
        auto *dialog = openEditDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->connectionId(), id);
        QVERIFY(dialog->credentialEdit(u"email"_s));
        QCOMPARE(dialog->credentialEdit(u"email"_s)->echoMode(), QLineEdit::Normal);
        dialog->credentialEdit(u"apiToken"_s)->setFocus();
        QTest::keyClicks(dialog->credentialEdit(u"apiToken"_s), u"token-new"_s);
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_VERIFY(!dialog->isVisible());
        auto stored = m_f->engine.engine().connections()->credentials(id);
        QVERIFY(stored);
        QCOMPARE(*stored, (QJsonObject{{u"email"_s, u"agent@example.com"_s}, {u"apiToken"_s, u"token-new"_s}}));
    }

    void editRefusesAnEmptyName()
    {
        auto *dialog = openEditDialog();
        QVERIFY(dialog);
        dialog->nameEdit()->selectAll();
        QTest::keyClick(dialog->nameEdit(), Qt::Key_Delete);
        QTest::keyClick(dialog, Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->errorLabel()->isVisible());
        QVERIFY(dialog->errorLabel()->text().contains(u"name"_s));
        QCOMPARE(m_f->engine.engine().connections()->recordById(m_id)->name, u"Production CRM"_s);
        dialog->reject();
    }

    void variantWithPreview()
    {
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
        auto *wizard = Test::waitForDialog<VariantWizard>(m_window.get());
        QVERIFY(wizard);
        QCOMPARE(wizard->sourceConnectionId(), m_id);
        // Shared tables: the group's base name, label stripped.
        QVERIFY(wizard->previewTables().contains(u"production_crm__contacts"_s));
        wizard->labelEdit()->setFocus();
        QTest::keyClicks(wizard->labelEdit(), u"EU"_s);
        QCOMPARE(wizard->nameEdit()->text(), u"Production CRM (EU)"_s);
        QVERIFY(wizard->previewTables().contains(u"production_crm__contacts"_s));
        // Own tables: the variant's own name.
        Test::clickButton(wizard->ownTablesBox());
        QVERIFY(wizard->previewTables().contains(u"production_crm_eu__contacts"_s));
        QVERIFY(wizard->previewLabel()->text().contains(u"production_crm_eu__deals"_s));
        Test::screenshot(wizard, u"variant-1-details"_s);
        // Every mnemonic of the page is its own: Alt+A is the name, Alt+N the Next button.
        QVERIFY2(Test::mnemonicClashes(wizard).isEmpty(), qPrintable(Test::mnemonicClashes(wizard).join(u"; "_s)));
        wizard->activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), wizard);
        QTest::keySequence(wizard, QKeySequence(Qt::ALT | Qt::Key_A));
        QTRY_COMPARE(QApplication::focusWidget(), wizard->nameEdit());
        QTest::keySequence(wizard, QKeySequence(Qt::ALT | Qt::Key_N));
        QTRY_COMPARE(wizard->currentId(), int(VariantWizard::ConfirmPageId));
        Test::screenshot(wizard, u"variant-2-confirm"_s);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(!wizard->isVisible() || wizard->result() == QDialog::Accepted);
        QTRY_COMPARE(m_window->connectionModel()->rowCount(), 2);
        const QString variantId = m_window->currentConnectionId();
        QVERIFY(variantId != m_id);
        const QJsonObject variant = m_window->connectionModel()->connection(variantId);
        QCOMPARE(variant.value(u"variantLabel"_s).toString(), u"EU"_s);
        QCOMPARE(variant.value(u"config"_s).toObject().value(u"createOwnTables"_s).toBool(), true);
        QCOMPARE(m_window->connectionModel()->connection(m_id).value(u"variantLabel"_s).toString(), u"1"_s);
        QCOMPARE(variant.value(u"variantGroupId"_s), m_window->connectionModel()->connection(m_id).value(u"variantGroupId"_s));

        // A label the group already uses is refused on the confirm page, with the engine's reason.
        m_window->selectConnection(m_id);
        m_window->action(u"actionNewVariant"_s)->trigger();
        auto *second = Test::waitForDialog<VariantWizard>(m_window.get());
        QVERIFY(second && second != wizard);
        second->labelEdit()->setText(u"EU"_s);
        QTest::mouseClick(second->button(QWizard::NextButton), Qt::LeftButton);
        QTest::mouseClick(second->button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(second->currentId(), int(VariantWizard::ConfirmPageId));
        QVERIFY(second->createdConnectionId().isEmpty());
        second->reject();
        QCOMPARE(m_window->connectionModel()->rowCount(), 2);
    }

    void cursorResetToDate()
    {
        auto run = m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {}, RunTrigger::Manual);
        QVERIFY(run);
        QCOMPARE(finishedStatus(run->id), u"COMPLETED"_s);
        QTRY_VERIFY(m_window->action(u"actionResetCursor"_s)->isEnabled());
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        auto *wizard = Test::waitForDialog<CursorResetWizard>(m_window.get());
        QVERIFY(wizard);
        auto *page = qobject_cast<CursorChoicePage *>(wizard->currentPage());
        QVERIFY(page);
        // Every stream shows its current cursor; nothing is chosen yet, so Next waits.
        QVERIFY(!wizard->streams()->cursor(u"contacts"_s).isEmpty());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        const int contacts = int(wizard->streams()->streamNames().indexOf(u"contacts"_s));
        page->view()->setFocus();
        page->view()->setCurrentIndex(wizard->streams()->index(contacts, 0));
        QTest::keyClick(page->view(), Qt::Key_Space);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        // Back from the stored cursor (the fake's newest change is in 2024): nothing is skipped.
        page->dateEdit()->setDateTime(QDateTime(QDate(2023, 6, 1), QTime(0, 0), Qt::UTC).toLocalTime());
        QVERIFY(!page->skipConfirmation()->isVisible());
        Test::screenshot(wizard, u"cursor-1-choice"_s);
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        Test::screenshot(wizard, u"cursor-2-confirm"_s);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        auto state = m_f->engine.engine().runs()->syncState(m_f->session->caller(), m_id);
        QVERIFY(state);
        QCOMPARE(state->value(u"streams"_s).toObject().value(u"contacts"_s).toObject().value(u"cursor"_s).toString(),
                 u"2023-06-01T00:00:00.000Z"_s);
        // Other streams keep theirs.
        QVERIFY(!state->value(u"streams"_s).toObject().value(u"deals"_s).toObject().value(u"cursor"_s).toString().isEmpty());
    }

    void cursorResetStartsAtTheStoredCursor()
    {
        // The stored cursor of "contacts" is 1 January; the wizard proposes it, and a later date
        // needs the user to confirm how many days of changes are skipped.
        auto run = m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {}, RunTrigger::Manual);
        QVERIFY(run);
        QCOMPARE(finishedStatus(run->id), u"COMPLETED"_s);
        CursorReset reset;
        reset.stream = u"contacts"_s;
        reset.cursor = u"2026-01-01T00:00:00.000Z"_s;
        QVERIFY(m_f->engine.engine().runs()->resetCursor(m_f->session->caller(), m_id, reset));
        QTRY_VERIFY(m_window->action(u"actionResetCursor"_s)->isEnabled());
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        auto *wizard = Test::waitForDialog<CursorResetWizard>(m_window.get());
        QVERIFY(wizard);
        auto *page = qobject_cast<CursorChoicePage *>(wizard->currentPage());
        QVERIFY(page);
        const QDateTime stored(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(page->dateEdit()->dateTime().toUTC() <= stored);
        const int contacts = int(wizard->streams()->streamNames().indexOf(u"contacts"_s));
        const QModelIndex row = wizard->streams()->index(contacts, 0);
        page->view()->setFocus();
        page->view()->setCurrentIndex(row);
        QTest::keyClick(page->view(), Qt::Key_Space);
        QCOMPARE(page->dateEdit()->dateTime().toUTC(), stored);
        QVERIFY(!page->skipConfirmation()->isVisible());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());

        // Three and a half days later: Next waits for the explicit confirmation, which counts 4 days.
        page->dateEdit()->setFocus();
        page->dateEdit()->setDateTime(QDateTime(QDate(2026, 1, 4), QTime(12, 0), Qt::UTC).toLocalTime());
        QVERIFY(page->skipConfirmation()->isVisible());
        QVERIFY2(page->skipConfirmation()->text().contains(u"4 days"_s), qPrintable(page->skipConfirmation()->text()));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        Test::screenshot(wizard, u"cursor-1-skip"_s);
        Test::clickButton(page->skipConfirmation());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        const auto labels = wizard->currentPage()->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) { return l->text().contains(u"Changes of 4 days"_s); }));
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        auto state = m_f->engine.engine().runs()->syncState(m_f->session->caller(), m_id);
        QVERIFY(state);
        QCOMPARE(state->value(u"streams"_s).toObject().value(u"contacts"_s).toObject().value(u"cursor"_s).toString(),
                 u"2026-01-04T12:00:00.000Z"_s);
    }

    void cursorFullResync()
    {
        auto run = m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {}, RunTrigger::Manual);
        QVERIFY(run);
        QCOMPARE(finishedStatus(run->id), u"COMPLETED"_s);
        QTRY_VERIFY(m_window->action(u"actionResetCursor"_s)->isEnabled());
        m_window->action(u"actionResetCursor"_s)->trigger();
        auto *wizard = Test::waitForDialog<CursorResetWizard>(m_window.get());
        QVERIFY(wizard);
        auto *page = qobject_cast<CursorChoicePage *>(wizard->currentPage());
        Test::clickButton(page->fullButton());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        auto state = m_f->engine.engine().runs()->syncState(m_f->session->caller(), m_id);
        QVERIFY(state);
        QVERIFY(state->value(u"streams"_s).toObject().isEmpty());
        QVERIFY(wizard->resultMessage().contains(u"Every cursor cleared"_s));
    }

    void runNowNotifiesTheDesktopUser()
    {
        // The engine leaves the user who started a run out of its notifications; the window tells
        // them through the desktop's notification service and lists the run under Activity.
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-notifications"_s);
        QVERIFY(bus.isConnected());
        FakeNotificationServer server;
        QVERIFY(bus.registerObject(u"/org/freedesktop/Notifications"_s, &server, QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(u"org.freedesktop.Notifications"_s));
        QSignalSpy shown(m_window->notifier(), &DesktopNotifier::shown);
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QTRY_COMPARE_WITH_TIMEOUT(server.summaries.size(), 1, 20000);
        QCOMPARE(server.summaries.first(), u"Sync completed: Production CRM"_s);
        QVERIFY2(server.bodies.first().contains(u" rows synced ("_s), qPrintable(server.bodies.first()));
        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(shown.first().at(2).value<DesktopNotifier::Channel>(), DesktopNotifier::Channel::DesktopService);
        ActivityListModel *activity = m_window->activityModel();
        QCOMPARE(activity->rowCount(), 1);
        QCOMPARE(activity->index(0).data(ActivityListModel::StatusRole).toString(), u"COMPLETED"_s);
        QVERIFY(activity->index(0).data().toString().contains(u"Sync completed: Production CRM"_s));
        QVERIFY(m_window->findChild<QDockWidget *>(u"activityDock"_s)->isVisible());
        Test::screenshot(m_window.get(), u"mainwindow-activity"_s);
        bus.unregisterService(u"org.freedesktop.Notifications"_s);
        QDBusConnection::disconnectFromBus(u"fake-notifications"_s);
    }

    void runNowFallsBackWithoutTheDesktopService()
    {
        // No notification service on the bus (the one of the test before has gone).
        QTRY_VERIFY(
            !QDBusConnection::sessionBus().interface()
            || !QDBusConnection::sessionBus().interface()->isServiceRegistered(u"org.freedesktop.Notifications"_s).value());
        QStringList fallback;
        m_window->notifier()->setFallback([&fallback](const QString &title, const QString &, bool) { fallback.append(title); });
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QTRY_COMPARE_WITH_TIMEOUT(fallback.size(), 1, 20000);
        QCOMPARE(fallback.first(), u"Sync completed: Production CRM"_s);
        m_window->notifier()->setFallback({});
    }

    void trayReportsRespectPreferences()
    {
        TrayController tray(m_window.get());
        tray.attachSession(m_f->session.get());
        QSignalSpy reported(&tray, &TrayController::runReported);
        // Waits until the tray has handled the run's end: a receiver connected after the tray gets
        // the same runFinished after it, so once it has run, the tray has decided whether to report.
        auto runOnce = [&](RunTrigger trigger) {
            RunService *runs = m_f->engine.engine().runs();
            QString runId;
            bool handled = false;
            QObject after;
            connect(
                runs, &RunService::runFinished, &after,
                [&](const QString &, const QString &, const QString &id, const QString &) { handled = handled || id == runId; });
            auto run = runs->trigger(trigger == RunTrigger::Schedule ? Caller::system(m_f->session->workspaceId())
                                                                     : m_f->session->caller(),
                                     m_id, {u"owners"_s}, trigger);
            QVERIFY(run);
            runId = run->id;
            QCOMPARE(finishedStatus(runId), u"COMPLETED"_s);
            QTRY_VERIFY_WITH_TIMEOUT(handled, Test::RunTimeoutMs);
        };
        runOnce(RunTrigger::Manual);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE(reported.count(), 1);
        QCOMPARE(reported.first().at(0).toString(), u"Sync completed: Production CRM"_s);
        QVERIFY(!reported.first().at(2).toBool());
        // The owner turns success messages off: nothing more is reported.
        QVERIFY(m_f->engine.engine().identity()->setNotificationPreferences(m_f->session->caller(),
                                                                            NotificationPreferencesChange{.onSuccess = false}));
        runOnce(RunTrigger::Schedule);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(reported.count(), 1);
        QVERIFY(!tray.shouldReport(m_id, u"COMPLETED"_s));
        QVERIFY(tray.shouldReport(m_id, u"FAILED"_s));
        // A connection whose recipients are others does not report to the owner.
        (void)m_f->engine.addUser(u"ann@example.com"_s, Role::Member);
        ConnectionChange recipients;
        recipients.notifyUserIds = QStringList{m_f->engine.userId(u"ann@example.com"_s)};
        QVERIFY(m_f->engine.engine().connections()->update(m_f->session->caller(), m_id, recipients));
        QVERIFY(!tray.shouldReport(m_id, u"FAILED"_s));
    }

    void notificationsFromScheduledRun()
    {
        // A scheduled run (no triggering user) notifies the owner; the toolbar counts it.
        auto run
            = m_f->engine.engine().runs()->trigger(Caller::system(m_f->session->workspaceId()), m_id, {}, RunTrigger::Schedule);
        QVERIFY(run);
        QCOMPARE(finishedStatus(run->id), u"COMPLETED"_s);
        QAction *notifications = m_window->action(u"actionNotifications"_s);
        QTRY_COMPARE_WITH_TIMEOUT(notifications->text(), u"&Notifications (1)"_s, 10000);
        notifications->trigger();
        auto *dialog = Test::waitForDialog<NotificationsDialog>(m_window.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->view()->model()->rowCount(), 1);
        Test::screenshot(dialog, u"notifications"_s);
        const QStringList unnamed = Test::unnamedControls(dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u"; "_s)));
        // Enter on a notification marks it read and shows its connection's runs.
        dialog->view()->setFocus();
        dialog->view()->setCurrentIndex(dialog->view()->model()->index(0, 0));
        QTest::keyClick(dialog->view(), Qt::Key_Return);
        QTRY_COMPARE(notifications->text(), u"&Notifications"_s);
        QCOMPARE(m_window->currentConnectionId(), m_id);
    }
};

QTEST_MAIN(TestConnectionWizards)
#include "tst_connectionwizards.moc"
