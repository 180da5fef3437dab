// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/runstore.h"
#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/store/database.h"
#include "engine/store/jsoncolumn.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

const QString Columns = u"id, connection_id, workspace_id, status, trigger, triggered_by, streams, progress, error,"
                        " rows_synced, rows_created, rows_updated, created_at, started_at, completed_at, warnings"_s;

RunRecord readRun(SqlQuery &q)
{
    RunRecord r;
    r.id = q.value(0).toString();
    r.connectionId = q.value(1).toString();
    r.workspaceId = q.value(2).toString();
    r.status = q.value(3).toString();
    r.trigger = q.value(4).toString();
    r.triggeredBy = q.value(5).toString();
    for (const auto &s : JsonColumn::array(q.value(6).toString()))
        r.streams.append(s.toString());
    r.progress = JsonColumn::object(q.value(7).toString());
    r.error = q.value(8).toString();
    r.rowsSynced = q.value(9).toLongLong();
    r.rowsCreated = q.value(10).toLongLong();
    r.rowsUpdated = q.value(11).toLongLong();
    r.createdAt = q.value(12).toString();
    r.startedAt = q.value(13).toString();
    r.completedAt = q.value(14).toString();
    for (const auto &w : JsonColumn::array(q.value(15).toString()))
        r.warnings.append(w.toString());
    return r;
}

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

QJsonObject RunRecord::toJson() const
{
    QJsonObject out{{u"id"_s, id},
                    {u"connectionId"_s, connectionId},
                    {u"status"_s, status},
                    {u"trigger"_s, trigger},
                    {u"streams"_s, QJsonArray::fromStringList(streams)},
                    {u"startedAt"_s, orNull(startedAt)},
                    {u"completedAt"_s, orNull(completedAt)},
                    {u"rowsSynced"_s, rowsSynced},
                    {u"rowsCreated"_s, rowsCreated},
                    {u"rowsUpdated"_s, rowsUpdated},
                    {u"progress"_s, progress.isEmpty() ? QJsonValue() : QJsonValue(progress)},
                    {u"error"_s, orNull(error)}};
    // Only a run that skipped something has warnings: the other run objects keep their shape.
    if (!warnings.isEmpty())
        out.insert(u"warnings"_s, QJsonArray::fromStringList(warnings));
    return out;
}

RunStore::RunStore(Database *metadata)
    : m_metadata(metadata)
{
}

Result<RunRecord> RunStore::insertPending(const QString &connectionId, const QString &workspaceId, const QString &trigger,
                                          const QString &triggeredBy, const QStringList &streams, const QJsonObject &progress)
{
    const QString id = Ids::newId();
    SqlQuery q(m_metadata->connection(),
               u"INSERT INTO runs(id, connection_id, workspace_id, status, trigger, triggered_by, streams, progress, created_at)"
               " VALUES(?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)"_s);
    q.bind(id)
        .bind(connectionId)
        .bind(workspaceId)
        .bind(trigger)
        .bind(triggeredBy.isEmpty() ? QVariant() : QVariant(triggeredBy))
        .bind(JsonColumn::text(QJsonArray::fromStringList(streams)))
        .bind(JsonColumn::text(progress))
        .bind(Ids::isoNow());
    if (!q.exec()) {
        if (q.isConstraintViolation()) {
            // The partial unique index refused a second active run: report the one that won.
            const auto active = activeRun(connectionId);
            Error e = Error::conflict(QCoreApplication::translate("RunStore", "a sync is already running for this connection"),
                                      u"RUN_ACTIVE"_s);
            e.extra.insert(u"runId"_s, active ? QJsonValue(active->id) : QJsonValue());
            return e;
        }
        return Error::internal();
    }
    auto run = get(id);
    if (!run)
        return Error::internal();
    return *run;
}

std::optional<RunRecord> RunStore::get(const QString &runId) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT "_s + Columns + u" FROM runs WHERE id = ?"_s);
    q.bind(runId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readRun(q);
}

