// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tabledatamodel.h"
#include "engine/services/engine.h"
#include "models/guithread.h"
#include "models/ownersession.h"
#include "models/tablerowreader.h"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
constexpr int MaxShown = 300; // characters of a long JSON cell shown in the grid; the tooltip has the rest
} // namespace

TableDataModel::TableDataModel(OwnerSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

TableDataModel::~TableDataModel()
{
    m_task.waitForFinished();
}

void TableDataModel::setTable(const QString &table)
{
    if (table == m_table)
        return;
    m_table = table;
    reload();
}

void TableDataModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void TableDataModel::reload()
{
    ++m_generation; // answers of earlier loads are dropped
    beginResetModel();
    m_rows.clear();
    m_lastRowid = 0;
    m_more = false;
    m_error.clear();
    if (m_table.isEmpty())
        m_columns.clear();
    endResetModel();
    if (!m_table.isEmpty())
        load(0);
}

void TableDataModel::load(qint64 afterRowid)
{
    const quint64 generation = m_generation;
    const bool first = afterRowid == 0;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    WorkspaceDataStore *data = m_session->engine()->workspaceData();
    const Caller caller = m_session->caller();
    const QString table = m_table;
    const QString filter = m_filter;
    QPointer<TableDataModel> self(this);
    m_task = QtConcurrent::run([self, data, caller, table, filter, afterRowid, generation, first] {
        const TableRowReader reader(data, caller);
        auto page = reader.page(table, filter, afterRowid, PageSize);
        const TableRowPage result = page ? *page : TableRowPage{};
        const QString error = page ? QString() : page.error().message;
        GuiThread::deliver(
            self, [generation, first, result, error](TableDataModel *model) { model->apply(generation, first, result, error); });
    });
}

void TableDataModel::apply(quint64 generation, bool first, const TableRowPage &page, const QString &error)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    m_error = error;
    if (error.isEmpty()) {
        if (first && page.columns != m_columns) {
            beginResetModel();
            m_columns = page.columns;
            m_rows = page.rows;
            endResetModel();
        } else if (!page.rows.isEmpty()) {
            const int at = int(m_rows.size());
            beginInsertRows({}, at, at + int(page.rows.size()) - 1);
            m_rows.append(page.rows);
            endInsertRows();
        }
        m_lastRowid = page.lastRowid;
        m_more = page.more;
    }
    Q_EMIT loadingChanged(false);
    Q_EMIT pageLoaded();
}

bool TableDataModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_loading;
}

void TableDataModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    load(m_lastRowid);
}

int TableDataModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TableDataModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant TableDataModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant &value = m_rows.at(index.row()).at(index.column());
    switch (role) {
    case Qt::DisplayRole: {
        if (value.isNull())
            return QString();
        const QString text = value.toString();
        return text.size() > MaxShown ? text.left(MaxShown) + u'…' : text;
    }
    case Qt::ToolTipRole: {
        const QString text = value.toString();
        return text.size() > 80 ? text.left(4000) : QString();
    }
    case Qt::AccessibleTextRole: return value.isNull() ? tr("empty") : value.toString().left(MaxShown);
    case Qt::TextAlignmentRole:
        if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole: return value;
    case ColumnNameRole: return m_columns.at(index.column());
    default: return {};
    }
}

QVariant TableDataModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section >= 0 && section < m_columns.size() ? QVariant(m_columns.at(section)) : QVariant();
}

QHash<int, QByteArray> TableDataModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(RawValueRole, "rawValue");
    names.insert(ColumnNameRole, "columnName");
    return names;
}

} // namespace Opbox
