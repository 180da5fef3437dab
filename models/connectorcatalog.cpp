// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/connectorcatalog.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/services/connectionvalidator.h"
#include "engine/services/connectorservice.h"

namespace Opbox {

namespace {

ConnectorFieldEntry::Kind kindOf(ConnectorField::Kind kind)
{
    switch (kind) {
    case ConnectorField::Kind::String:
        return ConnectorFieldEntry::Kind::String;
    case ConnectorField::Kind::StringList:
        return ConnectorFieldEntry::Kind::StringList;
    case ConnectorField::Kind::Boolean:
        return ConnectorFieldEntry::Kind::Boolean;
    case ConnectorField::Kind::Integer:
        return ConnectorFieldEntry::Kind::Integer;
    }
    return ConnectorFieldEntry::Kind::String;
}

QList<ConnectorFieldEntry> fieldsOf(const QList<ConnectorField> &fields)
{
    QList<ConnectorFieldEntry> out;
    out.reserve(fields.size());
    for (const ConnectorField &f : fields)
        out.append(ConnectorFieldEntry{f.name, f.label, f.required, f.secret, kindOf(f.kind), f.help, f.pattern,
                                       f.patternHint});
    return out;
}

QList<ConnectorTypeEntry> buildCatalog()
{
    QList<ConnectorTypeEntry> out;
    for (const ConnectorTypeInfo &info : ConnectorTypeRegistry::all())
        out.append(ConnectorTypeEntry{info.type, info.name, info.category, info.service, info.authType,
                                      fieldsOf(info.credentials), fieldsOf(info.config)});
    return out;
}

} // namespace

const QList<ConnectorTypeEntry> &ConnectorCatalog::all()
{
    static const QList<ConnectorTypeEntry> entries = buildCatalog();
    return entries;
}

const ConnectorTypeEntry *ConnectorCatalog::find(const QString &type)
{
    for (const ConnectorTypeEntry &entry : all()) {
        if (entry.type == type)
            return &entry;
    }
    return nullptr;
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
