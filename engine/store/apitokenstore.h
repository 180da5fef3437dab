// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace Opbox {

class Database;

/** One API token as stored: never the token itself, only its hash and its first characters. */
struct ApiTokenRecord
{
    QString id;
    QString userId;
    QString userEmail;
    QString name;
    QString prefix; // the token's first 8 characters; empty for tokens made before prefixes were kept
    QDateTime createdAt;
    QDateTime lastUsedAt; // invalid: never used
    QDateTime expiresAt; // invalid: never expires
    QDateTime revokedAt; // invalid: not revoked

    [[nodiscard]] bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && expiresAt <= now; }
    /** `{id, name, tokenPrefix, createdAt, lastUsedAt, expiresAt}` (null for never); the token is not in it. */
    [[nodiscard]] QJsonObject toJson() const;
};

/** The `api_tokens` rows: create, look up by hash, note use, list and revoke. */
class ApiTokenStore
{
public:
    explicit ApiTokenStore(Database *metadata);

    /** Stores a new token's hash; fails for an unknown user. */
    [[nodiscard]] Result<void> insert(const ApiTokenRecord &record, const QByteArray &tokenHash);
    /** The token with this hash, revoked and expired ones included; nullopt when there is none. */
    [[nodiscard]] Result<std::optional<ApiTokenRecord>> findByHash(const QByteArray &tokenHash) const;
    /** Notes a use at `now`, at most one write per token every few minutes. */
    void touch(const QString &id, const QDateTime &now);
    /** The tokens not revoked, oldest first; only those of `userId` when it is given. */
    [[nodiscard]] Result<QList<ApiTokenRecord>> list(const QString &userId = {}) const;
    /** Revokes a token that is not revoked yet (only one of `userId`'s when given); false when there was none. */
    [[nodiscard]] Result<bool> revoke(const QString &id, const QDateTime &now, const QString &userId = {});

private:
    Database *m_metadata;
};

} // namespace Opbox
