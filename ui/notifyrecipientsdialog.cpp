// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/notifyrecipientsdialog.h"
#include "ui/notifyrecipientswidget.h"
#include "ui/uistrings.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Opbox {

NotifyRecipientsDialog::NotifyRecipientsDialog(OwnerSession *session, const QStringList &current, QWidget *parent)
    : QDialog(parent)
    , m_widget(new NotifyRecipientsWidget(session, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Who Is Notified"));
    auto *intro = new QLabel(tr("Completed and failed runs of this connection are reported to:"), this);
    intro->setWordWrap(true);
    m_widget->setUserIds(current);
    UiStrings::translateButtons(m_buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_widget, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto validate = [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_widget->isValid()); };
    connect(m_widget, &NotifyRecipientsWidget::changed, this, validate);
    validate();
    resize(460, 360);
}

QStringList NotifyRecipientsDialog::userIds() const
{
    return m_widget->userIds();
}

} // namespace Opbox
