// SPDX-License-Identifier: GPL-3.0-or-later
// The composition root: parse the command line and hand over to the mode it asks for.
#include "app/admincommandrunner.h"
#include "app/commandline.h"
#include "app/demosandbox.h"
#include "app/desktopapplication.h"
#include "app/displayguard.h"
#include "app/serverrunner.h"
#include "engine/security/environmentsecrets.h"
#include "models/ownersession.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QUrl>
#include <algorithm>
#include <cstdio>
#include <memory>
#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
#ifdef Q_OS_UNIX
    // Every file this process creates (databases, exports, logs) is its user's alone.
    ::umask(077);
#endif
    // Secrets given through the environment leave it before anything can start a child process
    // (the demo sandbox, a browser for OAuth) that would inherit them.
    Opbox::EnvironmentSecrets::stash();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const Opbox::CommandLine cl = Opbox::CommandLine::parse(arguments);
    const bool gui = cl.error.isEmpty() && cl.mode == Opbox::CommandLine::Mode::Gui;

    std::unique_ptr<QCoreApplication> app;
    if (gui) {
        app = Opbox::DisplayGuard::createApplication(argc, argv);
        if (!app)
            return 1;
        // The installer's desktop file id (installer/io.opbox.Pipelines.desktop): lets Wayland
        // shells and task bars match the window to its launcher and icon.
        QGuiApplication::setDesktopFileName(u"io.opbox.Pipelines"_s);
    } else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(u"opbox-pipelines"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(OPBOX_VERSION));

    if (!cl.error.isEmpty()) {
        std::fprintf(stderr, "opbox-pipelines: %s\nTry 'opbox-pipelines --help'.\n", qPrintable(cl.error));
        return 2;
    }
    switch (cl.mode) {
    case Opbox::CommandLine::Mode::Help: std::fprintf(stdout, "%s", qPrintable(cl.helpText)); return 0;
    case Opbox::CommandLine::Mode::Version: std::fprintf(stdout, "opbox-pipelines %s\n", OPBOX_VERSION); return 0;
    case Opbox::CommandLine::Mode::TokenCreate: return Opbox::AdminCommandRunner::tokenCreate(cl);
    case Opbox::CommandLine::Mode::TokenList: return Opbox::AdminCommandRunner::tokenList(cl);
    case Opbox::CommandLine::Mode::TokenRevoke: return Opbox::AdminCommandRunner::tokenRevoke(cl);
    case Opbox::CommandLine::Mode::KeyRotate: return Opbox::AdminCommandRunner::keyRotate(cl);
    case Opbox::CommandLine::Mode::Server: return Opbox::ServerRunner::runServer(cl);
    case Opbox::CommandLine::Mode::Gui: {
        Opbox::DesktopApplication::Options options;
        options.dataDir = cl.resolvedDataDir();
        options.apiAddress = cl.listenAddress;
        options.apiPort = cl.listenPort;
        options.apiPortGiven = cl.listenGiven;
        options.publicUrl = cl.publicUrl;
        options.workers = cl.workers;
        options.workersGiven
            = std::any_of(arguments.cbegin(), arguments.cend(), [](const QString &a) { return a.startsWith(u"--workers"_s); });
        options.demo = cl.demo;
        std::unique_ptr<Opbox::DemoSandbox> sandbox;
        if (cl.demo) {
            sandbox = std::make_unique<Opbox::DemoSandbox>();
            QString error;
            if (!sandbox->start(&error)) {
                std::fprintf(stderr, "opbox-pipelines: the demo sandbox did not start: %s\n", qPrintable(error));
                return 1;
            }
            QUrl redirectBase = cl.publicUrl;
            if (redirectBase.isEmpty()) {
                redirectBase.setScheme(u"http"_s);
                redirectBase.setHost(cl.listenHost);
                redirectBase.setPort(cl.listenPort);
            }
            options.onReady = [&sandbox, redirectBase](Opbox::Engine *engine, Opbox::OwnerSession *session) {
                (void)sandbox->populate(engine, session->caller(), redirectBase);
            };
        }
        return Opbox::DesktopApplication::run(options);
    }
    }
    return 0;
}
