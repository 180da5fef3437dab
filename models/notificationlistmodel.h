// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/services/notificationservice.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>

class QTimer;

namespace Opbox {

class OwnerSession;

/**
 * The local owner's run notifications, newest first: a run's PROGRESS note is updated
 * in place while it runs and becomes COMPLETED or FAILED. Follows the NotificationService's
 * signals, coalesced, and keeps the unread count for the toolbar.
 */
class NotificationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole, ///< PROGRESS | COMPLETED | FAILED
        TitleRole,
        MessageRole,
        ReadRole,
        ConnectionIdRole,
        RunIdRole,
        UpdatedAtRole, ///< QDateTime (UTC)
        NotificationRole, ///< the notification as its JSON object
    };
    Q_ENUM(Role)

    static constexpr int Limit = 200;

    explicit NotificationListModel(OwnerSession *session, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int unreadCount() const;
    void markRead(const QString &id);
    void markAllRead();
    /** Re-reads the list and applies the difference (inserts, updates, removals). */
    void refresh();
    [[nodiscard]] int rowOf(const QString &id) const;

Q_SIGNALS:
    void unreadCountChanged(int count);
    /** A notification became COMPLETED or FAILED (the tray shows it). */
    void notificationFinished(const Opbox::NotificationRecord &notification);

private:
    [[nodiscard]] QString connectionName(const QString &connectionId) const;
    /** The body in the GUI's language, worded from the run itself; the stored text when the run is gone. */
    [[nodiscard]] QString message(const NotificationRecord &n) const;

    OwnerSession *m_session;
    mutable QHash<QString, QString> m_names;
    mutable QHash<QString, QString> m_messages; // notification id → translated body, until the next refresh
    QList<NotificationRecord> m_items;
    QTimer *m_refresh;
    int m_unread = 0;
};

} // namespace Opbox
