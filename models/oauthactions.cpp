// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/oauthactions.h"
#include "engine/services/engine.h"
#include "engine/services/oauthservice.h"
#include "models/ownersession.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Opbox {

OAuthActions::OAuthActions(OwnerSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session->engine()->oauth(), &OAuthService::connectionAuthorized, this,
            [this](const QString &workspaceId, const QString &connectionId) {
                if (workspaceId == m_session->workspaceId())
                    Q_EMIT connectionAuthorized(connectionId);
            });
}

Result<OAuthStart> OAuthActions::authorize(const OAuthSignIn &signIn, const QUrl &publicUrl)
{
    QJsonObject body;
    if (!signIn.connectionId.isEmpty()) {
        body.insert(u"connectionId"_s, signIn.connectionId);
        if (!signIn.clientId.isEmpty())
            body.insert(u"client_id"_s, signIn.clientId);
        if (!signIn.clientSecret.isEmpty())
            body.insert(u"client_secret"_s, signIn.clientSecret);
    } else {
        body.insert(u"connectionName"_s, signIn.name);
        body.insert(u"client_id"_s, signIn.clientId);
        body.insert(u"client_secret"_s, signIn.clientSecret);
        if (!signIn.notifyUserIds.isEmpty())
            body.insert(u"notifyUserIds"_s, QJsonArray::fromStringList(signIn.notifyUserIds));
        if (signIn.schedule)
            body.insert(u"schedule"_s,
                        QJsonObject{{u"enabled"_s, signIn.schedule->enabled}, {u"frequency"_s, signIn.schedule->frequency}});
    }
    if (!signIn.config.isEmpty())
        body.insert(u"config"_s, signIn.config);
    auto result
        = m_session->engine()->oauth()->authorize(m_session->caller(), OAuthService::pathSegment(signIn.type), body, publicUrl);
    if (!result)
        return result.error();
    return OAuthStart{result->value(u"connectionId"_s).toString(), QUrl(result->value(u"authorizeUrl"_s).toString())};
}

void OAuthActions::exchange(const QString &type, const QString &connectionId, const QString &code, QObject *context,
                            ExchangeDone done)
{
    // The token request goes to the provider from the OAuth service's thread.
    m_session->engine()->oauth()->exchange(m_session->caller(), OAuthService::pathSegment(type),
                                           QJsonObject{{u"connectionId"_s, connectionId}, {u"code"_s, code}}, context,
                                           [done = std::move(done)](Result<QJsonObject> result) {
                                               if (!result)
                                                   done(result.error());
                                               else
                                                   done({});
                                           });
}

QUrl OAuthActions::redirectUri(const QUrl &publicUrl, const QString &type)
{
    return OAuthService::redirectUri(publicUrl, OAuthService::pathSegment(type));
}

} // namespace Opbox
