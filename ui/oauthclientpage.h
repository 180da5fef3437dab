// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/oauthactions.h"

#include <QHash>
#include <QUrl>
#include <QWizardPage>
#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace Opbox {

class ErrorLabel;
class RedirectUriEdit;

class OwnerSession;

/** OAuth, step 1: the service, the connection's name and the OAuth app's client id and secret (secret masked). */
class OAuthClientPage : public QWizardPage
{
    Q_OBJECT
public:
    OAuthClientPage(OwnerSession *session, std::function<QUrl()> publicUrl, QWidget *parent = nullptr);

    void setExistingConnection(const QString &connectionId);
    void setConnectorType(const QString &type);
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;
    void initializePage() override;
    /** The authorize request the next page sends. */
    [[nodiscard]] OAuthSignIn request() const;

    [[nodiscard]] QComboBox *typeBox() const { return m_type; }
    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QLineEdit *clientIdEdit() const { return m_clientId; }
    [[nodiscard]] QLineEdit *clientSecretEdit() const { return m_clientSecret; }
    /** The redirect URI to register with the provider (read-only, for copying). */
    [[nodiscard]] QLineEdit *redirectUriEdit() const;
    /** An optional config field's editor (baseUrl, authBaseUrl). */
    [[nodiscard]] QLineEdit *configEdit(const QString &name) const { return m_config.value(name); }

private:
    void rebuildConfig();
    void showRedirectUri();

    OwnerSession *m_session;
    std::function<QUrl()> m_publicUrl;
    QString m_existingId;
    QComboBox *m_type;
    QLineEdit *m_name;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    RedirectUriEdit *m_redirectUri;
    QFormLayout *m_form;
    ErrorLabel *m_error;
    QHash<QString, QLineEdit *> m_config;
};

} // namespace Opbox
