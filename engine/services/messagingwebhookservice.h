// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/runtime/webhookdecoder.h"
#include "engine/services/connectionservice.h"
#include "engine/services/tokenbucket.h"

#include <QByteArray>
#include <QObject>
#include <QUrlQuery>
#include <functional>
#include <optional>

class QThreadPool;

namespace Opbox {

class RunService;
class WebhookService;
class WorkspaceDataStore;

/** What one accepted delivery held and how many of its rows were stored. */
struct MessagingDelivery
{
    qsizetype messages = 0;
    qsizetype statuses = 0;
    qsizetype skipped = 0; // records the decoder left out (logged with the reason)
    bool stored = false; // false when the delivery held no records, so nothing was written
    qint64 created = 0;
    qint64 updated = 0; // rows a retried delivery wrote again
};

/**
 * Inbound webhooks on the URL of a connection whose connector decodes pushed data (WhatsApp's
 * MESSAGING connections): answers the provider's subscription handshake and writes the records of
 * every delivery the connector's WebhookDecoder accepts as genuine into the connection's Opbox
 * tables — through the same table writer, naming, system columns and type inference as a sync,
 * upserted by primary key, so that the provider's retries change nothing. Refused attempts are
 * rate limited per connection. Writes happen on this service's own thread, never on the API's.
 * Other connection types keep the webhook's trigger behaviour (WebhookService).
 */
class MessagingWebhookService : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<MessagingDelivery>)>;

    MessagingWebhookService(ConnectionService *connections, RunService *runs, WorkspaceDataStore *workspaceData,
                            WebhookService *webhooks, QObject *parent = nullptr);
    ~MessagingWebhookService() override;

    /** The connection of `token` when it is one whose webhook receives messages; nullopt otherwise. */
    [[nodiscard]] std::optional<ConnectionRecord> receivingConnection(const QString &token) const;

    /**
     * `GET` verification: the decoder's answer to the provider's handshake in `query`, checked with
     * the connection's credentials (WhatsApp: `hub.challenge` when `hub.mode` is `subscribe` and
     * `hub.verify_token` equals the `verifyToken` credential; 403 otherwise, 429 after too many).
     */
    [[nodiscard]] Result<QByteArray> verify(const ConnectionRecord &connection, const QUrlQuery &query);

    /**
     * `POST` delivery: has the decoder check the raw `body` and its `headers` with the connection's
     * credentials (401 and nothing written when it is not genuine; 429 after too many refused), then
     * writes the delivery's records on the writer thread and calls `done` there with what was stored.
     */
    void receive(const ConnectionRecord &connection, const QByteArray &body, const WebhookDecoder::Headers &headers, Done done);

    /** Refused attempts per connection: `burst` at once, then one more every `refillMs` of `clock` (steady by default). */
    void setRefusalLimit(int burst, int refillMs, TokenBucket::Clock clock = {});

private:
    [[nodiscard]] Error refused(const QString &connectionId, Error error);
    [[nodiscard]] Result<MessagingDelivery> write(const ConnectionRecord &connection, const QByteArray &body);

    ConnectionService *m_connections;
    RunService *m_runs;
    WorkspaceDataStore *m_workspaceData;
    WebhookService *m_webhooks;
    QThreadPool *m_writer;
    TokenBucket m_refusals{20, 3000};
};

} // namespace Opbox
