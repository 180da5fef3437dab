// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QUrl>
#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace Opbox {

class ConnectionActions;
class MemberListModel;
class MessageView;
class OwnerSession;

/**
 * The Overview tab of a connection: status and its message, type, variant, schedule, who is
 * notified, which credentials are stored (names only), configuration, and the webhook URL.
 * Schedule, enabled and notification changes are saved at once through ConnectionActions.
 */
class ConnectionOverviewWidget : public QWidget
{
    Q_OBJECT
public:
    ConnectionOverviewWidget(OwnerSession *session, MemberListModel *members, QWidget *parent = nullptr);
    /** The status message in full (selectable, copyable). */
    [[nodiscard]] MessageView *statusMessageView() const { return m_statusMessage; }

    /** Shows a connection object (as the engine returns it). */
    void setConnection(const QJsonObject &connection);
    [[nodiscard]] QString connectionId() const;
    /** Where webhook URLs point (the API server's public URL). */
    void setPublicUrlProvider(std::function<QUrl()> provider) { m_publicUrl = std::move(provider); }

    [[nodiscard]] QPushButton *revealButton() const { return m_reveal; }
    [[nodiscard]] QLineEdit *webhookEdit() const { return m_webhook; }
    [[nodiscard]] QPushButton *checkButton() const { return m_check; }

Q_SIGNALS:
    /** Something went wrong that the user should see (the main window shows it). */
    void errorOccurred(const QString &message);
    /** A short confirmation for the status bar. */
    void statusMessage(const QString &message);

private:
    /** Applies one change to the shown connection; on a refusal shows why and what is stored. */
    void save(const std::function<Result<void>(const QString &connectionId)> &change);
    void revealWebhook();
    void checkConnection();
    void chooseRecipients();
    void updateNotifyText();
    void updateEditable();

    OwnerSession *m_session;
    ConnectionActions *m_actions;
    MemberListModel *m_members;
    QJsonObject m_connection;
    bool m_updating = false;

    QLabel *m_statusIcon;
    QLabel *m_status;
    MessageView *m_statusMessage;
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
    QPushButton *m_check;
    QPushButton *m_reveal;
    QLineEdit *m_webhook;
    QToolButton *m_copy;
    QLabel *m_curl;
    QFormLayout *m_form;
    std::function<QUrl()> m_publicUrl;
    QString m_checkingId;
};

} // namespace Opbox
