// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeconnector.h"

#include <QCoroTimer>
#include <QDateTime>
#include <QTimer>
#include <chrono>

using namespace Qt::StringLiterals;

namespace Opbox::Test {

void FakeProvider::addStream(const StreamSpec &spec, const QList<QJsonArray> &pages)
{
    QMutexLocker lock(&m_mutex);
    m_streams.append(Stream{spec, pages});
}

void FakeProvider::setPages(const QString &stream, const QList<QJsonArray> &pages)
{
    QMutexLocker lock(&m_mutex);
    for (auto &s : m_streams) {
        if (s.spec.name == stream)
            s.pages = pages;
    }
}

void FakeProvider::setPageDelay(int ms)
{
    QMutexLocker lock(&m_mutex);
    m_delay = ms;
}

void FakeProvider::setFailAt(const QString &stream, int page, Error::Kind kind)
{
    QMutexLocker lock(&m_mutex);
    if (page < 0)
        m_failAt.remove(stream);
    else
        m_failAt.insert(stream, {page, kind});
}

void FakeProvider::setEndless(const QString &stream, bool endless)
{
    QMutexLocker lock(&m_mutex);
    m_endless.removeAll(stream);
    if (endless)
        m_endless.append(stream);
}

QList<StreamSpec> FakeProvider::specs() const
{
    QMutexLocker lock(&m_mutex);
    QList<StreamSpec> out;
    for (const auto &s : m_streams)
        out.append(s.spec);
    return out;
}

std::optional<FakeProvider::Stream> FakeProvider::stream(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    for (const auto &s : m_streams) {
        if (s.spec.name == name)
            return s;
    }
    return std::nullopt;
}

int FakeProvider::pageDelay() const
{
    QMutexLocker lock(&m_mutex);
    return m_delay;
}

int FakeProvider::failAt(const QString &stream, Error::Kind *kind) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_failAt.constFind(stream);
    if (it == m_failAt.constEnd())
        return -1;
    *kind = it->second;
    return it->first;
}

bool FakeProvider::isEndless(const QString &stream) const
{
    QMutexLocker lock(&m_mutex);
    return m_endless.contains(stream);
}

void FakeProvider::recordStart(const QString &stream, const QJsonObject &state)
{
    QMutexLocker lock(&m_mutex);
    m_starts.append({stream, state});
}

QList<QPair<QString, QJsonObject>> FakeProvider::starts() const
{
    QMutexLocker lock(&m_mutex);
    return m_starts;
}

void FakeProvider::recordCredentials(const QJsonObject &credentials)
{
    QMutexLocker lock(&m_mutex);
    m_credentials = credentials;
}

QJsonObject FakeProvider::lastCredentials() const
{
    QMutexLocker lock(&m_mutex);
    return m_credentials;
}

std::function<std::unique_ptr<Connector>(ConnectorContext)> FakeProvider::maker(std::shared_ptr<FakeProvider> provider)
{
    return [provider](ConnectorContext context) -> std::unique_ptr<Connector> {
        return std::make_unique<FakeConnector>(provider, std::move(context));
    };
}

StreamSpec FakeProvider::streamSpec(const QString &name, bool incremental)
{
    StreamSpec s;
    s.name = name;
    s.primaryKey = {u"id"_s};
    s.supportedSyncModes = incremental ? QStringList{u"full_refresh"_s, u"incremental"_s} : QStringList{u"full_refresh"_s};
    if (incremental)
        s.cursorField = u"updatedAt"_s;
    return s;
}

QJsonObject FakeProvider::record(const QString &prefix, int n)
{
    const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    return QJsonObject{{u"id"_s, QString(prefix + QString::number(n))},
                       {u"updatedAt"_s, base.addSecs(n).toString(Qt::ISODateWithMs)},
                       {u"n"_s, n},
                       {u"name"_s, u"Record %1"_s.arg(n)},
                       {u"active"_s, n % 2 == 0},
                       {u"address"_s, QJsonObject{{u"city"_s, u"City %1"_s.arg(n % 7)}, {u"zip"_s, 10000 + n}}},
                       {u"tags"_s, QJsonArray{u"a"_s, n}}};
}

QList<QJsonArray> FakeProvider::pagesOf(const QString &prefix, int pages, int perPage)
{
    QList<QJsonArray> out;
    int n = 0;
    for (int p = 0; p < pages; ++p) {
        QJsonArray page;
        for (int i = 0; i < perPage; ++i)
            page.append(record(prefix, n++));
        out.append(page);
    }
    return out;
}

FakeConnector::FakeConnector(std::shared_ptr<FakeProvider> provider, ConnectorContext context)
    : m_provider(std::move(provider))
    , m_context(std::move(context))
{
}

QCoro::Task<Result<void>> FakeConnector::check()
{
    co_return Result<void>();
}

QCoro::Task<DiscoverResult> FakeConnector::discover()
{
    co_return m_provider->specs();
}

QList<StreamSpec> FakeConnector::streams() const
{
    return m_provider->specs();
}

QCoro::Task<ReadResult> FakeConnector::read(QString stream, QJsonObject state, PageSink *sink)
{
    qint64 records = 0;
    m_provider->recordStart(stream, state);
    m_provider->recordCredentials(m_context.credentials);
    const auto def = m_provider->stream(stream);
    if (!def) {
        co_return Error::configuration(u"no such stream"_s);
    }
    const bool endless = m_provider->isEndless(stream);
    int page = state.value(u"page"_s).toInt();
    Error::Kind failKind = Error::Kind::Unavailable;
    const int failAt = m_provider->failAt(stream, &failKind);
    while (endless || page < def->pages.size()) {
        const int delay = m_provider->pageDelay();
        if (delay > 0) {
            QTimer timer;
            timer.setSingleShot(true);
            timer.start(delay);
            co_await timer;
        }
        if (m_context.cancel && m_context.cancel->isCancelled()) {
            co_return Error::cancelled(u"cancelled"_s);
        }
        if (page == failAt) {
            co_return Error{failKind, u"FAKE_FAILURE"_s, u"fake provider failure at page %1"_s.arg(page), {}};
        }
        RecordPage out;
        out.stream = stream;
        if (endless) {
            QJsonArray endlessPage;
            for (int i = 0; i < 10; ++i)
                endlessPage.append(FakeProvider::record(u"e"_s, page * 10 + i));
            out.records = RecordBatch::fromJson(endlessPage);
        } else {
            out.records = RecordBatch::fromJson(def->pages.at(page));
        }
        ++page;
        const QJsonObject last = out.records.isEmpty() ? QJsonObject() : out.records.toJsonObject(out.records.size() - 1);
        out.stateAfter = QJsonObject{{u"cursor"_s, last.value(u"updatedAt"_s).toString(state.value(u"cursor"_s).toString())},
                                     {u"page"_s, page}};
        out.lastPage = !endless && page == def->pages.size();
        if (out.lastPage && def->spec.cursorField.isEmpty())
            out.stateAfter = QJsonObject(); // a completed full refresh starts over next time
        records += out.records.size();
        const bool more = co_await sink->accept(std::move(out));
        if (!more)
            co_return Error::cancelled(u"stopped by the sink"_s);
    }
    co_return records;
}

} // namespace Opbox::Test
