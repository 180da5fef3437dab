// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;

namespace Opbox {

class ApiServer;
class Engine;

/** The application's main window: connections, their runs and tables, notifications and settings. */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Engine *engine, ApiServer *api, QWidget *parent = nullptr);

    /** Empty when the API server runs, else why it does not (the app keeps working without it). */
    void setApiServerState(const QString &problem);
    /** Called once the vault is open and every service exists. */
    void engineReady();

private:
    Engine *m_engine;
    ApiServer *m_api;
    QLabel *m_apiState;
};

} // namespace Opbox
