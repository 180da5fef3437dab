// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/oauthservice.h"

#include "base/ids.h"
#include "connectors/http/formencoding.h"
#include "connectors/oauth/oauthaccountdiscovery.h"
#include "connectors/oauth/oauthprofile.h"
#include "connectors/oauth/oauthtokenclient.h"
#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/enginelogging.h"
#include "engine/services/connectionoriginchange.h"
#include "engine/services/connectionservice.h"
#include "engine/store/auditlog.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <exception>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

/** RFC 7636 §4.2: BASE64URL-NOPAD(SHA256(ASCII(code_verifier))). */
QString pkceChallenge(const QString &verifier)
{
    return QString::fromLatin1(Ids::base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)));
}

/** Text a provider or a browser put into a callback URL: one short line, for a status message. */
QString shortText(const QString &text)
{
    QString out = text.simplified();
    if (out.size() > 200)
        out = out.left(200) + u"…"_s;
    return out;
}

} // namespace

OAuthService::OAuthService(Database *metadata, const Vault *vault, ConnectionService *connections, ConnectionJson connectionJson,
                           AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_connections(connections)
    , m_connectionJson(connectionJson)
    , m_audit(audit)
    , m_states(metadata, vault)
    , m_thread(u"opbox-oauth"_s)
{
}

OAuthService::~OAuthService() = default;

Result<const ConnectorTypeInfo *> OAuthService::oauthType(const QString &connector)
{
    static const QRegularExpression shape(u"^[A-Za-z][A-Za-z_-]{0,39}$"_s);
    const ConnectorTypeInfo *type = shape.match(connector).hasMatch() ? ConnectorTypeRegistry::findLoose(connector) : nullptr;
    if (!type) {
        QStringList oauthTypes;
        for (const auto &t : ConnectorTypeRegistry::all()) {
            if (t.isOAuth())
                oauthTypes.append(t.type);
        }
        return Error::notFound(tr("connector: unknown OAuth connector \"%1\" (OAuth connectors: %2)")
                                   .arg(connector.left(64), oauthTypes.join(u", "_s)));
    }
    if (!type->isOAuth())
        return Error::invalid(
            tr("connector: %1 does not use OAuth; create it with POST /api/pipelines/connections").arg(type->type),
            u"NOT_OAUTH"_s);
    if (!OAuthProfile::forType(type->type))
        return Error{Error::Kind::Conflict,
                     u"CONNECTOR_UNAVAILABLE"_s,
                     tr("the %1 connector is not available in this build").arg(type->type),
                     {}};
    return type;
}

QString OAuthService::pathSegment(const QString &type)
{
    return type.toLower().replace(u'_', u'-');
}

QUrl OAuthService::redirectUri(const QUrl &publicUrl, const QString &connector)
{
    QUrl url = publicUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/api/pipelines/oauth/"_s + connector + u"/callback"_s);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QJsonObject OAuthAuthorization::toJson() const
{
    return QJsonObject{{u"authorizeUrl"_s, authorizeUrl.toString(QUrl::FullyEncoded)},
                       {u"connectionId"_s, connectionId},
                       {u"redirectUri"_s, redirectUri},
                       {u"expiresAt"_s, Ids::iso(expiresAt)}};
}

QJsonObject OAuthConnected::toJson() const
{
    return QJsonObject{{u"success"_s, true},    {u"connectionId"_s, connectionId}, {u"status"_s, u"CONNECTED"_s},
                       {u"message"_s, message}, {u"streams"_s, streams},           {u"connection"_s, connection}};
}

Result<OAuthAuthorization> OAuthService::authorize(const Caller &caller, const QString &connector,
                                                   const OAuthAuthorizeRequest &request, const QUrl &publicUrl)
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    auto typeResult = oauthType(connector);
    if (!typeResult)
        return typeResult.error();
    const ConnectorTypeInfo *type = *typeResult;
    const auto profile = OAuthProfile::forType(type->type);
    if (!publicUrl.isValid() || publicUrl.host().isEmpty())
        return Error{Error::Kind::Unavailable,
                     u"NO_PUBLIC_URL"_s,
                     tr("the API server is not running, so the provider has no address to return to"),
                     {}};

    QString connectionId;
    QString connectionName;
    QJsonObject config;
    QString clientId;
    const bool reauthorize = request.connectionId.has_value();
    if (reauthorize) {
        auto id = oauthRequiredText(u"connectionId"_s, *request.connectionId, 64);
        if (!id)
            return id.error();
        auto record = m_connections->record(caller, *id);
        if (!record)
            return record.error();
        if (record->type != type->type)
            return Error::invalid(tr("connectionId: is a %1 connection, not %2").arg(record->type, type->type));
        auto credentials = m_connections->credentials(*id);
        if (!credentials)
            return Error::internal(tr("the stored credentials of this connection cannot be read"));
        QJsonObject stored = *credentials;
        bool clientChanged = false;
        const QList<std::pair<QString, std::optional<QString>>> client{{u"client_id"_s, request.clientId},
                                                                       {u"client_secret"_s, request.clientSecret}};
        for (const auto &[key, given] : client) {
            if (!given)
                continue;
            auto value = oauthRequiredText(key, *given, 8192);
            if (!value)
                return value.error();
            clientChanged = clientChanged || stored.value(key).toString() != *value;
            stored.insert(key, *value);
        }
        if (stored.value(u"client_id"_s).toString().isEmpty() || stored.value(u"client_secret"_s).toString().isEmpty())
            return Error::invalid(tr("client_id: required (this connection has no stored client credentials)"));
        config = record->config;
        const QJsonObject &patch = request.config;
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it->isNull())
                config.remove(it.key());
            else
                config.insert(it.key(), *it);
        }
        if (auto ok = ConnectionValidator::config(*type, config); !ok)
            return ok.error();
        // Credentials follow their origin: a new OAuth or API host is told a client secret and
        // sent tokens only when this request brings the client credentials for it.
        const ConnectionOriginChange moved = ConnectionOriginChange::between(record->config, config);
        if (!moved.isEmpty() && (!request.clientId || !request.clientSecret))
            return moved.credentialsRequired(u"client_id, client_secret"_s);
        if (clientChanged || !moved.isEmpty()) {
            // Tokens belong to the app and the server that issued them: another client or origin starts afresh.
            const QJsonObject fresh{{u"client_id"_s, stored.value(u"client_id"_s)},
                                    {u"client_secret"_s, stored.value(u"client_secret"_s)}};
            if (auto ok = m_connections->storeCredentials(*id, fresh); !ok)
                return ok.error();
            if (auto ok = m_connections->setStatus(*id, u"DISCONNECTED"_s, tr("waiting for the authorization")); !ok)
                return ok.error();
        }
        if (!patch.isEmpty()) {
            if (auto ok = m_connections->mergeConfig(*id, patch); !ok)
                return ok.error();
        }
        if (!moved.isEmpty()) {
            m_audit->record(caller, u"CONNECTION_UPDATE"_s, u"connection"_s, *id,
                            QJsonObject{{u"fields"_s, QJsonArray{u"config"_s, u"credentials"_s}},
                                        {u"originChanged"_s, moved.auditDetails()}});
        }
        connectionId = *id;
        connectionName = record->name;
        clientId = stored.value(u"client_id"_s).toString();
    } else {
        auto id = oauthRequiredText(u"client_id"_s, request.clientId.value_or(QString()), 8192);
        if (!id)
            return id.error();
        auto secret = oauthRequiredText(u"client_secret"_s, request.clientSecret.value_or(QString()), 8192);
        if (!secret)
            return secret.error();
        auto name = oauthRequiredText(u"connectionName"_s, request.connectionName, 200);
        if (!name)
            return name.error();
        ConnectionDraft draft;
        draft.name = *name;
        draft.type = type->type;
        draft.credentials = QJsonObject{{u"client_id"_s, *id}, {u"client_secret"_s, *secret}};
        draft.config = request.config;
        draft.schedule = request.schedule;
        draft.notifyUserIds = request.notifyUserIds;
        auto created = m_connections->create(caller, draft);
        if (!created)
            return created.error();
        connectionId = created->id;
        connectionName = *name;
        config = created->config;
        clientId = *id;
    }

    // RFC 7636 §4.1: 32 random bytes, base64url without padding, give the 43-character verifier.
    const QString verifier = QString::fromLatin1(Ids::base64Url(Ids::randomBytes(32)));
    const QUrl redirect = redirectUri(publicUrl, connector);
    PendingAuthorization pending;
    pending.connectionId = connectionId;
    pending.workspaceId = caller.workspaceId;
    pending.type = type->type;
    pending.redirectUri = redirect.toString(QUrl::FullyEncoded);
    pending.codeVerifier = verifier;
    pending.createdBy = caller.userId;
    auto state = m_states.issue(pending);
    if (!state)
        return state.error();

    const QStringList scopes = profile->scopesFor(config);
    QList<QPair<QString, QString>> query{
        {u"response_type"_s, u"code"_s},        {u"client_id"_s, clientId}, {u"redirect_uri"_s, pending.redirectUri},
        {u"scope"_s, scopes.join(u' ')},        {u"state"_s, *state},       {u"code_challenge"_s, pkceChallenge(verifier)},
        {u"code_challenge_method"_s, u"S256"_s}};
    query.append(profile->authorizeParams);
    QUrl url = profile->authorizeUrl(config);
    url.setQuery(FormEncoding::encodeToString(query), QUrl::StrictMode);

    const QDateTime expires = m_states.now().addSecs(OAuthStateStore::LifetimeSeconds);
    m_audit->record(caller, u"OAUTH_AUTHORIZE"_s, u"connection"_s, connectionId,
                    QJsonObject{{u"type"_s, type->type},
                                {u"name"_s, connectionName},
                                {u"reauthorize"_s, reauthorize},
                                {u"redirectUri"_s, pending.redirectUri},
                                {u"scopes"_s, scopes.join(u' ')}});
    qCInfo(lcEngine) << "OAuth authorization started for connection" << connectionId << type->type;
    return OAuthAuthorization{connectionId, url, pending.redirectUri, expires};
}

