// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/variantdetailspage.h"
#include "ui/variantwizard.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Opbox {

VariantDetailsPage::VariantDetailsPage(VariantWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Variant"));
    setSubTitle(tr("A variant syncs the same service with the same credentials under its own label, "
                   "schedule, cursors and webhook."));
    auto *form = new QFormLayout;
    // Not "&Name": Alt+N is the wizard's Next.
    auto *nameLabel = new QLabel(tr("N&ame:"), this);
    nameLabel->setBuddy(wizard->nameEdit());
    form->addRow(nameLabel, wizard->nameEdit());
    auto *labelLabel = new QLabel(tr("&Label:"), this);
    labelLabel->setBuddy(wizard->labelEdit());
    form->addRow(labelLabel, wizard->labelEdit());
    form->addRow(QString(), wizard->ownTablesBox());
    form->addRow(tr("Tables it writes:"), wizard->previewLabel());
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    connect(wizard->nameEdit(), &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
}

bool VariantDetailsPage::isComplete() const
{
    return !m_wizard->nameEdit()->text().trimmed().isEmpty();
}

} // namespace Opbox
