// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connectormanifest.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace Opbox {

/**
 * The cursor state of one stream read: the stored cursor (per slice when the stream keeps
 * partitions), the newest cursor values handed to the sink, and the state that is safe to store
 * with each page.
 *
 * Cursor safety: a page's state only moves the cursor past records already handed over. Streams in
 * ascending cursor order advance the cursor page by page; unordered, descending and multi-slice
 * streams keep the stored cursor until their last page and then take the newest record seen, but
 * never later than the moment the read started (a record changed during the read is read again).
 * Cursor values are canonical ISO-8601 UTC strings, so they compare as text. Several slices may
 * be open at once (partitions read concurrently); each is known by the id beginSlice() returns.
 */
class CursorTracker
{
public:
    explicit CursorTracker(const ConnectorManifest::Stream &stream);

    /** Notes the moment the read starts and reads the stored state; false when its cursor is no date-time. */
    [[nodiscard]] bool start(const QJsonObject &state);
    /** Whether the stream is read as one slice (its cursor may then move page by page). */
    void setSingleSlice(bool single) { m_singleSlice = single; }
    [[nodiscard]] bool singleSlice() const { return m_singleSlice; }
    /** The stream's stored cursor, if any. */
    [[nodiscard]] const std::optional<QString> &storedCursor() const { return m_oldCursor; }

    /** The cursor a slice is read from: its partition's, the stream's, or none (read from the start). */
    [[nodiscard]] std::optional<QString> cursorForSlice(const QJsonObject &slice) const;
    /** Opens a slice for reading; the id names it in the calls below. */
    [[nodiscard]] int beginSlice(const QJsonObject &slice);
    /** Closes slice `id`: its partition takes the cursor it reached. Closing it again does nothing. */
    void endSlice(int id);
    /** The newest cursor value of a page of slice `id` handed to the sink. */
    void noteCursor(int id, const QString &maxCursor);
    /** The stream state to store with the page being handed over; `final` for the stream's last page. */
    [[nodiscard]] QJsonObject stateNow(bool final) const;

private:
    [[nodiscard]] QString sliceKey(const QJsonObject &slice) const;

    const ConnectorManifest::Stream &m_stream;
    QString m_runStart;
    std::optional<QString> m_oldCursor;
    QJsonObject m_oldPartitions; // per-slice cursors read from the state
    bool m_statePartitioned = false;
    QJsonObject m_partitions; // per-slice cursors of this run
    bool m_singleSlice = true;
    bool m_ascending = false; // the request in use returns records in cursor order
    std::optional<QString> m_maxSeen; // newest cursor value handed to the sink in this run
    /** A slice being read (per-slice cursors). */
    struct OpenSlice
    {
        QString key;
        std::optional<QString> oldCursor;
        std::optional<QString> maxSeen;
        bool ascending = false;
    };
    QHash<int, OpenSlice> m_open;
    int m_nextSlice = 0;
};

} // namespace Opbox