Error OAuthService::rejection(const OAuthStateStore::Check &check)
{
    return Error{Error::Kind::Invalid, u"OAUTH_STATE_INVALID"_s, tr("state: %1").arg(check.message), {}};
}

void OAuthService::recordFailure(const QString &connectionId, const QString &reason)
{
    if (connectionId.isEmpty())
        return;
    auto record = m_connections->recordById(connectionId);
    if (!record)
        return;
    if (record->status == u"CONNECTED"_s) {
        qCInfo(lcEngine) << "OAuth: a failed authorization left the CONNECTED connection" << connectionId << "as it was";
        return;
    }
    if (!m_connections->setStatus(connectionId, u"DISCONNECTED"_s, reason))
        qCWarning(lcEngine) << "OAuth: the failure reason of" << connectionId << "could not be stored";
}

void OAuthService::completeCallback(const QString &connector, const QUrlQuery &query, const QString &ip, QObject *context,
                                    Done done)
{
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    m_thread.post([this, connector, query, ip, guard, hadContext, done = std::move(done)]() mutable {
        auto type = oauthType(connector);
        if (!type) {
            deliver(guard, hadContext, std::move(done), type.error());
            return;
        }
        const QString state = query.queryItemValue(u"state"_s, QUrl::FullyDecoded);
        const QString providerError = query.queryItemValue(u"error"_s, QUrl::FullyDecoded);
        const QString provider = OAuthProfile::forType((*type)->type)->provider;
        if (!providerError.isEmpty()) {
            // The state is burnt either way; only a genuine one may write a reason onto a connection.
            const auto check = m_states.consume(state);
            QString reason = tr("%1 did not grant access (%2)").arg(provider, shortText(providerError));
            const QString description = query.queryItemValue(u"error_description"_s, QUrl::FullyDecoded);
            if (!description.isEmpty())
                reason += u": "_s + shortText(description);
            if (check.ok())
                recordFailure(check.pending->connectionId, reason);
            qCInfo(lcEngine) << "OAuth callback with an error for" << (*type)->type;
            deliver(guard, hadContext, std::move(done), Error{Error::Kind::Invalid, u"OAUTH_DENIED"_s, reason, {}});
            return;
        }
        auto check = m_states.consume(state);
        if (!check.ok()) {
            recordFailure(check.connectionId, tr("authorization rejected: %1").arg(check.message));
            qCWarning(lcEngine) << "OAuth callback rejected for" << (*type)->type << "- invalid state";
            deliver(guard, hadContext, std::move(done), rejection(check));
            return;
        }
        if (check.pending->type != (*type)->type) {
            check.message = tr("it was issued for another connector");
            recordFailure(check.pending->connectionId, tr("authorization rejected: %1").arg(check.message));
            deliver(guard, hadContext, std::move(done), rejection(check));
            return;
        }
        const QString code = query.queryItemValue(u"code"_s, QUrl::FullyDecoded);
        if (code.isEmpty() || code.size() > 4096) {
            const QString reason = tr("%1 sent no usable authorization code").arg(provider);
            recordFailure(check.pending->connectionId, reason);
            deliver(guard, hadContext, std::move(done), Error::invalid(tr("code: %1").arg(reason)));
            return;
        }
        Completion completion;
        completion.actor.userId = check.pending->createdBy;
        completion.actor.workspaceId = check.pending->workspaceId;
        completion.actor.role = Role::Admin;
        completion.actor.ip = ip;
        completion.pending = std::move(*check.pending);
        completion.code = code;
        completion.via = u"callback"_s;
        (void)complete(std::move(completion), guard, hadContext, std::move(done));
    });
}

