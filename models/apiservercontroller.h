// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/apiserverhandle.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

namespace Opbox {

class SettingsStore;

/**
 * Runs the in-process REST API server for the desktop app: starts it on its own thread with the
 * saved (or command-line) address, restarts it when Settings change, and reports a port that is
 * taken instead of failing — the app keeps working without the server.
 */
class ApiServerController : public QObject
{
    Q_OBJECT
public:
    /** What the user chose in Settings (persisted in the engine's settings store). */
    struct Config
    {
        bool enabled = true;
        quint16 port = 8787;
        QUrl publicUrl; ///< empty: http://HOST:PORT
        int workers = 4;
    };

    ApiServerController(ApiServerHandle *server, SettingsStore *settings, QObject *parent = nullptr);

    /** The command line wins over saved settings for the address, port and public URL. */
    void setCommandLine(const QHostAddress &address, quint16 port, bool portGiven, const QUrl &publicUrl, int workers,
                        bool workersGiven);

    [[nodiscard]] Config config() const { return m_config; }
    [[nodiscard]] QHostAddress address() const { return m_address; }
    /** Saves the configuration and restarts the server when something that matters changed. */
    void apply(const Config &config);
    /** Starts (or restarts) the server with the current configuration. */
    void start();
    void stop();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QUrl url() const;
    /** Why the server is not running (port taken …); empty when it runs or was switched off. */
    [[nodiscard]] QString problem() const { return m_problem; }
    /** One line for the status bar. */
    [[nodiscard]] QString stateText() const;

Q_SIGNALS:
    void stateChanged();
    /** The number of concurrent sync runs changed (the sync engine applies it). */
    void workersChanged(int workers);

private:
    void load();

    ApiServerHandle *m_server;
    SettingsStore *m_settings;
    Config m_config;
    QHostAddress m_address = QHostAddress(QHostAddress::LocalHost);
    QString m_problem;
};

} // namespace Opbox
