// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/triggerscontroller.h"
#include "base/ids.h"
#include "engine/api/apirouter.h"
#include "engine/api/apiserver.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/messagingwebhookservice.h"
#include "engine/services/triggerservice.h"
#include "engine/services/variantservice.h"
#include "engine/services/webhookservice.h"
#include "engine/store/settingsstore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("TriggersController", s);
}

/** `{"success":true,"messages":n,"statuses":m,"skipped":k}`, with `created`/`updated` once rows were written. */
HttpResponse respond(const Result<MessagingDelivery> &result)
{
    if (!result)
        return HttpResponse::fromError(result.error());
    QJsonObject answer{{u"success"_s, true},
                       {u"messages"_s, double(result->messages)},
                       {u"statuses"_s, double(result->statuses)},
                       {u"skipped"_s, double(result->skipped)}};
    if (result->stored) {
        answer.insert(u"created"_s, double(result->created));
        answer.insert(u"updated"_s, double(result->updated));
    }
    return HttpResponse::json(answer, 200);
}

/** 202 either way: a call that finds a run already active is covered by it, so it did not fail. */
HttpResponse respond(const Result<WebhookTriggerOutcome> &result)
{
    if (!result)
        return HttpResponse::fromError(result.error());
    const QString message = result->alreadyRunning ? tr("Sync already in progress") : tr("Sync triggered");
    return HttpResponse::json(QJsonObject{{u"success"_s, true}, {u"message"_s, message}}, 202);
}

/** A 429 says when to come back. */
template<typename T> HttpResponse withRetryAfter(HttpResponse response, const Result<T> &result)
{
    if (!result && result.error().kind == Error::Kind::RateLimited)
        response.withHeader("Retry-After", QByteArray::number(result.error().extra.value(u"retryAfter"_s).toInt()));
    return response;
}

HttpResponse locked()
{
    return HttpResponse::error(503, u"LOCKED"_s, tr("the engine is locked; unlock it first"));
}

/** Compares the bearer credential with the cron secret without leaking how much of it matched. */
bool cronSecretMatches(const QByteArray &authorization, const QString &secret)
{
    static const QByteArray scheme = "bearer ";
    QByteArray given;
    if (authorization.size() > scheme.size() && authorization.left(scheme.size()).toLower() == scheme)
        given = authorization.mid(scheme.size()).trimmed();
    return Ids::sameSecret(given, secret.toUtf8());
}

} // namespace

