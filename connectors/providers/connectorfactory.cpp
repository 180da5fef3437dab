// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/providers/fireflies/firefliesconnector.h"
#include "connectors/providers/whatsapp/whatsappconnector.h"
#include "connectors/providers/whatsapp/whatsappwebhookdecoder.h"
#include "connectors/providers/zendesk/zendeskconnector.h"
#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/declarativeconnector.h"

#include <QtGlobal>
#include <mutex>

// Q_INIT_RESOURCE must be used outside any namespace. Resources compiled into a static library are
// only registered when something references them, so the manifest catalog calls this first.
void opboxInitConnectorResources()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Q_INIT_RESOURCE(opbox_connector_manifests);
        Q_INIT_RESOURCE(opbox_connector_schema);
    });
}

namespace Opbox {

std::unique_ptr<Connector> ConnectorFactory::create(ConnectorContext context)
{
    auto manifest = ConnectorManifest::forType(context.type);
    if (!manifest)
        return nullptr;
    // The manifest's `implementation` names the C++ a provider needs; user manifests are always declarative.
    if (manifest->implementation == QLatin1StringView("fireflies"))
        return std::make_unique<FirefliesConnector>(std::move(manifest), std::move(context));
    if (manifest->implementation == QLatin1StringView("zendesk"))
        return std::make_unique<ZendeskConnector>(manifest, std::move(context));
    if (manifest->implementation == QLatin1StringView("whatsapp"))
        return std::make_unique<WhatsAppConnector>(std::move(manifest), std::move(context));
    return std::make_unique<DeclarativeConnector>(std::move(manifest), std::move(context));
}

bool ConnectorFactory::isAvailable(const QString &type)
{
    return ConnectorManifest::forType(type) != nullptr;
}

const WebhookDecoder *ConnectorFactory::webhookDecoder(const QString &type)
{
    static const WhatsAppWebhookDecoder whatsApp;
    const auto manifest = ConnectorManifest::forType(type);
    if (manifest && manifest->implementation == QLatin1StringView("whatsapp"))
        return &whatsApp;
    return nullptr;
}

} // namespace Opbox
