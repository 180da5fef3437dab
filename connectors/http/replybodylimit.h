// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <memory>

class QNetworkReply;

namespace Opbox {

/**
 * Collects a network reply's body as it arrives and aborts the reply as soon as it is larger than
 * a limit (by its Content-Length or by what arrived, after decompression), so that a provider
 * cannot make the process hold an answer of any size.
 */
class ReplyBodyLimit
{
public:
    /** Starts watching `reply` (before its first bytes can arrive: right after it was sent). */
    ReplyBodyLimit(QNetworkReply *reply, qint64 maxBytes);

    /** Whether the body went over the limit (the reply was then aborted and the body dropped). */
    [[nodiscard]] bool exceeded() const;
    /** The body that arrived; call once the reply has finished. Empty when it exceeded the limit. */
    [[nodiscard]] QByteArray take();

private:
    struct State;
    QNetworkReply *m_reply;
    std::shared_ptr<State> m_state;
};

} // namespace Opbox
