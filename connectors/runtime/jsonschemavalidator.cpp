// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/jsonschemavalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

const QSet<QString> kKnownKeywords{
    u"$schema"_s,     u"$id"_s,      u"$defs"_s,   u"$ref"_s,  u"$comment"_s,   u"title"_s,
    u"description"_s, u"examples"_s, u"default"_s, u"type"_s,  u"properties"_s, u"additionalProperties"_s,
    u"required"_s,    u"items"_s,    u"enum"_s,    u"const"_s, u"minItems"_s,   u"minLength"_s,
    u"pattern"_s,     u"minimum"_s,  u"maximum"_s};

// Schema keywords whose value is a map of subschemas or a subschema.
const QSet<QString> kSchemaMaps{u"$defs"_s, u"properties"_s};
const QSet<QString> kSubschemas{u"items"_s, u"additionalProperties"_s};

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == u"object")
        return v.isObject();
    if (type == u"array")
        return v.isArray();
    if (type == u"string")
        return v.isString();
    if (type == u"boolean")
        return v.isBool();
    if (type == u"null")
        return v.isNull();
    if (type == u"number")
        return v.isDouble();
    if (type == u"integer")
        return v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() == std::floor(v.toDouble());
    return false;
}

QString typeHint(const QString &type)
{
    if (type == u"string")
        return u"a string (write it in double quotes)"_s;
    if (type == u"integer")
        return u"an integer, without quotes (e.g. 100)"_s;
    if (type == u"number")
        return u"a number, without quotes"_s;
    if (type == u"boolean")
        return u"true or false, without quotes"_s;
    if (type == u"object")
        return u"an object ({…})"_s;
    if (type == u"array")
        return u"an array ([…])"_s;
    return type;
}

QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return u"'%1'"_s.arg(v.toString().left(64));
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1).left(64);
}

QString lastKey(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    QString key = path.mid(slash + 1);
    key.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
    return key;
}

} // namespace

JsonSchemaValidator::JsonSchemaValidator(QJsonObject schema)
    : m_schema(std::move(schema))
{
}

QList<ManifestIssue> JsonSchemaValidator::unsupportedKeywords() const
{
    QList<ManifestIssue> out;
    scan(m_schema, QString(), out);
    return out;
}

void JsonSchemaValidator::scan(const QJsonValue &schema, const QString &path, QList<ManifestIssue> &out) const
{
    if (!schema.isObject())
        return;
    const QJsonObject o = schema.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString at = ManifestReader::at(path, it.key());
        if (!kKnownKeywords.contains(it.key()))
            out.append({at, u"keyword '%1' is not supported by this validator"_s.arg(it.key())});
        else if (kSchemaMaps.contains(it.key())) {
            const QJsonObject map = it->toObject();
            for (auto sub = map.begin(); sub != map.end(); ++sub)
                scan(*sub, ManifestReader::at(at, sub.key()), out);
        } else if (kSubschemas.contains(it.key())) {
            scan(*it, at, out);
        }
    }
}

QJsonObject JsonSchemaValidator::resolve(const QJsonObject &schema) const
{
    QJsonObject current = schema;
    // A bounded chain of references: a schema that refers to itself cannot hang a validation.
    for (int hops = 0; hops < 16 && current.contains(u"$ref"_s); ++hops) {
        const QString ref = current.value(u"$ref"_s).toString();
        if (!ref.startsWith(u"#/$defs/"_s))
            return {};
        current = m_schema.value(u"$defs"_s).toObject().value(ref.mid(8)).toObject();
    }
    return current;
}

QList<ManifestIssue> JsonSchemaValidator::validate(const QJsonValue &value) const
{
    QList<ManifestIssue> out;
    check(value, m_schema, QString(), out, 0);
    return out;
}

