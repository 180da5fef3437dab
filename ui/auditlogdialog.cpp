// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/auditlogdialog.h"
#include "models/auditlogmodel.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "ui/uistrings.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

AuditLogDialog::AuditLogDialog(OwnerSession *session, QWidget *parent)
    : QDialog(parent)
    , m_model(new AuditLogModel(session, this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
    , m_filter(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_from(new QDateEdit(QDate::currentDate().addDays(-7), this))
    , m_to(new QDateEdit(QDate::currentDate(), this))
    , m_view(new QTreeView(this))
    , m_export(new QPushButton(tr("&Export…"), this))
    , m_count(new QLabel(this))
{
    setWindowTitle(tr("Audit Log"));
    setWindowIcon(IconLibrary::action(u"audit-log"_s));

    m_search->setPlaceholderText(tr("Search who, what, target or details"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the audit log"));
    auto *searchLabel = new QLabel(tr("Searc&h:"), this);
    searchLabel->setBuddy(m_search);
    // Every key press would read the trail again; a short pause first keeps typing smooth.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);

    m_filter->setAccessibleName(tr("Show actions"));
    m_filter->addItem(tr("All actions"), QString());
    for (const auto &action :
         {u"CONNECTION_CREATE"_s, u"CONNECTION_UPDATE"_s, u"CONNECTION_DELETE"_s, u"RUN_TRIGGER"_s, u"RUN_STOP"_s, u"RUN_ALL"_s,
          u"CURSOR_RESET"_s, u"VARIANT_CREATE"_s, u"VIEW_SECRET"_s, u"OAUTH_AUTHORIZE"_s, u"OAUTH_CONNECTED"_s})
        m_filter->addItem(DisplayFormat::auditAction(action), action);
    auto *filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_filter);

    m_period->setAccessibleName(tr("Period"));
    m_period->addItem(tr("Any time"), AnyTime);
    m_period->addItem(tr("Today"), Today);
    m_period->addItem(tr("Last 7 days"), LastSevenDays);
    m_period->addItem(tr("Last 30 days"), LastThirtyDays);
    m_period->addItem(tr("Between…"), Between);
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_period);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setEnabled(false);
    }
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date"));
    auto *andLabel = new QLabel(tr("and"), this);

    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAccessibleName(tr("Audit events"));
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(AuditLogModel::TimeColumn, 140);
    m_view->setColumnWidth(AuditLogModel::ActorColumn, 200);
    m_view->setColumnWidth(AuditLogModel::ActionColumn, 180);
    m_view->setColumnWidth(AuditLogModel::TargetColumn, 170);

    m_export->setIcon(IconLibrary::action(u"export"_s));
    m_export->setAccessibleName(tr("Export the audit log as CSV"));
    m_export->setToolTip(tr("Save the events shown as a CSV file"));

    auto *search = new QHBoxLayout;
    search->addWidget(searchLabel);
    search->addWidget(m_search, 1);
    search->addWidget(filterLabel);
    search->addWidget(m_filter);

    auto *period = new QHBoxLayout;
    period->addWidget(periodLabel);
    period->addWidget(m_period);
    period->addWidget(m_from);
    period->addWidget(andLabel);
    period->addWidget(m_to);
    period->addStretch(1);
    period->addWidget(m_count);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    UiStrings::translateButtons(buttons);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(search);
    layout->addLayout(period);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearchText(m_search->text()); });
    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setActionFilter(m_filter->currentData().toString()); });
    connect(m_period, &QComboBox::currentIndexChanged, this, &AuditLogDialog::applyPeriod);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditLogDialog::applyPeriod);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditLogDialog::applyPeriod);
    connect(m_export, &QPushButton::clicked, this, &AuditLogDialog::chooseExportFile);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditLogDialog::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditLogDialog::updateCount);
    updateCount();
    resize(980, 560);
}

void AuditLogDialog::applyPeriod()
{
    const auto period = Period(m_period->currentData().toInt());
    m_from->setEnabled(period == Between);
    m_to->setEnabled(period == Between);
    const QDate today = QDate::currentDate();
    switch (period) {
    case AnyTime: m_model->setDateRange({}, {}); break;
    case Today: m_model->setDateRange(today, today); break;
    case LastSevenDays: m_model->setDateRange(today.addDays(-6), today); break;
    case LastThirtyDays: m_model->setDateRange(today.addDays(-29), today); break;
    case Between: m_model->setDateRange(std::min(m_from->date(), m_to->date()), std::max(m_from->date(), m_to->date())); break;
    }
}

QString AuditLogDialog::defaultExportPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(dir).filePath(u"audit-log-%1.csv"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
}

void AuditLogDialog::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Audit Log"), defaultExportPath(), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void AuditLogDialog::exportTo(const QString &path)
{
    auto written = m_model->exportCsv(path);
    if (!written) {
        m_count->setText(tr("Export failed: %1").arg(written.error().message));
        return;
    }
    m_count->setText(tr("%n event(s) exported to %1", nullptr, int(*written)).arg(QDir::toNativeSeparators(path)));
}

void AuditLogDialog::updateCount()
{
    if (!m_model->errorString().isEmpty()) {
        m_count->setText(m_model->errorString());
        return;
    }
    m_count->setText(tr("%n event(s)", nullptr, int(m_model->total())));
}

} // namespace Opbox
