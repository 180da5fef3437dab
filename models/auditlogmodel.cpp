// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/auditlogmodel.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/store/auditlog.h"
#include "models/displayformat.h"
#include "models/ownersession.h"

#include <QJsonArray>
#include <QSaveFile>

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

QString scalar(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return u"—"_s;
    case QJsonValue::Bool: return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: return QString::number(v.toDouble());
    case QJsonValue::String: return v.toString();
    case QJsonValue::Array: {
        QStringList items;
        for (const auto &item : v.toArray())
            items.append(item.isObject() ? AuditLogModel::readableDetails(item.toObject()) : scalar(item));
        return items.join(u", "_s);
    }
    case QJsonValue::Object: return AuditLogModel::readableDetails(v.toObject());
    }
    return {};
}

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n'))
        return value;
    return u'"' + QString(value).replace(u"\""_s, u"\"\""_s) + u'"';
}

// The whole trail is read at most this far when a search or date range narrows it.
constexpr int ScanLimit = 50000;

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

QString AuditLogModel::readableDetails(const QJsonObject &details)
{
    // A list of moves ({key, from, to}) reads as "key: from → to".
    if (details.contains(u"key"_s) && (details.contains(u"from"_s) || details.contains(u"to"_s)))
        return tr("%1: %2 → %3")
            .arg(details.value(u"key"_s).toString(), scalar(details.value(u"from"_s)), scalar(details.value(u"to"_s)));
    QStringList parts;
    for (auto it = details.begin(); it != details.end(); ++it)
        parts.append(it.value().isArray() && !it.value().toArray().isEmpty() && it.value().toArray().first().isObject()
                         ? scalar(it.value())
                         : u"%1: %2"_s.arg(it.key(), scalar(it.value())));
    return parts.join(u"; "_s);
}

void AuditLogModel::setActionFilter(const QString &action)
{
    if (action == m_action)
        return;
    m_action = action;
    reload();
}

void AuditLogModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    reload();
}

void AuditLogModel::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    reload();
}

void AuditLogModel::readNames()
{
    m_userNames.clear();
    m_connectionNames.clear();
    if (auto members = m_session->engine()->identity()->members(m_session->caller())) {
        for (const MemberRecord &m : std::as_const(*members))
            m_userNames.insert(m.userId, m.name.isEmpty() ? m.email : m.name);
    }
    if (auto connections = m_session->engine()->connections()->list(m_session->caller())) {
        for (const ConnectionRecord &c : std::as_const(*connections))
            m_connectionNames.insert(c.id, c.name);
    }
}

QList<QJsonObject> AuditLogModel::scanMatches()
{
    // Events come newest first: the scan ends at the first one older than the range.
    const QDateTime after = m_from.isValid() ? m_from.startOfDay().toUTC() : QDateTime();
    const QDateTime before = m_to.isValid() ? m_to.addDays(1).startOfDay().toUTC() : QDateTime();
    QList<QJsonObject> matches;
    for (int offset = 0; offset < ScanLimit;) {
        auto page = m_session->engine()->audit()->list(m_session->caller(), 500, offset, m_action);
        if (!page) {
            m_error = page.error().message;
            return {};
        }
        for (const AuditEvent &e : std::as_const(page->events)) {
            const QDateTime at = DisplayFormat::parse(e.at);
            if (after.isValid() && at < after)
                return matches;
            if (before.isValid() && at >= before)
                continue;
            const QJsonObject event = e.toJson();
            bool found = m_search.isEmpty();
            for (int column = 0; !found && column < ColumnCount; ++column)
                found = text(event, column).contains(m_search, Qt::CaseInsensitive);
            if (found)
                matches.append(event);
        }
        if (!page->hasMore())
            break;
        offset += int(page->events.size());
    }
    return matches;
}

