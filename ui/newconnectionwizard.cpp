// SPDX-License-Identifier: GPL-3.0-or-later
#include "newconnectionwizard.h"
#include "connectionsummarypage.h"
#include "connectortypepage.h"
#include "connectortyperegistry.h"
#include "credentialspage.h"
#include "iconlibrary.h"
#include "notifyrecipientspage.h"
#include "schedulepage.h"
#include "uistrings.h"

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
    setPage(SchedulePageId, new SchedulePage(this));
    setPage(NotifyPageId, new NotifyRecipientsPage(session, this));
    setPage(SummaryPageId, new ConnectionSummaryPage(this));
    setStartId(TypePageId);
    UiStrings::translateWizard(this);
    setButtonText(QWizard::FinishButton, tr("&Create"));
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

QJsonObject NewConnectionWizard::createBody() const
{
    QJsonObject cfg = config;
    if (!selectedStreams.isEmpty() && selectedStreams.size() < availableStreams.size()) {
        QJsonArray streams;
        for (const auto &s : selectedStreams)
            streams.append(s);
        cfg.insert(u"streams"_s, streams);
    }
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
