// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

namespace Opbox {

class VariantWizard;

/** New variant, step 1: name, label, shared or own tables, and the table names that follow. */
class VariantDetailsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit VariantDetailsPage(VariantWizard *wizard);
    [[nodiscard]] bool isComplete() const override;

private:
    VariantWizard *m_wizard;
};

} // namespace Opbox
