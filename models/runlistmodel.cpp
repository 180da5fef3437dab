// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runlistmodel.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "models/modelslogging.h"
#include "models/ownersession.h"

#include <QJsonArray>
#include <QTimer>
#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

bool isActive(const QString &status)
{
    return status == u"PENDING"_s || status == u"RUNNING"_s;
}

// The rows are the run objects the REST API shows; the columns read their members.
QList<QJsonObject> rowsOf(const RunPage &page)
{
    QList<QJsonObject> rows;
    rows.reserve(page.runs.size());
    for (const RunRecord &run : page.runs)
        rows.append(run.toJson());
    return rows;
}

} // namespace

RunListModel::RunListModel(OwnerSession *session, QObject *parent)
    : JsonTableModel(ColumnCount, u"id"_s, parent)
    , m_session(session)
    , m_flush(new QTimer(this))
{
    // Progress arrives up to ten times a second per run; one refresh per interval is plenty for eyes.
    m_flush->setSingleShot(true);
    m_flush->setInterval(150);
    connect(m_flush, &QTimer::timeout, this, &RunListModel::flush);
    RunService *runs = session->engine()->runs();
    connect(runs, &RunService::runChanged, this, &RunListModel::onRunChanged);
    connect(runs, &RunService::runFinished, this,
            [this](const QString &workspaceId, const QString &connectionId, const QString &runId, const QString &) {
                onRunChanged(workspaceId, connectionId, runId);
            });
}

void RunListModel::setConnectionId(const QString &connectionId)
{
    if (connectionId == m_connectionId)
        return;
    m_connectionId = connectionId;
    reload();
}

void RunListModel::reload()
{
    m_dirty.clear();
    if (m_connectionId.isEmpty()) {
        resetRows({});
        return;
    }
    auto page = m_session->engine()->runs()->list(m_session->caller(), m_connectionId, PageSize, 0);
    if (page) {
        resetRows(rowsOf(*page), page->total);
    } else {
        qCWarning(lcModels) << "cannot list runs:" << page.error().message;
        resetRows({});
    }
}

void RunListModel::fetchMore(const QModelIndex &parent)
{
    if (isInserting() || !canFetchMore(parent))
        return;
    auto page = m_session->engine()->runs()->list(m_session->caller(), m_connectionId, PageSize, rowCount());
    if (!page)
        return;
    // Runs started since the first page push older ones down: a page may repeat some already shown.
    QList<QJsonObject> fresh;
    for (const RunRecord &run : std::as_const(page->runs)) {
        if (rowOf(run.id) < 0)
            fresh.append(run.toJson());
    }
    appendPage(fresh, page->total);
}

void RunListModel::onRunChanged(const QString &workspaceId, const QString &connectionId, const QString &runId)
{
    if (workspaceId != m_session->workspaceId() || connectionId != m_connectionId)
        return;
    m_dirty.insert(runId);
    if (!m_flush->isActive())
        m_flush->start();
}

void RunListModel::flush()
{
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    RunService *runs = m_session->engine()->runs();
    for (const QString &runId : dirty) {
        auto record = runs->get(m_session->caller(), m_connectionId, runId);
        if (!record)
            continue;
        const QJsonObject run = record->toJson();
        const int row = rowOf(runId);
        const QString status = record->status;
        if (row < 0) {
            // A new run is the newest: it goes on top.
            insertRowObject(0, run);
            setTotal(total() + 1);
        } else {
            const QString before = rows().at(row).value(u"status"_s).toString();
            if (!updateRow(row, run))
                continue;
            if (isActive(before) && !isActive(status))
                Q_EMIT runFinished(runId, status);
            continue;
        }
        if (!isActive(status))
            Q_EMIT runFinished(runId, status);
    }
}

QString RunListModel::activeRunId() const
{
    for (const auto &r : rows()) {
        if (isActive(r.value(u"status"_s).toString()))
            return r.value(u"id"_s).toString();
    }
    return {};
}

