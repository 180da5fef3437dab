// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "apiservercontroller.h"
#include "auditlogdialog.h"
#include "connectiondetailwidget.h"
#include "connectionlistmodel.h"
#include "connectionservice.h"
#include "engine.h"
#include "iconlibrary.h"
#include "memberlistmodel.h"
#include "newconnectionwizard.h"
#include "ownersession.h"
#include "settingsdialog.h"
#include "uilogging.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QAction *makeAction(QObject *parent, const QString &objectName, const QString &icon, const QString &text,
                    const QString &tip, const QKeySequence &shortcut = {})
{
    auto *action = new QAction(IconLibrary::action(icon), text, parent);
    action->setObjectName(objectName);
    action->setToolTip(tip);
    action->setStatusTip(tip);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}

} // namespace

MainWindow::MainWindow(Engine *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_stack(new QStackedWidget(this))
    , m_startup(new QLabel(this))
    , m_apiState(new QLabel(this))
    , m_keyState(new QLabel(this))
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

    createActions();
    createMenus();

    m_apiState->setAccessibleName(tr("API server state"));
    m_keyState->setAccessibleName(tr("Master key location"));
    statusBar()->addPermanentWidget(m_keyState);
    statusBar()->addPermanentWidget(m_apiState);
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_newConnection = makeAction(this, u"actionNewConnection"_s, u"new-connection"_s, tr("&New Connection…"),
                                 tr("Connect a new service"), QKeySequence::New);
    connect(m_newConnection, &QAction::triggered, this, [this] { newConnection(); });

    m_delete = makeAction(this, u"actionDelete"_s, u"delete"_s, tr("&Delete Connection…"),
                          tr("Delete the selected connection"), QKeySequence::Delete);
    connect(m_delete, &QAction::triggered, this, &MainWindow::deleteConnection);

    m_auditLog = makeAction(this, u"actionAuditLog"_s, u"audit-log"_s, tr("&Audit Log"),
                            tr("Who did what in this workspace"), QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_auditLog, &QAction::triggered, this, &MainWindow::showAuditLog);

    m_settings = makeAction(this, u"actionSettings"_s, u"settings"_s, tr("&Settings…"),
                            tr("API server, workers, key store and notifications"), QKeySequence::Preferences);
    if (m_settings->shortcut().isEmpty())
        m_settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(m_settings, &QAction::triggered, this, &MainWindow::showSettings);

    m_about = makeAction(this, u"actionAbout"_s, u"about"_s, tr("&About Opbox Pipelines"),
                         tr("Version and licence"));
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);

    m_quit = makeAction(this, u"actionQuit"_s, u"quit"_s, tr("&Quit"), tr("Stop syncing and quit"), QKeySequence::Quit);
    if (m_quit->shortcut().isEmpty())
        m_quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(m_quit, &QAction::triggered, this, &MainWindow::quitRequested);
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
    connection->addAction(m_delete);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_auditLog);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);

    QToolBar *toolbar = addToolBar(tr("Main toolbar"));
    toolbar->setObjectName(u"mainToolBar"_s);
    toolbar->setAccessibleName(tr("Main toolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(20, 20));
    toolbar->addAction(m_newConnection);
    toolbar->addSeparator();
    toolbar->addAction(m_delete);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
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
    text->setMaximumWidth(520);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    auto *button = new QPushButton(IconLibrary::action(u"new-connection"_s), tr("Create your first &connection…"), page);
    button->setObjectName(u"welcomeNewConnection"_s);
    button->setAccessibleName(tr("Create your first connection"));
    button->setDefault(true);
    button->setMinimumHeight(36);
    connect(button, &QPushButton::clicked, this, [this] { newConnection(); });
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

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_connections);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(ConnectionListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_workspace = new QWidget(this);
    auto *splitter = new QSplitter(Qt::Horizontal, m_workspace);
    splitter->setChildrenCollapsible(false);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 0, 8);
    m_filter = new QLineEdit(left);
    m_filter->setPlaceholderText(tr("Filter connections"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter connections"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_list = new QTreeView(left);
    m_list->setObjectName(u"connectionList"_s);
    m_list->setModel(m_proxy);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(-1, Qt::AscendingOrder);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setIconSize(QSize(20, 20));
    m_list->setAccessibleName(tr("Connections"));
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->addAction(m_delete);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(ConnectionListModel::NameColumn, QHeaderView::Stretch);
    m_list->setColumnWidth(ConnectionListModel::VariantColumn, 64);
    m_list->setColumnWidth(ConnectionListModel::StatusColumn, 120);
    m_list->setColumnWidth(ConnectionListModel::LastRunColumn, 170);
    m_list->setColumnWidth(ConnectionListModel::NextRunColumn, 130);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_list, 1);

    m_detailStack = new QStackedWidget(splitter);
    m_noSelection = new QLabel(tr("Select a connection to see its details."), m_detailStack);
    m_noSelection->setAlignment(Qt::AlignCenter);
    m_detail = new ConnectionDetailWidget(session, m_connections, m_members, m_detailStack);
    m_detailStack->addWidget(m_noSelection);
    m_detailStack->addWidget(m_detail);
    connect(m_detail, &ConnectionDetailWidget::errorOccurred, this, &MainWindow::showError);

    splitter->addWidget(left);
    splitter->addWidget(m_detailStack);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({680, 600});
    auto *workspaceLayout = new QVBoxLayout(m_workspace);
    workspaceLayout->setContentsMargins(0, 0, 0, 0);
    workspaceLayout->addWidget(splitter);

    m_welcome = createWelcome();
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_workspace);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { updateView(); });
    connect(m_connections, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateView);
    connect(m_connections, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateView);
    connect(m_connections, &QAbstractItemModel::modelReset, this, &MainWindow::updateView);
    connect(m_connections, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(session, &OwnerSession::callerChanged, this, &MainWindow::updateActions);

    m_keyState->setText(tr("Master key: %1").arg(m_engine->keyStoreDescription()));
    setWindowTitle(tr("Opbox Pipelines — %1").arg(session->workspaceName()));
    if (m_connections->rowCount() > 0)
        selectConnection(m_connections->connection(0).value(u"id"_s).toString());
    updateView();
}

