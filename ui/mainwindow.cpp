// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"
#include "models/activitylistmodel.h"
#include "models/apiservercontroller.h"
#include "models/connectionlistmodel.h"
#include "models/connectionsortproxy.h"
#include "models/connectorbuilderactions.h"
#include "models/connectorcatalog.h"
#include "models/iconlibrary.h"
#include "models/installationinfo.h"
#include "models/memberlistmodel.h"
#include "models/notificationlistmodel.h"
#include "models/ownersession.h"
#include "models/recentrunoutcomes.h"
#include "ui/auditlogdialog.h"
#include "ui/connectionactioncontroller.h"
#include "ui/connectiondetailwidget.h"
#include "ui/connectionlistview.h"
#include "ui/connectorbuilderdialog.h"
#include "ui/desktopnotifier.h"
#include "ui/notificationsdialog.h"
#include "ui/runstripdelegate.h"
#include "ui/settingsdialog.h"
#include "ui/uilogging.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <functional>

using namespace Qt::StringLiterals;

namespace Opbox {

MainWindow::MainWindow(Engine *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_actions(new ConnectionActionController(this))
    , m_stack(new QStackedWidget(this))
    , m_startup(new QLabel(this))
    , m_apiState(new QLabel(this))
    , m_keyState(new QLabel(this))
    , m_notifier(new DesktopNotifier(this))
{
    setWindowTitle(tr("Opbox Pipelines"));
    setWindowIcon(IconLibrary::application());
    setObjectName(u"mainWindow"_s);
    resize(1280, 800);

    m_startup->setAlignment(Qt::AlignCenter);
    m_startup->setWordWrap(true);
    m_startup->setText(tr("Opening the vault…"));
    m_startup->setAccessibleName(tr("Start-up state"));
    m_stack->addWidget(m_startup);
    setCentralWidget(m_stack);

    connect(m_actions, &ConnectionActionController::dialogOpened, this, &MainWindow::dialogOpened);
    createActions();
    createMenus();

    m_apiState->setAccessibleName(tr("API server state"));
    m_keyState->setAccessibleName(tr("Master key location"));
    statusBar()->addPermanentWidget(m_keyState);
    statusBar()->addPermanentWidget(m_apiState);
    updateActions();
}

MainWindow::~MainWindow()
{
    saveLayout();
}

namespace {

/** Where the window keeps its layout between starts. */
constexpr auto geometryKey = "mainWindow/geometry";
constexpr auto stateKey = "mainWindow/state";
constexpr auto splitterKey = "mainWindow/splitter";

} // namespace

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QLatin1String(geometryKey)).toByteArray());
    restoreState(settings.value(QLatin1String(stateKey)).toByteArray());
    if (m_splitter)
        m_splitter->restoreState(settings.value(QLatin1String(splitterKey)).toByteArray());
    if (m_list)
        m_list->restoreLayout();
}

void MainWindow::saveLayout()
{
    if (!m_list)
        return;
    QSettings settings;
    settings.setValue(QLatin1String(geometryKey), saveGeometry());
    settings.setValue(QLatin1String(stateKey), saveState());
    settings.setValue(QLatin1String(splitterKey), m_splitter->saveState());
    m_list->saveLayout();
}

