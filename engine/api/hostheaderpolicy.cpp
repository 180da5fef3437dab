// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/hostheaderpolicy.h"

using namespace Qt::StringLiterals;

namespace Opbox {

HostHeaderPolicy HostHeaderPolicy::forServer(const QHostAddress &listenAddress, const QUrl &publicUrl)
{
    HostHeaderPolicy policy;
    policy.m_anyHost = !listenAddress.isLoopback();
    policy.m_publicHost = publicUrl.host().toLower();
    return policy;
}

QString HostHeaderPolicy::hostOf(const QByteArray &hostHeader)
{
    QString host = QString::fromLatin1(hostHeader.trimmed()).toLower();
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        host = close > 0 ? host.mid(1, close - 1) : QString();
    } else if (const qsizetype colon = host.lastIndexOf(u':'); colon >= 0) {
        host.truncate(colon);
    }
    while (host.endsWith(u'.'))
        host.chop(1);
    return host;
}

bool HostHeaderPolicy::allows(const QByteArray &hostHeader) const
{
    if (m_anyHost || hostHeader.trimmed().isEmpty())
        return true;
    const QString host = hostOf(hostHeader);
    if (host.isEmpty())
        return false;
    // Names under .localhost never leave the machine (RFC 6761): no DNS answer can rebind them.
    if (host == u"localhost"_s || host.endsWith(u".localhost"_s))
        return true;
    const QHostAddress address(host);
    if (!address.isNull())
        return address.isLoopback();
    return !m_publicHost.isEmpty() && host == m_publicHost;
}

} // namespace Opbox
