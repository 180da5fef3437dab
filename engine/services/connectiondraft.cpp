// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectiondraft.h"
#include "connectors/runtime/connectortyperegistry.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// The messages were written for the connection service and are translated under its name.
QString tr(const char *s)
{
    return QCoreApplication::translate("ConnectionService", s);
}

Result<void> onlyKnownFields(const QJsonObject &body, const QSet<QString> &known)
{
    QStringList keys = body.keys();
    keys.sort();
    for (const auto &key : std::as_const(keys)) {
        if (!known.contains(key))
            return Error::invalid(tr("%1: unknown field").arg(key.left(64)));
    }
    return {};
}

Result<QString> readName(const QJsonValue &value)
{
    if (!value.isString())
        return Error::invalid(tr("name: required, a string of 1 to 200 characters"));
    return value.toString();
}

Result<QStringList> readUserIds(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (!value.isArray())
        return Error::invalid(tr("notifyUserIds: must be an array of user ids"));
    QStringList out;
    for (const auto &v : value.toArray()) {
        if (!v.isString())
            return Error::invalid(tr("notifyUserIds: must be an array of user ids"));
        out.append(v.toString());
    }
    return out;
}

/** A schedule patch: null or absent changes nothing. */
Result<QJsonObject> readSchedule(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QJsonObject();
    if (!value.isObject())
        return Error::invalid(tr("schedule: must be an object {enabled, frequency}"));
    return value.toObject();
}

Result<bool> readEnabled(const QJsonValue &value)
{
    if (!value.isBool())
        return Error::invalid(tr("enabled: must be true or false"));
    return value.toBool();
}

} // namespace

Result<ConnectionDraft> ConnectionDraft::fromJson(const QJsonObject &body)
{
    static const QSet<QString> allowed{u"name"_s,     u"type"_s,          u"credentials"_s, u"config"_s,
                                       u"schedule"_s, u"notifyUserIds"_s, u"enabled"_s,     u"webhookToken"_s};
    if (auto ok = onlyKnownFields(body, allowed); !ok)
        return ok.error();
    ConnectionDraft draft;
    auto name = readName(body.value(u"name"_s));
    if (!name)
        return name.error();
    draft.name = *name;
    const QJsonValue type = body.value(u"type"_s);
    if (!type.isString())
        return Error::invalid(tr("type: required, one of %1").arg(ConnectorTypeRegistry::typeNames().join(u", "_s)));
    draft.type = type.toString();
    const QJsonValue credentials = body.value(u"credentials"_s);
    if (!credentials.isObject())
        return Error::invalid(tr("credentials: required, an object"));
    draft.credentials = credentials.toObject();
    const QJsonValue config = body.value(u"config"_s);
    if (!config.isUndefined() && !config.isNull() && !config.isObject())
        return Error::invalid(tr("config: must be an object"));
    draft.config = config.toObject();
    auto schedule = readSchedule(body.value(u"schedule"_s));
    if (!schedule)
        return schedule.error();
    draft.schedule = *schedule;
    auto notify = readUserIds(body.value(u"notifyUserIds"_s));
    if (!notify)
        return notify.error();
    draft.notifyUserIds = *notify;
    if (body.contains(u"enabled"_s)) {
        auto enabled = readEnabled(body.value(u"enabled"_s));
        if (!enabled)
            return enabled.error();
        draft.enabled = *enabled;
    }
    if (body.contains(u"webhookToken"_s)) {
        if (!body.value(u"webhookToken"_s).isString())
            return Error::invalid(tr("webhookToken: must be a string"));
        draft.webhookToken = body.value(u"webhookToken"_s).toString();
    }
    return draft;
}

Result<ConnectionChange> ConnectionChange::fromJson(const QJsonObject &body)
{
    static const QSet<QString> accepted{
        // writable
        u"name"_s, u"config"_s, u"schedule"_s, u"notifyUserIds"_s, u"credentials"_s, u"enabled"_s, u"type"_s,
        // read-only, ignored
        u"id"_s, u"status"_s, u"statusMessage"_s, u"credentialFields"_s, u"lastRun"_s, u"createdAt"_s, u"updatedAt"_s,
        u"variantGroupId"_s, u"variantLabel"_s, u"webhookUrl"_s, u"nextRunAt"_s};
    if (auto ok = onlyKnownFields(body, accepted); !ok)
        return ok.error();
    ConnectionChange change;
    if (body.contains(u"type"_s))
        change.type = body.value(u"type"_s).toString();
    if (body.contains(u"name"_s)) {
        auto name = readName(body.value(u"name"_s));
        if (!name)
            return name.error();
        change.name = *name;
    }
    if (body.contains(u"config"_s)) {
        if (!body.value(u"config"_s).isObject())
            return Error::invalid(tr("config: must be an object"));
        change.config = body.value(u"config"_s).toObject();
    }
    if (body.contains(u"schedule"_s)) {
        auto schedule = readSchedule(body.value(u"schedule"_s));
        if (!schedule)
            return schedule.error();
        change.schedule = *schedule;
    }
    if (body.contains(u"notifyUserIds"_s)) {
        auto notify = readUserIds(body.value(u"notifyUserIds"_s));
        if (!notify)
            return notify.error();
        change.notifyUserIds = *notify;
    }
    if (body.contains(u"enabled"_s)) {
        auto enabled = readEnabled(body.value(u"enabled"_s));
        if (!enabled)
            return enabled.error();
        change.enabled = *enabled;
    }
    if (body.contains(u"credentials"_s)) {
        if (!body.value(u"credentials"_s).isObject())
            return Error::invalid(tr("credentials: must be an object"));
        change.credentials = body.value(u"credentials"_s).toObject();
    }
    return change;
}

} // namespace Opbox
