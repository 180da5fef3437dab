// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/providers/zendesk/zendeskexportjob.h"

#include "connectors/connectorslogging.h"
#include "connectors/runtime/datetimeformat.h"
#include "connectors/runtime/declarativeconnector.h"
#include "connectors/runtime/jsonpath.h"
#include "connectors/runtime/paginator.h"
#include "connectors/runtime/requesttemplate.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

using Stream = ConnectorManifest::Stream;

const Stream &exportOf(const ConnectorManifest &manifest, const Stream &stream)
{
    if (!stream.slices.parent.isEmpty()) {
        if (const Stream *parent = manifest.stream(stream.slices.parent))
            return *parent;
    }
    return stream;
}

std::optional<QString> newer(const std::optional<QString> &a, const std::optional<QString> &b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    return *a < *b ? b : a;
}

struct Parsed
{
    QJsonObject root;
    QString problem;
};

Parsed parseObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return {{}, ZendeskExportJob::tr("invalid JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset)};
    if (!doc.isObject())
        return {{}, ZendeskExportJob::tr("the response is not a JSON object")};
    return {doc.object(), {}};
}

} // namespace

ZendeskExportJob::ZendeskExportJob(DeclarativeConnector &connector, const Stream &stream, QJsonObject state, PageSink *sink)
    : m_connector(connector)
    , m_stream(stream)
    , m_export(&exportOf(connector.manifest(), stream))
    , m_state(std::move(state))
    , m_sink(sink)
    , m_stop(std::make_shared<CancelToken>())
    , m_exportNormalizer(*m_export)
{
    if (m_export != &m_stream)
        m_childNormalizer.emplace(m_stream);
}

bool ZendeskExportJob::isExport(const Stream &stream)
{
    return stream.incremental && stream.request.pagination.kind == ConnectorManifest::Pagination::Kind::Cursor
        && stream.request.path.endsWith(u"/cursor.json"_s);
}

bool ZendeskExportJob::handles(const ConnectorManifest &manifest, const Stream &stream)
{
    if (isExport(stream))
        return true;
    if (stream.slices.parent.isEmpty() || !stream.incremental)
        return false;
    const Stream *parent = manifest.stream(stream.slices.parent);
    return parent && isExport(*parent);
}

bool ZendeskExportJob::cancelled() const
{
    const auto token = m_connector.cancelToken();
    return (token && token->isCancelled()) || m_stop->isCancelled();
}

Error ZendeskExportJob::cancelledError() const
{
    return Error::cancelled(tr("%1: reading %2 was stopped").arg(m_connector.manifest().provider, m_stream.name));
}

Error ZendeskExportJob::malformed(const QUrl &url, const QString &problem) const
{
    return m_connector.malformed(QByteArrayLiteral("GET"), url, problem);
}

QJsonObject ZendeskExportJob::stateWith(const QString &afterCursor) const
{
    QJsonObject state;
    if (m_cursor)
        state.insert(u"cursor"_s, *m_cursor);
    if (!afterCursor.isEmpty())
        state.insert(u"after_cursor"_s, afterCursor);
    return state;
}

