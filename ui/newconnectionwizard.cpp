// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/newconnectionwizard.h"
#include "ui/connectionsummarypage.h"
#include "ui/connectiontestpage.h"
#include "ui/connectortypepage.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "ui/credentialspage.h"
#include "models/iconlibrary.h"
#include "ui/notifyrecipientspage.h"
#include "ui/oauthauthorizepage.h"
#include "ui/schedulepage.h"
#include "ui/streamselectionpage.h"
#include "ui/uistrings.h"

using namespace Qt::StringLiterals;

namespace Opbox {

NewConnectionWizard::NewConnectionWizard(OwnerSession *session, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
{
    setWindowTitle(tr("New Connection"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setPixmap(QWizard::LogoPixmap, IconLibrary::application().pixmap(48, 48));
    setPage(TypePageId, new ConnectorTypePage(this));
    setPage(CredentialsPageId, new CredentialsPage(this));
    setPage(TestPageId, new ConnectionTestPage(this));
    setPage(StreamsPageId, new StreamSelectionPage(this));
    setPage(SchedulePageId, new SchedulePage(this));
    setPage(NotifyPageId, new NotifyRecipientsPage(session, this));
    setPage(SummaryPageId, new ConnectionSummaryPage(this));
    m_authorize = new OAuthAuthorizePage(session, [this] { return publicUrl(); }, [this] {
        // The engine creates the OAuth connection itself, with the client credentials in the vault.
        QJsonObject body{{u"client_id"_s, credentials.value(u"client_id"_s)},
                         {u"client_secret"_s, credentials.value(u"client_secret"_s)},
                         {u"connectionName"_s, name},
                         {u"notifyUserIds"_s, notifyUserIds}};
        QJsonObject cfg = config;
        cfg.remove(u"tenantId"_s);
        cfg.remove(u"accountId"_s);
        if (!cfg.isEmpty())
            body.insert(u"config"_s, cfg);
        if (!schedule.isEmpty())
            body.insert(u"schedule"_s, schedule);
        return OAuthAuthorizePage::Request{m_type ? m_type->type : QString(), body};
    }, this);
    setPage(AuthorizePageId, m_authorize);
    connect(m_authorize, &OAuthAuthorizePage::authorized, this, [this] { credentials = QJsonObject(); });
    setStartId(TypePageId);
    UiStrings::translateWizard(this);
    setButtonText(QWizard::FinishButton, tr("&Create"));
    setButtonText(QWizard::CommitButton, tr("Create and &Sign In >"));
    resize(720, 560);
}

NewConnectionWizard::~NewConnectionWizard()
{
    // Do not keep typed secrets around longer than the dialog.
    credentials = QJsonObject();
}

void NewConnectionWizard::setConnectorType(const ConnectorTypeInfo *type)
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

QJsonObject NewConnectionWizard::createBody() const
{
    QJsonObject cfg = config;
    // Only a real choice is stored: with every stream checked, streams the connector adds later are read too.
    if (!selectedStreams.isEmpty() && selectedStreams.size() < availableStreams.size())
        cfg.insert(u"streams"_s, QJsonArray::fromStringList(selectedStreams));
    QJsonObject body{{u"name"_s, name},
                     {u"type"_s, m_type ? m_type->type : QString()},
                     {u"credentials"_s, credentials},
                     {u"notifyUserIds"_s, notifyUserIds}};
    if (!cfg.isEmpty())
        body.insert(u"config"_s, cfg);
    if (!schedule.isEmpty())
        body.insert(u"schedule"_s, schedule);
    return body;
}

} // namespace Opbox
