// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/manifestreader.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace Opbox {

/**
 * Decides whether a manifest may become a connector type, reporting every problem at its JSON
 * pointer with what to write instead: the JSON Schema of the format, the parser's own rules
 * (pagination that cannot stop, cursor fields that are no date-time), references that name nothing
 * (a template's `${config.x}` without a config field `x`, auth naming an undeclared credential),
 * and for user manifests what keeps them harmless: a type of their own, no C++ implementation.
 */
class ManifestValidator
{
public:
    enum class Origin { Builtin, User };

    struct Outcome
    {
        std::optional<ConnectorManifest> manifest; // set when valid
        QJsonObject document;
        QList<ManifestIssue> issues;

        [[nodiscard]] bool valid() const { return issues.isEmpty() && manifest.has_value(); }
        /** The first problem, "pointer: message", for a log line. */
        [[nodiscard]] QString summary() const;
        [[nodiscard]] QJsonArray issuesJson() const;
    };

    [[nodiscard]] static Outcome validate(const QByteArray &json, Origin origin);
    [[nodiscard]] static Outcome validate(const QJsonObject &document, Origin origin);

    /** The JSON Schema (draft 2020-12) of the manifest format. */
    [[nodiscard]] static const QJsonObject &schema();

private:
    static void checkReferences(const QJsonObject &document, QList<ManifestIssue> &issues);
    static void checkUserRules(const QJsonObject &document, QList<ManifestIssue> &issues);
};

} // namespace Opbox