void MainWindow::createActions()
{
    // One row an action: where it is kept, its object name (the tray and tests find it by that),
    // icon, text, tip, shortcut, what it does, and a shortcut for platforms without a standard one.
    struct ActionSpec
    {
        QAction **action;
        QString objectName;
        QString icon;
        QString text;
        QString tip;
        QKeySequence shortcut;
        std::function<void()> slot;
        QKeySequence fallback = {};
    };
    const ActionSpec specs[] = {
        {&m_newConnection, u"actionNewConnection"_s, u"new-connection"_s, tr("&New Connection…"), tr("Connect a new service"),
         QKeySequence::New, [this] { m_actions->newConnection(); }},
        {&m_delete, u"actionDelete"_s, u"delete"_s, tr("&Delete Connection…"), tr("Delete the selected connection"),
         QKeySequence::Delete, [this] { m_actions->deleteConnection(); }},
        {&m_runNow, u"actionRunNow"_s, u"run"_s, tr("&Run Now"), tr("Sync the selected connection now"),
         QKeySequence(Qt::CTRL | Qt::Key_R), [this] { m_actions->runNow(); }},
        {&m_stop, u"actionStop"_s, u"stop"_s, tr("S&top"), tr("Stop the running sync of the selected connection"),
         QKeySequence(Qt::CTRL | Qt::Key_Period), [this] { m_actions->stopRun(); }},
        {&m_runAll, u"actionRunAll"_s, u"run-all"_s, tr("Run &All"), tr("Sync every enabled connection"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] { m_actions->runAll(); }},
        {&m_editConnection, u"actionEditConnection"_s, u"key"_s, tr("&Edit…"),
         tr("Rename the selected connection or replace its credentials"), QKeySequence(Qt::CTRL | Qt::Key_E),
         [this] { m_actions->editConnection(); }},
        {&m_newVariant, u"actionNewVariant"_s, u"variant"_s, tr("New &Variant…"),
         tr("A copy of the selected connection with its own label, schedule and cursors"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), [this] { m_actions->newVariant(); }},
        {&m_resetCursor, u"actionResetCursor"_s, u"reset-cursor"_s, tr("Reset &Cursor…"),
         tr("Re-sync from a date, or everything"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
         [this] { m_actions->resetCursor(); }},
        {&m_authorize, u"actionAuthorize"_s, u"authorize"_s, tr("A&uthorize…"),
         tr("Sign in to the provider again (OAuth connections)"), QKeySequence(Qt::CTRL | Qt::Key_T),
         [this] { m_actions->authorize(); }},
        {&m_notifications, u"actionNotifications"_s, u"notifications"_s, tr("&Notifications"), tr("Completed and failed syncs"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] { showNotifications(); }},
        {&m_auditLog, u"actionAuditLog"_s, u"audit-log"_s, tr("&Audit Log"), tr("Who did what in this workspace"),
         QKeySequence(Qt::CTRL | Qt::Key_L), [this] { showAuditLog(); }},
        {&m_settings, u"actionSettings"_s, u"settings"_s, tr("&Settings…"),
         tr("API server, workers, key store and notifications"), QKeySequence::Preferences, [this] { showSettings(); },
         QKeySequence(Qt::CTRL | Qt::Key_Comma)},
        {&m_connectorBuilder,
         u"actionConnectorBuilder"_s,
         u"discover"_s,
         tr("Connector &Builder…"),
         tr("Write, test and install a connector type for any REST API"),
         {},
         [this] { showConnectorBuilder(); }},
        {&m_about,
         u"actionAbout"_s,
         u"about"_s,
         tr("&About Opbox Pipelines"),
         tr("Version and licence"),
         {},
         [this] { showAbout(); }},
        {&m_quit, u"actionQuit"_s, u"quit"_s, tr("&Quit"), tr("Stop syncing and quit"), QKeySequence::Quit,
         [this] { Q_EMIT quitRequested(); }, QKeySequence(Qt::CTRL | Qt::Key_Q)},
    };
    for (const ActionSpec &spec : specs) {
        auto *action = new QAction(IconLibrary::action(spec.icon), spec.text, this);
        action->setObjectName(spec.objectName);
        action->setToolTip(spec.tip);
        action->setStatusTip(spec.tip);
        action->setShortcut(spec.shortcut.isEmpty() ? spec.fallback : spec.shortcut);
        connect(action, &QAction::triggered, this, spec.slot);
        *spec.action = action;
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newConnection);
    file->addSeparator();
    file->addAction(m_settings);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    connection->setObjectName(u"menuConnection"_s);
    connection->addAction(m_runNow);
    connection->addAction(m_stop);
    connection->addAction(m_runAll);
    connection->addSeparator();
    connection->addAction(m_editConnection);
    connection->addAction(m_newVariant);
    connection->addAction(m_resetCursor);
    connection->addAction(m_authorize);
    connection->addSeparator();
    connection->addAction(m_delete);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_notifications);
    view->addAction(m_auditLog);
    m_viewMenu = view;

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(u"menuTools"_s);
    tools->addAction(m_connectorBuilder);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);

    QToolBar *toolbar = addToolBar(tr("Main toolbar"));
    toolbar->setObjectName(u"mainToolBar"_s);
    toolbar->setAccessibleName(tr("Main toolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(20, 20));
    // Less frequent actions show only their icon beside the text of the main ones (and their
    // tooltip), so that the toolbar fits in languages with longer words.
    for (QAction *a : {m_newVariant, m_resetCursor, m_delete, m_auditLog, m_settings})
        a->setPriority(QAction::LowPriority);
    toolbar->addAction(m_newConnection);
    toolbar->addSeparator();
    toolbar->addAction(m_runNow);
    toolbar->addAction(m_stop);
    toolbar->addAction(m_runAll);
    toolbar->addSeparator();
    toolbar->addAction(m_newVariant);
    toolbar->addAction(m_resetCursor);
    toolbar->addAction(m_delete);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addAction(m_notifications);
    toolbar->addAction(m_auditLog);
    toolbar->addAction(m_settings);
}

QWidget *MainWindow::createWelcome()
{
    auto *page = new QWidget(this);
    page->setAccessibleName(tr("Welcome"));
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    auto *icon = new QLabel(page);
    icon->setPixmap(IconLibrary::application().pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);
    auto *title = new QLabel(tr("Welcome to Opbox Pipelines"), page);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    title->setFont(f);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);
    auto *text = new QLabel(tr("Connect a service — a CRM, accounting, support desk or code host — and its data "
                               "syncs into local Opbox tables that you can browse and export."),
                            page);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    // A fixed width and the height that width needs: the stacked pages do not pass height-for-width on.
    text->setFixedWidth(520);
    text->setMinimumHeight(text->heightForWidth(520));
    layout->addWidget(text, 0, Qt::AlignHCenter);
    auto *button = new QPushButton(IconLibrary::action(u"new-connection"_s), tr("Create your first &connection…"), page);
    button->setObjectName(u"welcomeNewConnection"_s);
    button->setAccessibleName(tr("Create your first connection"));
    button->setDefault(true);
    button->setMinimumHeight(36);
    connect(button, &QPushButton::clicked, m_actions, [this] { m_actions->newConnection(); });
    layout->addSpacing(12);
    layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    return page;
}

