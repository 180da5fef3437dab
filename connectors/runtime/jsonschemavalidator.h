// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/manifestreader.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

namespace Opbox {

/**
 * Checks a JSON value against a JSON Schema (draft 2020-12), for the subset of keywords the
 * connector manifest schema uses: type, properties, additionalProperties, required, items, enum,
 * const, minItems, minLength, pattern, minimum, maximum and local `$ref`s into `$defs`. Annotations
 * (title, description, $comment, examples) are ignored; any other keyword is refused when the
 * validator is built, so that the schema cannot silently promise a check that nobody makes.
 */
class JsonSchemaValidator
{
public:
    explicit JsonSchemaValidator(QJsonObject schema);

    /** Keywords of the schema this validator does not implement, at their JSON pointers (empty: all known). */
    [[nodiscard]] QList<ManifestIssue> unsupportedKeywords() const;
    /** Every violation, each at the JSON pointer of the offending value. */
    [[nodiscard]] QList<ManifestIssue> validate(const QJsonValue &value) const;

private:
    void check(const QJsonValue &value, const QJsonObject &schema, const QString &path, QList<ManifestIssue> &out,
               int depth) const;
    [[nodiscard]] QJsonObject resolve(const QJsonObject &schema) const;
    void scan(const QJsonValue &schema, const QString &path, QList<ManifestIssue> &out) const;

    QJsonObject m_schema;
};

} // namespace Opbox
