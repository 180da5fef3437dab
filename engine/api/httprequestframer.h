// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/api/httplimits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace Opbox {

/**
 * Follows the framing of the HTTP/1.x requests on one connection as their bytes arrive, and names
 * the first rule or limit a request breaks before anything has buffered it: a head over the
 * limit, a body declared or sent over it, a malformed request line, header or chunk, an unknown
 * HTTP version, or Transfer-Encoding together with Content-Length. It accepts only the strict
 * form of what QtHttpServer parses, so that the two always agree on where a request ends.
 */
class HttpRequestFramer
{
    Q_DECLARE_TR_FUNCTIONS(HttpRequestFramer)

public:
    /** Why a request is refused: the status and the error envelope's code and message. */
    struct Refusal
    {
        int status = 400;
        QString code;
        QString message;
    };

    explicit HttpRequestFramer(const HttpLimits &limits);

    /** Takes the next bytes of the connection; the refusal of the request they belong to, if any. */
    [[nodiscard]] std::optional<Refusal> feed(QByteArrayView bytes);

    /** Requests completed so far. */
    [[nodiscard]] int completedRequests() const { return m_completed; }

private:
    enum class State { Start, Head, Body, ChunkSize, ChunkData, ChunkDataEnd, LastChunkEnd, Refused };

    [[nodiscard]] std::optional<Refusal> takeHeadByte(char c);
    [[nodiscard]] std::optional<Refusal> checkRequestLine(QByteArrayView line);
    [[nodiscard]] std::optional<Refusal> endOfHead();
    [[nodiscard]] std::optional<Refusal> takeChunkSizeByte(char c);
    [[nodiscard]] std::optional<Refusal> takeFraming(char c, char expected);
    [[nodiscard]] std::optional<Refusal> refuse(Refusal refusal);
    [[nodiscard]] std::optional<Refusal> framingTooLarge();
    void completeRequest();

    HttpLimits m_limits;
    State m_state = State::Start;
    QByteArray m_head; // request line and headers of the current request, at most the limit
    qsizetype m_requestLineEnd = -1; // index of the request line's '\n' in m_head
    QByteArray m_chunkLine;
    qint64 m_remaining = 0; // body or chunk bytes still to come
    qint64 m_bodyBytes = 0; // data of a chunked body so far
    qint64 m_framingBytes = 0;
    int m_lineEndSeen = 0; // of the CRLF expected after a chunk
    int m_completed = 0;
};

} // namespace Opbox
