// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/store/connectionrecord.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace Opbox {

class Database;

/**
 * The `connections` table: reads and writes rows as ConnectionRecord. It stores what it is given;
 * credentials and webhook tokens arrive already encrypted, validation and authorization are the
 * service's.
 */
class ConnectionStore
{
public:
    /** What a row keeps sealed: encrypted credentials (null: none yet) and the webhook token. */
    struct Secrets
    {
        QByteArray credentials;
        QStringList credentialFields;
        QByteArray webhookTokenHash;
        QByteArray webhookTokenEncrypted;
    };

    explicit ConnectionStore(Database *metadata);

    /** The connections of a workspace in the order they were created. */
    [[nodiscard]] Result<QList<ConnectionRecord>> list(const QString &workspaceId) const;
    /** A connection by id; a non-null workspaceId restricts it to that workspace (not found otherwise). */
    [[nodiscard]] Result<ConnectionRecord> find(const QString &id, const QString &workspaceId = QString()) const;
    [[nodiscard]] QStringList ids(const QString &workspaceId) const;
    /** How many connections of a connector type exist, in every workspace. */
    [[nodiscard]] Result<int> countOfType(const QString &type) const;
    /** Ids of the other connections of a variant group. */
    [[nodiscard]] Result<QStringList> variantGroupMembers(const QString &groupId, const QString &exceptId) const;

    /** Adds a row with status DISCONNECTED; a webhook token another row has is a conflict. */
    [[nodiscard]] Result<void> insert(const ConnectionRecord &record, const Secrets &secrets);
    /** Writes the editable fields (name, config, schedule, recipients, enabled) and updatedAt. */
    [[nodiscard]] Result<void> update(const ConnectionRecord &record);
    /** Replaces the credentials; `untested` also marks the connection DISCONNECTED, as new credentials are. */
    [[nodiscard]] Result<void> writeCredentials(const QString &id, const QByteArray &encrypted, const QStringList &fieldNames,
                                                bool untested);
    /** The encrypted credentials; empty when the row has none, not found when there is no row. */
    [[nodiscard]] Result<QByteArray> encryptedCredentials(const QString &id) const;
    [[nodiscard]] Result<void> setStatus(const QString &id, const QString &status, const QString &message);
    [[nodiscard]] Result<void> setConfig(const QString &id, const QJsonObject &config);
    [[nodiscard]] Result<void> remove(const QString &id, const QString &workspaceId);

private:
    Database *m_metadata;
};

} // namespace Opbox
