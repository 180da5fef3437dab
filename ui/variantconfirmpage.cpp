// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/variantconfirmpage.h"
#include "ui/variantwizard.h"

#include <QCheckBox>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace Opbox {

VariantConfirmPage::VariantConfirmPage(VariantWizard *wizard)
    : ConfirmPage(tr("Create the Variant"), tr("Summary of the variant"), tr("Why the variant could not be created"),
                  tr("The variant could not be created: %1"), wizard)
    , m_wizard(wizard)
{
}

void VariantConfirmPage::initializePage()
{
    const QString label = m_wizard->labelEdit()->text().trimmed();
    QStringList lines;
    lines.append(tr("Name: %1").arg(m_wizard->nameEdit()->text().trimmed()));
    lines.append(tr("Label: %1").arg(label.isEmpty() ? tr("the next free number") : label));
    lines.append(m_wizard->ownTablesBox()->isChecked() ? tr("Tables: its own")
                                                       : tr("Tables: shared with its group, rows told apart by the label"));
    lines.append(QString());
    lines.append(tr("The credentials are copied (encrypted again for the variant). The variant has its own schedule, "
                    "cursors and a new webhook URL."));
    showSummary(lines);
}

bool VariantConfirmPage::apply(QString *error)
{
    return m_wizard->create(error);
}

} // namespace Opbox
