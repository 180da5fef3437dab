// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/recentrunoutcomes.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "models/ownersession.h"

#include <algorithm>

namespace Opbox {

RecentRunOutcomes::RecentRunOutcomes(OwnerSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    RunService *runs = session->engine()->runs();
    connect(runs, &RunService::runQueued, this,
            [this](const QString &, const QString &connectionId, const QString &) { forget(connectionId); });
    connect(runs, &RunService::runFinished, this,
            [this](const QString &, const QString &connectionId, const QString &, const QString &) { forget(connectionId); });
}

void RecentRunOutcomes::forget(const QString &connectionId)
{
    m_outcomes.remove(connectionId);
    Q_EMIT changed(connectionId);
}

QStringList RecentRunOutcomes::outcomes(const QString &connectionId) const
{
    if (connectionId.isEmpty())
        return {};
    const auto cached = m_outcomes.constFind(connectionId);
    if (cached != m_outcomes.cend())
        return *cached;
    QStringList out;
    // A page of ten runs is a quick indexed read, like the first page of the Runs tab.
    if (auto page = m_session->engine()->runs()->list(m_session->caller(), connectionId, Count, 0)) {
        for (const auto &run : std::as_const(page->runs))
            out.append(run.status);
    }
    std::reverse(out.begin(), out.end());
    m_outcomes.insert(connectionId, out);
    return out;
}

} // namespace Opbox
