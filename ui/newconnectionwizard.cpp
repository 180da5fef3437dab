// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/newconnectionwizard.h"
#include "models/connectorcatalog.h"
#include "models/iconlibrary.h"
#include "models/oauthactions.h"
#include "ui/connectionsummarypage.h"
#include "ui/connectiontestpage.h"
#include "ui/connectortypepage.h"
#include "ui/credentialspage.h"
#include "ui/notifyrecipientspage.h"
#include "ui/oauthauthorizepage.h"
#include "ui/schedulepage.h"
#include "ui/streamselectionpage.h"
#include "ui/wizardlook.h"

using namespace Qt::StringLiterals;

namespace Opbox {

NewConnectionWizard::NewConnectionWizard(OwnerSession *session, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
{
    WizardLook::apply(this, tr("New Connection"), IconLibrary::application());
    setOption(QWizard::HaveHelpButton, false);
    setPage(TypePageId, new ConnectorTypePage(this));
    setPage(CredentialsPageId, new CredentialsPage(this));
    setPage(TestPageId, new ConnectionTestPage(this));
    setPage(StreamsPageId, new StreamSelectionPage(this));
    setPage(SchedulePageId, new SchedulePage(this));
    setPage(NotifyPageId, new NotifyRecipientsPage(session, this));
    setPage(SummaryPageId, new ConnectionSummaryPage(this));
    m_authorize = new OAuthAuthorizePage(
        session, [this] { return publicUrl(); },
        [this] {
            // The engine creates the OAuth connection itself, with the client credentials in the vault.
            OAuthSignIn signIn;
            signIn.type = m_type ? m_type->type : QString();
            signIn.name = name;
            signIn.clientId = credentials.value(u"client_id"_s).toString();
            signIn.clientSecret = credentials.value(u"client_secret"_s).toString();
            signIn.config = config;
            // The provider's account discovery fills these in after the sign-in.
            signIn.config.remove(u"tenantId"_s);
            signIn.config.remove(u"accountId"_s);
            signIn.schedule = schedule;
            signIn.notifyUserIds = notifyUserIds;
            return signIn;
        },
        this);
    setPage(AuthorizePageId, m_authorize);
    connect(m_authorize, &OAuthAuthorizePage::authorized, this, [this] { credentials = QJsonObject(); });
    setStartId(TypePageId);
    setButtonText(QWizard::FinishButton, tr("&Create"));
    setButtonText(QWizard::CommitButton, tr("Create and &Sign In >"));
    resize(720, 560);
}

NewConnectionWizard::~NewConnectionWizard()
{
    // Do not keep typed secrets around longer than the dialog.
    credentials = QJsonObject();
}

void NewConnectionWizard::setConnectorType(const ConnectorTypeEntry *type)
{
    if (type == m_type)
        return;
    m_type = type;
    credentials = QJsonObject();
    config = QJsonObject();
    selectedStreams.clear();
    availableStreams.clear();
    Q_EMIT connectorTypeChanged();
}

void NewConnectionWizard::preselectType(const QString &type)
{
    if (auto *page = qobject_cast<ConnectorTypePage *>(this->page(TypePageId)))
        page->selectType(type);
}

bool NewConnectionWizard::isOAuth() const
{
    return m_type && m_type->isOAuth();
}

QString NewConnectionWizard::createdConnectionId() const
{
    return isOAuth() ? m_authorize->connectionId() : m_createdId;
}

NewConnection NewConnectionWizard::draft() const
{
    NewConnection d{name, m_type ? m_type->type : QString(), credentials, config, {}, schedule, notifyUserIds};
    // Only a real choice is stored: with every stream checked, streams the connector adds later are read too.
    if (!selectedStreams.isEmpty() && selectedStreams.size() < availableStreams.size())
        d.streams = selectedStreams;
    return d;
}

} // namespace Opbox
