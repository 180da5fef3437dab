// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/connectionlistmodel.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "models/modelslogging.h"
#include "models/ownersession.h"

#include <QFont>
#include <QJsonArray>
#include <QTimer>
#include <utility>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString str(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString();
}

QJsonObject lastRun(const QJsonObject &c)
{
    return c.value(u"lastRun"_s).toObject();
}

QString categoryOf(const QString &type)
{
    const ConnectorTypeInfo *info = ConnectorTypeRegistry::find(type);
    return info ? info->category : QString();
}

QString typeNameOf(const QString &type)
{
    const ConnectorTypeInfo *info = ConnectorTypeRegistry::find(type);
    return info ? DisplayFormat::typeName(info->name) : type;
}

} // namespace

ConnectionListModel::ConnectionListModel(OwnerSession *session, QObject *parent)
    : JsonTableModel(ColumnCount, u"id"_s, parent)
    , m_session(session)
{
    ConnectionService *service = session->engine()->connections();
    // Signals may come from the API thread or a sync worker: the context object makes them queued.
    connect(service, &ConnectionService::connectionChanged, this, &ConnectionListModel::onChanged);
    connect(service, &ConnectionService::connectionRemoved, this, &ConnectionListModel::onRemoved);
    // A run's progress changes the "last run" column; many runs at once must not flood the GUI
    // thread with re-reads, so changes are collected and applied a few times a second.
    m_pending = new QTimer(this);
    m_pending->setSingleShot(true);
    m_pending->setInterval(250);
    connect(m_pending, &QTimer::timeout, this, [this] {
        const QSet<QString> ids = std::exchange(m_dirty, {});
        for (const QString &id : ids)
            refresh(id);
    });
    if (RunService *runs = session->engine()->runs()) {
        auto mark = [this](const QString &workspaceId, const QString &connectionId) {
            if (workspaceId != m_session->workspaceId())
                return;
            m_dirty.insert(connectionId);
            if (!m_pending->isActive())
                m_pending->start();
        };
        connect(runs, &RunService::runChanged, this,
                [mark](const QString &ws, const QString &connectionId, const QString &) { mark(ws, connectionId); });
        connect(
            runs, &RunService::runFinished, this,
            [mark](const QString &ws, const QString &connectionId, const QString &, const QString &) { mark(ws, connectionId); });
    }
    reload();
}

void ConnectionListModel::reload()
{
    auto list = m_session->engine()->connections()->list(m_session->caller());
    QList<QJsonObject> objects;
    if (list) {
        const ConnectionJson json = m_session->engine()->connectionJson();
        for (const auto &record : std::as_const(*list))
            objects.append(json.toJson(record));
    } else {
        qCWarning(lcModels) << "cannot list connections:" << list.error().message;
    }
    resetRows(objects);
}

QJsonObject ConnectionListModel::connection(const QString &id) const
{
    return connection(rowOf(id));
}

QStringList ConnectionListModel::ids() const
{
    QStringList out;
    for (const auto &c : rows())
        out.append(str(c, u"id"_s));
    return out;
}

