// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "apiserver.h"
#include "engine.h"

#include <QLabel>
#include <QStatusBar>

namespace Opbox {

MainWindow::MainWindow(Engine *engine, ApiServer *api, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_api(api)
    , m_apiState(new QLabel(this))
{
    setWindowTitle(tr("Opbox Pipelines"));
    resize(1100, 700);
    statusBar()->addPermanentWidget(m_apiState);
    m_apiState->setText(tr("Opening the vault…"));
}

void MainWindow::setApiServerState(const QString &problem)
{
    if (problem.isEmpty())
        m_apiState->setText(tr("API server: %1").arg(m_api->publicUrl().toString()));
    else
        m_apiState->setText(tr("API server off: %1").arg(problem));
}

void MainWindow::engineReady()
{
    statusBar()->showMessage(tr("Secrets protected by: %1").arg(m_engine->keyStoreDescription()), 10000);
}

} // namespace Opbox
