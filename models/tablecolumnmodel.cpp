// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tablecolumnmodel.h"
#include "engine/services/engine.h"
#include "engine/store/tablecatalogstore.h"
#include "models/displayformat.h"
#include "models/ownersession.h"

#include <QFont>
#include <QJsonArray>

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
        case NameColumn: return c.value(u"name"_s).toString();
        case FieldColumn: return c.value(u"field"_s).toString();
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
        default: return {};
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
    case NameColumn: return kind == u"WIDENED"_s ? tr("Widened") : tr("Added");
    case FieldColumn: return DisplayFormat::dateTime(h.value(u"at"_s).toString());
    case TypeColumn:
        if (kind == u"WIDENED"_s)
            return tr("%1 → %2").arg(DisplayFormat::fieldType(h.value(u"from"_s).toString()),
                                     DisplayFormat::fieldType(h.value(u"to"_s).toString()));
        return DisplayFormat::fieldType(h.value(u"to"_s).toString());
    case ChangeColumn: {
        const QString run = h.value(u"runId"_s).toString();
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
