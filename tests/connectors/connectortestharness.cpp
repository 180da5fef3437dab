// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectortestharness.h"

#include <QCoroTask>

using namespace Qt::StringLiterals;

namespace Opbox::Tests {

ConnectorTestHarness::ConnectorTestHarness() = default;

std::unique_ptr<Connector> ConnectorTestHarness::connect(const Fakes::FakeProviderServer &fake, const QJsonObject &config,
                                                         const QJsonObject &credentials)
{
    ConnectorContext context;
    context.type = fake.connectorType();
    context.credentials = credentials.isEmpty() ? fake.credentials() : credentials;
    QJsonObject merged = fake.connectorConfig();
    merged.insert(u"retryBaseMs"_s, 5);
    merged.insert(u"timeoutMs"_s, 5000);
    for (auto it = config.begin(); it != config.end(); ++it)
        merged.insert(it.key(), it.value());
    context.config = merged;
    context.network = &m_network;
    m_cancel = std::make_shared<CancelToken>();
    context.cancel = m_cancel;
    return ConnectorFactory::create(context);
}

ReadResult ConnectorTestHarness::read(Connector &connector, const QString &stream, const QJsonObject &state,
                                      CollectingPageSink &sink)
{
    return QCoro::waitFor(connector.read(stream, state, &sink));
}

Result<void> ConnectorTestHarness::check(Connector &connector)
{
    return QCoro::waitFor(connector.check());
}

DiscoverResult ConnectorTestHarness::discover(Connector &connector)
{
    return QCoro::waitFor(connector.discover());
}

} // namespace Opbox::Tests
