// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <functional>

class QDialog;
class QWidget;

namespace Opbox {

class MainWindow;

/**
 * Carries out the main window's connection actions (new, delete, run, stop, run all, edit,
 * variant, cursor reset, authorize) on the selected connection: opens the wizard or dialog, calls
 * the models/ actions and reports the outcome in the window's status bar or an error box.
 */
class ConnectionActionController : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionActionController(MainWindow *window);

public Q_SLOTS:
    void newConnection(const QString &type = {});
    void deleteConnection();
    void runNow();
    void stopRun();
    void runAll();
    void editConnection();
    void newVariant();
    void resetCursor();
    void authorize();

Q_SIGNALS:
    /** A dialog or wizard was opened. */
    void dialogOpened(QWidget *dialog);

private:
    /** The selected connection's id; empty when none is selected or the session is not open yet. */
    [[nodiscard]] QString selectedId() const;
    /** Opens a dialog that deletes itself when closed; `onAccepted` (when set) runs on OK or Finish. */
    void open(QDialog *dialog, const std::function<void()> &onAccepted);

    MainWindow *m_window;
};

} // namespace Opbox
