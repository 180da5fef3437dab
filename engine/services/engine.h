// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/masterkeyloader.h"
#include "engine/services/connectionjson.h"

#include <QCoroTask>
#include <QObject>
#include <memory>

namespace Opbox {

class AuditLog;
class ConnectionService;
class ConnectorManifestService;
class ConnectorService;
class Database;
class IdentityService;
class MessagingWebhookService;
class NotificationService;
class OAuthService;
class RunService;
class SecretStore;
class SettingsStore;
class SyncWorkerPool;
class TriggerService;
class VariantService;
class WebhookService;
class Vault;
class WorkspaceDataStore;

/**
 * The engine's composition: the data directory's databases, the vault and the services built on
 * them. Shared by the GUI, the headless server, the CLI and the tests, so all of them run the same
 * code. Services are safe to call from any thread (each thread gets its own database connection).
 */
class Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(QString dataDir, QObject *parent = nullptr);
    ~Engine() override;

    /** Opens `opbox.db` (migrations) and the services that need no secrets (identity, audit). */
    [[nodiscard]] Result<void> open();
    /** Loads or creates the master key (env, keychain, file) and starts the services that need it. */
    [[nodiscard]] QCoro::Task<Result<void>> unlock(SecretStore *keychain);
    /** Starts the secret-holding services with a known key (tests, tools). */
    [[nodiscard]] Result<void> unlockWithKey(const QByteArray &key);

    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    [[nodiscard]] bool isUnlocked() const { return m_vault != nullptr; }
    [[nodiscard]] const MasterKey::Source *keySource() const { return m_keySource ? &*m_keySource : nullptr; }
    [[nodiscard]] QString keyStoreDescription() const;

    [[nodiscard]] Database *metadata() const { return m_metadata.get(); }
    [[nodiscard]] WorkspaceDataStore *workspaceData() const { return m_workspaceData.get(); }
    [[nodiscard]] SettingsStore *settings() const { return m_settings.get(); }
    [[nodiscard]] IdentityService *identity() const { return m_identity; }
    [[nodiscard]] AuditLog *audit() const { return m_audit; }
    [[nodiscard]] const Vault *vault() const { return m_vault.get(); }
    [[nodiscard]] ConnectionService *connections() const { return m_connections; }
    /** Test, check and discover against the provider, off the calling thread. */
    [[nodiscard]] ConnectorService *connectorService() const { return m_connectorService; }
    /** User connector types (manifests): list, validate, install, remove, test-read; exists once opened. */
    [[nodiscard]] ConnectorManifestService *connectorManifests() const { return m_connectorManifests; }
    /** Sync runs: trigger, stop, list, cursor reset (null until unlocked). */
    [[nodiscard]] RunService *runs() const { return m_runs; }
    [[nodiscard]] NotificationService *notifications() const { return m_notifications; }
    /** The sync runners; created unlocked but idle: the server or GUI calls `start(workers)`. */
    [[nodiscard]] SyncWorkerPool *syncWorkers() const { return m_syncWorkers; }
    /** Schedules (cron and the minute timer) and run-all (null until unlocked). */
    [[nodiscard]] TriggerService *triggers() const { return m_triggers; }
    /** Writes connections as the REST API and the GUI lists show them (with last run and next start). */
    [[nodiscard]] ConnectionJson connectionJson() const;
    /** Webhook triggers and the reveal of webhook URLs (null until unlocked). */
    [[nodiscard]] WebhookService *webhooks() const { return m_webhooks; }
    /** Connection variants (null until unlocked). */
    [[nodiscard]] VariantService *variants() const { return m_variants; }
    /** Inbound messages on MESSAGING connections' webhook URLs (null until unlocked). */
    [[nodiscard]] MessagingWebhookService *messagingWebhooks() const { return m_messagingWebhooks; }
    /** The OAuth authorization flow of the OAuth connector types (null until unlocked). */
    [[nodiscard]] OAuthService *oauth() const { return m_oauth; }

Q_SIGNALS:
    /** The vault is open and every service exists; later layers attach here. */
    void unlocked();

private:
    void startSecretServices();

    QString m_dataDir;
    std::unique_ptr<Database> m_metadata;
    std::unique_ptr<WorkspaceDataStore> m_workspaceData;
    std::unique_ptr<SettingsStore> m_settings;
    std::unique_ptr<Vault> m_vault;
    std::optional<MasterKey::Source> m_keySource;
    IdentityService *m_identity = nullptr;
    AuditLog *m_audit = nullptr;
    ConnectionService *m_connections = nullptr;
    ConnectorService *m_connectorService = nullptr;
    ConnectorManifestService *m_connectorManifests = nullptr;
    NotificationService *m_notifications = nullptr;
    RunService *m_runs = nullptr;
    SyncWorkerPool *m_syncWorkers = nullptr;
    TriggerService *m_triggers = nullptr;
    WebhookService *m_webhooks = nullptr;
    VariantService *m_variants = nullptr;
    MessagingWebhookService *m_messagingWebhooks = nullptr;
    OAuthService *m_oauth = nullptr;
};

} // namespace Opbox
