// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/http/providerhttpclient.h"
#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/paginator.h"
#include "connectors/runtime/recordnormalizer.h"
#include "connectors/runtime/requesttemplate.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <memory>
#include <optional>

namespace Opbox {

class DeclarativeConnector;

/** How a step of a stream read ended: go on, stopped (cancelled, or the sink said stop), or failed. */
struct ReadStatus
{
    enum class Kind { Ok, Stopped, Failed };
    Kind kind = Kind::Ok;
    Error error; // Failed: why
    [[nodiscard]] bool proceed() const { return kind == Kind::Ok; }
    [[nodiscard]] static ReadStatus stopped() { return {Kind::Stopped, {}}; }
    [[nodiscard]] static ReadStatus failed(Error why) { return {Kind::Failed, std::move(why)}; }
};

/**
 * Pages through one request of a stream under one slice: builds and sends each page's request,
 * reads the records out of the answer, normalises and filters them, and hands them to a
 * PageHandler. The next page is fetched while the handler works on this one, unless the next
 * request depends on this page's records (a capped query, a descending read that stops at the
 * cursor).
 */
class PageReader
{
    Q_DECLARE_TR_FUNCTIONS(PageReader)
public:
    /** One page of records under one slice, already normalised and filtered. */
    struct PageData
    {
        RecordBatch records;
        QString maxCursor; // newest cursor value among the page's records (canonical ISO), if any
        bool lastOfSlice = false;
    };

    /** Receives the pages of one slice. */
    class PageHandler
    {
    public:
        virtual ~PageHandler() = default;
        [[nodiscard]] virtual QCoro::Task<ReadStatus> handle(PageData page) = 0;
    };

    /** `stop` ends a prefetch early; the reader also sets it when it abandons a prefetch. */
    PageReader(DeclarativeConnector &connector, std::shared_ptr<CancelToken> stop);

    /** Reads every page of `stream` under `slice` from `cursor` (none: from the start) into `handler`. */
    [[nodiscard]] QCoro::Task<ReadStatus> readPages(const ConnectorManifest::Stream *stream, QJsonObject slice, bool fromConfig,
                                                    std::optional<QString> cursor, PageHandler *handler);
    /** The run was cancelled or the read was told to stop. */
    [[nodiscard]] bool cancelled() const;

private:
    struct PageFetch
    {
        QJsonValue root; // the response (without its records when the page parser read them)
        RecordBatch records;
        HttpExchange exchange; // body dropped once parsed
        bool empty = false; // an emptyStatuses answer
    };
    [[nodiscard]] QCoro::Task<Result<PageFetch>> fetchPage(const ConnectorManifest::Stream *stream,
                                                           const ConnectorManifest::Request *request, TemplateScope scope,
                                                           QJsonObject extraQuery, const Paginator *paginator, PageCursor cursor);
    /** Reads a fetched body with QJsonDocument (what the page parser does not take). */
    [[nodiscard]] Result<void> readDocument(const ConnectorManifest::Request *request, PageFetch &fetch) const;
    [[nodiscard]] const RecordNormalizer &normalizerFor(const ConnectorManifest::Stream *stream);
    [[nodiscard]] bool keepRecord(const ConnectorManifest::Stream *stream, const RecordBatch &records, qsizetype row) const;

    DeclarativeConnector &m_connector;
    std::shared_ptr<CancelToken> m_stop;
    QHash<QString, std::shared_ptr<RecordNormalizer>> m_normalizers;
};

} // namespace Opbox
