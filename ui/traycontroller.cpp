// SPDX-License-Identifier: GPL-3.0-or-later
#include "traycontroller.h"
#include "iconlibrary.h"
#include "mainwindow.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace Opbox {

TrayController::TrayController(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
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
                    tr("The window is closed, but scheduled syncs go on. Use the tray icon to open it again or to quit."),
                    false);
    });
    window->setCloseToTray(true);
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

void TrayController::showWindow()
{
    if (!m_window)
        return;
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace Opbox
