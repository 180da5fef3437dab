// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/messagingwebhookservice.h"

#include "base/ids.h"
#include "connectors/runtime/connector.h"
#include "connectors/runtime/webhookdecoder.h"
#include "engine/enginelogging.h"
#include "engine/services/runservice.h"
#include "engine/services/webhookservice.h"
#include "engine/store/database.h"
#include "engine/store/sqlitelibrary.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/opboxtablewriter.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoreApplication>
#include <QThreadPool>
#include <cmath>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

/** Refusals that say the caller could not prove who it is: the ones a guesser collects. */
bool isRefusal(const Error &error)
{
    return error.kind == Error::Kind::Unauthorized || error.kind == Error::Kind::Forbidden;
}

} // namespace

MessagingWebhookService::MessagingWebhookService(ConnectionService *connections, RunService *runs,
                                                 WorkspaceDataStore *workspaceData, WebhookService *webhooks, QObject *parent)
    : QObject(parent)
    , m_connections(connections)
    , m_runs(runs)
    , m_workspaceData(workspaceData)
    , m_webhooks(webhooks)
    , m_writer(new QThreadPool(this))
{
    // One writer thread: a connection's deliveries are written in the order they arrived, and at
    // most one of our write transactions at a time competes with the syncs for a data file. The
    // thread is kept, and with it its database connections.
    m_writer->setMaxThreadCount(1);
    m_writer->setExpiryTimeout(-1);
}

MessagingWebhookService::~MessagingWebhookService()
{
    // Pending writes use this service: let them finish before it goes.
    m_writer->waitForDone();
}

void MessagingWebhookService::setRefusalLimit(int burst, int refillMs, TokenBucket::Clock clock)
{
    m_refusals.setLimit(burst, refillMs, std::move(clock));
}

Error MessagingWebhookService::refused(const QString &connectionId, Error error)
{
    // Signed deliveries are never limited (Meta may send bursts); guessing a secret is.
    if (const int wait = m_refusals.take(connectionId)) {
        Error limited{Error::Kind::RateLimited,
                      u"RATE_LIMITED"_s,
                      tr("too many refused webhook calls for this connection; retry in %1 s").arg(wait),
                      {}};
        limited.extra.insert(u"retryAfter"_s, wait);
        return limited;
    }
    return error;
}

std::optional<ConnectionRecord> MessagingWebhookService::receivingConnection(const QString &token) const
{
    const auto id = m_webhooks->connectionForToken(token);
    if (!id)
        return std::nullopt;
    auto record = m_connections->recordById(*id);
    if (!record || !ConnectorFactory::webhookDecoder(record->type))
        return std::nullopt;
    return *record;
}

Result<QByteArray> MessagingWebhookService::verify(const ConnectionRecord &connection, const QUrlQuery &query)
{
    const WebhookDecoder *decoder = ConnectorFactory::webhookDecoder(connection.type);
    if (!decoder)
        return Error::conflict(tr("this connection does not receive webhooks"), u"NO_WEBHOOKS"_s);
    auto credentials = m_connections->credentials(connection.id);
    if (!credentials)
        return credentials.error();
    Result<QByteArray> answer = decoder->answerHandshake(query, *credentials);
    if (!answer)
        return isRefusal(answer.error()) ? refused(connection.id, answer.error()) : answer.error();
    qCInfo(lcEngine) << "webhook verification of connection" << connection.id << "answered";
    return answer;
}

