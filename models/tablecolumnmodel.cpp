// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tablecolumnmodel.h"
#include "engine/services/engine.h"
#include "models/displayformat.h"
#include "models/ownersession.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace Opbox {

TableColumnModel::TableColumnModel(OwnerSession *session, QObject *parent)
    : TwoLevelItemModel(ColumnCount, parent)
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
            for (const ColumnRecord &c : std::as_const(*columns))
                m_columns.append(Entry{c, {}});
            if (history) {
                for (const ColumnChange &change : std::as_const(*history)) {
                    for (auto &entry : m_columns) {
                        if (entry.column.name == change.column)
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
        out.append(entry.column.name);
    return out;
}

int TableColumnModel::groupCount() const
{
    return int(m_columns.size());
}

int TableColumnModel::itemCount(int group) const
{
    return int(m_columns.at(group).history.size());
}

QVariant TableColumnModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isColumn = isGroup(index);
    const Entry &entry = m_columns.at(groupOf(index));
    const ColumnRecord &c = entry.column;
    if (role == ColumnNameRole)
        return c.name;
    if (role == IsColumnRole)
        return isColumn;
    if (isColumn) {
        if (role == LogicalTypeRole)
            return c.type;
        if (role == Qt::FontRole && index.column() == NameColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
            return {};
        switch (index.column()) {
        case NameColumn: return c.name;
        case FieldColumn: return c.field;
        case TypeColumn:
            if (role == Qt::ToolTipRole)
                return c.type;
            return DisplayFormat::fieldType(c.type);
        case ChangeColumn: {
            int widenings = 0;
            for (const auto &h : entry.history) {
                if (h.isWidening())
                    ++widenings;
            }
            const QString added = tr("added %1").arg(DisplayFormat::dateTime(c.createdAt));
            return widenings == 0 ? added : tr("%1, widened %n time(s)", nullptr, widenings).arg(added);
        }
        default: return {};
        }
    }
    const ColumnChange &h = entry.history.at(index.row());
    const QString &kind = h.change;
    if (role == ChangeKindRole)
        return kind;
    if (role == RunIdRole)
        return h.runId.value_or(QString());
    if (role == LogicalTypeRole)
        return h.to;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn: return h.isWidening() ? tr("Widened") : tr("Added");
    case FieldColumn: return DisplayFormat::dateTime(h.at);
    case TypeColumn:
        if (h.isWidening())
            return tr("%1 → %2").arg(DisplayFormat::fieldType(h.from.value_or(QString())), DisplayFormat::fieldType(h.to));
        return DisplayFormat::fieldType(h.to);
    case ChangeColumn: {
        const QString run = h.runId.value_or(QString());
        return run.isEmpty() ? QString() : tr("by run %1").arg(run);
    }
    default: return {};
    }
}

QVariant TableColumnModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Column");
    case FieldColumn: return tr("Field or when");
    case TypeColumn: return tr("Type");
    case ChangeColumn: return tr("History");
    default: return {};
    }
}

QHash<int, QByteArray> TableColumnModel::roleNames() const
{
    auto names = TwoLevelItemModel::roleNames();
    names.insert(ColumnNameRole, "columnName");
    names.insert(LogicalTypeRole, "logicalType");
    names.insert(IsColumnRole, "isColumn");
    names.insert(ChangeKindRole, "change");
    names.insert(RunIdRole, "runId");
    return names;
}

} // namespace Opbox
