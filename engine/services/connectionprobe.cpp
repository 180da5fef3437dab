// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionprobe.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/services/connectionvalidator.h"

#include <QCoreApplication>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// The messages were written for the connector service and are translated under its name.
QString tr(const char *s)
{
    return QCoreApplication::translate("ConnectorService", s);
}

Result<const ConnectorTypeInfo *> knownType(const QString &name)
{
    const ConnectorTypeInfo *type = ConnectorTypeRegistry::find(name);
    if (!type)
        return Error::invalid(tr("type: unknown connector type \"%1\" (known: %2)")
                                  .arg(name.left(64), ConnectorTypeRegistry::typeNames().join(u", "_s)));
    return type;
}

} // namespace

Result<ConnectionProbe> ConnectionProbe::fromJson(const QJsonObject &body)
{
    ConnectionProbe probe;
    // A type that is not a string reads as empty, which names no connector type.
    probe.type = body.value(u"type"_s).toString();
    auto type = knownType(probe.type);
    if (!type)
        return type.error();
    const QJsonValue credentials = body.value(u"credentials"_s);
    if (!credentials.isObject())
        return Error::invalid(tr("credentials: required, an object"));
    probe.credentials = credentials.toObject();
    if (auto ok = ConnectionValidator::credentials(**type, probe.credentials); !ok)
        return ok.error();
    const QJsonValue config = body.value(u"config"_s);
    if (!config.isUndefined() && !config.isNull() && !config.isObject())
        return Error::invalid(tr("config: must be an object"));
    probe.config = config.toObject();
    return probe;
}

Result<const ConnectorTypeInfo *> ConnectionProbe::validate() const
{
    auto known = knownType(type);
    if (!known)
        return known.error();
    if (auto ok = ConnectionValidator::credentials(**known, credentials); !ok)
        return ok.error();
    if (auto ok = ConnectionValidator::config(**known, config); !ok)
        return ok.error();
    return known;
}

} // namespace Opbox
