// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/manifestparser.h"

#include "connectors/runtime/jsonpath.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

const QSet<QString> kImplementations{u"declarative"_s, u"fireflies"_s, u"zendesk"_s, u"whatsapp"_s};

const QSet<QString> kAuthTypes{u"api_key"_s, u"basic"_s, u"bearer"_s, u"oauth2"_s};

const QSet<QString> kFieldTypes{u"string"_s, u"integer"_s,  u"number"_s, u"boolean"_s,
                                u"date"_s,   u"datetime"_s, u"object"_s, u"array"_s};

bool hasTemplate(const QJsonValue &value, QStringView needle)
{
    if (value.isString())
        return value.toString().contains(needle);
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (hasTemplate(it.value(), needle))
                return true;
        }
    }
    if (value.isArray()) {
        for (const auto &item : value.toArray()) {
            if (hasTemplate(item, needle))
                return true;
        }
    }
    return false;
}

} // namespace

Result<ConnectorManifest> ManifestParser::parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error::invalid(
            u"manifest is not a JSON object: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset),
            u"MANIFEST_INVALID"_s);
    }
    return parse(doc.object());
}

Result<ConnectorManifest> ManifestParser::parse(const QJsonObject &root)
{
    const QString top; // the JSON pointer of the whole document
    Manifest m;
    readTop(root, m);
    readSpec(root, m);
    if (!root.contains(u"auth"_s))
        m_reader.fail(ManifestReader::at(top, u"auth"_s),
                      u"'auth' is required: {\"kind\": \"bearer\", \"credential\": \"<credential field>\"}"_s);
    readAuth(m_reader.object(root, "auth", top), m.auth);

    const QJsonObject headers = m_reader.stringMap(root, "headers", top);
    for (auto it = headers.begin(); it != headers.end(); ++it)
        m.headers.append({it.key().toLatin1(), it->toString().toUtf8()});
    for (const QString &path : m_reader.stringList(root, "errorMessagePaths", top))
        m.errorMessagePaths.append(JsonPath::split(path));

    readRateLimit(m_reader.object(root, "rateLimit", top), m.rateLimit);
    if (root.contains(u"context"_s))
        readContext(m_reader.object(root, "context", top), m);
    if (!root.contains(u"check"_s))
        m_reader.fail(u"/check"_s, u"'check' is required: the cheap request that tests credentials, e.g. {\"path\": \"/me\"}"_s);
    m.check = readRequest(m_reader.object(root, "check", top), u"/check"_s);

    const QJsonValue streams = root.value(u"streams"_s);
    if (!streams.isArray() || streams.toArray().isEmpty())
        m_reader.fail(u"/streams"_s, u"'streams' must be a non-empty array of stream objects"_s);
    QSet<QString> names;
    const QJsonArray streamList = streams.toArray();
    for (qsizetype i = 0; i < streamList.size(); ++i) {
        const QString sw = ManifestReader::at(u"/streams"_s, i);
        if (!streamList.at(i).isObject()) {
            m_reader.fail(sw, u"a stream must be an object with name, primaryKey, fields and request"_s);
            continue;
        }
        const QJsonObject so = streamList.at(i).toObject();
        const QString name = m_reader.string(so, "name", sw, true);
        m_reader.onlyKeys(
            so, sw, {"name", "fields", "primaryKey", "request", "incremental", "slices", "exclude", "include", "addFields"});
        if (names.contains(name))
            m_reader.fail(ManifestReader::at(sw, u"name"_s),
                          u"stream '%1' is declared twice: give each stream its own name"_s.arg(name));
        names.insert(name);
        m.streams.append(readStream(so, sw, name));
    }
    checkStreams(m);
    if (!m_reader.issues().isEmpty())
        return Error::invalid(m_reader.error(), u"MANIFEST_INVALID"_s);
    return m;
}

