// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/notifyrecipientspage.h"
#include "ui/newconnectionwizard.h"
#include "ui/notifyrecipientswidget.h"

#include <QJsonArray>
#include <QVBoxLayout>

namespace Opbox {

NotifyRecipientsPage::NotifyRecipientsPage(OwnerSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_widget(new NotifyRecipientsWidget(session, this))
{
    setTitle(tr("Notifications"));
    setSubTitle(tr("Who should hear when a sync of this connection completes or fails? "
                   "The person who starts a sync is not notified about it."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_widget);
    connect(m_widget, &NotifyRecipientsWidget::changed, this, &QWizardPage::completeChanged);
}

bool NotifyRecipientsPage::isComplete() const
{
    return m_widget->isValid();
}

bool NotifyRecipientsPage::validatePage()
{
    if (!m_widget->isValid())
        return false;
    auto *w = static_cast<NewConnectionWizard *>(wizard());
    w->notifyUserIds = m_widget->userIds();
    return true;
}

} // namespace Opbox
