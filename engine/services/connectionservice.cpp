// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "base/ids.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/security/secretbinding.h"
#include "engine/security/vault.h"
#include "engine/services/connectionoriginchange.h"
#include "engine/services/identityservice.h"
#include "engine/store/auditlog.h"
#include "engine/store/database.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

const QString RefreshKey = u"refresh_token"_s;

void merge(QJsonObject &into, const QJsonObject &patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            into.remove(it.key());
        else
            into.insert(it.key(), it.value());
    }
}

} // namespace

ConnectionService::ConnectionService(Database *metadata, const Vault *vault, IdentityService *identity, AuditLog *audit,
                                     QObject *parent)
    : QObject(parent)
    , m_metadata(metadata)
    , m_store(metadata)
    , m_validator(identity)
    , m_vault(vault)
    , m_audit(audit)
{
}

Result<QList<ConnectionRecord>> ConnectionService::list(const Caller &caller) const
{
    return m_store.list(caller.workspaceId);
}

QStringList ConnectionService::ids(const QString &workspaceId) const
{
    return m_store.ids(workspaceId);
}

Result<ConnectionRecord> ConnectionService::create(const Caller &caller, const ConnectionDraft &draft)
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    auto name = ConnectionValidator::name(draft.name);
    if (!name)
        return name.error();
    const ConnectorTypeInfo *type = ConnectorTypeRegistry::find(draft.type);
    if (!type)
        return Error::invalid(tr("type: unknown connector type \"%1\" (known: %2)")
                                  .arg(draft.type.left(64), ConnectorTypeRegistry::typeNames().join(u", "_s)));
    if (auto ok = ConnectionValidator::credentials(*type, draft.credentials); !ok)
        return ok.error();
    if (auto ok = ConnectionValidator::config(*type, draft.config); !ok)
        return ok.error();
    ConnectionRecord r;
    r.workspaceId = caller.workspaceId;
    r.name = *name;
    r.type = type->type;
    r.config = draft.config;
    r.enabled = draft.enabled;
    if (auto ok = m_validator.streamSelection(r); !ok)
        return ok.error();
    auto schedule = ConnectionValidator::schedule(draft.schedule, {});
    if (!schedule)
        return schedule.error();
    r.schedule = *schedule;
    auto notify = m_validator.notifyUserIds(caller.workspaceId, draft.notifyUserIds);
    if (!notify)
        return notify.error();
    r.notifyUserIds = *notify;
    QByteArray webhookBytes;
    if (draft.webhookToken) {
        auto parsed = ConnectionValidator::webhookToken(*draft.webhookToken);
        if (!parsed)
            return parsed.error();
        webhookBytes = *parsed;
    } else {
        webhookBytes = Ids::randomBytes(32);
    }

    r.id = Ids::newId();
    auto encCredentials = m_vault->encryptJson(draft.credentials, SecretBinding::credentials(r.id));
    auto encWebhook = m_vault->encrypt(webhookBytes, SecretBinding::webhookToken(r.id));
    if (!encCredentials || !encWebhook)
        return Error::internal(tr("cannot encrypt the credentials"));
    const QStringList fieldNames = sortedKeys(draft.credentials);
    r.createdAt = r.updatedAt = Ids::isoNow();
    if (auto ok = m_store.insert(r, {*encCredentials, fieldNames, Ids::sha256(webhookBytes), *encWebhook}); !ok)
        return ok.error();
    m_audit->record(caller, u"CONNECTION_CREATE"_s, u"connection"_s, r.id,
                    QJsonObject{{u"name"_s, r.name},
                                {u"type"_s, r.type},
                                {u"credentialFields"_s, QJsonArray::fromStringList(fieldNames)},
                                {u"webhookTokenImported"_s, draft.webhookToken.has_value()}});
    Q_EMIT connectionChanged(caller.workspaceId, r.id);
    return record(caller, r.id);
}

