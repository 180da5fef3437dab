// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/auditlogmodel.h"
#include "engine/store/auditlog.h"
#include "models/displayformat.h"
#include "engine/services/engine.h"
#include "models/ownersession.h"

#include <QJsonArray>
#include <algorithm>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Opbox {

AuditLogModel::AuditLogModel(OwnerSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(session->engine()->audit(), &AuditLog::recorded, this, [this](const QString &workspaceId) {
        if (workspaceId == m_session->workspaceId())
            fetchNewest();
    });
    reload();
}

void AuditLogModel::setActionFilter(const QString &action)
{
    if (action == m_action)
        return;
    m_action = action;
    reload();
}

void AuditLogModel::reload()
{
    beginResetModel();
    m_events.clear();
    m_total = 0;
    m_error.clear();
    auto page = m_session->engine()->audit()->list(m_session->caller(), PageSize, 0, m_action);
    if (page) {
        for (const auto &v : page->value(u"events"_s).toArray())
            m_events.append(v.toObject());
        m_total = page->value(u"pagination"_s).toObject().value(u"total"_s).toInteger();
    } else {
        m_error = page.error().message;
    }
    endResetModel();
}

void AuditLogModel::fetchNewest()
{
    auto page = m_session->engine()->audit()->list(m_session->caller(), PageSize, 0, m_action);
    if (!page)
        return;
    const QString newestKnown = m_events.isEmpty() ? QString() : m_events.first().value(u"id"_s).toString();
    QList<QJsonObject> fresh;
    for (const auto &v : page->value(u"events"_s).toArray()) {
        const QJsonObject e = v.toObject();
        if (!newestKnown.isEmpty() && e.value(u"id"_s).toString() == newestKnown)
            break;
        fresh.append(e);
    }
    // The total changes after the rows are in: views may ask canFetchMore() while rows are inserted.
    const qint64 total = page->value(u"pagination"_s).toObject().value(u"total"_s).toInteger();
    if (!fresh.isEmpty()) {
        m_inserting = true;
        beginInsertRows({}, 0, int(fresh.size()) - 1);
        m_events = fresh + m_events;
        endInsertRows();
        m_inserting = false;
    }
    m_total = std::max<qint64>(total, m_events.size());
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_events.size() < m_total;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    // Views (and the model tester) may call this at any time, even while rows are being inserted.
    if (m_inserting || !canFetchMore(parent))
        return;
    auto page = m_session->engine()->audit()->list(m_session->caller(), PageSize, int(m_events.size()), m_action);
    if (!page)
        return;
    const QJsonArray events = page->value(u"events"_s).toArray();
    const qint64 total = page->value(u"pagination"_s).toObject().value(u"total"_s).toInteger();
    if (events.isEmpty()) {
        m_total = m_events.size();
        return;
    }
    const int first = int(m_events.size());
    m_inserting = true;
    beginInsertRows({}, first, first + int(events.size()) - 1);
    for (const auto &v : events)
        m_events.append(v.toObject());
    endInsertRows();
    m_inserting = false;
    m_total = std::max<qint64>(total, m_events.size());
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &e = m_events.at(index.row());
    switch (role) {
    case IdRole:
        return e.value(u"id"_s).toString();
    case ActionRole:
        return e.value(u"action"_s).toString();
    case TargetIdRole:
        return e.value(u"targetId"_s).toString();
    case EventRole:
        return e;
    default:
        break;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    const QJsonObject details = e.value(u"details"_s).toObject();
    switch (index.column()) {
    case TimeColumn:
        if (role == Qt::ToolTipRole)
            return e.value(u"at"_s).toString();
        return DisplayFormat::dateTime(e.value(u"at"_s).toString());
    case ActorColumn: {
        const QString email = e.value(u"actorEmail"_s).toString();
        QString actor = email.isEmpty() ? tr("System") : email;
        const QString ip = e.value(u"ip"_s).toString();
        if (!ip.isEmpty())
            actor = tr("%1 from %2").arg(actor, ip);
        return actor;
    }
    case ActionColumn:
        if (role == Qt::ToolTipRole)
            return e.value(u"action"_s).toString();
        return DisplayFormat::auditAction(e.value(u"action"_s).toString());
    case TargetColumn: {
        const QString name = details.value(u"name"_s).toString();
        const QString id = e.value(u"targetId"_s).toString();
        if (role == Qt::ToolTipRole)
            return id;
        return name.isEmpty() ? id : name;
    }
    case DetailsColumn:
        return QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Who");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

QHash<int, QByteArray> AuditLogModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "eventId");
    names.insert(ActionRole, "action");
    names.insert(TargetIdRole, "targetId");
    names.insert(EventRole, "event");
    return names;
}

} // namespace Opbox
