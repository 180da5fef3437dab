// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/services/connectionservice.h"
#include "base/result.h"
#include "engine/services/tokenbucket.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QUrlQuery>
#include <functional>
#include <optional>

class QThreadPool;

namespace Opbox {

class RunService;
class WebhookService;
class WorkspaceDataStore;

/**
 * Inbound WhatsApp webhooks on a MESSAGING connection's webhook URL:
 * answers Meta's `hub.challenge` verification when the verify token matches, and writes the
 * messages and statuses of a delivery whose `X-Hub-Signature-256` matches the app secret into the
 * connection's `messages` and `message_statuses` Opbox tables — through the same table writer,
 * naming, system columns and type inference as a sync, upserted by message id (and status), so that
 * Meta's retries change nothing. Writes happen on this service's own thread, never on the API's.
 * Other connection types keep the webhook's trigger behaviour (WebhookService).
 */
class MessagingWebhookService : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<QJsonObject>)>;

    MessagingWebhookService(ConnectionService *connections, RunService *runs, WorkspaceDataStore *workspaceData,
                            WebhookService *webhooks, QObject *parent = nullptr);
    ~MessagingWebhookService() override;

    /** The connection of `token` when it is one whose webhook receives messages; nullopt otherwise. */
    [[nodiscard]] std::optional<ConnectionRecord> receivingConnection(const QString &token) const;

    /**
     * `GET` verification: the `hub.challenge` text when `hub.mode` is `subscribe` and
     * `hub.verify_token` equals the connection's `verifyToken` credential; 403 otherwise.
     */
    [[nodiscard]] Result<QByteArray> verify(const ConnectionRecord &connection, const QUrlQuery &query);

    /**
     * `POST` delivery: checks `signatureHeader` against the raw `body` (401 and nothing written when
     * it is missing or wrong; 429 after too many wrong ones), then writes the delivery's records on
     * the writer thread and calls `done` there with `{"success":true,"messages":n,"statuses":m}`.
     */
    void receive(const ConnectionRecord &connection, const QByteArray &body, const QByteArray &signatureHeader, Done done);

    /** `sha256=<hex>` compared in constant time with HMAC-SHA256(`appSecret`, `body`). */
    [[nodiscard]] static bool signatureMatches(const QByteArray &body, const QByteArray &signatureHeader,
                                               const QByteArray &appSecret);

    /** Refused attempts per connection: `burst` at once, then one more every `refillMs` of `clock` (steady by default). */
    void setRefusalLimit(int burst, int refillMs, TokenBucket::Clock clock = {});

private:
    [[nodiscard]] Error refused(const QString &connectionId, Error error);
    [[nodiscard]] Result<QJsonObject> write(const ConnectionRecord &connection, const QByteArray &body);

    ConnectionService *m_connections;
    RunService *m_runs;
    WorkspaceDataStore *m_workspaceData;
    WebhookService *m_webhooks;
    QThreadPool *m_writer;
    TokenBucket m_refusals{20, 3000};
};

} // namespace Opbox
