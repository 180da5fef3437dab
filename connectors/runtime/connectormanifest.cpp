// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/connectormanifest.h"

#include "connectors/connectorslogging.h"
#include "connectors/runtime/datetimeformat.h"
#include "connectors/runtime/jsonpath.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>

void opboxInitConnectorResources();

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

const QSet<QString> kFieldTypes{u"string"_s, u"integer"_s, u"number"_s, u"boolean"_s,
                                u"date"_s,   u"datetime"_s, u"object"_s, u"array"_s};

// Strict reader: every key must be known, every value of the expected kind; the first problem wins.
class Reader
{
public:
    QString error;

    bool fail(const QString &where, const QString &what)
    {
        if (error.isEmpty())
            error = where + u": "_s + what;
        return false;
    }

    bool onlyKeys(const QJsonObject &o, const QString &where, std::initializer_list<const char *> keys)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            bool known = false;
            for (const char *key : keys) {
                if (it.key() == QLatin1StringView(key)) {
                    known = true;
                    break;
                }
            }
            if (!known)
                return fail(where, u"unknown key '%1'"_s.arg(it.key()));
        }
        return true;
    }

    QString string(const QJsonObject &o, const char *key, const QString &where, bool required = false)
    {
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (v.isUndefined()) {
            if (required)
                fail(where, u"'%1' is required"_s.arg(QLatin1StringView(key)));
            return {};
        }
        if (!v.isString()) {
            fail(where, u"'%1' must be a string"_s.arg(QLatin1StringView(key)));
            return {};
        }
        return v.toString();
    }

    int integer(const QJsonObject &o, const char *key, const QString &where, int fallback)
    {
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble() || v.toDouble() != double(v.toInteger())) {
            fail(where, u"'%1' must be an integer"_s.arg(QLatin1StringView(key)));
            return fallback;
        }
        return int(v.toInteger());
    }

    bool boolean(const QJsonObject &o, const char *key, const QString &where, bool fallback = false)
    {
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isBool()) {
            fail(where, u"'%1' must be true or false"_s.arg(QLatin1StringView(key)));
            return fallback;
        }
        return v.toBool();
    }

    QJsonObject object(const QJsonObject &o, const char *key, const QString &where)
    {
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (v.isUndefined())
            return {};
        if (!v.isObject()) {
            fail(where, u"'%1' must be an object"_s.arg(QLatin1StringView(key)));
            return {};
        }
        return v.toObject();
    }

    QJsonObject stringMap(const QJsonObject &o, const char *key, const QString &where)
    {
        const QJsonObject map = object(o, key, where);
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it->isString())
                fail(where, u"'%1.%2' must be a string"_s.arg(QLatin1StringView(key), it.key()));
        }
        return map;
    }

    QList<int> intList(const QJsonObject &o, const char *key, const QString &where)
    {
        QList<int> out;
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (v.isUndefined())
            return out;
        if (!v.isArray()) {
            fail(where, u"'%1' must be an array of integers"_s.arg(QLatin1StringView(key)));
            return out;
        }
        for (const auto &item : v.toArray()) {
            if (!item.isDouble())
                fail(where, u"'%1' must be an array of integers"_s.arg(QLatin1StringView(key)));
            out.append(item.toInt());
        }
        return out;
    }

    QStringList stringList(const QJsonObject &o, const char *key, const QString &where)
    {
        QStringList out;
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (v.isUndefined())
            return out;
        if (!v.isArray()) {
            fail(where, u"'%1' must be an array of strings"_s.arg(QLatin1StringView(key)));
            return out;
        }
        for (const auto &item : v.toArray()) {
            if (!item.isString())
                fail(where, u"'%1' must be an array of strings"_s.arg(QLatin1StringView(key)));
            out.append(item.toString());
        }
        return out;
    }

    ConnectorManifest::Order order(const QJsonObject &o, const QString &where)
    {
        const QString value = string(o, "order", where);
        if (value.isEmpty() || value == u"unordered")
            return ConnectorManifest::Order::Unordered;
        if (value == u"ascending")
            return ConnectorManifest::Order::Ascending;
        if (value == u"descending")
            return ConnectorManifest::Order::Descending;
        fail(where, u"order '%1' is not ascending, descending or unordered"_s.arg(value));
        return ConnectorManifest::Order::Unordered;
    }

    ConnectorManifest::Pagination pagination(const QJsonObject &o, const QString &where)
    {
        using P = ConnectorManifest::Pagination;
        P p;
        onlyKeys(o, where,
                 {"kind", "tokenPath", "tokenParam", "tokenBodyPath", "urlPath", "offsetParam", "offsetBodyPath",
                  "pageParam", "startPage", "pageSizeParam", "pageSizeBodyPath", "pageSize", "maxPageSize",
                  "maxResults", "totalPath", "morePath"});
        const QString kind = string(o, "kind", where);
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
            fail(where, u"pagination kind '%1' is unknown"_s.arg(kind));
        p.tokenPath = JsonPath::split(string(o, "tokenPath", where));
        p.tokenParam = string(o, "tokenParam", where);
        p.tokenBodyPath = JsonPath::split(string(o, "tokenBodyPath", where));
        p.urlPath = JsonPath::split(string(o, "urlPath", where));
        p.offsetParam = string(o, "offsetParam", where);
        p.offsetBodyPath = JsonPath::split(string(o, "offsetBodyPath", where));
        p.pageParam = string(o, "pageParam", where);
        p.startPage = integer(o, "startPage", where, 1);
        p.pageSizeParam = string(o, "pageSizeParam", where);
        p.pageSizeBodyPath = JsonPath::split(string(o, "pageSizeBodyPath", where));
        p.pageSize = integer(o, "pageSize", where, 0);
        p.maxPageSize = integer(o, "maxPageSize", where, p.pageSize);
        p.maxResults = integer(o, "maxResults", where, 0);
        p.totalPath = JsonPath::split(string(o, "totalPath", where));
        p.morePath = JsonPath::split(string(o, "morePath", where));
        if (kind == u"graphql_skip" && p.offsetBodyPath.isEmpty())
            p.offsetBodyPath = QStringList{u"variables"_s, u"skip"_s};
        if (kind == u"graphql_skip" && p.pageSizeBodyPath.isEmpty())
            p.pageSizeBodyPath = QStringList{u"variables"_s, u"limit"_s};
        switch (p.kind) {
        case P::Kind::Cursor:
            if (p.tokenPath.isEmpty() || (p.tokenParam.isEmpty() && p.tokenBodyPath.isEmpty()))
                fail(where, u"cursor pagination needs tokenPath and tokenParam or tokenBodyPath"_s);
            break;
        case P::Kind::NextUrl:
            if (p.urlPath.isEmpty())
                fail(where, u"next_url pagination needs urlPath"_s);
            break;
        case P::Kind::Offset:
            if ((p.offsetParam.isEmpty() && p.offsetBodyPath.isEmpty()) || p.pageSize <= 0)
                fail(where, u"offset pagination needs offsetParam or offsetBodyPath and a pageSize"_s);
            break;
        case P::Kind::PageNumber:
            if (p.pageParam.isEmpty() || p.pageSize <= 0)
                fail(where, u"page_number pagination needs pageParam and a pageSize"_s);
            break;
        case P::Kind::None:
        case P::Kind::LinkHeader:
            break;
        }
        if (p.pageSize > 0 && p.pageSizeParam.isEmpty() && p.pageSizeBodyPath.isEmpty())
            fail(where, u"pageSize needs pageSizeParam or pageSizeBodyPath"_s);
        if (p.maxPageSize < p.pageSize)
            fail(where, u"maxPageSize is smaller than pageSize"_s);
        return p;
    }

    ConnectorManifest::Request request(const QJsonObject &o, const QString &where)
    {
        ConnectorManifest::Request r;
        onlyKeys(o, where,
                 {"method", "path", "query", "headers", "body", "recordsPath", "recordsOptional", "single",
                  "pagination", "emptyStatuses", "minIntervalMs", "order"});
        const QString method = string(o, "method", where);
        if (!method.isEmpty()) {
            if (method != u"GET" && method != u"POST")
                fail(where, u"method must be GET or POST"_s);
            r.method = method.toLatin1();
        }
        r.path = string(o, "path", where);
        if (!r.path.isEmpty() && !r.path.startsWith(u'/'))
            fail(where, u"path must start with '/'"_s);
        r.query = stringMap(o, "query", where);
        r.headers = stringMap(o, "headers", where);
        r.body = o.value(u"body"_s);
        if (!r.body.isUndefined() && !r.body.isObject())
            fail(where, u"'body' must be an object"_s);
        if (!r.body.isUndefined() && r.method == "GET")
            fail(where, u"a GET request cannot have a body"_s);
        r.recordsPath = JsonPath::split(string(o, "recordsPath", where));
        r.single = boolean(o, "single", where);
        r.recordsOptional = boolean(o, "recordsOptional", where);
        r.pagination = pagination(object(o, "pagination", where), where + u".pagination"_s);
        if (r.pagination.kind == ConnectorManifest::Pagination::Kind::Cursor && !r.pagination.tokenBodyPath.isEmpty()
            && r.method == "GET")
            fail(where, u"tokenBodyPath needs a POST request"_s);
        r.emptyStatuses = intList(o, "emptyStatuses", where);
        r.minIntervalMs = integer(o, "minIntervalMs", where, 0);
        r.order = order(o, where);
        return r;
    }

    QList<StreamField> fields(const QJsonObject &o, const QString &where)
    {
        QList<StreamField> out;
        const QJsonValue v = o.value(u"fields"_s);
        if (!v.isArray() || v.toArray().isEmpty()) {
            fail(where, u"'fields' must be a non-empty array"_s);
            return out;
        }
        QSet<QString> seen;
        for (const auto &item : v.toArray()) {
            const QJsonObject f = item.toObject();
            onlyKeys(f, where + u".fields"_s, {"name", "type"});
            StreamField field{string(f, "name", where + u".fields"_s, true), string(f, "type", where + u".fields"_s, true)};
            if (!kFieldTypes.contains(field.type))
                fail(where, u"field '%1' has unknown type '%2'"_s.arg(field.name, field.type));
            if (seen.contains(field.name))
                fail(where, u"field '%1' is declared twice"_s.arg(field.name));
            seen.insert(field.name);
            out.append(field);
        }
        return out;
    }
};

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

