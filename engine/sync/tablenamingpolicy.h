// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

namespace Opbox {

/**
 * The naming rules of Opbox tables and columns: snake_case ASCII names,
 * `<base>__<stream>` tables, `parent__child` flattened columns, deduplicated column names.
 */
class TableNamingPolicy
{
public:
    /**
     * `ContactID` → `contact_id`, `UpdatedDateUTC` → `updated_date_utc`, `createdAt` → `created_at`,
     * `Production CRM` → `production_crm`: an `_` before an upper-case letter that follows a lower-case
     * letter or digit, and before the last upper-case letter of an acronym followed by a lower-case
     * letter; lower-cased; anything but `[a-z0-9]` becomes one `_`; never empty.
     */
    [[nodiscard]] static QString snakeCase(const QString &name);
    /** `Production CRM (EU)` → `Production CRM`: the trailing parenthesised variant label removed. */
    [[nodiscard]] static QString stripVariantLabel(const QString &connectionName);
    /** The table base from a connection name, label stripped (`production_crm`). */
    [[nodiscard]] static QString baseFromName(const QString &connectionName, bool stripLabel);
    /** `<base>__<stream>` */
    [[nodiscard]] static QString tableName(const QString &base, const QString &stream);
    /** The column name of a (possibly flattened, `address.city`) field path: `address__city`. */
    [[nodiscard]] static QString columnName(const QString &fieldPath);
    /** `name`, or `name_2`, `name_3` … the first that is not in `taken`. */
    [[nodiscard]] static QString deduplicate(const QString &name, const QSet<QString> &taken);
    /** A double-quoted SQL identifier. */
    [[nodiscard]] static QString quote(const QString &identifier);
};

} // namespace Opbox
