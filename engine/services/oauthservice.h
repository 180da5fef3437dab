// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"
#include "engine/services/connectionjson.h"
#include "engine/services/networkthread.h"
#include "engine/services/oauthrequests.h"
#include "engine/store/oauthstatestore.h"

#include <QCoroTask>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

namespace Opbox {

class AuditLog;
class ConnectionService;
class Database;
class Vault;
struct ConnectorTypeInfo;

/** A started authorization: where the browser signs in, and the connection it is for. */
struct OAuthAuthorization
{
    QString connectionId;
    QUrl authorizeUrl;
    /** The redirect URI the state is bound to, as the provider must see it. */
    QString redirectUri;
    /** When the state stops being accepted. */
    QDateTime expiresAt;

    /** The `POST oauth/:connector/authorize` answer `{authorizeUrl, connectionId, redirectUri, expiresAt}`. */
    [[nodiscard]] QJsonObject toJson() const;
};

/** A completed authorization: the connection is CONNECTED with its tokens in the vault. */
struct OAuthConnected
{
    QString connectionId;
    /** For the user: the provider and, when known, the account that was connected. */
    QString message;
    /** The streams the provider offers with the tokens, as the connector describes them. */
    QJsonArray streams;
    /** The connection object as the API writes it; null when the connection could not be read back. */
    QJsonValue connection;

    /** The answer `{success, connectionId, status, message, streams, connection}`. */
    [[nodiscard]] QJsonObject toJson() const;
};

/**
 * The OAuth 2.0 authorization code flow with PKCE for the OAuth connector types: `authorize`
 * creates the DISCONNECTED connection and the signed, single-use state; the provider's redirect
 * (`completeCallback`) or a pasted code (`exchange`) is exchanged for tokens, which go to the vault
 * before anything uses them; then the provider's account discovery and the connector's stream
 * discovery run and the connection becomes CONNECTED. Any rejection leaves the connection
 * DISCONNECTED with the reason as its status message.
 *
 * Provider calls run on the service's own thread with its own network manager, so neither the API
 * thread nor the GUI waits on a provider. Results arrive through `Done`, on the thread of `context`
 * when one is given (the GUI), else on the OAuth thread (the API's reply is thread-safe).
 */
class OAuthService : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<OAuthConnected>)>;

    /** `connectionJson` writes the connection object that a completed authorization answers with. */
    OAuthService(Database *metadata, const Vault *vault, ConnectionService *connections, ConnectionJson connectionJson,
                 AuditLog *audit, QObject *parent = nullptr);
    ~OAuthService() override;

    /**
     * `POST oauth/:connector/authorize` (ADMIN+): creates the request's connection, or with its
     * `connectionId` set re-authorizes an existing one, and issues the state for the provider's
     * sign-in. `publicUrl` is the base of the redirect URI.
     */
    [[nodiscard]] Result<OAuthAuthorization> authorize(const Caller &caller, const QString &connector,
                                                       const OAuthAuthorizeRequest &request, const QUrl &publicUrl);
    /** `GET oauth/:connector/callback?code&state` or `?error&state`: no caller, the state is the credential. */
    void completeCallback(const QString &connector, const QUrlQuery &query, const QString &ip, QObject *context, Done done);
    /** `POST oauth/:connector/exchange` (ADMIN+): a pasted code, the manual paste flow. */
    void exchange(const Caller &caller, const QString &connector, const OAuthExchangeRequest &request, QObject *context,
                  Done done);

    /** The redirect URI a provider sends the browser back to: `<publicUrl>/api/pipelines/oauth/<connector>/callback`. */
    [[nodiscard]] static QUrl redirectUri(const QUrl &publicUrl, const QString &connector);
    /**
     * The spelling of `type` that the desktop app puts into OAuth URLs (`ACCOUNTING` → `accounting`,
     * `DOC_SIGNING` → `doc-signing`): the provider compares redirect URIs exactly, so the app always
     * uses one spelling, the one it shows the user to register.
     */
    [[nodiscard]] static QString pathSegment(const QString &type);
    /** The OAuth connector type a `:connector` path segment names (`accounting`, `DOC_SIGNING`, `doc-signing`). */
    [[nodiscard]] static Result<const ConnectorTypeInfo *> oauthType(const QString &connector);

    /** The state store (tests move its clock to expire states). */
    [[nodiscard]] OAuthStateStore &states() { return m_states; }

Q_SIGNALS:
    /** A connection received its tokens and is CONNECTED (a trigger may start its first sync). */
    void connectionAuthorized(const QString &workspaceId, const QString &connectionId);

private:
    struct Completion
    {
        PendingAuthorization pending;
        QString code;
        Caller actor;
        QString via; // callback | exchange
    };

    [[nodiscard]] QCoro::Task<void> complete(Completion completion, QPointer<QObject> context, bool hadContext, Done done);
    [[nodiscard]] QCoro::Task<Result<OAuthConnected>> runCompletion(Completion completion);
    /** Records why an authorization failed, unless the connection is CONNECTED (a replay must not break it). */
    void recordFailure(const QString &connectionId, const QString &reason);
    [[nodiscard]] Error rejection(const OAuthStateStore::Check &check);

    ConnectionService *m_connections;
    ConnectionJson m_connectionJson;
    AuditLog *m_audit;
    OAuthStateStore m_states;
    NetworkThread m_thread;
};

} // namespace Opbox
