// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/runtime/connector.h"
#include "engine/security/caller.h"
#include "engine/services/connectiondraft.h"
#include "engine/services/connectionvalidator.h"
#include "engine/store/connectionrecord.h"
#include "engine/store/connectionstore.h"

#include <QJsonObject>
#include <QObject>

namespace Opbox {

class AuditLog;
class Database;
class IdentityService;
class Vault;

/**
 * Creates, reads, updates and deletes connections in a workspace: validation that names the bad
 * field, credentials only in the vault, authorization by role, audit entries.
 */
class ConnectionService : public QObject
{
    Q_OBJECT
public:
    ConnectionService(Database *metadata, const Vault *vault, IdentityService *identity, AuditLog *audit,
                      QObject *parent = nullptr);

    /** The connections of the caller's workspace, in the order they were created. */
    [[nodiscard]] Result<QList<ConnectionRecord>> list(const Caller &caller) const;
    /** ADMIN/OWNER; returns the stored connection. */
    [[nodiscard]] Result<ConnectionRecord> create(const Caller &caller, const ConnectionDraft &draft);
    /** ADMIN/OWNER; replaces the fields the change names, `config` merged key by key (null removes). */
    [[nodiscard]] Result<ConnectionRecord> update(const Caller &caller, const QString &id, const ConnectionChange &change);
    [[nodiscard]] Result<void> remove(const Caller &caller, const QString &id);

    /** The stored row of a connection in the caller's workspace (404 for another workspace's id). */
    [[nodiscard]] Result<ConnectionRecord> record(const Caller &caller, const QString &id) const;
    /** A connection by id regardless of workspace, for the engine's own workers. */
    [[nodiscard]] Result<ConnectionRecord> recordById(const QString &id) const;
    /** Decrypted credentials, for connectors only; never to be put in a response, log or message. */
    [[nodiscard]] Result<QJsonObject> credentials(const QString &connectionId) const;
    /**
     * Replaces the stored credentials (rotated OAuth tokens, variants); keeps credentialFields in
     * step, and passes a rotated refresh token on to the variants that shared the old one.
     */
    [[nodiscard]] Result<void> storeCredentials(const QString &connectionId, const QJsonObject &credentials);
    /**
     * Compare-and-swap of refreshed OAuth tokens: stores `fresh` only while the stored refresh
     * token is still `expectedRefreshToken`, and answers with the credentials stored afterwards
     * (`fresh`, or the newer ones another refresh stored first).
     */
    [[nodiscard]] Result<QJsonObject> replaceTokens(const QString &connectionId, const QString &expectedRefreshToken,
                                                    const QJsonObject &fresh);
    /** The connection's credentials as a connector reads and replaces them during a read (thread-safe). */
    [[nodiscard]] CredentialsStore credentialsStore(const QString &connectionId);
    /** Sets status (DISCONNECTED|CONNECTED|ERROR) and its message. */
    [[nodiscard]] Result<void> setStatus(const QString &connectionId, const QString &status, const QString &message);
    /** Merges keys into the stored config (discovered tenant ids and the like). */
    [[nodiscard]] Result<void> mergeConfig(const QString &connectionId, const QJsonObject &config);
    /** All connection ids of a workspace (for run-all, the scheduler and the GUI). */
    [[nodiscard]] QStringList ids(const QString &workspaceId) const;

    /** See ConnectionValidator::StreamCatalog. */
    void setStreamCatalog(ConnectionValidator::StreamCatalog catalog) { m_validator.setStreamCatalog(std::move(catalog)); }

Q_SIGNALS:
    void connectionChanged(const QString &workspaceId, const QString &connectionId);
    void connectionRemoved(const QString &workspaceId, const QString &connectionId);

private:
    [[nodiscard]] Result<void> writeCredentials(const QString &connectionId, const QJsonObject &credentials);
    /** Writes the credentials and passes a rotated refresh token on to the variants that held `previous`'s. */
    [[nodiscard]] Result<void> writeWithVariants(const QString &connectionId, const QJsonObject &previous,
                                                 const QJsonObject &credentials);

    Database *m_metadata;
    ConnectionStore m_store;
    ConnectionValidator m_validator;
    const Vault *m_vault;
    AuditLog *m_audit;
};

} // namespace Opbox
