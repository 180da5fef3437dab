// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/connectorcatalog.h"
#include "models/twolevelitemmodel.h"

#include <QList>
#include <QStringList>

namespace Opbox {

/**
 * The connector types of the engine's registry as a two-level tree: categories, then the types
 * in each (name, service). The new-connection wizard's first page shows it.
 */
class ConnectorTypeModel : public TwoLevelItemModel
{
    Q_OBJECT
public:
    enum Role {
        TypeRole = Qt::UserRole + 1, ///< CRM_PLATFORM …; empty on category rows
        CategoryRole, ///< the English category name
        ServiceRole, ///< the real service ("HubSpot CRM v3")
        AuthTypeRole, ///< api_key | basic | oauth2
        IsOAuthRole,
        IsCategoryRole,
    };
    Q_ENUM(Role)
    enum Column { NameColumn, ServiceColumn, ColumnCount };
    Q_ENUM(Column)

    explicit ConnectorTypeModel(QObject *parent = nullptr);

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** The index of a type's row, invalid for an unknown type. */
    [[nodiscard]] QModelIndex indexOfType(const QString &type) const;
    /** The registry entry behind an index; nullptr on category rows. */
    [[nodiscard]] const ConnectorTypeEntry *typeAt(const QModelIndex &index) const;

private:
    [[nodiscard]] int groupCount() const override;
    [[nodiscard]] int itemCount(int group) const override;

    struct Category
    {
        QString name;
        QList<const ConnectorTypeEntry *> types;
    };
    QList<Category> m_categories;
};

} // namespace Opbox
