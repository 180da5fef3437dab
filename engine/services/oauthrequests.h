// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace Opbox {

/**
 * What an OAuth authorization is started for: with `connectionId` set, an existing connection
 * signs in again; otherwise a connection is created. A `POST oauth/:connector/authorize` body
 * reads into one.
 */
struct OAuthAuthorizeRequest
{
    /** Set: authorize this connection again. */
    std::optional<QString> connectionId;
    /** Unset when signing in again: the stored client id is kept. A new connection needs one. */
    std::optional<QString> clientId;
    /** Unset when signing in again: the stored client secret is kept. A new connection needs one. */
    std::optional<QString> clientSecret;
    /** The name of the connection to create. */
    QString connectionName;
    /** A new connection's config; when signing in again, a patch in which a null value clears a key. */
    QJsonObject config;
    /** A new connection's `{enabled?, frequency?}`, applied to the default schedule. */
    QJsonObject schedule;
    /** Who a new connection tells about runs; empty means every workspace member. */
    QStringList notifyUserIds;

    /**
     * Reads a `POST oauth/:connector/authorize` body; call it once the caller and the connector
     * are known to be acceptable, because those are answered first. A body with several problems
     * is answered with the same first problem as the service reports when it checks the rest: so
     * only the fields, the config's shape and what creating a connection needs are checked here,
     * while the fields of a re-authorization, which come after reading the stored connection, are
     * taken as they are (a value that is not a string reads as empty, which the service rejects).
     */
    [[nodiscard]] static Result<OAuthAuthorizeRequest> fromJson(const QJsonObject &body);
};

/** A pasted authorization code to exchange for tokens; a `POST oauth/:connector/exchange` body reads into one. */
struct OAuthExchangeRequest
{
    QString connectionId;
    QString code;
    /** Empty: the latest state issued for the connection. */
    QString state;

    /** Reads a `POST oauth/:connector/exchange` body, once the caller and the connector are acceptable. */
    [[nodiscard]] static Result<OAuthExchangeRequest> fromJson(const QJsonObject &body);
};

/**
 * `value` trimmed, or why it is not acceptable as the text of `field`: an OAuth request's
 * identifiers and secrets must be non-empty and at most `maxLength` characters.
 */
[[nodiscard]] Result<QString> oauthRequiredText(const QString &field, const QString &value, int maxLength);

} // namespace Opbox
