// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;

namespace Opbox {

class ErrorLabel;

/** New connection, last step: what will be created; Create saves it through the engine. */
class ConnectionSummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ConnectionSummaryPage(QWidget *parent = nullptr);

    void initializePage() override;
    [[nodiscard]] bool validatePage() override;
    [[nodiscard]] int nextId() const override;

private:
    QLabel *m_summary;
    ErrorLabel *m_error;
};

} // namespace Opbox