std::optional<RunRecord> RunStore::activeRun(const QString &connectionId) const
{
    SqlQuery q(m_metadata->connection(),
               u"SELECT "_s + Columns + u" FROM runs WHERE connection_id = ? AND status IN ('PENDING','RUNNING')"_s);
    q.bind(connectionId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readRun(q);
}

std::optional<RunRecord> RunStore::lastRun(const QString &connectionId) const
{
    SqlQuery q(m_metadata->connection(),
               u"SELECT "_s + Columns + u" FROM runs WHERE connection_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1"_s);
    q.bind(connectionId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readRun(q);
}

Result<QList<RunRecord>> RunStore::list(const QString &connectionId, int limit, int offset, int *total) const
{
    SqlQuery count(m_metadata->connection(), u"SELECT COUNT(*) FROM runs WHERE connection_id = ?"_s);
    count.bind(connectionId);
    if (!count.exec() || !count.next())
        return Error::internal();
    if (total)
        *total = count.value(0).toInt();
    SqlQuery q(m_metadata->connection(),
               u"SELECT "_s + Columns
                   + u" FROM runs WHERE connection_id = ? ORDER BY created_at DESC, rowid DESC"
                     " LIMIT ? OFFSET ?"_s);
    q.bind(connectionId).bind(limit).bind(offset);
    if (!q.exec())
        return Error::internal();
    QList<RunRecord> out;
    while (q.next())
        out.append(readRun(q));
    return out;
}

std::optional<RunRecord> RunStore::claimNext()
{
    // Several workers may race for the same row: the status check in the UPDATE decides, and a
    // loser simply looks again.
    for (int attempt = 0; attempt < 8; ++attempt) {
        QString id;
        {
            // The SELECT must be finished before the UPDATE: a read transaction left open would
            // turn the write into an immediate SQLITE_BUSY under WAL instead of a wait.
            SqlQuery next(m_metadata->connection(),
                          u"SELECT id FROM runs WHERE status = 'PENDING' ORDER BY created_at, rowid LIMIT 1"_s);
            if (!next.exec() || !next.next())
                return std::nullopt;
            id = next.value(0).toString();
        }
        SqlQuery claim(m_metadata->connection(),
                       u"UPDATE runs SET status = 'RUNNING', started_at = ? WHERE id = ? AND status = 'PENDING'"_s);
        claim.bind(Ids::isoNow()).bind(id);
        if (!claim.exec())
            return std::nullopt;
        if (claim.numRowsAffected() == 1)
            return get(id);
    }
    return std::nullopt;
}

bool RunStore::cancel(const QString &runId, const QString &error)
{
    SqlQuery q(m_metadata->connection(),
               u"UPDATE runs SET status = 'CANCELLED', error = ?, completed_at = ? WHERE id = ?"
               " AND status IN ('PENDING','RUNNING')"_s);
    q.bind(error.isEmpty() ? QVariant() : QVariant(error)).bind(Ids::isoNow()).bind(runId);
    return q.exec() && q.numRowsAffected() == 1;
}

bool RunStore::updateProgress(const QString &runId, const QJsonObject &progress, qint64 synced, qint64 created, qint64 updated)
{
    SqlQuery q(m_metadata->connection(),
               u"UPDATE runs SET progress = ?, rows_synced = ?, rows_created = ?, rows_updated = ? WHERE id = ?"_s);
    q.bind(JsonColumn::text(progress)).bind(synced).bind(created).bind(updated).bind(runId);
    return q.exec();
}

bool RunStore::addWarning(const QString &runId, const QString &warning)
{
    // Appended in SQL: the run's other writers never rewrite the list, so none is lost.
    SqlQuery q(m_metadata->connection(),
               u"UPDATE runs SET warnings = json_insert(COALESCE(warnings, '[]'), '$[#]', ?) WHERE id = ?"_s);
    q.bind(warning).bind(runId);
    return q.exec() && q.numRowsAffected() == 1;
}

bool RunStore::finish(const QString &runId, const QString &status, const QString &error)
{
    // A run must never stay RUNNING because one write met a locked database: try a few times.
    for (int attempt = 0; attempt < 5; ++attempt) {
        SqlQuery q(m_metadata->connection(),
                   u"UPDATE runs SET status = ?, error = ?, completed_at = ? WHERE id = ? AND status = 'RUNNING'"_s);
        q.bind(status).bind(error.isEmpty() ? QVariant() : QVariant(error)).bind(Ids::isoNow()).bind(runId);
        if (q.exec())
            return q.numRowsAffected() == 1;
        QThread::msleep(50u << attempt);
    }
    qCCritical(lcEngine) << "run" << runId << "could not be marked" << status;
    return false;
}

QStringList RunStore::endAllActive(const QString &status, const QString &error)
{
    QStringList ids;
    SqlQuery select(m_metadata->connection(), u"SELECT id FROM runs WHERE status IN ('PENDING','RUNNING')"_s);
    if (!select.exec())
        return ids;
    while (select.next())
        ids.append(select.value(0).toString());
    QStringList changed;
    for (const auto &id : std::as_const(ids)) {
        SqlQuery q(m_metadata->connection(),
                   u"UPDATE runs SET status = ?, error = ?, completed_at = ? WHERE id = ? AND status IN ('PENDING','RUNNING')"_s);
        q.bind(status).bind(error).bind(Ids::isoNow()).bind(id);
        if (q.exec() && q.numRowsAffected() == 1)
            changed.append(id);
    }
    return changed;
}

QStringList RunStore::pendingIds() const
{
    QStringList ids;
    SqlQuery q(m_metadata->connection(), u"SELECT id FROM runs WHERE status = 'PENDING' ORDER BY created_at, rowid"_s);
    if (q.exec()) {
        while (q.next())
            ids.append(q.value(0).toString());
    }
    return ids;
}

} // namespace Opbox