Result<ConnectionRecord> ConnectionService::update(const Caller &caller, const QString &id, const ConnectionChange &change)
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
    QStringList changed;
    if (change.type && *change.type != r.type)
        return Error::invalid(tr("type: cannot be changed; create a new connection instead"));
    if (change.name) {
        auto name = ConnectionValidator::name(*change.name);
        if (!name)
            return name.error();
        r.name = *name;
        changed.append(u"name"_s);
    }
    if (change.config) {
        merge(r.config, *change.config);
        if (auto ok = ConnectionValidator::config(*type, r.config); !ok)
            return ok.error();
        // Only a new selection is checked: one that names a stream the connector dropped since
        // must not block unrelated edits, nor a client that sends the stored config back (runs
        // skip such names).
        if (change.config->contains(u"streams"_s) && change.config->value(u"streams"_s) != current->config.value(u"streams"_s)) {
            if (auto ok = m_validator.streamSelection(r); !ok)
                return ok.error();
        }
        changed.append(u"config"_s);
    }
    if (change.schedule) {
        auto schedule = ConnectionValidator::schedule(*change.schedule, r.schedule);
        if (!schedule)
            return schedule.error();
        r.schedule = *schedule;
        changed.append(u"schedule"_s);
    }
    if (change.notifyUserIds) {
        auto notify = m_validator.notifyUserIds(caller.workspaceId, *change.notifyUserIds);
        if (!notify)
            return notify.error();
        r.notifyUserIds = *notify;
        changed.append(u"notifyUserIds"_s);
    }
    if (change.enabled) {
        r.enabled = *change.enabled;
        changed.append(u"enabled"_s);
    }
    // Credentials follow their origin: a move to another address brings its own.
    const ConnectionOriginChange moved = ConnectionOriginChange::between(current->config, r.config);
    if (!moved.isEmpty() && !change.credentials)
        return moved.credentialsRequired(u"credentials"_s);
    QByteArray encCredentials;
    QStringList fieldNames;
    if (change.credentials) {
        if (auto ok = ConnectionValidator::credentials(*type, *change.credentials); !ok)
            return ok.error();
        // Tokens an OAuth server issued are never carried to another one; the connection signs in again.
        const QJsonObject stored
            = moved.isEmpty() ? *change.credentials : ConnectionOriginChange::withoutTokens(*change.credentials);
        auto enc = m_vault->encryptJson(stored, SecretBinding::credentials(id));
        if (!enc)
            return Error::internal(tr("cannot encrypt the credentials"));
        encCredentials = *enc;
        fieldNames = sortedKeys(stored);
        changed.append(u"credentials"_s);
    }

    Transaction tx(m_metadata->connection());
    r.updatedAt = Ids::isoNow();
    if (auto ok = m_store.update(r); !ok)
        return ok.error();
    // New credentials are untested: the connection is no longer known to be connected.
    if (!encCredentials.isEmpty()) {
        if (auto ok = m_store.writeCredentials(id, encCredentials, fieldNames, true); !ok)
            return ok.error();
    }
    if (!tx.commit())
        return Error::internal();
    QJsonObject details{{u"fields"_s, QJsonArray::fromStringList(changed)}};
    if (!moved.isEmpty())
        details.insert(u"originChanged"_s, moved.auditDetails());
    m_audit->record(caller, u"CONNECTION_UPDATE"_s, u"connection"_s, id, details);
    Q_EMIT connectionChanged(caller.workspaceId, id);
    return record(caller, id);
}

Result<void> ConnectionService::remove(const Caller &caller, const QString &id)
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    auto current = record(caller, id);
    if (!current)
        return current.error();
    if (auto ok = m_store.remove(id, caller.workspaceId); !ok)
        return ok;
    m_audit->record(caller, u"CONNECTION_DELETE"_s, u"connection"_s, id,
                    QJsonObject{{u"name"_s, current->name}, {u"type"_s, current->type}});
    Q_EMIT connectionRemoved(caller.workspaceId, id);
    return {};
}

Result<ConnectionRecord> ConnectionService::record(const Caller &caller, const QString &id) const
{
    return m_store.find(id, caller.workspaceId.isNull() ? u""_s : caller.workspaceId);
}

Result<ConnectionRecord> ConnectionService::recordById(const QString &id) const
{
    return m_store.find(id);
}

