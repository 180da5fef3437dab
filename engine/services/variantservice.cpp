// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/variantservice.h"
#include "base/ids.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/enginelogging.h"
#include "engine/services/connectionoriginchange.h"
#include "engine/services/connectionservice.h"
#include "engine/services/webhookservice.h"
#include "engine/store/auditlog.h"
#include "engine/store/connectionstore.h"
#include "engine/store/database.h"
#include "engine/sync/tablenamingpolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Opbox {

VariantService::VariantService(Database *metadata, ConnectionService *connections, WebhookService *webhooks, AuditLog *audit,
                               QObject *parent)
    : QObject(parent)
    , m_metadata(metadata)
    , m_connections(connections)
    , m_webhooks(webhooks)
    , m_audit(audit)
{
}

Result<VariantService::Created> VariantService::create(const Caller &caller, const QString &sourceId,
                                                       const VariantRequest &request)
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    auto sourceResult = m_connections->record(caller, sourceId);
    if (!sourceResult)
        return sourceResult.error();
    const ConnectionRecord source = *sourceResult;
    const ConnectorTypeInfo *type = ConnectorTypeRegistry::find(source.type);
    if (!type)
        return Error::internal();

    auto checked = request.validate();
    if (!checked)
        return checked.error();
    QString name = checked->name.value_or(QString());
    QString label = checked->label.value_or(QString());
    // The variant starts from the source's config; whether it shares tables is its own choice.
    QJsonObject config = source.config;
    config.remove(u"createOwnTables"_s);
    for (auto it = checked->config.begin(); it != checked->config.end(); ++it) {
        if (it.value().isNull())
            config.remove(it.key());
        else
            config.insert(it.key(), it.value());
    }
    if (auto ok = ConnectionValidator::config(*type, config); !ok)
        return ok.error();
    // Credentials follow their origin: a variant pointed elsewhere brings its own.
    const ConnectionOriginChange moved = ConnectionOriginChange::between(source.config, config);
    if (!moved.isEmpty() && !checked->credentials)
        return moved.credentialsRequired(u"credentials"_s);
    Result<QJsonObject> credentials
        = checked->credentials ? Result<QJsonObject>(*checked->credentials) : m_connections->credentials(source.id);
    if (!credentials)
        return credentials.error();
    if (checked->credentials) {
        if (auto ok = ConnectionValidator::credentials(*type, *credentials); !ok)
            return ok.error();
        if (!moved.isEmpty())
            credentials = ConnectionOriginChange::withoutTokens(*credentials);
    }

    const QString id = Ids::newId();
    const QByteArray tokenBytes = Ids::randomBytes(32);
    auto sealed = m_webhooks->seal(tokenBytes, id);
    if (!sealed)
        return sealed.error();

    QSqlDatabase db = m_metadata->connection();
    Transaction tx(db, Transaction::Mode::Immediate);
    if (!tx.active())
        return Error::internal();

    // Re-read the source inside the lock: another variant may have founded the group meanwhile.
    QString groupId;
    QString sourceLabel;
    {
        SqlQuery q(db, u"SELECT variant_group_id, variant_label FROM connections WHERE id = ?"_s);
        q.bind(source.id);
        if (!q.exec())
            return Error::internal();
        if (!q.next())
            return Error::notFound(tr("connection not found: %1").arg(source.id.left(64)));
        groupId = q.value(0).toString();
        sourceLabel = q.value(1).toString();
    }
    const bool backfilled = groupId.isEmpty() || sourceLabel.isEmpty();
    if (groupId.isEmpty())
        groupId = source.id;
    if (sourceLabel.isEmpty())
        sourceLabel = u"1"_s;
    if (backfilled) {
        SqlQuery q(db, u"UPDATE connections SET variant_group_id = ?, variant_label = ?, updated_at = ? WHERE id = ?"_s);
        q.bind(groupId).bind(sourceLabel).bind(Ids::isoNow()).bind(source.id);
        if (!q.exec())
            return Error::internal();
    }

    QSet<QString> taken;
    int highest = 1;
    {
        SqlQuery q(db, u"SELECT variant_label FROM connections WHERE variant_group_id = ? AND workspace_id = ?"_s);
        q.bind(groupId).bind(source.workspaceId);
        if (!q.exec())
            return Error::internal();
        while (q.next()) {
            const QString existing = q.value(0).toString();
            taken.insert(existing.toCaseFolded());
            bool numeric = false;
            const int n = existing.toInt(&numeric);
            if (numeric && n > highest)
                highest = n;
        }
    }
    if (label.isEmpty()) {
        int next = highest + 1;
        while (taken.contains(QString::number(next)))
            ++next;
        label = QString::number(next);
    } else if (taken.contains(label.toCaseFolded())) {
        return Error::conflict(tr("variantLabel: \"%1\" is already used in this variant group").arg(label),
                               u"VARIANT_LABEL_TAKEN"_s);
    }
    if (name.isEmpty())
        name = TableNamingPolicy::stripVariantLabel(source.name) + u" ("_s + label + u')';

    ConnectionRecord variant;
    variant.id = id;
    variant.workspaceId = source.workspaceId;
    variant.name = name;
    variant.type = source.type;
    variant.enabled = source.enabled;
    variant.config = config;
    variant.schedule = source.schedule.isEmpty() ? ConnectionValidator::defaultSchedule() : source.schedule;
    variant.notifyUserIds = source.notifyUserIds;
    variant.variantGroupId = groupId;
    variant.variantLabel = label;
    variant.createdAt = variant.updatedAt = Ids::isoNow();
    // No credentials yet: they are stored below, encrypted for the new row.
    if (auto ok = ConnectionStore(m_metadata).insert(variant, {QByteArray(), {}, sealed->hash, sealed->encrypted}); !ok)
        return ok.error();
    // Encrypted again with the new row's id as associated data: a ciphertext is bound to its row.
    if (auto ok = m_connections->storeCredentials(id, *credentials); !ok)
        return ok.error();
    if (!tx.commit())
        return Error::internal();

    m_audit->record(caller, u"VARIANT_CREATE"_s, u"connection"_s, id,
                    QJsonObject{{u"sourceId"_s, source.id},
                                {u"variantGroupId"_s, groupId},
                                {u"variantLabel"_s, label},
                                {u"name"_s, name},
                                {u"sourceBackfilled"_s, backfilled}});
    if (!moved.isEmpty()) {
        m_audit->record(
            caller, u"CONNECTION_UPDATE"_s, u"connection"_s, id,
            QJsonObject{{u"fields"_s, QJsonArray{u"config"_s, u"credentials"_s}}, {u"originChanged"_s, moved.auditDetails()}});
    }
    qCInfo(lcEngine) << "variant" << id << "of connection" << source.id << "created in group" << groupId;
    if (backfilled)
        Q_EMIT m_connections->connectionChanged(source.workspaceId, source.id);
    Q_EMIT m_connections->connectionChanged(source.workspaceId, id);

    auto created = m_connections->record(caller, id);
    if (!created)
        return created.error();
    return Created{*created, WebhookService::formatToken(tokenBytes)};
}

} // namespace Opbox
