// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "engine/store/auditlog.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/store/database.h"
#include "engine/enginelogging.h"
#include "engine/services/identityservice.h"
#include "base/ids.h"
#include "engine/security/vault.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("ConnectionService", s);
}

QByteArray credentialsAad(const QString &connectionId)
{
    return "credentials:" + connectionId.toUtf8();
}

QByteArray webhookAad(const QString &connectionId)
{
    return "webhook:" + connectionId.toUtf8();
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonArray parseArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

const QStringList &frequencies()
{
    static const QStringList f{u"hourly"_s, u"daily"_s, u"weekly"_s, u"monthly"_s};
    return f;
}

Result<QString> validateName(const QJsonValue &value)
{
    if (!value.isString())
        return Error::invalid(tr("name: required, a string of 1 to 200 characters"));
    const QString name = value.toString().trimmed();
    if (name.isEmpty())
        return Error::invalid(tr("name: must not be empty"));
    if (name.size() > 200)
        return Error::invalid(tr("name: longer than 200 characters"));
    return name;
}

const QString SelectColumns =
    u"id, workspace_id, name, type, status, status_message, enabled, config, schedule, notify_user_ids,"
    " variant_group_id, variant_label, credential_fields, table_base, created_at, updated_at"_s;

ConnectionRecord readRecord(SqlQuery &q)
{
    ConnectionRecord r;
    r.id = q.value(0).toString();
    r.workspaceId = q.value(1).toString();
    r.name = q.value(2).toString();
    r.type = q.value(3).toString();
    r.status = q.value(4).toString();
    r.statusMessage = q.value(5).toString();
    r.enabled = q.value(6).toBool();
    r.config = parseObject(q.value(7).toString());
    r.schedule = parseObject(q.value(8).toString());
    r.notifyUserIds = parseArray(q.value(9).toString());
    r.variantGroupId = q.value(10).toString();
    r.variantLabel = q.value(11).toString();
    for (const auto &v : parseArray(q.value(12).toString()))
        r.credentialFields.append(v.toString());
    r.tableBase = q.value(13).toString();
    r.createdAt = q.value(14).toString();
    r.updatedAt = q.value(15).toString();
    return r;
}

QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

} // namespace

ConnectionService::ConnectionService(Database *metadata, const Vault *vault, IdentityService *identity, AuditLog *audit,
                                     QObject *parent)
    : QObject(parent)
    , m_metadata(metadata)
    , m_vault(vault)
    , m_identity(identity)
    , m_audit(audit)
{
}

void ConnectionService::addDecorator(Decorator decorator)
{
    m_decorators.append(std::move(decorator));
}

QJsonObject ConnectionService::defaultSchedule()
{
    return QJsonObject{{u"enabled"_s, false}, {u"frequency"_s, u"daily"_s}};
}

