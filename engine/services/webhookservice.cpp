// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/webhookservice.h"
#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/security/secretbinding.h"
#include "engine/security/vault.h"
#include "engine/services/connectionservice.h"
#include "engine/services/runservice.h"
#include "engine/store/auditlog.h"
#include "engine/store/database.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

constexpr int TokenBytes = 32;

/**
 * Moves every committed page back into the main file and empties the WAL, so that a page that
 * still held a legacy plaintext token does not survive in `opbox.db-wal`.
 */
void truncateWal(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s) || !q.next()) {
        qCWarning(lcEngine) << "cannot checkpoint the metadata WAL after a webhook token upgrade:" << q.lastError().text();
        return;
    }
    const bool busy = q.value(0).toInt() != 0;
    q.finish();
    if (busy)
        qCWarning(lcEngine) << "the metadata WAL is busy; it will be emptied at the next checkpoint";
}

} // namespace

WebhookService::WebhookService(Database *metadata, const Vault *vault, ConnectionService *connections, RunService *runs,
                               AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_metadata(metadata)
    , m_vault(vault)
    , m_connections(connections)
    , m_runs(runs)
    , m_audit(audit)
{
}

void WebhookService::setRateLimit(int burst, int refillMs, TokenBucket::Clock clock)
{
    m_rateLimit.setLimit(burst, refillMs, std::move(clock));
}

QString WebhookService::formatToken(const QByteArray &tokenBytes)
{
    return u"whk_"_s + QString::fromLatin1(Ids::base64Url(tokenBytes));
}

QString WebhookService::webhookUrl(const QUrl &publicUrl, const QString &token)
{
    QUrl url = publicUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/api/pipelines/webhook/"_s + token);
    url.setQuery(QString());
    url.setFragment(QString());
    return url.toString();
}

Result<SealedWebhookToken> WebhookService::seal(const QByteArray &tokenBytes, const QString &connectionId) const
{
    if (tokenBytes.size() != TokenBytes)
        return Error::internal();
    auto encrypted = m_vault->encrypt(tokenBytes, SecretBinding::webhookToken(connectionId));
    if (!encrypted)
        return Error::internal(tr("cannot encrypt the webhook token"));
    return SealedWebhookToken{Ids::sha256(tokenBytes), *encrypted};
}

Result<QString> WebhookService::connectionForToken(const QString &token) const
{
    // Whatever the token looks like, hash something and ask the index, so that a malformed token
    // costs the same as a well-formed unknown one. The hash, not the token, is what is compared,
    // so the lookup's timing says nothing about how close a guess was.
    const auto parsed = ConnectionValidator::webhookToken(token);
    const QByteArray probe = Ids::sha256(parsed ? *parsed : token.toUtf8());
    SqlQuery q(m_metadata->connection(), u"SELECT id, webhook_token_hash FROM connections WHERE webhook_token_hash = ?"_s);
    q.bind(probe);
    if (!q.exec())
        return Error::internal();
    const bool found = q.next();
    const QString id = found ? q.value(0).toString() : QString();
    const QByteArray stored = found ? q.value(1).toByteArray() : QByteArray(probe.size(), '\0');
    const bool match = Ids::sameBytes(stored, probe);
    if (!parsed || !found || !match)
        return Error::notFound(tr("unknown webhook"));
    return id;
}

Result<WebhookTriggerOutcome> WebhookService::trigger(const QString &token, const QString &ip, const QStringList &streams)
{
    auto connectionId = connectionForToken(token);
    if (!connectionId)
        return connectionId.error();
    if (const int wait = m_rateLimit.take(*connectionId)) {
        qCInfo(lcEngine) << "webhook of connection" << *connectionId << "rate limited";
        Error e{Error::Kind::RateLimited,
                u"RATE_LIMITED"_s,
                tr("too many webhook calls for this connection; retry in %1 s").arg(wait),
                {}};
        e.extra.insert(u"retryAfter"_s, wait);
        return e;
    }
    auto connection = m_connections->recordById(*connectionId);
    if (!connection)
        return Error::notFound(tr("unknown webhook"));
    if (!connection->enabled)
        return Error::conflict(tr("this connection is disabled; enable it to start syncs by webhook"), u"CONNECTION_DISABLED"_s);
    // The token stands for the connection, not for a person: the run has no triggering user, so
    // everyone eligible is notified.
    // A caller that knows what changed (a HubSpot contact event) names the streams; none: the
    // connection's own selection.
    auto run = m_runs->trigger(Caller::system(connection->workspaceId, ip), connection->id, streams, RunTrigger::Webhook);
    if (run) {
        qCInfo(lcEngine) << "webhook started run" << run->id << "of connection" << connection->id;
        return WebhookTriggerOutcome{run->id, false};
    }
    if (run.error().code == u"RUN_ACTIVE"_s)
        return WebhookTriggerOutcome{run.error().extra.value(u"runId"_s).toString(), true};
    return run.error();
}

Result<QByteArray> WebhookService::upgradeOrCreate(const QString &connectionId, bool *upgradedLegacy)
{
    *upgradedLegacy = false;
    QSqlDatabase db = m_metadata->connection();
    SqlQuery q(db, u"SELECT webhook_token, webhook_token_enc FROM connections WHERE id = ?"_s);
    q.bind(connectionId);
    if (!q.exec())
        return Error::internal();
    if (!q.next())
        return Error::notFound(tr("connection not found: %1").arg(connectionId.left(64)));
    const QVariant legacy = q.value(0);
    const QVariant encrypted = q.value(1);
    // An unfinished SELECT keeps a read transaction open, and the checkpoint below needs none.
    q.raw().finish();

    if (!encrypted.isNull()) {
        auto bytes = m_vault->decrypt(encrypted.toByteArray(), SecretBinding::webhookToken(connectionId));
        if (!bytes || bytes->size() != TokenBytes)
            return Error::internal(tr("cannot decrypt the webhook token"));
        if (!legacy.isNull()) {
            // Both forms present can only be a half-finished upgrade: finish it.
            SqlQuery clear(db, u"UPDATE connections SET webhook_token = NULL WHERE id = ?"_s);
            clear.bind(connectionId);
            if (!clear.exec())
                return Error::internal();
            *upgradedLegacy = true;
            truncateWal(db);
        }
        return *bytes;
    }

    QByteArray bytes;
    if (!legacy.isNull()) {
        bytes = QByteArray::fromHex(legacy.toString().toLatin1());
        if (bytes.size() != TokenBytes || legacy.toString().size() != TokenBytes * 2) {
            qCWarning(lcEngine) << "connection" << connectionId << "had a malformed legacy webhook token; issuing a new one";
            bytes.clear();
        }
    }
    const bool fromLegacy = !bytes.isEmpty();
    if (!fromLegacy)
        bytes = Ids::randomBytes(TokenBytes);
    auto sealed = seal(bytes, connectionId);
    if (!sealed)
        return sealed.error();
    // The condition makes two concurrent reveals agree: the loser re-reads the winner's token.
    SqlQuery update(db,
                    u"UPDATE connections SET webhook_token_hash = ?, webhook_token_enc = ?, webhook_token = NULL"
                    " WHERE id = ? AND webhook_token_enc IS NULL"_s);
    update.bind(sealed->hash).bind(sealed->encrypted).bind(connectionId);
    if (!update.exec()) {
        if (update.isConstraintViolation())
            return Error::conflict(tr("the webhook token is already used by another connection"));
        return Error::internal();
    }
    if (update.numRowsAffected() == 0) {
        bool ignored = false;
        return upgradeOrCreate(connectionId, &ignored);
    }
    if (fromLegacy) {
        *upgradedLegacy = true;
        truncateWal(db);
        qCInfo(lcEngine) << "upgraded the legacy webhook token of connection" << connectionId;
    } else if (!legacy.isNull()) {
        truncateWal(db);
    } else {
        qCInfo(lcEngine) << "issued a webhook token for connection" << connectionId;
    }
    return bytes;
}

Result<RevealedWebhook> WebhookService::reveal(const Caller &caller, const QString &connectionId, const QUrl &publicUrl)
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    auto connection = m_connections->record(caller, connectionId);
    if (!connection)
        return connection.error();
    bool upgraded = false;
    auto bytes = upgradeOrCreate(connection->id, &upgraded);
    if (!bytes)
        return bytes.error();
    const QString token = formatToken(*bytes);
    const QString url = webhookUrl(publicUrl, token);
    m_audit->record(caller, u"VIEW_SECRET"_s, u"connection"_s, connection->id,
                    QJsonObject{{u"field"_s, u"webhookUrl"_s}, {u"legacyTokenUpgraded"_s, upgraded}});
    const QString prefix = token.left(8) + u"..."_s;
    const QString curl = u"curl -X POST "_s + url;
    return RevealedWebhook{url, prefix, curl};
}

} // namespace Opbox
