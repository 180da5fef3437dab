// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/httprequestframer.h"

#include <QCoreApplication>
#include <QList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

constexpr qsizetype MaxChunkSizeLine = 1024;

QString sizeText(qint64 bytes)
{
    if (bytes % (1024 * 1024) == 0)
        return QCoreApplication::translate("HttpRequestFramer", "%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes % 1024 == 0)
        return QCoreApplication::translate("HttpRequestFramer", "%1 KiB").arg(bytes / 1024);
    return QCoreApplication::translate("HttpRequestFramer", "%1 bytes").arg(bytes);
}

HttpRequestFramer::Refusal malformed(const QString &code, const QString &message)
{
    return {400, code, message};
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Visible ASCII only: a request line with control characters or spaces in its parts is not one
// that every parser would split the same way.
bool isToken(QByteArrayView part)
{
    if (part.isEmpty())
        return false;
    for (const char c : part) {
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f)
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
        v.chop(1);
    return v;
}

} // namespace

HttpRequestFramer::HttpRequestFramer(const HttpLimits &limits)
    : m_limits(limits)
{
}

std::optional<HttpRequestFramer::Refusal> HttpRequestFramer::refuse(Refusal refusal)
{
    m_state = State::Refused;
    m_head.clear();
    m_chunkLine.clear();
    return refusal;
}

void HttpRequestFramer::completeRequest()
{
    ++m_completed;
    m_state = State::Start;
    m_head.clear();
    m_requestLineEnd = -1;
    m_chunkLine.clear();
    m_remaining = 0;
    m_bodyBytes = 0;
    m_framingBytes = 0;
    m_lineEndSeen = 0;
}

std::optional<HttpRequestFramer::Refusal> HttpRequestFramer::feed(QByteArrayView bytes)
{
    qsizetype i = 0;
    while (i < bytes.size()) {
        switch (m_state) {
        case State::Refused: return std::nullopt;
        case State::Start:
            // Line ends and blanks before a request line are skipped (left over from the previous
            // request); they still count against the head, so they cannot go on forever.
            m_state = State::Head;
            [[fallthrough]];
        case State::Head:
            if (auto refusal = takeHeadByte(bytes[i++]))
                return refusal;
            break;
        case State::Body: {
            const qint64 n = qMin<qint64>(m_remaining, bytes.size() - i);
            m_remaining -= n;
            i += n;
            if (m_remaining == 0)
                completeRequest();
            break;
        }
        case State::ChunkSize:
            if (auto refusal = takeChunkSizeByte(bytes[i++]))
                return refusal;
            break;
        case State::ChunkData: {
            const qint64 n = qMin<qint64>(m_remaining, bytes.size() - i);
            m_remaining -= n;
            i += n;
            if (m_remaining == 0) {
                m_state = State::ChunkDataEnd;
                m_lineEndSeen = 0;
            }
            break;
        }
        case State::ChunkDataEnd:
        case State::LastChunkEnd:
            if (auto refusal = takeFraming(bytes[i++], m_lineEndSeen == 0 ? '\r' : '\n'))
                return refusal;
            break;
        }
    }
    return std::nullopt;
}

std::optional<HttpRequestFramer::Refusal> HttpRequestFramer::takeHeadByte(char c)
{
    if (m_head.size() >= m_limits.maxHeadBytes) {
        return refuse({431, u"HEADERS_TOO_LARGE"_s,
                       tr("the request line and headers are larger than %1").arg(sizeText(m_limits.maxHeadBytes))});
    }
    if (m_head.isEmpty() && (c == '\v' || c == '\n' || c == '\r' || c == ' ' || c == '\t')) {
        // Counted, not kept: the head limit also bounds how many of them a client may send.
        ++m_framingBytes;
        if (m_framingBytes > m_limits.maxHeadBytes) {
            return refuse({431, u"HEADERS_TOO_LARGE"_s,
                           tr("the request line and headers are larger than %1").arg(sizeText(m_limits.maxHeadBytes))});
        }
        return std::nullopt;
    }
    m_head.append(c);
    if (c != '\n')
        return std::nullopt;
    if (m_requestLineEnd < 0) {
        m_requestLineEnd = m_head.size() - 1;
        return checkRequestLine(QByteArrayView(m_head).first(m_requestLineEnd));
    }
    if (m_head.endsWith("\n\r\n") || m_head.endsWith("\n\n"))
        return endOfHead();
    return std::nullopt;
}

std::optional<HttpRequestFramer::Refusal> HttpRequestFramer::checkRequestLine(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    const QList<QByteArrayView> parts = [line] {
        QList<QByteArrayView> out;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= line.size(); ++i) {
            if (i == line.size() || line[i] == ' ') {
                if (i > start)
                    out.append(line.sliced(start, i - start));
                start = i + 1;
            }
        }
        return out;
    }();
    const Refusal bad = malformed(u"MALFORMED_REQUEST"_s, tr("the request line is not \"METHOD TARGET HTTP/1.1\""));
    if (parts.size() != 3 || !isToken(parts[0]) || !isToken(parts[1]))
        return refuse(bad);
    const QByteArrayView version = parts[2];
    if (version.size() != 8 || !version.startsWith("HTTP/") || !isDigit(version[5]) || version[6] != '.'
        || !isDigit(version[7])) {
        return refuse(bad);
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        return refuse(
            {505, u"HTTP_VERSION_NOT_SUPPORTED"_s,
             tr("HTTP version %1 is not supported (HTTP/1.0 and HTTP/1.1 are)").arg(QString::fromLatin1(version.sliced(5)))});
    }
    return std::nullopt;
}

