// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktopapplication.h"
#include "app/desktopapiserver.h"
#include "engine/security/secretstore.h"
#include "engine/services/engine.h"
#include "engine/services/triggerservice.h"
#include "engine/store/datadiruse.h"
#include "engine/sync/syncworkerpool.h"
#include "models/apiservercontroller.h"
#include "models/iconlibrary.h"
#include "models/ownersession.h"
#include "ui/mainwindow.h"
#include "ui/traycontroller.h"
#include "ui/uilogging.h"

#include <QApplication>
#include <QCoroTask>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Opbox {

DesktopApplication::DesktopApplication(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

DesktopApplication::~DesktopApplication()
{
    shutdown();
    // The window and tray reference the session and engine: tear down from the top.
    m_tray.reset();
    m_window.reset();
    if (m_apiController)
        m_apiController->stop();
    m_apiController.reset();
    m_api.reset();
    m_session.reset();
}

bool DesktopApplication::installTranslations(const QLocale &locale)
{
    static QTranslator *translator = nullptr;
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
        translator = nullptr;
    }
    auto *candidate = new QTranslator(qApp);
    // A language without a translation (and the C locale) gets English: it carries the plural forms.
    if (!candidate->load(locale, u"opbox"_s, u"_"_s, u":/i18n"_s)
        && !candidate->load(QLocale(QLocale::English), u"opbox"_s, u"_"_s, u":/i18n"_s)) {
        delete candidate;
        return false;
    }
    QCoreApplication::installTranslator(candidate);
    translator = candidate;
    return true;
}

bool DesktopApplication::start()
{
    m_engine = std::make_unique<Engine>(m_options.dataDir);
    m_window = std::make_unique<MainWindow>(m_engine.get());
    connect(m_window.get(), &MainWindow::quitRequested, this, &DesktopApplication::quit);
    if (auto ok = m_engine->open(); !ok) {
        qCCritical(lcUi) << "engine did not open:" << ok.error().message;
        m_window->showStartupError(ok.error().message);
        m_window->show();
        return false;
    }
    // Held while the window is open, so that `key rotate` refuses to run underneath the app.
    m_dataDirUse = std::make_unique<DataDirUse>();
    if (auto held = m_dataDirUse->hold(m_engine->dataDir()); !held)
        qCWarning(lcUi) << held.error().message;
    m_api = std::make_unique<DesktopApiServer>(m_engine.get());
    m_apiController = std::make_unique<ApiServerController>(m_api.get(), m_engine->settings());
    m_apiController->setCommandLine(m_options.apiAddress, m_options.apiPort, m_options.apiPortGiven, m_options.publicUrl,
                                    m_options.workers, m_options.workersGiven);
    m_window->setApiServerController(m_apiController.get());
    m_tray = std::make_unique<TrayController>(m_window.get());
    QApplication::setQuitOnLastWindowClosed(!m_tray->isAvailable());
    m_window->show();

    // The keychain answers asynchronously (it may even ask the user); the window is already up.
    m_keychain = std::make_unique<KeychainSecretStore>();
    QCoro::connect(m_engine->unlock(m_keychain.get()), this, [this](const Result<void> &unlocked) {
        if (!unlocked) {
            qCCritical(lcUi) << "vault did not open:" << unlocked.error().message;
            m_window->showStartupError(unlocked.error().message);
            return;
        }
        onUnlocked();
    });
    return true;
}

void DesktopApplication::onUnlocked()
{
    const QString workspace = m_options.demo ? u"Demo"_s : u"Default"_s;
    auto session = OwnerSession::open(m_engine.get(), workspace);
    if (!session) {
        m_window->showStartupError(session.error().message);
        return;
    }
    m_session = std::move(*session);
    m_window->attachSession(m_session.get());
    m_tray->attachSession(m_session.get());
    m_apiController->start();
    // Syncs run on the engine's worker threads; the minute scheduler checks on a pool thread.
    m_engine->syncWorkers()->start(m_apiController->config().workers);
    m_engine->triggers()->startScheduler();
    if (m_options.onReady)
        m_options.onReady(m_engine.get(), m_session.get());
    Q_EMIT ready();
}

void DesktopApplication::shutdown()
{
    if (!m_engine || !m_engine->isUnlocked() || m_shutDown)
        return;
    m_shutDown = true;
    // No new runs; running ones stop after the page they are committing (that page is kept).
    m_engine->triggers()->stopScheduler();
    m_engine->syncWorkers()->stop(u"application closed"_s);
}

void DesktopApplication::quit()
{
    if (m_window)
        m_window->hide();
    shutdown();
    QCoreApplication::quit();
}

int DesktopApplication::run(const Options &options)
{
    installTranslations(QLocale());
    QApplication::setWindowIcon(IconLibrary::application());
    DesktopApplication app(options);
    // When the engine cannot open, the window shows why until the user closes it; the exit code says so.
    const bool started = app.start();
    const int rc = QApplication::exec();
    return started ? rc : 1;
}

} // namespace Opbox
