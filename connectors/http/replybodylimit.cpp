// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/http/replybodylimit.h"

#include <QNetworkReply>
#include <utility>

namespace Opbox {

struct ReplyBodyLimit::State
{
    QByteArray body;
    qint64 maxBytes = 0;
    bool exceeded = false;

    /** Moves what `reply` holds into the body, or gives up on the reply once it is too large. */
    void drain(QNetworkReply *reply)
    {
        if (exceeded || !reply->isOpen())
            return;
        const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (declared > maxBytes || body.size() + reply->bytesAvailable() > maxBytes) {
            exceeded = true;
            body = QByteArray();
            reply->abort();
            return;
        }
        body += reply->readAll();
    }
};

ReplyBodyLimit::ReplyBodyLimit(QNetworkReply *reply, qint64 maxBytes)
    : m_reply(reply)
    , m_state(std::make_shared<State>())
{
    m_state->maxBytes = maxBytes;
    // The state is shared with the connections: the reply may outlive this object (deleteLater).
    const std::shared_ptr<State> state = m_state;
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [state, reply] { state->drain(reply); });
    QObject::connect(reply, &QIODevice::readyRead, reply, [state, reply] { state->drain(reply); });
}

bool ReplyBodyLimit::exceeded() const
{
    return m_state->exceeded;
}

QByteArray ReplyBodyLimit::take()
{
    m_state->drain(m_reply);
    return std::exchange(m_state->body, QByteArray());
}

} // namespace Opbox
