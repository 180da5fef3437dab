// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/streamreadjob.h"

#include "connectors/connectorslogging.h"
#include "connectors/runtime/datetimeformat.h"
#include "connectors/runtime/declarativeconnector.h"
#include "connectors/runtime/jsonpageparser.h"
#include "connectors/runtime/jsonpath.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

using Stream = ConnectorManifest::Stream;
using Request = ConnectorManifest::Request;
using Status = StreamReadJob::Status;

std::optional<QString> maxOf(const std::optional<QString> &a, const std::optional<QString> &b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    return *a < *b ? b : a;
}

QString minOf(const QString &a, const QString &b)
{
    return a < b ? a : b;
}

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

// The request a stream uses for one slice, as the manifest chooses it.
const Request *requestFor(const Stream *stream, bool fromConfig, bool haveCursor)
{
    if (haveCursor && stream->incremental && stream->incremental->request)
        return &*stream->incremental->request;
    if (fromConfig && stream->slices.configRequest)
        return &*stream->slices.configRequest;
    return &stream->request;
}

QStringList configValues(const QJsonObject &config, const QString &key)
{
    QStringList values;
    const QJsonValue v = config.value(key);
    if (v.isString()) {
        // A list typed into a single text field: accept commas and whitespace as separators.
        for (const auto &part : v.toString().split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts))
            values.append(part);
    } else if (v.isArray()) {
        for (const auto &item : v.toArray()) {
            const QString s = item.isString() ? item.toString().trimmed()
                                              : (item.isDouble() ? QString::number(item.toInteger()) : QString());
            if (!s.isEmpty())
                values.append(s);
        }
    } else if (v.isDouble()) {
        values.append(QString::number(v.toInteger()));
    }
    return values;
}

/** Hands the pages of the stream being read to the sink, tracking the cursor. */
class EmitHandler final : public StreamReadJob::PageHandler
{
public:
    explicit EmitHandler(StreamReadJob &job)
        : m_job(job)
    {
    }
    QCoro::Task<Status> handle(StreamReadJob::PageData page) override
    {
        return m_job.emitPage(std::move(page.records), std::move(page.maxCursor), page.lastOfSlice);
    }

private:
    StreamReadJob &m_job;
};

/** Reads each slice of the stream being read and emits its pages. */
class EmitVisitor final : public StreamReadJob::SliceVisitor
{
public:
    explicit EmitVisitor(StreamReadJob &job)
        : m_job(job)
    {
    }
    QCoro::Task<Status> visit(QJsonObject slice, bool fromConfig) override
    {
        m_job.beginSlice(slice);
        EmitHandler handler(m_job);
        auto task = m_job.readPages(&m_job.stream(), slice, fromConfig, m_job.cursorForSlice(slice), &handler);
        const Status status = co_await task;
        if (status.proceed())
            m_job.endSlice();
        co_return status;
    }

private:
    StreamReadJob &m_job;
};

/** Turns every record of a parent page into a slice for the child visitor. */
class ParentPageHandler final : public StreamReadJob::PageHandler
{
public:
    explicit ParentPageHandler(StreamReadJob::SliceVisitor *child)
        : m_child(child)
    {
    }
    QCoro::Task<Status> handle(StreamReadJob::PageData page) override
    {
        for (qsizetype row = 0; row < page.records.size(); ++row) {
            auto task = m_child->visit(page.records.toJsonObject(row), false);
            const Status status = co_await task;
            if (!status.proceed())
                co_return status;
        }
        co_return Status{};
    }

private:
    StreamReadJob::SliceVisitor *m_child;
};

/** For each slice of a parent stream, reads the parent's records and visits them as child slices. */
class ParentSliceVisitor final : public StreamReadJob::SliceVisitor
{
public:
    ParentSliceVisitor(StreamReadJob &job, const Stream *parent, std::optional<QString> cursor,
                       StreamReadJob::SliceVisitor *child)
        : m_job(job)
        , m_parent(parent)
        , m_cursor(std::move(cursor))
        , m_child(child)
    {
    }
    QCoro::Task<Status> visit(QJsonObject slice, bool fromConfig) override
    {
        ParentPageHandler handler(m_child);
        auto task = m_job.readPages(m_parent, slice, fromConfig, m_cursor, &handler);
        co_return co_await task;
    }

private:
    StreamReadJob &m_job;
    const Stream *m_parent;
    std::optional<QString> m_cursor;
    StreamReadJob::SliceVisitor *m_child;
};

} // namespace

