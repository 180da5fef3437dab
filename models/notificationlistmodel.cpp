// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/notificationlistmodel.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/notificationservice.h"
#include "engine/services/runservice.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "models/modelslogging.h"
#include "models/ownersession.h"

#include <QFont>
#include <QHash>
#include <QTimer>
#include <limits>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

bool isFinal(const QString &kind)
{
    return kind == u"COMPLETED"_s || kind == u"FAILED"_s;
}

} // namespace

NotificationListModel::NotificationListModel(OwnerSession *session, QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
    , m_refresh(new QTimer(this))
{
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(200);
    connect(m_refresh, &QTimer::timeout, this, &NotificationListModel::refresh);
    connect(session->engine()->notifications(), &NotificationService::notificationChanged, this,
            [this](const QString &userId, const QString &, const QString &) {
                if (userId == m_session->userId() && !m_refresh->isActive())
                    m_refresh->start();
            });
    auto list = session->engine()->notifications()->list(session->caller(), Limit);
    if (list)
        m_items = *list;
    m_unread = unreadCount();
}

void NotificationListModel::refresh()
{
    m_names.clear();
    m_messages.clear();
    auto list = m_session->engine()->notifications()->list(m_session->caller(), Limit);
    if (!list) {
        qCWarning(lcModels) << "cannot list notifications:" << list.error().message;
        return;
    }
    const QList<NotificationRecord> fresh = *list;
    QHash<QString, NotificationRecord> byId;
    for (const auto &n : fresh)
        byId.insert(n.id, n);
    // 1. Gone (a cancelled run's progress note is removed): remove rows, last first.
    for (int row = int(m_items.size()) - 1; row >= 0; --row) {
        if (!byId.contains(m_items.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
        }
    }
    // 2. Changed in place: update rows (a note moving to the top is handled by the re-sort below).
    QList<NotificationRecord> finished;
    for (int row = 0; row < m_items.size(); ++row) {
        const NotificationRecord now = byId.value(m_items.at(row).id);
        if (now == m_items.at(row))
            continue;
        if (!isFinal(m_items.at(row).kind) && isFinal(now.kind))
            finished.append(now);
        m_items[row] = now;
        Q_EMIT dataChanged(index(row), index(row));
    }
    // 3. New: insert where the fresh order puts them.
    QSet<QString> known;
    for (const auto &item : std::as_const(m_items))
        known.insert(item.id);
    for (int i = 0; i < fresh.size(); ++i) {
        if (known.contains(fresh.at(i).id))
            continue;
        const int row = std::min<int>(i, int(m_items.size()));
        beginInsertRows({}, row, row);
        m_items.insert(row, fresh.at(i));
        endInsertRows();
        if (isFinal(fresh.at(i).kind))
            finished.append(fresh.at(i));
    }
    // 4. Newest first, as the service lists them.
    QStringList order;
    for (const auto &f : std::as_const(fresh))
        order.append(f.id);
    QStringList current;
    for (const auto &item : std::as_const(m_items))
        current.append(item.id);
    if (current != order) {
        Q_EMIT layoutAboutToBeChanged();
        const QModelIndexList before = persistentIndexList();
        QList<QString> beforeIds;
        for (const auto &idx : before)
            beforeIds.append(m_items.at(idx.row()).id);
        m_items = fresh;
        QModelIndexList after;
        for (int i = 0; i < before.size(); ++i)
            after.append(index(rowOf(beforeIds.at(i)), before.at(i).column()));
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged();
    }
    const int unread = unreadCount();
    if (unread != m_unread) {
        m_unread = unread;
        Q_EMIT unreadCountChanged(unread);
    }
    for (const auto &n : std::as_const(finished))
        Q_EMIT notificationFinished(n);
}

QString NotificationListModel::connectionName(const QString &connectionId) const
{
    // Painting asks for every row often; the database is asked once per connection and refresh.
    auto it = m_names.constFind(connectionId);
    if (it != m_names.cend())
        return *it;
    auto record = m_session->engine()->connections()->record(m_session->caller(), connectionId);
    const QString name = record ? record->name : QString();
    m_names.insert(connectionId, name);
    return name;
}

QString NotificationListModel::message(const NotificationRecord &n) const
{
    // The engine words the stored body once, in English, for every recipient; the GUI says the
    // same in its own language, with the plural forms of the numbers.
    auto it = m_messages.constFind(n.id);
    if (it != m_messages.cend())
        return *it;
    QString text = n.message;
    if (auto run = m_session->engine()->runs()->get(m_session->caller(), n.connectionId, n.runId)) {
        const int rows = int(std::min<qint64>(run->rowsSynced, std::numeric_limits<int>::max()));
        const QString stream = run->progress.value(u"stream"_s).toString();
        const int done = run->progress.value(u"streamsDone"_s).toInt();
        const int total = run->progress.value(u"streamsTotal"_s).toInt();
        if (n.kind == u"FAILED"_s)
            text = run->error.isEmpty() ? tr("The sync failed.") : run->error;
        else if (n.kind == u"COMPLETED"_s)
            text = tr("%n row(s) synced (%1 new, %2 updated).", nullptr, rows)
                       .arg(DisplayFormat::count(run->rowsCreated), DisplayFormat::count(run->rowsUpdated));
        else if (stream.isEmpty())
            text = tr("%n row(s) synced so far.", nullptr, rows);
        else
            text = tr("%n row(s) synced so far; stream %1 (%2 of %3).", nullptr, rows)
                       .arg(stream)
                       .arg(std::min(done + 1, std::max(total, 1)))
                       .arg(total);
    }
    m_messages.insert(n.id, text);
    return text;
}

int NotificationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int NotificationListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == id)
            return i;
    }
    return -1;
}