void ManifestParser::readTop(const QJsonObject &root, Manifest &m)
{
    const QString top;
    m_reader.onlyKeys(root, top,
                      {"$schema",   "$comment",         "type",           "name",      "category",    "service",
                       "version",   "documentationUrl", "authType",       "listOrder", "credentials", "config",
                       "provider",  "baseUrl",          "implementation", "auth",      "headers",     "errorMessagePaths",
                       "rateLimit", "context",          "check",          "streams"});
    m.type = m_reader.string(root, "type", top, true);
    m.provider = m_reader.string(root, "provider", top, true);
    m.baseUrl = m_reader.string(root, "baseUrl", top, true);
    const QString impl = m_reader.string(root, "implementation", top);
    if (!impl.isEmpty())
        m.implementation = impl;
    if (!kImplementations.contains(m.implementation))
        m_reader.fail(u"/implementation"_s,
                      u"implementation '%1' is unknown: write declarative (or leave it out)"_s.arg(m.implementation));
    if (!m.baseUrl.isEmpty()) {
        // A built-in's host may name a config value ({subdomain}); it is checked as a plain host here.
        const QString concrete = QString(m.baseUrl).replace(QRegularExpression(u"\\{[A-Za-z0-9_]+\\}"_s), u"x"_s);
        const QUrl url(concrete, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty()
            || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
            m_reader.fail(
                u"/baseUrl"_s,
                u"baseUrl must be an http or https URL without user, query or fragment, e.g. https://api.example.com/v1"_s);
    }
}

void ManifestParser::readSpec(const QJsonObject &root, Manifest &m)
{
    const QString top;
    m.name = m_reader.string(root, "name", top);
    m.category = m_reader.string(root, "category", top);
    m.service = m_reader.string(root, "service", top);
    m.version = m_reader.string(root, "version", top);
    m.documentationUrl = m_reader.string(root, "documentationUrl", top);
    m.authType = m_reader.string(root, "authType", top);
    m.listOrder = m_reader.integer(root, "listOrder", top, 1000);
    if (!m.authType.isEmpty() && !kAuthTypes.contains(m.authType))
        m_reader.fail(u"/authType"_s, u"authType '%1' is unknown: write api_key, basic, bearer or oauth2"_s.arg(m.authType));
    m.credentials = readFieldSpecs(root, u"credentials"_s);
    m.config = readFieldSpecs(root, u"config"_s);
}

QList<ConnectorField> ManifestParser::readFieldSpecs(const QJsonObject &root, const QString &key)
{
    QList<ConnectorField> out;
    const QJsonValue v = root.value(key);
    const QString lw = ManifestReader::at(QString(), key);
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        m_reader.fail(lw, u"'%1' must be an array of field specs ({\"name\": …, \"label\": …})"_s.arg(key));
        return out;
    }
    QSet<QString> seen;
    const QJsonArray list = v.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString fw = ManifestReader::at(lw, i);
        const QJsonObject f = list.at(i).toObject();
        m_reader.onlyKeys(f, fw, {"name", "label", "required", "secret", "description", "kind", "pattern", "patternHint"});
        ConnectorField field;
        field.name = m_reader.string(f, "name", fw, true);
        field.label = m_reader.string(f, "label", fw, true);
        field.required = m_reader.boolean(f, "required", fw, false);
        field.secret = m_reader.boolean(f, "secret", fw, false);
        field.help = m_reader.string(f, "description", fw);
        field.pattern = m_reader.string(f, "pattern", fw);
        field.patternHint = m_reader.string(f, "patternHint", fw);
        const QString kind = m_reader.string(f, "kind", fw);
        field.declaredKind = kind.isEmpty() ? u"string"_s : kind;
        if (field.declaredKind == u"array")
            field.kind = ConnectorField::Kind::StringList;
        else if (field.declaredKind != u"string" && field.declaredKind != u"url" && field.declaredKind != u"email")
            m_reader.fail(ManifestReader::at(fw, u"kind"_s),
                          u"kind '%1' is unknown: write string, url, email or array"_s.arg(kind));
        if (!field.pattern.isEmpty() && !QRegularExpression(field.pattern).isValid())
            m_reader.fail(ManifestReader::at(fw, u"pattern"_s), u"pattern is not a valid regular expression"_s);
        if (!field.pattern.isEmpty() && field.patternHint.isEmpty())
            m_reader.fail(fw, u"a field with 'pattern' needs 'patternHint', saying how a valid value looks"_s);
        if (seen.contains(field.name))
            m_reader.fail(ManifestReader::at(fw, u"name"_s), u"field '%1' is declared twice"_s.arg(field.name));
        seen.insert(field.name);
        out.append(field);
    }
    return out;
}

