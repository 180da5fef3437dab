// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/foundationcontroller.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/api/apirouter.h"
#include "engine/services/connectionservice.h"
#include "engine/services/connectorservice.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/store/auditlog.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
/** 204 when the operation succeeded, else its error. */
HttpResponse respondEmpty(const Result<void> &result)
{
    return result ? HttpResponse::noContent() : HttpResponse::fromError(result.error());
}

/** The request's JSON body read as a ConnectionDraft, ConnectionChange or ConnectionProbe. */
template<typename T> Result<T> bodyAs(const HttpRequest &req)
{
    auto body = ApiRouter::jsonObject(req);
    if (!body)
        return body.error();
    return T::fromJson(*body);
}

HttpResponse respondConnection(const Engine &engine, const Result<ConnectionRecord> &result, int status = 200)
{
    if (!result)
        return HttpResponse::fromError(result.error());
    return HttpResponse::json(engine.connectionJson().toJson(*result), status);
}
} // namespace

void FoundationController::registerRoutes(ApiRouter &router, Engine &engine)
{
    router.addPublic("GET", u"/api/health"_s, {u"Liveness and version (no authentication)"_s, u"system"_s},
                     ApiRouter::SyncPublicHandler([&engine](const HttpRequest &) {
                         return HttpResponse::json(QJsonObject{{u"status"_s, u"ok"_s},
                                                               {u"version"_s, QStringLiteral(OPBOX_VERSION)},
                                                               {u"unlocked"_s, engine.isUnlocked()}});
                     }));

    // The OpenAPI document describes the router it is served by, so it cannot drift from the routes.
    router.addPublic("GET", u"/api/openapi.json"_s, {u"OpenAPI 3 document of every endpoint"_s, u"system"_s},
                     ApiRouter::SyncPublicHandler([&router](const HttpRequest &) {
                         return HttpResponse::json(router.openApi(u"Opbox Pipelines API"_s, QStringLiteral(OPBOX_VERSION)));
                     }));

    router.add("GET", u"/api/me"_s, {u"The caller, their workspaces and notification preferences"_s, u"identity"_s},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &, const Caller &caller) {
                   auto profile = engine.identity()->me(caller);
                   if (!profile)
                       return HttpResponse::fromError(profile.error());
                   return HttpResponse::json(profile->toJson());
               }));

    router.add("PUT", u"/api/me/notification-preferences"_s,
               {u"Set onSuccess and/or onFailure"_s, u"identity"_s, {200, 400}, true},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   auto body = ApiRouter::jsonObject(req);
                   if (!body)
                       return HttpResponse::fromError(body.error());
                   auto change = NotificationPreferencesChange::fromJson(*body);
                   if (!change)
                       return HttpResponse::fromError(change.error());
                   auto saved = engine.identity()->setNotificationPreferences(caller, *change);
                   if (!saved)
                       return HttpResponse::fromError(saved.error());
                   return HttpResponse::json(QJsonObject{{u"notificationPreferences"_s, saved->toJson()}});
               }));

    router.add("GET", u"/api/me/tokens"_s, {u"The caller's API tokens (never the token values)"_s, u"identity"_s},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &, const Caller &caller) {
                   auto tokens = engine.identity()->tokens(caller);
                   if (!tokens)
                       return HttpResponse::fromError(tokens.error());
                   QJsonArray out;
                   for (const auto &token : std::as_const(*tokens))
                       out.append(token.toJson());
                   return HttpResponse::json(QJsonObject{{u"tokens"_s, out}});
               }));

    router.add("DELETE", u"/api/me/tokens/:id"_s, {u"Revoke one of the caller's API tokens"_s, u"identity"_s, {204, 404}},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   return respondEmpty(engine.identity()->revokeToken(caller, req.param(u"id"_s)));
               }));

    router.add("GET", u"/api/workspace/members"_s, {u"Members of the active workspace"_s, u"identity"_s},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &, const Caller &caller) {
                   auto members = engine.identity()->members(caller);
                   if (!members)
                       return HttpResponse::fromError(members.error());
                   QJsonArray out;
                   for (const auto &member : std::as_const(*members))
                       out.append(member.toJson());
                   return HttpResponse::json(QJsonObject{{u"members"_s, out}});
               }));

    router.add("GET", u"/api/audit-log"_s, {u"Audit events of the workspace, newest first (ADMIN+)"_s, u"audit"_s},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   auto page = ApiRouter::pageParams(req);
                   if (!page)
                       return HttpResponse::fromError(page.error());
                   auto events = engine.audit()->list(caller, page->limit, page->offset, req.query.queryItemValue(u"action"_s));
                   if (!events)
                       return HttpResponse::fromError(events.error());
                   return HttpResponse::json(events->toJson());
               }));

    router.add("GET", u"/api/pipelines/connector-types"_s, {u"List available connector types"_s, u"connectors"_s},
               ApiRouter::SyncUserHandler([](const HttpRequest &, const Caller &) {
                   QJsonArray types;
                   for (const auto &info : ConnectorTypeRegistry::all())
                       types.append(info.toJson());
                   return HttpResponse::json(QJsonObject{{u"connectorTypes"_s, types}});
               }));
}

