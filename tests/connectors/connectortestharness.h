// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "collectingpagesink.h"
#include "connectors/runtime/connector.h"
#include "fakeproviderserver.h"

#include <QNetworkAccessManager>
#include <memory>

namespace Opbox::Tests {

/** Builds connectors that talk to a provider fake, with retry delays shrunk so fault tests stay fast. */
class ConnectorTestHarness
{
public:
    ConnectorTestHarness();

    /**
     * A connector of the fake's type with its credentials and `baseUrl`, `retryBaseMs` 5 and
     * `timeoutMs` 5000, overridden by `config`; `credentials` replace the fake's when given.
     */
    [[nodiscard]] std::unique_ptr<Connector> connect(const Fakes::FakeProviderServer &fake, const QJsonObject &config = {},
                                                     const QJsonObject &credentials = {});
    /** Reads `stream` from `state` into `sink`, waiting for the end. */
    [[nodiscard]] static ReadResult read(Connector &connector, const QString &stream, const QJsonObject &state,
                                         CollectingPageSink &sink);
    [[nodiscard]] static Result<void> check(Connector &connector);
    [[nodiscard]] static DiscoverResult discover(Connector &connector);
    [[nodiscard]] std::shared_ptr<CancelToken> lastCancelToken() const { return m_cancel; }

private:
    QNetworkAccessManager m_network;
    std::shared_ptr<CancelToken> m_cancel;
};

} // namespace Opbox::Tests
