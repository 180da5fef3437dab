// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionvalidator.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/services/identityservice.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// The messages were written for the connection service and are translated under its name.
QString tr(const char *s)
{
    return QCoreApplication::translate("ConnectionService", s);
}

const QStringList &frequencies()
{
    static const QStringList f{u"hourly"_s, u"daily"_s, u"weekly"_s, u"monthly"_s};
    return f;
}

QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

} // namespace

ConnectionValidator::ConnectionValidator(const IdentityService *identity)
    : m_identity(identity)
{
}

Result<QString> ConnectionValidator::name(const QString &value)
{
    const QString name = value.trimmed();
    if (name.isEmpty())
        return Error::invalid(tr("name: must not be empty"));
    if (name.size() > 200)
        return Error::invalid(tr("name: longer than 200 characters"));
    return name;
}

QJsonObject ConnectionValidator::defaultSchedule()
{
    return QJsonObject{{u"enabled"_s, false}, {u"frequency"_s, u"daily"_s}};
}

Result<QJsonObject> ConnectionValidator::schedule(const QJsonObject &in, const QJsonObject &base)
{
    QJsonObject out = base.isEmpty() ? defaultSchedule() : base;
    for (auto it = in.begin(); it != in.end(); ++it) {
        if (it.key() == u"enabled"_s) {
            if (!it.value().isBool())
                return Error::invalid(tr("schedule.enabled: must be true or false"));
            out.insert(u"enabled"_s, it.value().toBool());
        } else if (it.key() == u"frequency"_s) {
            if (!it.value().isString() || !frequencies().contains(it.value().toString()))
                return Error::invalid(tr("schedule.frequency: must be one of hourly, daily, weekly, monthly"));
            out.insert(u"frequency"_s, it.value().toString());
        } else {
            return Error::invalid(tr("schedule.%1: unknown field (expected enabled, frequency)").arg(it.key()));
        }
    }
    return out;
}

Result<void> ConnectionValidator::credentials(const ConnectorTypeInfo &type, const QJsonObject &credentials)
{
    QSet<QString> known;
    for (const auto &field : type.credentials) {
        known.insert(field.name);
        const QJsonValue v = credentials.value(field.name);
        if (v.isUndefined() || v.isNull()) {
            if (field.required)
                return Error::invalid(tr("credentials.%1: required for %2").arg(field.name, type.type));
            continue;
        }
        if (!v.isString())
            return Error::invalid(tr("credentials.%1: must be a string").arg(field.name));
        if (field.required && v.toString().trimmed().isEmpty())
            return Error::invalid(tr("credentials.%1: must not be empty").arg(field.name));
        if (v.toString().size() > 8192)
            return Error::invalid(tr("credentials.%1: longer than 8192 characters").arg(field.name));
    }
    for (const auto &key : sortedKeys(credentials)) {
        if (!known.contains(key))
            return Error::invalid(tr("credentials.%1: not a credential of %2 (expected: %3)")
                                      .arg(key, type.type, QStringList(known.begin(), known.end()).join(u", "_s)));
    }
    return {};
}