void ConnectionsController::registerRoutes(ApiRouter &router, Engine &engine)
{
    router.add("GET", u"/api/pipelines/connections"_s, {u"List connections in the active workspace"_s, u"connections"_s},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &, const Caller &caller) {
                   auto list = engine.connections()->list(caller);
                   if (!list)
                       return HttpResponse::fromError(list.error());
                   return HttpResponse::json(QJsonObject{{u"connections"_s, engine.connectionJson().toJson(*list)}});
               }));

    router.add("POST", u"/api/pipelines/connections"_s,
               {u"Create a connection (ADMIN+)"_s, u"connections"_s, {201, 400, 409}, true},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   if (auto ok = caller.require(Role::Admin); !ok)
                       return HttpResponse::fromError(ok.error());
                   auto draft = bodyAs<ConnectionDraft>(req);
                   if (!draft)
                       return HttpResponse::fromError(draft.error());
                   return respondConnection(engine, engine.connections()->create(caller, *draft), 201);
               }));

    router.add("GET", u"/api/pipelines/connections/:id"_s, {u"Get connection details"_s, u"connections"_s, {200, 404}},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   return respondConnection(engine, engine.connections()->record(caller, req.param(u"id"_s)));
               }));

    router.add("PUT", u"/api/pipelines/connections/:id"_s,
               {u"Update a connection (ADMIN+)"_s, u"connections"_s, {200, 400, 404}, true},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   if (auto ok = caller.require(Role::Admin); !ok)
                       return HttpResponse::fromError(ok.error());
                   auto change = bodyAs<ConnectionChange>(req);
                   if (!change)
                       return HttpResponse::fromError(change.error());
                   return respondConnection(engine, engine.connections()->update(caller, req.param(u"id"_s), *change));
               }));

    router.add("DELETE", u"/api/pipelines/connections/:id"_s, {u"Delete a connection (ADMIN+)"_s, u"connections"_s, {204, 404}},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   return respondEmpty(engine.connections()->remove(caller, req.param(u"id"_s)));
               }));
}

void ConnectorOperationsController::registerRoutes(ApiRouter &router, Engine &engine)
{
    // Provider calls take seconds: the handlers reply later, from the connector thread.
    // `{success, message}` for a test, with the connection's `status` for a check.
    auto replyWith = [](HttpReply reply) {
        return [reply = std::move(reply)](Result<ConnectorService::Answer> answer) {
            if (!answer)
                return reply(HttpResponse::fromError(answer.error()));
            QJsonObject object{{u"success"_s, answer->success}, {u"message"_s, answer->message}};
            if (!answer->status.isEmpty())
                object.insert(u"status"_s, answer->status);
            reply(HttpResponse::json(object));
        };
    };
    auto replyWithStreams = [](HttpReply reply) {
        return [reply = std::move(reply)](Result<QList<StreamSpec>> specs) {
            if (!specs)
                return reply(HttpResponse::fromError(specs.error()));
            QJsonArray streams;
            for (const StreamSpec &spec : std::as_const(*specs))
                streams.append(spec.toJson());
            reply(HttpResponse::json(QJsonObject{{u"streams"_s, streams}}));
        };
    };
    router.add("POST", u"/api/pipelines/connections/test"_s,
               {u"Test connection credentials without saving (ADMIN+)"_s, u"connections"_s, {200, 400}, true},
               ApiRouter::UserHandler([&engine, replyWith](const HttpRequest &req, const Caller &caller, HttpReply reply) {
                   if (auto ok = caller.require(Role::Admin); !ok)
                       return reply(HttpResponse::fromError(ok.error()));
                   auto probe = bodyAs<ConnectionProbe>(req);
                   if (!probe)
                       return reply(HttpResponse::fromError(probe.error()));
                   engine.connectorService()->test(caller, *probe, nullptr, replyWith(std::move(reply)));
               }));
    router.add("POST", u"/api/pipelines/connections/:id/check"_s,
               {u"Check connection health; updates its status (ADMIN+)"_s, u"connections"_s, {200, 404}},
               ApiRouter::UserHandler([&engine, replyWith](const HttpRequest &req, const Caller &caller, HttpReply reply) {
                   engine.connectorService()->check(caller, req.param(u"id"_s), nullptr, replyWith(std::move(reply)));
               }));
    router.add("POST", u"/api/pipelines/connections/:id/discover"_s,
               {u"Discover available data streams (ADMIN+)"_s, u"connections"_s, {200, 404, 502}},
               ApiRouter::UserHandler([&engine, replyWithStreams](const HttpRequest &req, const Caller &caller, HttpReply reply) {
                   engine.connectorService()->discover(caller, req.param(u"id"_s), nullptr, replyWithStreams(std::move(reply)));
               }));
}

} // namespace Opbox
