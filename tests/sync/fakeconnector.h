// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connector.h"

#include <QHash>
#include <QMutex>
#include <QStringList>
#include <functional>
#include <memory>

namespace Opbox::Test {

/**
 * A scripted provider for sync tests: streams with pages of records, a delay per page, and
 * failures on demand. Shared between the test thread and the sync workers (hence the mutex).
 * Each page's state is `{"cursor": <last record's updatedAt>, "page": <pages read so far>}`, so a
 * resumed read continues after the last committed page.
 */
class FakeProvider
{
public:
    /** One stream's definition and its pages. */
    struct Stream
    {
        StreamSpec spec;
        QList<QJsonArray> pages;
    };

    void addStream(const StreamSpec &spec, const QList<QJsonArray> &pages);
    void setPages(const QString &stream, const QList<QJsonArray> &pages);
    /** Delay before each page, in milliseconds. */
    void setPageDelay(int ms);
    /** The read of `stream` fails (Transient) when it reaches page index `page` (0-based); -1: never. */
    void setFailAt(const QString &stream, int page, Error::Kind kind = Error::Kind::Unavailable);
    /** A stream whose pages never end (records generated on the fly), for stop and crash tests. */
    void setEndless(const QString &stream, bool endless);

    [[nodiscard]] QList<StreamSpec> specs() const;
    [[nodiscard]] std::optional<Stream> stream(const QString &name) const;
    [[nodiscard]] int pageDelay() const;
    [[nodiscard]] int failAt(const QString &stream, Error::Kind *kind) const;
    [[nodiscard]] bool isEndless(const QString &stream) const;

    /** Every state a read started from, in order (to check resumption). */
    void recordStart(const QString &stream, const QJsonObject &state);
    [[nodiscard]] QList<QPair<QString, QJsonObject>> starts() const;
    /** Credentials the connector was built with (to check decryption). */
    void recordCredentials(const QJsonObject &credentials);
    [[nodiscard]] QJsonObject lastCredentials() const;

    /** A maker for RunService::setConnectorMaker. */
    [[nodiscard]] static std::function<std::unique_ptr<Connector>(ConnectorContext)> maker(
        std::shared_ptr<FakeProvider> provider);

    /** A stream of such records: key `id`, cursor `updatedAt` when incremental. */
    [[nodiscard]] static StreamSpec streamSpec(const QString &name, bool incremental = true);
    /** A record `{"id": "<prefix><n>", "updatedAt": <iso>, "n": n, …}` of page `page`. */
    [[nodiscard]] static QJsonObject record(const QString &prefix, int n);
    [[nodiscard]] static QList<QJsonArray> pagesOf(const QString &prefix, int pages, int perPage);

private:
    mutable QMutex m_mutex;
    QList<Stream> m_streams;
    int m_delay = 0;
    QHash<QString, QPair<int, Error::Kind>> m_failAt;
    QStringList m_endless;
    QList<QPair<QString, QJsonObject>> m_starts;
    QJsonObject m_credentials;
};

/** The Connector over a FakeProvider. */
class FakeConnector : public Connector
{
public:
    FakeConnector(std::shared_ptr<FakeProvider> provider, ConnectorContext context);
    [[nodiscard]] QCoro::Task<Result<void>> check() override;
    [[nodiscard]] QCoro::Task<DiscoverResult> discover() override;
    [[nodiscard]] QList<StreamSpec> streams() const override;
    [[nodiscard]] QCoro::Task<ReadResult> read(QString stream, QJsonObject state, PageSink *sink) override;

private:
    std::shared_ptr<FakeProvider> m_provider;
    ConnectorContext m_context;
};

} // namespace Opbox::Test