void ManifestParser::readAuth(const QJsonObject &auth, Manifest::Auth &a)
{
    using Kind = Manifest::Auth::Kind;
    const QString aw = u"/auth"_s;
    m_reader.onlyKeys(auth, aw, {"kind", "credential", "username", "usernameSuffix", "password", "name", "prefix"});
    const QString kind = m_reader.string(auth, "kind", aw, true);
    if (kind == u"bearer")
        a.kind = Kind::Bearer;
    else if (kind == u"basic")
        a.kind = Kind::Basic;
    else if (kind == u"header")
        a.kind = Kind::Header;
    else if (kind == u"query")
        a.kind = Kind::Query;
    else
        m_reader.fail(u"/auth/kind"_s, u"kind '%1' is not bearer, basic, header or query"_s.arg(kind));
    a.credential = m_reader.string(auth, "credential", aw);
    a.username = m_reader.string(auth, "username", aw);
    a.usernameSuffix = m_reader.string(auth, "usernameSuffix", aw);
    a.password = m_reader.string(auth, "password", aw);
    a.name = m_reader.string(auth, "name", aw);
    a.prefix = m_reader.string(auth, "prefix", aw);
    if (a.kind == Kind::Basic ? a.username.isEmpty() : a.credential.isEmpty())
        m_reader.fail(aw,
                      a.kind == Kind::Basic ? u"basic auth needs 'username': the credential field of the user name"_s
                                            : u"the credential field is missing: add 'credential' naming a credentials field"_s);
    if ((a.kind == Kind::Header || a.kind == Kind::Query) && a.name.isEmpty())
        m_reader.fail(aw, u"'name' is required for header and query auth: the header or query parameter carrying the key"_s);
}

void ManifestParser::readRateLimit(const QJsonObject &rate, Manifest::RateLimit &limit)
{
    const QString rw = u"/rateLimit"_s;
    m_reader.onlyKeys(rate, rw,
                      {"retryAfterHeader", "remainingHeader", "resetHeader", "resetFormat", "exhaustedStatuses",
                       "messagePatterns", "minWaitMs", "maxRequests", "perSeconds"});
    const QString retryAfter = m_reader.string(rate, "retryAfterHeader", rw);
    if (!retryAfter.isEmpty())
        limit.retryAfterHeader = retryAfter.toLower().toLatin1();
    limit.remainingHeader = m_reader.string(rate, "remainingHeader", rw).toLower().toLatin1();
    limit.resetHeader = m_reader.string(rate, "resetHeader", rw).toLower().toLatin1();
    const QString resetFormat = m_reader.string(rate, "resetFormat", rw);
    if (!resetFormat.isEmpty() && resetFormat != u"epoch_seconds" && resetFormat != u"delta_seconds")
        m_reader.fail(u"/rateLimit/resetFormat"_s, u"resetFormat must be epoch_seconds or delta_seconds"_s);
    limit.resetIsEpoch = resetFormat != u"delta_seconds";
    limit.exhaustedStatuses = m_reader.intList(rate, "exhaustedStatuses", rw);
    for (const QString &pattern : m_reader.stringList(rate, "messagePatterns", rw))
        limit.messagePatterns.append(pattern.toLower());
    limit.minWaitMs = m_reader.integer(rate, "minWaitMs", rw, 0);
    // The documented request rate: both keys or neither.
    limit.maxRequests = m_reader.integer(rate, "maxRequests", rw, 0);
    limit.perSeconds = m_reader.integer(rate, "perSeconds", rw, 0);
    if ((limit.maxRequests > 0) != (limit.perSeconds > 0) || limit.maxRequests < 0 || limit.perSeconds < 0)
        m_reader.fail(rw, u"maxRequests and perSeconds declare a rate together, both positive"_s);
}

