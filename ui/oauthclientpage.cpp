// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/oauthclientpage.h"
#include "models/connectionactions.h"
#include "models/connectorcatalog.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "models/ownersession.h"
#include "ui/errorlabel.h"
#include "ui/redirecturiedit.h"
#include "ui/secretlineedit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

OAuthClientPage::OAuthClientPage(OwnerSession *session, std::function<QUrl()> publicUrl, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_publicUrl(std::move(publicUrl))
    , m_type(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_clientId(new QLineEdit(this))
    , m_clientSecret(new SecretLineEdit(this))
    , m_redirectUri(new RedirectUriEdit(this))
    , m_form(new QFormLayout)
    , m_error(new ErrorLabel(tr("Problem with the form"), this))
{
    setTitle(tr("OAuth App"));
    setSubTitle(tr("Enter the client id and secret of the app you registered with the provider. Its redirect URI "
                   "must point to this computer's API server."));
    for (const ConnectorTypeEntry &info : ConnectorCatalog::all()) {
        if (info.isOAuth())
            m_type->addItem(IconLibrary::category(info.category),
                            tr("%1 (%2)").arg(DisplayFormat::typeName(info.name), info.service), info.type);
    }
    m_type->setAccessibleName(tr("Service"));
    m_name->setAccessibleName(tr("Connection name"));
    m_name->setMaxLength(200);
    m_clientId->setAccessibleName(tr("Client ID"));
    m_clientSecret->setAccessibleName(tr("Client secret"));

    auto addRow = [this](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        m_form->addRow(label, field);
    };
    addRow(tr("&Service:"), m_type);
    addRow(tr("&Name:"), m_name);
    addRow(tr("Client &ID *:"), m_clientId);
    addRow(tr("Client s&ecret *:"), m_clientSecret);
    addRow(RedirectUriEdit::labelText(), m_redirectUri);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addStretch(1);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        const ConnectorTypeEntry *info = ConnectorCatalog::find(m_type->currentData().toString());
        if (info && m_existingId.isEmpty())
            m_name->setText(DisplayFormat::typeName(info->name));
        rebuildConfig();
        showRedirectUri();
        Q_EMIT completeChanged();
    });
    for (QLineEdit *edit : {m_name, m_clientId, m_clientSecret})
        connect(edit, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    if (m_type->count() > 0) {
        const ConnectorTypeEntry *info = ConnectorCatalog::find(m_type->currentData().toString());
        m_name->setText(info ? DisplayFormat::typeName(info->name) : QString());
    }
    rebuildConfig();
    showRedirectUri();
}

void OAuthClientPage::showRedirectUri()
{
    m_redirectUri->showFor(m_publicUrl ? m_publicUrl() : QUrl(), m_type->currentData().toString());
}

QLineEdit *OAuthClientPage::redirectUriEdit() const
{
    return m_redirectUri;
}

void OAuthClientPage::initializePage()
{
    // The public URL may have changed in the settings since the wizard was built.
    showRedirectUri();
}

void OAuthClientPage::rebuildConfig()
{
    for (QLineEdit *edit : std::as_const(m_config))
        m_form->removeRow(edit);
    m_config.clear();
    const ConnectorTypeEntry *info = ConnectorCatalog::find(m_type->currentData().toString());
    if (!info)
        return;
    for (const ConnectorFieldEntry &field : info->config) {
        // Discovered fields (tenant, account) come from the provider after sign-in.
        if (field.name != u"baseUrl"_s && field.name != u"authBaseUrl"_s)
            continue;
        auto *edit = new QLineEdit(this);
        edit->setObjectName(u"config:"_s + field.name);
        edit->setAccessibleName(field.label);
        edit->setPlaceholderText(tr("https://… (leave empty for the provider's own service)"));
        auto *label = new QLabel(tr("%1:").arg(field.label), this);
        label->setBuddy(edit);
        m_form->addRow(label, edit);
        m_config.insert(field.name, edit);
    }
}

void OAuthClientPage::setConnectorType(const QString &type)
{
    const int index = m_type->findData(type);
    if (index >= 0)
        m_type->setCurrentIndex(index);
}

void OAuthClientPage::setExistingConnection(const QString &connectionId)
{
    auto record = ConnectionActions(m_session).facts(connectionId);
    if (!record)
        return;
    m_existingId = connectionId;
    setConnectorType(record->type);
    m_type->setEnabled(false);
    m_name->setText(record->name);
    m_name->setEnabled(false);
    m_clientId->setPlaceholderText(tr("Keep the stored client id"));
    m_clientSecret->setPlaceholderText(tr("Keep the stored client secret"));
    for (auto it = m_config.begin(); it != m_config.end(); ++it) {
        it.value()->setText(record->config.value(it.key()).toString());
        it.value()->setProperty("stored", !it.value()->text().isEmpty());
    }
    setSubTitle(tr("Sign in to %1 again. Leave the client fields empty to keep the stored ones.").arg(record->name));
    Q_EMIT completeChanged();
}

bool OAuthClientPage::isComplete() const
{
    if (m_type->currentIndex() < 0)
        return false;
    if (!m_existingId.isEmpty())
        return true;
    return !m_name->text().trimmed().isEmpty() && !m_clientId->text().trimmed().isEmpty()
        && !m_clientSecret->text().trimmed().isEmpty();
}

bool OAuthClientPage::validatePage()
{
    for (auto it = m_config.cbegin(); it != m_config.cend(); ++it) {
        const QString text = it.value()->text().trimmed();
        if (text.isEmpty())
            continue;
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty()) {
            m_error->showMessage(tr("\"%1\" must be an http:// or https:// address.").arg(it.value()->accessibleName()),
                                 it.value());
            return false;
        }
    }
    m_error->hide();
    return isComplete();
}

OAuthSignIn OAuthClientPage::request() const
{
    OAuthSignIn r;
    r.type = m_type->currentData().toString();
    QJsonObject config;
    for (auto it = m_config.cbegin(); it != m_config.cend(); ++it) {
        const QString text = it.value()->text().trimmed();
        if (!text.isEmpty())
            config.insert(it.key(), text);
        else if (!m_existingId.isEmpty() && it.value()->property("stored").toBool())
            config.insert(it.key(), QJsonValue()); // cleared: back to the provider's own host
    }
    // Signing in again: empty client fields keep the stored ones.
    r.connectionId = m_existingId;
    if (m_existingId.isEmpty())
        r.name = m_name->text().trimmed();
    r.clientId = m_clientId->text().trimmed();
    r.clientSecret = m_clientSecret->text().trimmed();
    r.config = config;
    return r;
}

} // namespace Opbox