StreamReadJob::StreamReadJob(DeclarativeConnector &connector, const ConnectorManifest::Stream &stream,
                             QJsonObject state, PageSink *sink)
    : m_connector(connector)
    , m_stream(stream)
    , m_state(std::move(state))
    , m_sink(sink)
    , m_stop(std::make_shared<CancelToken>())
{
}

bool StreamReadJob::cancelled() const
{
    const auto token = m_connector.cancelToken();
    return (token && token->isCancelled()) || m_stop->isCancelled();
}

StreamReadJob::Status StreamReadJob::failed(ConnectorError error) const
{
    Status s;
    s.kind = Status::Kind::Failed;
    s.error = std::move(error);
    return s;
}

const RecordNormalizer &StreamReadJob::normalizerFor(const Stream *stream)
{
    auto &normalizer = m_normalizers[stream->name];
    if (!normalizer)
        normalizer = std::make_shared<RecordNormalizer>(*stream);
    return *normalizer;
}

bool StreamReadJob::keepRecord(const Stream *stream, const RecordBatch &records, qsizetype row) const
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

QString StreamReadJob::sliceKey(const QJsonObject &slice) const
{
    if (m_stream.slices.key.isEmpty())
        return {};
    const QJsonValue v = JsonPath::value(QJsonValue(slice), m_stream.slices.key);
    return v.isString() ? v.toString() : (v.isDouble() ? QString::number(v.toInteger()) : QString());
}

std::optional<QString> StreamReadJob::cursorForSlice(const QJsonObject &slice) const
{
    if (!m_stream.incremental)
        return std::nullopt;
    if (m_stream.incremental->perSlice && m_statePartitioned) {
        // Partitions exist: a slice without one is new (a repository added later) and reads from the start.
        const QJsonValue v = m_oldPartitions.value(sliceKey(slice));
        if (v.isString())
            return v.toString();
        return std::nullopt;
    }
    return m_oldCursor;
}

void StreamReadJob::beginSlice(const QJsonObject &slice)
{
    m_sliceKey = sliceKey(slice);
    m_sliceOldCursor = cursorForSlice(slice);
    m_sliceMaxSeen.reset();
    // Which request this slice uses decides whether its records arrive in cursor order.
    const Request *request = requestFor(&m_stream, false, m_sliceOldCursor.has_value());
    m_ascending = request->order == ConnectorManifest::Order::Ascending;
}

void StreamReadJob::endSlice()
{
    if (!m_stream.incremental || !m_stream.incremental->perSlice || m_sliceKey.isEmpty())
        return;
    QString cursor;
    if (m_stream.incremental->cursorIsRunStart)
        cursor = m_runStart;
    else if (m_sliceMaxSeen)
        cursor = m_ascending ? *maxOf(m_sliceOldCursor, m_sliceMaxSeen) : *maxOf(m_sliceOldCursor, minOf(*m_sliceMaxSeen, m_runStart));
    else
        cursor = m_sliceOldCursor.value_or(m_runStart);
    m_partitions.insert(m_sliceKey, cursor);
}

