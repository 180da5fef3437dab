// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/http/providerhttpclient.h"
#include "connectors/runtime/connectormanifest.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>
#include <optional>

namespace Opbox {

/** Where the next page of one request starts. */
struct PageCursor
{
    QString token; // cursor pagination
    qint64 offset = 0; // offset pagination
    int page = 0; // page-number pagination (0: the first page, startPage)
    QUrl nextUrl; // next_url / link_header: the URL to follow as given
    qint64 resultsInQuery = 0; // records seen since the query started (for maxResults)
    int emptyPages = 0; // next_url / link_header: empty pages in a row (a filtered page may be empty)
};

/**
 * Applies one pagination strategy of a manifest (cursor token, next URL, Link header, offset, page
 * number, GraphQL skip): puts the position into the next request and reads the next position out of
 * a response, refusing responses that would loop or lead to another host.
 */
class Paginator
{
    Q_DECLARE_TR_FUNCTIONS(Paginator)
public:
    struct Step
    {
        bool done = false; // no further page
        bool capReached = false; // the query cap is near: restart the query from the cursor
        PageCursor next;
    };

    /** `pageSize` <= 0 means the manifest's. */
    Paginator(const ConnectorManifest::Pagination &spec, int pageSize);

    [[nodiscard]] int pageSize() const { return m_pageSize; }
    /** Adds the page size and position of `cursor` to a request's query and body. */
    void inject(const PageCursor &cursor, QList<QPair<QString, QString>> &query, QJsonObject &body) const;
    /** The position after a page with `recordCount` raw records; Malformed when the response's paging cannot be trusted. */
    [[nodiscard]] Result<Step> next(const PageCursor &current, const HttpExchange &exchange, const QJsonValue &root,
                                    qsizetype recordCount, const ProviderHttpClient &client) const;

    /** Whether a body path the paging reads lies inside `records` (those paths need the whole body). */
    [[nodiscard]] bool readsInside(const QStringList &records) const;

    /** The `rel="next"` target of an RFC 8288 Link header, if any. */
    [[nodiscard]] static QUrl nextLink(const QByteArray &linkHeader);

private:
    static constexpr int MaxEmptyPages = 20;
    /** The total result count at `totalPath` (a number or digits in text), if the response has one. */
    [[nodiscard]] std::optional<qint64> totalOf(const QJsonValue &root) const;
    /** Whether the has-more flag at `morePath` is present and false. */
    [[nodiscard]] bool saysNoMore(const QJsonValue &root) const;

    ConnectorManifest::Pagination m_spec;
    int m_pageSize = 0;
};

} // namespace Opbox
