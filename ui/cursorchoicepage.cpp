// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cursorchoicepage.h"
#include "models/streamlistmodel.h"
#include "ui/cursorresetwizard.h"

#include <QButtonGroup>
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
{
    setTitle(tr("Reset Cursor"));
    setSubTitle(tr("Incremental streams continue where the last sync stopped. Move that point back to "
                   "fetch older changes again, or start over."));
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
    m_when->setDateTime(QDateTime::currentDateTime().addDays(-7));
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
    layout->addWidget(m_full);

    connect(m_date, &QRadioButton::toggled, this, [this](bool on) {
        m_when->setEnabled(on);
        m_view->setEnabled(on);
        Q_EMIT completeChanged();
    });
    connect(wizard->streams(), &StreamListModel::checkedChanged, this, &QWizardPage::completeChanged);
}

bool CursorChoicePage::isComplete() const
{
    return m_full->isChecked() || (!m_wizard->streams()->checkedStreams().isEmpty() && m_when->dateTime().isValid());
}

bool CursorChoicePage::validatePage()
{
    m_wizard->fullResync = m_full->isChecked();
    m_wizard->cursor = m_when->dateTime().toUTC();
    m_wizard->chosenStreams = m_full->isChecked() ? QStringList() : m_wizard->streams()->checkedStreams();
    return isComplete();
}

} // namespace Opbox
