// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;

namespace Opbox {

class ErrorLabel;

class CursorResetWizard;

/** Cursor reset, step 2: what will happen; Reset applies it. */
class CursorConfirmPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CursorConfirmPage(CursorResetWizard *wizard);
    void initializePage() override;
    [[nodiscard]] bool validatePage() override;

private:
    CursorResetWizard *m_wizard;
    QLabel *m_summary;
    ErrorLabel *m_error;
};

} // namespace Opbox
