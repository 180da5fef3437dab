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

bool onlyKeys(const QJsonObject &o, const QSet<QString> &keys, const QString &where, QString *error)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!keys.contains(it.key())) {
            *error = u"%1: unknown key '%2'"_s.arg(where, it.key());
            return false;
        }
    }
    return true;
}

std::optional<OAuthProfile::Endpoint> readEndpoint(const QJsonObject &root, const QString &key, bool required,
                                                   QString *error)
{
    const QJsonValue v = root.value(key);
    if (v.isUndefined()) {
        if (required)
            *error = u"'%1' is required"_s.arg(key);
        return required ? std::nullopt : std::optional<OAuthProfile::Endpoint>(OAuthProfile::Endpoint{});
    }
    if (!v.isObject()) {
        *error = u"'%1' must be an object"_s.arg(key);
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    if (!onlyKeys(o, {u"url"_s, u"override"_s, u"kind"_s}, key, error))
        return std::nullopt;
    OAuthProfile::Endpoint e;
    e.url = QUrl(o.value(u"url"_s).toString(), QUrl::StrictMode);
    if (!e.url.isValid() || e.url.host().isEmpty() || (e.url.scheme() != u"https"_s && e.url.scheme() != u"http"_s)) {
        *error = u"%1.url: must be an http(s) URL"_s.arg(key);
        return std::nullopt;
    }
    const QString override = o.value(u"override"_s).toString();
    if (override.isEmpty())
        e.override = OAuthProfile::Endpoint::Override::None;
    else if (override == u"authBaseUrl"_s)
        e.override = OAuthProfile::Endpoint::Override::AuthBaseUrl;
    else if (override == u"baseUrlOrigin"_s)
        e.override = OAuthProfile::Endpoint::Override::BaseUrlOrigin;
    else {
        *error = u"%1.override: '%2' is not authBaseUrl or baseUrlOrigin"_s.arg(key, override);
        return std::nullopt;
    }
    return e;
}

struct ProfileCatalog {
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
            QString error;
            auto profile = OAuthProfile::parse(file.readAll(), &error);
            if (!profile) {
                qCWarning(lcConnectors) << "ignoring invalid OAuth profile" << file.fileName() << error;
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

std::optional<OAuthProfile> OAuthProfile::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = u"not a JSON object"_s;
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (!onlyKeys(root,
                  {u"$comment"_s, u"type"_s, u"provider"_s, u"authorize"_s, u"token"_s, u"discovery"_s, u"scopes"_s,
                   u"authorizeParams"_s, u"defaultTokenLifetime"_s, u"refreshMargin"_s},
                  u"profile"_s, error))
        return std::nullopt;
    OAuthProfile p;
    p.type = root.value(u"type"_s).toString();
    p.provider = root.value(u"provider"_s).toString();
    if (p.type.isEmpty() || p.provider.isEmpty()) {
        *error = u"'type' and 'provider' are required"_s;
        return std::nullopt;
    }
    auto authorize = readEndpoint(root, u"authorize"_s, true, error);
    auto token = readEndpoint(root, u"token"_s, true, error);
    auto discovery = readEndpoint(root, u"discovery"_s, false, error);
    if (!authorize || !token || !discovery)
        return std::nullopt;
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
    else {
        *error = u"discovery.kind: '%1' is not xero_connections or docusign_userinfo"_s.arg(kind);
        return std::nullopt;
    }
    const QJsonValue scopes = root.value(u"scopes"_s);
    if (!scopes.isArray() || scopes.toArray().isEmpty()) {
        *error = u"'scopes' must be a non-empty array"_s;
        return std::nullopt;
    }
    for (const auto &s : scopes.toArray()) {
        if (!s.isString() || s.toString().isEmpty() || s.toString().contains(u' ')) {
            *error = u"'scopes' must hold single scope names"_s;
            return std::nullopt;
        }
        p.scopes.append(s.toString());
    }
    const QJsonObject params = root.value(u"authorizeParams"_s).toObject();
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!it->isString()) {
            *error = u"authorizeParams.%1: must be a string"_s.arg(it.key());
            return std::nullopt;
        }
        p.authorizeParams.append({it.key(), it->toString()});
    }
    if (root.contains(u"defaultTokenLifetime"_s)) {
        p.defaultTokenLifetimeSeconds = root.value(u"defaultTokenLifetime"_s).toInt(-1);
        if (p.defaultTokenLifetimeSeconds <= 0) {
            *error = u"'defaultTokenLifetime' must be a positive number of seconds"_s;
            return std::nullopt;
        }
    }
    if (root.contains(u"refreshMargin"_s)) {
        p.refreshMarginSeconds = root.value(u"refreshMargin"_s).toInt(-1);
        if (p.refreshMarginSeconds < 0) {
            *error = u"'refreshMargin' must be a number of seconds"_s;
            return std::nullopt;
        }
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
    case Endpoint::Override::None:
        return url;
    case Endpoint::Override::AuthBaseUrl:
        overrideText = config.value(u"authBaseUrl"_s).toString().trimmed();
        break;
    case Endpoint::Override::BaseUrlOrigin:
        overrideText = config.value(u"baseUrl"_s).toString().trimmed();
        break;
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
