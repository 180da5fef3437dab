// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cursorchoicepage.h"
#include "models/displayformat.h"
#include "models/streamlistmodel.h"
#include "ui/cursorresetwizard.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRadioButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Opbox {

CursorChoicePage::CursorChoicePage(CursorResetWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_date(new QRadioButton(tr("Sync the checked streams again &from:"), this))
    , m_full(new QRadioButton(tr("F&ull resync: clear every stream's cursor"), this))
    , m_when(new QDateTimeEdit(this))
    , m_view(new QTreeView(this))
    , m_skip(new QCheckBox(this))
{
    setTitle(tr("Reset Cursor"));
    setSubTitle(tr("Incremental streams continue where the last sync stopped (their cursor). Move that point "
                   "back to fetch older changes again, or start over."));
    m_view->setModel(wizard->streams());
    m_view->setAccessibleName(tr("Streams with their current cursors"));
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(StreamListModel::NameColumn, 200);
    m_view->setColumnWidth(StreamListModel::DetailColumn, 200);
    m_date->setAccessibleName(tr("Sync the checked streams again from a date"));
    m_full->setAccessibleName(tr("Full resync of every stream"));
    m_when->setCalendarPopup(true);
    m_when->setMaximumDateTime(QDateTime::currentDateTime().addDays(1));
    m_when->setAccessibleName(tr("Date and time to sync again from"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_date);
    group->addButton(m_full);
    m_date->setChecked(true);

    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(m_date);
    dateRow->addWidget(m_when);
    dateRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(dateRow);
    layout->addWidget(m_skip);
    layout->addWidget(m_full);
    m_skip->hide();
    proposeDate();

    connect(m_date, &QRadioButton::toggled, this, [this](bool on) {
        m_when->setEnabled(on);
        m_view->setEnabled(on);
        updateSkipWarning();
    });
    connect(wizard->streams(), &StreamListModel::checkedChanged, this, [this] {
        proposeDate();
        updateSkipWarning();
    });
    connect(m_when, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (!m_proposing)
            m_dateEdited = true;
        updateSkipWarning();
    });
    connect(m_skip, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
}

QDateTime CursorChoicePage::earliestCursor() const
{
    QStringList streams = m_wizard->streams()->checkedStreams();
    if (streams.isEmpty())
        streams = m_wizard->streams()->streamNames();
    QDateTime earliest;
    for (const QString &stream : std::as_const(streams)) {
        const QDateTime at = DisplayFormat::parse(m_wizard->streams()->cursor(stream));
        if (at.isValid() && (!earliest.isValid() || at < earliest))
            earliest = at;
    }
    return earliest;
}

void CursorChoicePage::proposeDate()
{
    // The date starts at the stored cursor, so that accepting it never skips a change; what the
    // user typed is kept when the checked streams change.
    if (m_dateEdited)
        return;
    const QDateTime earliest = earliestCursor();
    m_proposing = true;
    m_when->setDateTime(earliest.isValid() ? earliest.toLocalTime() : QDateTime::currentDateTime().addDays(-7));
    m_proposing = false;
}

int CursorChoicePage::skippedDays() const
{
    if (!m_date->isChecked())
        return 0;
    const QDateTime chosen = m_when->dateTime().toUTC();
    qint64 seconds = 0;
    for (const QString &stream : m_wizard->streams()->checkedStreams()) {
        const QDateTime at = DisplayFormat::parse(m_wizard->streams()->cursor(stream));
        if (at.isValid() && chosen > at)
            seconds = std::max(seconds, at.secsTo(chosen));
    }
    // A part of a day counts as a day: "0 days" would hide that changes are skipped.
    return int((seconds + 86399) / 86400);
}

void CursorChoicePage::updateSkipWarning()
{
    const int days = skippedDays();
    if (days > 0) {
        m_skip->setText(tr("&Skip %n day(s) of changes: what changed between the stored cursor and this date is "
                           "never synced.",
                           nullptr, days));
    } else {
        m_skip->setChecked(false);
    }
    m_skip->setAccessibleName(m_skip->text());
    m_skip->setVisible(days > 0);
    Q_EMIT completeChanged();
}

bool CursorChoicePage::isComplete() const
{
    if (m_full->isChecked())
        return true;
    if (m_wizard->streams()->checkedStreams().isEmpty() || !m_when->dateTime().isValid())
        return false;
    return skippedDays() == 0 || m_skip->isChecked();
}

bool CursorChoicePage::validatePage()
{
    m_wizard->fullResync = m_full->isChecked();
    m_wizard->cursor = m_when->dateTime().toUTC();
    m_wizard->chosenStreams = m_full->isChecked() ? QStringList() : m_wizard->streams()->checkedStreams();
    m_wizard->skippedDays = skippedDays();
    return isComplete();
}

} // namespace Opbox