void MessagingWebhookService::receive(const ConnectionRecord &connection, const QByteArray &body,
                                      const WebhookDecoder::Headers &headers, Done done)
{
    const WebhookDecoder *decoder = ConnectorFactory::webhookDecoder(connection.type);
    if (!decoder) {
        done(Error::conflict(tr("this connection does not receive webhooks"), u"NO_WEBHOOKS"_s));
        return;
    }
    auto credentials = m_connections->credentials(connection.id);
    if (!credentials) {
        done(credentials.error());
        return;
    }
    if (const Result<void> genuine = decoder->verifyDelivery(body, headers, *credentials); !genuine) {
        // The decoder's messages name what is missing or wrong, never a secret.
        qCInfo(lcEngine).noquote() << "webhook delivery for connection" << connection.id << "refused:" << genuine.error().message;
        done(isRefusal(genuine.error()) ? refused(connection.id, genuine.error()) : genuine.error());
        return;
    }
    if (!connection.enabled) {
        done(Error::conflict(tr("this connection is disabled; enable it to receive messages"), u"CONNECTION_DISABLED"_s));
        return;
    }
    m_writer->start([this, connection, body, done = std::move(done)] { done(write(connection, body)); });
}

Result<MessagingDelivery> MessagingWebhookService::write(const ConnectionRecord &connection, const QByteArray &body)
{
    const WebhookDecoder *decoder = ConnectorFactory::webhookDecoder(connection.type);
    if (!decoder)
        return Error::conflict(tr("this connection does not receive webhooks"), u"NO_WEBHOOKS"_s);
    const Result<WebhookDecoder::Decoded> read = decoder->decode(body);
    if (!read)
        return Error::invalid(tr("the webhook delivery cannot be read: %1").arg(read.error().message), u"INVALID_BODY"_s);
    const WebhookDecoder::Decoded &decoded = *read;
    MessagingDelivery delivery;
    delivery.messages = decoded.count(u"messages"_s);
    delivery.statuses = decoded.count(u"message_statuses"_s);
    delivery.skipped = decoded.skipped.size();
    for (const QString &why : decoded.skipped)
        qCWarning(lcEngine).noquote() << "webhook delivery for connection" << connection.id << "left out" << why;
    if (decoded.streams.isEmpty())
        return delivery;

    Database *data = m_workspaceData->database(connection.workspaceId);
    sqlite3 *db = data ? SqliteLibrary::handle(data->connection()) : nullptr;
    if (!db)
        return Error{Error::Kind::Unavailable, u"DATA_FILE_UNAVAILABLE"_s, tr("the workspace's data file cannot be opened"), {}};
    // The same table base as the connection's syncs, fixed at whichever comes first.
    const QString base = m_runs->resolveTableBase(connection);
    // Rows name what wrote them; a delivery is not a run, so it gets an id of its own.
    const QString writtenBy = u"webhook:"_s + Ids::newId();
    const QString now = Ids::isoNow();

    if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
        qCWarning(lcEngine) << "webhook delivery for connection" << connection.id
                            << "could not start a write:" << sqlite3_errmsg(db);
        return Error{
            Error::Kind::Unavailable, u"DATA_FILE_BUSY"_s, tr("the workspace's data file stayed locked by another writer"), {}};
    }
    qint64 created = 0;
    qint64 updated = 0;
    for (const auto &stream : decoded.streams) {
        OpboxTableWriter writer(db, TableNamingPolicy::tableName(base, stream.stream), base, stream.stream, stream.primaryKey,
                                connection.id, connection.variantLabel);
        const auto counts = writer.write(RecordBatch::fromJson(stream.records), writtenBy, now);
        if (!counts) {
            qCWarning(lcEngine) << "webhook delivery for connection" << connection.id
                                << "could not be written:" << writer.lastSqliteError();
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return counts.error();
        }
        created += counts->created;
        updated += counts->updated;
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        const QString reason = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        qCWarning(lcEngine) << "webhook delivery for connection" << connection.id << "could not be committed:" << reason;
        return Error::internal(tr("the webhook delivery could not be stored"));
    }
    qCInfo(lcEngine) << "webhook delivery for connection" << connection.id << "stored" << delivery.messages << "messages and"
                     << delivery.statuses << "statuses (" << created << "new," << updated << "again)";
    delivery.stored = true;
    delivery.created = created;
    delivery.updated = updated;
    return delivery;
}

} // namespace Opbox
