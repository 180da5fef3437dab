// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/runtime/recordbatch.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Opbox {

class ReadScheduler;
class WebhookDecoder;

/** One field of a stream as discovered: its name and its declared type. */
struct StreamField
{
    QString name;
    QString type; // string | integer | number | boolean | date | datetime | object | array
    [[nodiscard]] QJsonObject toJson() const { return {{QStringLiteral("name"), name}, {QStringLiteral("type"), type}}; }
};

/** What a stream is: its fields, sync modes, primary key, cursor field and parent stream. */
struct StreamSpec
{
    QString name;
    QList<StreamField> fields;
    QStringList supportedSyncModes; // "full_refresh", "incremental"
    QStringList primaryKey; // field names; usually {"id"}
    QString cursorField; // empty for full-refresh-only streams
    QString parent; // parent stream for child streams, else empty
    bool available = true; // false: the provider does not let this account read it
    QString reason; // why it is not available, in the provider's words
    [[nodiscard]] QJsonObject toJson() const;
};

/** One page of records read from a stream, with the stream state to store once the page is committed. */
struct RecordPage
{
    QString stream;
    RecordBatch records; // as the provider returns them (date-times normalised where the manifest says)
    QJsonObject stateAfter; // the stream's state if this page is committed: {"cursor": "...", ...}
    bool lastPage = false;
};

/**
 * Receives pages from a read. `accept` commits the page (rows and state in one transaction) and
 * returns false to stop the read (cancellation, or a write failure the sink reports itself).
 * The read awaits `accept` before it asks for the page after next, so fetching the next page
 * may overlap with writing this one, but memory stays bounded.
 */
class PageSink
{
public:
    virtual ~PageSink() = default;
    [[nodiscard]] virtual QCoro::Task<bool> accept(RecordPage page) = 0;
    /**
     * A part of the stream (one parent's children) that the provider does not let this account
     * read was skipped; `reason` is the provider's. The read goes on with the other parts.
     */
    virtual void skipped(const QString & /*reason*/) { }
};

/** Cooperative cancellation shared between the engine and a running read. */
class CancelToken
{
public:
    void cancel() { m_cancelled.store(true); }
    [[nodiscard]] bool isCancelled() const { return m_cancelled.load(); }

private:
    std::atomic<bool> m_cancelled{false};
};

/**
 * Where a connection's credentials are kept, for OAuth tokens that change during a read. `load`
 * reads what is stored now; `replace` stores `fresh` only while the stored refresh token is still
 * `expectedRefreshToken` (compare-and-swap) and answers with what is stored afterwards: `fresh`, or
 * the newer credentials that another refresh stored first. Both empty: nothing is kept (a test of
 * unsaved credentials).
 */
struct CredentialsStore
{
    std::function<Result<QJsonObject>()> load;
    std::function<Result<QJsonObject>(const QString &expectedRefreshToken, const QJsonObject &fresh)> replace;
};

/** What a connector is built with: decrypted credentials, config, and the thread's network manager. */
struct ConnectorContext
{
    QString type;
    QJsonObject credentials;
    QJsonObject config;
    QNetworkAccessManager *network = nullptr; // owned by the calling thread
    CredentialsStore credentialsStore; // rotated OAuth tokens are stored here before they are used
    std::shared_ptr<CancelToken> cancel;
    std::shared_ptr<ReadScheduler> scheduler; // the run's read slots; null: a stream's partitions one at a time
};

/*
 * Connector failures are Errors classified for the engine and the user: Configuration (bad
 * credentials, permissions or configuration: the user must act, "check the API key"), Unavailable
 * (retries exhausted on 429/5xx/network errors), Upstream (the provider refused the request for
 * another reason; its message is kept), Malformed (an answer we cannot read) and Cancelled (the
 * caller asked us to stop). Messages name provider, URL path and problem, never a credential.
 */

/** The outcome of `discover`: the streams with fields and types, or why the provider could not be asked. */
using DiscoverResult = Result<QList<StreamSpec>>;

/** The outcome of reading one stream: the number of records handed to the sink. */
using ReadResult = Result<qint64>;

/** A provider connector: check credentials, discover streams, read a stream page by page. */
class Connector
{
public:
    virtual ~Connector() = default;
    /** Asks the provider whether the credentials and configuration work; the error says why not. */
    [[nodiscard]] virtual QCoro::Task<Result<void>> check() = 0;
    [[nodiscard]] virtual QCoro::Task<DiscoverResult> discover() = 0;
    /** The streams this connector offers, without a network call. */
    [[nodiscard]] virtual QList<StreamSpec> streams() const = 0;
    /** Reads `stream` from `state` (the stored stream state; empty for a full read), page by page into `sink`. */
    [[nodiscard]] virtual QCoro::Task<ReadResult> read(QString stream, QJsonObject state, PageSink *sink) = 0;
};

/** Creates connectors by type. */
class ConnectorFactory
{
public:
    /**
     * nullptr for a type that has no manifest. The connector uses
     * `context.network` (or its own manager when null) and must outlive every task it returns.
     */
    [[nodiscard]] static std::unique_ptr<Connector> create(ConnectorContext context);
    /** True when `create` can build a connector of `type` (its manifest is embedded). */
    [[nodiscard]] static bool isAvailable(const QString &type);
    /**
     * The reader of inbound webhook deliveries for connections of `type`, shared and stateless;
     * nullptr when that type receives none.
     */
    [[nodiscard]] static const WebhookDecoder *webhookDecoder(const QString &type);
};

} // namespace Opbox
