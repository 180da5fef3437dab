// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamswidget.h"
#include "iconlibrary.h"
#include "ownersession.h"
#include "streamlistmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

StreamsWidget::StreamsWidget(OwnerSession *session, QAction *resetCursor, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new StreamListModel(session, this))
    , m_view(new QTreeView(this))
    , m_discover(new QPushButton(IconLibrary::action(u"discover"_s), tr("&Discover"), this))
    , m_busy(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    m_view->setModel(m_model);
    m_view->setObjectName(u"streamList"_s);
    m_view->setAccessibleName(tr("Streams and fields"));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(StreamListModel::NameColumn, 240);
    m_view->setColumnWidth(StreamListModel::DetailColumn, 200);

    m_discover->setAccessibleName(tr("Discover streams from the provider"));
    m_discover->setToolTip(tr("Ask the provider which streams and fields this connection offers"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Discovering"));
    m_busy->hide();
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Discovery result"));

    auto *reset = new QToolButton(this);
    reset->setDefaultAction(resetCursor);
    reset->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_discover);
    buttons->addWidget(reset);
    buttons->addWidget(m_busy);
    buttons->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_discover, &QPushButton::clicked, m_model, &StreamListModel::discover);
    connect(m_model, &StreamListModel::discoverStarted, this, [this] {
        m_discover->setEnabled(false);
        m_busy->show();
        m_status->setText(tr("Asking the provider…"));
    });
    connect(m_model, &StreamListModel::discoverFinished, this, [this](bool ok, const QString &message) {
        m_discover->setEnabled(m_session->caller().atLeast(Role::Admin));
        m_busy->hide();
        m_status->setText(ok ? message : tr("Discovery failed: %1").arg(message));
    });
}

void StreamsWidget::setConnectionId(const QString &connectionId)
{
    if (connectionId == m_model->connectionId())
        return;
    m_model->setConnectionId(connectionId);
    m_busy->hide();
    m_status->setText(m_model->errorString());
    m_discover->setEnabled(m_session->caller().atLeast(Role::Admin));
}

} // namespace Opbox
