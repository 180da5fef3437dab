// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionoriginchange.h"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

/** `scheme://host[:port]` of a configured URL, lower-cased by QUrl; empty when not set. */
QString originOf(const QJsonValue &value)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return text; // not a URL the validator lets through; compared as it is
    const int defaultPort = url.scheme() == u"https"_s ? 443 : (url.scheme() == u"http"_s ? 80 : -1);
    QString origin = url.scheme() + u"://"_s + url.host(QUrl::FullyEncoded);
    if (url.port(defaultPort) != defaultPort)
        origin += u':' + QString::number(url.port());
    return origin;
}

} // namespace

ConnectionOriginChange ConnectionOriginChange::between(const QJsonObject &before, const QJsonObject &after)
{
    ConnectionOriginChange change;
    for (const QString &key : {u"baseUrl"_s, u"authBaseUrl"_s}) {
        const QString from = originOf(before.value(key));
        const QString to = originOf(after.value(key));
        if (from != to)
            change.m_moved.append({key, from, to});
    }
    return change;
}

Error ConnectionOriginChange::credentialsRequired(const QString &credentialsField) const
{
    QStringList keys;
    for (const Moved &m : m_moved)
        keys.append(u"config."_s + m.key);
    return Error::invalid(tr("%1: required when %2 moves to another origin; stored credentials are never sent to a new "
                             "address")
                              .arg(credentialsField, keys.join(u", "_s)),
                          u"CREDENTIALS_REQUIRED"_s);
}

QJsonArray ConnectionOriginChange::auditDetails() const
{
    QJsonArray out;
    for (const Moved &m : m_moved) {
        out.append(QJsonObject{{u"key"_s, m.key},
                               {u"from"_s, m.from.isEmpty() ? QJsonValue() : QJsonValue(m.from)},
                               {u"to"_s, m.to.isEmpty() ? QJsonValue() : QJsonValue(m.to)}});
    }
    return out;
}

QJsonObject ConnectionOriginChange::withoutTokens(QJsonObject credentials)
{
    for (const auto &key : {u"access_token"_s, u"refresh_token"_s, u"expires_at"_s})
        credentials.remove(key);
    return credentials;
}

} // namespace Opbox
