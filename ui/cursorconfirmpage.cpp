// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cursorconfirmpage.h"
#include "ui/errorlabel.h"
#include "ui/cursorresetwizard.h"
#include "models/displayformat.h"
#include "models/streamlistmodel.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

CursorConfirmPage::CursorConfirmPage(CursorResetWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_error(new ErrorLabel(tr("Why the reset failed"), this))
{
    setTitle(tr("Confirm"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAccessibleName(tr("What the reset does"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addStretch(1);
}

void CursorConfirmPage::initializePage()
{
    QStringList lines;
    if (m_wizard->fullResync) {
        lines.append(tr("Every stream's cursor is cleared. The next sync reads all data again; existing rows are "
                        "updated, none are duplicated."));
    } else {
        const QString when = QLocale().toString(m_wizard->cursor.toLocalTime(), QLocale::LongFormat);
        lines.append(tr("The next sync fetches changes since %1 for:").arg(when));
        for (const QString &stream : std::as_const(m_wizard->chosenStreams)) {
            const QString current = m_wizard->streams()->cursor(stream);
            lines.append(current.isEmpty() ? tr("• %1 (not synced yet)").arg(stream)
                                           : tr("• %1 (now at %2)").arg(stream, DisplayFormat::dateTime(current)));
        }
    }
    m_summary->setText(lines.join(u'\n'));
    m_error->hide();
}

bool CursorConfirmPage::validatePage()
{
    QString error;
    if (m_wizard->apply(&error))
        return true;
    m_error->showMessage(tr("The cursor was not reset: %1").arg(error));
    return false;
}

} // namespace Opbox
