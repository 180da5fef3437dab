// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/oauthcontroller.h"

#include "engine/api/apirouter.h"
#include "engine/api/apiserver.h"
#include "engine/services/engine.h"
#include "engine/services/oauthservice.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("OAuthController", s);
}

HttpResponse locked()
{
    return HttpResponse::error(503, u"LOCKED"_s, tr("the engine is locked; unlock it first"));
}

/** The browser page must not be cached, framed or leak the callback URL (with its code) as a referrer. */
HttpResponse browserPage(bool success, const QString &message)
{
    HttpResponse r = HttpResponse::html(OAuthController::page(success, message), success ? 200 : 400);
    r.withHeader("Cache-Control", "no-store")
        .withHeader("Referrer-Policy", "no-referrer")
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    return r;
}

/**
 * The checks the service makes before it reads a request, made before the body is read too, so
 * that a body with problems sent by a member or to an unknown connector is answered as such.
 */
Result<void> admitted(const Caller &caller, const QString &connector)
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    if (auto type = OAuthService::oauthType(connector); !type)
        return type.error();
    return {};
}

} // namespace

QString OAuthController::page(bool success, const QString &message)
{
    const QString title = success ? tr("Connected — you can close this window") : tr("Authorization failed");
    const QString hint = success ? tr("Opbox Pipelines has received the authorization.")
                                 : tr("Return to Opbox Pipelines and start the authorization again.");
    return u"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<title>Opbox Pipelines — %1</title>"
           "<style>body{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#222}"
           "h1{font-size:1.4em}.ok{color:#1a7f37}.error{color:#b42318}</style></head>"
           "<body><h1 class=\"%2\">%1</h1><p>%3</p><p>%4</p></body></html>\n"_s.arg(
               title.toHtmlEscaped(), success ? u"ok"_s : u"error"_s, message.toHtmlEscaped(), hint.toHtmlEscaped());
}

void OAuthController::registerRoutes(ApiRouter &router, Engine &engine, const ApiServer &server)
{
    const ApiServer *api = &server;
    router.add("POST", u"/api/pipelines/oauth/:connector/authorize"_s,
               {u"Start the OAuth flow (ADMIN+): creates a DISCONNECTED connection, returns {authorizeUrl, connectionId}"_s,
                u"oauth"_s,
                {200, 400, 403, 404},
                true},
               ApiRouter::SyncUserHandler([&engine, api](const HttpRequest &req, const Caller &caller) {
                   if (!engine.oauth())
                       return locked();
                   auto body = ApiRouter::jsonObject(req);
                   if (!body)
                       return HttpResponse::fromError(body.error());
                   const QString connector = req.param(u"connector"_s);
                   if (auto ok = admitted(caller, connector); !ok)
                       return HttpResponse::fromError(ok.error());
                   auto request = OAuthAuthorizeRequest::fromJson(*body);
                   if (!request)
                       return HttpResponse::fromError(request.error());
                   auto result = engine.oauth()->authorize(caller, connector, *request, api->publicUrl());
                   if (!result)
                       return HttpResponse::fromError(result.error());
                   return HttpResponse::json(result->toJson()).withHeader("Cache-Control", "no-store");
               }));

    // No API token here: the signed, single-use state is the credential.
    router.addPublic(
        "GET", u"/api/pipelines/oauth/:connector/callback"_s,
        {u"OAuth redirect target: validates the state, exchanges the code; answers an HTML page"_s, u"oauth"_s, {200, 400}},
        ApiRouter::PublicHandler([&engine](const HttpRequest &req, HttpReply reply) {
            if (!engine.oauth()) {
                reply(browserPage(false, tr("Opbox Pipelines is locked; unlock it and try again.")));
                return;
            }
            engine.oauth()->completeCallback(req.param(u"connector"_s), req.query, req.remoteAddress, nullptr,
                                             [reply](Result<OAuthConnected> result) {
                                                 if (result)
                                                     reply(browserPage(true, result->message));
                                                 else
                                                     reply(browserPage(false, result.error().message));
                                             });
        }));

    router.add("POST", u"/api/pipelines/oauth/:connector/exchange"_s,
               {u"Exchange a pasted authorization code (ADMIN+): {connectionId, code, state?}"_s,
                u"oauth"_s,
                {200, 400, 403, 404},
                true},
               ApiRouter::UserHandler([&engine](const HttpRequest &req, const Caller &caller, HttpReply reply) {
                   if (!engine.oauth()) {
                       reply(locked());
                       return;
                   }
                   auto body = ApiRouter::jsonObject(req);
                   if (!body) {
                       reply(HttpResponse::fromError(body.error()));
                       return;
                   }
                   const QString connector = req.param(u"connector"_s);
                   if (auto ok = admitted(caller, connector); !ok) {
                       reply(HttpResponse::fromError(ok.error()));
                       return;
                   }
                   auto request = OAuthExchangeRequest::fromJson(*body);
                   if (!request) {
                       reply(HttpResponse::fromError(request.error()));
                       return;
                   }
                   engine.oauth()->exchange(caller, connector, *request, nullptr, [reply](Result<OAuthConnected> result) {
                       if (result)
                           reply(HttpResponse::json(result->toJson()).withHeader("Cache-Control", "no-store"));
                       else
                           reply(HttpResponse::fromError(result.error()));
                   });
               }));
}

} // namespace Opbox