QJsonObject StreamReadJob::stateNow(bool final) const
{
    if (!m_stream.incremental)
        return {};
    const auto &inc = *m_stream.incremental;
    QJsonObject state;
    if (inc.perSlice) {
        QJsonObject partitions = final ? QJsonObject() : m_oldPartitions;
        for (auto it = m_partitions.begin(); it != m_partitions.end(); ++it)
            partitions.insert(it.key(), it.value());
        if (!final && m_ascending && m_sliceMaxSeen && !m_sliceKey.isEmpty() && !inc.cursorIsRunStart)
            partitions.insert(m_sliceKey, *maxOf(m_sliceOldCursor, m_sliceMaxSeen));
        std::optional<QString> oldest;
        for (auto it = partitions.begin(); it != partitions.end(); ++it) {
            const QString value = it.value().toString();
            if (!oldest || value < *oldest)
                oldest = value;
        }
        if (!final && !m_statePartitioned && m_oldCursor)
            oldest = oldest ? minOf(*oldest, *m_oldCursor) : *m_oldCursor;
        if (oldest)
            state.insert(u"cursor"_s, *oldest);
        state.insert(u"partitions"_s, partitions);
        return state;
    }
    std::optional<QString> cursor;
    if (final) {
        if (inc.cursorIsRunStart)
            cursor = m_runStart;
        else if (m_maxSeen)
            cursor = (m_ascending && m_singleSlice) ? maxOf(m_oldCursor, m_maxSeen)
                                                    : maxOf(m_oldCursor, minOf(*m_maxSeen, m_runStart));
        else
            cursor = m_oldCursor ? m_oldCursor : std::optional<QString>(m_runStart);
    } else if (m_ascending && m_singleSlice && m_maxSeen) {
        cursor = inc.cursorIsRunStart ? maxOf(m_oldCursor, minOf(*m_maxSeen, m_runStart)) : maxOf(m_oldCursor, m_maxSeen);
    } else {
        cursor = m_oldCursor;
    }
    if (cursor)
        state.insert(u"cursor"_s, *cursor);
    return state;
}

QCoro::Task<ReadResult> StreamReadJob::run()
{
    ReadResult result;
    m_runStart = DateTimeFormat::toIso(QDateTime::currentDateTimeUtc());
    const QString provider = m_connector.manifest().provider;

    if (m_stream.incremental) {
        const QJsonValue cursor = m_state.value(u"cursor"_s);
        if (!cursor.isUndefined() && !cursor.isNull()) {
            const auto when = DateTimeFormat::parse(cursor);
            if (!when) {
                result.error = {ConnectorError::Kind::Config,
                                tr("%1: the stored cursor of stream %2 is not an ISO-8601 date-time; reset the cursor.")
                                    .arg(provider, m_stream.name)};
                co_return result;
            }
            m_oldCursor = DateTimeFormat::toIso(*when);
        }
        const QJsonValue partitions = m_state.value(u"partitions"_s);
        if (m_stream.incremental->perSlice && partitions.isObject()) {
            m_statePartitioned = true;
            const QJsonObject p = partitions.toObject();
            for (auto it = p.begin(); it != p.end(); ++it) {
                if (const auto when = DateTimeFormat::parse(it.value()))
                    m_oldPartitions.insert(it.key(), DateTimeFormat::toIso(*when));
            }
        }
    }

    // Every coroutine here is created in its own statement and awaited by name: GCC 12 destroys
    // by-value arguments of a coroutine called inside a co_await expression twice.
    auto contextTask = m_connector.ensureContext(m_stop);
    if (const auto error = co_await contextTask) {
        result.error = *error;
        co_return result;
    }

    if (!m_stream.slices.parent.isEmpty())
        m_singleSlice = configValues(m_connector.config(), m_stream.slices.config).size() == 1;
    else if (!m_stream.slices.config.isEmpty())
        m_singleSlice = configValues(m_connector.config(), m_stream.slices.config).size() <= 1;

    EmitVisitor visitor(*this);
    const std::optional<QString> parentCursor = m_stream.slices.parentIncremental ? m_oldCursor : std::nullopt;
    auto slicesTask = forEachSlice(&m_stream, parentCursor, &visitor);
    const Status status = co_await slicesTask;
    result.records = m_records;
    if (status.kind == Status::Kind::Failed) {
        result.error = status.error;
        co_return result;
    }
    if (status.kind == Status::Kind::Stopped || cancelled()) {
        result.error = {ConnectorError::Kind::Cancelled, tr("%1: reading %2 was stopped").arg(provider, m_stream.name)};
        co_return result;
    }
    if (!m_lastPageEmitted) {
        // Several slices: the end of the stream is only known after the last one, so close with an empty page.
        auto accepting = m_sink->accept(RecordPage{m_stream.name, {}, stateNow(true), true});
        const bool keepGoing = co_await accepting;
        if (!keepGoing) {
            result.error = {ConnectorError::Kind::Cancelled, tr("%1: reading %2 was stopped").arg(provider, m_stream.name)};
            co_return result;
        }
    }
    qCDebug(lcConnectors) << provider << m_stream.name << "read" << m_records << "records";
    result.ok = true;
    co_return result;
}

