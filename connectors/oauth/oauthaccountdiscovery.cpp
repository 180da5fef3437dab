// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/oauth/oauthaccountdiscovery.h"

#include "connectors/connectorslogging.h"

#include <QCoroNetworkReply>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <chrono>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
constexpr int kTimeoutMs = 30000;

QString stripSlashes(QString text)
{
    while (text.endsWith(u'/'))
        text.chop(1);
    return text;
}
} // namespace

QCoro::Task<Result<OAuthAccount>> OAuthAccountDiscovery::discover(std::shared_ptr<const OAuthProfile> profile, QJsonObject config,
                                                                  QString accessToken, QNetworkAccessManager *network)
{
    if (profile->discovery == OAuthProfile::Discovery::None)
        co_return OAuthAccount();
    const QUrl url = profile->discoveryUrl(config);
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "OpboxPipelines/" OPBOX_VERSION);
    std::unique_ptr<QNetworkReply, QScopedPointerDeleteLater> reply(network->get(request));
    co_await qCoro(reply.get()).waitForFinished(std::chrono::milliseconds(kTimeoutMs + 5000));
    if (!reply->isFinished())
        reply->abort();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString what = u"GET "_s + url.path();
    if (status == 0)
        co_return Error::unavailable(
            tr("%1: %2 failed (network error %3)").arg(profile->provider, what).arg(int(reply->error())));
    const QByteArray body = reply->readAll();
    if (status < 200 || status >= 300)
        co_return Error::upstream(tr("%1 refused %2 (HTTP %3)").arg(profile->provider, what).arg(status));
    const QJsonDocument answer = QJsonDocument::fromJson(body);
    if (answer.isNull())
        co_return Error::malformed(tr("%1 returned malformed data for %2").arg(profile->provider, what));
    switch (profile->discovery) {
    case OAuthProfile::Discovery::XeroConnections: co_return xeroTenant(*profile, config, answer);
    case OAuthProfile::Discovery::DocuSignUserInfo: co_return docuSignAccount(*profile, config, answer);
    case OAuthProfile::Discovery::None: break;
    }
    co_return OAuthAccount();
}

Result<OAuthAccount> OAuthAccountDiscovery::xeroTenant(const OAuthProfile &profile, const QJsonObject &config,
                                                       const QJsonDocument &answer)
{
    if (!answer.isArray())
        return Error::malformed(tr("%1 returned malformed data for GET /connections: not a list").arg(profile.provider));
    const QString wanted = config.value(u"tenantId"_s).toString();
    QJsonObject chosen;
    for (const auto &v : answer.array()) {
        const QJsonObject tenant = v.toObject();
        if (tenant.value(u"tenantId"_s).toString().isEmpty())
            continue;
        if (!wanted.isEmpty() && tenant.value(u"tenantId"_s).toString() == wanted) {
            chosen = tenant;
            break;
        }
        // Organisations hold the accounting data; practice-manager tenants do not.
        const bool organisation = tenant.value(u"tenantType"_s).toString() == u"ORGANISATION"_s;
        if (chosen.isEmpty() || (organisation && chosen.value(u"tenantType"_s).toString() != u"ORGANISATION"_s))
            chosen = tenant;
    }
    if (chosen.isEmpty()) {
        return Error::configuration(
            tr("%1 authorized no organisation for this app; connect an organisation and authorize again").arg(profile.provider));
    }
    if (!wanted.isEmpty() && chosen.value(u"tenantId"_s).toString() != wanted)
        qCInfo(lcConnectors) << "the configured Xero tenant is not among the authorized ones; using"
                             << chosen.value(u"tenantId"_s).toString();
    OAuthAccount result;
    result.name = chosen.value(u"tenantName"_s).toString();
    result.config.insert(u"tenantId"_s, chosen.value(u"tenantId"_s).toString());
    if (chosen.contains(u"tenantName"_s))
        result.config.insert(u"tenantName"_s, chosen.value(u"tenantName"_s).toString());
    return result;
}

Result<OAuthAccount> OAuthAccountDiscovery::docuSignAccount(const OAuthProfile &profile, const QJsonObject &config,
                                                            const QJsonDocument &answer)
{
    const QJsonArray accounts = answer.object().value(u"accounts"_s).toArray();
    const QString wanted = config.value(u"accountId"_s).toString();
    QJsonObject chosen;
    for (const auto &v : accounts) {
        const QJsonObject account = v.toObject();
        if (account.value(u"account_id"_s).toString().isEmpty())
            continue;
        if (!wanted.isEmpty() && account.value(u"account_id"_s).toString() == wanted) {
            chosen = account;
            break;
        }
        if (chosen.isEmpty() || (account.value(u"is_default"_s).toBool() && !chosen.value(u"is_default"_s).toBool()))
            chosen = account;
    }
    if (chosen.isEmpty())
        return Error::configuration(tr("%1 userinfo lists no account for this user").arg(profile.provider));
    const QString baseUri = stripSlashes(chosen.value(u"base_uri"_s).toString());
    const QUrl baseUrl(baseUri, QUrl::StrictMode);
    if (!baseUrl.isValid() || baseUrl.host().isEmpty()) {
        return Error::malformed(tr("%1 userinfo has no valid base_uri for account %2")
                                    .arg(profile.provider, chosen.value(u"account_id"_s).toString()));
    }
    OAuthAccount result;
    result.name = chosen.value(u"account_name"_s).toString();
    result.config.insert(u"accountId"_s, chosen.value(u"account_id"_s).toString());
    if (chosen.contains(u"account_name"_s))
        result.config.insert(u"accountName"_s, chosen.value(u"account_name"_s).toString());
    result.config.insert(u"baseUri"_s, baseUri);
    // config.baseUrl wins when a person set it; one that discovery set earlier follows the account.
    const QString currentBase = stripSlashes(config.value(u"baseUrl"_s).toString());
    const QString previousDiscovered = stripSlashes(config.value(u"baseUri"_s).toString());
    if (currentBase.isEmpty() || (!previousDiscovered.isEmpty() && currentBase == previousDiscovered + u"/restapi"_s))
        result.config.insert(u"baseUrl"_s, QString(baseUri + u"/restapi"_s));
    return result;
}

} // namespace Opbox
