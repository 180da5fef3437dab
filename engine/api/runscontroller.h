// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Opbox {

class ApiRouter;
class Engine;

/** REST routes of sync runs, the cursor reset (`PATCH connections/:id`) and notifications. */
class RunsController
{
public:
    static void registerRoutes(ApiRouter &router, Engine &engine);
};

} // namespace Opbox