void MainWindow::setApiServerController(ApiServerController *api)
{
    m_api = api;
    connect(api, &ApiServerController::stateChanged, this, &MainWindow::updateApiState);
    updateApiState();
}

void MainWindow::updateApiState()
{
    if (!m_api)
        return;
    m_apiState->setText(m_api->stateText());
    m_apiState->setToolTip(m_api->problem().isEmpty() ? QString() : tr("The app keeps working without the API server."));
}

void MainWindow::showStartupError(const QString &message)
{
    m_startup->setText(tr("Opbox Pipelines could not start:\n%1").arg(message));
    m_stack->setCurrentWidget(m_startup);
}

void MainWindow::attachSession(OwnerSession *session)
{
    m_session = session;
    m_connections = new ConnectionListModel(session, this);
    m_members = new MemberListModel(session, this);

    m_workspace = new QWidget(this);
    auto *splitter = new QSplitter(Qt::Horizontal, m_workspace);
    splitter->setObjectName(u"mainSplitter"_s);
    splitter->setChildrenCollapsible(false);
    m_splitter = splitter;

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 0, 8);
    m_filter = new QLineEdit(left);
    m_filter->setPlaceholderText(tr("Filter connections"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter connections"));
    m_list = new ConnectionListView(m_connections, left);
    m_list->setItemDelegate(new RunStripDelegate(new RecentRunOutcomes(session, m_list), m_list));
    m_proxy = m_list->proxy();
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->addActions({m_runNow, m_stop});
    auto *separator = new QAction(m_list);
    separator->setSeparator(true);
    m_list->addActions({separator, m_editConnection, m_newVariant, m_resetCursor, m_authorize});
    auto *separator2 = new QAction(m_list);
    separator2->setSeparator(true);
    m_list->addActions({separator2, m_delete});
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_list, 1);

    m_detailStack = new QStackedWidget(splitter);
    // The detail's pages scroll (scroll areas and tables), so they need not claim the room the
    // list needs for its status and times.
    m_detailStack->setMinimumWidth(360);
    m_noSelection = new QLabel(tr("Select a connection to see its details."), m_detailStack);
    m_noSelection->setAlignment(Qt::AlignCenter);
    m_detail = new ConnectionDetailWidget(session, m_connections, m_members,
                                          ConnectionDetailWidget::Actions{m_runNow, m_stop, m_resetCursor}, m_detailStack);
    m_detail->setPublicUrlProvider([this] { return publicUrl(); });
    connect(m_detail, &ConnectionDetailWidget::statusMessage, this, &MainWindow::showStatus);
    m_detailStack->addWidget(m_noSelection);
    m_detailStack->addWidget(m_detail);
    connect(m_detail, &ConnectionDetailWidget::errorOccurred, this, &MainWindow::showError);

    splitter->addWidget(left);
    splitter->addWidget(m_detailStack);
    // Half and half: the list's status and times need their room as much as the detail does.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({640, 640});
    auto *workspaceLayout = new QVBoxLayout(m_workspace);
    workspaceLayout->setContentsMargins(0, 0, 0, 0);
    workspaceLayout->addWidget(splitter);

    m_welcome = createWelcome();
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_workspace);

    // A mouse press makes the row current before it selects it: the selection is what counts.
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateView(); });
    connect(m_connections, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateView);
    connect(m_connections, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateView);
    connect(m_connections, &QAbstractItemModel::modelReset, this, &MainWindow::updateView);
    connect(m_connections, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(session, &OwnerSession::callerChanged, this, &MainWindow::updateActions);

    m_notificationModel = new NotificationListModel(session, this);
    connect(m_notificationModel, &NotificationListModel::unreadCountChanged, this, &MainWindow::updateNotificationCount);
    updateNotificationCount(m_notificationModel->unreadCount());

    createActivityDock();
    restoreLayout();

    m_keyState->setText(tr("Master key: %1").arg(InstallationInfo::keyStoreDescription(m_engine)));
    setWindowTitle(tr("Opbox Pipelines — %1").arg(session->workspaceName()));
    if (m_connections->rowCount() > 0)
        selectConnection(m_connections->connection(0).value(u"id"_s).toString());
    updateView();
}