void AuditLogModel::reload()
{
    m_error.clear();
    readNames();
    if (isNarrowed()) {
        const QList<QJsonObject> matches = scanMatches();
        resetRows(matches, matches.size());
        return;
    }
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
    readNames();
    auto page = m_session->engine()->audit()->list(m_session->caller(), PageSize, 0, m_action);
    if (!page)
        return;
    const QString newestKnown = rows().isEmpty() ? QString() : rows().first().value(u"id"_s).toString();
    QList<QJsonObject> fresh;
    for (const AuditEvent &e : std::as_const(page->events)) {
        if (!newestKnown.isEmpty() && e.id == newestKnown)
            break;
        const QJsonObject event = e.toJson();
        if (isNarrowed()) {
            // A new event is today's: it shows when the range reaches today and the search matches.
            const QDate day = DisplayFormat::parse(e.at).toLocalTime().date();
            bool found = (!m_from.isValid() || day >= m_from) && (!m_to.isValid() || day <= m_to);
            bool matched = m_search.isEmpty();
            for (int column = 0; found && !matched && column < ColumnCount; ++column)
                matched = text(event, column).contains(m_search, Qt::CaseInsensitive);
            if (!found || !matched)
                continue;
        }
        fresh.append(event);
    }
    prependRows(fresh, isNarrowed() ? rowCount() + fresh.size() : page->total);
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    // Views (and the model tester) may call this at any time, even while rows are being inserted.
    if (isInserting() || !canFetchMore(parent) || isNarrowed())
        return;
    auto page = m_session->engine()->audit()->list(m_session->caller(), PageSize, rowCount(), m_action);
    if (!page)
        return;
    appendPage(rowsOf(*page), page->total);
}

Result<qint64> AuditLogModel::exportCsv(const QString &path)
{
    while (canFetchMore({}))
        fetchMore({});
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error::invalid(tr("%1 cannot be written: %2").arg(path, file.errorString()));
    QStringList header{tr("Time (UTC)")};
    for (int column = ActorColumn; column < ColumnCount; ++column)
        header.append(columnTitle(column));
    QByteArray out = header.join(u',').toUtf8() + '\n';
    for (const QJsonObject &e : rows()) {
        QStringList fields{e.value(u"at"_s).toString()};
        for (int column = ActorColumn; column < ColumnCount; ++column)
            fields.append(csvField(text(e, column)));
        out += fields.join(u',').toUtf8() + '\n';
    }
    file.write(out);
    if (!file.commit())
        return Error::invalid(tr("%1 cannot be written: %2").arg(path, file.errorString()));
    return qint64(rows().size());
}

QString AuditLogModel::text(const QJsonObject &e, int column) const
{
    const QJsonObject details = e.value(u"details"_s).toObject();
    switch (column) {
    case TimeColumn: return DisplayFormat::dateTime(e.value(u"at"_s).toString());
    case ActorColumn: {
        const QString userId = e.value(u"actorUserId"_s).toString();
        QString actor = m_userNames.value(userId, e.value(u"actorEmail"_s).toString());
        if (actor.isEmpty())
            actor = userId.isEmpty() ? tr("System") : tr("Removed user");
        const QString ip = e.value(u"ip"_s).toString();
        return ip.isEmpty() ? actor : tr("%1 from %2").arg(actor, ip);
    }
    case ActionColumn: return DisplayFormat::auditAction(e.value(u"action"_s).toString());
    case TargetColumn: {
        const QString type = e.value(u"targetType"_s).toString();
        const QString id = e.value(u"targetId"_s).toString();
        if (type == QLatin1String("workspace"))
            return tr("Workspace");
        if (type == QLatin1String("run")) {
            const QString connection = m_connectionNames.value(details.value(u"connectionId"_s).toString());
            return connection.isEmpty() ? tr("A run") : tr("Run of %1").arg(connection);
        }
        const QString name = m_connectionNames.value(id, details.value(u"name"_s).toString());
        return name.isEmpty() ? id : name;
    }
    case DetailsColumn: return readableDetails(details);
    default: return {};
    }
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
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(DisplayFormat::parse(e.value(u"at"_s).toString()).toLocalTime(), QLocale::LongFormat);
        case ActorColumn: return e.value(u"actorEmail"_s).toString();
        case ActionColumn: return e.value(u"action"_s).toString();
        case TargetColumn: return e.value(u"targetId"_s).toString();
        case DetailsColumn: return text(e, DetailsColumn).replace(u"; "_s, u"\n"_s);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    return text(e, index.column());
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
