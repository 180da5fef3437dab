// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

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

private:
    CursorResetWizard *m_wizard;
    QRadioButton *m_date;
    QRadioButton *m_full;
    QDateTimeEdit *m_when;
    QTreeView *m_view;
};

} // namespace Opbox
