// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/http/providerhttpclient.h"
#include "connectors/runtime/asyncnotifier.h"
#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/paginator.h"
#include "connectors/runtime/requesttemplate.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <memory>
#include <optional>

namespace Opbox {

/**
 * A connector driven entirely by its manifest: check, discover and read for any provider of the
 * common REST shapes. Providers that truly differ subclass it and change only what differs
 * (FirefliesConnector reads GraphQL errors). The engine keeps the object alive while a call runs.
 */
class DeclarativeConnector : public Connector
{
    Q_DECLARE_TR_FUNCTIONS(DeclarativeConnector)
public:
    DeclarativeConnector(std::shared_ptr<const ConnectorManifest> manifest, ConnectorContext context);
    ~DeclarativeConnector() override;

    [[nodiscard]] QCoro::Task<Result<void>> check() override;
    [[nodiscard]] QCoro::Task<DiscoverResult> discover() override;
    [[nodiscard]] QList<StreamSpec> streams() const override;
    [[nodiscard]] QCoro::Task<ReadResult> read(QString stream, QJsonObject state, PageSink *sink) override;

    // The parts StreamReadJob works with.
    [[nodiscard]] const ConnectorManifest &manifest() const { return *m_manifest; }
    [[nodiscard]] ProviderHttpClient &client() { return m_client; }
    [[nodiscard]] const QJsonObject &config() const { return m_context.config; }
    [[nodiscard]] const QJsonObject &contextValues() const { return m_contextValues; }
    [[nodiscard]] std::shared_ptr<CancelToken> cancelToken() const { return m_context.cancel; }
    /** The run's read slots (null outside a run: partitions are then read one at a time). */
    [[nodiscard]] std::shared_ptr<ReadScheduler> scheduler() const { return m_context.scheduler; }
    /** config.pageSize when set (tests use small pages), else 0 for the manifest's. */
    [[nodiscard]] int configuredPageSize() const;
    /** Loads the manifest's context values (Calendly's user URI) once, also for streams read at once. */
    [[nodiscard]] QCoro::Task<Result<void>> ensureContext(std::shared_ptr<CancelToken> stop);
    /** Builds the HTTP call of `request` for one page; a Configuration error when a template cannot expand. */
    [[nodiscard]] Result<HttpCall> buildCall(const ConnectorManifest::Request &request, const TemplateScope &scope,
                                             const QJsonObject &extraQuery, const Paginator *paginator,
                                             const PageCursor &cursor) const;
    /** A Malformed error naming the provider, the request and the problem. */
    [[nodiscard]] Error malformed(const QByteArray &method, const QUrl &url, const QString &problem) const;

protected:
    std::shared_ptr<const ConnectorManifest> m_manifest;
    ConnectorContext m_context;
    std::unique_ptr<QNetworkAccessManager> m_ownNetwork; // only when the caller gave none
    ProviderHttpClient m_client;

private:
    [[nodiscard]] QCoro::Task<Result<void>> probe();
    /** Asks for the first page of a stream read without a parent: whether the provider lets the account read it. */
    [[nodiscard]] QCoro::Task<Result<void>> probeStream(const ConnectorManifest::Stream &stream);
    [[nodiscard]] QCoro::Task<Result<void>> loadContext(std::shared_ptr<CancelToken> stop);

    QJsonObject m_contextValues;
    bool m_contextLoaded = false;
    bool m_contextLoading = false;
    AsyncNotifier m_contextReady; // streams that wait for the load another stream started
};

} // namespace Opbox