Result<QJsonObject> ConnectionService::normaliseSchedule(const QJsonValue &value, const QJsonObject &base)
{
    if (value.isNull() || value.isUndefined())
        return base.isEmpty() ? defaultSchedule() : base;
    if (!value.isObject())
        return Error::invalid(tr("schedule: must be an object {enabled, frequency}"));
    const QJsonObject in = value.toObject();
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

Result<void> ConnectionService::validateCredentials(const ConnectorTypeInfo &type, const QJsonObject &credentials)
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

Result<void> ConnectionService::validateConfig(const ConnectorTypeInfo &type, const QJsonObject &config)
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

Result<void> ConnectionService::validateStreamSelection(const ConnectionRecord &connection) const
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

Result<QByteArray> ConnectionService::parseWebhookToken(const QString &token)
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

Result<QJsonArray> ConnectionService::validateNotifyUserIds(const Caller &caller, const QJsonValue &value) const
{
    if (value.isUndefined() || value.isNull())
        return QJsonArray();
    if (!value.isArray())
        return Error::invalid(tr("notifyUserIds: must be an array of user ids"));
    QJsonArray out;
    QSet<QString> seen;
    for (const auto &v : value.toArray()) {
        if (!v.isString())
            return Error::invalid(tr("notifyUserIds: must be an array of user ids"));
        const QString id = v.toString();
        if (!m_identity->isMember(caller.workspaceId, id))
            return Error::invalid(tr("notifyUserIds: \"%1\" is not a member of this workspace").arg(id.left(64)));
        if (!seen.contains(id)) {
            seen.insert(id);
            out.append(id);
        }
    }
    return out;
}

QJsonObject ConnectionService::toJson(const ConnectionRecord &r) const
{
    QJsonArray fields;
    for (const auto &f : r.credentialFields)
        fields.append(f);
    QJsonObject o{{u"id"_s, r.id},
                  {u"name"_s, r.name},
                  {u"type"_s, r.type},
                  {u"status"_s, r.status},
                  {u"statusMessage"_s, r.statusMessage.isEmpty() ? QJsonValue() : QJsonValue(r.statusMessage)},
                  {u"enabled"_s, r.enabled},
                  {u"config"_s, r.config},
                  {u"schedule"_s, r.schedule},
                  {u"notifyUserIds"_s, r.notifyUserIds},
                  {u"variantGroupId"_s, r.variantGroupId.isEmpty() ? QJsonValue() : QJsonValue(r.variantGroupId)},
                  {u"variantLabel"_s, r.variantLabel.isEmpty() ? QJsonValue() : QJsonValue(r.variantLabel)},
                  {u"credentialFields"_s, fields},
                  {u"lastRun"_s, QJsonValue()},
                  {u"createdAt"_s, r.createdAt},
                  {u"updatedAt"_s, r.updatedAt}};
    for (const auto &decorate : m_decorators)
        decorate(r, o);
    return o;
}

Result<ConnectionRecord> ConnectionService::load(const QString &id, const QString &workspaceId) const
{
    const QString where = workspaceId.isNull() ? u" WHERE id = ?"_s : u" WHERE id = ? AND workspace_id = ?"_s;
    SqlQuery q(m_metadata->connection(), u"SELECT "_s + SelectColumns + u" FROM connections"_s + where);
    q.bind(id);
    if (!workspaceId.isNull())
        q.bind(workspaceId);
    if (!q.exec())
        return Error::internal();
    if (!q.next())
        return Error::notFound(tr("connection not found: %1").arg(id.left(64)));
    return readRecord(q);
}

Result<ConnectionRecord> ConnectionService::record(const Caller &caller, const QString &id) const
{
    return load(id, caller.workspaceId.isNull() ? u""_s : caller.workspaceId);
}

Result<ConnectionRecord> ConnectionService::recordById(const QString &id) const
{
    return load(id, QString());
}

Result<QJsonArray> ConnectionService::list(const Caller &caller) const
{
    SqlQuery q(m_metadata->connection(),
               u"SELECT "_s + SelectColumns + u" FROM connections WHERE workspace_id = ? ORDER BY created_at, id"_s);
    q.bind(caller.workspaceId);
    if (!q.exec())
        return Error::internal();
    QJsonArray out;
    while (q.next())
        out.append(toJson(readRecord(q)));
    return out;
}

Result<QJsonObject> ConnectionService::get(const Caller &caller, const QString &id) const
{
    auto r = record(caller, id);
    if (!r)
        return r.error();
    return toJson(*r);
}

QStringList ConnectionService::ids(const QString &workspaceId) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT id FROM connections WHERE workspace_id = ? ORDER BY created_at, id"_s);
    q.bind(workspaceId);
    QStringList out;
    if (q.exec()) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

Result<QJsonObject> ConnectionService::create(const Caller &caller, const QJsonObject &body)
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    static const QSet<QString> allowed{u"name"_s, u"type"_s, u"credentials"_s, u"config"_s, u"schedule"_s,
                                       u"notifyUserIds"_s, u"enabled"_s, u"webhookToken"_s};
    for (const auto &key : sortedKeys(body)) {
        if (!allowed.contains(key))
            return Error::invalid(tr("%1: unknown field").arg(key.left(64)));
    }
    auto name = validateName(body.value(u"name"_s));
    if (!name)
        return name.error();
    const QJsonValue typeValue = body.value(u"type"_s);
    if (!typeValue.isString())
        return Error::invalid(tr("type: required, one of %1").arg(ConnectorTypeRegistry::typeNames().join(u", "_s)));
    const ConnectorTypeInfo *type = ConnectorTypeRegistry::find(typeValue.toString());
    if (!type)
        return Error::invalid(tr("type: unknown connector type \"%1\" (known: %2)")
                                  .arg(typeValue.toString().left(64), ConnectorTypeRegistry::typeNames().join(u", "_s)));
    const QJsonValue credValue = body.value(u"credentials"_s);
    if (!credValue.isObject())
        return Error::invalid(tr("credentials: required, an object"));
    const QJsonObject credentials = credValue.toObject();
    if (auto ok = validateCredentials(*type, credentials); !ok)
        return ok.error();
    const QJsonValue configValue = body.value(u"config"_s);
    if (!configValue.isUndefined() && !configValue.isNull() && !configValue.isObject())
        return Error::invalid(tr("config: must be an object"));
    const QJsonObject config = configValue.toObject();
    if (auto ok = validateConfig(*type, config); !ok)
        return ok.error();
    {
        ConnectionRecord draft;
        draft.workspaceId = caller.workspaceId;
        draft.name = *name;
        draft.type = type->type;
        draft.config = config;
        if (auto ok = validateStreamSelection(draft); !ok)
            return ok.error();
    }
    auto schedule = normaliseSchedule(body.value(u"schedule"_s), {});
    if (!schedule)
        return schedule.error();
    auto notify = validateNotifyUserIds(caller, body.value(u"notifyUserIds"_s));
    if (!notify)
        return notify.error();
    const QJsonValue enabledValue = body.value(u"enabled"_s);
    if (!enabledValue.isUndefined() && !enabledValue.isBool())
        return Error::invalid(tr("enabled: must be true or false"));
    QByteArray webhookBytes;
    if (body.contains(u"webhookToken"_s)) {
        if (!body.value(u"webhookToken"_s).isString())
            return Error::invalid(tr("webhookToken: must be a string"));
        auto parsed = parseWebhookToken(body.value(u"webhookToken"_s).toString());
        if (!parsed)
            return parsed.error();
        webhookBytes = *parsed;
    } else {
        webhookBytes = Ids::randomBytes(32);
    }

    const QString id = Ids::newId();
    auto encCredentials = m_vault->encryptJson(credentials, credentialsAad(id));
    auto encWebhook = m_vault->encrypt(webhookBytes, webhookAad(id));
    if (!encCredentials || !encWebhook)
        return Error::internal(tr("cannot encrypt the credentials"));
    QJsonArray fieldNames;
    for (const auto &key : sortedKeys(credentials))
        fieldNames.append(key);
    const QString now = Ids::isoNow();
    SqlQuery q(m_metadata->connection(),
               u"INSERT INTO connections(id, workspace_id, name, type, status, enabled, config, schedule, notify_user_ids,"
               " credentials, credential_fields, webhook_token_hash, webhook_token_enc, created_at, updated_at)"
               " VALUES(?, ?, ?, ?, 'DISCONNECTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.bind(id)
        .bind(caller.workspaceId)
        .bind(*name)
        .bind(type->type)
        .bind(enabledValue.isUndefined() ? 1 : int(enabledValue.toBool()))
        .bind(jsonText(config))
        .bind(jsonText(*schedule))
        .bind(jsonText(*notify))
        .bind(*encCredentials)
        .bind(jsonText(fieldNames))
        .bind(Ids::sha256(webhookBytes))
        .bind(*encWebhook)
        .bind(now)
        .bind(now);
    if (!q.exec()) {
        if (q.isConstraintViolation())
            return Error::conflict(tr("webhookToken: already used by another connection"));
        return Error::internal();
    }
    m_audit->record(caller, u"CONNECTION_CREATE"_s, u"connection"_s, id,
                    QJsonObject{{u"name"_s, *name}, {u"type"_s, type->type}, {u"credentialFields"_s, fieldNames},
                                {u"webhookTokenImported"_s, body.contains(u"webhookToken"_s)}});
    Q_EMIT connectionChanged(caller.workspaceId, id);
    return get(caller, id);
}

Result<QJsonObject> ConnectionService::update(const Caller &caller, const QString &id, const QJsonObject &body)
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    auto current = record(caller, id);
    if (!current)
        return current.error();
    ConnectionRecord r = *current;
    const ConnectorTypeInfo *type = ConnectorTypeRegistry::find(r.type);
    if (!type)
        return Error::internal();
    // Read-only members of the connection object may be sent back unchanged (GET, edit, PUT).
    static const QSet<QString> readOnly{u"id"_s, u"status"_s, u"statusMessage"_s, u"credentialFields"_s, u"lastRun"_s,
                                        u"createdAt"_s, u"updatedAt"_s, u"variantGroupId"_s, u"variantLabel"_s,
                                        u"webhookUrl"_s, u"nextRunAt"_s};
    static const QSet<QString> writable{u"name"_s, u"config"_s, u"schedule"_s, u"notifyUserIds"_s, u"credentials"_s,
                                        u"enabled"_s, u"type"_s};
    QStringList changed;
    for (const auto &key : sortedKeys(body)) {
        if (!writable.contains(key) && !readOnly.contains(key))
            return Error::invalid(tr("%1: unknown field").arg(key.left(64)));
    }
    if (body.contains(u"type"_s) && body.value(u"type"_s).toString() != r.type)
        return Error::invalid(tr("type: cannot be changed; create a new connection instead"));
    if (body.contains(u"name"_s)) {
        auto name = validateName(body.value(u"name"_s));
        if (!name)
            return name.error();
        r.name = *name;
        changed.append(u"name"_s);
    }
    if (body.contains(u"config"_s)) {
        const QJsonValue v = body.value(u"config"_s);
        if (!v.isObject())
            return Error::invalid(tr("config: must be an object"));
        const QJsonObject patch = v.toObject();
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it.value().isNull())
                r.config.remove(it.key());
            else
                r.config.insert(it.key(), it.value());
        }
        if (auto ok = validateConfig(*type, r.config); !ok)
            return ok.error();
        // Only a new selection is checked: one that names a stream the connector dropped since
        // must not block unrelated edits, nor a client that sends the stored config back (runs
        // skip such names).
        if (patch.contains(u"streams"_s) && patch.value(u"streams"_s) != current->config.value(u"streams"_s)) {
            if (auto ok = validateStreamSelection(r); !ok)
                return ok.error();
        }
        changed.append(u"config"_s);
    }
    if (body.contains(u"schedule"_s)) {
        auto schedule = normaliseSchedule(body.value(u"schedule"_s), r.schedule);
        if (!schedule)
            return schedule.error();
        r.schedule = *schedule;
        changed.append(u"schedule"_s);
    }
    if (body.contains(u"notifyUserIds"_s)) {
        auto notify = validateNotifyUserIds(caller, body.value(u"notifyUserIds"_s));
        if (!notify)
            return notify.error();
        r.notifyUserIds = *notify;
        changed.append(u"notifyUserIds"_s);
    }
    if (body.contains(u"enabled"_s)) {
        if (!body.value(u"enabled"_s).isBool())
            return Error::invalid(tr("enabled: must be true or false"));
        r.enabled = body.value(u"enabled"_s).toBool();
        changed.append(u"enabled"_s);
    }
    QByteArray encCredentials;
    QJsonArray fieldNames;
    if (body.contains(u"credentials"_s)) {
        if (!body.value(u"credentials"_s).isObject())
            return Error::invalid(tr("credentials: must be an object"));
        const QJsonObject credentials = body.value(u"credentials"_s).toObject();
        if (auto ok = validateCredentials(*type, credentials); !ok)
            return ok.error();
        auto enc = m_vault->encryptJson(credentials, credentialsAad(id));
        if (!enc)
            return Error::internal(tr("cannot encrypt the credentials"));
        encCredentials = *enc;
        for (const auto &key : sortedKeys(credentials))
            fieldNames.append(key);
        changed.append(u"credentials"_s);
    }

    auto db = m_metadata->connection();
    Transaction tx(db);
    SqlQuery q(db, u"UPDATE connections SET name = ?, config = ?, schedule = ?, notify_user_ids = ?, enabled = ?,"
                   " updated_at = ? WHERE id = ?"_s);
    q.bind(r.name).bind(jsonText(r.config)).bind(jsonText(r.schedule)).bind(jsonText(r.notifyUserIds))
        .bind(int(r.enabled)).bind(Ids::isoNow()).bind(id);
    if (!q.exec())
        return Error::internal();
    if (!encCredentials.isEmpty()) {
        // New credentials are untested: the connection is no longer known to be connected.
        SqlQuery c(db, u"UPDATE connections SET credentials = ?, credential_fields = ?, status = 'DISCONNECTED',"
                       " status_message = NULL WHERE id = ?"_s);
        c.bind(encCredentials).bind(jsonText(fieldNames)).bind(id);
        if (!c.exec())
            return Error::internal();
    }
    if (!tx.commit())
        return Error::internal();
    m_audit->record(caller, u"CONNECTION_UPDATE"_s, u"connection"_s, id,
                    QJsonObject{{u"fields"_s, QJsonArray::fromStringList(changed)}});
    Q_EMIT connectionChanged(caller.workspaceId, id);
    return get(caller, id);
}

