// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/manifesttestread.h"

#include "connectors/runtime/declarativeconnector.h"
#include "engine/sync/columntypepolicy.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QUrl>
#include <algorithm>
#include <exception>
#include <map>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("ManifestTestRead", s);
}

/**
 * A network manager that notes every request its connector sends (method, URL, status, time), so
 * that the test read can show the request log without the HTTP client knowing about it.
 */
class RecordingNetworkManager : public QNetworkAccessManager
{
public:
    explicit RecordingNetworkManager(QNetworkAccessManager *shared)
    {
        // Same proxy and redirect rules as the thread's manager.
        setProxy(shared->proxy());
        setRedirectPolicy(shared->redirectPolicy());
    }

    QList<ManifestTestRead::Request> log;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
        const qsizetype index = log.size();
        QString method;
        switch (op) {
        case GetOperation: method = u"GET"_s; break;
        case PostOperation: method = u"POST"_s; break;
        case PutOperation: method = u"PUT"_s; break;
        case DeleteOperation: method = u"DELETE"_s; break;
        case HeadOperation: method = u"HEAD"_s; break;
        default: method = QString::fromLatin1(request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray()); break;
        }
        log.append({method, request.url().toString(QUrl::FullyEncoded), 0, 0});
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        connect(reply, &QNetworkReply::finished, this, [this, index, reply, timer] {
            if (index < log.size()) {
                log[index].status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                log[index].ms = timer->elapsed();
            }
        });
        return reply;
    }
};

/** Keeps the first pages of a read, and stops it at the limits. */
class PreviewSink : public PageSink
{
public:
    QJsonArray records;
    int pages = 0;
    bool stopped = false;
    std::shared_ptr<CancelToken> cancel;
    std::map<QString, LogicalType> columns;
    QStringList order;

    QCoro::Task<bool> accept(RecordPage page) override
    {
        ++pages;
        for (qsizetype row = 0; row < page.records.size() && records.size() < ManifestTestRead::MaxRecords; ++row) {
            records.append(page.records.toJsonObject(row));
            noteColumns(page.records, row);
        }
        stopped = pages >= ManifestTestRead::MaxPages || records.size() >= ManifestTestRead::MaxRecords;
        if (stopped && cancel)
            cancel->cancel(); // a page already being fetched ahead is dropped, not read
        co_return !stopped;
    }

private:
    void note(const QString &field, const RecordBatch &batch, const RecordBatch::Field &value)
    {
        const std::optional<LogicalType> type = ColumnTypePolicy::infer(batch, value);
        if (!type)
            return; // null so far: the writer gives such a field no column yet
        const QString column = TableNamingPolicy::columnName(field);
        auto it = columns.find(column);
        if (it == columns.end()) {
            columns.emplace(column, *type);
            order.append(column);
        } else {
            it->second = ColumnTypePolicy::join(it->second, *type);
        }
    }

    // The writer's columns: top-level fields, and the members of first-level objects as parent.child.
    void noteColumns(const RecordBatch &batch, qsizetype row)
    {
        const RecordBatch::Fields &fields = batch.fields(row);
        for (size_t i = 0; i < fields.size(); ++i) {
            const RecordBatch::Field &field = fields[i];
            const QString key = batch.string(field.key);
            if (field.kind != RecordBatch::Kind::Object) {
                note(key, batch, field);
                continue;
            }
            for (qint32 c = 0; c < field.children; ++c) {
                const RecordBatch::Field &member = fields[i + 1 + size_t(c)];
                note(key + u'.' + batch.string(member.key), batch, member);
            }
            i += size_t(field.children);
        }
    }
};

} // namespace

ManifestTestRead::ManifestTestRead(std::shared_ptr<const ConnectorManifest> manifest, QJsonObject credentials, QJsonObject config)
    : m_manifest(std::move(manifest))
    , m_credentials(std::move(credentials))
    , m_config(std::move(config))
{
    for (auto it = m_credentials.begin(); it != m_credentials.end(); ++it) {
        const QString value = it->toString();
        if (value.size() >= 3) {
            m_secrets.append(value);
            const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(value));
            if (encoded != value)
                m_secrets.append(encoded);
        }
    }
    // Longest first, so that a secret containing another is replaced whole.
    std::sort(m_secrets.begin(), m_secrets.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString ManifestTestRead::scrub(QString text) const
{
    for (const QString &secret : m_secrets)
        text.replace(secret, u"***"_s);
    return text;
}

QJsonValue ManifestTestRead::scrubJson(const QJsonValue &value) const
{
    if (value.isString())
        return scrub(value.toString());
    if (value.isArray()) {
        QJsonArray out;
        for (const auto &item : value.toArray())
            out.append(scrubJson(item));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), scrubJson(*it));
        return out;
    }
    return value;
}

QCoro::Task<QList<ManifestTestRead::Stream>> ManifestTestRead::run(QStringList streams, QNetworkAccessManager *network)
{
    if (streams.isEmpty()) {
        for (const auto &s : m_manifest->streams)
            streams.append(s.name);
    }
    QList<Stream> out;
    for (const QString &name : std::as_const(streams))
        out.append(co_await readStream(name, network));
    co_return out;
}

QCoro::Task<ManifestTestRead::Stream> ManifestTestRead::readStream(QString name, QNetworkAccessManager *network)
{
    Stream result;
    result.name = name;
    RecordingNetworkManager recorder(network);
    ConnectorContext context;
    context.type = m_manifest->type;
    context.credentials = m_credentials;
    context.config = m_config;
    context.network = &recorder;
    context.cancel = std::make_shared<CancelToken>();
    PreviewSink sink;
    sink.cancel = context.cancel;
    ReadResult read = qint64(0);
    try {
        DeclarativeConnector connector(m_manifest, context);
        read = co_await connector.read(name, QJsonObject(), &sink);
    } catch (const std::exception &) {
        read = Error::internal(tr("the test read failed unexpectedly"));
    }
    if (!read && !sink.stopped)
        result.error = scrub(read.error().message);
    result.records = scrubJson(sink.records).toArray();
    for (const QString &column : std::as_const(sink.order))
        result.columns.append({column, ColumnTypePolicy::name(sink.columns.at(column))});
    for (Request request : std::as_const(recorder.log)) {
        request.url = scrub(request.url);
        result.requests.append(request);
    }
    co_return result;
}

QJsonObject ManifestTestRead::toJson(const QList<Stream> &streams)
{
    QJsonArray out;
    for (const Stream &s : streams) {
        QJsonArray columns;
        for (const auto &[name, type] : s.columns)
            columns.append(QJsonObject{{u"name"_s, name}, {u"type"_s, type}});
        QJsonArray requests;
        for (const Request &r : s.requests)
            requests.append(QJsonObject{{u"method"_s, r.method}, {u"url"_s, r.url}, {u"status"_s, r.status}, {u"ms"_s, r.ms}});
        QJsonObject o{{u"name"_s, s.name}, {u"records"_s, s.records}, {u"columns"_s, columns}, {u"requests"_s, requests}};
        if (!s.error.isEmpty())
            o.insert(u"error"_s, s.error);
        out.append(o);
    }
    return QJsonObject{{u"streams"_s, out}};
}

} // namespace Opbox
