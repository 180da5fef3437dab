// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/declarativeconnector.h"

#include <QCoreApplication>

namespace Opbox {

/**
 * WhatsApp Business Cloud on the Meta Graph API (connectors/whatsapp/manifest.json): the
 * declarative connector for the management streams, plus what differs. Graph errors arrive as
 * `{"error":{"code":…}}` inside an HTTP 400, so the code, not the status, says whether a call was
 * rate limited or its token refused. Streams without a request (messages, message_statuses) only
 * arrive through the webhook (WhatsAppWebhookDecoder), so reading them returns nothing.
 */
class WhatsAppConnector : public DeclarativeConnector
{
    Q_DECLARE_TR_FUNCTIONS(WhatsAppConnector)
public:
    WhatsAppConnector(std::shared_ptr<const ConnectorManifest> manifest, ConnectorContext context);

    [[nodiscard]] QCoro::Task<ReadResult> read(QString stream, QJsonObject state, PageSink *sink) override;

    /** The reading of one Graph answer (public for unit tests). */
    [[nodiscard]] static ProviderHttpClient::Verdict inspect(const HttpExchange &exchange, const QString &provider);
};

} // namespace Opbox
