// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/oauth/oauthprofile.h"

#include "connectors/connectorslogging.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>

void opboxInitConnectorResources();

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

Error invalidProfile(const QString &message)
{
    return Error::invalid(message, u"OAUTH_PROFILE_INVALID"_s);
}

Result<void> onlyKeys(const QJsonObject &o, const QSet<QString> &keys, const QString &where)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!keys.contains(it.key()))
            return invalidProfile(u"%1: unknown key '%2'"_s.arg(where, it.key()));
    }
    return {};
}

Result<OAuthProfile::Endpoint> readEndpoint(const QJsonObject &root, const QString &key, bool required)
{
    const QJsonValue v = root.value(key);
    if (v.isUndefined()) {
        if (required)
            return invalidProfile(u"'%1' is required"_s.arg(key));
        return OAuthProfile::Endpoint{};
    }
    if (!v.isObject())
        return invalidProfile(u"'%1' must be an object"_s.arg(key));
    const QJsonObject o = v.toObject();
    if (Result<void> known = onlyKeys(o, {u"url"_s, u"override"_s, u"kind"_s}, key); !known)
        return known.error();
    OAuthProfile::Endpoint e;
    e.url = QUrl(o.value(u"url"_s).toString(), QUrl::StrictMode);
    if (!e.url.isValid() || e.url.host().isEmpty() || (e.url.scheme() != u"https"_s && e.url.scheme() != u"http"_s))
        return invalidProfile(u"%1.url: must be an http(s) URL"_s.arg(key));
    const QString override = o.value(u"override"_s).toString();
    if (override.isEmpty())
        e.override = OAuthProfile::Endpoint::Override::None;
    else if (override == u"authBaseUrl"_s)
        e.override = OAuthProfile::Endpoint::Override::AuthBaseUrl;
    else if (override == u"baseUrlOrigin"_s)
        e.override = OAuthProfile::Endpoint::Override::BaseUrlOrigin;
    else
        return invalidProfile(u"%1.override: '%2' is not authBaseUrl or baseUrlOrigin"_s.arg(key, override));
    return e;
}

struct ProfileCatalog
{
    QHash<QString, std::shared_ptr<const OAuthProfile>> byType;
};

const ProfileCatalog &catalog()
{
    static const ProfileCatalog instance = [] {
        opboxInitConnectorResources();
        ProfileCatalog c;
        QDirIterator it(u":/connectors"_s, QDir::Dirs | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            const QString dir = it.next();
            QFile file(dir + u"/oauth.json"_s);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            auto profile = OAuthProfile::parse(file.readAll());
            if (!profile) {
                qCWarning(lcConnectors) << "ignoring invalid OAuth profile" << file.fileName() << profile.error().message;
                continue;
            }
            const QString type = profile->type; // copied first: the profile is moved below
            c.byType.insert(type, std::make_shared<const OAuthProfile>(std::move(*profile)));
        }
        return c;
    }();
    return instance;
}

} // namespace