void ManifestParser::readContext(const QJsonObject &ctx, Manifest &m)
{
    m_reader.onlyKeys(ctx, u"/context"_s, {"request", "values"});
    Manifest::Context c;
    c.request = readRequest(m_reader.object(ctx, "request", u"/context"_s), u"/context/request"_s);
    const QJsonObject values = m_reader.stringMap(ctx, "values", u"/context"_s);
    for (auto it = values.begin(); it != values.end(); ++it)
        c.values.append({it.key(), JsonPath::split(it->toString())});
    m.context = c;
}

ConnectorManifest::Order ManifestParser::readOrder(const QJsonObject &o, const QString &where)
{
    const QString value = m_reader.string(o, "order", where);
    if (value.isEmpty() || value == u"unordered")
        return ConnectorManifest::Order::Unordered;
    if (value == u"ascending")
        return ConnectorManifest::Order::Ascending;
    if (value == u"descending")
        return ConnectorManifest::Order::Descending;
    m_reader.fail(ManifestReader::at(where, u"order"_s), u"order '%1' is not ascending, descending or unordered"_s.arg(value));
    return ConnectorManifest::Order::Unordered;
}

ConnectorManifest::Pagination ManifestParser::readPagination(const QJsonObject &o, const QString &where)
{
    using P = ConnectorManifest::Pagination;
    P p;
    m_reader.onlyKeys(o, where,
                      {"kind", "tokenPath", "tokenParam", "tokenBodyPath", "urlPath", "offsetParam", "offsetBodyPath",
                       "pageParam", "startPage", "pageSizeParam", "pageSizeBodyPath", "pageSize", "maxPageSize", "maxResults",
                       "totalPath", "morePath"});
    const QString kind = m_reader.string(o, "kind", where);
    if (kind.isEmpty() || kind == u"none")
        p.kind = P::Kind::None;
    else if (kind == u"cursor")
        p.kind = P::Kind::Cursor;
    else if (kind == u"next_url")
        p.kind = P::Kind::NextUrl;
    else if (kind == u"link_header")
        p.kind = P::Kind::LinkHeader;
    else if (kind == u"offset" || kind == u"graphql_skip")
        p.kind = P::Kind::Offset;
    else if (kind == u"page_number")
        p.kind = P::Kind::PageNumber;
    else
        m_reader.fail(
            ManifestReader::at(where, u"kind"_s),
            u"pagination kind '%1' is unknown: write cursor, next_url, link_header, offset, page_number, graphql_skip or none"_s
                .arg(kind));
    p.tokenPath = JsonPath::split(m_reader.string(o, "tokenPath", where));
    p.tokenParam = m_reader.string(o, "tokenParam", where);
    p.tokenBodyPath = JsonPath::split(m_reader.string(o, "tokenBodyPath", where));
    p.urlPath = JsonPath::split(m_reader.string(o, "urlPath", where));
    p.offsetParam = m_reader.string(o, "offsetParam", where);
    p.offsetBodyPath = JsonPath::split(m_reader.string(o, "offsetBodyPath", where));
    p.pageParam = m_reader.string(o, "pageParam", where);
    p.startPage = m_reader.integer(o, "startPage", where, 1);
    p.pageSizeParam = m_reader.string(o, "pageSizeParam", where);
    p.pageSizeBodyPath = JsonPath::split(m_reader.string(o, "pageSizeBodyPath", where));
    p.pageSize = m_reader.integer(o, "pageSize", where, 0);
    p.maxPageSize = m_reader.integer(o, "maxPageSize", where, p.pageSize);
    p.maxResults = m_reader.integer(o, "maxResults", where, 0);
    p.totalPath = JsonPath::split(m_reader.string(o, "totalPath", where));
    p.morePath = JsonPath::split(m_reader.string(o, "morePath", where));
    if (kind == u"graphql_skip" && p.offsetBodyPath.isEmpty())
        p.offsetBodyPath = QStringList{u"variables"_s, u"skip"_s};
    if (kind == u"graphql_skip" && p.pageSizeBodyPath.isEmpty())
        p.pageSizeBodyPath = QStringList{u"variables"_s, u"limit"_s};
    switch (p.kind) {
    case P::Kind::Cursor:
        if (p.tokenPath.isEmpty() || (p.tokenParam.isEmpty() && p.tokenBodyPath.isEmpty()))
            m_reader.fail(
                where,
                p.tokenPath.isEmpty()
                    ? u"cursor pagination has no stop condition: add 'tokenPath' (where the next token is; no token ends the read)"_s
                    : u"cursor pagination needs 'tokenParam' (query) or 'tokenBodyPath' (POST body) to send the token"_s);
        break;
    case P::Kind::NextUrl:
        if (p.urlPath.isEmpty())
            m_reader.fail(
                where,
                u"next_url pagination has no stop condition: add 'urlPath' (where the next page's URL is; no URL ends the read)"_s);
        break;
    case P::Kind::Offset:
        if (p.pageSize <= 0)
            m_reader.fail(where, u"offset pagination has no stop condition: add 'pageSize' (a shorter page ends the read)"_s);
        if (p.offsetParam.isEmpty() && p.offsetBodyPath.isEmpty())
            m_reader.fail(where, u"offset pagination needs 'offsetParam' (query) or 'offsetBodyPath' (POST body)"_s);
        break;
    case P::Kind::PageNumber:
        if (p.pageSize <= 0)
            m_reader.fail(where,
                          u"page_number pagination has no stop condition: add 'pageSize' (a shorter page ends the read)"_s);
        if (p.pageParam.isEmpty())
            m_reader.fail(where, u"page_number pagination needs 'pageParam', the query parameter of the page number"_s);
        break;
    case P::Kind::None:
    case P::Kind::LinkHeader: break;
    }
    if (p.pageSize > 0 && p.pageSizeParam.isEmpty() && p.pageSizeBodyPath.isEmpty())
        m_reader.fail(ManifestReader::at(where, u"pageSize"_s),
                      u"pageSize needs 'pageSizeParam' or 'pageSizeBodyPath' to send it"_s);
    if (p.maxPageSize < p.pageSize)
        m_reader.fail(ManifestReader::at(where, u"maxPageSize"_s),
                      u"maxPageSize is smaller than pageSize: raise it or leave it out"_s);
    return p;
}

