// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class QDialogButtonBox;
class QWizard;

namespace Opbox {

/**
 * Our own texts for Qt's standard buttons (OK, Cancel, Next …): Debian does not always install
 * Qt's translations, and the app must be completely German when the system is.
 */
class UiStrings
{
    Q_DECLARE_TR_FUNCTIONS(UiStrings)

public:
    static void translateButtons(QDialogButtonBox *box);
    static void translateWizard(QWizard *wizard);
};

} // namespace Opbox
