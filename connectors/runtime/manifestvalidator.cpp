// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/manifestvalidator.h"

#include "connectors/runtime/connectortyperegistry.h"
#include "connectors/runtime/jsonschemavalidator.h"
#include "connectors/runtime/manifestparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

void opboxInitConnectorResources();

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QSet<QString> fieldNames(const QJsonObject &document, const QString &key)
{
    QSet<QString> names;
    for (const auto &field : document.value(key).toArray())
        names.insert(field.toObject().value(u"name"_s).toString());
    return names;
}

QString sortedList(const QSet<QString> &names)
{
    QStringList list(names.begin(), names.end());
    list.sort();
    return list.isEmpty() ? u"(none declared)"_s : list.join(u", "_s);
}

/** Where template references are checked, and what a reference may name there. */
struct ReferenceScope
{
    QSet<QString> config;
    QSet<QString> context;
    bool hasSlices = false;
};

void checkTemplate(const QString &text, const QString &path, const ReferenceScope &scope, QList<ManifestIssue> &issues)
{
    static const QRegularExpression reference(u"\\$\\{([^}]*)\\}"_s);
    for (auto it = reference.globalMatch(text); it.hasNext();) {
        const QString inner = it.next().captured(1);
        const QString name = inner.section(u'|', 0, 0);
        if (name == u"cursor" || name.startsWith(u"cursor:") || name.startsWith(u"fields:"))
            continue;
        if (name.startsWith(u"config.")) {
            const QString key = name.mid(7);
            if (!scope.config.contains(key))
                issues.append({path,
                               u"template ${%1} names config field '%2', which is not declared: add it to 'config' or write "
                               u"one of %3"_s.arg(inner, key, sortedList(scope.config))});
        } else if (name.startsWith(u"context.")) {
            const QString key = name.mid(8);
            if (!scope.context.contains(key))
                issues.append({path,
                               u"template ${%1} names context value '%2', which is not declared: add it to "
                               u"'context.values' or write one of %3"_s.arg(inner, key, sortedList(scope.context))});
        } else if (name.startsWith(u"slice.")) {
            if (!scope.hasSlices)
                issues.append(
                    {path, u"template ${%1} needs slices: add 'slices' to the stream, or use ${config.…}"_s.arg(inner)});
        } else {
            issues.append({path,
                           u"template ${%1} is unknown: write ${cursor}, ${cursor:iso_seconds}, ${config.<field>}, "
                           u"${slice.<field>}, ${context.<name>} or ${fields:<prefix>}"_s.arg(inner)});
        }
    }
}

void walkTemplates(const QJsonValue &value, const QString &path, const ReferenceScope &scope, QList<ManifestIssue> &issues)
{
    if (value.isString()) {
        checkTemplate(value.toString(), path, scope, issues);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            walkTemplates(*it, ManifestReader::at(path, it.key()), scope, issues);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            walkTemplates(a.at(i), ManifestReader::at(path, i), scope, issues);
    }
}

const JsonSchemaValidator &schemaValidator()
{
    static const JsonSchemaValidator validator(ManifestValidator::schema());
    return validator;
}

} // namespace

QString ManifestValidator::Outcome::summary() const
{
    if (issues.isEmpty())
        return {};
    const ManifestIssue &first = issues.first();
    QString text = (first.path.isEmpty() ? u"/"_s : first.path) + u": "_s + first.message;
    if (issues.size() > 1)
        text += u" (and %1 more)"_s.arg(issues.size() - 1);
    return text;
}

QJsonArray ManifestValidator::Outcome::issuesJson() const
{
    QJsonArray out;
    for (const auto &issue : issues)
        out.append(issue.toJson());
    return out;
}

const QJsonObject &ManifestValidator::schema()
{
    static const QJsonObject instance = [] {
        opboxInitConnectorResources();
        QFile file(u":/connector-manifest-schema/connector-manifest.schema.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            return QJsonObject();
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return instance;
}

ManifestValidator::Outcome ManifestValidator::validate(const QByteArray &json, Origin origin)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        Outcome outcome;
        outcome.issues.append({QString(),
                               error.error != QJsonParseError::NoError
                                   ? u"not valid JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset)
                                   : u"a manifest must be a JSON object ({…})"_s});
        return outcome;
    }
    return validate(doc.object(), origin);
}

ManifestValidator::Outcome ManifestValidator::validate(const QJsonObject &document, Origin origin)
{
    Outcome outcome;
    outcome.document = document;
    outcome.issues = schemaValidator().validate(document);
    ManifestParser parser;
    auto parsed = parser.parse(document);
    // The parser sees many of the schema's problems again; keep each problem once, at its place.
    for (const ManifestIssue &issue : parser.issues()) {
        bool covered = false;
        for (const ManifestIssue &known : std::as_const(outcome.issues))
            covered = covered || known.path == issue.path || issue.path.startsWith(known.path + u'/');
        if (!covered)
            outcome.issues.append(issue);
    }
    checkReferences(document, outcome.issues);
    if (origin == Origin::User)
        checkUserRules(document, outcome.issues);
    if (outcome.issues.isEmpty() && parsed)
        outcome.manifest = std::move(*parsed);
    return outcome;
}