Result<void> ConnectionService::remove(const Caller &caller, const QString &id)
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    auto current = record(caller, id);
    if (!current)
        return current.error();
    SqlQuery q(m_metadata->connection(), u"DELETE FROM connections WHERE id = ? AND workspace_id = ?"_s);
    q.bind(id).bind(caller.workspaceId);
    if (!q.exec())
        return Error::internal();
    m_audit->record(caller, u"CONNECTION_DELETE"_s, u"connection"_s, id,
                    QJsonObject{{u"name"_s, current->name}, {u"type"_s, current->type}});
    Q_EMIT connectionRemoved(caller.workspaceId, id);
    return {};
}

Result<QJsonObject> ConnectionService::credentials(const QString &connectionId) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT credentials FROM connections WHERE id = ?"_s);
    q.bind(connectionId);
    if (!q.exec())
        return Error::internal();
    if (!q.next())
        return Error::notFound(tr("connection not found: %1").arg(connectionId.left(64)));
    if (q.value(0).isNull())
        return QJsonObject();
    return m_vault->decryptJson(q.value(0).toByteArray(), credentialsAad(connectionId));
}

Result<void> ConnectionService::storeCredentials(const QString &connectionId, const QJsonObject &credentials)
{
    const QString refreshKey = u"refresh_token"_s;
    auto previous = this->credentials(connectionId);
    auto db = m_metadata->connection();
    Transaction tx(db);
    if (auto ok = writeCredentials(connectionId, credentials); !ok)
        return ok;
    // Variants copy an OAuth connection's tokens. A provider that rotates refresh tokens (Xero does
    // on every refresh) would leave the others of the group holding a dead one, so a rotation
    // reaches every connection of the group that held the same refresh token.
    const QString oldRefresh = previous ? previous->value(refreshKey).toString() : QString();
    const QString newRefresh = credentials.value(refreshKey).toString();
    if (!oldRefresh.isEmpty() && !newRefresh.isEmpty() && oldRefresh != newRefresh) {
        auto record = recordById(connectionId);
        if (record && !record->variantGroupId.isEmpty()) {
            SqlQuery group(db, u"SELECT id FROM connections WHERE variant_group_id = ? AND id <> ?"_s);
            group.bind(record->variantGroupId).bind(connectionId);
            if (!group.exec())
                return Error::internal();
            QStringList others;
            while (group.next())
                others.append(group.value(0).toString());
            for (const auto &other : std::as_const(others)) {
                auto theirs = this->credentials(other);
                if (!theirs || theirs->value(refreshKey).toString() != oldRefresh)
                    continue;
                QJsonObject updated = *theirs;
                for (const auto &key : {u"access_token"_s, u"refresh_token"_s, u"expires_at"_s}) {
                    if (credentials.contains(key))
                        updated.insert(key, credentials.value(key));
                }
                if (auto ok = writeCredentials(other, updated); !ok)
                    return ok;
            }
        }
    }
    if (!tx.commit())
        return Error::internal();
    return {};
}

