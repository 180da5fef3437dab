// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

namespace Opbox {

class NotifyRecipientsWidget;
class OwnerSession;

/** New connection: who is told when a run completes or fails. */
class NotifyRecipientsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit NotifyRecipientsPage(OwnerSession *session, QWidget *parent = nullptr);

    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;
    [[nodiscard]] NotifyRecipientsWidget *recipients() const { return m_widget; }

private:
    NotifyRecipientsWidget *m_widget;
};

} // namespace Opbox
