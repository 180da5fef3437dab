// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <atomic>
#include <optional>

namespace Opbox {

class Database;
class Vault;

/** An authorization that a person started and a provider will answer: what the callback needs. */
struct PendingAuthorization
{
    QString stateId;
    QString connectionId;
    QString workspaceId;
    QString type; // connector type, ACCOUNTING …
    QString redirectUri; // sent again with the token request
    QString codeVerifier; // PKCE; encrypted at rest, never logged
    QString createdBy; // the user who started it (the callback's audit actor)
    QDateTime expiresAt;
};

/**
 * The OAuth `state`: single-use, expiring after 10 minutes, HMAC-SHA256-signed with a
 * key derived from the master key. The state names a row that holds the connection, the redirect
 * URI and the PKCE verifier (AES-GCM, bound to the row). A state is consumed by one atomic UPDATE,
 * so two callbacks racing with the same state cannot both win.
 */
class OAuthStateStore
{
    Q_DECLARE_TR_FUNCTIONS(OAuthStateStore)
public:
    static constexpr int LifetimeSeconds = 600;

    enum class Rejection { None, Malformed, Tampered, Unknown, Expired, Reused };

    /** The outcome of consuming a state. */
    struct Check
    {
        std::optional<PendingAuthorization> pending; // set when the state was accepted
        Rejection rejection = Rejection::None;
        QString connectionId; // for a rejected state: the connection it was issued for, when known
        QString message; // why it was rejected; safe to show
        [[nodiscard]] bool ok() const { return pending.has_value(); }
    };

    OAuthStateStore(Database *metadata, const Vault *vault);

    /** Stores `authorization` (id and expiry are filled in) and returns the signed state for the URL. */
    [[nodiscard]] Result<QString> issue(PendingAuthorization authorization);
    /** Validates and consumes a state from a callback or a manual exchange. */
    [[nodiscard]] Check consume(const QString &state);
    /** Consumes the newest unused state of a connection (the manual exchange without `state`). */
    [[nodiscard]] Check consumeLatest(const QString &connectionId);
    /** Marks every outstanding state of a connection used (it is connected, or was deleted). */
    void invalidateAll(const QString &connectionId);

    /** Now as the store sees it; tests move it forward to expire states. */
    [[nodiscard]] QDateTime now() const;
    void setClockSkew(qint64 milliseconds) { m_skewMs.store(milliseconds); }

private:
    [[nodiscard]] QByteArray signature(const QString &id, qint64 expires, const QString &connectionId, const QString &type) const;
    [[nodiscard]] Check consumeRow(const QString &id, std::optional<qint64> signedExpiry, const QByteArray &signature);
    [[nodiscard]] static Check rejected(Rejection rejection, const QString &connectionId = {});

    Database *m_metadata;
    const Vault *m_vault;
    std::atomic<qint64> m_skewMs{0};
};

} // namespace Opbox
