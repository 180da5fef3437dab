// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopapplication.h"
#include "apiserver.h"
#include "engine.h"
#include "identityservice.h"
#include "mainwindow.h"
#include "secretstore.h"
#include "uilogging.h"

#include <QApplication>
#include <QCoroTask>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace Opbox {

int DesktopApplication::run(const QString &dataDir, const QHostAddress &apiAddress, quint16 apiPort)
{
    Engine engine(dataDir);
    if (auto ok = engine.open(); !ok) {
        QMessageBox::critical(nullptr, QApplication::translate("DesktopApplication", "Opbox Pipelines"), ok.error().message);
        return 1;
    }
    KeychainSecretStore keychain;
    ApiServer api(&engine);
    MainWindow window(&engine, &api);

    // The keychain answers asynchronously; the window appears at once and fills in when unlocked.
    QCoro::connect(engine.unlock(&keychain), &window, [&](const Result<void> &unlocked) {
        if (!unlocked) {
            QMessageBox::critical(&window, QApplication::translate("DesktopApplication", "Opbox Pipelines"),
                                  unlocked.error().message);
            QApplication::exit(1);
            return;
        }
        auto port = api.start(apiAddress, apiPort);
        window.setApiServerState(port ? QString() : port.error().message);
        window.engineReady();
    });
    window.show();
    const int rc = QApplication::exec();
    api.stop();
    return rc;
}

} // namespace Opbox
