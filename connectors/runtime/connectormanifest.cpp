// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/connectormanifest.h"

#include "connectors/runtime/manifestparser.h"

using namespace Qt::StringLiterals;

namespace Opbox {

StreamSpec ConnectorManifest::Stream::spec() const
{
    StreamSpec s;
    s.name = name;
    s.fields = fields;
    s.primaryKey = primaryKey;
    s.supportedSyncModes = {u"full_refresh"_s};
    if (incremental) {
        s.supportedSyncModes.append(u"incremental"_s);
        s.cursorField = incremental->cursorField;
    }
    if (slices.config.isEmpty() || !slices.parent.isEmpty())
        s.parent = slices.parent;
    return s;
}

const ConnectorManifest::Request &ConnectorManifest::Stream::requestFor(bool fromConfig, bool haveCursor) const
{
    if (haveCursor && incremental && incremental->request)
        return *incremental->request;
    if (fromConfig && slices.configRequest)
        return *slices.configRequest;
    return request;
}

const ConnectorManifest::Stream *ConnectorManifest::stream(const QString &streamName) const
{
    for (const auto &s : streams) {
        if (s.name == streamName)
            return &s;
    }
    return nullptr;
}

Result<ConnectorManifest> ConnectorManifest::parse(const QByteArray &json)
{
    return ManifestParser().parse(json);
}

std::shared_ptr<const ConnectorManifest> ConnectorManifest::forType(const QString &type)
{
    return ConnectorTypeRegistry::manifest(type);
}

QStringList ConnectorManifest::availableTypes()
{
    QStringList types = ConnectorTypeRegistry::typeNames();
    types.sort();
    return types;
}

} // namespace Opbox
