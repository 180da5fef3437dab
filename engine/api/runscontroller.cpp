// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/runscontroller.h"
#include "engine/api/apirouter.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/notificationservice.h"
#include "engine/services/runservice.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("RunsController", s);
}

HttpResponse respond(const Result<RunRecord> &run, int status = 200)
{
    if (!run)
        return HttpResponse::fromError(run.error());
    return HttpResponse::json(run->toJson(), status);
}

HttpResponse respond(const Result<RunPage> &page)
{
    if (!page)
        return HttpResponse::fromError(page.error());
    return HttpResponse::json(page->toJson());
}

HttpResponse locked()
{
    return HttpResponse::error(503, u"LOCKED"_s, tr("the engine is locked; unlock it first"));
}

} // namespace

void RunsController::registerRoutes(ApiRouter &router, Engine &engine)
{
    router.add("POST", u"/api/pipelines/connections/:id/runs"_s,
               {u"Trigger a sync run (MEMBER+); optional {\"streams\": [...]}"_s, u"runs"_s, {202, 400, 404, 409}, true},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   RunService *runs = engine.runs();
                   if (!runs)
                       return locked();
                   if (auto ok = caller.require(Role::Member); !ok)
                       return HttpResponse::fromError(ok.error());
                   auto body = ApiRouter::jsonObject(req, true);
                   if (!body)
                       return HttpResponse::fromError(body.error());
                   QStringList streams;
                   for (auto it = body->begin(); it != body->end(); ++it) {
                       if (it.key() != u"streams"_s)
                           return HttpResponse::fromError(
                               Error::invalid(tr("%1: unknown field (expected streams)").arg(it.key().left(64))));
                   }
                   const QJsonValue value = body->value(u"streams"_s);
                   if (!value.isUndefined() && !value.isNull()) {
                       if (!value.isArray())
                           return HttpResponse::fromError(Error::invalid(tr("streams: must be an array of stream names")));
                       for (const auto &s : value.toArray()) {
                           if (!s.isString() || s.toString().isEmpty())
                               return HttpResponse::fromError(Error::invalid(tr("streams: must be an array of stream names")));
                           streams.append(s.toString());
                       }
                   }
                   return respond(runs->trigger(caller, req.param(u"id"_s), streams, RunTrigger::Manual), 202);
               }));

    router.add("GET", u"/api/pipelines/connections/:id/runs"_s,
               {u"List sync runs, newest first (limit, offset)"_s, u"runs"_s, {200, 400, 404}},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   RunService *runs = engine.runs();
                   if (!runs)
                       return locked();
                   auto page = ApiRouter::pageParams(req);
                   if (!page)
                       return HttpResponse::fromError(page.error());
                   return respond(runs->list(caller, req.param(u"id"_s), page->limit, page->offset));
               }));

    router.add("GET", u"/api/pipelines/connections/:id/runs/:runId"_s,
               {u"One sync run with live progress"_s, u"runs"_s, {200, 404}},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   RunService *runs = engine.runs();
                   if (!runs)
                       return locked();
                   return respond(runs->get(caller, req.param(u"id"_s), req.param(u"runId"_s)));
               }));

    router.add("POST", u"/api/pipelines/connections/:id/runs/:runId"_s,
               {u"Stop a running sync (MEMBER+)"_s, u"runs"_s, {200, 404, 409}},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   RunService *runs = engine.runs();
                   if (!runs)
                       return locked();
                   return respond(runs->stop(caller, req.param(u"id"_s), req.param(u"runId"_s)));
               }));

    router.add("PATCH", u"/api/pipelines/connections/:id"_s,
               {u"Reset sync cursor (ADMIN+): {stream, cursor}"_s, u"runs"_s, {200, 400, 404, 409}, true},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   RunService *runs = engine.runs();
                   if (!runs)
                       return locked();
                   if (auto ok = caller.require(Role::Admin); !ok)
                       return HttpResponse::fromError(ok.error());
                   auto body = ApiRouter::jsonObject(req);
                   if (!body)
                       return HttpResponse::fromError(body.error());
                   // An unknown connection answers 404 whatever the fields of the body are.
                   if (auto connection = engine.connections()->record(caller, req.param(u"id"_s)); !connection)
                       return HttpResponse::fromError(connection.error());
                   auto reset = CursorReset::fromJson(*body);
                   if (!reset)
                       return HttpResponse::fromError(reset.error());
                   auto outcome = runs->resetCursor(caller, req.param(u"id"_s), *reset);
                   if (!outcome)
                       return HttpResponse::fromError(outcome.error());
                   return HttpResponse::json(
                       QJsonObject{{u"success"_s, true}, {u"syncState"_s, outcome->syncState}, {u"message"_s, outcome->message}});
               }));

    router.add("GET", u"/api/notifications"_s, {u"The caller's notifications, newest first"_s, u"notifications"_s, {200, 400}},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   NotificationService *notifications = engine.notifications();
                   if (!notifications)
                       return locked();
                   auto limit = ApiRouter::intParam(req, u"limit"_s, 100, 500);
                   if (!limit)
                       return HttpResponse::fromError(limit.error());
                   const QString unread = req.query.queryItemValue(u"unread"_s);
                   auto list = notifications->list(caller, *limit, unread == u"true"_s || unread == u"1"_s);
                   if (!list)
                       return HttpResponse::fromError(list.error());
                   QJsonArray out;
                   for (const auto &notification : std::as_const(*list))
                       out.append(notification.toJson());
                   return HttpResponse::json(QJsonObject{{u"notifications"_s, out}});
               }));

    router.add("POST", u"/api/notifications/:id/read"_s, {u"Mark one notification read"_s, u"notifications"_s, {200, 404}},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &req, const Caller &caller) {
                   NotificationService *notifications = engine.notifications();
                   if (!notifications)
                       return locked();
                   auto notification = notifications->markRead(caller, req.param(u"id"_s));
                   if (!notification)
                       return HttpResponse::fromError(notification.error());
                   return HttpResponse::json(notification->toJson());
               }));

    router.add("POST", u"/api/notifications/read-all"_s, {u"Mark all of the caller's notifications read"_s, u"notifications"_s},
               ApiRouter::SyncUserHandler([&engine](const HttpRequest &, const Caller &caller) {
                   NotificationService *notifications = engine.notifications();
                   if (!notifications)
                       return locked();
                   auto n = notifications->markAllRead(caller);
                   if (!n)
                       return HttpResponse::fromError(n.error());
                   return HttpResponse::json(QJsonObject{{u"success"_s, true}, {u"updated"_s, *n}});
               }));
}

} // namespace Opbox
