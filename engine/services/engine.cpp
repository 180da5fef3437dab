// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/engine.h"
#include "engine/enginelogging.h"
#include "engine/security/secretresealjob.h"
#include "engine/security/vault.h"
#include "engine/services/connectionservice.h"
#include "engine/services/connectormanifestservice.h"
#include "engine/services/connectorservice.h"
#include "engine/services/identityservice.h"
#include "engine/services/messagingwebhookservice.h"
#include "engine/services/notificationservice.h"
#include "engine/services/oauthservice.h"
#include "engine/services/runservice.h"
#include "engine/services/triggerservice.h"
#include "engine/services/variantservice.h"
#include "engine/services/webhookservice.h"
#include "engine/store/auditlog.h"
#include "engine/store/database.h"
#include "engine/store/filemodepolicy.h"
#include "engine/store/schema.h"
#include "engine/store/settingsstore.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
/**
 * Seals what older versions left in plaintext (webhook tokens, the cron secret) and reseals values
 * of the first format (raw key, no key id) under the derived key, before any service reads them.
 */
Result<void> upgradeSealedSecrets(Database *metadata, const Vault &vault)
{
    auto outcome = SecretResealJob(metadata, &vault, &vault).run(SecretResealJob::Scope::OutdatedOnly);
    if (!outcome)
        return outcome.error();
    if (outcome->resealed > 0 || outcome->sealedPlaintext > 0)
        qCInfo(lcVault) << "upgraded stored secrets:" << outcome->resealed << "re-encrypted," << outcome->sealedPlaintext
                        << "plaintext values sealed";
    return {};
}
} // namespace

Engine::Engine(QString dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(QDir(dataDir).absolutePath())
{
}

Engine::~Engine()
{
    // Services reference the databases: delete them first. Workers first of all: they use the
    // services until their current page is committed.
    delete m_triggers; // stops the scheduler before the services it calls go
    delete m_variants;
    delete m_webhooks;
    delete m_messagingWebhooks; // waits for the deliveries it is writing
    delete m_oauth;
    delete m_syncWorkers;
    delete m_runs;
    delete m_notifications;
    delete m_connectorService;
    delete m_connections;
    delete m_identity;
    delete m_connectorManifests;
    delete m_audit;
}

Result<void> Engine::open()
{
    if (!FileModePolicy::makePrivateDirectory(m_dataDir))
        return Error::internal(QCoreApplication::translate("Engine", "cannot create the data directory %1").arg(m_dataDir));
    FileModePolicy::tightenDataDirectory(m_dataDir);
    m_metadata = std::make_unique<Database>(m_dataDir + u"/opbox.db"_s, Schema::metadataMigrations(), u"metadata"_s);
    if (auto ok = m_metadata->open(); !ok)
        return ok;
    m_workspaceData = std::make_unique<WorkspaceDataStore>(m_dataDir);
    // A workspace data file newer than this build refuses the start as opbox.db does,
    // rather than failing every sync of that workspace later. The files stay open for the services.
    QStringList workspaceIds;
    {
        SqlQuery q(m_metadata->connection(), u"SELECT id FROM workspaces"_s);
        if (!q.exec())
            return Error::internal();
        while (q.next())
            workspaceIds.append(q.value(0).toString());
    }
    if (auto ok = m_workspaceData->openExisting(workspaceIds); !ok)
        return ok;
    m_settings = std::make_unique<SettingsStore>(m_metadata.get());
    m_audit = new AuditLog(m_metadata.get());
    m_identity = new IdentityService(m_metadata.get(), m_workspaceData.get());
    // User connector types are known before the vault opens: a locked GUI still lists them.
    m_connectorManifests = new ConnectorManifestService(m_dataDir, m_metadata.get(), m_audit);
    m_connectorManifests->loadInstalled();
    return {};
}

QCoro::Task<Result<void>> Engine::unlock(SecretStore *keychain)
{
    MasterKeyLoader loader(m_dataDir, m_metadata.get(), keychain);
    auto key = co_await loader.load();
    if (!key)
        co_return key.error();
    m_vault = std::make_unique<Vault>(key->key);
    Vault::wipe(key->key);
    m_keySource = key->source;
    if (auto upgraded = upgradeSealedSecrets(m_metadata.get(), *m_vault); !upgraded) {
        m_vault.reset();
        co_return upgraded.error();
    }
    startSecretServices();
    co_return Result<void>();
}

Result<void> Engine::unlockWithKey(const QByteArray &key)
{
    if (key.size() != Vault::KeySize)
        return Error::internal(u"the master key must be 32 bytes"_s);
    m_vault = std::make_unique<Vault>(key);
    m_keySource = MasterKey::Source::Environment;
    if (auto upgraded = upgradeSealedSecrets(m_metadata.get(), *m_vault); !upgraded) {
        m_vault.reset();
        return upgraded;
    }
    startSecretServices();
    return {};
}

void Engine::startSecretServices()
{
    m_settings->setVault(m_vault.get());
    m_connections = new ConnectionService(m_metadata.get(), m_vault.get(), m_identity, m_audit);
    m_connectorService = new ConnectorService(m_connections, m_audit);
    m_notifications = new NotificationService(m_metadata.get(), m_identity);
    m_runs = new RunService(m_metadata.get(), m_workspaceData.get(), m_connections, m_identity, m_audit, m_notifications);
    // Runs a dead process left behind are over; their streams resume from the last checkpoint.
    m_runs->recoverInterrupted();
    RunService *runs = m_runs;
    m_connections->setStreamCatalog([runs](const ConnectionRecord &record) { return runs->streamNames(record); });
    m_syncWorkers = new SyncWorkerPool(m_runs);
    m_webhooks = new WebhookService(m_metadata.get(), m_vault.get(), m_connections, m_runs, m_audit);
    m_variants = new VariantService(m_metadata.get(), m_connections, m_webhooks, m_audit);
    m_triggers = new TriggerService(m_metadata.get(), m_connections, m_runs, m_audit);
    m_messagingWebhooks = new MessagingWebhookService(m_connections, m_runs, m_workspaceData.get(), m_webhooks);
    m_oauth = new OAuthService(m_metadata.get(), m_vault.get(), m_connections, connectionJson(), m_audit);
    Q_EMIT unlocked();
}

ConnectionJson Engine::connectionJson() const
{
    return ConnectionJson(m_runs, m_triggers);
}

QString Engine::keyStoreDescription() const
{
    if (!m_keySource)
        return QCoreApplication::translate("Engine", "locked");
    switch (*m_keySource) {
    case MasterKey::Source::Environment: return QCoreApplication::translate("Engine", "environment variable OPBOX_MASTER_KEY");
    case MasterKey::Source::Keychain: return QCoreApplication::translate("Engine", "system keychain");
    case MasterKey::Source::File: return QCoreApplication::translate("Engine", "file %1/master.key").arg(m_dataDir);
    }
    return {};
}

} // namespace Opbox
