// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

class QLocale;

namespace Opbox {

class DataDirUse;
class DesktopApiServer;
class ApiServerController;
class Engine;
class KeychainSecretStore;
class MainWindow;
class OwnerSession;
class TrayController;

/**
 * The desktop application's composition: the engine in-process, the local owner's session, the
 * API server on its own thread, the main window and the tray icon. The window appears at once
 * and fills in when the keychain has answered.
 */
class DesktopApplication : public QObject
{
    Q_OBJECT
public:
    /** What the command line asked of the GUI. */
    struct Options
    {
        QString dataDir;
        QHostAddress apiAddress = QHostAddress(QHostAddress::LocalHost);
        quint16 apiPort = 8787;
        bool apiPortGiven = false;
        QUrl publicUrl;
        int workers = 4;
        bool workersGiven = false;
        bool demo = false;
        /** Called once the owner's session exists (the composition root adds the demo sandbox here). */
        std::function<void(Engine *, OwnerSession *)> onReady;
    };

    explicit DesktopApplication(Options options, QObject *parent = nullptr);
    ~DesktopApplication() override;

    /** Runs the GUI event loop; returns the exit code. */
    static int run(const Options &options);
    /** Loads the app's translation for `locale` (English and German are embedded). */
    static bool installTranslations(const QLocale &locale);

    /** Opens the engine and shows the window; false (after telling the user) when the engine cannot open. */
    [[nodiscard]] bool start();
    [[nodiscard]] MainWindow *window() const { return m_window.get(); }
    [[nodiscard]] Engine *engine() const { return m_engine.get(); }
    [[nodiscard]] OwnerSession *session() const { return m_session.get(); }
    /** Stops the scheduler and the sync workers (running runs are checkpointed and cancelled). */
    void shutdown();

Q_SIGNALS:
    /** The owner's session exists and the window shows the workspace. */
    void ready();

private:
    void onUnlocked();
    void quit();

    Options m_options;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<DataDirUse> m_dataDirUse;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<DesktopApiServer> m_api;
    std::unique_ptr<ApiServerController> m_apiController;
    std::unique_ptr<OwnerSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayController> m_tray;
    bool m_shutDown = false;
};

} // namespace Opbox