void OAuthService::exchange(const Caller &caller, const QString &connector, const OAuthExchangeRequest &request, QObject *context,
                            Done done)
{
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    const auto fail = [&](Error error) { deliver(guard, hadContext, std::move(done), std::move(error)); };
    if (auto ok = caller.require(Role::Admin); !ok)
        return fail(ok.error());
    auto type = oauthType(connector);
    if (!type)
        return fail(type.error());
    auto connectionId = oauthRequiredText(u"connectionId"_s, request.connectionId, 64);
    if (!connectionId)
        return fail(connectionId.error());
    auto code = oauthRequiredText(u"code"_s, request.code, 4096);
    if (!code)
        return fail(code.error());
    auto record = m_connections->record(caller, *connectionId);
    if (!record)
        return fail(record.error());
    if (record->type != (*type)->type)
        return fail(Error::invalid(tr("connectionId: is a %1 connection, not %2").arg(record->type, (*type)->type)));

    const QString &state = request.state;
    auto check = state.isEmpty() ? m_states.consumeLatest(*connectionId) : m_states.consume(state);
    if (!check.ok()) {
        // Only a state issued for this very connection may write onto it.
        if (check.connectionId == *connectionId)
            recordFailure(*connectionId, tr("authorization rejected: %1").arg(check.message));
        return fail(rejection(check));
    }
    if (check.pending->connectionId != *connectionId) {
        check.message = tr("it was issued for another connection");
        return fail(rejection(check));
    }
    Completion completion;
    completion.actor = caller;
    completion.pending = std::move(*check.pending);
    completion.code = *code;
    completion.via = u"exchange"_s;
    m_thread.post([this, completion = std::move(completion), guard, hadContext, done = std::move(done)]() mutable {
        (void)complete(std::move(completion), guard, hadContext, std::move(done));
    });
}

