// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/opboxtablelistmodel.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/store/tablecatalogstore.h"
#include "models/displayformat.h"
#include "models/guithread.h"
#include "models/modelslogging.h"
#include "models/ownersession.h"

#include <QJsonArray>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Opbox {

OpboxTableListModel::OpboxTableListModel(OwnerSession *session, QObject *parent)
    : JsonTableModel(ColumnCount, u"table"_s, parent)
    , m_session(session)
    , m_reload(new QTimer(this))
{
    // A finished run may have created tables or rows; a burst of runs is one reload.
    m_reload->setSingleShot(true);
    m_reload->setInterval(300);
    connect(m_reload, &QTimer::timeout, this, &OpboxTableListModel::reload);
    connect(session->engine()->runs(), &RunService::runFinished, this,
            [this](const QString &, const QString &connectionId, const QString &, const QString &) {
                if (connectionId == m_connectionId)
                    m_reload->start();
            });
}

OpboxTableListModel::~OpboxTableListModel()
{
    // The task reads through the engine's stores; let it end before they can go away.
    m_task.waitForFinished();
}

void OpboxTableListModel::setConnectionId(const QString &connectionId)
{
    if (connectionId == m_connectionId)
        return;
    m_connectionId = connectionId;
    resetRows({});
    reload();
}

void OpboxTableListModel::reload()
{
    const quint64 generation = ++m_generation;
    if (m_connectionId.isEmpty())
        return;
    m_loading = true;
    WorkspaceDataStore *data = m_session->engine()->workspaceData();
    const Caller caller = m_session->caller();
    const QString connectionId = m_connectionId;
    QPointer<OpboxTableListModel> self(this);
    // On a pool thread: the Database gives that thread its own connection.
    m_task = QtConcurrent::run([self, data, caller, connectionId, generation] {
        const TableCatalogStore catalog(data);
        auto tables = catalog.tables(caller, connectionId);
        QList<QJsonObject> list;
        QString error;
        if (tables) {
            // The base model keeps its rows as JSON objects, keyed by the table name.
            for (const TableRecord &t : std::as_const(*tables))
                list.append(t.toJson());
        } else {
            error = tables.error().message;
        }
        GuiThread::deliver(self,
                           [generation, list, error](OpboxTableListModel *model) { model->apply(generation, list, error); });
    });
}

void OpboxTableListModel::apply(quint64 generation, const QList<QJsonObject> &tables, const QString &error)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    if (!error.isEmpty())
        qCWarning(lcModels) << "cannot read the table catalog:" << error;
    // Same tables in the same order: update counts in place so that views keep their selection.
    bool sameTables = tables.size() == rows().size();
    for (int i = 0; sameTables && i < tables.size(); ++i)
        sameTables = tables.at(i).value(u"table"_s) == rows().at(i).value(u"table"_s);
    if (sameTables) {
        for (int i = 0; i < tables.size(); ++i)
            updateRow(i, tables.at(i));
    } else {
        resetRows(tables);
    }
    Q_EMIT loaded();
}

QVariant OpboxTableListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &t = rows().at(index.row());
    const bool shared = t.value(u"connectionIds"_s).toArray().size() > 1;
    switch (role) {
    case TableNameRole: return t.value(u"table"_s).toString();
    case StreamRole: return t.value(u"stream"_s).toString();
    case RowCountRole: return t.value(u"rows"_s).toInteger();
    case SharedRole: return shared;
    case TableRole: return t;
    default: break;
    }
    if (role == Qt::ToolTipRole && index.column() == TableColumn && shared)
        return tr("Shared by %n connection(s) of a variant group", nullptr, int(t.value(u"connectionIds"_s).toArray().size()));
    if (role == Qt::TextAlignmentRole && index.column() == RowsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case TableColumn: return t.value(u"table"_s).toString();
    case StreamColumn: return t.value(u"stream"_s).toString();
    case RowsColumn: return DisplayFormat::count(t.value(u"rows"_s).toInteger());
    case CreatedColumn: return DisplayFormat::dateTime(t.value(u"createdAt"_s).toString());
    default: return {};
    }
}

QString OpboxTableListModel::columnTitle(int column) const
{
    switch (column) {
    case TableColumn: return tr("Table");
    case StreamColumn: return tr("Stream");
    case RowsColumn: return tr("Rows");
    case CreatedColumn: return tr("Created");
    default: return {};
    }
}

QHash<int, QByteArray> OpboxTableListModel::roleNames() const
{
    auto names = JsonTableModel::roleNames();
    names.insert(TableNameRole, "tableName");
    names.insert(StreamRole, "stream");
    names.insert(RowCountRole, "rowCount");
    names.insert(SharedRole, "shared");
    names.insert(TableRole, "table");
    return names;
}

} // namespace Opbox
