// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>
#include <optional>

namespace Opbox {

/**
 * One provider's OAuth 2.0 facts, read from `connectors/<provider>/oauth.json`:
 * the authorize, token and account-discovery endpoints and which config key may move each of them
 * to another host, the scopes, and how long an access token lives when the provider does not say.
 * Both the engine's authorization flow and the connector runtime's token refresh read it, so the
 * two can never disagree about where the token endpoint is.
 */
class OAuthProfile
{
public:
    /** How a provider tells which organisation or account the token may reach. */
    enum class Discovery {
        None,
        XeroConnections, // GET <origin of baseUrl>/connections → tenantId
        DocuSignUserInfo, // GET <auth host>/oauth/userinfo → accountId, base_uri
    };

    /** An endpoint and the config key whose URL replaces its origin. */
    struct Endpoint
    {
        enum class Override {
            None,
            AuthBaseUrl, // config.authBaseUrl replaces the origin (its path, if any, is prefixed)
            BaseUrlOrigin, // the origin of config.baseUrl replaces the origin
        };
        QUrl url;
        Override override = Override::None;
    };

    QString type; // ACCOUNTING
    QString provider; // Xero
    Endpoint authorize;
    Endpoint token;
    Endpoint discoveryEndpoint;
    Discovery discovery = Discovery::None;
    QStringList scopes;
    QList<QPair<QString, QString>> authorizeParams; // fixed extra parameters of the authorize URL
    int defaultTokenLifetimeSeconds = 3600; // when a token response has no expires_in
    int refreshMarginSeconds = 120; // refresh this long before the token expires

    [[nodiscard]] QUrl authorizeUrl(const QJsonObject &config) const { return resolve(authorize, config); }
    [[nodiscard]] QUrl tokenUrl(const QJsonObject &config) const { return resolve(token, config); }
    [[nodiscard]] QUrl discoveryUrl(const QJsonObject &config) const { return resolve(discoveryEndpoint, config); }
    /** `config.scopes` (a space-separated string or an array) when set, else the profile's. */
    [[nodiscard]] QStringList scopesFor(const QJsonObject &config) const;

    /** Parses a profile; an Invalid error naming the problem when it is not valid. */
    [[nodiscard]] static Result<OAuthProfile> parse(const QByteArray &json);
    /** The embedded profile of an OAuth connector type, parsed once per process; nullptr when there is none. */
    [[nodiscard]] static std::shared_ptr<const OAuthProfile> forType(const QString &type);

private:
    [[nodiscard]] static QUrl resolve(const Endpoint &endpoint, const QJsonObject &config);
};

} // namespace Opbox
