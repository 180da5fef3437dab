// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/connectorcatalog.h"
#include "engine/services/connectionvalidator.h"
#include "engine/services/connectorservice.h"

namespace Opbox {

QList<ConnectorTypeEntry> ConnectorCatalog::all()
{
    return ConnectorTypeRegistry::all();
}

const ConnectorTypeEntry *ConnectorCatalog::find(const QString &type)
{
    return ConnectorTypeRegistry::find(type);
}

Result<void> ConnectorCatalog::validate(const QString &type, const QJsonObject &credentials, const QJsonObject &config)
{
    const ConnectorTypeInfo *info = ConnectorTypeRegistry::find(type);
    if (!info)
        return {}; // creating the connection refuses an unknown type with the engine's own message
    if (auto ok = ConnectionValidator::credentials(*info, credentials); !ok)
        return ok.error();
    return ConnectionValidator::config(*info, config);
}

QStringList ConnectorCatalog::streamNames(const QString &type)
{
    return ConnectorService::streamNames(type);
}

} // namespace Opbox
