// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Opbox {

class ApiRouter;
class Engine;

/** REST routes of connector manifests: the format's JSON Schema, list, get, validate, install, remove, test-read. */
class ConnectorManifestsController
{
public:
    static void registerRoutes(ApiRouter &router, Engine &engine);
};

} // namespace Opbox
