// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QHostAddress>
#include <QNetworkRequest>
#include <QSet>
#include <QString>
#include <QUrl>

namespace Opbox {

/**
 * Which addresses the process may send provider requests to. A headless server refuses loopback,
 * private, link-local and unspecified addresses, so that whoever may configure a connection
 * cannot make the server scan or read its own network; the desktop application (its user owns
 * the machine) and `--allow-private-hosts` allow every address, `--demo` exactly the loopback ports
 * of its sandbox. A restricting policy resolves a host once and pins the request to the address it
 * checked, so a name that answers differently the second time (DNS rebinding) cannot slip past.
 * One policy is installed per process, before the first request; every provider request, token
 * request and connection test asks it.
 */
class OutboundAddressPolicy
{
    Q_DECLARE_TR_FUNCTIONS(OutboundAddressPolicy)
public:
    /** Every address (the default: the desktop application, tests). */
    [[nodiscard]] static OutboundAddressPolicy allowAll();
    /** Public addresses only, plus the given ports on the loopback interface. */
    [[nodiscard]] static OutboundAddressPolicy publicOnly(QSet<quint16> loopbackPorts = {});

    /** Makes `policy` the one every later request of this process is checked against (thread-safe). */
    static void install(const OutboundAddressPolicy &policy);
    [[nodiscard]] static OutboundAddressPolicy current();

    /** Whether any address is refused; false: requests go out exactly as built. */
    [[nodiscard]] bool restricts() const { return m_restricts; }
    /** Whether `address` is loopback, private, link-local or unspecified (IPv4-mapped IPv6 included). */
    [[nodiscard]] static bool isInternal(const QHostAddress &address);
    /** Whether a connection to `address`:`port` is allowed. */
    [[nodiscard]] bool allows(const QHostAddress &address, quint16 port) const;
    /**
     * Whether `url` may be plain http: only where internal addresses are allowed (a provider's own
     * servers speak https; plain http is for local test services).
     */
    [[nodiscard]] bool allowsPlainHttp(const QUrl &url) const;

    /**
     * The address `url`'s host resolves to that this policy allows: the host itself when it is an
     * address, else the first allowed address of one lookup. The error names the host and the
     * address it refused.
     */
    [[nodiscard]] QCoro::Task<Result<QHostAddress>> resolve(QUrl url) const;
    /**
     * `request` ready to send: unchanged when nothing is refused; otherwise pinned to the checked
     * address, with the original host kept for the Host header, TLS server name and certificate
     * check. Redirects are left to the caller (each target is checked through this again).
     */
    [[nodiscard]] QCoro::Task<Result<QNetworkRequest>> prepare(QNetworkRequest request) const;

    /** The error for a refused host, naming it and the address. */
    [[nodiscard]] static Error refusal(const QString &host, const QHostAddress &address);

private:
    /** `request` rewritten to connect to `address` while speaking to its original host. */
    [[nodiscard]] static QNetworkRequest pinned(QNetworkRequest request, const QHostAddress &address);

    bool m_restricts = false;
    QSet<quint16> m_loopbackPorts;
};

} // namespace Opbox
