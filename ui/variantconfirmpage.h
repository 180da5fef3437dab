// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;

namespace Opbox {

class ErrorLabel;

class VariantWizard;

/** New variant, step 2: what will be created; Finish creates it and shows the engine's reason if it refuses. */
class VariantConfirmPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit VariantConfirmPage(VariantWizard *wizard);
    void initializePage() override;
    [[nodiscard]] bool validatePage() override;

private:
    VariantWizard *m_wizard;
    QLabel *m_summary;
    ErrorLabel *m_error;
};

} // namespace Opbox
