// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectortyperegistry.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace Opbox {

/**
 * One provider described as data: auth, requests, record paths, pagination, incremental
 * cursors, parent→child slices, fields and rate-limit signals. The format is documented in
 * connectors/MANIFEST.md; `parse` rejects anything it does not understand so that a typo in a
 * manifest fails a test instead of silently changing a sync.
 */
class ConnectorManifest
{
public:
    struct Auth
    {
        enum class Kind { Bearer, Basic, Header, Query };
        Kind kind = Kind::Bearer;
        QString credential; // bearer/header/query: the credential field holding the secret
        QString username; // basic: credential field of the user name
        QString usernameSuffix; // basic: appended to the user name (Zendesk's "/token")
        QString password; // basic: credential field of the password (may be empty)
        QString name; // header or query parameter name
        QString prefix; // header value prefix
    };

    struct RateLimit
    {
        QByteArray retryAfterHeader = QByteArrayLiteral("retry-after");
        QByteArray remainingHeader; // lower case
        QByteArray resetHeader; // lower case
        bool resetIsEpoch = true; // epoch seconds (GitHub) or seconds from now (Calendly)
        QList<int> exhaustedStatuses; // e.g. GitHub's 403 that means "rate limited" when remaining is 0
        QStringList messagePatterns; // lower-case substrings of a provider message that mean "rate limited"
        int minWaitMs = 0; // a limit that names no wait: wait at least this, doubling per retry (GitHub: 60 s)
        int maxRequests = 0; // the provider's documented rate: at most this many requests of the account…
        int perSeconds = 0; // …in any this many seconds (0: none declared)
    };

    struct Pagination
    {
        enum class Kind { None, Cursor, NextUrl, LinkHeader, Offset, PageNumber };
        Kind kind = Kind::None;
        QStringList tokenPath; // cursor: where the next token is in the body
        QString tokenParam; // cursor: query parameter carrying it
        QStringList tokenBodyPath; // cursor: body path carrying it (POST search)
        QStringList urlPath; // next_url: body path of the next page's URL
        QString offsetParam;
        QStringList offsetBodyPath;
        QString pageParam;
        int startPage = 1;
        QString pageSizeParam;
        QStringList pageSizeBodyPath;
        int pageSize = 0;
        int maxPageSize = 0;
        int maxResults = 0; // a query cap (HubSpot search: 10,000): restart from the cursor before reaching it
        QStringList totalPath; // offset: body path of the total result count (a short page then does not end it)
        QStringList morePath; // cursor/next_url: body path of a has-more flag; false ends the paging
    };

    enum class Order { Unordered, Ascending, Descending };

    struct Request
    {
        QByteArray method = QByteArrayLiteral("GET");
        QString path;
        QJsonObject query; // name -> template string
        QJsonObject headers; // name -> template string; left out when it refers to an absent value
        QJsonValue body; // Undefined when the request has no body
        QStringList recordsPath; // empty: the body itself is the array (or the object when `single`)
        bool single = false;
        bool recordsOptional = false; // a missing records path means "no records" (DocuSign's empty pages)
        Pagination pagination;
        QList<int> emptyStatuses; // statuses that mean "no records here" (GitHub's 409 on an empty repository)
        int minIntervalMs = 0; // proactive throttle between requests of this kind
        Order order = Order::Unordered;
    };

    struct Incremental
    {
        QString cursorField; // dotted path of the record's cursor value
        QJsonObject query; // added to the stream's request when a cursor is known
        std::optional<Request> request; // replaces the stream's request when a cursor is known
        bool clientFilter = false; // drop records older than the cursor (the API cannot filter)
        bool stopWhenOlder = false; // descending order: stop paging at the first record older than the cursor
        qint64 lookbackSeconds = 0;
        bool cursorIsRunStart = false; // the cursor is "scanned at" (Calendly's trailing window), not a record value
        bool perSlice = false; // one cursor per slice under state.partitions
    };

    struct Slices
    {
        QString config; // config key whose value (string or list) gives the slices
        QString as; // field name each config value gets in the slice object
        std::optional<Request> configRequest; // the stream's request when slices come from config
        QString parent; // otherwise: every record of this stream is a slice
        bool parentIncremental = false; // read the parent with this stream's cursor
        QString key; // slice field that names a partition in state.partitions
    };

    struct Match
    {
        QStringList field;
        QString has; // field present and not null
        QString equalsConfig; // field equals config[equalsConfig] (applies only when that config is set)
    };

    struct Stream
    {
        QString name;
        QList<StreamField> fields;
        QStringList primaryKey;
        Request request;
        std::optional<Incremental> incremental;
        Slices slices;
        QList<QStringList> exclude; // drop records that have any of these fields (non-null)
        QList<Match> include;
        QList<QPair<QString, QString>> addFields; // field -> template
        QList<QStringList> dateTimeFields; // pre-split paths of the fields typed `datetime`
        QStringList dateTimeFormats; // per date-time field: its declared text format (Qt syntax, UTC), or empty

        [[nodiscard]] StreamSpec spec() const;
        /** The request of one slice: the incremental one once a cursor is known, the config slices' one, or the stream's. */
        [[nodiscard]] const Request &requestFor(bool fromConfig, bool haveCursor) const;
    };

    struct Context
    {
        Request request;
        QList<QPair<QString, QStringList>> values; // name -> body path
    };

    QString type;
    QString directory; // provider folder name (hubspot, asana, …)
    QString provider; // display name used in messages
    QString baseUrl;
    QString implementation = QStringLiteral("declarative");
    // What the product shows about the type: GET connector-types is generated from these.
    QString name;
    QString category;
    QString service;
    QString version;
    QString documentationUrl;
    QString authType; // api_key | basic | bearer | oauth2
    int listOrder = 1000; // position among the connector types (built-ins first, in their order)
    QList<ConnectorField> credentials;
    QList<ConnectorField> config;
    Auth auth;
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<QStringList> errorMessagePaths;
    RateLimit rateLimit;
    std::optional<Context> context;
    Request check;
    QList<Stream> streams;

    [[nodiscard]] const Stream *stream(const QString &streamName) const;

    /** Parses a manifest; an Invalid error naming the first problem when it is not valid. */
    [[nodiscard]] static Result<ConnectorManifest> parse(const QByteArray &json);
    /** The manifest of a connector type (embedded or user-installed); nullptr when there is none. */
    [[nodiscard]] static std::shared_ptr<const ConnectorManifest> forType(const QString &type);
    /** Types that have a manifest, sorted. */
    [[nodiscard]] static QStringList availableTypes();
};

} // namespace Opbox
