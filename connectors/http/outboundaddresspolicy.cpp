// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/http/outboundaddresspolicy.h"

#include <QCoroSignal>
#include <QHostInfo>
#include <QMutex>
#include <QPair>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QMutex policyMutex;
OutboundAddressPolicy &installedPolicy()
{
    static OutboundAddressPolicy policy = OutboundAddressPolicy::allowAll();
    return policy;
}

const QList<QPair<QHostAddress, int>> &internalSubnets()
{
    static const QList<QPair<QHostAddress, int>> subnets = [] {
        QList<QPair<QHostAddress, int>> list;
        for (const char *text : {"0.0.0.0/8", "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
                                 "::/128", "::1/128", "fc00::/7", "fe80::/10"})
            list.append(QHostAddress::parseSubnet(QString::fromLatin1(text)));
        return list;
    }();
    return subnets;
}

/** The IPv4 address an IPv4-mapped IPv6 address stands for (it reaches that IPv4 host). */
QHostAddress normalized(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool mapped = false;
        const quint32 v4 = address.toIPv4Address(&mapped);
        if (mapped)
            return QHostAddress(v4);
    }
    QHostAddress plain = address;
    plain.setScopeId(QString());
    return plain;
}

/** Receives one host lookup on the awaiting coroutine's thread. */
class HostLookup : public QObject
{
    Q_OBJECT
public:
    QHostInfo info;
    bool done = false;
    void lookup(const QString &host)
    {
        QHostInfo::lookupHost(host, this, [this](const QHostInfo &found) {
            info = found;
            done = true;
            Q_EMIT finished();
        });
    }
Q_SIGNALS:
    void finished();
};

} // namespace

OutboundAddressPolicy OutboundAddressPolicy::allowAll()
{
    return OutboundAddressPolicy();
}

OutboundAddressPolicy OutboundAddressPolicy::publicOnly(QSet<quint16> loopbackPorts)
{
    OutboundAddressPolicy policy;
    policy.m_restricts = true;
    policy.m_loopbackPorts = std::move(loopbackPorts);
    return policy;
}

void OutboundAddressPolicy::install(const OutboundAddressPolicy &policy)
{
    QMutexLocker lock(&policyMutex);
    installedPolicy() = policy;
}

OutboundAddressPolicy OutboundAddressPolicy::current()
{
    QMutexLocker lock(&policyMutex);
    return installedPolicy();
}

bool OutboundAddressPolicy::isInternal(const QHostAddress &address)
{
    const QHostAddress plain = normalized(address);
    if (plain.isNull())
        return true;
    for (const auto &subnet : internalSubnets()) {
        if (plain.isInSubnet(subnet))
            return true;
    }
    return false;
}

bool OutboundAddressPolicy::allows(const QHostAddress &address, quint16 port) const
{
    if (!m_restricts || !isInternal(address))
        return true;
    return normalized(address).isLoopback() && m_loopbackPorts.contains(port);
}

bool OutboundAddressPolicy::allowsPlainHttp(const QUrl &url) const
{
    if (url.scheme() != u"http"_s)
        return true;
    if (!m_restricts)
        return true;
    const QHostAddress literal(url.host());
    return !literal.isNull() && normalized(literal).isLoopback() && m_loopbackPorts.contains(quint16(url.port(80)));
}

Error OutboundAddressPolicy::refusal(const QString &host, const QHostAddress &address)
{
    const QString where = QHostAddress(host) == address ? host : tr("%1 (%2)").arg(host, normalized(address).toString());
    return Error::configuration(tr("%1 is a loopback, private or link-local address, which this server does not connect "
                                   "to (start it with --allow-private-hosts to allow such addresses)")
                                    .arg(where));
}

QCoro::Task<Result<QHostAddress>> OutboundAddressPolicy::resolve(QUrl url) const
{
    const QString host = url.host();
    const quint16 port = quint16(url.port(url.scheme() == u"https"_s ? 443 : 80));
    if (host.isEmpty())
        co_return Error::configuration(tr("%1 names no host").arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
    const QHostAddress literal(host);
    if (!literal.isNull()) {
        if (!allows(literal, port))
            co_return refusal(host, literal);
        co_return literal;
    }
    HostLookup lookup;
    lookup.lookup(host);
    if (!lookup.done)
        co_await qCoro(&lookup, &HostLookup::finished);
    if (lookup.info.error() != QHostInfo::NoError || lookup.info.addresses().isEmpty())
        co_return Error::configuration(tr("%1: host not found").arg(host));
    // IPv4 first: one address is connected to, and IPv4 is the one every network routes.
    QList<QHostAddress> addresses = lookup.info.addresses();
    std::stable_partition(addresses.begin(), addresses.end(),
                          [](const QHostAddress &a) { return normalized(a).protocol() == QAbstractSocket::IPv4Protocol; });
    for (const QHostAddress &address : addresses) {
        if (allows(address, port))
            co_return address;
    }
    co_return refusal(host, addresses.constFirst());
}

QCoro::Task<Result<QNetworkRequest>> OutboundAddressPolicy::prepare(QNetworkRequest request) const
{
    if (!m_restricts)
        co_return request;
    auto resolving = resolve(request.url());
    const Result<QHostAddress> address = co_await resolving;
    if (!address)
        co_return address.error();
    if (QHostAddress(request.url().host()) == *address)
        co_return request; // an address already: nothing left to resolve
    co_return pinned(std::move(request), *address);
}

QNetworkRequest OutboundAddressPolicy::pinned(QNetworkRequest request, const QHostAddress &address)
{
    const QUrl original = request.url();
    QUrl target = original;
    target.setHost(normalized(address).toString());
    QByteArray hostHeader = original.host(QUrl::FullyEncoded).toLatin1();
    if (original.port() != -1)
        hostHeader += ':' + QByteArray::number(original.port());
    request.setUrl(target);
    request.setRawHeader("Host", hostHeader);
    // TLS still names and verifies the original host (SNI and the certificate check use it).
    request.setPeerVerifyName(original.host());
    // HTTP/2 would take :authority from the address, not from the Host header; HTTP/1.1 keeps it.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

} // namespace Opbox

#include "outboundaddresspolicy.moc"
