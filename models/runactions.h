// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

namespace Opbox {

class OwnerSession;

/** How a finished run ended, as the tray reports it. */
struct RunOutcome
{
    QString error;
    qint64 rowsSynced = 0;
    qint64 rowsCreated = 0;
    qint64 rowsUpdated = 0;
};

/** A run that was started, and the connection it syncs. */
struct StartedRun
{
    QString connectionId;
    QString runId;
};

/**
 * What the GUI does to sync runs in the owner's workspace: start one now, stop it, start every
 * enabled connection, reset cursors, and hear when a run finishes. Calls go through the engine's
 * RunService and TriggerService with the session's Caller.
 */
class RunActions : public QObject
{
    Q_OBJECT
public:
    explicit RunActions(OwnerSession *session, QObject *parent = nullptr);

    /** Starts a manual sync of the connection's own stream selection; its run id, `RUN_ACTIVE` when one runs already. */
    [[nodiscard]] Result<QString> trigger(const QString &connectionId);
    /** Stops the connection's active run; false when none was running. */
    [[nodiscard]] Result<bool> stop(const QString &connectionId);
    /** Starts every enabled connection that is not running; the runs it started. */
    [[nodiscard]] Result<QList<StartedRun>> runAll();
    /** Clears every cursor of a connection: the next sync reads everything again. The engine's message. */
    [[nodiscard]] Result<QString> resetAllCursors(const QString &connectionId);
    /** Sets one stream's cursor: the next sync reads from `from` on. The engine's message. */
    [[nodiscard]] Result<QString> resetCursor(const QString &connectionId, const QString &stream, const QDateTime &from);
    [[nodiscard]] Result<RunOutcome> outcome(const QString &connectionId, const QString &runId) const;

Q_SIGNALS:
    /** A run of the session's workspace reached COMPLETED, FAILED or CANCELLED. */
    void runFinished(const QString &connectionId, const QString &runId, const QString &status);

private:
    OwnerSession *m_session;
};

} // namespace Opbox
