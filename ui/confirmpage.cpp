// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/confirmpage.h"
#include "ui/errorlabel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Opbox {

ConfirmPage::ConfirmPage(const QString &title, const QString &summaryName, const QString &errorName, QString failure,
                         QWidget *parent)
    : QWizardPage(parent)
    , m_summary(new QLabel(this))
    , m_error(new ErrorLabel(errorName, this))
    , m_failure(std::move(failure))
{
    setTitle(title);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAccessibleName(summaryName);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addStretch(1);
}

void ConfirmPage::showSummary(const QStringList &lines)
{
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_error->hide();
}

bool ConfirmPage::validatePage()
{
    QString error;
    if (apply(&error))
        return true;
    m_error->showMessage(m_failure.arg(error));
    return false;
}

} // namespace Opbox