StreamSpec ConnectorManifest::Stream::spec() const
{
    StreamSpec s;
    s.name = name;
    s.fields = fields;
    s.primaryKey = primaryKey;
    s.supportedSyncModes = {u"full_refresh"_s};
    if (incremental) {
        s.supportedSyncModes.append(u"incremental"_s);
        s.cursorField = incremental->cursorField;
    }
    if (slices.config.isEmpty() || !slices.parent.isEmpty())
        s.parent = slices.parent;
    return s;
}

const ConnectorManifest::Stream *ConnectorManifest::stream(const QString &name) const
{
    for (const auto &s : streams) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

std::optional<ConnectorManifest> ConnectorManifest::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = u"manifest is not a JSON object: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    Reader r;
    ConnectorManifest m;
    const QString top = u"manifest"_s;
    r.onlyKeys(root, top,
               {"$comment", "type", "provider", "baseUrl", "implementation", "auth", "headers", "errorMessagePaths",
                "rateLimit", "context", "check", "streams"});
    m.type = r.string(root, "type", top, true);
    m.provider = r.string(root, "provider", top, true);
    m.baseUrl = r.string(root, "baseUrl", top, true);
    const QString impl = r.string(root, "implementation", top);
    if (!impl.isEmpty())
        m.implementation = impl;
    if (m.implementation != u"declarative" && m.implementation != u"fireflies")
        r.fail(top, u"implementation '%1' is unknown"_s.arg(m.implementation));

    const QJsonObject auth = r.object(root, "auth", top);
    const QString aw = u"auth"_s;
    r.onlyKeys(auth, aw, {"kind", "credential", "username", "usernameSuffix", "password", "name", "prefix"});
    const QString kind = r.string(auth, "kind", aw, true);
    if (kind == u"bearer")
        m.auth.kind = Auth::Kind::Bearer;
    else if (kind == u"basic")
        m.auth.kind = Auth::Kind::Basic;
    else if (kind == u"header")
        m.auth.kind = Auth::Kind::Header;
    else if (kind == u"query")
        m.auth.kind = Auth::Kind::Query;
    else
        r.fail(aw, u"kind '%1' is not bearer, basic, header or query"_s.arg(kind));
    m.auth.credential = r.string(auth, "credential", aw);
    m.auth.username = r.string(auth, "username", aw);
    m.auth.usernameSuffix = r.string(auth, "usernameSuffix", aw);
    m.auth.password = r.string(auth, "password", aw);
    m.auth.name = r.string(auth, "name", aw);
    m.auth.prefix = r.string(auth, "prefix", aw);
    if (m.auth.kind == Auth::Kind::Basic ? m.auth.username.isEmpty() : m.auth.credential.isEmpty())
        r.fail(aw, u"the credential field is missing"_s);
    if ((m.auth.kind == Auth::Kind::Header || m.auth.kind == Auth::Kind::Query) && m.auth.name.isEmpty())
        r.fail(aw, u"'name' is required for header and query auth"_s);

    const QJsonObject headers = r.stringMap(root, "headers", top);
    for (auto it = headers.begin(); it != headers.end(); ++it)
        m.headers.append({it.key().toLatin1(), it->toString().toUtf8()});
    for (const QString &path : r.stringList(root, "errorMessagePaths", top))
        m.errorMessagePaths.append(JsonPath::split(path));

    const QJsonObject rate = r.object(root, "rateLimit", top);
    const QString rw = u"rateLimit"_s;
    r.onlyKeys(rate, rw,
               {"retryAfterHeader", "remainingHeader", "resetHeader", "resetFormat", "exhaustedStatuses",
                "messagePatterns", "minWaitMs"});
    const QString retryAfter = r.string(rate, "retryAfterHeader", rw);
    if (!retryAfter.isEmpty())
        m.rateLimit.retryAfterHeader = retryAfter.toLower().toLatin1();
    m.rateLimit.remainingHeader = r.string(rate, "remainingHeader", rw).toLower().toLatin1();
    m.rateLimit.resetHeader = r.string(rate, "resetHeader", rw).toLower().toLatin1();
    const QString resetFormat = r.string(rate, "resetFormat", rw);
    if (!resetFormat.isEmpty() && resetFormat != u"epoch_seconds" && resetFormat != u"delta_seconds")
        r.fail(rw, u"resetFormat must be epoch_seconds or delta_seconds"_s);
    m.rateLimit.resetIsEpoch = resetFormat != u"delta_seconds";
    m.rateLimit.exhaustedStatuses = r.intList(rate, "exhaustedStatuses", rw);
    for (const QString &pattern : r.stringList(rate, "messagePatterns", rw))
        m.rateLimit.messagePatterns.append(pattern.toLower());
    m.rateLimit.minWaitMs = r.integer(rate, "minWaitMs", rw, 0);

    if (root.contains(u"context"_s)) {
        const QJsonObject ctx = r.object(root, "context", top);
        r.onlyKeys(ctx, u"context"_s, {"request", "values"});
        Context c;
        c.request = r.request(r.object(ctx, "request", u"context"_s), u"context.request"_s);
        const QJsonObject values = r.stringMap(ctx, "values", u"context"_s);
        for (auto it = values.begin(); it != values.end(); ++it)
            c.values.append({it.key(), JsonPath::split(it->toString())});
        m.context = c;
    }

    m.check = r.request(r.object(root, "check", top), u"check"_s);

    const QJsonValue streams = root.value(u"streams"_s);
    if (!streams.isArray() || streams.toArray().isEmpty())
        r.fail(top, u"'streams' must be a non-empty array"_s);
    QSet<QString> names;
    for (const auto &item : streams.toArray()) {
        const QJsonObject so = item.toObject();
        Stream s;
        s.name = r.string(so, "name", u"stream"_s, true);
        const QString sw = u"stream %1"_s.arg(s.name);
        r.onlyKeys(so, sw,
                   {"name", "fields", "primaryKey", "request", "incremental", "slices", "exclude", "include",
                    "addFields"});
        if (names.contains(s.name))
            r.fail(sw, u"declared twice"_s);
        names.insert(s.name);
        s.fields = r.fields(so, sw);
        s.primaryKey = r.stringList(so, "primaryKey", sw);
        if (s.primaryKey.isEmpty())
            r.fail(sw, u"'primaryKey' is required"_s);
        s.request = r.request(r.object(so, "request", sw), sw + u".request"_s);
        for (const auto &field : std::as_const(s.fields)) {
            if (field.type == u"datetime")
                s.dateTimeFields.append(JsonPath::split(field.name));
        }
        for (const QString &pk : std::as_const(s.primaryKey)) {
            bool declared = false;
            for (const auto &field : std::as_const(s.fields))
                declared = declared || field.name == pk;
            if (!declared)
                r.fail(sw, u"primary key '%1' is not a declared field"_s.arg(pk));
        }
        if (so.contains(u"incremental"_s)) {
            const QJsonObject io = r.object(so, "incremental", sw);
            const QString iw = sw + u".incremental"_s;
            r.onlyKeys(io, iw,
                       {"cursorField", "query", "request", "clientFilter", "stopWhenOlder", "lookbackSeconds",
                        "cursorValue", "perSlice"});
            Incremental inc;
            inc.cursorField = r.string(io, "cursorField", iw, true);
            inc.query = r.stringMap(io, "query", iw);
            if (io.contains(u"request"_s))
                inc.request = r.request(r.object(io, "request", iw), iw + u".request"_s);
            inc.clientFilter = r.boolean(io, "clientFilter", iw);
            inc.stopWhenOlder = r.boolean(io, "stopWhenOlder", iw);
            inc.lookbackSeconds = r.integer(io, "lookbackSeconds", iw, 0);
            const QString cursorValue = r.string(io, "cursorValue", iw);
            if (!cursorValue.isEmpty() && cursorValue != u"max_record" && cursorValue != u"run_start")
                r.fail(iw, u"cursorValue must be max_record or run_start"_s);
            inc.cursorIsRunStart = cursorValue == u"run_start";
            inc.perSlice = r.boolean(io, "perSlice", iw);
            if (inc.stopWhenOlder && s.request.order != Order::Descending)
                r.fail(iw, u"stopWhenOlder needs a request in descending order"_s);
            bool declared = false;
            for (const auto &field : std::as_const(s.fields))
                declared = declared || (field.name == inc.cursorField && field.type == u"datetime");
            if (!declared)
                r.fail(iw, u"cursor field '%1' must be a declared datetime field"_s.arg(inc.cursorField));
            s.incremental = inc;
        }
        if (so.contains(u"slices"_s)) {
            const QJsonObject sl = r.object(so, "slices", sw);
            const QString lw = sw + u".slices"_s;
            r.onlyKeys(sl, lw, {"config", "as", "configRequest", "parent", "parentIncremental", "key"});
            s.slices.config = r.string(sl, "config", lw);
            s.slices.as = r.string(sl, "as", lw);
            if (sl.contains(u"configRequest"_s))
                s.slices.configRequest = r.request(r.object(sl, "configRequest", lw), lw + u".configRequest"_s);
            s.slices.parent = r.string(sl, "parent", lw);
            s.slices.parentIncremental = r.boolean(sl, "parentIncremental", lw);
            s.slices.key = r.string(sl, "key", lw);
            if (!s.slices.config.isEmpty() && s.slices.as.isEmpty())
                r.fail(lw, u"'as' is required with 'config'"_s);
            if (s.slices.config.isEmpty() && s.slices.parent.isEmpty())
                r.fail(lw, u"slices need 'config' or 'parent'"_s);
            if (s.incremental && s.incremental->perSlice && s.slices.key.isEmpty())
                r.fail(lw, u"a per-slice cursor needs 'key'"_s);
        } else if (s.incremental && s.incremental->perSlice) {
            r.fail(sw, u"a per-slice cursor needs slices"_s);
        }
        for (const QString &field : r.stringList(so, "exclude", sw))
            s.exclude.append(JsonPath::split(field));
        const QJsonValue include = so.value(u"include"_s);
        for (const auto &matchValue : include.toArray()) {
            const QJsonObject mo = matchValue.toObject();
            r.onlyKeys(mo, sw + u".include"_s, {"field", "equalsConfig"});
            Match match;
            match.field = JsonPath::split(r.string(mo, "field", sw + u".include"_s, true));
            match.equalsConfig = r.string(mo, "equalsConfig", sw + u".include"_s, true);
            s.include.append(match);
        }
        const QJsonObject add = r.stringMap(so, "addFields", sw);
        for (auto it = add.begin(); it != add.end(); ++it)
            s.addFields.append({it.key(), it->toString()});
        m.streams.append(s);
    }
    for (const auto &s : std::as_const(m.streams)) {
        const QString sw = u"stream %1"_s.arg(s.name);
        if (!s.slices.parent.isEmpty()) {
            const Stream *parent = m.stream(s.slices.parent);
            if (!parent)
                r.fail(sw, u"parent stream '%1' is not declared"_s.arg(s.slices.parent));
            else if (s.slices.parentIncremental && !parent->incremental)
                r.fail(sw, u"parentIncremental needs an incremental parent"_s);
            // A cycle would recurse forever at read time; refuse it here instead.
            QSet<QString> chain{s.name};
            for (const Stream *p = parent; p; p = p->slices.parent.isEmpty() ? nullptr : m.stream(p->slices.parent)) {
                if (chain.contains(p->name)) {
                    r.fail(sw, u"parent streams form a cycle"_s);
                    break;
                }
                chain.insert(p->name);
            }
        }
        if (!s.incremental && (hasTemplate(s.request.body, u"${cursor") || hasTemplate(QJsonValue(s.request.query), u"${cursor")))
            r.fail(sw, u"${cursor} needs an incremental stream"_s);
    }
    if (!r.error.isEmpty()) {
        if (error)
            *error = r.error;
        return std::nullopt;
    }
    return m;
}

