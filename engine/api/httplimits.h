// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <chrono>

namespace Opbox {

/**
 * What one HTTP listener grants a client before it has sent a valid request: the defaults are
 * the product's limits; tests shorten the timeouts so that they need not wait for them.
 */
struct HttpLimits
{
    /** Request line plus headers; over it → 431. */
    qint64 maxHeadBytes = 16 * 1024;
    /** Declared or received body; over it → 413. */
    qint64 maxBodyBytes = 1024 * 1024;
    /** Chunk-size lines and line ends of one chunked body, which a client could inflate. */
    qint64 maxChunkFramingBytes = 64 * 1024;
    /** Time to complete a request after connecting or after the previous answer. */
    std::chrono::milliseconds requestTimeout{30000};
    /** How long a refused connection may go on sending before it is cut. */
    std::chrono::milliseconds refusedLinger{2000};
    /** Open connections per listener. */
    int maxConnections = 256;

    /** What a connection may hold in its read buffer: one complete request at the limits. */
    [[nodiscard]] qint64 readBufferBytes() const { return maxHeadBytes + maxBodyBytes + maxChunkFramingBytes + 64 * 1024; }
};

} // namespace Opbox