ConnectorManifest::Request ManifestParser::readRequest(const QJsonObject &o, const QString &where)
{
    ConnectorManifest::Request r;
    m_reader.onlyKeys(o, where,
                      {"method", "path", "query", "headers", "body", "recordsPath", "recordsOptional", "single", "pagination",
                       "emptyStatuses", "minIntervalMs", "order"});
    const QString method = m_reader.string(o, "method", where);
    if (!method.isEmpty()) {
        if (method != u"GET" && method != u"POST")
            m_reader.fail(ManifestReader::at(where, u"method"_s), u"method must be GET or POST"_s);
        r.method = method.toLatin1();
    }
    r.path = m_reader.string(o, "path", where);
    if (!r.path.isEmpty() && !r.path.startsWith(u'/'))
        m_reader.fail(ManifestReader::at(where, u"path"_s),
                      u"path must start with '/' and is appended to baseUrl (write \"/%1\")"_s.arg(r.path));
    r.query = m_reader.stringMap(o, "query", where);
    r.headers = m_reader.stringMap(o, "headers", where);
    r.body = o.value(u"body"_s);
    if (!r.body.isUndefined() && !r.body.isObject())
        m_reader.fail(ManifestReader::at(where, u"body"_s), u"'body' must be an object"_s);
    if (!r.body.isUndefined() && r.method == "GET")
        m_reader.fail(ManifestReader::at(where, u"body"_s),
                      u"a GET request cannot have a body: add \"method\": \"POST\" or remove the body"_s);
    r.recordsPath = JsonPath::split(m_reader.string(o, "recordsPath", where));
    r.single = m_reader.boolean(o, "single", where);
    r.recordsOptional = m_reader.boolean(o, "recordsOptional", where);
    r.pagination = readPagination(m_reader.object(o, "pagination", where), ManifestReader::at(where, u"pagination"_s));
    if (r.pagination.kind == ConnectorManifest::Pagination::Kind::Cursor && !r.pagination.tokenBodyPath.isEmpty()
        && r.method == "GET")
        m_reader.fail(ManifestReader::at(where, u"method"_s), u"tokenBodyPath needs a POST request: add \"method\": \"POST\""_s);
    r.emptyStatuses = m_reader.intList(o, "emptyStatuses", where);
    r.minIntervalMs = m_reader.integer(o, "minIntervalMs", where, 0);
    r.order = readOrder(o, where);
    return r;
}

