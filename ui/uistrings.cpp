// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/uistrings.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QWizard>

namespace Opbox {

void UiStrings::translateButtons(QDialogButtonBox *box)
{
    const struct
    {
        QDialogButtonBox::StandardButton button;
        const char *text;
    } texts[] = {
        {QDialogButtonBox::Ok, QT_TR_NOOP("&OK")},       {QDialogButtonBox::Cancel, QT_TR_NOOP("&Cancel")},
        {QDialogButtonBox::Close, QT_TR_NOOP("&Close")}, {QDialogButtonBox::Save, QT_TR_NOOP("&Save")},
        {QDialogButtonBox::Apply, QT_TR_NOOP("&Apply")}, {QDialogButtonBox::Yes, QT_TR_NOOP("&Yes")},
        {QDialogButtonBox::No, QT_TR_NOOP("&No")},       {QDialogButtonBox::Help, QT_TR_NOOP("&Help")},
        {QDialogButtonBox::Reset, QT_TR_NOOP("&Reset")},
    };
    for (const auto &t : texts) {
        if (QPushButton *b = box->button(t.button)) {
            b->setText(tr(t.text));
            b->setAccessibleName(b->text().remove(QLatin1Char('&')));
        }
    }
}

void UiStrings::translateWizard(QWizard *wizard)
{
    wizard->setButtonText(QWizard::BackButton, tr("< &Back"));
    wizard->setButtonText(QWizard::NextButton, tr("&Next >"));
    wizard->setButtonText(QWizard::CommitButton, tr("Co&mmit"));
    wizard->setButtonText(QWizard::FinishButton, tr("&Finish"));
    wizard->setButtonText(QWizard::CancelButton, tr("Cancel"));
    wizard->setButtonText(QWizard::HelpButton, tr("&Help"));
    for (auto which : {QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton, QWizard::FinishButton,
                       QWizard::CancelButton, QWizard::HelpButton}) {
        if (QAbstractButton *b = wizard->button(which))
            b->setAccessibleName(
                wizard->buttonText(which).remove(QLatin1Char('&')).remove(QLatin1Char('<')).remove(QLatin1Char('>')).trimmed());
    }
}

} // namespace Opbox
