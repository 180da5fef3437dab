// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Opbox {

class MainWindow;

/**
 * The system-tray icon: Show, Run all and Quit, and messages when runs complete or fail. While it
 * exists, closing the main window only hides it, so scheduled syncs go on.
 */
class TrayController : public QObject
{
    Q_OBJECT
public:
    explicit TrayController(MainWindow *window, QObject *parent = nullptr);
    ~TrayController() override;

    /** False on desktops without a tray; the app then quits when the window closes. */
    [[nodiscard]] bool isAvailable() const { return m_tray != nullptr; }
    [[nodiscard]] QMenu *menu() const { return m_menu; }
    /** Adds an action to the tray menu before Quit (e.g. Run all, when the sync engine offers it). */
    void addAction(QAction *action);
    /** Shows a message balloon (the tray decides how); `failure` picks the warning icon. */
    void showMessage(const QString &title, const QString &message, bool failure);

private:
    void showWindow();

    QPointer<MainWindow> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_separator = nullptr;
    bool m_hintShown = false;
};

} // namespace Opbox
