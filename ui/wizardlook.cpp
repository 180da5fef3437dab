// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/wizardlook.h"
#include "ui/uistrings.h"

#include <QIcon>
#include <QWizard>

namespace Opbox {

void WizardLook::apply(QWizard *wizard, const QString &title, const QIcon &logo)
{
    wizard->setWindowTitle(title);
    wizard->setWizardStyle(QWizard::ModernStyle);
    wizard->setPixmap(QWizard::LogoPixmap, logo.pixmap(48, 48));
    wizard->setOption(QWizard::NoBackButtonOnStartPage);
    UiStrings::translateWizard(wizard);
}

} // namespace Opbox
