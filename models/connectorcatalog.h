// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Opbox {

/** One credential or config field a connector type asks for, as the GUI builds its form from it. */
struct ConnectorFieldEntry {
    enum class Kind { String, StringList, Boolean, Integer };
    QString name;
    QString label;
    bool required = true;
    bool secret = false;
    Kind kind = Kind::String;
    QString help;
    // Every value must match this (anchored) expression, when set; `patternHint` says how it looks.
    QString pattern;
    QString patternHint;
};

/** A connector type as the GUI shows it: names, category, how it signs in and the fields it needs. */
struct ConnectorTypeEntry {
    QString type;     // CRM_PLATFORM …
    QString name;     // CRM Platform
    QString category; // CRM
    QString service;  // HubSpot CRM v3
    QString authType; // api_key | basic | oauth2
    QList<ConnectorFieldEntry> credentials;
    QList<ConnectorFieldEntry> config;

    [[nodiscard]] bool isOAuth() const { return authType == QLatin1String("oauth2"); }
};

/**
 * The connector types the product knows, copied once from the connector registry so that the GUI
 * builds forms without depending on the connectors library; entries live as long as the program.
 */
class ConnectorCatalog
{
public:
    /** Every type in display order. */
    [[nodiscard]] static const QList<ConnectorTypeEntry> &all();
    /** The entry of a type (CRM_PLATFORM …), nullptr when unknown. */
    [[nodiscard]] static const ConnectorTypeEntry *find(const QString &type);
    /** The engine's own check of a new connection's credentials and config; its message names the field. */
    [[nodiscard]] static Result<void> validate(const QString &type, const QJsonObject &credentials,
                                               const QJsonObject &config);
    /** The stream names a type offers, without a network call (empty when none are known). */
    [[nodiscard]] static QStringList streamNames(const QString &type);
};

} // namespace Opbox