QCoro::Task<void> OAuthService::complete(Completion completion, QPointer<QObject> context, bool hadContext, Done done)
{
    Result<OAuthConnected> result;
    try {
        // Tasks get their own statement: GCC 12 destroys by-value arguments of a coroutine called
        // inside a co_await expression twice.
        auto running = runCompletion(std::move(completion));
        result = co_await running;
    } catch (const std::exception &e) {
        qCWarning(lcEngine) << "OAuth completion failed unexpectedly:" << e.what();
        result = Error::internal(tr("the authorization failed unexpectedly"));
    }
    deliver(context, hadContext, std::move(done), std::move(result));
}

QCoro::Task<Result<OAuthConnected>> OAuthService::runCompletion(Completion c)
{
    const QString connectionId = c.pending.connectionId;
    const auto profile = OAuthProfile::forType(c.pending.type);
    auto record = m_connections->recordById(connectionId);
    if (!record)
        co_return Error::notFound(tr("the connection of this authorization no longer exists"));
    auto stored = m_connections->credentials(connectionId);
    if (!stored)
        co_return Error::internal(tr("the stored credentials of this connection cannot be read"));
    const QString clientId = stored->value(OAuthTokenClient::ClientId).toString();
    const QString clientSecret = stored->value(OAuthTokenClient::ClientSecret).toString();

    OAuthTokenClient tokens(profile, record->config, m_thread.network());
    auto exchanging = tokens.exchangeCode(clientId, clientSecret, c.code, c.pending.redirectUri, c.pending.codeVerifier);
    const Result<OAuthTokens> exchanged = co_await exchanging;
    if (!exchanged) {
        const QString reason = tr("the token exchange failed: %1").arg(exchanged.error().message);
        recordFailure(connectionId, reason);
        qCWarning(lcEngine) << "OAuth token exchange failed for connection" << connectionId;
        co_return Error{exchanged.error().kind == Error::Kind::Unavailable ? Error::Kind::Unavailable : Error::Kind::Invalid,
                        u"OAUTH_EXCHANGE_FAILED"_s,
                        reason,
                        {}};
    }
    // The tokens reach the vault before anything uses them, so a rotated refresh token is never lost.
    const QJsonObject credentials = OAuthTokenClient::withTokens(
        QJsonObject{{OAuthTokenClient::ClientId, clientId}, {OAuthTokenClient::ClientSecret, clientSecret}}, *exchanged);
    if (auto ok = m_connections->storeCredentials(connectionId, credentials); !ok) {
        recordFailure(connectionId, tr("the tokens could not be stored"));
        co_return ok.error();
    }

    auto discovering = OAuthAccountDiscovery::discover(profile, record->config, exchanged->accessToken, m_thread.network());
    const Result<OAuthAccount> found = co_await discovering;
    if (!found) {
        const QString reason = tr("authorized, but the account could not be determined: %1").arg(found.error().message);
        if (!m_connections->setStatus(connectionId, u"ERROR"_s, reason))
            qCWarning(lcEngine) << "OAuth: the status of" << connectionId << "could not be stored";
        co_return Error{Error::Kind::Upstream, u"OAUTH_DISCOVERY_FAILED"_s, reason, {}};
    }
    const OAuthAccount &account = *found;
    if (!account.config.isEmpty()) {
        if (auto ok = m_connections->mergeConfig(connectionId, account.config); !ok)
            co_return ok.error();
    }
    record = m_connections->recordById(connectionId);
    if (!record)
        co_return Error::notFound(tr("the connection of this authorization no longer exists"));

    // Stream discovery with the new tokens: proves that they reach the data, and tells the caller what it can sync.
    QJsonArray streams;
    ConnectorContext context;
    context.type = record->type;
    context.credentials = credentials;
    context.config = record->config;
    context.network = m_thread.network();
    context.cancel = std::make_shared<CancelToken>();
    context.credentialsStore = m_connections->credentialsStore(connectionId);
    std::unique_ptr<Connector> connector = ConnectorFactory::create(std::move(context));
    if (connector) {
        const DiscoverResult discovered = co_await connector->discover();
        if (!discovered) {
            const QString reason = tr("authorized, but stream discovery failed: %1").arg(discovered.error().message);
            if (!m_connections->setStatus(connectionId, u"ERROR"_s, reason))
                qCWarning(lcEngine) << "OAuth: the status of" << connectionId << "could not be stored";
            co_return Error{Error::Kind::Upstream, u"DISCOVERY_FAILED"_s, reason, {}};
        }
        for (const auto &spec : *discovered)
            streams.append(spec.toJson());
    } else {
        qCInfo(lcEngine) << "OAuth: no connector built for" << record->type << "- stream discovery skipped";
    }

    if (auto ok = m_connections->setStatus(connectionId, u"CONNECTED"_s, QString()); !ok)
        co_return ok.error();
    m_states.invalidateAll(connectionId);
    QJsonObject details{{u"type"_s, record->type}, {u"via"_s, c.via}, {u"streams"_s, int(streams.size())}};
    for (const QString &key : {u"tenantId"_s, u"accountId"_s}) {
        if (account.config.contains(key))
            details.insert(key, account.config.value(key));
    }
    m_audit->record(c.actor, u"OAUTH_CONNECTED"_s, u"connection"_s, connectionId, details);
    qCInfo(lcEngine) << "OAuth: connection" << connectionId << "is connected";
    Q_EMIT connectionAuthorized(record->workspaceId, connectionId);

    const QString message = account.name.isEmpty() ? tr("Connected to %1").arg(profile->provider)
                                                   : tr("Connected to %1 (%2)").arg(profile->provider, account.name);
    auto refreshed = m_connections->recordById(connectionId);
    co_return OAuthConnected{connectionId, message, streams,
                             refreshed ? QJsonValue(m_connectionJson.toJson(*refreshed)) : QJsonValue()};
}

} // namespace Opbox
