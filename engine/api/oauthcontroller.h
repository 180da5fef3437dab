// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Opbox {

class ApiRouter;
class ApiServer;
class Engine;

/**
 * REST routes of the OAuth flow: authorize, the browser's
 * callback (answered with a small HTML page) and the manual code exchange. The redirect URI is
 * built from the server's public URL.
 */
class OAuthController
{
public:
    static void registerRoutes(ApiRouter &router, Engine &engine, const ApiServer &server);

    /** The page the browser shows after the callback: success, or the reason it failed. */
    [[nodiscard]] static QString page(bool success, const QString &message);
};

} // namespace Opbox