Result<OAuthProfile> OAuthProfile::parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return invalidProfile(u"not a JSON object"_s);
    const QJsonObject root = doc.object();
    if (Result<void> known = onlyKeys(root,
                                      {u"$comment"_s, u"type"_s, u"provider"_s, u"authorize"_s, u"token"_s, u"discovery"_s,
                                       u"scopes"_s, u"authorizeParams"_s, u"defaultTokenLifetime"_s, u"refreshMargin"_s},
                                      u"profile"_s);
        !known)
        return known.error();
    OAuthProfile p;
    p.type = root.value(u"type"_s).toString();
    p.provider = root.value(u"provider"_s).toString();
    if (p.type.isEmpty() || p.provider.isEmpty())
        return invalidProfile(u"'type' and 'provider' are required"_s);
    const auto authorize = readEndpoint(root, u"authorize"_s, true);
    const auto token = readEndpoint(root, u"token"_s, true);
    const auto discovery = readEndpoint(root, u"discovery"_s, false);
    // With several broken endpoints the last one is named, as the profile reads them in this order.
    for (const auto *endpoint : {&discovery, &token, &authorize}) {
        if (!*endpoint)
            return endpoint->error();
    }
    p.authorize = *authorize;
    p.token = *token;
    p.discoveryEndpoint = *discovery;
    const QString kind = root.value(u"discovery"_s).toObject().value(u"kind"_s).toString();
    if (kind.isEmpty() && !root.contains(u"discovery"_s))
        p.discovery = Discovery::None;
    else if (kind == u"xero_connections"_s)
        p.discovery = Discovery::XeroConnections;
    else if (kind == u"docusign_userinfo"_s)
        p.discovery = Discovery::DocuSignUserInfo;
    else
        return invalidProfile(u"discovery.kind: '%1' is not xero_connections or docusign_userinfo"_s.arg(kind));
    const QJsonValue scopes = root.value(u"scopes"_s);
    if (!scopes.isArray() || scopes.toArray().isEmpty())
        return invalidProfile(u"'scopes' must be a non-empty array"_s);
    for (const auto &s : scopes.toArray()) {
        if (!s.isString() || s.toString().isEmpty() || s.toString().contains(u' '))
            return invalidProfile(u"'scopes' must hold single scope names"_s);
        p.scopes.append(s.toString());
    }
    const QJsonObject params = root.value(u"authorizeParams"_s).toObject();
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!it->isString())
            return invalidProfile(u"authorizeParams.%1: must be a string"_s.arg(it.key()));
        p.authorizeParams.append({it.key(), it->toString()});
    }
    if (root.contains(u"defaultTokenLifetime"_s)) {
        p.defaultTokenLifetimeSeconds = root.value(u"defaultTokenLifetime"_s).toInt(-1);
        if (p.defaultTokenLifetimeSeconds <= 0)
            return invalidProfile(u"'defaultTokenLifetime' must be a positive number of seconds"_s);
    }
    if (root.contains(u"refreshMargin"_s)) {
        p.refreshMarginSeconds = root.value(u"refreshMargin"_s).toInt(-1);
        if (p.refreshMarginSeconds < 0)
            return invalidProfile(u"'refreshMargin' must be a number of seconds"_s);
    }
    return p;
}

std::shared_ptr<const OAuthProfile> OAuthProfile::forType(const QString &type)
{
    return catalog().byType.value(type);
}

QStringList OAuthProfile::scopesFor(const QJsonObject &config) const
{
    const QJsonValue v = config.value(u"scopes"_s);
    QStringList out;
    if (v.isString())
        out = v.toString().split(u' ', Qt::SkipEmptyParts);
    else if (v.isArray()) {
        for (const auto &s : v.toArray()) {
            if (s.isString() && !s.toString().trimmed().isEmpty())
                out.append(s.toString().trimmed());
        }
    }
    return out.isEmpty() ? scopes : out;
}

QUrl OAuthProfile::resolve(const Endpoint &endpoint, const QJsonObject &config)
{
    QUrl url = endpoint.url;
    QString overrideText;
    switch (endpoint.override) {
    case Endpoint::Override::None: return url;
    case Endpoint::Override::AuthBaseUrl: overrideText = config.value(u"authBaseUrl"_s).toString().trimmed(); break;
    case Endpoint::Override::BaseUrlOrigin: overrideText = config.value(u"baseUrl"_s).toString().trimmed(); break;
    }
    if (overrideText.isEmpty())
        return url;
    const QUrl base(overrideText, QUrl::StrictMode);
    if (!base.isValid() || base.host().isEmpty())
        return url;
    url.setScheme(base.scheme());
    url.setHost(base.host());
    url.setPort(base.port());
    url.setUserInfo({});
    if (endpoint.override == Endpoint::Override::AuthBaseUrl) {
        // `authBaseUrl` is meant as an origin; a path prefix is kept so that a fake can live under one.
        QString prefix = base.path(QUrl::FullyEncoded);
        while (prefix.endsWith(u'/'))
            prefix.chop(1);
        url.setPath(prefix + endpoint.url.path(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    return url;
}

} // namespace Opbox
