// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/declarativeconnector.h"

#include <QCoreApplication>

namespace Opbox {

/**
 * Zendesk Support (connectors/zendesk/manifest.json): the declarative connector plus the two things
 * its manifest cannot say — the API host built from `config.subdomain`, and the cursor-based
 * incremental export, whose provider cursor is kept in the stream state beside `cursor` (read by
 * ZendeskExportJob, also to find the tickets whose comments to read).
 */
class ZendeskConnector : public DeclarativeConnector
{
    Q_DECLARE_TR_FUNCTIONS(ZendeskConnector)
public:
    ZendeskConnector(const std::shared_ptr<const ConnectorManifest> &manifest, ConnectorContext context);

    [[nodiscard]] QCoro::Task<Result<void>> check() override;
    [[nodiscard]] QCoro::Task<DiscoverResult> discover() override;
    [[nodiscard]] QCoro::Task<ReadResult> read(QString stream, QJsonObject state, PageSink *sink) override;

    /**
     * The API root for `config`: `config.baseUrl` when set, else `pattern` (the manifest's
     * `https://{subdomain}.zendesk.com/api/v2`) with the subdomain, which may be given as `acme`,
     * `acme.zendesk.com` or `https://acme.zendesk.com/`. Empty, with `problem` set, when neither
     * gives a usable host.
     */
    [[nodiscard]] static QString apiRoot(const QString &pattern, const QJsonObject &config, QString *problem);

private:
    [[nodiscard]] static ConnectorContext withApiRoot(ConnectorContext context, const QString &pattern);

    QString m_configProblem; // set when the API root cannot be built: every call fails with it
};

} // namespace Opbox
