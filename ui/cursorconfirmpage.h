// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/confirmpage.h"

namespace Opbox {

class CursorResetWizard;

/** Cursor reset, step 2: what will happen; Reset applies it. */
class CursorConfirmPage : public ConfirmPage
{
    Q_OBJECT
public:
    explicit CursorConfirmPage(CursorResetWizard *wizard);
    void initializePage() override;

private:
    [[nodiscard]] bool apply(QString *error) override;

    CursorResetWizard *m_wizard;
};

} // namespace Opbox
