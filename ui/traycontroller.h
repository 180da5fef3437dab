// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Opbox {

class ConnectionActions;
class MainWindow;
class OwnerSession;
class RunActions;

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
    /** Starts reporting finished runs of the session's workspace, as the owner's preferences allow. */
    void attachSession(OwnerSession *session);
    /** Whether a finished run is reported to the owner (preferences and the connection's recipients). */
    [[nodiscard]] bool shouldReport(const QString &connectionId, const QString &status) const;

Q_SIGNALS:
    /** A run's outcome was (or, without a tray, would have been) shown; for tests and logs. */
    void runReported(const QString &title, const QString &message, bool failure);

private:
    void showWindow();
    void onRunFinished(const QString &connectionId, const QString &runId, const QString &status);

    QPointer<MainWindow> m_window;
    OwnerSession *m_session = nullptr;
    ConnectionActions *m_connections = nullptr;
    RunActions *m_runs = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_separator = nullptr;
    bool m_hintShown = false;
};

} // namespace Opbox
