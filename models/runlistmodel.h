// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/jsontablemodel.h"

#include <QSet>

class QTimer;

namespace Opbox {

class OwnerSession;

/**
 * The sync runs of one connection, newest first, with live progress: the
 * RunService signals a change at most every 100 ms per run; this model coalesces them and re-reads
 * only the runs that changed.
 */
class RunListModel : public JsonTableModel
{
    Q_OBJECT
public:
    enum Column { StatusColumn, TriggerColumn, StartedColumn, DurationColumn, RowsColumn, ProgressColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        RunIdRole = Qt::UserRole + 1,
        StatusRole, ///< PENDING … CANCELLED
        ActiveRole, ///< PENDING or RUNNING
        ProgressRole, ///< 0–100, or -1 when unknown (waiting)
        ProgressTextRole, ///< "contacts · 2 of 4 streams · 1,500 rows"
        ErrorRole,
        RunRole, ///< the run object (QJsonObject)
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 50;

    explicit RunListModel(OwnerSession *session, QObject *parent = nullptr);

    void setConnectionId(const QString &connectionId);
    [[nodiscard]] QString connectionId() const { return m_connectionId; }

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] QJsonObject run(int row) const { return rowObject(row); }
    /** The PENDING or RUNNING run among the loaded ones, if any. */
    [[nodiscard]] QString activeRunId() const;
    void reload();

    /** The progress of a run object as a percentage, -1 when unknown. */
    [[nodiscard]] static int progressPercent(const QJsonObject &run);
    [[nodiscard]] static QString progressText(const QJsonObject &run);

Q_SIGNALS:
    /** A run of this connection reached COMPLETED, FAILED or CANCELLED. */
    void runFinished(const QString &runId, const QString &status);

private:
    [[nodiscard]] QString columnTitle(int column) const override;
    void onRunChanged(const QString &workspaceId, const QString &connectionId, const QString &runId);
    void flush();

    OwnerSession *m_session;
    QString m_connectionId;
    QSet<QString> m_dirty;
    QTimer *m_flush;
};

} // namespace Opbox
