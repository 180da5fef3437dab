// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP answers read straight off a socket, for tests that speak to the server byte by byte.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPair>

namespace RawHttp {

/** One answer as read off the wire. */
struct Response
{
    QByteArray statusLine;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        for (const auto &[n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
};

/**
 * Takes one complete response (headers plus Content-Length bytes) off the front of `buffer`;
 * false while it is still incomplete.
 */
inline bool takeResponse(QByteArray &buffer, Response &out)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    Response r;
    r.statusLine = lines.value(0).trimmed();
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon < 0)
            continue;
        r.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
        if (r.headers.last().first.compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = r.headers.last().second.toLongLong();
    }
    if (buffer.size() < end + 4 + length)
        return false;
    r.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    out = r;
    return true;
}

/** Resident memory of this process in bytes (VmRSS), or -1 where /proc has no such line. */
inline qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

} // namespace RawHttp
