// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Opbox {

/**
 * The associated data that binds each sealed secret to the row it belongs to, so that a value
 * copied into another row does not decrypt there. Every place that seals or opens one uses these.
 */
namespace SecretBinding {
/** A connection's credentials. */
[[nodiscard]] inline QByteArray credentials(const QString &connectionId)
{
    return "credentials:" + connectionId.toUtf8();
}
/** A connection's webhook token. */
[[nodiscard]] inline QByteArray webhookToken(const QString &connectionId)
{
    return "webhook:" + connectionId.toUtf8();
}
/** The PKCE verifier of an OAuth flow. */
[[nodiscard]] inline QByteArray oauthVerifier(const QString &stateId)
{
    return "oauth-verifier:" + stateId.toUtf8();
}
/** A sealed installation setting (the key check, the cron secret), by its settings key. */
[[nodiscard]] inline QByteArray setting(const QString &key)
{
    return "settings:" + key.toUtf8();
}
} // namespace SecretBinding

} // namespace Opbox
