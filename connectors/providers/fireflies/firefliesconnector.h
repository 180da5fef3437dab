// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/declarativeconnector.h"

namespace Opbox {

/**
 * Fireflies.ai speaks GraphQL: every request is a POST of a query (kept in the manifest), and
 * failures may arrive as an `errors` array inside an HTTP 200. This subclass reads those errors:
 * `too_many_requests` waits until the epoch-millisecond `retryAfter`, `auth_failed` and
 * `account_cancelled` are configuration errors, and any other error fails the request rather than
 * letting partial `data` through.
 */
class FirefliesConnector : public DeclarativeConnector
{
    Q_DECLARE_TR_FUNCTIONS(FirefliesConnector)
public:
    FirefliesConnector(std::shared_ptr<const ConnectorManifest> manifest, ConnectorContext context);

    /** The reading of one GraphQL response (public for unit tests). */
    [[nodiscard]] static ProviderHttpClient::Verdict inspect(const HttpExchange &exchange, const QString &provider,
                                                             const QDateTime &now);
};

} // namespace Opbox