QString MainWindow::currentConnectionId() const
{
    if (!m_list)
        return {};
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    if (!current.isValid() || !m_list->selectionModel()->isRowSelected(current.row(), current.parent()))
        return {};
    return current.data(ConnectionListModel::IdRole).toString();
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

void MainWindow::updateActions()
{
    const bool ready = m_session != nullptr;
    const bool admin = ready && m_session->caller().atLeast(Role::Admin);
    const bool selected = ready && !currentConnectionId().isEmpty();
    m_newConnection->setEnabled(admin);
    m_delete->setEnabled(admin && selected);
    m_auditLog->setEnabled(admin);
    m_settings->setEnabled(ready);
}

void MainWindow::newConnection(const QString &type)
{
    if (!m_session)
        return;
    auto *wizard = new NewConnectionWizard(m_session, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (!type.isEmpty())
        wizard->preselectType(type);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        const QString id = wizard->createdConnectionId();
        // The model hears about the new row through the service's signal; make sure it is there now.
        m_connections->refresh(id);
        selectConnection(id);
        statusBar()->showMessage(tr("Connection \"%1\" created.").arg(wizard->name), 5000);
    });
    wizard->open();
    Q_EMIT dialogOpened(wizard);
}

void MainWindow::deleteConnection()
{
    const QString id = currentConnectionId();
    if (id.isEmpty() || !m_session)
        return;
    const QString name = m_connections->connection(id).value(u"name"_s).toString();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Connection"),
                                tr("Delete the connection \"%1\"?").arg(name), QMessageBox::NoButton, this);
    box->setInformativeText(tr("Its credentials, runs and webhook URL are removed. Synced Opbox tables are kept."));
    QPushButton *deleteButton = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    deleteButton->setObjectName(u"confirmDelete"_s);
    QPushButton *cancel = box->addButton(tr("&Cancel"), QMessageBox::RejectRole);
    box->setDefaultButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, deleteButton, id, name] {
        if (box->clickedButton() != deleteButton)
            return;
        auto removed = m_session->engine()->connections()->remove(m_session->caller(), id);
        if (!removed) {
            showError(removed.error().message);
            return;
        }
        statusBar()->showMessage(tr("Connection \"%1\" deleted.").arg(name), 5000);
    });
    box->open();
    Q_EMIT dialogOpened(box);
}

void MainWindow::showSettings()
{
    if (!m_session || !m_api)
        return;
    auto *dialog = new SettingsDialog(m_session, m_api, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    Q_EMIT dialogOpened(dialog);
}

void MainWindow::showAuditLog()
{
    if (!m_session)
        return;
    auto *dialog = new AuditLogDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    Q_EMIT dialogOpened(dialog);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Opbox Pipelines"),
                       tr("<h3>Opbox Pipelines %1</h3>"
                          "<p>Syncs data from SaaS services into local Opbox tables.</p>"
                          "<p>Data directory: %2</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QCoreApplication::applicationVersion(), m_engine->dataDir().toHtmlEscaped()));
}

void MainWindow::showError(const QString &message)
{
    qCWarning(lcUi) << "shown to the user:" << message;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Opbox Pipelines"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Ok)->setText(tr("&OK"));
    box->open();
    Q_EMIT dialogOpened(box);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeToTray) {
        hide();
        event->ignore();
        Q_EMIT hiddenToTray();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace Opbox
