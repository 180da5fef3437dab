// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QCheckBox;
class QDateTimeEdit;
class QRadioButton;
class QTreeView;

namespace Opbox {

class CursorResetWizard;

/** Cursor reset, step 1: the streams with their current cursors, and what to do — a date for chosen streams, or a full resync. */
class CursorChoicePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CursorChoicePage(CursorResetWizard *wizard);

    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;

    [[nodiscard]] QRadioButton *dateButton() const { return m_date; }
    [[nodiscard]] QRadioButton *fullButton() const { return m_full; }
    [[nodiscard]] QDateTimeEdit *dateEdit() const { return m_when; }
    [[nodiscard]] QTreeView *view() const { return m_view; }
    /** Shown when the date is after a chosen stream's cursor; Next waits until it is ticked. */
    [[nodiscard]] QCheckBox *skipConfirmation() const { return m_skip; }
    /** Whole days of changes the chosen date skips (0 when it is not after any chosen stream's cursor). */
    [[nodiscard]] int skippedDays() const;

private:
    /** The earliest stored cursor of the checked streams (of all streams while none is checked). */
    [[nodiscard]] QDateTime earliestCursor() const;
    void proposeDate();
    void updateSkipWarning();

    CursorResetWizard *m_wizard;
    QRadioButton *m_date;
    QRadioButton *m_full;
    QDateTimeEdit *m_when;
    QTreeView *m_view;
    QCheckBox *m_skip;
    bool m_dateEdited = false;
    bool m_proposing = false;
};

} // namespace Opbox