QCoro::Task<ReadResult> ZendeskExportJob::run()
{
    const QString provider = m_connector.manifest().provider;

    const QJsonValue storedCursor = m_state.value(u"cursor"_s);
    if (!storedCursor.isUndefined() && !storedCursor.isNull()) {
        const auto when = DateTimeFormat::parse(storedCursor);
        if (!when) {
            co_return Error::configuration(
                tr("%1: the stored cursor of stream %2 is not an ISO-8601 date-time; reset the cursor.")
                    .arg(provider, m_stream.name));
        }
        m_cursor = DateTimeFormat::toIso(*when);
    }
    QString token = m_state.value(u"after_cursor"_s).toString();

    // start_time only counts for the first request. The export refuses times within its lag (and
    // a reset to a future date would be one), so it is clamped to the newest time the export serves.
    QDateTime startTime = m_cursor ? *DateTimeFormat::parseIso(*m_cursor) : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    const QDateTime newest = QDateTime::currentDateTimeUtc().addSecs(-ExportLagSeconds);
    if (startTime > newest)
        startTime = newest;
    m_lastState = m_state;

    for (;;) {
        if (cancelled())
            co_return cancelledError();
        auto fetching = fetchExport(token, startTime);
        Result<ExportPage> fetched = co_await fetching;
        if (!fetched)
            co_return fetched.error();
        ExportPage page = std::move(fetched).value();
        const QString next = page.afterCursor.isEmpty() ? token : page.afterCursor;
        QJsonArray records;
        if (m_childNormalizer) {
            // Children first, under the state from before this export page: it moves once they are all in.
            const QJsonObject checkpoint = m_lastState;
            for (const auto &value : std::as_const(page.records)) {
                const QJsonObject parent = value.toObject();
                // A deleted ticket has no comments left to read (the list answers 404).
                if (parent.value(u"status"_s).toString() == u"deleted"_s)
                    continue;
                auto reading = readChildren(parent, checkpoint);
                const Result<void> read = co_await reading;
                if (!read)
                    co_return read.error();
            }
        } else {
            records = std::move(page.records);
        }
        m_cursor = newer(m_cursor, page.maxCursor);
        auto emitting = emitPage(std::move(records), stateWith(next), page.endOfStream);
        if (!co_await emitting)
            co_return cancelledError();
        if (page.endOfStream)
            break;
        if (page.afterCursor.isEmpty() || page.afterCursor == token) {
            // Without a new cursor the next request would ask for the same page again, forever.
            co_return Error::malformed(
                tr("%1 returned malformed data for the %2 export: end_of_stream is false but after_cursor %3")
                    .arg(provider, m_export->name, page.afterCursor.isEmpty() ? tr("is missing") : tr("did not move")));
        }
        token = page.afterCursor;
    }
    qCDebug(lcConnectors) << provider << m_stream.name << "read" << m_records << "records from the export";
    co_return m_records;
}

QCoro::Task<Result<ZendeskExportJob::ExportPage>> ZendeskExportJob::fetchExport(QString token, QDateTime startTime)
{
    TemplateScope scope;
    scope.config = m_connector.config();
    scope.fields = &m_export->fields;
    if (token.isEmpty())
        scope.cursor = startTime; // else start_time is left out: the cursor carries the position
    const Paginator paginator(m_export->request.pagination, m_connector.configuredPageSize());
    PageCursor position;
    position.token = token;
    const Result<HttpCall> call = m_connector.buildCall(m_export->request, scope, {}, &paginator, position);
    if (!call) {
        co_return Error::configuration(tr("%1: cannot build the request of stream %2: %3")
                                           .arg(m_connector.manifest().provider, m_export->name, call.error().message));
    }
    auto sending = m_connector.client().send(*call, m_stop);
    const Result<HttpExchange> sent = co_await sending;
    if (!sent)
        co_return sent.error();
    const HttpExchange &exchange = *sent;
    const Parsed parsed = parseObject(exchange.body);
    if (!parsed.problem.isEmpty())
        co_return malformed(exchange.url, parsed.problem);
    const QJsonValue records = JsonPath::value(QJsonValue(parsed.root), m_export->request.recordsPath);
    if (!records.isArray())
        co_return malformed(exchange.url, tr("'%1' should be a list of records").arg(m_export->request.recordsPath.join(u'.')));
    const QJsonValue end = parsed.root.value(u"end_of_stream"_s);
    if (!end.isBool())
        co_return malformed(exchange.url, tr("'end_of_stream' should be true or false"));
    ExportPage page;
    page.endOfStream = end.toBool();
    const QJsonValue after = parsed.root.value(u"after_cursor"_s);
    if (after.isString())
        page.afterCursor = after.toString();
    else if (!after.isNull() && !after.isUndefined())
        co_return malformed(exchange.url, tr("'after_cursor' should be text"));

    const QStringList cursorPath = JsonPath::split(m_export->incremental->cursorField);
    const QJsonArray list = records.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject())
            co_return malformed(exchange.url, tr("record %1 should be an object").arg(i));
        QJsonObject record = list.at(i).toObject();
        if (const Result<void> normalized = m_exportNormalizer.normalize(record); !normalized)
            co_return malformed(exchange.url, tr("record %1: %2").arg(i).arg(normalized.error().message));
        const QJsonValue value = JsonPath::value(QJsonValue(record), cursorPath);
        if (value.isString())
            page.maxCursor = newer(page.maxCursor, value.toString());
        page.records.append(record);
    }
    co_return std::move(page);
}

