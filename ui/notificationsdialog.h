// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QListView;

namespace Opbox {

class NotificationListModel;

/** The owner's run notifications: live progress of running syncs and the outcome of finished ones. */
class NotificationsDialog : public QDialog
{
    Q_OBJECT
public:
    NotificationsDialog(NotificationListModel *model, QWidget *parent = nullptr);
    [[nodiscard]] QListView *view() const { return m_view; }

Q_SIGNALS:
    /** The user asked to see the connection of a notification. */
    void connectionRequested(const QString &connectionId);

private:
    NotificationListModel *m_model;
    QListView *m_view;
};

} // namespace Opbox