int RunListModel::progressPercent(const QJsonObject &run)
{
    const QString status = run.value(u"status"_s).toString();
    if (status == u"COMPLETED"_s)
        return 100;
    if (status != u"RUNNING"_s)
        return -1;
    const QJsonObject p = run.value(u"progress"_s).toObject();
    const int total = p.value(u"streamsTotal"_s).toInt();
    if (total <= 0)
        return -1;
    const int done = std::clamp(p.value(u"streamsDone"_s).toInt(), 0, total);
    return done * 100 / total;
}

QString RunListModel::progressText(const QJsonObject &run)
{
    const QString status = run.value(u"status"_s).toString();
    const QJsonObject p = run.value(u"progress"_s).toObject();
    const qint64 rows = run.value(u"rowsSynced"_s).toInteger();
    if (status == u"PENDING"_s)
        return tr("Waiting for a free worker");
    if (status != u"RUNNING"_s)
        return tr("%n row(s)", nullptr, int(std::min<qint64>(rows, std::numeric_limits<int>::max())));
    const QString stream = p.value(u"stream"_s).toString();
    const int total = p.value(u"streamsTotal"_s).toInt();
    const int done = p.value(u"streamsDone"_s).toInt();
    QString text = tr("%1 of %2 streams · %3 rows").arg(done).arg(total).arg(DisplayFormat::count(rows));
    if (!stream.isEmpty())
        text = tr("%1 · %2").arg(stream, text);
    return text;
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &r = rows().at(index.row());
    const QString status = r.value(u"status"_s).toString();
    switch (role) {
    case RunIdRole: return r.value(u"id"_s).toString();
    case StatusRole: return status;
    case ActiveRole: return isActive(status);
    case ProgressRole: return progressPercent(r);
    case ProgressTextRole: return progressText(r);
    case ErrorRole: return r.value(u"error"_s).toString();
    case RunRole: return r;
    default: break;
    }
    const QDateTime started = DisplayFormat::parse(r.value(u"startedAt"_s).toString());
    const QDateTime completed = DisplayFormat::parse(r.value(u"completedAt"_s).toString());
    switch (index.column()) {
    case StatusColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return DisplayFormat::runStatus(status);
        if (role == Qt::DecorationRole)
            return IconLibrary::runStatus(status);
        if (role == Qt::ToolTipRole)
            return r.value(u"error"_s).toString();
        return {};
    case TriggerColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return DisplayFormat::trigger(r.value(u"trigger"_s).toString());
        return {};
    case StartedColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return started.isValid() ? DisplayFormat::dateTime(started) : tr("Not yet");
        if (role == Qt::ToolTipRole)
            return r.value(u"startedAt"_s).toString();
        return {};
    case DurationColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            if (!started.isValid())
                return QString();
            const QDateTime end = completed.isValid() ? completed : QDateTime::currentDateTimeUtc();
            return DisplayFormat::duration(started.msecsTo(end));
        }
        return {};
    case RowsColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return DisplayFormat::count(r.value(u"rowsSynced"_s).toInteger());
        if (role == Qt::ToolTipRole)
            return tr("%1 new, %2 updated")
                .arg(DisplayFormat::count(r.value(u"rowsCreated"_s).toInteger()),
                     DisplayFormat::count(r.value(u"rowsUpdated"_s).toInteger()));
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ProgressColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            const QString error = r.value(u"error"_s).toString();
            if (!error.isEmpty() && !isActive(status))
                return error;
            return progressText(r);
        }
        if (role == Qt::ToolTipRole)
            return r.value(u"error"_s).toString();
        return {};
    default: return {};
    }
}

QString RunListModel::columnTitle(int column) const
{
    switch (column) {
    case StatusColumn: return tr("Status");
    case TriggerColumn: return tr("Started by");
    case StartedColumn: return tr("Started");
    case DurationColumn: return tr("Duration");
    case RowsColumn: return tr("Rows");
    case ProgressColumn: return tr("Progress or error");
    default: return {};
    }
}

QHash<int, QByteArray> RunListModel::roleNames() const
{
    auto names = JsonTableModel::roleNames();
    names.insert(RunIdRole, "runId");
    names.insert(StatusRole, "status");
    names.insert(ActiveRole, "active");
    names.insert(ProgressRole, "progress");
    names.insert(ProgressTextRole, "progressText");
    names.insert(ErrorRole, "error");
    names.insert(RunRole, "run");
    return names;
}

} // namespace Opbox