QCoro::Task<Result<void>> ZendeskExportJob::readChildren(QJsonObject parent, QJsonObject checkpoint)
{
    const ConnectorManifest::Request &request = m_stream.request;
    TemplateScope scope;
    scope.config = m_connector.config();
    scope.slice = parent;
    scope.fields = &m_stream.fields;
    const Paginator paginator(request.pagination, m_connector.configuredPageSize());
    const QJsonValue parentId = parent.value(u"id"_s);
    PageCursor position;
    for (;;) {
        if (cancelled())
            co_return cancelledError();
        const Result<HttpCall> call = m_connector.buildCall(request, scope, {}, &paginator, position);
        if (!call) {
            co_return Error::configuration(tr("%1: cannot build the request of stream %2: %3")
                                               .arg(m_connector.manifest().provider, m_stream.name, call.error().message));
        }
        auto sending = m_connector.client().send(*call, m_stop);
        const Result<HttpExchange> sent = co_await sending;
        if (!sent)
            co_return sent.error();
        const HttpExchange &exchange = *sent;
        if (request.emptyStatuses.contains(exchange.status))
            co_return Result<void>();
        const Parsed parsed = parseObject(exchange.body);
        if (!parsed.problem.isEmpty())
            co_return malformed(exchange.url, parsed.problem);
        const QJsonValue records = JsonPath::value(QJsonValue(parsed.root), request.recordsPath);
        if (!records.isArray())
            co_return malformed(exchange.url, tr("'%1' should be a list of records").arg(request.recordsPath.join(u'.')));
        const QJsonArray list = records.toArray();
        QJsonArray out;
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isObject())
                co_return malformed(exchange.url, tr("record %1 should be an object").arg(i));
            QJsonObject record = list.at(i).toObject();
            // Comments do not name their ticket; the table needs it to join them.
            record.insert(u"ticket_id"_s, parentId);
            if (const Result<void> normalized = m_childNormalizer->normalize(record); !normalized)
                co_return malformed(exchange.url, tr("record %1: %2").arg(i).arg(normalized.error().message));
            out.append(record);
        }
        const qsizetype count = out.size();
        auto emitting = emitPage(std::move(out), checkpoint, false);
        if (!co_await emitting)
            co_return cancelledError();

        const Result<Paginator::Step> paged
            = paginator.next(position, exchange, QJsonValue(parsed.root), count, m_connector.client());
        if (!paged)
            co_return malformed(exchange.url, tr("bad pagination: %1").arg(paged.error().message));
        const Paginator::Step &step = *paged;
        // Zendesk's cursor pages end with meta.has_more false (the last page may still name a cursor).
        const QJsonValue hasMore = JsonPath::value(QJsonValue(parsed.root), u"meta.has_more");
        if (step.done || (hasMore.isBool() && !hasMore.toBool()))
            co_return Result<void>();
        position = step.next;
    }
}

QCoro::Task<bool> ZendeskExportJob::emitPage(QJsonArray records, QJsonObject state, bool last)
{
    if (records.isEmpty() && !last && state == m_lastState)
        co_return true;
    m_records += records.size();
    m_lastState = state;
    auto accepting = m_sink->accept(RecordPage{m_stream.name, RecordBatch::fromJson(records), std::move(state), last});
    const bool keepGoing = co_await accepting;
    if (!keepGoing)
        m_stop->cancel();
    co_return keepGoing;
}

} // namespace Opbox
