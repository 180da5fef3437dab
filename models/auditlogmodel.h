// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/jsontablemodel.h"

namespace Opbox {

class OwnerSession;

/**
 * The workspace's audit log, newest first, fetched a page at a time as the view
 * scrolls; new events appear at the top as the engine records them.
 */
class AuditLogModel : public JsonTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ActorColumn, ActionColumn, TargetColumn, DetailsColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { IdRole = Qt::UserRole + 1, ActionRole, TargetIdRole, EventRole };
    Q_ENUM(Role)

    static constexpr int PageSize = 100;

    explicit AuditLogModel(OwnerSession *session, QObject *parent = nullptr);

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    void fetchMore(const QModelIndex &parent) override;

    /** Only events with this action code (empty: all). */
    void setActionFilter(const QString &action);
    [[nodiscard]] QString actionFilter() const { return m_action; }
    /** The total number of events matching the filter, as of the last fetch. */
    using JsonTableModel::total;
    /** Empty when the log could be read, else why not (e.g. a role below ADMIN). */
    [[nodiscard]] QString errorString() const { return m_error; }

    void reload();

private:
    [[nodiscard]] QString columnTitle(int column) const override;
    void fetchNewest();

    OwnerSession *m_session;
    QString m_action;
    QString m_error;
};

} // namespace Opbox
