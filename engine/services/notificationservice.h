// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <optional>

namespace Opbox {

class Database;
class IdentityService;
struct ConnectionRecord;
struct RunRecord;

/** One run notification of one user, as stored. */
struct NotificationRecord
{
    QString id;
    QString runId;
    QString connectionId;
    QString kind; // PROGRESS | COMPLETED | FAILED
    QString title;
    QString message;
    /** The run's progress when the notification was written; unset when none was recorded. */
    std::optional<QJsonObject> progress;
    bool read = false;
    QString createdAt;
    QString updatedAt;

    /** `{id, runId, connectionId, kind, title, message, progress, read, createdAt, updatedAt}` (progress null when unset) */
    [[nodiscard]] QJsonObject toJson() const;

    bool operator==(const NotificationRecord &) const = default;
};

/**
 * Run notifications: one per run and recipient, created as
 * PROGRESS when the run starts and updated in place to COMPLETED or FAILED. Recipients are the
 * connection's `notifyUserIds` (else every workspace member), minus the user who triggered the run,
 * filtered by each user's preferences. Safe to call from worker threads.
 */
class NotificationService : public QObject
{
    Q_OBJECT
public:
    NotificationService(Database *metadata, IdentityService *identity, QObject *parent = nullptr);

    /** The users a run's notifications go to before preferences: notify list or members, minus the trigger user. */
    [[nodiscard]] QStringList audience(const ConnectionRecord &connection, const QString &triggeredBy) const;

    /** Creates the PROGRESS notifications of a run that started. */
    void runStarted(const RunRecord &run, const ConnectionRecord &connection);
    /** Updates the PROGRESS notifications of a run in place. */
    void runProgress(const RunRecord &run, const ConnectionRecord &connection);
    /** COMPLETED/FAILED for those whose preferences ask for it; a CANCELLED run's progress notes are removed. */
    void runFinished(const RunRecord &run, const ConnectionRecord &connection);

    /** The caller's notifications, newest first. */
    [[nodiscard]] Result<QList<NotificationRecord>> list(const Caller &caller, int limit, bool unreadOnly = false) const;
    /** Marks one of the caller's notifications read (404 for anyone else's); the notification after it. */
    [[nodiscard]] Result<NotificationRecord> markRead(const Caller &caller, const QString &id);
    /** Marks all of the caller's notifications read; how many changed. */
    [[nodiscard]] Result<int> markAllRead(const Caller &caller);

Q_SIGNALS:
    /** A notification of `userId` was created or changed (for the GUI list and tray messages). */
    void notificationChanged(const QString &userId, const QString &notificationId, const QString &kind);

private:
    void upsert(const RunRecord &run, const ConnectionRecord &connection, const QStringList &users, const QString &kind);
    [[nodiscard]] std::optional<NotificationRecord> load(const QString &id) const;

    Database *m_metadata;
    IdentityService *m_identity;
};

} // namespace Opbox
