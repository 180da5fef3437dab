// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/oauthrequests.h"
#include "engine/services/connectiondraft.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// The messages were written for the OAuth service and are translated under its name.
QString tr(const char *s)
{
    return QCoreApplication::translate("OAuthService", s);
}

Result<void> onlyKnownFields(const QJsonObject &body, const QSet<QString> &allowed)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!allowed.contains(it.key()))
            return Error::invalid(tr("%1: unknown field").arg(it.key().left(64)));
    }
    return {};
}

/** A value that is not a string reads as empty, which is rejected with the same words as a missing one. */
QString text(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

Result<QString> requiredString(const QJsonObject &body, const QString &key, int maxLength)
{
    return oauthRequiredText(key, text(body.value(key)), maxLength);
}

} // namespace

Result<QString> oauthRequiredText(const QString &field, const QString &value, int maxLength)
{
    if (value.trimmed().isEmpty())
        return Error::invalid(tr("%1: required, a non-empty string").arg(field));
    if (value.size() > maxLength)
        return Error::invalid(tr("%1: longer than %2 characters").arg(field).arg(maxLength));
    return value.trimmed();
}

Result<OAuthAuthorizeRequest> OAuthAuthorizeRequest::fromJson(const QJsonObject &body)
{
    static const QSet<QString> allowed{u"client_id"_s, u"client_secret"_s, u"connectionName"_s, u"config"_s,
                                       u"schedule"_s,  u"notifyUserIds"_s, u"connectionId"_s};
    if (auto ok = onlyKnownFields(body, allowed); !ok)
        return ok.error();
    const QJsonValue config = body.value(u"config"_s);
    if (!config.isUndefined() && !config.isNull() && !config.isObject())
        return Error::invalid(tr("config: must be an object"));

    OAuthAuthorizeRequest request;
    if (body.contains(u"connectionId"_s)) {
        // The service checks these after it has read the stored connection, as a re-authorization's
        // answer names a missing connection before a malformed client field.
        request.connectionId = text(body.value(u"connectionId"_s));
        if (body.contains(u"client_id"_s))
            request.clientId = text(body.value(u"client_id"_s));
        if (body.contains(u"client_secret"_s))
            request.clientSecret = text(body.value(u"client_secret"_s));
        request.config = config.toObject();
        return request;
    }

    // A new connection: the client and the name are checked before the shape of the schedule and
    // the notified users, which the connection's own body format reads.
    auto id = requiredString(body, u"client_id"_s, 8192);
    if (!id)
        return id.error();
    auto secret = requiredString(body, u"client_secret"_s, 8192);
    if (!secret)
        return secret.error();
    auto name = requiredString(body, u"connectionName"_s, 200);
    if (!name)
        return name.error();
    // The connection body format reads the schedule and the users with the words a connection's
    // own answers use; the type and the credentials are filled in by the service.
    QJsonObject create{{u"name"_s, *name}, {u"type"_s, QString()}, {u"credentials"_s, QJsonObject()}};
    for (const QString &key : {u"config"_s, u"schedule"_s, u"notifyUserIds"_s}) {
        if (body.contains(key))
            create.insert(key, body.value(key));
    }
    auto draft = ConnectionDraft::fromJson(create);
    if (!draft)
        return draft.error();
    request.clientId = *id;
    request.clientSecret = *secret;
    request.connectionName = *name;
    request.config = draft->config;
    request.schedule = draft->schedule;
    request.notifyUserIds = draft->notifyUserIds;
    return request;
}

Result<OAuthExchangeRequest> OAuthExchangeRequest::fromJson(const QJsonObject &body)
{
    static const QSet<QString> allowed{u"connectionId"_s, u"code"_s, u"state"_s};
    if (auto ok = onlyKnownFields(body, allowed); !ok)
        return ok.error();
    OAuthExchangeRequest request;
    auto connectionId = requiredString(body, u"connectionId"_s, 64);
    if (!connectionId)
        return connectionId.error();
    request.connectionId = *connectionId;
    auto code = requiredString(body, u"code"_s, 4096);
    if (!code)
        return code.error();
    request.code = *code;
    const QJsonValue state = body.value(u"state"_s);
    if (body.contains(u"state"_s) && !state.isString() && !state.isNull())
        return Error::invalid(tr("state: must be a string"));
    request.state = state.toString();
    return request;
}

} // namespace Opbox