QCoro::Task<StreamReadJob::Status> StreamReadJob::forEachSlice(const Stream *stream, std::optional<QString> parentCursor,
                                                               SliceVisitor *visitor)
{
    if (!stream->slices.config.isEmpty()) {
        const QStringList values = configValues(m_connector.config(), stream->slices.config);
        if (!values.isEmpty()) {
            for (const QString &value : values) {
                if (cancelled())
                    co_return Status{Status::Kind::Stopped, {}};
                QJsonObject slice;
                slice.insert(stream->slices.as, value);
                auto task = visitor->visit(std::move(slice), true);
                const Status status = co_await task;
                if (!status.proceed())
                    co_return status;
            }
            co_return Status{};
        }
    }
    if (stream->slices.parent.isEmpty()) {
        auto task = visitor->visit(QJsonObject(), false);
        co_return co_await task;
    }
    const Stream *parent = m_connector.manifest().stream(stream->slices.parent);
    ParentSliceVisitor parentVisitor(*this, parent, parentCursor, visitor);
    const std::optional<QString> grandParentCursor = parent->slices.parentIncremental ? parentCursor : std::nullopt;
    auto task = forEachSlice(parent, grandParentCursor, &parentVisitor);
    co_return co_await task;
}

QCoro::Task<StreamReadJob::PageFetch> StreamReadJob::fetchPage(const Stream *stream, const Request *request,
                                                               TemplateScope scope, QJsonObject extraQuery,
                                                               const Paginator *paginator, PageCursor cursor)
{
    PageFetch fetch;
    QString error;
    const auto call = m_connector.buildCall(*request, scope, extraQuery, paginator, cursor, &error);
    if (!call) {
        fetch.error = {ConnectorError::Kind::Config,
                       tr("%1: cannot build the request of stream %2: %3").arg(m_connector.manifest().provider, stream->name, error)};
        co_return fetch;
    }
    auto sending = m_connector.client().send(*call, m_stop);
    fetch.exchange = co_await sending;
    if (!fetch.exchange.ok) {
        fetch.error = fetch.exchange.error;
        co_return fetch;
    }
    if (request->emptyStatuses.contains(fetch.exchange.status)) {
        fetch.ok = true;
        fetch.empty = true;
        co_return fetch;
    }
    // The page parser leaves the records out of the body the paging reads: a paging path into the
    // records needs QJsonDocument's reading of the whole body.
    const bool pagingReadsRecords = paginator && paginator->readsInside(request->recordsPath);
    auto page = pagingReadsRecords ? std::nullopt
                                   : JsonPageParser::parse(fetch.exchange.body, request->recordsPath, request->single);
    if (page) {
        fetch.exchange.body.clear();
        fetch.root = std::move(page->root);
        fetch.records = std::move(page->records);
        fetch.ok = true;
        co_return fetch;
    }
    fetch.ok = readDocument(request, fetch);
    co_return fetch;
}

