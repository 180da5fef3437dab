// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/connectionlistview.h"

#include <QJsonObject>
#include <QMainWindow>
#include <QPointer>
#include <QUrl>

class QAction;
class QDialog;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;

namespace Opbox {

class ActivityListModel;
class ApiServerController;
class ConnectionActionController;
class ConnectionDetailWidget;
class ConnectionListModel;
class DesktopNotifier;
class Engine;
class MemberListModel;
class NotificationListModel;
class OwnerSession;

/**
 * The application's main window: the connection list beside the selected connection's details,
 * with the toolbar and menus for everything an admin does; ConnectionActionController carries the
 * connection actions out. It reaches the engine only through models/, never over HTTP.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Engine *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setApiServerController(ApiServerController *api);
    /** Called once the vault is open and the owner's session exists: builds the models and views. */
    void attachSession(OwnerSession *session);
    /** Shows why the engine could not start (the window stays, so the message can be read). */
    void showStartupError(const QString &message);
    /** When true (a tray icon exists), closing the window hides it and syncing goes on. */
    void setCloseToTray(bool on) { m_closeToTray = on; }

    [[nodiscard]] OwnerSession *session() const { return m_session; }
    [[nodiscard]] ConnectionListModel *connectionModel() const { return m_connections; }
    [[nodiscard]] ConnectionListView *connectionView() const { return m_list; }
    [[nodiscard]] ConnectionDetailWidget *detail() const { return m_detail; }
    [[nodiscard]] NotificationListModel *notificationModel() const { return m_notificationModel; }
    /** The syncs this window started and how they ended. */
    [[nodiscard]] ActivityListModel *activityModel() const { return m_activity; }
    /** Tells the desktop user how the syncs they started ended (the tray sets its fallback). */
    [[nodiscard]] DesktopNotifier *notifier() const { return m_notifier; }
    /** Follows a run this window started: the Activity list and a desktop notification when it ends. */
    void trackRun(const QString &connectionId, const QString &runId);
    [[nodiscard]] QString currentConnectionId() const;
    void selectConnection(const QString &connectionId);
    /** The base of webhook and OAuth redirect URLs: the API server's public URL. */
    [[nodiscard]] QUrl publicUrl() const;
    /** Actions by object name, for the tray and tests ("actionRunAll" …). */
    [[nodiscard]] QAction *action(const QString &objectName) const;

public Q_SLOTS:
    void showNotifications();
    void showSettings();
    void showAuditLog();
    /** Tools → Connector Builder: write, test-read and install a connector type as a manifest. */
    void showConnectorBuilder();
    void showAbout();
    void showError(const QString &message);
    /** A short message in the status bar (also emitted as statusMessage). */
    void showStatus(const QString &message);

Q_SIGNALS:
    /** A dialog or wizard was opened (tests and the tray use it). */
    void dialogOpened(QWidget *dialog);
    void quitRequested();
    /** A short message for the status bar and, when hidden, the tray. */
    void statusMessage(const QString &message);
    /** The window was closed while a tray icon keeps the app (and its syncs) running. */
    void hiddenToTray();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    /** Whether a dialog blocks the window (settings, messages) or stays beside it (lists). */
    enum Modality { WindowModal, Modeless };

    void createActions();
    void createMenus();
    void createActivityDock();
    /** Window geometry, splitter and the list's column widths and sort order, as the user left them. */
    void restoreLayout();
    void saveLayout();
    QWidget *createWelcome();
    void updateActions();
    void updateView();
    void updateApiState();
    void updateNotificationCount(int unread);
    /** Shows a dialog that deletes itself when closed and announces it (dialogOpened). */
    void present(QDialog *dialog, Modality modality);
    /** The selected connection's object, or empty. */
    [[nodiscard]] QJsonObject currentConnection() const;

    Engine *m_engine;
    ConnectionActionController *m_actions;
    QPointer<ApiServerController> m_api;
    OwnerSession *m_session = nullptr;
    ConnectionListModel *m_connections = nullptr;
    MemberListModel *m_members = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_closeToTray = false;

    QStackedWidget *m_stack;
    QLabel *m_startup;
    QWidget *m_welcome = nullptr;
    QWidget *m_workspace = nullptr;
    QLineEdit *m_filter = nullptr;
    ConnectionListView *m_list = nullptr;
    ConnectionDetailWidget *m_detail = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_noSelection = nullptr;
    QLabel *m_apiState;
    QLabel *m_keyState;

    NotificationListModel *m_notificationModel = nullptr;
    ActivityListModel *m_activity = nullptr;
    DesktopNotifier *m_notifier;
    QDockWidget *m_activityDock = nullptr;
    QMenu *m_viewMenu = nullptr;

    QAction *m_newConnection = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_runNow = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_runAll = nullptr;
    QAction *m_editConnection = nullptr;
    QAction *m_newVariant = nullptr;
    QAction *m_resetCursor = nullptr;
    QAction *m_authorize = nullptr;
    QAction *m_notifications = nullptr;
    QAction *m_auditLog = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_about = nullptr;
    QAction *m_connectorBuilder = nullptr;
    QAction *m_quit = nullptr;
};

} // namespace Opbox
