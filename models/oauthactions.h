// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "models/newconnection.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <functional>

namespace Opbox {

class OwnerSession;

/**
 * What an OAuth sign-in is for: a connection to create (name and client credentials required) or,
 * with `connectionId` set, one to sign in again (empty client fields keep the stored ones).
 */
struct OAuthSignIn
{
    QString type; ///< the connector type (CRM_PLATFORM …)
    QString connectionId; ///< set: sign this connection in again
    QString name;
    QString clientId;
    QString clientSecret;
    /** Config values; a null value clears a stored one. */
    QJsonObject config;
    std::optional<ConnectionSchedule> schedule;
    /** Who is told about runs; empty means every workspace member. */
    QStringList notifyUserIds;
};

/** Where the browser goes to sign in, and the connection that sign-in is for. */
struct OAuthStart
{
    QString connectionId;
    QUrl authorizeUrl;
};

/**
 * The OAuth sign-in as the GUI drives it: ask the engine for the provider's sign-in address (which
 * creates or re-authorizes the connection), exchange a pasted code, and hear when the browser's
 * redirect has authorized a connection of the session's workspace.
 */
class OAuthActions : public QObject
{
    Q_OBJECT
public:
    using ExchangeDone = std::function<void(Result<void>)>;

    explicit OAuthActions(OwnerSession *session, QObject *parent = nullptr);

    /** Starts a sign-in; `publicUrl` is the base of the redirect URI. */
    [[nodiscard]] Result<OAuthStart> authorize(const OAuthSignIn &signIn, const QUrl &publicUrl);
    /** Exchanges a pasted authorization code for tokens; `done` runs on `context`'s thread. */
    void exchange(const QString &type, const QString &connectionId, const QString &code, QObject *context, ExchangeDone done);

    /** The address the provider sends the browser back to, to be registered with the OAuth app. */
    [[nodiscard]] static QUrl redirectUri(const QUrl &publicUrl, const QString &type);

Q_SIGNALS:
    /** The provider's redirect brought tokens for this connection; it is connected. */
    void connectionAuthorized(const QString &connectionId);

private:
    OwnerSession *m_session;
};

} // namespace Opbox