void TriggersController::registerRoutes(ApiRouter &router, Engine &engine, const ApiServer &server)
{
    router.addPublic("GET", u"/api/pipelines/cron"_s,
                     {u"Trigger scheduled syncs (Authorization: Bearer <cron secret>)"_s, u"triggers"_s, {200, 401}},
                     ApiRouter::SyncPublicHandler([&engine](const HttpRequest &req) {
                         if (!engine.triggers())
                             return locked();
                         if (!cronSecretMatches(req.header("Authorization"), engine.settings()->cronSecret()))
                             return HttpResponse::error(401, u"UNAUTHORIZED"_s,
                                                        tr("the cron endpoint needs Authorization: Bearer <cron secret>"));
                         auto due = engine.triggers()->runDue();
                         if (!due)
                             return HttpResponse::fromError(due.error());
                         return HttpResponse::json(QJsonObject{{u"triggered"_s, int(due->triggered.size())},
                                                               {u"skipped"_s, due->skipped},
                                                               {u"connections"_s, QJsonArray::fromStringList(due->triggered)}});
                     }));

    router.add("POST", u"/api/pipelines/run-all"_s,
               {u"Trigger a sync of every enabled connection in the workspace (ADMIN+)"_s, u"triggers"_s, {201, 403}},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &, const Caller &caller) {
                   if (!engine.triggers())
                       return locked();
                   auto started = engine.triggers()->runAll(caller);
                   if (!started)
                       return HttpResponse::fromError(started.error());
                   return HttpResponse::json(QJsonObject{{u"runIds"_s, QJsonArray::fromStringList(started->runIds)},
                                                         {u"count"_s, int(started->runIds.size())},
                                                         {u"message"_s, started->message}},
                                             201);
               }));

    router.addPublic("POST", u"/api/pipelines/webhook/:token"_s,
                     {u"Trigger a sync of the token's connection (no authentication: the token is the credential); "
                      u"?streams=a,b limits the run to those streams; on a MESSAGING connection, store a signed "
                      u"WhatsApp delivery (200)"_s,
                      u"triggers"_s,
                      {200, 202, 400, 401, 404, 409, 429}},
                     ApiRouter::PublicHandler([&engine](const HttpRequest &req, HttpReply reply) {
                         if (!engine.webhooks()) {
                             reply(locked());
                             return;
                         }
                         // Inbound messages are data, not a trigger: written off this thread.
                         if (MessagingWebhookService *inbound = engine.messagingWebhooks()) {
                             if (auto connection = inbound->receivingConnection(req.param(u"token"_s))) {
                                 inbound->receive(*connection, req.body, req.headers, [reply](Result<MessagingDelivery> result) {
                                     reply(withRetryAfter(respond(result), result));
                                 });
                                 return;
                             }
                         }
                         // Only the query names streams: the body is the calling service's own payload.
                         QStringList streams;
                         for (const QString &name : req.query.queryItemValue(u"streams"_s, QUrl::FullyDecoded).split(u',')) {
                             if (!name.trimmed().isEmpty())
                                 streams.append(name.trimmed());
                         }
                         auto result = engine.webhooks()->trigger(req.param(u"token"_s), req.remoteAddress, streams);
                         reply(withRetryAfter(respond(result), result));
                     }));

    router.addPublic("GET", u"/api/pipelines/webhook/:token"_s,
                     {u"WhatsApp webhook verification of a MESSAGING connection: answers hub.challenge as text when "
                      u"hub.verify_token matches"_s,
                      u"triggers"_s,
                      {200, 403, 404, 405}},
                     ApiRouter::SyncPublicHandler([&engine](const HttpRequest &req) {
                         if (!engine.webhooks() || !engine.messagingWebhooks())
                             return locked();
                         const auto connection = engine.messagingWebhooks()->receivingConnection(req.param(u"token"_s));
                         if (!connection) {
                             // A trigger token (or none): this URL only takes POST then.
                             if (!engine.webhooks()->connectionForToken(req.param(u"token"_s)))
                                 return HttpResponse::error(404, u"NOT_FOUND"_s, tr("unknown webhook"));
                             return HttpResponse::error(405, u"METHOD_NOT_ALLOWED"_s, tr("this webhook only takes POST"))
                                 .withHeader("Allow", "POST");
                         }
                         auto challenge = engine.messagingWebhooks()->verify(*connection, req.query);
                         if (!challenge)
                             return withRetryAfter(HttpResponse::fromError(challenge.error()), challenge);
                         HttpResponse response = HttpResponse::text(*challenge, 200);
                         response.withHeader("Cache-Control", "no-store").withHeader("X-Content-Type-Options", "nosniff");
                         return response;
                     }));

    router.add("POST", u"/api/pipelines/connections/:id/webhook-url"_s,
               {u"Reveal the webhook URL (ADMIN+, audit-logged as VIEW_SECRET)"_s, u"triggers"_s, {200, 403, 404}},
               ApiRouter::SyncUserHandler([&engine, &server](const HttpRequest &req, const Caller &caller) {
                   if (!engine.webhooks())
                       return locked();
                   auto revealed = engine.webhooks()->reveal(caller, req.param(u"id"_s), server.publicUrl());
                   if (!revealed)
                       return HttpResponse::fromError(revealed.error());
                   HttpResponse response = HttpResponse::json(QJsonObject{{u"webhookUrl"_s, revealed->url},
                                                                          {u"tokenPrefix"_s, revealed->tokenPrefix},
                                                                          {u"curlExample"_s, revealed->curlExample}});
                   // The URL is a credential: no cache along the way may keep it.
                   response.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
                   return response;
               }));

    router.add("POST", u"/api/pipelines/connections/:id/variants"_s,
               {u"Create a variant connection (ADMIN+)"_s, u"connections"_s, {201, 400, 403, 404, 409}, true},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   if (!engine.variants())
                       return locked();
                   if (auto ok = caller.require(Role::Admin); !ok)
                       return HttpResponse::fromError(ok.error());
                   auto body = ApiRouter::jsonObject(req, true);
                   if (!body)
                       return HttpResponse::fromError(body.error());
                   // An unknown source answers 404 whatever the fields of the body are.
                   if (auto source = engine.connections()->record(caller, req.param(u"id"_s)); !source)
                       return HttpResponse::fromError(source.error());
                   auto request = VariantRequest::fromJson(*body);
                   if (!request)
                       return HttpResponse::fromError(request.error());
                   auto created = engine.variants()->create(caller, req.param(u"id"_s), *request);
                   if (!created)
                       return HttpResponse::fromError(created.error());
                   QJsonObject object = engine.connectionJson().toJson(created->connection);
                   object.insert(u"webhookToken"_s, created->webhookToken);
                   HttpResponse response = HttpResponse::json(object, 201);
                   response.withHeader("Cache-Control", "no-store");
                   return response;
               }));
}

} // namespace Opbox
