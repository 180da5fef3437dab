// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QUrl>

namespace Opbox {

/**
 * Which `Host` headers the API server answers: the guard against DNS rebinding,
 * where a web page makes the browser send requests to our loopback port under the page's own host
 * name. A server listening on loopback only answers loopback names and its public URL's host; one
 * bound to another address was exposed on purpose and answers any host.
 */
class HostHeaderPolicy
{
public:
    /** The policy of a server listening on `listenAddress`, reachable as `publicUrl` (may be empty). */
    [[nodiscard]] static HostHeaderPolicy forServer(const QHostAddress &listenAddress, const QUrl &publicUrl);

    /** Whether a request with this `Host` header is answered (no header: HTTP/1.0, not a browser). */
    [[nodiscard]] bool allows(const QByteArray &hostHeader) const;
    /** The host part of a `Host` header, lower-case, without port, brackets or a trailing dot. */
    [[nodiscard]] static QString hostOf(const QByteArray &hostHeader);

private:
    bool m_anyHost = true;
    QString m_publicHost;
};

} // namespace Opbox
