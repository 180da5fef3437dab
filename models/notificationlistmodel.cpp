// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/notificationlistmodel.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/notificationservice.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "models/modelslogging.h"
#include "models/ownersession.h"

#include <QFont>
#include <QHash>
#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString idOf(const QJsonObject &o)
{
    return o.value(u"id"_s).toString();
}

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
    if (list) {
        for (const auto &v : *list)
            m_items.append(v.toObject());
    }
    m_unread = unreadCount();
}

void NotificationListModel::refresh()
{
    m_names.clear();
    auto list = m_session->engine()->notifications()->list(m_session->caller(), Limit);
    if (!list) {
        qCWarning(lcModels) << "cannot list notifications:" << list.error().message;
        return;
    }
    QList<QJsonObject> fresh;
    QHash<QString, QJsonObject> byId;
    for (const auto &v : *list) {
        fresh.append(v.toObject());
        byId.insert(idOf(fresh.last()), fresh.last());
    }
    // 1. Gone (a cancelled run's progress note is removed): remove rows, last first.
    for (int row = int(m_items.size()) - 1; row >= 0; --row) {
        if (!byId.contains(idOf(m_items.at(row)))) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
        }
    }
    // 2. Changed in place: update rows (a note moving to the top is handled by the re-sort below).
    QList<QJsonObject> finished;
    for (int row = 0; row < m_items.size(); ++row) {
        const QJsonObject &now = byId.value(idOf(m_items.at(row)));
        if (now == m_items.at(row))
            continue;
        if (!isFinal(m_items.at(row).value(u"kind"_s).toString()) && isFinal(now.value(u"kind"_s).toString()))
            finished.append(now);
        m_items[row] = now;
        Q_EMIT dataChanged(index(row), index(row));
    }
    // 3. New: insert where the fresh order puts them.
    QSet<QString> known;
    for (const auto &item : std::as_const(m_items))
        known.insert(idOf(item));
    for (int i = 0; i < fresh.size(); ++i) {
        if (known.contains(idOf(fresh.at(i))))
            continue;
        const int row = std::min<int>(i, int(m_items.size()));
        beginInsertRows({}, row, row);
        m_items.insert(row, fresh.at(i));
        endInsertRows();
        if (isFinal(fresh.at(i).value(u"kind"_s).toString()))
            finished.append(fresh.at(i));
    }
    // 4. Newest first, as the service lists them.
    QStringList order;
    for (const auto &f : std::as_const(fresh))
        order.append(idOf(f));
    QStringList current;
    for (const auto &item : std::as_const(m_items))
        current.append(idOf(item));
    if (current != order) {
        Q_EMIT layoutAboutToBeChanged();
        const QModelIndexList before = persistentIndexList();
        QList<QString> beforeIds;
        for (const auto &idx : before)
            beforeIds.append(idOf(m_items.at(idx.row())));
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

int NotificationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int NotificationListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (idOf(m_items.at(i)) == id)
            return i;
    }
    return -1;
}

int NotificationListModel::unreadCount() const
{
    int n = 0;
    for (const auto &item : m_items) {
        if (!item.value(u"read"_s).toBool())
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
    const QJsonObject &n = m_items.at(index.row());
    const QString kind = n.value(u"kind"_s).toString();
    auto title = [&]() -> QString {
        // Our own wording, so that it is translated; the stored title is the fallback.
        const QString name = connectionName(n.value(u"connectionId"_s).toString());
        if (name.isEmpty())
            return n.value(u"title"_s).toString();
        if (kind == u"COMPLETED"_s)
            return tr("Sync completed: %1").arg(name);
        if (kind == u"FAILED"_s)
            return tr("Sync failed: %1").arg(name);
        return tr("Syncing %1").arg(name);
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: return tr("%1\n%2").arg(title(), n.value(u"message"_s).toString());
    case Qt::ToolTipRole: return DisplayFormat::dateTime(n.value(u"updatedAt"_s).toString());
    case Qt::DecorationRole: return IconLibrary::runStatus(kind == u"PROGRESS"_s ? u"RUNNING"_s : kind);
    case Qt::FontRole:
        if (!n.value(u"read"_s).toBool()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case IdRole: return idOf(n);
    case KindRole: return kind;
    case TitleRole: return title();
    case MessageRole: return n.value(u"message"_s).toString();
    case ReadRole: return n.value(u"read"_s).toBool();
    case ConnectionIdRole: return n.value(u"connectionId"_s).toString();
    case RunIdRole: return n.value(u"runId"_s).toString();
    case UpdatedAtRole: return DisplayFormat::parse(n.value(u"updatedAt"_s).toString());
    case NotificationRole: return n;
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
