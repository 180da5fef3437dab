// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/confirmpage.h"

namespace Opbox {

class VariantWizard;

/** New variant, step 2: what will be created; Finish creates it and shows the engine's reason if it refuses. */
class VariantConfirmPage : public ConfirmPage
{
    Q_OBJECT
public:
    explicit VariantConfirmPage(VariantWizard *wizard);
    void initializePage() override;

private:
    [[nodiscard]] bool apply(QString *error) override;

    VariantWizard *m_wizard;
};

} // namespace Opbox
