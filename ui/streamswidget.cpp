// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/streamswidget.h"
#include "models/connectionactions.h"
#include "models/iconlibrary.h"
#include "models/ownersession.h"
#include "models/streamlistmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox {

StreamsWidget::StreamsWidget(OwnerSession *session, QAction *resetCursor, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new StreamListModel(session, this, StreamListModel::Details::WithSyncDetails))
    , m_view(new QTreeView(this))
    , m_discover(new QPushButton(IconLibrary::action(u"discover"_s), tr("&Discover"), this))
    , m_apply(new QPushButton(tr("&Apply Selection"), this))
    , m_selection(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    m_model->setCheckable(true);
    m_view->setModel(m_model);
    m_view->setObjectName(u"streamList"_s);
    m_view->setAccessibleName(tr("Streams and fields"));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    // What a sync left behind reads first after the name; the columns synced, the longest text, last.
    m_view->header()->moveSection(m_view->header()->visualIndex(StreamListModel::RowsColumn), 1);
    m_view->header()->moveSection(m_view->header()->visualIndex(StreamListModel::LastSyncColumn), 2);
    fitColumns();

    m_discover->setAccessibleName(tr("Discover streams from the provider"));
    m_discover->setToolTip(tr("Ask the provider which streams and fields this connection offers"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Discovering"));
    m_busy->hide();
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Discovery result"));
    m_apply->setAccessibleName(tr("Apply the stream selection"));
    m_apply->setToolTip(tr("Save which streams the syncs of this connection read"));
    m_apply->setEnabled(false);
    m_selection->setWordWrap(true);
    m_selection->setAccessibleName(tr("Stream selection"));

    auto *reset = new QToolButton(this);
    reset->setDefaultAction(resetCursor);
    reset->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_discover);
    buttons->addWidget(reset);
    buttons->addWidget(m_busy);
    buttons->addWidget(m_status, 1);

    auto *selection = new QHBoxLayout;
    selection->addWidget(m_selection, 1);
    selection->addWidget(m_apply);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addLayout(selection);

    connect(m_discover, &QPushButton::clicked, m_model, &StreamListModel::discover);
    connect(m_model, &StreamListModel::discoverStarted, this, [this] {
        m_discover->setEnabled(false);
        m_busy->show();
        m_status->setText(tr("Asking the provider…"));
    });
    connect(m_model, &StreamListModel::discoverFinished, this, [this](bool ok, const QString &message) {
        m_discover->setEnabled(m_session->isAdmin());
        m_busy->hide();
        m_status->setText(ok ? message : tr("Discovery failed: %1").arg(message));
    });
    connect(m_model, &StreamListModel::checkedChanged, this, &StreamsWidget::updateSelectionState);
    connect(m_apply, &QPushButton::clicked, this, &StreamsWidget::applySelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StreamsWidget::fitColumns);
    connect(m_model, &StreamListModel::syncDetailsLoaded, this, &StreamsWidget::fitColumns);
    connect(m_view, &QTreeView::expanded, this, &StreamsWidget::fitColumns); // field names count once shown
}

void StreamsWidget::fitColumns()
{
    // As wide as the header and the texts in any language, within a cap so that long field names
    // or cursors leave room for the columns synced, which take the rest.
    static constexpr int Cap = 320;
    for (int column = 0; column < StreamListModel::ColumnsColumn; ++column) {
        m_view->resizeColumnToContents(column); // the header's text counts too
        m_view->setColumnWidth(column, std::min(std::max(m_view->columnWidth(column), 80), Cap));
    }
}

void StreamsWidget::updateSelectionState()
{
    const QStringList checked = m_model->checkedStreams();
    const QStringList all = m_model->streamNames();
    const bool admin = m_session->isAdmin();
    m_apply->setEnabled(admin && !m_model->connectionId().isEmpty() && !checked.isEmpty() && checked != m_savedSelection);
    if (all.isEmpty())
        m_selection->clear();
    else if (checked.isEmpty())
        m_selection->setText(tr("Check at least one stream."));
    else if (checked.size() == all.size())
        m_selection->setText(tr("Syncs read every stream."));
    else
        m_selection->setText(tr("Syncs read %1 of %2 streams: %3")
                                 .arg(QString::number(checked.size()), QString::number(all.size()), checked.join(u", "_s)));
}

void StreamsWidget::applySelection()
{
    const QString id = m_model->connectionId();
    const QStringList checked = m_model->checkedStreams();
    if (id.isEmpty() || checked.isEmpty())
        return;
    // Every stream checked is no selection at all, so that streams a connector adds later are read too.
    const QStringList streams = checked.size() == m_model->streamNames().size() ? QStringList() : checked;
    auto updated = ConnectionActions(m_session).setStreamSelection(id, streams);
    if (!updated) {
        m_status->setText(tr("The stream selection was not saved: %1").arg(updated.error().message));
        return;
    }
    m_savedSelection = checked;
    m_status->setText(tr("Stream selection saved."));
    updateSelectionState();
}

void StreamsWidget::setConnectionId(const QString &connectionId)
{
    if (connectionId == m_model->connectionId())
        return;
    m_model->setConnectionId(connectionId);
    m_savedSelection = m_model->checkedStreams();
    m_busy->hide();
    m_status->setText(m_model->errorString());
    m_discover->setEnabled(m_session->isAdmin());
    updateSelectionState();
}

} // namespace Opbox
