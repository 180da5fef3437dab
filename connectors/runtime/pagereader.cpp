// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/pagereader.h"

#include "connectors/runtime/datetimeformat.h"
#include "connectors/runtime/declarativeconnector.h"
#include "connectors/runtime/jsonpageparser.h"
#include "connectors/runtime/jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <vector>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

using Stream = ConnectorManifest::Stream;
using Request = ConnectorManifest::Request;

QString describeKind(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"a boolean"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::String: return u"text"_s;
    case QJsonValue::Array: return u"a list"_s;
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Undefined: return u"missing"_s;
    }
    return {};
}

} // namespace

PageReader::PageReader(DeclarativeConnector &connector, std::shared_ptr<CancelToken> stop)
    : m_connector(connector)
    , m_stop(std::move(stop))
{
}

bool PageReader::cancelled() const
{
    const auto token = m_connector.cancelToken();
    return (token && token->isCancelled()) || m_stop->isCancelled();
}

const RecordNormalizer &PageReader::normalizerFor(const Stream *stream)
{
    auto &normalizer = m_normalizers[stream->name];
    if (!normalizer)
        normalizer = std::make_shared<RecordNormalizer>(*stream);
    return *normalizer;
}

bool PageReader::keepRecord(const Stream *stream, const RecordBatch &records, qsizetype row) const
{
    for (const auto &field : stream->exclude) {
        // Most excluded fields are absent or null: looked up without building a value for them.
        if (const RecordBatch::Field *f = records.find(row, field)) {
            if (f->kind != RecordBatch::Kind::Null)
                return false;
            continue;
        }
        const QJsonValue v = records.value(row, field);
        if (!v.isUndefined() && !v.isNull())
            return false;
    }
    for (const auto &match : stream->include) {
        const QJsonValue wanted = m_connector.config().value(match.equalsConfig);
        if (wanted.isUndefined() || wanted.isNull() || (wanted.isString() && wanted.toString().isEmpty()))
            continue;
        const QJsonValue v = records.value(row, match.field);
        const QString have = v.isString() ? v.toString() : QString::number(v.toInteger());
        const QString want = wanted.isString() ? wanted.toString() : QString::number(wanted.toInteger());
        if (have != want)
            return false;
    }
    return true;
}

QCoro::Task<Result<PageReader::PageFetch>> PageReader::fetchPage(const Stream *stream, const Request *request,
                                                                 TemplateScope scope, QJsonObject extraQuery,
                                                                 const Paginator *paginator, PageCursor cursor)
{
    const Result<HttpCall> call = m_connector.buildCall(*request, scope, extraQuery, paginator, cursor);
    if (!call) {
        co_return Error::configuration(tr("%1: cannot build the request of stream %2: %3")
                                           .arg(m_connector.manifest().provider, stream->name, call.error().message));
    }
    // Tasks are created in their own statement and awaited by name: GCC 12 destroys by-value
    // arguments of a coroutine called inside a co_await expression twice.
    auto sending = m_connector.client().send(*call, m_stop);
    Result<HttpExchange> sent = co_await sending;
    if (!sent)
        co_return sent.error();
    PageFetch fetch;
    fetch.exchange = std::move(sent).value();
    if (request->emptyStatuses.contains(fetch.exchange.status)) {
        fetch.empty = true;
        co_return std::move(fetch);
    }
    // The page parser leaves the records out of the body the paging reads: a paging path into the
    // records needs QJsonDocument's reading of the whole body.
    const bool pagingReadsRecords = paginator && paginator->readsInside(request->recordsPath);
    auto page
        = pagingReadsRecords ? std::nullopt : JsonPageParser::parse(fetch.exchange.body, request->recordsPath, request->single);
    if (page) {
        fetch.exchange.body.clear();
        fetch.root = std::move(page->root);
        fetch.records = std::move(page->records);
        co_return std::move(fetch);
    }
    if (const Result<void> read = readDocument(request, fetch); !read)
        co_return read.error();
    co_return std::move(fetch);
}