int NotificationListModel::unreadCount() const
{
    int n = 0;
    for (const auto &item : m_items) {
        if (!item.read)
            ++n;
    }
    return n;
}

void NotificationListModel::markRead(const QString &id)
{
    auto result = m_session->engine()->notifications()->markRead(m_session->caller(), id);
    if (!result)
        qCWarning(lcModels) << "cannot mark a notification read:" << result.error().message;
    refresh();
}

void NotificationListModel::markAllRead()
{
    auto result = m_session->engine()->notifications()->markAllRead(m_session->caller());
    if (!result)
        qCWarning(lcModels) << "cannot mark notifications read:" << result.error().message;
    refresh();
}

QVariant NotificationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NotificationRecord &n = m_items.at(index.row());
    const QString &kind = n.kind;
    auto title = [&]() -> QString {
        // Our own wording, so that it is translated; the stored title is the fallback.
        const QString name = connectionName(n.connectionId);
        if (name.isEmpty())
            return n.title;
        if (kind == u"COMPLETED"_s)
            return tr("Sync completed: %1").arg(name);
        if (kind == u"FAILED"_s)
            return tr("Sync failed: %1").arg(name);
        return tr("Syncing %1").arg(name);
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: return tr("%1\n%2").arg(title(), message(n));
    case Qt::ToolTipRole: return DisplayFormat::dateTime(n.updatedAt);
    case Qt::DecorationRole: return IconLibrary::runStatus(kind == u"PROGRESS"_s ? u"RUNNING"_s : kind);
    case Qt::FontRole:
        if (!n.read) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case IdRole: return n.id;
    case KindRole: return kind;
    case TitleRole: return title();
    case MessageRole: return message(n);
    case ReadRole: return n.read;
    case ConnectionIdRole: return n.connectionId;
    case RunIdRole: return n.runId;
    case UpdatedAtRole: return DisplayFormat::parse(n.updatedAt);
    case NotificationRole: return n.toJson();
    default: return {};
    }
}

QHash<int, QByteArray> NotificationListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "notificationId");
    names.insert(KindRole, "kind");
    names.insert(TitleRole, "title");
    names.insert(MessageRole, "message");
    names.insert(ReadRole, "read");
    names.insert(ConnectionIdRole, "connectionId");
    names.insert(RunIdRole, "runId");
    names.insert(UpdatedAtRole, "updatedAt");
    names.insert(NotificationRole, "notification");
    return names;
}

} // namespace Opbox
