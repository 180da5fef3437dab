// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/api/httptypes.h"
#include "engine/security/caller.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

namespace Opbox {

/**
 * Maps method + path pattern (`/api/pipelines/connections/:id`) to handlers, and adds what the
 * HTTP layer does not: 404/405 with `Allow`, 413 over 1 MiB, bearer authentication, the JSON
 * error envelope, and an OpenAPI document built from the routes themselves.
 */
class ApiRouter
{
public:
    static constexpr qsizetype MaxBodyBytes = 1024 * 1024;

    using PublicHandler = std::function<void(const HttpRequest &, HttpReply)>;
    using UserHandler = std::function<void(const HttpRequest &, const Caller &, HttpReply)>;
    using SyncUserHandler = std::function<HttpResponse(const HttpRequest &, const Caller &)>;
    using SyncPublicHandler = std::function<HttpResponse(const HttpRequest &)>;
    using Authenticator = std::function<Result<Caller>(const HttpRequest &)>;

    /** Documentation of one route for the OpenAPI document. */
    struct Doc
    {
        QString summary;
        QString tag;
        QList<int> statuses = {200};
        bool hasBody = false;
    };

    void setAuthenticator(Authenticator authenticator) { m_authenticator = std::move(authenticator); }

    void addPublic(const QByteArray &method, const QString &pattern, const Doc &doc, PublicHandler handler);
    void addPublic(const QByteArray &method, const QString &pattern, const Doc &doc, SyncPublicHandler handler);
    void add(const QByteArray &method, const QString &pattern, const Doc &doc, UserHandler handler);
    void add(const QByteArray &method, const QString &pattern, const Doc &doc, SyncUserHandler handler);

    void dispatch(HttpRequest request, HttpReply reply) const;

    [[nodiscard]] QJsonObject openApi(const QString &title, const QString &version) const;

    /** The body as a JSON object, or a 400 that says what is wrong with it. */
    [[nodiscard]] static Result<QJsonObject> jsonObject(const HttpRequest &request, bool emptyIsObject = false);
    /** A non-negative integer query parameter with a default and an upper bound, or a 400 naming it. */
    [[nodiscard]] static Result<int> intParam(const HttpRequest &request, const QString &name, int defaultValue, int max);

    /** Which page of a list a request asks for: `limit` (default 50, at most 500) and `offset`. */
    struct Page
    {
        int limit = 50;
        int offset = 0;
    };
    /** The `limit` and `offset` query parameters, or a 400 naming the bad one. */
    [[nodiscard]] static Result<Page> pageParams(const HttpRequest &request);

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        int literalCount = 0;
        bool authenticated = true;
        Doc doc;
        PublicHandler publicHandler;
        UserHandler userHandler;
    };
    void addRoute(Route route);
    [[nodiscard]] static bool match(const Route &route, const QStringList &segments, QHash<QString, QString> *params);

    QList<Route> m_routes;
    Authenticator m_authenticator;
};

} // namespace Opbox
