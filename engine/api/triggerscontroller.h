// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Opbox {

class ApiRouter;
class ApiServer;
class Engine;

/** REST routes that start syncs without a per-connection call, and variants: cron, run-all, webhooks, webhook reveal, variants. */
class TriggersController
{
public:
    /** `server` supplies the public URL that webhook URLs are built on, read at request time. */
    static void registerRoutes(ApiRouter &router, Engine &engine, const ApiServer &server);
};

} // namespace Opbox
