// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <optional>

namespace Opbox {

class Database;

/** One entry of the audit trail as it was recorded; optional fields were not known (e.g. a system action). */
struct AuditEvent
{
    QString id;
    QString at;
    QString workspaceId;
    std::optional<QString> actorUserId;
    /** The actor's e-mail address while the user still exists. */
    std::optional<QString> actorEmail;
    QString action;
    QString targetType;
    std::optional<QString> targetId;
    std::optional<QString> ip;
    QJsonObject details;

    /** `{id, at, workspaceId, actorUserId, action, targetType, targetId, ip, details[, actorEmail]}`, unknowns as null. */
    [[nodiscard]] QJsonObject toJson() const;
};

/** One page of audit events, newest first, and where it lies in the whole filtered trail. */
struct AuditPage
{
    QList<AuditEvent> events;
    int limit = 0;
    int offset = 0;
    qint64 total = 0;

    [[nodiscard]] bool hasMore() const { return offset + events.size() < total; }
    /** `{"events":[…], "pagination":{limit, offset, total, hasMore}}`. */
    [[nodiscard]] QJsonObject toJson() const;
};

/** The append-only audit trail: who did what to which object, from where. */
class AuditLog : public QObject
{
    Q_OBJECT
public:
    explicit AuditLog(Database *metadata, QObject *parent = nullptr);

    /** Writes one event; `details` are scrubbed of anything that looks like a secret. */
    void record(const Caller &caller, const QString &action, const QString &targetType, const QString &targetId,
                const QJsonObject &details = {});

    /** A page of the workspace's events, newest first, optionally of one action only; ADMIN+. */
    [[nodiscard]] Result<AuditPage> list(const Caller &caller, int limit, int offset, const QString &action = {}) const;

    [[nodiscard]] static QJsonObject scrub(const QJsonObject &details);

Q_SIGNALS:
    void recorded(const QString &workspaceId);

private:
    Database *m_metadata;
};

} // namespace Opbox