Result<QJsonObject> ConnectionService::credentials(const QString &connectionId) const
{
    auto encrypted = m_store.encryptedCredentials(connectionId);
    if (!encrypted)
        return encrypted.error();
    if (encrypted->isEmpty())
        return QJsonObject();
    return m_vault->decryptJson(*encrypted, SecretBinding::credentials(connectionId));
}

Result<void> ConnectionService::storeCredentials(const QString &connectionId, const QJsonObject &credentials)
{
    // Read and written under the write lock: a refresh stored meanwhile by another thread or
    // process cannot slip between the read of the old refresh token and the write.
    Transaction tx(m_metadata->connection(), Transaction::Mode::Immediate);
    auto previous = this->credentials(connectionId);
    if (!previous && previous.error().kind == Error::Kind::NotFound)
        return previous.error();
    if (auto ok = writeWithVariants(connectionId, previous ? *previous : QJsonObject(), credentials); !ok)
        return ok;
    if (!tx.commit())
        return Error::internal();
    return {};
}

Result<QJsonObject> ConnectionService::replaceTokens(const QString &connectionId, const QString &expectedRefreshToken,
                                                     const QJsonObject &fresh)
{
    Transaction tx(m_metadata->connection(), Transaction::Mode::Immediate);
    auto current = this->credentials(connectionId);
    if (!current)
        return current.error();
    if (current->value(RefreshKey).toString() != expectedRefreshToken) {
        // Another refresh replaced the tokens after this one started: its tokens are the newer ones.
        return *current;
    }
    if (auto ok = writeWithVariants(connectionId, *current, fresh); !ok)
        return ok.error();
    if (!tx.commit())
        return Error::internal();
    return fresh;
}

CredentialsStore ConnectionService::credentialsStore(const QString &connectionId)
{
    CredentialsStore store;
    store.load = [this, connectionId] { return credentials(connectionId); };
    store.replace = [this, connectionId](const QString &expected, const QJsonObject &fresh) {
        return replaceTokens(connectionId, expected, fresh);
    };
    return store;
}

Result<void> ConnectionService::writeWithVariants(const QString &connectionId, const QJsonObject &previous,
                                                  const QJsonObject &credentials)
{
    if (auto ok = writeCredentials(connectionId, credentials); !ok)
        return ok;
    // Variants copy an OAuth connection's tokens. A provider that rotates refresh tokens (Xero does
    // on every refresh) would leave the others of the group holding a dead one, so a rotation
    // reaches every connection of the group that held the same refresh token.
    const QString oldRefresh = previous.value(RefreshKey).toString();
    const QString newRefresh = credentials.value(RefreshKey).toString();
    if (oldRefresh.isEmpty() || newRefresh.isEmpty() || oldRefresh == newRefresh)
        return {};
    auto record = recordById(connectionId);
    if (!record || record->variantGroupId.isEmpty())
        return {};
    auto others = m_store.variantGroupMembers(record->variantGroupId, connectionId);
    if (!others)
        return others.error();
    for (const auto &other : std::as_const(*others)) {
        auto theirs = this->credentials(other);
        if (!theirs || theirs->value(RefreshKey).toString() != oldRefresh)
            continue;
        QJsonObject updated = *theirs;
        for (const auto &key : {u"access_token"_s, u"refresh_token"_s, u"expires_at"_s}) {
            if (credentials.contains(key))
                updated.insert(key, credentials.value(key));
        }
        if (auto ok = writeCredentials(other, updated); !ok)
            return ok;
    }
    return {};
}

Result<void> ConnectionService::writeCredentials(const QString &connectionId, const QJsonObject &credentials)
{
    auto enc = m_vault->encryptJson(credentials, SecretBinding::credentials(connectionId));
    if (!enc)
        return Error::internal(tr("cannot encrypt the credentials"));
    return m_store.writeCredentials(connectionId, *enc, sortedKeys(credentials), false);
}

Result<void> ConnectionService::setStatus(const QString &connectionId, const QString &status, const QString &message)
{
    if (auto ok = m_store.setStatus(connectionId, status, message); !ok)
        return ok;
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
    merge(merged, config);
    if (auto ok = m_store.setConfig(connectionId, merged); !ok)
        return ok;
    Q_EMIT connectionChanged(r->workspaceId, connectionId);
    return {};
}

} // namespace Opbox