int ConnectionListModel::anchorRow(int row) const
{
    const QString group = str(rows().at(row), u"variantGroupId"_s);
    if (group.isEmpty())
        return row;
    for (int i = 0; i < row; ++i) {
        if (str(rows().at(i), u"variantGroupId"_s) == group)
            return i;
    }
    return row;
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &c = rows().at(index.row());
    const QJsonObject run = lastRun(c);
    const QJsonObject schedule = c.value(u"schedule"_s).toObject();
    const bool scheduled = schedule.value(u"enabled"_s).toBool();
    const QDateTime nextRunAt = DisplayFormat::parse(str(c, u"nextRunAt"_s));
    const QString runStatus = str(run, u"status"_s);

    switch (role) {
    case IdRole: return str(c, u"id"_s);
    case TypeRole: return str(c, u"type"_s);
    case CategoryRole: return categoryOf(str(c, u"type"_s));
    case StatusRole: return str(c, u"status"_s);
    case StatusMessageRole: return str(c, u"statusMessage"_s);
    case EnabledRole: return c.value(u"enabled"_s).toBool(true);
    case VariantGroupIdRole: return str(c, u"variantGroupId"_s);
    case VariantLabelRole: return str(c, u"variantLabel"_s);
    case ScheduleEnabledRole: return scheduled;
    case FrequencyRole: return str(schedule, u"frequency"_s);
    case LastRunStatusRole: return runStatus;
    case LastRunAtRole: return DisplayFormat::parse(str(run, u"startedAt"_s));
    case NextRunAtRole: return nextRunAt;
    case ConnectionRole: return c;
    case GroupAnchorRowRole: return anchorRow(index.row());
    case VariantDepthRole: return anchorRow(index.row()) == index.row() ? 0 : 1;
    default: break;
    }
    // A variant gets a copy of its source's credentials but has not used them yet: "Not connected"
    // alone would read as if something were wrong with it.
    const bool unchecked = str(c, u"status"_s) == u"DISCONNECTED"_s && str(c, u"statusMessage"_s).isEmpty() && run.isEmpty()
        && anchorRow(index.row()) != index.row();

    switch (index.column()) {
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole: return str(c, u"name"_s);
        case SortRole: return str(c, u"name"_s).toLower();
        case Qt::DecorationRole: return IconLibrary::connectorType(str(c, u"type"_s));
        case Qt::ToolTipRole:
            if (!str(c, u"variantLabel"_s).isEmpty())
                return tr("%1 — %2, variant %3").arg(str(c, u"name"_s), typeNameOf(str(c, u"type"_s)), str(c, u"variantLabel"_s));
            return tr("%1 — %2").arg(str(c, u"name"_s), typeNameOf(str(c, u"type"_s)));
        case Qt::AccessibleTextRole: return tr("%1, %2 connection").arg(str(c, u"name"_s), typeNameOf(str(c, u"type"_s)));
        case Qt::FontRole:
            if (!c.value(u"enabled"_s).toBool(true)) {
                QFont f;
                f.setItalic(true);
                return f;
            }
            return {};
        default: return {};
        }
    case VariantColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::AccessibleTextRole)
            return str(c, u"variantLabel"_s);
        return {};
    case StatusColumn: {
        const bool running = runStatus == u"RUNNING"_s || runStatus == u"PENDING"_s;
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            if (running)
                return DisplayFormat::runStatus(runStatus);
            if (!c.value(u"enabled"_s).toBool(true))
                return tr("Disabled");
            if (unchecked)
                return tr("Not checked yet");
            return DisplayFormat::connectionStatus(str(c, u"status"_s));
        case SortRole: return running ? u"0"_s : str(c, u"status"_s);
        case Qt::DecorationRole:
            return running ? IconLibrary::runStatus(runStatus) : IconLibrary::connectionStatus(str(c, u"status"_s));
        case Qt::ToolTipRole:
            if (unchecked)
                return tr("A variant of \"%1\" with a copy of its credentials: Check Now or its first sync connects it.")
                    .arg(str(rows().at(anchorRow(index.row())), u"name"_s));
            return str(c, u"statusMessage"_s);
        default: return {};
        }
    }
    case LastRunColumn: {
        const QDateTime at = DisplayFormat::parse(str(run, u"startedAt"_s));
        switch (role) {
        case Qt::DisplayRole:
            // The icon says how it went; the text says when (the list is narrow).
            if (run.isEmpty())
                return tr("Never");
            return at.isValid() ? DisplayFormat::dateTime(at) : DisplayFormat::runStatus(runStatus);
        case Qt::AccessibleTextRole:
        case Qt::ToolTipRole: {
            if (run.isEmpty())
                return tr("Never");
            QString text = tr("%1, %2").arg(DisplayFormat::runStatus(runStatus), DisplayFormat::dateTime(at));
            const QString error = str(run, u"error"_s);
            if (role == Qt::ToolTipRole && !error.isEmpty())
                text = tr("%1: %2").arg(text, error);
            return text;
        }
        case SortRole: return at.isValid() ? at.toMSecsSinceEpoch() : qint64(0);
        case Qt::DecorationRole: return run.isEmpty() ? QVariant() : QVariant(IconLibrary::runStatus(runStatus));
        default: return {};
        }
    }
    case NextRunColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            if (!scheduled || !c.value(u"enabled"_s).toBool(true))
                return tr("Not scheduled");
            if (nextRunAt.isValid())
                return DisplayFormat::dateTime(nextRunAt);
            return DisplayFormat::frequency(str(schedule, u"frequency"_s));
        case SortRole: return nextRunAt.isValid() ? nextRunAt.toMSecsSinceEpoch() : (scheduled ? qint64(1) : qint64(0));
        case Qt::ToolTipRole: return scheduled ? DisplayFormat::schedule(true, str(schedule, u"frequency"_s)) : QString();
        default: return {};
        }
    default: return {};
    }
}

QString ConnectionListModel::columnTitle(int column) const
{
    switch (column) {
    case NameColumn: return tr("Name");
    case VariantColumn: return tr("Variant");
    case StatusColumn: return tr("Status");
    case LastRunColumn: return tr("Last run");
    case NextRunColumn: return tr("Next run");
    default: return {};
    }
}

QHash<int, QByteArray> ConnectionListModel::roleNames() const
{
    auto names = JsonTableModel::roleNames();
    names.insert(IdRole, "connectionId");
    names.insert(TypeRole, "type");
    names.insert(CategoryRole, "category");
    names.insert(StatusRole, "status");
    names.insert(StatusMessageRole, "statusMessage");
    names.insert(EnabledRole, "enabled");
    names.insert(VariantGroupIdRole, "variantGroupId");
    names.insert(VariantLabelRole, "variantLabel");
    names.insert(ScheduleEnabledRole, "scheduleEnabled");
    names.insert(FrequencyRole, "frequency");
    names.insert(LastRunStatusRole, "lastRunStatus");
    names.insert(LastRunAtRole, "lastRunAt");
    names.insert(NextRunAtRole, "nextRunAt");
    names.insert(ConnectionRole, "connection");
    names.insert(SortRole, "sortValue");
    names.insert(GroupAnchorRowRole, "groupAnchorRow");
    names.insert(VariantDepthRole, "variantDepth");
    return names;
}

void ConnectionListModel::onChanged(const QString &workspaceId, const QString &connectionId)
{
    if (workspaceId == m_session->workspaceId())
        refresh(connectionId);
}

void ConnectionListModel::onRemoved(const QString &workspaceId, const QString &connectionId)
{
    if (workspaceId != m_session->workspaceId())
        return;
    const int row = rowOf(connectionId);
    if (row < 0)
        return;
    removeRowObject(row);
    // The next connection of a variant group may now be the one the others are listed under.
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ConnectionListModel::refresh(const QString &connectionId)
{
    auto record = m_session->engine()->connections()->record(m_session->caller(), connectionId);
    const int row = rowOf(connectionId);
    if (!record) {
        if (row >= 0 && record.error().kind == Error::Kind::NotFound)
            removeRowObject(row);
        return;
    }
    const QJsonObject object = m_session->engine()->connectionJson().toJson(*record);
    if (row < 0) {
        // New connections appear where list() would put them: at the end (ordered by creation).
        insertRowObject(rowCount(), object);
    } else if (!updateRow(row, object)) {
        return;
    }
    Q_EMIT connectionUpdated(connectionId);
}

} // namespace Opbox
