// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/connectionrecord.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace Opbox {

class RunService;
class TriggerService;

/**
 * Writes a connection as the REST API's connection object, which the GUI's lists read too: the
 * stored row with its last run and the time the schedule will next start a sync.
 */
class ConnectionJson
{
public:
    /** Either service may be null (a locked engine): `lastRun` and `nextRunAt` are then null. */
    ConnectionJson(const RunService *runs, const TriggerService *triggers);

    [[nodiscard]] QJsonObject toJson(const ConnectionRecord &record) const;
    [[nodiscard]] QJsonArray toJson(const QList<ConnectionRecord> &records) const;

private:
    const RunService *m_runs;
    const TriggerService *m_triggers;
};

} // namespace Opbox