QList<StreamField> ManifestParser::readFields(const QJsonObject &o, const QString &where)
{
    QList<StreamField> out;
    const QJsonValue v = o.value(u"fields"_s);
    const QString fw = ManifestReader::at(where, u"fields"_s);
    if (!v.isArray() || v.toArray().isEmpty()) {
        m_reader.fail(fw, u"'fields' must be a non-empty array of {\"name\": …, \"type\": …}"_s);
        return out;
    }
    QSet<QString> seen;
    m_formats.clear();
    const QJsonArray list = v.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = ManifestReader::at(fw, i);
        const QJsonObject f = list.at(i).toObject();
        m_reader.onlyKeys(f, at, {"name", "type", "format"});
        StreamField field{m_reader.string(f, "name", at, true), m_reader.string(f, "type", at, true)};
        const QString format = m_reader.string(f, "format", at);
        if (!format.isEmpty()) {
            // A format is usable when a date-time survives writing and reading it (Qt's syntax).
            const QDateTime probe(QDate(2024, 6, 1), QTime(10, 20, 30), Qt::UTC);
            const QDateTime back = QDateTime::fromString(probe.toString(format), format);
            if (field.type != u"datetime")
                m_reader.fail(ManifestReader::at(at, u"format"_s),
                              u"'format' is only for datetime fields: remove it or write \"type\": \"datetime\""_s);
            else if (!back.isValid() || back.date() != probe.date())
                m_reader.fail(
                    ManifestReader::at(at, u"format"_s),
                    u"format '%1' cannot be read back: write a Qt date-time format such as yyyy-MM-dd HH:mm:ss"_s.arg(format));
        }
        m_formats.insert(field.name, format);
        if (!field.type.isEmpty() && !kFieldTypes.contains(field.type))
            m_reader.fail(
                ManifestReader::at(at, u"type"_s),
                u"field '%1' has unknown type '%2': write string, integer, number, boolean, date, datetime, object or array"_s
                    .arg(field.name, field.type));
        if (seen.contains(field.name))
            m_reader.fail(ManifestReader::at(at, u"name"_s), u"field '%1' is declared twice"_s.arg(field.name));
        seen.insert(field.name);
        out.append(field);
    }
    return out;
}

ConnectorManifest::Stream ManifestParser::readStream(const QJsonObject &so, const QString &sw, const QString &name)
{
    Manifest::Stream s;
    s.name = name;
    s.fields = readFields(so, sw);
    s.primaryKey = m_reader.stringList(so, "primaryKey", sw);
    if (s.primaryKey.isEmpty())
        m_reader.fail(ManifestReader::at(sw, u"primaryKey"_s), u"'primaryKey' is required, e.g. [\"id\"]"_s);
    s.request = readRequest(m_reader.object(so, "request", sw), ManifestReader::at(sw, u"request"_s));
    for (const auto &field : std::as_const(s.fields)) {
        if (field.type == u"datetime") {
            s.dateTimeFields.append(JsonPath::split(field.name));
            s.dateTimeFormats.append(m_formats.value(field.name));
        }
    }
    for (qsizetype i = 0; i < s.primaryKey.size(); ++i) {
        const QString &pk = s.primaryKey.at(i);
        bool declared = false;
        for (const auto &field : std::as_const(s.fields))
            declared = declared || field.name == pk;
        if (!declared)
            m_reader.fail(ManifestReader::at(ManifestReader::at(sw, u"primaryKey"_s), i),
                          u"primary key '%1' is not a declared field: add it to 'fields'"_s.arg(pk));
    }
    if (so.contains(u"incremental"_s))
        s.incremental = readIncremental(m_reader.object(so, "incremental", sw), ManifestReader::at(sw, u"incremental"_s), s);
    if (so.contains(u"slices"_s))
        s.slices = readSlices(m_reader.object(so, "slices", sw), ManifestReader::at(sw, u"slices"_s), s);
    else if (s.incremental && s.incremental->perSlice)
        m_reader.fail(ManifestReader::at(sw, u"incremental"_s), u"a per-slice cursor needs slices"_s);
    readFilters(so, sw, s);
    return s;
}