bool StreamReadJob::readDocument(const Request *request, PageFetch &fetch) const
{
    const QUrl url = fetch.exchange.url;
    // Whatever the page parser does not take, QJsonDocument reads, and words the error.
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(fetch.exchange.body, &parseError);
    fetch.exchange.body.clear();
    if (parseError.error != QJsonParseError::NoError) {
        fetch.error = m_connector.malformed(request->method, url,
                                            tr("invalid JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset));
        return false;
    }
    fetch.root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    const QJsonValue records = JsonPath::value(fetch.root, request->recordsPath);
    const QString where = request->recordsPath.isEmpty() ? tr("the response") : u"'%1'"_s.arg(request->recordsPath.join(u'.'));
    if (request->single) {
        if (!records.isObject()) {
            fetch.error = m_connector.malformed(request->method, url, tr("%1 should be an object but is %2").arg(where, describeKind(records)));
            return false;
        }
        fetch.records = RecordBatch::fromJson(QJsonArray{records});
    } else if (records.isArray()) {
        const QJsonArray list = records.toArray();
        qsizetype bad = -1;
        fetch.records = RecordBatch::fromJson(list, &bad);
        if (bad >= 0) {
            fetch.error = m_connector.malformed(request->method, url,
                                                tr("record %1 should be an object but is %2").arg(bad).arg(describeKind(list.at(bad))));
            return false;
        }
    } else if (records.isUndefined() && request->recordsOptional) {
        // Some providers leave the list out of an empty page instead of sending [].
    } else {
        fetch.error = m_connector.malformed(
            request->method, url,
            records.isUndefined() ? tr("the response has no %1").arg(where)
                                  : tr("%1 should be a list of records but is %2").arg(where, describeKind(records)));
        return false;
    }
    return true;
}

QCoro::Task<StreamReadJob::Status> StreamReadJob::readPages(const Stream *stream, QJsonObject slice, bool fromConfig,
                                                            std::optional<QString> cursor, PageHandler *handler)
{
    const auto &inc = stream->incremental;
    const bool haveCursor = inc && cursor.has_value();
    const Request *request = requestFor(stream, fromConfig, haveCursor);
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

    QCoro::Task<PageFetch> pending = fetchPage(stream, request, scope, extraQuery, &paginator, pageCursor);
    for (;;) {
        PageFetch fetch = co_await pending;
        if (!fetch.ok)
            co_return failed(fetch.error);

        Paginator::Step step;
        if (fetch.empty)
            step.done = true;
        else
            step = paginator.next(pageCursor, fetch.exchange, fetch.root, fetch.records.size(), m_connector.client());
        if (!step.error.isEmpty())
            co_return failed(m_connector.malformed(request->method, fetch.exchange.url, tr("bad pagination: %1").arg(step.error)));
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
        std::optional<ConnectorError> recordError;
        for (qsizetype i = 0; i < page.records.size(); ++i) {
            for (const auto &[field, text] : stream->addFields) {
                const auto expansion = RequestTemplate::expand(text, scope, RequestTemplate::Target::Query);
                if (expansion.ok && !expansion.missing)
                    page.records.setValue(i, QStringList{field}, expansion.value);
            }
            QString problem;
            if (!normalizer.normalize(page.records, i, &problem)) {
                recordError = m_connector.malformed(request->method, fetch.exchange.url, tr("record %1: %2").arg(i).arg(problem));
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
            co_return failed(*recordError);
        }
        if (!page.maxCursor.isEmpty())
            queryMax = maxOf(queryMax, page.maxCursor);

        bool more = prefetching;
        if (!prefetching) {
            more = !step.done && !olderSeen;
            if (more && step.capReached) {
                // The provider caps one query (HubSpot search: 10,000 results). Records arrive in cursor
                // order, so a new query from the newest cursor seen continues where this one stopped.
                if (!queryMax || (scope.cursor && DateTimeFormat::toIso(*scope.cursor) >= *queryMax)) {
                    co_return failed({ConnectorError::Kind::Provider,
                                      tr("%1: more than %2 records of stream %3 share one modification time; cannot page "
                                         "past the provider's limit")
                                          .arg(m_connector.manifest().provider)
                                          .arg(request->pagination.maxResults)
                                          .arg(stream->name)});
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
        const Status status = co_await handling;
        if (!status.proceed() || (more && cancelled()) || (more && !prefetching)) {
            if (prefetching) {
                m_stop->cancel();
                (void)co_await pending;
            }
            co_return status.proceed() ? Status{Status::Kind::Stopped, {}} : status;
        }
        if (!more)
            co_return Status{};
    }
}

QCoro::Task<StreamReadJob::Status> StreamReadJob::emitPage(RecordBatch records, QString maxCursor, bool lastOfSlice)
{
    if (!maxCursor.isEmpty()) {
        m_maxSeen = maxOf(m_maxSeen, maxCursor);
        m_sliceMaxSeen = maxOf(m_sliceMaxSeen, maxCursor);
    }
    const bool lastPage = lastOfSlice && m_singleSlice;
    if (records.isEmpty() && !lastPage)
        co_return Status{};
    if (lastPage)
        endSlice();
    m_records += records.size();
    RecordPage page{m_stream.name, std::move(records), stateNow(lastPage), lastPage};
    auto accepting = m_sink->accept(std::move(page));
    const bool keepGoing = co_await accepting;
    if (lastPage)
        m_lastPageEmitted = true;
    if (!keepGoing) {
        m_stop->cancel();
        co_return Status{Status::Kind::Stopped, {}};
    }
    co_return Status{};
}

} // namespace Opbox
