// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace Opbox {

/** One credential or config field that a connector type asks for. */
struct ConnectorField
{
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

    [[nodiscard]] QJsonObject toJson() const;
};

/** What a connector type is: its name, category, auth kind and the fields a connection of it needs. */
struct ConnectorTypeInfo
{
    QString type; // CRM_PLATFORM …
    QString name; // CRM Platform
    QString category; // CRM
    QString service; // HubSpot CRM v3
    QString authType; // api_key | basic | oauth2
    QList<ConnectorField> credentials;
    QList<ConnectorField> config;

    [[nodiscard]] bool isOAuth() const { return authType == QLatin1String("oauth2"); }
    [[nodiscard]] QJsonObject toJson() const;
};

/** The fixed list of connector types the product knows, in display order. */
class ConnectorTypeRegistry
{
public:
    [[nodiscard]] static const QList<ConnectorTypeInfo> &all();
    [[nodiscard]] static const ConnectorTypeInfo *find(const QString &type);
    /** Accepts `accounting`, `DOC_SIGNING`, `doc-signing`: case-insensitive, `-` equal to `_`. */
    [[nodiscard]] static const ConnectorTypeInfo *findLoose(const QString &type);
    [[nodiscard]] static QStringList typeNames();
};

} // namespace Opbox
