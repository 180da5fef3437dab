// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/oauthactions.h"
#include "engine/services/engine.h"
#include "engine/services/oauthservice.h"
#include "models/ownersession.h"

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
    OAuthAuthorizeRequest request;
    if (!signIn.connectionId.isEmpty()) {
        // Empty client fields keep the stored ones.
        request.connectionId = signIn.connectionId;
        if (!signIn.clientId.isEmpty())
            request.clientId = signIn.clientId;
        if (!signIn.clientSecret.isEmpty())
            request.clientSecret = signIn.clientSecret;
    } else {
        request.connectionName = signIn.name;
        request.clientId = signIn.clientId;
        request.clientSecret = signIn.clientSecret;
        request.notifyUserIds = signIn.notifyUserIds;
        if (signIn.schedule)
            request.schedule
                = QJsonObject{{u"enabled"_s, signIn.schedule->enabled}, {u"frequency"_s, signIn.schedule->frequency}};
    }
    request.config = signIn.config;
    auto result = m_session->engine()->oauth()->authorize(m_session->caller(), OAuthService::pathSegment(signIn.type), request,
                                                          publicUrl);
    if (!result)
        return result.error();
    return OAuthStart{result->connectionId, result->authorizeUrl};
}

void OAuthActions::exchange(const QString &type, const QString &connectionId, const QString &code, QObject *context,
                            ExchangeDone done)
{
    // The token request goes to the provider from the OAuth service's thread.
    m_session->engine()->oauth()->exchange(m_session->caller(), OAuthService::pathSegment(type),
                                           OAuthExchangeRequest{connectionId, code, QString()}, context,
                                           [done = std::move(done)](Result<OAuthConnected> result) {
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
