// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectionsummarypage.h"
#include "models/connectionactions.h"
#include "models/connectorcatalog.h"
#include "models/displayformat.h"
#include "models/memberlistmodel.h"
#include "models/ownersession.h"
#include "models/runactions.h"
#include "ui/errorlabel.h"
#include "ui/newconnectionwizard.h"
#include "ui/uilogging.h"

#include <QJsonArray>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

ConnectionSummaryPage::ConnectionSummaryPage(QWidget *parent)
    : QWizardPage(parent)
    , m_summary(new QLabel(this))
    , m_error(new ErrorLabel(tr("Why the connection could not be created"), this))
{
    setTitle(tr("Summary"));
    setSubTitle(tr("Check the details, then create the connection."));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("Summary of the new connection"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_error);
}

int ConnectionSummaryPage::nextId() const
{
    auto *w = static_cast<NewConnectionWizard *>(wizard());
    return w && w->isOAuth() ? int(NewConnectionWizard::AuthorizePageId) : -1;
}

void ConnectionSummaryPage::initializePage()
{
    auto *w = static_cast<NewConnectionWizard *>(wizard());
    const ConnectorTypeEntry *type = w->connectorType();
    if (!type)
        return;
    // After the sign-in starts, the connection exists: there is no way back for OAuth types.
    setCommitPage(w->isOAuth());
    auto row = [](const QString &label, const QString &value) -> QString {
        return u"<tr><td style='padding-right:16px'><b>"_s + label.toHtmlEscaped() + u"</b></td><td>"_s
            + value.toHtmlEscaped().replace(u"\n"_s, u"<br>"_s) + u"</td></tr>"_s;
    };
    QStringList credentialNames;
    for (const auto &f : type->credentials) {
        if (w->credentials.contains(f.name))
            credentialNames.append(f.label);
    }
    QStringList configLines;
    for (const auto &f : type->config) {
        const QJsonValue v = w->config.value(f.name);
        if (v.isUndefined())
            continue;
        QString value = v.isArray() ? QString() : v.toVariant().toString();
        if (v.isArray()) {
            QStringList items;
            for (const auto &item : v.toArray())
                items.append(item.toString());
            value = items.join(u", "_s);
        }
        configLines.append(tr("%1: %2").arg(f.label, value));
    }
    QString notify;
    if (w->notifyUserIds.isEmpty()) {
        notify = tr("All workspace members");
    } else {
        MemberListModel members(w->session());
        QStringList names;
        for (const QString &id : std::as_const(w->notifyUserIds))
            names.append(members.displayName(id));
        notify = names.join(u'\n');
    }
    QString streams;
    if (w->isOAuth()) {
        streams = tr("Discovered after the sign-in");
    } else {
        const QString chosen
            = w->selectedStreams.size() < w->availableStreams.size() ? w->selectedStreams.join(u", "_s) : tr("All streams");
        streams = w->firstSync ? tr("%1\nFirst sync now").arg(chosen)
                               : tr("%1\nNo sync until you start one or the schedule does").arg(chosen);
    }

    QString html = u"<table cellspacing='6'>"_s;
    html += row(tr("Name"), w->name);
    html += row(tr("Service"), tr("%1 (%2)").arg(DisplayFormat::typeName(type->name), type->service));
    html += row(tr("Credentials"),
                credentialNames.isEmpty() ? tr("None") : tr("%1 (stored encrypted)").arg(credentialNames.join(u", "_s)));
    if (!configLines.isEmpty())
        html += row(tr("Settings"), configLines.join(u'\n'));
    html += row(tr("Streams"), streams);
    const ConnectionSchedule schedule = w->schedule.value_or(ConnectionSchedule{});
    html += row(tr("Schedule"),
                DisplayFormat::schedule(schedule.enabled, schedule.frequency.isEmpty() ? u"daily"_s : schedule.frequency));
    html += row(tr("Notify"), notify);
    html += u"</table>"_s;
    m_summary->setText(html);
    m_error->hide();
}

bool ConnectionSummaryPage::validatePage()
{
    auto *w = static_cast<NewConnectionWizard *>(wizard());
    if (w->isOAuth())
        return true; // the sign-in page creates it through the OAuth service
    if (!w->createdConnectionId().isEmpty())
        return true;
    OwnerSession *session = w->session();
    auto created = ConnectionActions(session).create(w->draft());
    if (!created) {
        m_error->showMessage(tr("The connection could not be created: %1").arg(created.error().message));
        return false;
    }
    w->setCreatedConnectionId(*created);
    w->credentials = QJsonObject();
    qCInfo(lcUi) << "created connection" << w->createdConnectionId();
    if (w->firstSync) {
        auto run = RunActions(session).trigger(w->createdConnectionId());
        if (!run)
            qCWarning(lcUi) << "first sync not started:" << run.error().message;
        else
            w->firstRunId = *run;
    }
    return true;
}

} // namespace Opbox
