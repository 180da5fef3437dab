// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/security/caller.h"
#include "base/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <functional>

namespace Opbox {

class AuditLog;
class Database;
class IdentityService;
class Vault;
struct ConnectorTypeInfo;

/** A connection's stored row, decoded; credentials stay encrypted until someone asks for them. */
struct ConnectionRecord {
    QString id;
    QString workspaceId;
    QString name;
    QString type;
    QString status;
    QString statusMessage;
    bool enabled = true;
    QJsonObject config;
    QJsonObject schedule;
    QJsonArray notifyUserIds;
    QString variantGroupId;
    QString variantLabel;
    QStringList credentialFields;
    QString tableBase;
    QString createdAt;
    QString updatedAt;
};

/**
 * Creates, reads, updates and deletes connections in a workspace: validation that
 * names the bad field, credentials only in the vault, authorization by role, audit entries.
 */
class ConnectionService : public QObject
{
    Q_OBJECT
public:
    ConnectionService(Database *metadata, const Vault *vault, IdentityService *identity, AuditLog *audit,
                      QObject *parent = nullptr);

    [[nodiscard]] Result<QJsonArray> list(const Caller &caller) const;
    [[nodiscard]] Result<QJsonObject> get(const Caller &caller, const QString &id) const;
    /** `POST connections`: ADMIN/OWNER; returns the connection object. */
    [[nodiscard]] Result<QJsonObject> create(const Caller &caller, const QJsonObject &body);
    /** `PUT connections/:id`: replaces the fields it names; `config` merged key by key (null removes). */
    [[nodiscard]] Result<QJsonObject> update(const Caller &caller, const QString &id, const QJsonObject &body);
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
    /** Sets status (DISCONNECTED|CONNECTED|ERROR) and its message. */
    [[nodiscard]] Result<void> setStatus(const QString &connectionId, const QString &status, const QString &message);
    /** Merges keys into the stored config (discovered tenant ids and the like). */
    [[nodiscard]] Result<void> mergeConfig(const QString &connectionId, const QJsonObject &config);
    /** All connection ids of a workspace (for run-all, the scheduler and the GUI). */
    [[nodiscard]] QStringList ids(const QString &workspaceId) const;

    [[nodiscard]] QJsonObject toJson(const ConnectionRecord &record) const;

    /** Validates the credentials object for a type: every required field present, no unknown field. */
    [[nodiscard]] static Result<void> validateCredentials(const ConnectorTypeInfo &type, const QJsonObject &credentials);
    /** Validates the config object for a type: required fields present, known fields of the right kind. */
    [[nodiscard]] static Result<void> validateConfig(const ConnectorTypeInfo &type, const QJsonObject &config);
    /** Validates and normalises a schedule: `{enabled, frequency}` with defaults from `base`. */
    [[nodiscard]] static Result<QJsonObject> normaliseSchedule(const QJsonValue &value, const QJsonObject &base);
    [[nodiscard]] static QJsonObject defaultSchedule();
    /** Checks a webhook token's format: `whk_` + 43 base64url chars, or 64 lowercase hex; returns its 32 bytes. */
    [[nodiscard]] static Result<QByteArray> parseWebhookToken(const QString &token);

    /**
     * The stream names a connection (type and config) offers, without a network call; the engine
     * sets it from RunService::streamNames so that `config.streams` is checked against the same
     * connectors the runs use. Unset: only the shape of `config.streams` is checked.
     */
    using StreamCatalog = std::function<Result<QStringList>(const ConnectionRecord &)>;
    void setStreamCatalog(StreamCatalog catalog) { m_streamCatalog = std::move(catalog); }

    /** Lets later layers (runs, webhooks) add fields to the connection object, e.g. `lastRun`. */
    using Decorator = std::function<void(const ConnectionRecord &, QJsonObject &)>;
    void addDecorator(Decorator decorator);

Q_SIGNALS:
    void connectionChanged(const QString &workspaceId, const QString &connectionId);
    void connectionRemoved(const QString &workspaceId, const QString &connectionId);

private:
    [[nodiscard]] Result<QJsonArray> validateNotifyUserIds(const Caller &caller, const QJsonValue &value) const;
    [[nodiscard]] Result<ConnectionRecord> load(const QString &id, const QString &workspaceId) const;
    [[nodiscard]] Result<void> writeCredentials(const QString &connectionId, const QJsonObject &credentials);
    /** `config.streams` names only streams that the connection's connector has (400 lists them otherwise). */
    [[nodiscard]] Result<void> validateStreamSelection(const ConnectionRecord &connection) const;

    Database *m_metadata;
    const Vault *m_vault;
    IdentityService *m_identity;
    AuditLog *m_audit;
    QList<Decorator> m_decorators;
    StreamCatalog m_streamCatalog;
};

} // namespace Opbox
