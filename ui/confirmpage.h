// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;

namespace Opbox {

class ErrorLabel;

/**
 * The last page of a wizard that changes something: a plain-text summary of what will happen, and
 * the engine's reason on the page itself when the change is refused, so that the wizard stays open.
 */
class ConfirmPage : public QWizardPage
{
    Q_OBJECT
public:
    [[nodiscard]] bool validatePage() override;

protected:
    /** All texts come translated from the page that knows what it confirms; `failure` has one %1. */
    ConfirmPage(const QString &title, const QString &summaryName, const QString &errorName, QString failure, QWidget *parent);

    /** Shows the summary, one line a list entry, and hides an earlier error. */
    void showSummary(const QStringList &lines);
    /** Carries the change out; false with the engine's reason in `error`. */
    [[nodiscard]] virtual bool apply(QString *error) = 0;

private:
    QLabel *m_summary;
    ErrorLabel *m_error;
    QString m_failure;
};

} // namespace Opbox
