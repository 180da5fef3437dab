// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"
#include "engine/services/tokenbucket.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

namespace Opbox {

class AuditLog;
class ConnectionService;
class Database;
class RunService;
class Vault;

/** A webhook token ready to be stored: the lookup hash and the vault-encrypted bytes. */
struct SealedWebhookToken
{
    QByteArray hash; // SHA-256 of the 32 token bytes
    QByteArray encrypted; // the 32 bytes, encrypted with "webhook:<connectionId>" as associated data
};

/** A connection's webhook address as an admin may see it; the URL holds the token. */
struct RevealedWebhook
{
    QString url;
    QString tokenPrefix; // the first characters of the token, to recognise it later
    QString curlExample;
};

/** What a webhook call did: started a run, or found one already active (the webhook still succeeds then). */
struct WebhookTriggerOutcome
{
    QString runId; // the started run, or the active one the call ran into
    bool alreadyRunning = false;
};

/**
 * Webhook triggers and their tokens: resolves a
 * token in either encoding to its connection through the stored hash, rate limits per token,
 * starts runs with no triggering user, and reveals the URL to admins (upgrading legacy plaintext
 * rows on the way). A token never reaches a log line, an audit entry or an error message.
 */
class WebhookService : public QObject
{
    Q_OBJECT
public:
    WebhookService(Database *metadata, const Vault *vault, ConnectionService *connections, RunService *runs, AuditLog *audit,
                   QObject *parent = nullptr);

    /**
     * `POST /api/pipelines/webhook/:token`: the run started, or the one already active (a success
     * too: the caller's event is picked up by that run or the next). 404 for an unknown or
     * malformed token (the same work either way), 429 `RATE_LIMITED` with `extra.retryAfter`
     * (seconds), 409 `CONNECTION_DISABLED`. `streams` (the URL's `?streams=a,b`) limits the run to
     * those streams; a name the connection lacks is 400.
     */
    [[nodiscard]] Result<WebhookTriggerOutcome> trigger(const QString &token, const QString &ip, const QStringList &streams = {});

    /**
     * `POST …/connections/:id/webhook-url` (ADMIN+): the URL, the token's prefix and a curl example under
     * `publicUrl`. A legacy plaintext row is upgraded (encrypted, hashed, plaintext dropped and the
     * WAL truncated); a row without any token gets a new one. Writes a VIEW_SECRET audit entry.
     */
    [[nodiscard]] Result<RevealedWebhook> reveal(const Caller &caller, const QString &connectionId, const QUrl &publicUrl);

    /** The connection a token belongs to, or 404; does the same work for unknown and malformed tokens. */
    [[nodiscard]] Result<QString> connectionForToken(const QString &token) const;

    /** Hash and encrypt token bytes for the row `connectionId` (creation of variants and the like). */
    [[nodiscard]] Result<SealedWebhookToken> seal(const QByteArray &tokenBytes, const QString &connectionId) const;

    /** `whk_` + base64url(bytes) without padding: the current encoding. */
    [[nodiscard]] static QString formatToken(const QByteArray &tokenBytes);
    /** The webhook URL of a token under a public base URL (which may carry a path prefix). */
    [[nodiscard]] static QString webhookUrl(const QUrl &publicUrl, const QString &token);

    /** Per-token limit: `burst` requests at once, then one more every `refillMs` of `clock` (steady by default). */
    void setRateLimit(int burst, int refillMs, TokenBucket::Clock clock = {});

private:
    [[nodiscard]] Result<QByteArray> upgradeOrCreate(const QString &connectionId, bool *upgradedLegacy);

    Database *m_metadata;
    const Vault *m_vault;
    ConnectionService *m_connections;
    RunService *m_runs;
    AuditLog *m_audit;
    TokenBucket m_rateLimit{10, 6000};
};

} // namespace Opbox
