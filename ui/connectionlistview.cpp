// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectionlistview.h"
#include "models/connectionlistmodel.h"
#include "models/connectionsortproxy.h"
#include "ui/connectionlistdelegate.h"

#include <QHeaderView>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

constexpr auto headerKey = "mainWindow/connectionListHeader";
constexpr auto userSizedKey = "mainWindow/connectionListSizedColumns";

} // namespace

ConnectionListView::ConnectionListView(ConnectionListModel *connections, QWidget *parent)
    : QTreeView(parent)
    , m_connections(connections)
    , m_proxy(new ConnectionSortProxy(this))
{
    m_proxy->setSourceModel(connections);
    setObjectName(u"connectionList"_s);
    setModel(m_proxy);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    // By name: a variant then sits right under the first connection of its group.
    sortByColumn(ConnectionListModel::NameColumn, Qt::AscendingOrder);
    setItemDelegate(new ConnectionListDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setIconSize(QSize(20, 20));
    setAccessibleName(tr("Connections"));
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(ConnectionListModel::NameColumn, QHeaderView::Stretch);
    header()->setMinimumSectionSize(48);
    // The variant's label is part of its name, and the variant sits indented under its group's
    // first connection: a column of its own would take the name's room.
    setColumnHidden(ConnectionListModel::VariantColumn, true);
    connect(header(), &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_fitting && column != ConnectionListModel::NameColumn)
            m_userSized.insert(column);
    });
    // Many changes at once (a run's progress) fit the columns once.
    m_fitTimer.setSingleShot(true);
    m_fitTimer.setInterval(0);
    connect(&m_fitTimer, &QTimer::timeout, this, &ConnectionListView::fitColumns);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, &m_fitTimer, qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::modelReset, &m_fitTimer, qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::dataChanged, &m_fitTimer, qOverload<>(&QTimer::start));
    fitColumns();
}

void ConnectionListView::fitColumns()
{
    // Each column as wide as its widest text (a German status, a date that is not today), so
    // nothing is cut; a column the user has sized keeps that width.
    m_fitting = true;
    for (int column : {int(ConnectionListModel::StatusColumn), int(ConnectionListModel::LastRunColumn),
                       int(ConnectionListModel::NextRunColumn)}) {
        if (!m_userSized.contains(column))
            resizeColumnToContents(column);
    }
    m_fitting = false;
}

void ConnectionListView::restoreLayout()
{
    const QSettings settings;
    if (!header()->restoreState(settings.value(QLatin1String(headerKey)).toByteArray()))
        return;
    m_userSized.clear();
    for (const QVariant &column : settings.value(QLatin1String(userSizedKey)).toList())
        m_userSized.insert(column.toInt());
    // The name column keeps taking the free space.
    header()->setSectionResizeMode(ConnectionListModel::NameColumn, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    setColumnHidden(ConnectionListModel::VariantColumn, true);
    fitColumns();
}

void ConnectionListView::saveLayout() const
{
    QSettings settings;
    settings.setValue(QLatin1String(headerKey), header()->saveState());
    QVariantList columns;
    for (int column : m_userSized)
        columns.append(column);
    settings.setValue(QLatin1String(userSizedKey), columns);
}

} // namespace Opbox