std::optional<HttpRequestFramer::Refusal> HttpRequestFramer::endOfHead()
{
    const QByteArrayView headers = QByteArrayView(m_head).sliced(m_requestLineEnd + 1);
    std::optional<QByteArrayView> contentLength;
    QByteArray transferEncoding;
    bool hasTransferEncoding = false;
    qsizetype start = 0;
    while (start < headers.size()) {
        qsizetype end = headers.indexOf('\n', start);
        if (end < 0)
            end = headers.size();
        QByteArrayView line = headers.sliced(start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        // A continuation line (leading blank) or a name with blanks is read differently by
        // different parsers: refused rather than guessed.
        if (line.front() == ' ' || line.front() == '\t' || colon <= 0 || !isToken(line.first(colon)))
            return refuse(malformed(u"MALFORMED_REQUEST"_s, tr("a header line is not \"Name: value\"")));
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            const bool digits = !value.isEmpty() && value.size() <= 18 && std::all_of(value.begin(), value.end(), isDigit);
            if (!digits)
                return refuse(malformed(u"INVALID_CONTENT_LENGTH"_s, tr("the Content-Length header is not a number")));
            if (contentLength && value.toLongLong() != contentLength->toLongLong()) {
                return refuse(
                    malformed(u"INVALID_CONTENT_LENGTH"_s, tr("the request has several Content-Length headers that disagree")));
            }
            contentLength = value;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            if (hasTransferEncoding)
                transferEncoding += ", ";
            transferEncoding += value.toByteArray().toLower();
            hasTransferEncoding = true;
        }
    }
    if (hasTransferEncoding && contentLength) {
        return refuse(
            malformed(u"AMBIGUOUS_LENGTH"_s, tr("the request has both Transfer-Encoding and Content-Length; send one of them")));
    }
    if (hasTransferEncoding) {
        if (transferEncoding != "chunked") {
            return refuse(malformed(u"UNSUPPORTED_TRANSFER_ENCODING"_s, tr("only the chunked transfer encoding is supported")));
        }
        m_state = State::ChunkSize;
        m_chunkLine.clear();
        m_framingBytes = 0;
        return std::nullopt;
    }
    const qint64 length = contentLength ? contentLength->toLongLong() : 0;
    if (length > m_limits.maxBodyBytes) {
        return refuse(
            {413, u"PAYLOAD_TOO_LARGE"_s, tr("the request body is larger than %1").arg(sizeText(m_limits.maxBodyBytes))});
    }
    if (length == 0) {
        completeRequest();
        return std::nullopt;
    }
    m_state = State::Body;
    m_remaining = length;
    m_head.clear();
    return std::nullopt;
}

std::optional<HttpRequestFramer::Refusal> HttpRequestFramer::framingTooLarge()
{
    return refuse({413, u"PAYLOAD_TOO_LARGE"_s,
                   tr("the chunk framing of the request body is larger than %1").arg(sizeText(m_limits.maxChunkFramingBytes))});
}

std::optional<HttpRequestFramer::Refusal> HttpRequestFramer::takeChunkSizeByte(char c)
{
    if (++m_framingBytes > m_limits.maxChunkFramingBytes)
        return framingTooLarge();
    m_chunkLine.append(c);
    if (m_chunkLine.size() > MaxChunkSizeLine)
        return refuse(malformed(u"MALFORMED_CHUNK"_s, tr("a chunk-size line of the request body is too long")));
    if (c != '\n')
        return std::nullopt;
    QByteArrayView line(m_chunkLine);
    if (!line.endsWith("\r\n"))
        return refuse(malformed(u"MALFORMED_CHUNK"_s, tr("a chunk-size line of the request body does not end in CRLF")));
    line.chop(2);
    if (const qsizetype semicolon = line.indexOf(';'); semicolon >= 0)
        line.truncate(semicolon);
    line = trimmed(line);
    if (line.isEmpty() || line.size() > 15 || !std::all_of(line.begin(), line.end(), isHexDigit))
        return refuse(malformed(u"MALFORMED_CHUNK"_s, tr("a chunk size of the request body is not a hexadecimal number")));
    const qint64 size = line.toLongLong(nullptr, 16);
    m_chunkLine.clear();
    if (size == 0) {
        m_state = State::LastChunkEnd;
        m_lineEndSeen = 0;
        return std::nullopt;
    }
    m_bodyBytes += size;
    if (m_bodyBytes > m_limits.maxBodyBytes) {
        return refuse(
            {413, u"PAYLOAD_TOO_LARGE"_s, tr("the request body is larger than %1").arg(sizeText(m_limits.maxBodyBytes))});
    }
    m_state = State::ChunkData;
    m_remaining = size;
    return std::nullopt;
}

std::optional<HttpRequestFramer::Refusal> HttpRequestFramer::takeFraming(char c, char expected)
{
    if (++m_framingBytes > m_limits.maxChunkFramingBytes)
        return framingTooLarge();
    if (c != expected) {
        if (m_state == State::LastChunkEnd)
            return refuse(malformed(u"MALFORMED_CHUNK"_s, tr("trailers after a chunked request body are not supported")));
        return refuse(malformed(u"MALFORMED_CHUNK"_s, tr("a chunk of the request body does not end in CRLF")));
    }
    if (++m_lineEndSeen < 2)
        return std::nullopt;
    if (m_state == State::LastChunkEnd) {
        completeRequest();
    } else {
        m_state = State::ChunkSize;
        m_chunkLine.clear();
    }
    return std::nullopt;
}

} // namespace Opbox
