// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <memory>

namespace Opbox {

class ConnectorManifest;

/** One credential or config field that a connector type asks for, as its manifest declares it. */
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
    // The manifest's kind: string, url, email or array (a form can offer the matching editor).
    QString declaredKind = QStringLiteral("string");

    [[nodiscard]] QJsonObject toJson() const;
};

/** What a connector type is: its name, category, auth kind and the fields a connection of it needs. */
struct ConnectorTypeInfo
{
    QString type; // CRM_PLATFORM …
    QString name; // CRM Platform
    QString category; // CRM
    QString service; // HubSpot CRM v3
    QString authType; // api_key | basic | bearer | oauth2
    QList<ConnectorField> credentials;
    QList<ConnectorField> config;
    QString version;
    QString documentationUrl;
    bool builtin = true; // embedded in the program; otherwise installed by a user

    [[nodiscard]] bool isOAuth() const { return authType == QLatin1String("oauth2"); }
    [[nodiscard]] QJsonObject toJson() const;
};

/**
 * The connector types the process knows, each generated from its manifest: the embedded ones in
 * their declared list order, then the user-installed ones by type. User types can be added, replaced
 * and removed while the program runs; a pointer `find` returned stays valid for the whole process,
 * because a replaced entry is retired rather than freed (a form may still show it).
 */
class ConnectorTypeRegistry
{
public:
    /** Every type in display order (a copy: user types may change at any time). */
    [[nodiscard]] static QList<ConnectorTypeInfo> all();
    [[nodiscard]] static const ConnectorTypeInfo *find(const QString &type);
    /** Accepts `accounting`, `DOC_SIGNING`, `doc-signing`: case-insensitive, `-` equal to `_`. */
    [[nodiscard]] static const ConnectorTypeInfo *findLoose(const QString &type);
    [[nodiscard]] static QStringList typeNames();
    /** The parsed manifest of a type, nullptr when the type is unknown. */
    [[nodiscard]] static std::shared_ptr<const ConnectorManifest> manifest(const QString &type);
    /** The manifest of a type as its JSON document (empty when unknown). */
    [[nodiscard]] static QJsonObject document(const QString &type);
    /** True for the embedded types, which a user manifest may neither replace nor remove. */
    [[nodiscard]] static bool isBuiltin(const QString &type);
    /** What the product shows about the type `manifest` declares (labels translated when a translation is loaded). */
    [[nodiscard]] static ConnectorTypeInfo describe(const ConnectorManifest &manifest, bool builtin);

    /** Adds or replaces a user type; a built-in type is never replaced (false). */
    static bool putUser(std::shared_ptr<const ConnectorManifest> manifest, const QJsonObject &document);
    /** Removes a user type; false when it is not one. */
    static bool removeUser(const QString &type);
    /** Replaces every user type with `manifests` (what a data directory holds when an engine starts). */
    static void replaceUsers(const QList<QPair<std::shared_ptr<const ConnectorManifest>, QJsonObject>> &manifests);
};

} // namespace Opbox
