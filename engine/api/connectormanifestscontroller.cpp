// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/connectormanifestscontroller.h"

#include "connectors/runtime/manifestvalidator.h"
#include "engine/api/apirouter.h"
#include "engine/api/httptypes.h"
#include "engine/services/connectormanifestservice.h"
#include "engine/services/engine.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Opbox {

void ConnectorManifestsController::registerRoutes(ApiRouter &router, Engine &engine)
{
    router.addPublic(
        "GET", u"/api/pipelines/connector-manifest.schema.json"_s,
        {u"JSON Schema (draft 2020-12) of connector manifests"_s, u"connectors"_s},
        ApiRouter::SyncPublicHandler([](const HttpRequest &) { return HttpResponse::json(ManifestValidator::schema()); }));

    router.add("GET", u"/api/pipelines/connector-manifests"_s,
               {u"Connector manifests, built-in and user, with the problems of broken ones"_s, u"connectors"_s},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &, const Caller &caller) {
                   auto list = engine.connectorManifests()->list(caller);
                   if (!list)
                       return HttpResponse::fromError(list.error());
                   QJsonArray out;
                   for (const auto &entry : *list)
                       out.append(entry.toJson());
                   return HttpResponse::json(QJsonObject{{u"manifests"_s, out}});
               }));

    router.add("GET", u"/api/pipelines/connector-manifests/:type"_s,
               {u"The manifest of a connector type"_s, u"connectors"_s, {200, 404}},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   auto manifest = engine.connectorManifests()->get(caller, req.param(u"type"_s));
                   if (!manifest)
                       return HttpResponse::fromError(manifest.error());
                   return HttpResponse::json(*manifest);
               }));

    router.add("POST", u"/api/pipelines/connector-manifests/validate"_s,
               {u"Validate a manifest; problems at JSON pointers (ADMIN+)"_s, u"connectors"_s, {200, 400}, true},
               ApiRouter::UserHandler([&engine](const HttpRequest &req, const Caller &caller, HttpReply reply) {
                   auto body = ApiRouter::jsonObject(req);
                   if (!body)
                       return reply(HttpResponse::fromError(body.error()));
                   engine.connectorManifests()->validateAsync(
                       caller, *body, nullptr, [reply = std::move(reply)](Result<ConnectorManifestService::Validation> r) {
                           reply(r ? HttpResponse::json(r->toJson()) : HttpResponse::fromError(r.error()));
                       });
               }));

    router.add("PUT", u"/api/pipelines/connector-manifests/:type"_s,
               {u"Install or replace a user connector type (OWNER)"_s, u"connectors"_s, {200, 400, 409}, true},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   auto body = ApiRouter::jsonObject(req);
                   if (!body)
                       return HttpResponse::fromError(body.error());
                   auto entry = engine.connectorManifests()->install(caller, req.param(u"type"_s), *body);
                   if (!entry)
                       return HttpResponse::fromError(entry.error());
                   return HttpResponse::json(entry->toJson());
               }));

    router.add("DELETE", u"/api/pipelines/connector-manifests/:type"_s,
               {u"Remove a user connector type (OWNER)"_s, u"connectors"_s, {204, 404, 409}},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   auto removed = engine.connectorManifests()->remove(caller, req.param(u"type"_s));
                   if (!removed)
                       return HttpResponse::fromError(removed.error());
                   return HttpResponse::noContent();
               }));

    router.add(
        "POST", u"/api/pipelines/connector-manifests/test-read"_s,
        {u"Read a few pages of a manifest's streams without storing anything (ADMIN+)"_s, u"connectors"_s, {200, 400}, true},
        ApiRouter::UserHandler([&engine](const HttpRequest &req, const Caller &caller, HttpReply reply) {
            auto body = ApiRouter::jsonObject(req);
            if (!body)
                return reply(HttpResponse::fromError(body.error()));
            auto request = ConnectorManifestService::TestReadRequest::fromJson(*body);
            if (!request)
                return reply(HttpResponse::fromError(request.error()));
            engine.connectorManifests()->testRead(
                caller, *request, nullptr, [reply = std::move(reply)](Result<QList<ManifestTestRead::Stream>> r) {
                    reply(r ? HttpResponse::json(ManifestTestRead::toJson(*r)) : HttpResponse::fromError(r.error()));
                });
        }));
}

} // namespace Opbox