namespace {

struct ManifestCatalog {
    QHash<QString, std::shared_ptr<const ConnectorManifest>> byType;
};

const ManifestCatalog &catalog()
{
    // Parsed once, on first use, from whatever thread gets there first (static init is thread-safe).
    static const ManifestCatalog instance = [] {
        opboxInitConnectorResources();
        ManifestCatalog c;
        QDirIterator it(u":/connectors"_s, QDir::Dirs | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            const QString dir = it.next();
            QFile file(dir + u"/manifest.json"_s);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QString error;
            auto manifest = ConnectorManifest::parse(file.readAll(), &error);
            if (!manifest) {
                qCWarning(lcConnectors) << "ignoring invalid connector manifest" << file.fileName() << error;
                continue;
            }
            manifest->directory = QFileInfo(dir).fileName();
            const QString type = manifest->type; // read before the move below
            c.byType.insert(type, std::make_shared<const ConnectorManifest>(std::move(*manifest)));
        }
        return c;
    }();
    return instance;
}

} // namespace

std::shared_ptr<const ConnectorManifest> ConnectorManifest::forType(const QString &type)
{
    return catalog().byType.value(type);
}

QStringList ConnectorManifest::availableTypes()
{
    QStringList types = catalog().byType.keys();
    types.sort();
    return types;
}

} // namespace Opbox