Result<void> ConnectionValidator::config(const ConnectorTypeInfo &type, const QJsonObject &config)
{
    for (const auto &field : type.config) {
        const QJsonValue v = config.value(field.name);
        if (v.isUndefined() || v.isNull()) {
            if (field.required)
                return Error::invalid(tr("config.%1: required for %2").arg(field.name, type.type));
            continue;
        }
        const auto shaped = [&field](const QString &value) -> std::optional<Error> {
            if (field.pattern.isEmpty() || value.isEmpty())
                return std::nullopt;
            const QRegularExpression pattern(QRegularExpression::anchoredPattern(field.pattern));
            if (pattern.match(value.trimmed()).hasMatch())
                return std::nullopt;
            return Error::invalid(tr("config.%1: \"%2\" is not %3").arg(field.name, value.left(64), field.patternHint));
        };
        switch (field.kind) {
        case ConnectorField::Kind::String:
            if (!v.isString())
                return Error::invalid(tr("config.%1: must be a string").arg(field.name));
            if (field.required && v.toString().trimmed().isEmpty())
                return Error::invalid(tr("config.%1: must not be empty").arg(field.name));
            if (auto bad = shaped(v.toString()))
                return *bad;
            break;
        case ConnectorField::Kind::StringList: {
            if (!v.isArray())
                return Error::invalid(tr("config.%1: must be an array of strings").arg(field.name));
            const QJsonArray a = v.toArray();
            for (const auto &item : a) {
                if (!item.isString() || item.toString().trimmed().isEmpty())
                    return Error::invalid(tr("config.%1: must be an array of non-empty strings").arg(field.name));
                if (auto bad = shaped(item.toString()))
                    return *bad;
            }
            if (field.required && a.isEmpty())
                return Error::invalid(tr("config.%1: must not be empty").arg(field.name));
            break;
        }
        case ConnectorField::Kind::Boolean:
            if (!v.isBool())
                return Error::invalid(tr("config.%1: must be true or false").arg(field.name));
            break;
        case ConnectorField::Kind::Integer:
            if (!v.isDouble())
                return Error::invalid(tr("config.%1: must be a number").arg(field.name));
            break;
        }
    }
    for (const auto &key : {u"baseUrl"_s, u"authBaseUrl"_s}) {
        if (!config.contains(key))
            continue;
        const QUrl url(config.value(key).toString(), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
            return Error::invalid(tr("config.%1: must be an http or https URL").arg(key));
    }
    if (config.contains(u"createOwnTables"_s) && !config.value(u"createOwnTables"_s).isBool())
        return Error::invalid(tr("config.createOwnTables: must be true or false"));
    if (config.contains(u"maxConcurrency"_s)) {
        // How many streams and partitions one run reads at once (ReadScheduler's slots).
        const QJsonValue v = config.value(u"maxConcurrency"_s);
        const double n = v.toDouble();
        if (!v.isDouble() || n != std::floor(n) || n < 1 || n > 16)
            return Error::invalid(tr("config.maxConcurrency: must be an integer from 1 to 16"));
    }
    if (config.contains(u"streams"_s)) {
        // The streams every run reads unless the trigger names its own; empty or absent: all.
        const QJsonValue streams = config.value(u"streams"_s);
        if (!streams.isArray())
            return Error::invalid(tr("config.streams: must be an array of stream names"));
        for (const auto &item : streams.toArray()) {
            if (!item.isString() || item.toString().trimmed().isEmpty())
                return Error::invalid(tr("config.streams: must be an array of stream names"));
        }
    }
    return {};
}

Result<QJsonArray> ConnectionValidator::notifyUserIds(const QString &workspaceId, const QStringList &userIds) const
{
    QJsonArray out;
    QSet<QString> seen;
    for (const QString &id : userIds) {
        if (!m_identity->isMember(workspaceId, id))
            return Error::invalid(tr("notifyUserIds: \"%1\" is not a member of this workspace").arg(id.left(64)));
        if (!seen.contains(id)) {
            seen.insert(id);
            out.append(id);
        }
    }
    return out;
}

Result<void> ConnectionValidator::streamSelection(const ConnectionRecord &connection) const
{
    const QJsonArray streams = connection.config.value(u"streams"_s).toArray();
    if (streams.isEmpty() || !m_streamCatalog)
        return {};
    auto known = m_streamCatalog(connection);
    if (!known)
        return known.error();
    for (const auto &item : streams) {
        if (!known->contains(item.toString()))
            return Error::invalid(tr("config.streams: unknown stream \"%1\" (this connection has: %2)")
                                      .arg(item.toString().left(64), known->join(u", "_s)));
    }
    return {};
}

Result<QByteArray> ConnectionValidator::webhookToken(const QString &token)
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    static const QRegularExpression current(u"^whk_[A-Za-z0-9_-]{43}$"_s);
    if (hex.match(token).hasMatch())
        return QByteArray::fromHex(token.toLatin1());
    if (current.match(token).hasMatch()) {
        const auto decoded = QByteArray::fromBase64Encoding(token.mid(4).toLatin1(),
                                                            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                                | QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && decoded.decoded.size() == 32)
            return decoded.decoded;
    }
    return Error::invalid(tr("webhookToken: expected 64 lowercase hex characters or whk_ followed by 43 base64url characters"));
}

} // namespace Opbox
