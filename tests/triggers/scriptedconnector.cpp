// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedconnector.h"

#include <QCoroTimer>
#include <QDateTime>
#include <QMutex>
#include <QUrl>
#include <chrono>

using namespace Qt::StringLiterals;

namespace Opbox::Test {

namespace {
QMutex g_mutex;
ScriptedConnector::Settings g_settings;

QString updatedAt(int n)
{
    return QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(n) * 60).toString(Qt::ISODateWithMs);
}
} // namespace

void ScriptedConnector::configure(const Settings &settings)
{
    QMutexLocker lock(&g_mutex);
    g_settings = settings;
}

ScriptedConnector::Settings ScriptedConnector::settings()
{
    QMutexLocker lock(&g_mutex);
    return g_settings;
}

std::function<std::unique_ptr<Connector>(ConnectorContext)> ScriptedConnector::maker()
{
    return [](ConnectorContext context) -> std::unique_ptr<Connector> {
        return std::make_unique<ScriptedConnector>(std::move(context));
    };
}

QString ScriptedConnector::recordName(const QString &host, const QString &stream, int n)
{
    return host + u' ' + stream + u' ' + QString::number(n);
}

ScriptedConnector::ScriptedConnector(ConnectorContext context)
    : m_context(std::move(context))
{
}

QCoro::Task<Result<void>> ScriptedConnector::check()
{
    co_return Result<void>();
}

QCoro::Task<DiscoverResult> ScriptedConnector::discover()
{
    co_return streams();
}

QList<StreamSpec> ScriptedConnector::streams() const
{
    QList<StreamSpec> out;
    for (const auto &name : {u"contacts"_s, u"companies"_s, u"owners"_s}) {
        StreamSpec spec;
        spec.name = name;
        spec.fields
            = {{u"id"_s, u"string"_s}, {u"name"_s, u"string"_s}, {u"host"_s, u"string"_s}, {u"updatedAt"_s, u"datetime"_s}};
        spec.primaryKey = {u"id"_s};
        // owners is full refresh only: a variant's refresh must not touch other variants' rows.
        if (name == u"owners"_s) {
            spec.supportedSyncModes = {u"full_refresh"_s};
        } else {
            spec.supportedSyncModes = {u"full_refresh"_s, u"incremental"_s};
            spec.cursorField = u"updatedAt"_s;
        }
        out.append(spec);
    }
    return out;
}

QCoro::Task<ReadResult> ScriptedConnector::read(QString stream, QJsonObject state, PageSink *sink)
{
    const Settings s = settings();
    QString host = QUrl(m_context.config.value(u"baseUrl"_s).toString()).host();
    if (host.isEmpty())
        host = u"default"_s;
    const bool incremental = stream != u"owners"_s;
    const QString cursor = incremental ? state.value(u"cursor"_s).toString() : QString();
    QList<QJsonObject> records;
    for (int n = 1; n <= s.records; ++n) {
        const QString at = updatedAt(n);
        if (!cursor.isEmpty() && at <= cursor)
            continue;
        records.append(QJsonObject{
            {u"id"_s, QString::number(n)}, {u"name"_s, recordName(host, stream, n)}, {u"host"_s, host}, {u"updatedAt"_s, at}});
    }
    qint64 read = 0;
    qsizetype i = 0;
    do {
        if (m_context.cancel && m_context.cancel->isCancelled()) {
            co_return Error::cancelled(u"cancelled"_s);
        }
        if (s.pageDelayMs > 0)
            co_await QCoro::sleepFor(std::chrono::milliseconds(s.pageDelayMs));
        RecordPage page;
        page.stream = stream;
        const qsizetype end = std::min(records.size(), i + s.perPage);
        QJsonArray chunk;
        for (; i < end; ++i)
            chunk.append(records.at(i));
        page.records = RecordBatch::fromJson(chunk);
        page.lastPage = i >= records.size();
        QString newCursor = cursor;
        if (!chunk.isEmpty())
            newCursor = chunk.last().toObject().value(u"updatedAt"_s).toString();
        if (incremental && !newCursor.isEmpty())
            page.stateAfter = QJsonObject{{u"cursor"_s, newCursor}};
        read += page.records.size();
        const bool more = co_await sink->accept(std::move(page));
        if (!more)
            co_return Error::cancelled(u"stopped by the sink"_s);
    } while (i < records.size());
    co_return read;
}

} // namespace Opbox::Test
