// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/runtime/connectortyperegistry.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Opbox {

/**
 * The GUI's names for the connector registry's descriptions: the registry's own types, so that a
 * field or type is defined once. ui/ may not include connector headers, so it names them through
 * this header.
 */
using ConnectorFieldEntry = ConnectorField;
using ConnectorTypeEntry = ConnectorTypeInfo;

/**
 * The connector types the product knows, as the GUI builds its forms from them; entries live as
 * long as the program.
 */
class ConnectorCatalog
{
public:
    /** Every type in display order. */
    [[nodiscard]] static QList<ConnectorTypeEntry> all();
    /** The entry of a type (CRM_PLATFORM …), nullptr when unknown. */
    [[nodiscard]] static const ConnectorTypeEntry *find(const QString &type);
    /** The engine's own check of a new connection's credentials and config; its message names the field. */
    [[nodiscard]] static Result<void> validate(const QString &type, const QJsonObject &credentials, const QJsonObject &config);
    /** The stream names a type offers, without a network call (empty when none are known). */
    [[nodiscard]] static QStringList streamNames(const QString &type);
};

} // namespace Opbox