void MainWindow::createActivityDock()
{
    m_activity = new ActivityListModel(m_session, this);
    connect(m_activity, &ActivityListModel::runEnded, this, [this](const QString &title, const QString &message, bool failed) {
        showStatus(tr("%1: %2").arg(title, message));
        m_notifier->notify(title, message, failed);
    });
    m_activityDock = new QDockWidget(tr("Activity"), this);
    m_activityDock->setObjectName(u"activityDock"_s);
    auto *list = new QListView(m_activityDock);
    list->setObjectName(u"activityList"_s);
    list->setModel(m_activity);
    list->setAccessibleName(tr("Syncs started here"));
    list->setWordWrap(true);
    list->setAlternatingRowColors(true);
    list->setIconSize(QSize(16, 16));
    list->setTextElideMode(Qt::ElideNone);
    connect(list, &QListView::activated, this, [this](const QModelIndex &index) {
        selectConnection(index.data(ActivityListModel::ConnectionIdRole).toString());
        m_detail->showTab(ConnectionDetailWidget::RunsTab);
    });
    m_activityDock->setWidget(list);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);
    // It opens by itself with the first sync started here; until then it takes no room.
    m_activityDock->hide();
    QAction *toggle = m_activityDock->toggleViewAction();
    toggle->setObjectName(u"actionActivity"_s);
    toggle->setText(tr("Ac&tivity"));
    toggle->setStatusTip(tr("The syncs started in this window and how they ended"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_viewMenu->addAction(toggle);
}

void MainWindow::trackRun(const QString &connectionId, const QString &runId)
{
    if (!m_activity)
        return;
    m_activity->track(connectionId, runId);
    if (!m_activityDock->isVisible()) {
        m_activityDock->show();
        // A few lines high: the list of connections and the detail keep most of the window.
        resizeDocks({m_activityDock}, {fontMetrics().lineSpacing() * 6}, Qt::Vertical);
    }
}

QString MainWindow::currentConnectionId() const
{
    if (!m_list)
        return {};
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ConnectionListModel::IdRole).toString();
}

