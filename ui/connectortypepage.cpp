// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectortypepage.h"
#include "models/connectorcatalog.h"
#include "models/connectortypemodel.h"
#include "models/displayformat.h"
#include "ui/newconnectionwizard.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

ConnectorTypePage::ConnectorTypePage(QWidget *parent)
    : QWizardPage(parent)
    , m_model(new ConnectorTypeModel(this))
    , m_view(new QTreeView(this))
    , m_description(new QLabel(this))
{
    setTitle(tr("Choose a Service"));
    setSubTitle(tr("Which service should Opbox Pipelines sync data from?"));

    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setIconSize(QSize(24, 24));
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAccessibleName(tr("Connector types"));
    m_view->setAccessibleDescription(tr("Use the arrow keys to choose a service; categories group them."));
    m_view->expandAll();
    m_view->setIndentation(20);
    m_view->setStyleSheet(u"QTreeView::item { padding: 3px 4px; }"_s);
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_view->setFirstColumnSpanned(row, {}, true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(ConnectorTypeModel::NameColumn, QHeaderView::ResizeToContents);

    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::RichText);
    m_description->setMinimumHeight(56);
    m_description->setAccessibleName(tr("About the chosen service"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_description);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateDescription();
        Q_EMIT completeChanged();
    });
    // Enter or a double click on a type moves on, like in a file dialog.
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (m_model->typeAt(index.siblingAtColumn(ConnectorTypeModel::NameColumn)))
            wizard()->next();
    });
    updateDescription();
}

QString ConnectorTypePage::selectedType() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(ConnectorTypeModel::NameColumn);
    if (rows.isEmpty())
        return {};
    return rows.first().data(ConnectorTypeModel::TypeRole).toString();
}

void ConnectorTypePage::selectType(const QString &type)
{
    const QModelIndex index = m_model->indexOfType(type);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

bool ConnectorTypePage::isComplete() const
{
    return !selectedType().isEmpty();
}

bool ConnectorTypePage::validatePage()
{
    const ConnectorTypeEntry *info = ConnectorCatalog::find(selectedType());
    if (!info)
        return false;
    static_cast<NewConnectionWizard *>(wizard())->setConnectorType(info);
    return true;
}

void ConnectorTypePage::updateDescription()
{
    const ConnectorTypeEntry *info = ConnectorCatalog::find(selectedType());
    if (!info) {
        m_description->setText(tr("Choose a service from the list."));
        return;
    }
    const QString auth = info->isOAuth()
        ? tr("You sign in to %1 in your browser; Opbox Pipelines stores the tokens encrypted.").arg(info->service)
        : tr("You need credentials from %1; they are stored encrypted and never shown again.").arg(info->service);
    m_description->setText(
        tr("<b>%1</b> connects to <b>%2</b>.<br>%3")
            .arg(DisplayFormat::typeName(info->name).toHtmlEscaped(), info->service.toHtmlEscaped(), auth.toHtmlEscaped()));
}

} // namespace Opbox
