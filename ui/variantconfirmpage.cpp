// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/variantconfirmpage.h"
#include "ui/errorlabel.h"
#include "ui/variantwizard.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

VariantConfirmPage::VariantConfirmPage(VariantWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_error(new ErrorLabel(tr("Why the variant could not be created"), this))
{
    setTitle(tr("Create the Variant"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAccessibleName(tr("Summary of the variant"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addStretch(1);
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
    m_summary->setText(lines.join(u'\n'));
    m_error->hide();
}

bool VariantConfirmPage::validatePage()
{
    QString error;
    if (m_wizard->create(&error))
        return true;
    m_error->showMessage(tr("The variant could not be created: %1").arg(error));
    return false;
}

} // namespace Opbox
