// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/checkedkeys.h"
#include "models/twolevelitemmodel.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Opbox {

class OwnerSession;

/**
 * A connector's streams as a tree — each stream (sync modes, primary key, cursor field, its
 * current cursor) with its fields and their types below it. Filled from the connector's own
 * description without a network call; `discover()` asks the provider (off the GUI thread, through
 * the ConnectorService) and shows what it answered. Streams can be made checkable for choosing.
 */
class StreamListModel : public TwoLevelItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, DetailColumn, CursorColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        StreamNameRole = Qt::UserRole + 1, ///< the stream's name (also on field rows)
        FieldNameRole, ///< empty on stream rows
        IsStreamRole,
        CursorRole, ///< the stream's stored cursor (ISO-8601), empty when none
        IncrementalRole, ///< the stream supports incremental sync
        StreamRole, ///< the stream object {name, fields, supportedSyncModes, primaryKey, cursorField}
    };
    Q_ENUM(Role)

    explicit StreamListModel(OwnerSession *session, QObject *parent = nullptr);

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

private:
    [[nodiscard]] int groupCount() const override;
    [[nodiscard]] int itemCount(int group) const override;
    void setStreams(const QJsonArray &streams);
    [[nodiscard]] QJsonObject readCursors() const;

    OwnerSession *m_session;
    QString m_connectionId;
    QList<QJsonObject> m_streams;
    QJsonObject m_cursors; // stream → state object
    CheckedKeys m_checked;
    bool m_checkable = false;
    bool m_discovering = false;
    quint64 m_generation = 0;
    QString m_error;
};

} // namespace Opbox
