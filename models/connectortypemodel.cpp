// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/connectortypemodel.h"
#include "models/connectorcatalog.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Opbox {

ConnectorTypeModel::ConnectorTypeModel(QObject *parent)
    : TwoLevelItemModel(ColumnCount, parent)
{
    for (const ConnectorTypeEntry &info : ConnectorCatalog::all()) {
        auto it
            = std::find_if(m_categories.begin(), m_categories.end(), [&](const Category &c) { return c.name == info.category; });
        if (it == m_categories.end()) {
            m_categories.append(Category{info.category, {}});
            it = std::prev(m_categories.end());
        }
        it->types.append(ConnectorCatalog::find(info.type)); // the registry's entry outlives this copy
    }
}

int ConnectorTypeModel::groupCount() const
{
    return int(m_categories.size());
}

int ConnectorTypeModel::itemCount(int group) const
{
    return int(m_categories.at(group).types.size());
}

const ConnectorTypeEntry *ConnectorTypeModel::typeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || isGroup(index))
        return nullptr;
    return m_categories.at(groupOf(index)).types.at(index.row());
}

QVariant ConnectorTypeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (isGroup(index)) {
        const Category &c = m_categories.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole: return index.column() == NameColumn ? DisplayFormat::categoryName(c.name) : QVariant();
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case Qt::ForegroundRole: return QGuiApplication::palette().brush(QPalette::Active, QPalette::WindowText);
        case CategoryRole: return c.name;
        case IsCategoryRole: return true;
        case IsOAuthRole: return false;
        default: return {};
        }
    }
    const ConnectorTypeEntry *info = typeAt(index);
    switch (role) {
    case Qt::DisplayRole: return index.column() == NameColumn ? DisplayFormat::typeName(info->name) : info->service;
    case Qt::AccessibleTextRole: return tr("%1 (%2)").arg(DisplayFormat::typeName(info->name), info->service);
    case Qt::ToolTipRole:
        return tr("%1 — connects to %2 (%3)")
            .arg(DisplayFormat::typeName(info->name), info->service, DisplayFormat::authType(info->authType));
    case Qt::DecorationRole: return index.column() == NameColumn ? QVariant(IconLibrary::category(info->category)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == ServiceColumn ? QVariant(QGuiApplication::palette().brush(QPalette::PlaceholderText))
                                               : QVariant();
    case TypeRole: return info->type;
    case CategoryRole: return info->category;
    case ServiceRole: return info->service;
    case AuthTypeRole: return info->authType;
    case IsOAuthRole: return info->isOAuth();
    case IsCategoryRole: return false;
    default: return {};
    }
}

Qt::ItemFlags ConnectorTypeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // Categories group the types; only a type can be chosen. Without ItemIsEnabled the arrow keys
    // pass over a category instead of landing on it (and leaving nothing chosen).
    if (isGroup(index))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ConnectorTypeModel::roleNames() const
{
    auto names = TwoLevelItemModel::roleNames();
    names.insert(TypeRole, "type");
    names.insert(CategoryRole, "category");
    names.insert(ServiceRole, "service");
    names.insert(AuthTypeRole, "authType");
    names.insert(IsOAuthRole, "isOAuth");
    names.insert(IsCategoryRole, "isCategory");
    return names;
}

QModelIndex ConnectorTypeModel::indexOfType(const QString &type) const
{
    for (int c = 0; c < m_categories.size(); ++c) {
        const auto &types = m_categories.at(c).types;
        for (int t = 0; t < types.size(); ++t) {
            if (types.at(t)->type == type)
                return itemIndex(c, t, NameColumn);
        }
    }
    return {};
}

} // namespace Opbox
