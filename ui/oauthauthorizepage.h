// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QUrl>
#include <QWizardPage>
#include <functional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Opbox {

class ConnectionActions;
class OAuthActions;
class OwnerSession;
struct OAuthSignIn;

/**
 * The OAuth sign-in step: asks the engine for the authorize URL
 * (which creates or re-authorizes the connection), opens it in the system browser and waits for
 * the provider's redirect to the loopback callback of the API server — or for a pasted code.
 */
class OAuthAuthorizePage : public QWizardPage
{
    Q_OBJECT
public:
    /** `request` says what to authorize: a connection to create or one to sign in again. */
    OAuthAuthorizePage(OwnerSession *session, std::function<QUrl()> publicUrl, std::function<OAuthSignIn()> request,
                       QWidget *parent = nullptr);

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

    [[nodiscard]] QString connectionId() const { return m_connectionId; }
    [[nodiscard]] QUrl authorizeUrl() const { return m_url; }
    [[nodiscard]] bool isAuthorized() const { return m_done; }
    [[nodiscard]] QLineEdit *codeEdit() const { return m_code; }
    [[nodiscard]] QPushButton *useCodeButton() const { return m_useCode; }
    /** Puts the sign-in address on the clipboard, for a browser on another computer. */
    [[nodiscard]] QPushButton *copyUrlButton() const { return m_copy; }

Q_SIGNALS:
    void authorized(const QString &connectionId);

private:
    void start();
    void openBrowser();
    void useCode();
    void finish(const QString &message);
    void fail(const QString &message);

    std::function<QUrl()> m_publicUrl;
    std::function<OAuthSignIn()> m_request;
    ConnectionActions *m_connections;
    OAuthActions *m_oauth;
    QString m_type;
    QString m_connectionId;
    QUrl m_url;
    QString m_knownReason;
    bool m_done = false;
    bool m_exchanging = false;

    QLabel *m_state;
    QProgressBar *m_busy;
    QPushButton *m_open;
    QLineEdit *m_link;
    QPushButton *m_copy;
    QLineEdit *m_code;
    QPushButton *m_useCode;
    QPushButton *m_retry;
};

} // namespace Opbox
