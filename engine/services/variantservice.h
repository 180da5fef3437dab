// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"
#include "engine/services/variantrequest.h"
#include "engine/store/connectionrecord.h"

#include <QJsonObject>
#include <QObject>

namespace Opbox {

class AuditLog;
class ConnectionService;
class Database;
class WebhookService;

/**
 * Connection variants: a copy of a connection that shares its
 * credentials (re-encrypted for the new row) and, by default, its tables, linked to it by
 * `variantGroupId` and told apart in those tables by its label.
 */
class VariantService : public QObject
{
    Q_OBJECT
public:
    VariantService(Database *metadata, ConnectionService *connections, WebhookService *webhooks, AuditLog *audit,
                   QObject *parent = nullptr);

    /** A variant just made, with the webhook token that only this answer and reveal show. */
    struct Created
    {
        ConnectionRecord connection;
        QString webhookToken;
    };

    /**
     * `POST …/connections/:id/variants` (ADMIN+): the new connection plus its webhook token.
     * The source joins (or founds) the group; it gets label "1" when it has none; a variant without
     * a label gets the next number in the group. 409 `VARIANT_LABEL_TAKEN` for a label the group
     * already uses (rows of two variants must stay apart in shared tables).
     */
    [[nodiscard]] Result<Created> create(const Caller &caller, const QString &sourceId, const VariantRequest &request);

private:
    Database *m_metadata;
    ConnectionService *m_connections;
    WebhookService *m_webhooks;
    AuditLog *m_audit;
};

} // namespace Opbox
