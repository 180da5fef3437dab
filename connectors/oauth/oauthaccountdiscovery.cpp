// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/oauth/oauthaccountdiscovery.h"

#include "connectors/connectorslogging.h"
#include "connectors/http/outboundaddresspolicy.h"
#include "connectors/http/replybodylimit.h"

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
constexpr qint64 kMaxAnswerBytes = 4 * 1024 * 1024; // a list of tenants or accounts

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
    // Never redirected: the access token goes to the discovery endpoint only.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "OpboxPipelines/" OPBOX_VERSION);
    const QString what = u"GET "_s + url.path();
    const OutboundAddressPolicy addresses = OutboundAddressPolicy::current();
    auto preparing = addresses.prepare(request);
    const Result<QNetworkRequest> checked = co_await preparing;
    if (!checked)
        co_return Error::configuration(tr("%1: %2 failed: %3").arg(profile->provider, what, checked.error().message));
    std::unique_ptr<QNetworkReply, QScopedPointerDeleteLater> reply(network->get(*checked));
    ReplyBodyLimit limit(reply.get(), kMaxAnswerBytes);
    co_await qCoro(reply.get()).waitForFinished(std::chrono::milliseconds(kTimeoutMs + 5000));
    if (!reply->isFinished())
        reply->abort();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (limit.exceeded())
        co_return Error::malformed(
            tr("%1 answered %2 with more than %3 MiB").arg(profile->provider, what).arg(kMaxAnswerBytes >> 20));
    if (status == 0)
        co_return Error::unavailable(
            tr("%1: %2 failed (network error %3)").arg(profile->provider, what).arg(int(reply->error())));
    const QByteArray body = limit.take();
    if (status < 200 || status >= 300)
        co_return Error::upstream(tr("%1 refused %2 (HTTP %3)").arg(profile->provider, what).arg(status));
    const QJsonDocument answer = QJsonDocument::fromJson(body);
    if (answer.isNull())
        co_return Error::malformed(tr("%1 returned malformed data for %2").arg(profile->provider, what));
    switch (profile->discovery) {
    case OAuthProfile::Discovery::XeroConnections: co_return xeroTenant(*profile, config, answer);
    case OAuthProfile::Discovery::DocuSignUserInfo: {
        Result<OAuthAccount> account = docuSignAccount(*profile, config, answer);
        if (!account)
            co_return account;
        // The API root it names receives the access token: held to the rules of every provider address.
        const QUrl base(account->config.value(u"baseUri"_s).toString(), QUrl::StrictMode);
        if (!addresses.allowsPlainHttp(base) || (base.scheme() != u"https"_s && base.scheme() != u"http"_s))
            co_return Error::configuration(
                tr("%1 userinfo names a base_uri that is not https (%2)").arg(profile->provider, base.toDisplayString()));
        if (addresses.restricts()) {
            auto resolving = addresses.resolve(base);
            if (const Result<QHostAddress> allowed = co_await resolving; !allowed)
                co_return Error::configuration(
                    tr("%1 userinfo names a base_uri that cannot be used: %2").arg(profile->provider, allowed.error().message));
        }
        co_return account;
    }
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
