// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/testreadrecordmodel.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Opbox {

TestReadRecordModel::TestReadRecordModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TestReadRecordModel::setRecords(const QJsonArray &records, const QList<QPair<QString, QString>> &columns)
{
    beginResetModel();
    m_records = records;
    m_columns.clear();
    m_types.clear();
    for (const auto &[name, type] : columns) {
        m_columns.append(name);
        m_types.append(type);
    }
    // Keys the inference left out (e.g. only null values) still show, after the inferred ones.
    for (const QJsonValue &record : std::as_const(m_records)) {
        const QJsonObject o = record.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!m_columns.contains(it.key())) {
                m_columns.append(it.key());
                m_types.append(QString());
            }
        }
    }
    endResetModel();
}

void TestReadRecordModel::clear()
{
    setRecords({}, {});
}

int TestReadRecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int TestReadRecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant TestReadRecordModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == ColumnTypeRole)
        return m_types.at(index.column());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QJsonValue v = m_records.at(index.row()).toObject().value(m_columns.at(index.column()));
    switch (v.type()) {
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return v.toVariant();
    case QJsonValue::String: return v.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined: return {};
    }
    return {};
}

QVariant TestReadRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns.at(section);
    if (role == Qt::ToolTipRole || role == ColumnTypeRole)
        return m_types.at(section);
    return {};
}

} // namespace Opbox
