// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/auditlogdialog.h"
#include "models/auditlogmodel.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "ui/uistrings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

AuditLogDialog::AuditLogDialog(OwnerSession *session, QWidget *parent)
    : QDialog(parent)
    , m_model(new AuditLogModel(session, this))
    , m_filter(new QComboBox(this))
    , m_view(new QTreeView(this))
    , m_count(new QLabel(this))
{
    setWindowTitle(tr("Audit Log"));
    setWindowIcon(IconLibrary::action(u"audit-log"_s));

    m_filter->setAccessibleName(tr("Show actions"));
    m_filter->addItem(tr("All actions"), QString());
    for (const auto &action :
         {u"CONNECTION_CREATE"_s, u"CONNECTION_UPDATE"_s, u"CONNECTION_DELETE"_s, u"RUN_TRIGGER"_s, u"RUN_STOP"_s, u"RUN_ALL"_s,
          u"CURSOR_RESET"_s, u"VARIANT_CREATE"_s, u"VIEW_SECRET"_s, u"OAUTH_AUTHORIZE"_s, u"OAUTH_CONNECTED"_s})
        m_filter->addItem(DisplayFormat::auditAction(action), action);
    auto *filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_filter);

    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAccessibleName(tr("Audit events"));
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(AuditLogModel::TimeColumn, 150);
    m_view->setColumnWidth(AuditLogModel::ActorColumn, 200);
    m_view->setColumnWidth(AuditLogModel::ActionColumn, 180);
    m_view->setColumnWidth(AuditLogModel::TargetColumn, 180);

    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter);
    top->addStretch(1);
    top->addWidget(m_count);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    UiStrings::translateButtons(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setActionFilter(m_filter->currentData().toString());
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditLogDialog::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditLogDialog::updateCount);
    updateCount();
    resize(900, 520);
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
