// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tablecolumnmodel.h"
#include "models/displayformat.h"
#include "engine/services/engine.h"
#include "models/ownersession.h"
#include "engine/store/tablecatalogstore.h"

#include <QFont>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
constexpr quintptr ColumnMarker = 0;
} // namespace

TableColumnModel::TableColumnModel(OwnerSession *session, QObject *parent)
    : QAbstractItemModel(parent)
    , m_session(session)
{
}

void TableColumnModel::setTable(const QString &table)
{
    beginResetModel();
    m_table = table;
    m_columns.clear();
    m_error.clear();
    if (!table.isEmpty()) {
        const TableCatalogStore catalog(m_session->engine()->workspaceData());
        auto columns = catalog.columns(m_session->caller(), table);
        auto history = catalog.history(m_session->caller(), table);
        if (!columns) {
            m_error = columns.error().message;
        } else {
            for (const auto &v : *columns)
                m_columns.append(Entry{v.toObject(), {}});
            if (history) {
                for (const auto &v : *history) {
                    const QJsonObject change = v.toObject();
                    for (auto &entry : m_columns) {
                        if (entry.column.value(u"name"_s) == change.value(u"column"_s))
                            entry.history.append(change);
                    }
                }
            }
        }
    }
    endResetModel();
}

QStringList TableColumnModel::columnNames() const
{
    QStringList out;
    for (const auto &entry : m_columns)
        out.append(entry.column.value(u"name"_s).toString());
    return out;
}

QModelIndex TableColumnModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_columns.size() ? createIndex(row, column, ColumnMarker) : QModelIndex();
    if (parent.internalId() != ColumnMarker || parent.column() != 0 || parent.row() >= m_columns.size())
        return {};
    if (row >= m_columns.at(parent.row()).history.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex TableColumnModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == ColumnMarker)
        return {};
    return createIndex(int(child.internalId() - 1), 0, ColumnMarker);
}

int TableColumnModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_columns.size());
    if (parent.internalId() != ColumnMarker || parent.column() != 0)
        return 0;
    return int(m_columns.at(parent.row()).history.size());
}

int TableColumnModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TableColumnModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isColumn = index.internalId() == ColumnMarker;
    const Entry &entry = m_columns.at(isColumn ? index.row() : int(index.internalId() - 1));
    const QJsonObject &c = entry.column;
    if (role == ColumnNameRole)
        return c.value(u"name"_s).toString();
    if (role == IsColumnRole)
        return isColumn;
    if (isColumn) {
        if (role == LogicalTypeRole)
            return c.value(u"type"_s).toString();
        if (role == Qt::FontRole && index.column() == NameColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
            return {};
        switch (index.column()) {
        case NameColumn:
            return c.value(u"name"_s).toString();
        case FieldColumn:
            return c.value(u"field"_s).toString();
        case TypeColumn:
            if (role == Qt::ToolTipRole)
                return c.value(u"type"_s).toString();
            return DisplayFormat::fieldType(c.value(u"type"_s).toString());
        case ChangeColumn: {
            int widenings = 0;
            for (const auto &h : entry.history) {
                if (h.value(u"change"_s).toString() == u"WIDENED"_s)
                    ++widenings;
            }
            const QString added = tr("added %1").arg(DisplayFormat::dateTime(c.value(u"createdAt"_s).toString()));
            return widenings == 0 ? added : tr("%1, widened %n time(s)", nullptr, widenings).arg(added);
        }
        default:
            return {};
        }
    }
    const QJsonObject &h = entry.history.at(index.row());
    const QString kind = h.value(u"change"_s).toString();
    if (role == ChangeKindRole)
        return kind;
    if (role == RunIdRole)
        return h.value(u"runId"_s).toString();
    if (role == LogicalTypeRole)
        return h.value(u"to"_s).toString();
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return kind == u"WIDENED"_s ? tr("Widened") : tr("Added");
    case FieldColumn:
        return DisplayFormat::dateTime(h.value(u"at"_s).toString());
    case TypeColumn:
        if (kind == u"WIDENED"_s)
            return tr("%1 → %2").arg(DisplayFormat::fieldType(h.value(u"from"_s).toString()),
                                     DisplayFormat::fieldType(h.value(u"to"_s).toString()));
        return DisplayFormat::fieldType(h.value(u"to"_s).toString());
    case ChangeColumn: {
        const QString run = h.value(u"runId"_s).toString();
        return run.isEmpty() ? QString() : tr("by run %1").arg(run);
    }
    default:
        return {};
    }
}

QVariant TableColumnModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Column");
    case FieldColumn:
        return tr("Field or when");
    case TypeColumn:
        return tr("Type");
    case ChangeColumn:
        return tr("History");
    default:
        return {};
    }
}

QHash<int, QByteArray> TableColumnModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(ColumnNameRole, "columnName");
    names.insert(LogicalTypeRole, "logicalType");
    names.insert(IsColumnRole, "isColumn");
    names.insert(ChangeKindRole, "change");
    names.insert(RunIdRole, "runId");
    return names;
}

} // namespace Opbox
