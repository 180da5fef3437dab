// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/jsontablemodel.h"

#include <QSet>

class QTimer;

namespace Opbox {

class OwnerSession;

/**
 * The connections of the session's workspace as a table (type icon and name, variant label,
 * status, last run, next scheduled run), kept current from the ConnectionService's signals —
 * whether the change came from this window, the REST API or a sync worker.
 */
class ConnectionListModel : public JsonTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, VariantColumn, StatusColumn, LastRunColumn, NextRunColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        IdRole = Qt::UserRole + 1,
        TypeRole,
        CategoryRole,
        StatusRole, ///< DISCONNECTED | CONNECTED | ERROR
        StatusMessageRole,
        EnabledRole,
        VariantGroupIdRole,
        VariantLabelRole,
        ScheduleEnabledRole,
        FrequencyRole,
        LastRunStatusRole, ///< the last run's status, empty when it never ran
        LastRunAtRole, ///< QDateTime (UTC) the last run started
        NextRunAtRole, ///< QDateTime (UTC), invalid when not scheduled or not known yet
        ConnectionRole, ///< the whole connection object (QJsonObject)
        SortRole, ///< a value that sorts the column sensibly
        GroupAnchorRowRole, ///< the row of the first connection of its variant group (its own row when in none)
        VariantDepthRole, ///< 1 for a variant listed under its group's first connection, else 0
    };
    Q_ENUM(Role)

    explicit ConnectionListModel(OwnerSession *session, QObject *parent = nullptr);

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** Re-reads every connection (e.g. after the workspace changed). */
    void reload();
    [[nodiscard]] QJsonObject connection(int row) const { return rowObject(row); }
    [[nodiscard]] QJsonObject connection(const QString &id) const;
    /** Every connection id, in display order. */
    [[nodiscard]] QStringList ids() const;

public Q_SLOTS:
    /** Re-reads one connection; inserts, updates or removes its row. */
    void refresh(const QString &connectionId);

Q_SIGNALS:
    /** A connection's stored object changed (the detail view re-reads). */
    void connectionUpdated(const QString &connectionId);

private:
    [[nodiscard]] QString columnTitle(int column) const override;
    /** The row of the first connection (in creation order) of `row`'s variant group. */
    [[nodiscard]] int anchorRow(int row) const;
    void onChanged(const QString &workspaceId, const QString &connectionId);
    void onRemoved(const QString &workspaceId, const QString &connectionId);

    OwnerSession *m_session;
    QSet<QString> m_dirty;
    QTimer *m_pending = nullptr;
};

} // namespace Opbox
