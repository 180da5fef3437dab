// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traycontroller.h"
#include "models/activitylistmodel.h"
#include "models/connectionactions.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "models/notificationsettings.h"
#include "models/ownersession.h"
#include "models/runactions.h"
#include "ui/desktopnotifier.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>
#include <limits>

using namespace Qt::StringLiterals;

namespace Opbox {

TrayController::TrayController(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    // Without a tray the run reports still go to the status bar; with one they become balloons.
    connect(this, &TrayController::runReported, window,
            [window](const QString &title, const QString &message, bool) { window->showStatus(title + u": "_s + message); });
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_menu = new QMenu;
    QAction *show = m_menu->addAction(IconLibrary::action(u"show"_s), tr("&Show Opbox Pipelines"));
    show->setObjectName(u"trayShow"_s);
    connect(show, &QAction::triggered, this, &TrayController::showWindow);
    m_separator = m_menu->addSeparator();
    QAction *quit = m_menu->addAction(IconLibrary::action(u"quit"_s), tr("&Quit"));
    quit->setObjectName(u"trayQuit"_s);
    connect(quit, &QAction::triggered, window, &MainWindow::quitRequested);

    m_tray = new QSystemTrayIcon(IconLibrary::application(), this);
    m_tray->setToolTip(tr("Opbox Pipelines"));
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            showWindow();
    });
    connect(window, &MainWindow::hiddenToTray, this, [this] {
        if (m_hintShown)
            return;
        m_hintShown = true;
        showMessage(tr("Opbox Pipelines keeps syncing"),
                    tr("The window is closed, but scheduled syncs go on. Use the tray icon to open it again or to quit."), false);
    });
    window->setCloseToTray(true);
    // Without a desktop notification service, the window's notifications become tray messages.
    window->notifier()->setFallback(
        [this](const QString &title, const QString &message, bool failure) { showMessage(title, message, failure); });
    m_tray->show();
}

TrayController::~TrayController()
{
    delete m_menu;
}

void TrayController::addAction(QAction *action)
{
    if (m_menu)
        m_menu->insertAction(m_separator, action);
}

void TrayController::showMessage(const QString &title, const QString &message, bool failure)
{
    if (m_tray)
        m_tray->showMessage(title, message, failure ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
}

void TrayController::attachSession(OwnerSession *session)
{
    m_session = session;
    m_connections = new ConnectionActions(session, this);
    m_runs = new RunActions(session, this);
    connect(m_runs, &RunActions::runFinished, this, &TrayController::onRunFinished);
    if (m_window)
        addAction(m_window->action(u"actionRunAll"_s));
}

bool TrayController::shouldReport(const QString &connectionId, const QString &status) const
{
    if (!m_session || (status != u"COMPLETED"_s && status != u"FAILED"_s))
        return false;
    const NotificationSettings prefs(m_session);
    if ((status == u"COMPLETED"_s && !prefs.onSuccess()) || (status == u"FAILED"_s && !prefs.onFailure()))
        return false;
    auto record = m_connections->facts(connectionId);
    if (!record)
        return false;
    // Like the engine's notifications: a connection with chosen recipients reports only to them.
    return record->notifyUserIds.isEmpty() || record->notifyUserIds.contains(m_session->userId());
}

void TrayController::onRunFinished(const QString &connectionId, const QString &runId, const QString &status)
{
    if (!m_session || !shouldReport(connectionId, status))
        return;
    // A sync started in the window is reported by the window's own notification.
    if (m_window && m_window->activityModel() && m_window->activityModel()->isTracked(runId))
        return;
    auto record = m_connections->facts(connectionId);
    auto run = m_runs->outcome(connectionId, runId);
    if (!record || !run)
        return;
    const bool failed = status == u"FAILED"_s;
    const QString title = failed ? tr("Sync failed: %1").arg(record->name) : tr("Sync completed: %1").arg(record->name);
    const int rows = int(std::min<qint64>(run->rowsSynced, std::numeric_limits<int>::max()));
    const QString message = failed ? run->error
                                   : tr("%n row(s) synced (%1 new, %2 updated).", nullptr, rows)
                                         .arg(DisplayFormat::count(run->rowsCreated), DisplayFormat::count(run->rowsUpdated));
    showMessage(title, message, failed);
    Q_EMIT runReported(title, message, failed);
}

void TrayController::showWindow()
{
    if (!m_window)
        return;
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace Opbox
