// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cursorconfirmpage.h"
#include "models/displayformat.h"
#include "models/streamlistmodel.h"
#include "ui/cursorresetwizard.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Opbox {

CursorConfirmPage::CursorConfirmPage(CursorResetWizard *wizard)
    : ConfirmPage(tr("Confirm"), tr("What the reset does"), tr("Why the reset failed"), tr("The cursor was not reset: %1"),
                  wizard)
    , m_wizard(wizard)
{
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
        if (m_wizard->skippedDays > 0)
            lines.append(tr("Changes of %n day(s) before that date are skipped.", nullptr, m_wizard->skippedDays));
    }
    showSummary(lines);
}

bool CursorConfirmPage::apply(QString *error)
{
    return m_wizard->apply(error);
}

} // namespace Opbox