ConnectorManifest::Incremental ManifestParser::readIncremental(const QJsonObject &io, const QString &iw,
                                                               const Manifest::Stream &s)
{
    m_reader.onlyKeys(
        io, iw,
        {"cursorField", "query", "request", "clientFilter", "stopWhenOlder", "lookbackSeconds", "cursorValue", "perSlice"});
    Manifest::Incremental inc;
    inc.cursorField = m_reader.string(io, "cursorField", iw, true);
    inc.query = m_reader.stringMap(io, "query", iw);
    if (io.contains(u"request"_s))
        inc.request = readRequest(m_reader.object(io, "request", iw), ManifestReader::at(iw, u"request"_s));
    inc.clientFilter = m_reader.boolean(io, "clientFilter", iw);
    inc.stopWhenOlder = m_reader.boolean(io, "stopWhenOlder", iw);
    inc.lookbackSeconds = m_reader.integer(io, "lookbackSeconds", iw, 0);
    const QString cursorValue = m_reader.string(io, "cursorValue", iw);
    if (!cursorValue.isEmpty() && cursorValue != u"max_record" && cursorValue != u"run_start")
        m_reader.fail(ManifestReader::at(iw, u"cursorValue"_s), u"cursorValue must be max_record or run_start"_s);
    inc.cursorIsRunStart = cursorValue == u"run_start";
    inc.perSlice = m_reader.boolean(io, "perSlice", iw);
    if (inc.stopWhenOlder && s.request.order != Manifest::Order::Descending)
        m_reader.fail(ManifestReader::at(iw, u"stopWhenOlder"_s),
                      u"stopWhenOlder needs a request in descending order: add \"order\": \"descending\" to the request"_s);
    bool declared = false;
    for (const auto &field : std::as_const(s.fields))
        declared = declared || (field.name == inc.cursorField && field.type == u"datetime");
    if (!declared && !inc.cursorField.isEmpty())
        m_reader.fail(
            ManifestReader::at(iw, u"cursorField"_s),
            u"cursor field '%1' must be a declared datetime field: declare {\"name\": \"%1\", \"type\": \"datetime\"}"_s.arg(
                inc.cursorField));
    return inc;
}

ConnectorManifest::Slices ManifestParser::readSlices(const QJsonObject &sl, const QString &lw, const Manifest::Stream &s)
{
    m_reader.onlyKeys(sl, lw, {"config", "as", "configRequest", "parent", "parentIncremental", "key"});
    Manifest::Slices slices;
    slices.config = m_reader.string(sl, "config", lw);
    slices.as = m_reader.string(sl, "as", lw);
    if (sl.contains(u"configRequest"_s))
        slices.configRequest = readRequest(m_reader.object(sl, "configRequest", lw), ManifestReader::at(lw, u"configRequest"_s));
    slices.parent = m_reader.string(sl, "parent", lw);
    slices.parentIncremental = m_reader.boolean(sl, "parentIncremental", lw);
    slices.key = m_reader.string(sl, "key", lw);
    if (!slices.config.isEmpty() && slices.as.isEmpty())
        m_reader.fail(lw, u"'as' is required with 'config': the field name each config value gets in the slice"_s);
    if (slices.config.isEmpty() && slices.parent.isEmpty())
        m_reader.fail(lw, u"slices need 'config' (a config field) or 'parent' (a stream)"_s);
    if (s.incremental && s.incremental->perSlice && slices.key.isEmpty())
        m_reader.fail(lw, u"a per-slice cursor needs 'key', the slice field that names a partition"_s);
    return slices;
}

