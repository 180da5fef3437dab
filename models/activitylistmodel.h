// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

namespace Opbox {

class OwnerSession;
class RunActions;

/**
 * The syncs this window started (Run Now, Run All, a new connection's first sync), newest first,
 * each with how it ended. The engine's notifications leave out the user who started a run, so
 * this is how the desktop user hears about their own syncs.
 */
class ActivityListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        RunIdRole = Qt::UserRole + 1,
        ConnectionIdRole,
        StatusRole, ///< PENDING until the run ends, then COMPLETED | FAILED | CANCELLED
        TitleRole,
        MessageRole,
        StartedAtRole, ///< QDateTime when the GUI started it
    };
    Q_ENUM(Role)

    explicit ActivityListModel(OwnerSession *session, QObject *parent = nullptr);

    /** Follows a run the GUI started, until it ends. */
    void track(const QString &connectionId, const QString &runId);
    [[nodiscard]] bool isTracked(const QString &runId) const { return rowOf(runId) >= 0; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    /** A tracked run ended; the texts are ready to show (translated). */
    void runEnded(const QString &title, const QString &message, bool failed);

private:
    struct Entry
    {
        QString runId;
        QString connectionId;
        QString connectionName;
        QString status;
        QString message;
        QDateTime startedAt;
    };
    [[nodiscard]] int rowOf(const QString &runId) const;
    [[nodiscard]] QString title(const Entry &e) const;
    void onRunFinished(const QString &connectionId, const QString &runId, const QString &status);

    OwnerSession *m_session;
    RunActions *m_runs;
    QList<Entry> m_entries;
};

} // namespace Opbox
