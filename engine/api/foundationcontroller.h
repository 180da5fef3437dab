// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Opbox {

class ApiRouter;
class Engine;

/** REST routes of identity and the installation: health, OpenAPI, me, members, audit log, connector types. */
class FoundationController
{
public:
    static void registerRoutes(ApiRouter &router, Engine &engine);
};

/** REST routes that create, read, update and delete connections. */
class ConnectionsController
{
public:
    static void registerRoutes(ApiRouter &router, Engine &engine);
};

/** REST routes that reach the provider: test credentials, check a connection, discover its streams. */
class ConnectorOperationsController
{
public:
    static void registerRoutes(ApiRouter &router, Engine &engine);
};

} // namespace Opbox
