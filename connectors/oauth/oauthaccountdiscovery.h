// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/oauth/oauthprofile.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QJsonObject>
#include <QString>
#include <memory>

class QNetworkAccessManager;

namespace Opbox {

/** What account discovery found: the account's name and the config keys to merge into the connection. */
struct OAuthAccount
{
    QString name; // empty when the provider needs no discovery or names none
    QJsonObject config; // keys to merge (tenantId; accountId, baseUri, baseUrl)
};

/**
 * Asks a provider which organisation or account a fresh access token reaches:
 * Xero's `GET <origin of baseUrl>/connections` gives the tenant id, DocuSign's
 * `GET <auth host>/oauth/userinfo` the account id and the base URI its API lives under.
 * A tenant or account already chosen in the config is kept when the token still reaches it;
 * otherwise the provider's default (DocuSign `is_default`, Xero's first organisation) wins.
 * A failure's message names the provider and the problem.
 */
class OAuthAccountDiscovery
{
    Q_DECLARE_TR_FUNCTIONS(OAuthAccountDiscovery)
public:
    [[nodiscard]] static QCoro::Task<Result<OAuthAccount>> discover(std::shared_ptr<const OAuthProfile> profile,
                                                                    QJsonObject config, QString accessToken,
                                                                    QNetworkAccessManager *network);

private:
    [[nodiscard]] static Result<OAuthAccount> xeroTenant(const OAuthProfile &profile, const QJsonObject &config,
                                                         const QJsonDocument &answer);
    [[nodiscard]] static Result<OAuthAccount> docuSignAccount(const OAuthProfile &profile, const QJsonObject &config,
                                                              const QJsonDocument &answer);
};

} // namespace Opbox
