// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/oauthwizard.h"
#include "models/iconlibrary.h"
#include "ui/oauthauthorizepage.h"
#include "ui/oauthclientpage.h"
#include "ui/wizardlook.h"

using namespace Qt::StringLiterals;

namespace Opbox {

OAuthWizard::OAuthWizard(OwnerSession *session, std::function<QUrl()> publicUrl, QWidget *parent)
    : QWizard(parent)
    , m_client(new OAuthClientPage(session, publicUrl, this))
    , m_authorize(new OAuthAuthorizePage(
          session, std::move(publicUrl), [this] { return m_client->request(); }, this))
{
    WizardLook::apply(this, tr("Sign In to a Service"), IconLibrary::action(u"authorize"_s));
    setPage(ClientPageId, m_client);
    setPage(AuthorizePageId, m_authorize);
    // Once the browser is involved the connection exists: going back would create a second one.
    m_client->setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Sign In >"));
    resize(680, 520);
}

void OAuthWizard::setExistingConnection(const QString &connectionId)
{
    m_client->setExistingConnection(connectionId);
}

void OAuthWizard::setConnectorType(const QString &type)
{
    m_client->setConnectorType(type);
}

QString OAuthWizard::connectionId() const
{
    return m_authorize->connectionId();
}

} // namespace Opbox
