// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QIcon;
class QString;
class QWizard;

namespace Opbox {

/** The look every wizard of the app shares: modern style, a logo, no Back on the first page, our button texts. */
class WizardLook
{
public:
    /** `title` comes translated; `logo` is shown at 48 × 48 pixels. */
    static void apply(QWizard *wizard, const QString &title, const QIcon &logo);
};

} // namespace Opbox
