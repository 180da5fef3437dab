// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectiondetailwidget.h"
#include "models/connectionlistmodel.h"
#include "models/connectorcatalog.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "models/ownersession.h"
#include "ui/connectionoverviewwidget.h"
#include "ui/runswidget.h"
#include "ui/streamswidget.h"
#include "ui/tableswidget.h"

#include <QGridLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

ConnectionDetailWidget::ConnectionDetailWidget(OwnerSession *session, ConnectionListModel *connections, MemberListModel *members,
                                               const Actions &actions, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_connections(connections)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(new ConnectionOverviewWidget(session, members, this))
    , m_streams(new StreamsWidget(session, actions.resetCursor, this))
    , m_runs(new RunsWidget(session, actions.runNow, actions.stop, this))
    , m_tables(new TablesWidget(session, this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A connection's name is the user's text, never markup.
    m_title->setTextFormat(Qt::PlainText);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_title->setAccessibleName(tr("Connection name"));
    m_subtitle->setAccessibleName(tr("Connection type and status"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_icon->setFixedSize(40, 40);

    auto *header = new QGridLayout;
    header->setContentsMargins(12, 12, 12, 4);
    header->setHorizontalSpacing(12);
    header->addWidget(m_icon, 0, 0, 2, 1, Qt::AlignTop);
    header->addWidget(m_title, 0, 1);
    header->addWidget(m_subtitle, 1, 1);
    header->setColumnStretch(1, 1);

    m_tabs->setAccessibleName(tr("Connection details"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_overview, IconLibrary::action(u"about"_s), tr("&Overview"));
    m_tabs->addTab(m_streams, IconLibrary::action(u"discover"_s), tr("S&treams"));
    m_tabs->addTab(m_runs, IconLibrary::action(u"run"_s), tr("R&uns"));
    m_tabs->addTab(m_tables, IconLibrary::action(u"table"_s), tr("T&ables"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    connect(m_overview, &ConnectionOverviewWidget::errorOccurred, this, &ConnectionDetailWidget::errorOccurred);
    connect(m_overview, &ConnectionOverviewWidget::statusMessage, this, &ConnectionDetailWidget::statusMessage);
    connect(m_tables, &TablesWidget::statusMessage, this, &ConnectionDetailWidget::statusMessage);
    // Tabs load their data when shown: a connection's run history or streams are not read for
    // every click in the list.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { reload(); });
    connect(connections, &ConnectionListModel::connectionUpdated, this, [this](const QString &id) {
        if (id == m_connectionId)
            reload();
    });
}

void ConnectionDetailWidget::setConnectionId(const QString &connectionId)
{
    if (connectionId == m_connectionId)
        return;
    m_connectionId = connectionId;
    reload();
}

void ConnectionDetailWidget::reload()
{
    const QJsonObject c = m_connections->connection(m_connectionId);
    const QString type = c.value(u"type"_s).toString();
    const ConnectorTypeEntry *info = ConnectorCatalog::find(type);
    m_icon->setPixmap(IconLibrary::connectorType(type).pixmap(40, 40));
    m_title->setText(c.value(u"name"_s).toString());
    QString subtitle = info ? tr("%1 · %2").arg(DisplayFormat::typeName(info->name), info->service) : type;
    const QString label = c.value(u"variantLabel"_s).toString();
    if (!label.isEmpty())
        subtitle = tr("%1 · variant %2").arg(subtitle, label);
    subtitle = tr("%1 · %2").arg(subtitle, DisplayFormat::connectionStatus(c.value(u"status"_s).toString()));
    m_subtitle->setText(subtitle);
    m_overview->setConnection(c);
    QWidget *current = m_tabs->currentWidget();
    if (current == m_streams)
        m_streams->setConnectionId(m_connectionId);
    else if (current == m_runs)
        m_runs->setConnectionId(m_connectionId);
    else if (current == m_tables)
        m_tables->setConnectionId(m_connectionId);
}

void ConnectionDetailWidget::setPublicUrlProvider(const std::function<QUrl()> &provider)
{
    m_overview->setPublicUrlProvider(provider);
}

void ConnectionDetailWidget::showTab(Tab tab)
{
    QWidget *page = nullptr;
    switch (tab) {
    case OverviewTab: page = m_overview; break;
    case StreamsTab: page = m_streams; break;
    case RunsTab: page = m_runs; break;
    case TablesTab: page = m_tables; break;
    default: break;
    }
    if (page)
        m_tabs->setCurrentWidget(page);
}

} // namespace Opbox
