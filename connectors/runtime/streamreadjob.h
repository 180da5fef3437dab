// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/paginator.h"
#include "connectors/http/providerhttpclient.h"
#include "connectors/runtime/recordnormalizer.h"
#include "connectors/runtime/requesttemplate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <memory>
#include <optional>

namespace Opbox {

class DeclarativeConnector;

/**
 * One read of one stream: walks its slices (config values or parent records, recursively), pages
 * through each, normalises and filters records, and hands the sink one page at a time with the
 * state that is safe to store once that page is committed. The next page is fetched while the sink
 * writes the current one; nothing else of the stream is held in memory.
 *
 * Cursor safety: a page's state only moves the cursor past records already handed over. Streams in
 * ascending cursor order advance the cursor page by page; unordered, descending and multi-slice
 * streams keep the stored cursor until their last page and then take the newest record seen, but
 * never later than the moment the read started (a record changed during the read is read again).
 */
class StreamReadJob
{
    Q_DECLARE_TR_FUNCTIONS(StreamReadJob)
public:
    StreamReadJob(DeclarativeConnector &connector, const ConnectorManifest::Stream &stream, QJsonObject state,
                  PageSink *sink);

    [[nodiscard]] QCoro::Task<ReadResult> run();

    struct Status {
        enum class Kind { Ok, Stopped, Failed };
        Kind kind = Kind::Ok;
        ConnectorError error;
        [[nodiscard]] bool proceed() const { return kind == Kind::Ok; }
    };

    /** One page of records under one slice, already normalised and filtered. */
    struct PageData {
        RecordBatch records;
        QString maxCursor;   // newest cursor value among the page's records (canonical ISO), if any
        bool lastOfSlice = false;
    };

    /** Receives the pages of one slice. */
    class PageHandler
    {
    public:
        virtual ~PageHandler() = default;
        [[nodiscard]] virtual QCoro::Task<Status> handle(PageData page) = 0;
    };

    /** Receives the slices of a stream: config values or parent records. */
    class SliceVisitor
    {
    public:
        virtual ~SliceVisitor() = default;
        [[nodiscard]] virtual QCoro::Task<Status> visit(QJsonObject slice, bool fromConfig) = 0;
    };

    // Used by the handlers and visitors defined in streamreadjob.cpp.
    [[nodiscard]] QCoro::Task<Status> forEachSlice(const ConnectorManifest::Stream *stream,
                                                   std::optional<QString> parentCursor, SliceVisitor *visitor);
    [[nodiscard]] QCoro::Task<Status> readPages(const ConnectorManifest::Stream *stream, QJsonObject slice,
                                                bool fromConfig, std::optional<QString> cursor, PageHandler *handler);
    [[nodiscard]] QCoro::Task<Status> emitPage(RecordBatch records, QString maxCursor, bool lastOfSlice);
    void beginSlice(const QJsonObject &slice);
    void endSlice();
    [[nodiscard]] std::optional<QString> cursorForSlice(const QJsonObject &slice) const;
    [[nodiscard]] const ConnectorManifest::Stream &stream() const { return m_stream; }

private:
    struct PageFetch {
        bool ok = false;
        ConnectorError error;
        QJsonValue root;        // the response (without its records when the page parser read them)
        RecordBatch records;
        HttpExchange exchange;  // body dropped once parsed
        bool empty = false;    // an emptyStatuses answer
    };
    [[nodiscard]] QCoro::Task<PageFetch> fetchPage(const ConnectorManifest::Stream *stream,
                                                   const ConnectorManifest::Request *request, TemplateScope scope,
                                                   QJsonObject extraQuery, const Paginator *paginator,
                                                   PageCursor cursor);
    /** Reads a fetched body with QJsonDocument (what the page parser does not take); false with `fetch.error`. */
    [[nodiscard]] bool readDocument(const ConnectorManifest::Request *request, PageFetch &fetch) const;
    [[nodiscard]] const RecordNormalizer &normalizerFor(const ConnectorManifest::Stream *stream);
    [[nodiscard]] bool keepRecord(const ConnectorManifest::Stream *stream, const RecordBatch &records, qsizetype row) const;
    [[nodiscard]] QJsonObject stateNow(bool final) const;
    [[nodiscard]] bool cancelled() const;
    [[nodiscard]] Status failed(ConnectorError error) const;
    [[nodiscard]] QString sliceKey(const QJsonObject &slice) const;

    DeclarativeConnector &m_connector;
    const ConnectorManifest::Stream &m_stream;
    QJsonObject m_state;
    PageSink *m_sink;
    std::shared_ptr<CancelToken> m_stop; // set when the sink says stop: ends a prefetch early
    QHash<QString, std::shared_ptr<RecordNormalizer>> m_normalizers;

    QString m_runStart;                 // canonical ISO
    std::optional<QString> m_oldCursor; // canonical ISO
    QJsonObject m_oldPartitions;        // per-slice cursors read from the state
    bool m_statePartitioned = false;
    QJsonObject m_partitions;           // per-slice cursors of this run
    bool m_singleSlice = true;
    bool m_ascending = false;           // the request in use returns records in cursor order
    std::optional<QString> m_maxSeen;   // newest cursor value handed to the sink in this run
    // The slice being read (per-slice cursors).
    QString m_sliceKey;
    std::optional<QString> m_sliceOldCursor;
    std::optional<QString> m_sliceMaxSeen;
    bool m_lastPageEmitted = false;
    qint64 m_records = 0;
};

} // namespace Opbox
