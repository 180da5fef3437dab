// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QWizard>

namespace Opbox {

class OwnerSession;
class StreamListModel;

/**
 * Resets sync cursors: each stream with its current cursor, then either
 * a date and time for the chosen streams or a full resync of every stream, then confirm.
 */
class CursorResetWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { ChoicePageId = 10, ConfirmPageId = 20 };

    CursorResetWizard(OwnerSession *session, const QString &connectionId, QWidget *parent = nullptr);

    [[nodiscard]] QString connectionId() const { return m_connectionId; }
    [[nodiscard]] StreamListModel *streams() const { return m_streams; }

    // What the choice page decided.
    bool fullResync = false;
    QDateTime cursor; // UTC
    QStringList chosenStreams;
    int skippedDays = 0; // days of changes the date skips, which the user confirmed

    /** Applies the reset through the RunService; false with the engine's reason. */
    [[nodiscard]] bool apply(QString *error);
    /** The engine's confirmation ("Sync cursor set to …"). */
    [[nodiscard]] QString resultMessage() const { return m_message; }

private:
    OwnerSession *m_session;
    QString m_connectionId;
    StreamListModel *m_streams;
    QString m_message;
    bool m_applied = false;
};

} // namespace Opbox