void JsonSchemaValidator::check(const QJsonValue &value, const QJsonObject &schemaIn, const QString &path,
                                QList<ManifestIssue> &out, int depth) const
{
    if (depth > 64)
        return;
    const QJsonObject schema = resolve(schemaIn);
    const QString key = lastKey(path);
    const QString subject = path.isEmpty() ? u"the manifest"_s : u"'%1'"_s.arg(key);

    const QJsonValue type = schema.value(u"type"_s);
    if (!type.isUndefined()) {
        QStringList types;
        if (type.isArray()) {
            for (const auto &t : type.toArray())
                types.append(t.toString());
        } else {
            types.append(type.toString());
        }
        bool matches = false;
        for (const QString &t : types)
            matches = matches || hasType(value, t);
        if (!matches) {
            QStringList hints;
            for (const QString &t : types)
                hints.append(typeHint(t));
            out.append({path, u"%1 must be %2"_s.arg(subject, hints.join(u" or "_s))});
            return; // the other keywords would only repeat the problem
        }
    }
    if (schema.contains(u"const"_s) && value != schema.value(u"const"_s))
        out.append({path, u"%1 must be %2"_s.arg(subject, valueText(schema.value(u"const"_s)))});
    if (schema.contains(u"enum"_s) && !schema.value(u"enum"_s).toArray().contains(value)) {
        QStringList allowed;
        for (const auto &v : schema.value(u"enum"_s).toArray())
            allowed.append(v.isString() ? v.toString() : valueText(v));
        out.append({path, u"%1 is %2: write one of %3"_s.arg(subject, valueText(value), allowed.join(u", "_s))});
    }
    if (value.isString()) {
        const QString text = value.toString();
        if (schema.contains(u"minLength"_s) && text.size() < schema.value(u"minLength"_s).toInteger())
            out.append({path, u"%1 must not be empty"_s.arg(subject)});
        if (schema.contains(u"pattern"_s)) {
            const QRegularExpression re(schema.value(u"pattern"_s).toString());
            if (!re.match(text).hasMatch()) {
                const QString why = schema.value(u"description"_s).toString();
                out.append({path,
                            u"%1 %2 does not have the required form%3"_s.arg(subject, valueText(value),
                                                                             why.isEmpty() ? QString() : u": "_s + why)});
            }
        }
    }
    if (value.isDouble()) {
        if (schema.contains(u"minimum"_s) && value.toDouble() < schema.value(u"minimum"_s).toDouble())
            out.append({path, u"%1 must be at least %2"_s.arg(subject, valueText(schema.value(u"minimum"_s)))});
        if (schema.contains(u"maximum"_s) && value.toDouble() > schema.value(u"maximum"_s).toDouble())
            out.append({path, u"%1 must be at most %2"_s.arg(subject, valueText(schema.value(u"maximum"_s)))});
    }
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        if (schema.contains(u"minItems"_s) && items.size() < schema.value(u"minItems"_s).toInteger())
            out.append({path, u"%1 needs at least %2 item(s)"_s.arg(subject).arg(schema.value(u"minItems"_s).toInteger())});
        if (schema.value(u"items"_s).isObject()) {
            for (qsizetype i = 0; i < items.size(); ++i)
                check(items.at(i), schema.value(u"items"_s).toObject(), ManifestReader::at(path, i), out, depth + 1);
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(u"properties"_s).toObject();
        for (const auto &required : schema.value(u"required"_s).toArray()) {
            if (!object.contains(required.toString())) {
                out.append(
                    {ManifestReader::at(path, required.toString()), u"'%1' is required here: add it"_s.arg(required.toString())});
            }
        }
        const QJsonValue additional = schema.value(u"additionalProperties"_s);
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString at = ManifestReader::at(path, it.key());
            if (properties.contains(it.key()))
                check(*it, properties.value(it.key()).toObject(), at, out, depth + 1);
            else if (additional.isBool() && !additional.toBool())
                out.append({at, ManifestReader::unknownKeyMessage(it.key(), properties.keys())});
            else if (additional.isObject())
                check(*it, additional.toObject(), at, out, depth + 1);
        }
    }
}

} // namespace Opbox
