// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runactions.h"
#include "base/ids.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/services/triggerservice.h"
#include "engine/store/runstore.h"
#include "models/ownersession.h"

using namespace Qt::StringLiterals;

namespace Opbox {

RunActions::RunActions(OwnerSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session->engine()->runs(), &RunService::runFinished, this,
            [this](const QString &workspaceId, const QString &connectionId, const QString &runId, const QString &status) {
                if (workspaceId == m_session->workspaceId())
                    Q_EMIT runFinished(connectionId, runId, status);
            });
}

Result<QString> RunActions::trigger(const QString &connectionId)
{
    // No list: the run reads the connection's own selection (config.streams), like every later run.
    auto run = m_session->engine()->runs()->trigger(m_session->caller(), connectionId, {}, RunTrigger::Manual);
    if (!run)
        return run.error();
    return run->id;
}

Result<bool> RunActions::stop(const QString &connectionId)
{
    RunService *runs = m_session->engine()->runs();
    const auto active = runs->activeRun(connectionId);
    if (!active)
        return false;
    auto stopped = runs->stop(m_session->caller(), connectionId, active->id);
    if (!stopped)
        return stopped.error();
    return true;
}

Result<QList<StartedRun>> RunActions::runAll()
{
    auto result = m_session->engine()->triggers()->runAll(m_session->caller());
    if (!result)
        return result.error();
    QList<StartedRun> started;
    for (const QString &runId : std::as_const(result->runIds)) {
        if (const auto run = m_session->engine()->runs()->store()->get(runId))
            started.append({run->connectionId, runId});
    }
    return started;
}

Result<QString> RunActions::resetAllCursors(const QString &connectionId)
{
    auto result = m_session->engine()->runs()->resetCursor(m_session->caller(), connectionId, CursorReset{});
    if (!result)
        return result.error();
    return result->message;
}

Result<QString> RunActions::resetCursor(const QString &connectionId, const QString &stream, const QDateTime &from)
{
    CursorReset reset;
    reset.stream = stream;
    reset.cursor = Ids::iso(from.toUTC());
    auto result = m_session->engine()->runs()->resetCursor(m_session->caller(), connectionId, reset);
    if (!result)
        return result.error();
    return result->message;
}

Result<RunOutcome> RunActions::outcome(const QString &connectionId, const QString &runId) const
{
    auto run = m_session->engine()->runs()->get(m_session->caller(), connectionId, runId);
    if (!run)
        return run.error();
    return RunOutcome{run->error, run->rowsSynced, run->rowsCreated, run->rowsUpdated};
}

} // namespace Opbox
