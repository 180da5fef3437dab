// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/cursortracker.h"

#include "connectors/runtime/datetimeformat.h"
#include "connectors/runtime/jsonpath.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

std::optional<QString> maxOf(const std::optional<QString> &a, const std::optional<QString> &b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    return *a < *b ? b : a;
}

QString minOf(const QString &a, const QString &b)
{
    return a < b ? a : b;
}

} // namespace

CursorTracker::CursorTracker(const ConnectorManifest::Stream &stream)
    : m_stream(stream)
{
}

bool CursorTracker::start(const QJsonObject &state)
{
    m_runStart = DateTimeFormat::toIso(QDateTime::currentDateTimeUtc());
    if (!m_stream.incremental)
        return true;
    const QJsonValue cursor = state.value(u"cursor"_s);
    if (!cursor.isUndefined() && !cursor.isNull()) {
        const auto when = DateTimeFormat::parse(cursor);
        if (!when)
            return false;
        m_oldCursor = DateTimeFormat::toIso(*when);
    }
    const QJsonValue partitions = state.value(u"partitions"_s);
    if (m_stream.incremental->perSlice && partitions.isObject()) {
        m_statePartitioned = true;
        const QJsonObject p = partitions.toObject();
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (const auto when = DateTimeFormat::parse(it.value()))
                m_oldPartitions.insert(it.key(), DateTimeFormat::toIso(*when));
        }
    }
    return true;
}

QString CursorTracker::sliceKey(const QJsonObject &slice) const
{
    if (m_stream.slices.key.isEmpty())
        return {};
    const QJsonValue v = JsonPath::value(QJsonValue(slice), m_stream.slices.key);
    return v.isString() ? v.toString() : (v.isDouble() ? QString::number(v.toInteger()) : QString());
}

std::optional<QString> CursorTracker::cursorForSlice(const QJsonObject &slice) const
{
    if (!m_stream.incremental)
        return std::nullopt;
    if (m_stream.incremental->perSlice && m_statePartitioned) {
        // Partitions exist: a slice without one is new (a repository added later) and reads from the start.
        const QJsonValue v = m_oldPartitions.value(sliceKey(slice));
        if (v.isString())
            return v.toString();
        return std::nullopt;
    }
    return m_oldCursor;
}

int CursorTracker::beginSlice(const QJsonObject &slice)
{
    OpenSlice open;
    open.key = sliceKey(slice);
    open.oldCursor = cursorForSlice(slice);
    // Which request this slice uses decides whether its records arrive in cursor order.
    const ConnectorManifest::Request &request = m_stream.requestFor(false, open.oldCursor.has_value());
    open.ascending = request.order == ConnectorManifest::Order::Ascending;
    m_ascending = open.ascending;
    const int id = m_nextSlice++;
    m_open.insert(id, open);
    return id;
}

void CursorTracker::endSlice(int id)
{
    const auto it = m_open.constFind(id);
    if (it == m_open.constEnd())
        return;
    const OpenSlice slice = *it;
    m_open.erase(it);
    if (!m_stream.incremental || !m_stream.incremental->perSlice || slice.key.isEmpty())
        return;
    QString cursor;
    if (m_stream.incremental->cursorIsRunStart)
        cursor = m_runStart;
    else if (slice.maxSeen)
        cursor = slice.ascending ? *maxOf(slice.oldCursor, slice.maxSeen)
                                 : *maxOf(slice.oldCursor, minOf(*slice.maxSeen, m_runStart));
    else
        cursor = slice.oldCursor.value_or(m_runStart);
    m_partitions.insert(slice.key, cursor);
}

void CursorTracker::noteCursor(int id, const QString &maxCursor)
{
    m_maxSeen = maxOf(m_maxSeen, maxCursor);
    if (const auto it = m_open.find(id); it != m_open.end())
        it->maxSeen = maxOf(it->maxSeen, maxCursor);
}

QJsonObject CursorTracker::stateNow(bool final) const
{
    if (!m_stream.incremental)
        return {};
    const auto &inc = *m_stream.incremental;
    QJsonObject state;
    if (inc.perSlice) {
        QJsonObject partitions = final ? QJsonObject() : m_oldPartitions;
        for (auto it = m_partitions.begin(); it != m_partitions.end(); ++it)
            partitions.insert(it.key(), it.value());
        if (!final && !inc.cursorIsRunStart) {
            // Slices still being read in cursor order have committed up to their newest record.
            for (const OpenSlice &open : m_open) {
                if (open.ascending && open.maxSeen && !open.key.isEmpty())
                    partitions.insert(open.key, *maxOf(open.oldCursor, open.maxSeen));
            }
        }
        std::optional<QString> oldest;
        for (auto it = partitions.begin(); it != partitions.end(); ++it) {
            const QString value = it.value().toString();
            if (!oldest || value < *oldest)
                oldest = value;
        }
        if (!final && !m_statePartitioned && m_oldCursor)
            oldest = oldest ? minOf(*oldest, *m_oldCursor) : *m_oldCursor;
        if (oldest)
            state.insert(u"cursor"_s, *oldest);
        state.insert(u"partitions"_s, partitions);
        return state;
    }
    std::optional<QString> cursor;
    if (final) {
        if (inc.cursorIsRunStart)
            cursor = m_runStart;
        else if (m_maxSeen)
            cursor = (m_ascending && m_singleSlice) ? maxOf(m_oldCursor, m_maxSeen)
                                                    : maxOf(m_oldCursor, minOf(*m_maxSeen, m_runStart));
        else
            cursor = m_oldCursor ? m_oldCursor : std::optional<QString>(m_runStart);
    } else if (m_ascending && m_singleSlice && m_maxSeen) {
        cursor = inc.cursorIsRunStart ? maxOf(m_oldCursor, minOf(*m_maxSeen, m_runStart)) : maxOf(m_oldCursor, m_maxSeen);
    } else {
        cursor = m_oldCursor;
    }
    if (cursor)
        state.insert(u"cursor"_s, *cursor);
    return state;
}

} // namespace Opbox