Result<void> PageReader::readDocument(const Request *request, PageFetch &fetch) const
{
    const QUrl url = fetch.exchange.url;
    // Whatever the page parser does not take, QJsonDocument reads, and words the error.
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(fetch.exchange.body, &parseError);
    fetch.exchange.body.clear();
    if (parseError.error != QJsonParseError::NoError) {
        return m_connector.malformed(request->method, url,
                                     tr("invalid JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset));
    }
    fetch.root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    const QJsonValue records = JsonPath::value(fetch.root, request->recordsPath);
    const QString where = request->recordsPath.isEmpty() ? tr("the response") : u"'%1'"_s.arg(request->recordsPath.join(u'.'));
    if (request->single) {
        if (!records.isObject())
            return m_connector.malformed(request->method, url,
                                         tr("%1 should be an object but is %2").arg(where, describeKind(records)));
        fetch.records = RecordBatch::fromJson(QJsonArray{records});
    } else if (records.isArray()) {
        const QJsonArray list = records.toArray();
        qsizetype bad = -1;
        fetch.records = RecordBatch::fromJson(list, &bad);
        if (bad >= 0) {
            return m_connector.malformed(request->method, url,
                                         tr("record %1 should be an object but is %2").arg(bad).arg(describeKind(list.at(bad))));
        }
    } else if (records.isUndefined() && request->recordsOptional) {
        // Some providers leave the list out of an empty page instead of sending [].
    } else {
        return m_connector.malformed(request->method, url,
                                     records.isUndefined()
                                         ? tr("the response has no %1").arg(where)
                                         : tr("%1 should be a list of records but is %2").arg(where, describeKind(records)));
    }
    return {};
}

QCoro::Task<ReadStatus> PageReader::readPages(const Stream *stream, QJsonObject slice, bool fromConfig,
                                              std::optional<QString> cursor, PageHandler *handler)
{
    const auto &inc = stream->incremental;
    const bool haveCursor = inc && cursor.has_value();
    const Request *request = &stream->requestFor(fromConfig, haveCursor);
    const QJsonObject extraQuery = haveCursor ? inc->query : QJsonObject();

    std::optional<QString> requestCursor; // canonical ISO after the lookback
    TemplateScope scope;
    if (haveCursor) {
        const QDateTime when = DateTimeFormat::parseIso(*cursor).value_or(QDateTime()).addSecs(-inc->lookbackSeconds);
        scope.cursor = when;
        requestCursor = DateTimeFormat::toIso(when);
    }
    scope.slice = slice;
    scope.config = m_connector.config();
    scope.context = m_connector.contextValues();
    scope.fields = &stream->fields;

    const Paginator paginator(request->pagination, m_connector.configuredPageSize());
    const RecordNormalizer &normalizer = normalizerFor(stream);
    const QStringList cursorPath = inc ? JsonPath::split(inc->cursorField) : QStringList();
    std::optional<QString> queryMax; // for restarting a capped query from where it got to
    PageCursor pageCursor;

    // Records are needed before the next request only to restart a capped query or to stop at the
    // cursor; otherwise the next page is requested before this one is normalised and handed over.
    const bool nextNeedsRecords = request->pagination.maxResults > 0 || (inc && inc->stopWhenOlder && requestCursor);

    QCoro::Task<Result<PageFetch>> pending = fetchPage(stream, request, scope, extraQuery, &paginator, pageCursor);
    for (;;) {
        Result<PageFetch> fetched = co_await pending;
        if (!fetched)
            co_return ReadStatus::failed(fetched.error());
        PageFetch fetch = std::move(fetched).value();

        Paginator::Step step;
        if (fetch.empty) {
            step.done = true;
        } else {
            Result<Paginator::Step> paged
                = paginator.next(pageCursor, fetch.exchange, fetch.root, fetch.records.size(), m_connector.client());
            if (!paged) {
                co_return ReadStatus::failed(m_connector.malformed(request->method, fetch.exchange.url,
                                                                   tr("bad pagination: %1").arg(paged.error().message)));
            }
            step = *paged;
        }
        bool prefetching = false;
        if (!step.done && !nextNeedsRecords && !cancelled()) {
            pageCursor = step.next;
            pending = fetchPage(stream, request, scope, extraQuery, &paginator, pageCursor);
            prefetching = true;
        }

        PageData page;
        page.records = std::move(fetch.records);
        std::vector<bool> keep(size_t(page.records.size()), false);
        bool olderSeen = false;
        std::optional<Error> recordError;
        for (qsizetype i = 0; i < page.records.size(); ++i) {
            for (const auto &[field, text] : stream->addFields) {
                const auto expansion = RequestTemplate::expand(text, scope, RequestTemplate::Target::Query);
                if (expansion && !expansion->missing)
                    page.records.setValue(i, QStringList{field}, expansion->value);
            }
            if (const Result<void> normalized = normalizer.normalize(page.records, i); !normalized) {
                recordError = m_connector.malformed(request->method, fetch.exchange.url,
                                                    tr("record %1: %2").arg(i).arg(normalized.error().message));
                break;
            }
            if (!keepRecord(stream, page.records, i))
                continue;
            if (inc) {
                if (const std::optional<QString> cursorValue = page.records.stringAt(i, cursorPath)) {
                    const QString &value = *cursorValue;
                    if (requestCursor && value < *requestCursor) {
                        if (inc->stopWhenOlder)
                            olderSeen = true;
                        if (inc->clientFilter || inc->stopWhenOlder)
                            continue;
                    }
                    if (page.maxCursor.isEmpty() || page.maxCursor < value)
                        page.maxCursor = value;
                }
            }
            keep[size_t(i)] = true;
        }
        page.records.retain(keep);
        fetch = PageFetch(); // the parsed document is no longer needed while the sink works
        if (recordError) {
            if (prefetching) {
                // Let the prefetch end (it sees the stop token within a poll interval) before this frame goes.
                m_stop->cancel();
                (void)co_await pending;
            }
            co_return ReadStatus::failed(*recordError);
        }
        if (!page.maxCursor.isEmpty() && (!queryMax || *queryMax < page.maxCursor))
            queryMax = page.maxCursor;

        bool more = prefetching;
        if (!prefetching) {
            more = !step.done && !olderSeen;
            if (more && step.capReached) {
                // The provider caps one query (HubSpot search: 10,000 results). Records arrive in cursor
                // order, so a new query from the newest cursor seen continues where this one stopped.
                if (!queryMax || (scope.cursor && DateTimeFormat::toIso(*scope.cursor) >= *queryMax)) {
                    co_return ReadStatus::failed(
                        Error::upstream(tr("%1: more than %2 records of stream %3 share one modification time; "
                                           "cannot page past the provider's limit")
                                            .arg(m_connector.manifest().provider)
                                            .arg(request->pagination.maxResults)
                                            .arg(stream->name)));
                }
                scope.cursor = DateTimeFormat::parseIso(*queryMax);
                pageCursor = PageCursor();
            } else {
                pageCursor = step.next;
            }
            if (more && !cancelled()) {
                pending = fetchPage(stream, request, scope, extraQuery, &paginator, pageCursor);
                prefetching = true;
            }
        }

        page.lastOfSlice = !more;
        auto handling = handler->handle(std::move(page));
        const ReadStatus status = co_await handling;
        if (!status.proceed() || (more && cancelled()) || (more && !prefetching)) {
            if (prefetching) {
                m_stop->cancel();
                (void)co_await pending;
            }
            co_return status.proceed() ? ReadStatus::stopped() : status;
        }
        if (!more)
            co_return ReadStatus{};
    }
}

} // namespace Opbox