void ManifestParser::readFilters(const QJsonObject &so, const QString &sw, Manifest::Stream &s)
{
    for (const QString &field : m_reader.stringList(so, "exclude", sw))
        s.exclude.append(JsonPath::split(field));
    const QJsonValue include = so.value(u"include"_s);
    if (!include.isUndefined() && !include.isArray())
        m_reader.fail(ManifestReader::at(sw, u"include"_s), u"'include' must be an array of {\"field\", \"equalsConfig\"}"_s);
    const QJsonArray matches = include.toArray();
    for (qsizetype i = 0; i < matches.size(); ++i) {
        const QString mw = ManifestReader::at(ManifestReader::at(sw, u"include"_s), i);
        const QJsonObject mo = matches.at(i).toObject();
        m_reader.onlyKeys(mo, mw, {"field", "equalsConfig"});
        Manifest::Match match;
        match.field = JsonPath::split(m_reader.string(mo, "field", mw, true));
        match.equalsConfig = m_reader.string(mo, "equalsConfig", mw, true);
        s.include.append(match);
    }
    const QJsonObject add = m_reader.stringMap(so, "addFields", sw);
    for (auto it = add.begin(); it != add.end(); ++it)
        s.addFields.append({it.key(), it->toString()});
}

void ManifestParser::checkCursorUse(const Manifest::Stream &s, const QString &iw)
{
    const Manifest::Incremental &inc = *s.incremental;
    const QJsonObject request{
        {u"q"_s, s.request.query}, {u"h"_s, s.request.headers}, {u"b"_s, s.request.body}, {u"p"_s, s.request.path}};
    // A stream pushed by webhooks has no request; a child may follow its parent's cursor.
    const bool hasRequest = !s.request.path.isEmpty(), requestUsesCursor = hasTemplate(request, u"${cursor");
    if (hasRequest && inc.query.isEmpty() && !inc.request && !inc.clientFilter && !inc.stopWhenOlder && !requestUsesCursor
        && !inc.cursorIsRunStart && !s.slices.parentIncremental)
        m_reader.fail(iw,
                      u"an incremental stream must say how the cursor is used: add 'query' (e.g. {\"since\": "
                      u"\"${cursor:iso_seconds}\"}), 'request', or \"clientFilter\": true"_s);
}

void ManifestParser::checkStreams(const Manifest &m)
{
    for (qsizetype i = 0; i < m.streams.size(); ++i) {
        const Manifest::Stream &s = m.streams.at(i);
        const QString sw = ManifestReader::at(u"/streams"_s, i);
        if (!s.slices.parent.isEmpty()) {
            const QString pw = ManifestReader::at(ManifestReader::at(sw, u"slices"_s), u"parent"_s);
            const Manifest::Stream *parent = m.stream(s.slices.parent);
            if (!parent)
                m_reader.fail(pw, u"parent stream '%1' is not declared: name one of the streams"_s.arg(s.slices.parent));
            else if (s.slices.parentIncremental && !parent->incremental)
                m_reader.fail(pw, u"parentIncremental needs an incremental parent"_s);
            // A cycle would recurse forever at read time; refuse it here instead.
            QSet<QString> chain{s.name};
            for (const Manifest::Stream *p = parent; p; p = p->slices.parent.isEmpty() ? nullptr : m.stream(p->slices.parent)) {
                if (chain.contains(p->name)) {
                    m_reader.fail(pw, u"parent streams form a cycle"_s);
                    break;
                }
                chain.insert(p->name);
            }
        }
        if (s.incremental)
            checkCursorUse(s, ManifestReader::at(sw, u"incremental"_s));
        if (!s.incremental && (hasTemplate(s.request.body, u"${cursor") || hasTemplate(QJsonValue(s.request.query), u"${cursor")))
            m_reader.fail(ManifestReader::at(sw, u"request"_s), u"${cursor} needs an incremental stream: add 'incremental'"_s);
    }
}

} // namespace Opbox
