// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace Opbox {

class MemberListModel;
class OwnerSession;

/**
 * The Overview tab of a connection: status and its message, type, variant, schedule, who is
 * notified, which credentials are stored (names only), configuration, and the webhook URL.
 * Schedule, enabled and notification changes are saved at once through the ConnectionService.
 */
class ConnectionOverviewWidget : public QWidget
{
    Q_OBJECT
public:
    ConnectionOverviewWidget(OwnerSession *session, MemberListModel *members, QWidget *parent = nullptr);

    /** Shows a connection object (as the engine returns it). */
    void setConnection(const QJsonObject &connection);
    [[nodiscard]] QString connectionId() const;

Q_SIGNALS:
    /** Something went wrong that the user should see (the main window shows it). */
    void errorOccurred(const QString &message);

private:
    void save(const QJsonObject &body);
    void chooseRecipients();
    void updateNotifyText();
    void updateEditable();

    OwnerSession *m_session;
    MemberListModel *m_members;
    QJsonObject m_connection;
    bool m_updating = false;

    QLabel *m_statusIcon;
    QLabel *m_status;
    QLabel *m_statusMessage;
    QLabel *m_type;
    QLabel *m_variant;
    QCheckBox *m_enabled;
    QCheckBox *m_scheduled;
    QComboBox *m_frequency;
    QLabel *m_notify;
    QPushButton *m_notifyButton;
    QLabel *m_credentials;
    QLabel *m_config;
    QLabel *m_created;
    QFormLayout *m_form;
};

} // namespace Opbox
