// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"

#include <QJsonObject>
#include <QObject>

namespace Opbox {

class Database;

/** The append-only audit trail: who did what to which object, from where. */
class AuditLog : public QObject
{
    Q_OBJECT
public:
    explicit AuditLog(Database *metadata, QObject *parent = nullptr);

    /** Writes one event; `details` are scrubbed of anything that looks like a secret. */
    void record(const Caller &caller, const QString &action, const QString &targetType, const QString &targetId,
                const QJsonObject &details = {});

    /** `{"events":[…], "pagination":{limit, offset, total, hasMore}}`, newest first; ADMIN+. */
    [[nodiscard]] Result<QJsonObject> list(const Caller &caller, int limit, int offset, const QString &action = {}) const;

    [[nodiscard]] static QJsonObject scrub(const QJsonObject &details);

Q_SIGNALS:
    void recorded(const QString &workspaceId);

private:
    Database *m_metadata;
};

} // namespace Opbox