void MainWindow::selectConnection(const QString &connectionId)
{
    if (!m_connections)
        return;
    const int row = m_connections->rowOf(connectionId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_connections->index(row, 0));
    if (!index.isValid()) {
        // Hidden by the filter: clear it so the user sees what was selected.
        m_filter->clear();
    }
    const QModelIndex visible = m_proxy->mapFromSource(m_connections->index(row, 0));
    m_list->selectionModel()->setCurrentIndex(visible, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_list->scrollTo(visible);
}

void MainWindow::updateView()
{
    if (!m_connections)
        return;
    if (m_connections->rowCount() == 0) {
        m_stack->setCurrentWidget(m_welcome);
    } else {
        m_stack->setCurrentWidget(m_workspace);
    }
    const QString id = currentConnectionId();
    if (id.isEmpty()) {
        m_detailStack->setCurrentWidget(m_noSelection);
    } else {
        m_detail->setConnectionId(id);
        m_detailStack->setCurrentWidget(m_detail);
    }
    updateActions();
}

QJsonObject MainWindow::currentConnection() const
{
    const QString id = currentConnectionId();
    return id.isEmpty() || !m_connections ? QJsonObject() : m_connections->connection(id);
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

QUrl MainWindow::publicUrl() const
{
    if (m_api && m_api->isRunning())
        return m_api->url();
    if (m_api && !m_api->config().publicUrl.isEmpty())
        return m_api->config().publicUrl;
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_api ? m_api->config().port : 8787);
    return url;
}

void MainWindow::updateActions()
{
    const bool ready = m_session != nullptr;
    const bool admin = ready && m_session->isAdmin();
    const bool member = ready && m_session->isMember();
    const QJsonObject c = ready ? currentConnection() : QJsonObject();
    const bool selected = !c.isEmpty();
    const QString runStatus = c.value(u"lastRun"_s).toObject().value(u"status"_s).toString();
    const bool active = runStatus == u"PENDING"_s || runStatus == u"RUNNING"_s;
    const ConnectorTypeEntry *type = selected ? ConnectorCatalog::find(c.value(u"type"_s).toString()) : nullptr;
    m_newConnection->setEnabled(admin);
    m_delete->setEnabled(admin && selected);
    m_runNow->setEnabled(member && selected && !active);
    m_stop->setEnabled(member && selected && active);
    m_runAll->setEnabled(admin && m_connections && m_connections->rowCount() > 0);
    m_editConnection->setEnabled(admin && selected);
    m_newVariant->setEnabled(admin && selected);
    m_resetCursor->setEnabled(admin && selected && !active);
    m_authorize->setEnabled(admin && selected && type && type->isOAuth());
    m_auditLog->setEnabled(admin);
    m_connectorBuilder->setEnabled(admin);
    m_notifications->setEnabled(ready);
    m_settings->setEnabled(ready);
}

void MainWindow::updateNotificationCount(int unread)
{
    m_notifications->setText(unread > 0 ? tr("&Notifications (%1)").arg(unread) : tr("&Notifications"));
    m_notifications->setToolTip(tr("%n unread notification(s)", nullptr, unread));
}

void MainWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message, 8000);
    Q_EMIT statusMessage(message);
}

void MainWindow::showNotifications()
{
    if (!m_session)
        return;
    auto *dialog = new NotificationsDialog(m_notificationModel, this);
    connect(dialog, &NotificationsDialog::connectionRequested, this, [this](const QString &id) {
        selectConnection(id);
        m_detail->showTab(ConnectionDetailWidget::RunsTab);
    });
    present(dialog, Modeless);
}

void MainWindow::showSettings()
{
    if (!m_session || !m_api)
        return;
    present(new SettingsDialog(m_session, m_api, this), WindowModal);
}

void MainWindow::showAuditLog()
{
    if (!m_session)
        return;
    present(new AuditLogDialog(m_session, this), Modeless);
}

void MainWindow::showConnectorBuilder()
{
    if (!m_session)
        return;
    auto *actions = new ConnectorBuilderActions(m_session);
    auto *dialog = new ConnectorBuilderDialog(actions, this);
    actions->setParent(dialog); // the facade lives as long as its dialog
    present(dialog, Modeless);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Opbox Pipelines"),
                       tr("<h3>Opbox Pipelines %1</h3>"
                          "<p>Syncs data from SaaS services into local Opbox tables.</p>"
                          "<p>Data directory: %2</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QCoreApplication::applicationVersion(), InstallationInfo::dataDir(m_engine).toHtmlEscaped()));
}

void MainWindow::showError(const QString &message)
{
    qCWarning(lcUi) << "shown to the user:" << message;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Opbox Pipelines"), message, QMessageBox::Ok, this);
    box->button(QMessageBox::Ok)->setText(tr("&OK"));
    present(box, WindowModal);
}

void MainWindow::present(QDialog *dialog, Modality modality)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (modality == WindowModal)
        dialog->open();
    else
        dialog->show();
    Q_EMIT dialogOpened(dialog);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    if (m_closeToTray) {
        hide();
        event->ignore();
        Q_EMIT hiddenToTray();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace Opbox
