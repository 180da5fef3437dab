// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/activitylistmodel.h"
#include "models/connectionactions.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "models/ownersession.h"
#include "models/runactions.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

/** How many ended syncs the list keeps: enough for a working day, not a growing memory. */
constexpr int maxEntries = 200;

} // namespace

ActivityListModel::ActivityListModel(OwnerSession *session, QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
    , m_runs(new RunActions(session, this))
{
    connect(m_runs, &RunActions::runFinished, this, &ActivityListModel::onRunFinished);
}

void ActivityListModel::track(const QString &connectionId, const QString &runId)
{
    if (runId.isEmpty() || isTracked(runId))
        return;
    auto facts = ConnectionActions(m_session).facts(connectionId);
    beginInsertRows({}, 0, 0);
    m_entries.prepend(
        Entry{runId, connectionId, facts ? facts->name : QString(), u"PENDING"_s, {}, QDateTime::currentDateTime()});
    endInsertRows();
    if (m_entries.size() > maxEntries) {
        beginRemoveRows({}, int(m_entries.size()) - 1, int(m_entries.size()) - 1);
        m_entries.removeLast();
        endRemoveRows();
    }
}

int ActivityListModel::rowOf(const QString &runId) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).runId == runId)
            return i;
    }
    return -1;
}

QString ActivityListModel::title(const Entry &e) const
{
    if (e.status == u"COMPLETED"_s)
        return tr("Sync completed: %1").arg(e.connectionName);
    if (e.status == u"FAILED"_s)
        return tr("Sync failed: %1").arg(e.connectionName);
    if (e.status == u"CANCELLED"_s)
        return tr("Sync stopped: %1").arg(e.connectionName);
    return tr("Syncing %1").arg(e.connectionName);
}

void ActivityListModel::onRunFinished(const QString &connectionId, const QString &runId, const QString &status)
{
    const int row = rowOf(runId);
    if (row < 0)
        return;
    Entry &e = m_entries[row];
    e.status = status;
    auto run = m_runs->outcome(connectionId, runId);
    if (!run) {
        e.message = run.error().message;
    } else if (status == u"FAILED"_s) {
        e.message = run->error.isEmpty() ? tr("The sync failed.") : run->error;
    } else {
        const int rows = int(std::min<qint64>(run->rowsSynced, std::numeric_limits<int>::max()));
        e.message = tr("%n row(s) synced (%1 new, %2 updated).", nullptr, rows)
                        .arg(DisplayFormat::count(run->rowsCreated), DisplayFormat::count(run->rowsUpdated));
    }
    Q_EMIT dataChanged(index(row), index(row));
    Q_EMIT runEnded(title(e), e.message, status == u"FAILED"_s);
}

int ActivityListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ActivityListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return e.message.isEmpty() ? tr("%1 — started %2").arg(title(e), DisplayFormat::dateTime(e.startedAt))
                                   : tr("%1 — started %2\n%3").arg(title(e), DisplayFormat::dateTime(e.startedAt), e.message);
    case Qt::ToolTipRole: return e.message;
    case Qt::DecorationRole: return IconLibrary::runStatus(e.status == u"PENDING"_s ? u"RUNNING"_s : e.status);
    case RunIdRole: return e.runId;
    case ConnectionIdRole: return e.connectionId;
    case StatusRole: return e.status;
    case TitleRole: return title(e);
    case MessageRole: return e.message;
    case StartedAtRole: return e.startedAt;
    default: return {};
    }
}

QHash<int, QByteArray> ActivityListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(RunIdRole, "runId");
    names.insert(ConnectionIdRole, "connectionId");
    names.insert(StatusRole, "status");
    names.insert(TitleRole, "title");
    names.insert(MessageRole, "message");
    names.insert(StartedAtRole, "startedAt");
    return names;
}

} // namespace Opbox
