// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/streamselectionpage.h"
#include "models/connectorcatalog.h"
#include "models/streamlistmodel.h"
#include "ui/newconnectionwizard.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

StreamSelectionPage::StreamSelectionPage(QWidget *parent)
    : QWizardPage(parent)
    , m_view(new QTreeView(this))
    , m_firstSync(new QCheckBox(tr("Start the &first sync right away"), this))
{
    setTitle(tr("Streams"));
    setSubTitle(tr("Each checked stream becomes an Opbox table and is read by every sync of this connection; you can "
                   "change the choice later on the Streams tab. Expand a stream to see its fields and their types."));
    m_view->setAccessibleName(tr("Streams of the connector"));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_firstSync->setAccessibleName(tr("Start the first sync right away"));
    m_firstSync->setChecked(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_firstSync);
    connect(m_firstSync, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
}

void StreamSelectionPage::initializePage()
{
    auto *w = static_cast<NewConnectionWizard *>(wizard());
    if (!m_model) {
        m_model = new StreamListModel(w->session(), this);
        m_model->setCheckable(true);
        m_view->setModel(m_model);
        connect(m_model, &StreamListModel::checkedChanged, this, &QWizardPage::completeChanged);
    }
    const QString key = (w->connectorType() ? w->connectorType()->type : QString())
        + QString::fromUtf8(QJsonDocument(w->config).toJson(QJsonDocument::Compact));
    if (key != m_builtFor) {
        m_builtFor = key;
        m_model->setConnectorType(w->connectorType() ? w->connectorType()->type : QString(), w->config);
        m_view->header()->setStretchLastSection(true);
        m_view->setColumnWidth(StreamListModel::NameColumn, 220);
        m_view->setColumnWidth(StreamListModel::DetailColumn, 220);
    }
    Q_EMIT completeChanged();
}

bool StreamSelectionPage::isComplete() const
{
    // The checked streams are what every sync reads: at least one (unless the connector lists none).
    return m_model && (m_model->streamNames().isEmpty() || !m_model->checkedStreams().isEmpty());
}

bool StreamSelectionPage::validatePage()
{
    auto *w = static_cast<NewConnectionWizard *>(wizard());
    w->availableStreams = m_model ? m_model->streamNames() : QStringList();
    w->selectedStreams = m_model ? m_model->checkedStreams() : QStringList();
    w->firstSync = m_firstSync->isChecked();
    return isComplete();
}

} // namespace Opbox
