// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cursorresetwizard.h"
#include "models/iconlibrary.h"
#include "models/ownersession.h"
#include "models/runactions.h"
#include "models/streamlistmodel.h"
#include "ui/cursorchoicepage.h"
#include "ui/cursorconfirmpage.h"
#include "ui/wizardlook.h"

using namespace Qt::StringLiterals;

namespace Opbox {

CursorResetWizard::CursorResetWizard(OwnerSession *session, const QString &connectionId, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
    , m_connectionId(connectionId)
    , m_streams(new StreamListModel(session, this))
{
    WizardLook::apply(this, tr("Reset Cursor"), IconLibrary::action(u"reset-cursor"_s));
    m_streams->setConnectionId(connectionId);
    m_streams->setCheckable(true);
    m_streams->setCheckedStreams({});
    setPage(ChoicePageId, new CursorChoicePage(this));
    setPage(ConfirmPageId, new CursorConfirmPage(this));
    setButtonText(QWizard::FinishButton, tr("&Reset"));
    resize(720, 540);
}

bool CursorResetWizard::apply(QString *error)
{
    if (m_applied)
        return true;
    RunActions runs(m_session);
    QStringList messages;
    if (fullResync) {
        auto result = runs.resetAllCursors(m_connectionId);
        if (!result) {
            *error = result.error().message;
            return false;
        }
        messages.append(*result);
    } else {
        for (const QString &stream : std::as_const(chosenStreams)) {
            auto result = runs.resetCursor(m_connectionId, stream, cursor);
            if (!result) {
                *error = result.error().message;
                return false;
            }
            messages.append(*result);
        }
    }
    m_applied = true;
    m_message = fullResync ? tr("Every cursor cleared: the next sync reads everything again.")
                           : tr("%n stream(s) will sync again from %1.", nullptr, int(chosenStreams.size()))
                                 .arg(QLocale().toString(cursor.toLocalTime(), QLocale::ShortFormat));
    return true;
}

} // namespace Opbox