void ManifestValidator::checkReferences(const QJsonObject &document, QList<ManifestIssue> &issues)
{
    const QSet<QString> credentials = fieldNames(document, u"credentials"_s);
    ReferenceScope scope;
    scope.config = fieldNames(document, u"config"_s);
    const QJsonObject values = document.value(u"context"_s).toObject().value(u"values"_s).toObject();
    for (auto it = values.begin(); it != values.end(); ++it)
        scope.context.insert(it.key());

    const QJsonObject auth = document.value(u"auth"_s).toObject();
    // An OAuth type's bearer token is the connection's OAuth token, never a declared field.
    const bool oauth = document.value(u"authType"_s) == QJsonValue(u"oauth2"_s);
    for (const QString &key : {u"credential"_s, u"username"_s, u"password"_s}) {
        if (oauth)
            break;
        const QString name = auth.value(key).toString();
        if (!name.isEmpty() && !credentials.contains(name))
            issues.append({u"/auth/"_s + key,
                           u"credential '%1' is not declared in 'credentials': declare it there or write one of %2"_s.arg(
                               name, sortedList(credentials))});
    }
    walkTemplates(document.value(u"headers"_s), u"/headers"_s, scope, issues);
    walkTemplates(document.value(u"check"_s), u"/check"_s, scope, issues);
    walkTemplates(document.value(u"context"_s).toObject().value(u"request"_s), u"/context/request"_s, scope, issues);

    const QJsonArray streams = document.value(u"streams"_s).toArray();
    for (qsizetype i = 0; i < streams.size(); ++i) {
        const QJsonObject stream = streams.at(i).toObject();
        const QString sw = ManifestReader::at(u"/streams"_s, i);
        ReferenceScope streamScope = scope;
        streamScope.hasSlices = stream.contains(u"slices"_s);
        for (const QString &key : {u"request"_s, u"incremental"_s, u"slices"_s, u"addFields"_s})
            walkTemplates(stream.value(key), ManifestReader::at(sw, key), streamScope, issues);
        const QString sliceConfig = stream.value(u"slices"_s).toObject().value(u"config"_s).toString();
        if (!sliceConfig.isEmpty() && !scope.config.contains(sliceConfig))
            issues.append({sw + u"/slices/config"_s,
                           u"config field '%1' is not declared: add it to 'config' or write one of %2"_s.arg(
                               sliceConfig, sortedList(scope.config))});
        const QJsonArray include = stream.value(u"include"_s).toArray();
        for (qsizetype k = 0; k < include.size(); ++k) {
            const QString key = include.at(k).toObject().value(u"equalsConfig"_s).toString();
            if (!key.isEmpty() && !scope.config.contains(key))
                issues.append({ManifestReader::at(sw + u"/include"_s, k) + u"/equalsConfig"_s,
                               u"config field '%1' is not declared: add it to 'config' or write one of %2"_s.arg(
                                   key, sortedList(scope.config))});
        }
    }
}

void ManifestValidator::checkUserRules(const QJsonObject &document, QList<ManifestIssue> &issues)
{
    const QString type = document.value(u"type"_s).toString();
    if (ConnectorTypeRegistry::isBuiltin(type))
        issues.append({u"/type"_s, u"'%1' is a built-in connector type: choose a type of your own, e.g. %1_CUSTOM"_s.arg(type)});
    const QJsonValue implementation = document.value(u"implementation"_s);
    if (!implementation.isUndefined() && implementation != QJsonValue(u"declarative"_s))
        issues.append(
            {u"/implementation"_s, u"a user manifest cannot choose C++ code: remove 'implementation' or write declarative"_s});
    const QJsonArray streams = document.value(u"streams"_s).toArray();
    for (qsizetype i = 0; i < streams.size(); ++i) {
        if (streams.at(i).isObject() && !streams.at(i).toObject().contains(u"request"_s))
            issues.append({ManifestReader::at(u"/streams"_s, i) + u"/request"_s,
                           u"'request' is required: a user stream is read with a request, e.g. {\"path\": \"/items\"}"_s});
    }
    if (document.value(u"authType"_s) == QJsonValue(u"oauth2"_s))
        issues.append(
            {u"/authType"_s, u"oauth2 needs an OAuth profile, which only built-in types have: use api_key, basic or bearer"_s});
}

} // namespace Opbox
