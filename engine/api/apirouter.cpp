// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/apirouter.h"
#include "engine/enginelogging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <exception>
#include <limits>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("ApiRouter", s);
}

QStringList splitPath(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}
} // namespace

void ApiRouter::addRoute(Route route)
{
    route.segments = splitPath(route.pattern);
    for (const auto &s : std::as_const(route.segments)) {
        if (!s.startsWith(u':'))
            ++route.literalCount;
    }
    // More literal segments first, so `/connections/test` wins over `/connections/:id`.
    auto it = std::find_if(m_routes.begin(), m_routes.end(), [&](const Route &r) {
        return r.segments.size() == route.segments.size() && r.literalCount < route.literalCount;
    });
    m_routes.insert(it, std::move(route));
}

void ApiRouter::addPublic(const QByteArray &method, const QString &pattern, const Doc &doc, PublicHandler handler)
{
    Route r;
    r.method = method;
    r.pattern = pattern;
    r.authenticated = false;
    r.doc = doc;
    r.publicHandler = std::move(handler);
    addRoute(std::move(r));
}

void ApiRouter::addPublic(const QByteArray &method, const QString &pattern, const Doc &doc, SyncPublicHandler handler)
{
    addPublic(method, pattern, doc,
              PublicHandler([handler = std::move(handler)](const HttpRequest &req, HttpReply reply) { reply(handler(req)); }));
}

void ApiRouter::add(const QByteArray &method, const QString &pattern, const Doc &doc, UserHandler handler)
{
    Route r;
    r.method = method;
    r.pattern = pattern;
    r.authenticated = true;
    r.doc = doc;
    r.userHandler = std::move(handler);
    addRoute(std::move(r));
}

void ApiRouter::add(const QByteArray &method, const QString &pattern, const Doc &doc, SyncUserHandler handler)
{
    add(method, pattern, doc,
        UserHandler([handler = std::move(handler)](const HttpRequest &req, const Caller &caller, HttpReply reply) {
            reply(handler(req, caller));
        }));
}

bool ApiRouter::match(const Route &route, const QStringList &segments, QHash<QString, QString> *params)
{
    if (route.segments.size() != segments.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &p = route.segments.at(i);
        if (p.startsWith(u':'))
            found.insert(p.mid(1), segments.at(i));
        else if (p != segments.at(i))
            return false;
    }
    if (params)
        *params = std::move(found);
    return true;
}

void ApiRouter::dispatch(HttpRequest request, HttpReply reply) const
{
    // A trailing slash is tolerated; an empty segment elsewhere is not a route.
    const QStringList segments = splitPath(request.path);
    const Route *chosen = nullptr;
    QSet<QByteArray> allowed;
    for (const auto &route : m_routes) {
        QHash<QString, QString> params;
        if (!match(route, segments, &params))
            continue;
        if (route.method == request.method) {
            if (!chosen) {
                chosen = &route;
                request.params = std::move(params);
            }
        } else {
            allowed.insert(route.method);
        }
    }
    if (!chosen) {
        if (allowed.isEmpty()) {
            reply(HttpResponse::error(
                404, u"NOT_FOUND"_s,
                tr("no such endpoint: %1 %2").arg(QString::fromLatin1(request.method), request.path.left(200))));
            return;
        }
        QStringList methods;
        for (const auto &m : std::as_const(allowed))
            methods.append(QString::fromLatin1(m));
        methods.sort();
        auto response = HttpResponse::error(405, u"METHOD_NOT_ALLOWED"_s,
                                            tr("method %1 is not allowed here (allowed: %2)")
                                                .arg(QString::fromLatin1(request.method.left(16)), methods.join(u", "_s)));
        response.withHeader("Allow", methods.join(u", "_s).toLatin1());
        reply(std::move(response));
        return;
    }

    bool lengthOk = true;
    const QByteArray declared = request.header("Content-Length");
    if (!declared.isEmpty()) {
        const qint64 n = declared.trimmed().toLongLong(&lengthOk);
        lengthOk = lengthOk && n <= MaxBodyBytes;
    }
    if (!lengthOk || request.body.size() > MaxBodyBytes) {
        reply(HttpResponse::error(413, u"PAYLOAD_TOO_LARGE"_s, tr("the request body is larger than 1 MiB")));
        return;
    }

    try {
        if (!chosen->authenticated) {
            chosen->publicHandler(request, std::move(reply));
            return;
        }
        if (!m_authenticator) {
            reply(HttpResponse::error(401, u"UNAUTHORIZED"_s, tr("authentication is not available")));
            return;
        }
        auto caller = m_authenticator(request);
        if (!caller) {
            reply(HttpResponse::fromError(caller.error()));
            return;
        }
        chosen->userHandler(request, *caller, std::move(reply));
    } catch (const std::exception &e) {
        qCCritical(lcApi) << "handler of" << chosen->pattern << "threw:" << e.what();
        // `reply` may have been moved into the handler already; the adapter answers at most once,
        // and a dropped reply only leaves this one client waiting.
    }
}

