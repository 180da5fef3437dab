// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/auditlogmodel.h"
#include "engine/services/engine.h"
#include "engine/store/auditlog.h"
#include "models/displayformat.h"
#include "models/ownersession.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

/** The base model keeps its rows as JSON objects, keyed by the event id. */
QList<QJsonObject> rowsOf(const AuditPage &page)
{
    QList<QJsonObject> out;
    out.reserve(page.events.size());
    for (const AuditEvent &e : page.events)
        out.append(e.toJson());
    return out;
}

} // namespace

AuditLogModel::AuditLogModel(OwnerSession *session, QObject *parent)
    : JsonTableModel(ColumnCount, u"id"_s, parent)
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
    m_error.clear();
    auto page = m_session->engine()->audit()->list(m_session->caller(), PageSize, 0, m_action);
    if (page) {
        resetRows(rowsOf(*page), page->total);
    } else {
        m_error = page.error().message;
        resetRows({});
    }
}

void AuditLogModel::fetchNewest()
{
    auto page = m_session->engine()->audit()->list(m_session->caller(), PageSize, 0, m_action);
    if (!page)
        return;
    const QString newestKnown = rows().isEmpty() ? QString() : rows().first().value(u"id"_s).toString();
    QList<QJsonObject> fresh;
    for (const AuditEvent &e : std::as_const(page->events)) {
        if (!newestKnown.isEmpty() && e.id == newestKnown)
            break;
        fresh.append(e.toJson());
    }
    prependRows(fresh, page->total);
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    // Views (and the model tester) may call this at any time, even while rows are being inserted.
    if (isInserting() || !canFetchMore(parent))
        return;
    auto page = m_session->engine()->audit()->list(m_session->caller(), PageSize, rowCount(), m_action);
    if (!page)
        return;
    appendPage(rowsOf(*page), page->total);
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &e = rows().at(index.row());
    switch (role) {
    case IdRole: return e.value(u"id"_s).toString();
    case ActionRole: return e.value(u"action"_s).toString();
    case TargetIdRole: return e.value(u"targetId"_s).toString();
    case EventRole: return e;
    default: break;
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
    case DetailsColumn: return QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    default: return {};
    }
}

QString AuditLogModel::columnTitle(int column) const
{
    switch (column) {
    case TimeColumn: return tr("Time");
    case ActorColumn: return tr("Who");
    case ActionColumn: return tr("Action");
    case TargetColumn: return tr("Target");
    case DetailsColumn: return tr("Details");
    default: return {};
    }
}

QHash<int, QByteArray> AuditLogModel::roleNames() const
{
    auto names = JsonTableModel::roleNames();
    names.insert(IdRole, "eventId");
    names.insert(ActionRole, "action");
    names.insert(TargetIdRole, "targetId");
    names.insert(EventRole, "event");
    return names;
}

} // namespace Opbox
