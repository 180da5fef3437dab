// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QUrl>
#include <memory>

class QProcess;

namespace Opbox {

class Engine;
class NetworkThread;

/**
 * `--demo`: the provider fakes as a local sandbox in a process of their own (opbox-fake-services,
 * installed beside the app, so that the product links no test code), and a demo workspace with one
 * connection of every sandboxed type pointing at them, so a first-time user sees data sync without
 * any account. OAuth types are authorized through the engine's real OAuth flow against the fake
 * provider's consent, the sandbox playing the browser.
 */
class DemoSandbox : public QObject
{
    Q_OBJECT
public:
    /** The workspace the demo connections live in. */
    static QString workspaceName();

    /** One sandboxed service as opbox-fake-services announced it. */
    struct Service
    {
        QString type; ///< connector type, e.g. CRM_PLATFORM
        QString name; ///< e.g. hubspot
        QUrl baseUrl;
        QJsonObject config; ///< what a connection to it needs (baseUrl, authBaseUrl, seeded ids)
        QJsonObject credentials; ///< what it accepts (for OAuth types: the registered client)
    };

    /** Reads one announcement line: "<TYPE> <name> <baseUrl> config=<json> credentials=<json>". */
    [[nodiscard]] static Result<Service> parseServiceLine(const QString &line);

    explicit DemoSandbox(QObject *parent = nullptr);
    ~DemoSandbox() override;

    /**
     * Starts opbox-fake-services (next to this executable, or `program` when given) and waits until
     * it has announced every fake on 127.0.0.1; false with the reason.
     */
    [[nodiscard]] bool start(QString *error, const QString &program = {});
    /** The loopback ports the fakes listen on (API and OAuth servers): all a demo server may reach locally. */
    [[nodiscard]] QSet<quint16> loopbackPorts() const;
    /** "<TYPE> <service> <baseUrl>" per fake. */
    [[nodiscard]] QStringList describe() const;
    /**
     * Creates the demo connections that do not exist yet in the caller's workspace (one per type,
     * hourly schedule) and points existing ones at this run's fake addresses; the number created.
     * OAuth connections are (re-)authorized asynchronously: `authorizationFinished` reports each.
     * `publicUrl` is the base of the OAuth redirect URI (default: the API server's default address);
     * the sandbox reads the code from the consent redirect itself, so nothing has to listen there.
     */
    [[nodiscard]] Result<int> populate(Engine *engine, const Caller &caller, const QUrl &publicUrl = {});

Q_SIGNALS:
    /** An OAuth demo connection's authorization ended; `ok` false: `message` says why. */
    void authorizationFinished(const QString &connectionId, bool ok, const QString &message);

private:
    /** Starts the OAuth flow for a demo connection (creating it when `connectionId` is empty); its id. */
    [[nodiscard]] Result<QString> authorize(Engine *engine, const Caller &caller, const Service &fake, const QString &name,
                                            const QString &connectionId, const QUrl &publicUrl);
    /** Follows the authorize URL on the sandbox thread like a browser and hands the redirect's code to the engine. */
    void consent(Engine *engine, const Caller &caller, const QString &type, const QString &connectionId,
                 const QUrl &authorizeUrl);
    void exchange(Engine *engine, const Caller &caller, const QString &type, const QString &connectionId, const QUrl &redirect);

    // The sandbox's own browser, which follows the OAuth consent redirects.
    std::unique_ptr<NetworkThread> m_browser;
    QProcess *m_process = nullptr;
    QList<Service> m_services;
};

} // namespace Opbox
