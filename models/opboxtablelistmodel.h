// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/jsontablemodel.h"

#include <QFuture>

class QTimer;

namespace Opbox {

class OwnerSession;

/**
 * The Opbox tables a connection writes, with their row counts. Counting rows is bulk
 * database work, so the catalog is read on a pool thread and the rows arrive by a queued call.
 */
class OpboxTableListModel : public JsonTableModel
{
    Q_OBJECT
public:
    enum Column { TableColumn, StreamColumn, RowsColumn, CreatedColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { TableNameRole = Qt::UserRole + 1, StreamRole, RowCountRole, SharedRole, TableRole };
    Q_ENUM(Role)

    explicit OpboxTableListModel(OwnerSession *session, QObject *parent = nullptr);
    ~OpboxTableListModel() override;

    void setConnectionId(const QString &connectionId);
    [[nodiscard]] QString connectionId() const { return m_connectionId; }
    /** Reads the catalog again (asynchronously); `loaded` follows. */
    void reload();
    [[nodiscard]] bool isLoading() const { return m_loading; }

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loaded();

private:
    [[nodiscard]] QString columnTitle(int column) const override;
    void apply(quint64 generation, const QList<QJsonObject> &tables, const QString &error);

    OwnerSession *m_session;
    QString m_connectionId;
    quint64 m_generation = 0;
    bool m_loading = false;
    QTimer *m_reload;
    QFuture<void> m_task;
};

} // namespace Opbox
