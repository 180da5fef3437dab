// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/checkedkeys.h"
#include "models/twolevelitemmodel.h"

#include <QFuture>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace Opbox {

class OwnerSession;

/**
 * A connector's streams as a tree — each stream (sync modes, primary key, cursor field, its
 * current cursor) with its fields and their types below it. Filled from the connector's own
 * description without a network call; `discover()` asks the provider (off the GUI thread, through
 * the ConnectorService) and shows what it answered. Streams can be made checkable for choosing.
 * With sync details, a saved connection's streams also show what their syncs left behind: the rows
 * of the stream's Opbox table, when a run last completed it, and the table's columns (each field
 * row names the column that holds it).
 */
class StreamListModel : public TwoLevelItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, DetailColumn, CursorColumn, RowsColumn, LastSyncColumn, ColumnsColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        StreamNameRole = Qt::UserRole + 1, ///< the stream's name (also on field rows)
        FieldNameRole, ///< empty on stream rows
        IsStreamRole,
        CursorRole, ///< the stream's stored cursor (ISO-8601), empty when none
        IncrementalRole, ///< the stream supports incremental sync
        StreamRole, ///< the stream object {name, fields, supportedSyncModes, primaryKey, cursorField}
        RowCountRole, ///< rows in the stream's Opbox table; invalid before the table exists
        LastSyncRole, ///< ISO-8601 end of the last completed run that read the stream; empty when none
        TableColumnsRole, ///< the columns of the stream's Opbox table (QStringList)
    };
    Q_ENUM(Role)

    enum class Details { Streams, WithSyncDetails };

    /** `WithSyncDetails` adds the rows, last sync and table-column columns (read off the GUI thread). */
    explicit StreamListModel(OwnerSession *session, QObject *parent = nullptr, Details details = Details::Streams);
    ~StreamListModel() override;

    /** Shows a saved connection's streams and cursors; its stream selection (`config.streams`) is what is checked. */
    void setConnectionId(const QString &connectionId);
    /** Shows the streams a connector type offers (before a connection exists). */
    void setConnectorType(const QString &type, const QJsonObject &config = {});
    [[nodiscard]] QString connectionId() const { return m_connectionId; }

    /** Asks the provider for the streams (ADMIN+); `discoverFinished` reports the outcome. */
    void discover();
    [[nodiscard]] bool isDiscovering() const { return m_discovering; }
    /** Re-reads the stored cursors (after a sync or a cursor reset). */
    void refreshCursors();
    /** Re-reads the table rows, columns and last syncs (asynchronously); `syncDetailsLoaded` follows. */
    void reloadSyncDetails();

    void setCheckable(bool checkable);
    [[nodiscard]] QStringList checkedStreams() const;
    void setCheckedStreams(const QStringList &streams);
    [[nodiscard]] QStringList streamNames() const;
    [[nodiscard]] QString cursor(const QString &stream) const;
    /** Empty when the streams could be read, else why not. */
    [[nodiscard]] QString errorString() const { return m_error; }

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void discoverStarted();
    /** `ok` false: `message` says why the provider could not be asked. */
    void discoverFinished(bool ok, const QString &message);
    void checkedChanged();
    void syncDetailsLoaded();

private:
    [[nodiscard]] int groupCount() const override;
    [[nodiscard]] int itemCount(int group) const override;
    void setStreams(const QJsonArray &streams);
    [[nodiscard]] QJsonObject readCursors() const;
    /** What a stream's Opbox table holds. */
    struct StreamTable
    {
        qint64 rows = 0;
        QStringList columns;
        QHash<QString, QString> columnOfField; // source field → the column that holds it
    };
    void applySyncDetails(quint64 generation, const QHash<QString, StreamTable> &tables);
    [[nodiscard]] QVariant syncDetail(const QString &stream, int column, int role) const;

    OwnerSession *m_session;
    QString m_connectionId;
    QList<QJsonObject> m_streams;
    QJsonObject m_cursors; // stream → state object
    CheckedKeys m_checked;
    bool m_checkable = false;
    bool m_discovering = false;
    quint64 m_generation = 0;
    QString m_error;
    bool m_syncDetails;
    quint64 m_detailsGeneration = 0;
    QHash<QString, StreamTable> m_tables; // stream → its table
    QHash<QString, QString> m_lastSync; // stream → completedAt
    QFuture<void> m_task;
};

} // namespace Opbox