Result<QJsonObject> ApiRouter::jsonObject(const HttpRequest &request, bool emptyIsObject)
{
    if (request.body.trimmed().isEmpty()) {
        if (emptyIsObject)
            return QJsonObject();
        return Error::invalid(tr("the request body must be a JSON object"), u"INVALID_BODY"_s);
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
    if (err.error != QJsonParseError::NoError)
        return Error::invalid(tr("malformed JSON: %1 at offset %2").arg(err.errorString()).arg(err.offset), u"MALFORMED_JSON"_s);
    if (!doc.isObject())
        return Error::invalid(tr("the request body must be a JSON object"), u"INVALID_BODY"_s);
    return doc.object();
}

Result<int> ApiRouter::intParam(const HttpRequest &request, const QString &name, int defaultValue, int max)
{
    if (!request.query.hasQueryItem(name))
        return defaultValue;
    bool ok = false;
    const int v = request.query.queryItemValue(name).toInt(&ok);
    if (!ok || v < 0)
        return Error::invalid(tr("%1: must be a non-negative integer").arg(name));
    return std::min(v, max);
}

Result<ApiRouter::Page> ApiRouter::pageParams(const HttpRequest &request)
{
    auto limit = intParam(request, u"limit"_s, 50, 500);
    if (!limit)
        return limit.error();
    auto offset = intParam(request, u"offset"_s, 0, std::numeric_limits<int>::max());
    if (!offset)
        return offset.error();
    return Page{*limit, *offset};
}

QJsonObject ApiRouter::openApi(const QString &title, const QString &version) const
{
    QJsonObject paths;
    for (const auto &route : m_routes) {
        QString path;
        QJsonArray parameters;
        for (const auto &s : route.segments) {
            if (s.startsWith(u':')) {
                path += u"/{"_s + s.mid(1) + u'}';
                parameters.append(QJsonObject{{u"name"_s, s.mid(1)},
                                              {u"in"_s, u"path"_s},
                                              {u"required"_s, true},
                                              {u"schema"_s, QJsonObject{{u"type"_s, u"string"_s}}}});
            } else {
                path += u'/' + s;
            }
        }
        QJsonObject responses;
        for (int status : route.doc.statuses)
            responses.insert(QString::number(status), QJsonObject{{u"description"_s, route.doc.summary}});
        if (route.authenticated) {
            responses.insert(u"401"_s, QJsonObject{{u"description"_s, u"Missing or invalid API token"_s}});
            responses.insert(u"403"_s, QJsonObject{{u"description"_s, u"Role or workspace not allowed"_s}});
        }
        QJsonObject op{{u"summary"_s, route.doc.summary}, {u"responses"_s, responses}};
        if (!route.doc.tag.isEmpty())
            op.insert(u"tags"_s, QJsonArray{route.doc.tag});
        if (!parameters.isEmpty())
            op.insert(u"parameters"_s, parameters);
        if (route.doc.hasBody)
            op.insert(u"requestBody"_s,
                      QJsonObject{{u"content"_s,
                                   QJsonObject{{u"application/json"_s,
                                                QJsonObject{{u"schema"_s, QJsonObject{{u"type"_s, u"object"_s}}}}}}}});
        if (route.authenticated)
            op.insert(u"security"_s, QJsonArray{QJsonObject{{u"bearer"_s, QJsonArray()}}});
        else
            op.insert(u"security"_s, QJsonArray());
        QJsonObject item = paths.value(path).toObject();
        item.insert(QString::fromLatin1(route.method.toLower()), op);
        paths.insert(path, item);
    }
    return QJsonObject{
        {u"openapi"_s, u"3.0.3"_s},
        {u"info"_s, QJsonObject{{u"title"_s, title}, {u"version"_s, version}}},
        {u"paths"_s, paths},
        {u"components"_s,
         QJsonObject{{u"securitySchemes"_s,
                      QJsonObject{{u"bearer"_s, QJsonObject{{u"type"_s, u"http"_s}, {u"scheme"_s, u"bearer"_s}}}}}}},
    };
}

} // namespace Opbox