Result<void> ConnectionService::writeCredentials(const QString &connectionId, const QJsonObject &credentials)
{
    auto enc = m_vault->encryptJson(credentials, credentialsAad(connectionId));
    if (!enc)
        return Error::internal(tr("cannot encrypt the credentials"));
    QJsonArray fieldNames;
    for (const auto &key : sortedKeys(credentials))
        fieldNames.append(key);
    SqlQuery q(m_metadata->connection(),
               u"UPDATE connections SET credentials = ?, credential_fields = ?, updated_at = ? WHERE id = ?"_s);
    q.bind(*enc).bind(jsonText(fieldNames)).bind(Ids::isoNow()).bind(connectionId);
    if (!q.exec())
        return Error::internal();
    return {};
}

Result<void> ConnectionService::setStatus(const QString &connectionId, const QString &status, const QString &message)
{
    SqlQuery q(m_metadata->connection(),
               u"UPDATE connections SET status = ?, status_message = ?, updated_at = ? WHERE id = ?"_s);
    q.bind(status).bind(message.isEmpty() ? QVariant() : QVariant(message)).bind(Ids::isoNow()).bind(connectionId);
    if (!q.exec())
        return Error::internal();
    if (auto r = recordById(connectionId))
        Q_EMIT connectionChanged(r->workspaceId, connectionId);
    return {};
}

Result<void> ConnectionService::mergeConfig(const QString &connectionId, const QJsonObject &config)
{
    auto r = recordById(connectionId);
    if (!r)
        return r.error();
    QJsonObject merged = r->config;
    for (auto it = config.begin(); it != config.end(); ++it) {
        if (it.value().isNull())
            merged.remove(it.key());
        else
            merged.insert(it.key(), it.value());
    }
    SqlQuery q(m_metadata->connection(), u"UPDATE connections SET config = ?, updated_at = ? WHERE id = ?"_s);
    q.bind(jsonText(merged)).bind(Ids::isoNow()).bind(connectionId);
    if (!q.exec())
        return Error::internal();
    Q_EMIT connectionChanged(r->workspaceId, connectionId);
    return {};
}

} // namespace Opbox
