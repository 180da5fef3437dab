// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"
#include "oauthfakeserver.h"

#include <atomic>

namespace Opbox::Fakes {

/**
 * Xero as the real API behaves. The API host serves `GET /connections` (a
 * bare array of tenants) at its root and the Accounting API under /api.xro/2.0: Invoices and
 * Contacts paged by `page`/`pageSize` (max 1000) with a `pagination` object, Accounts unpaged,
 * Organisation; `If-Modified-Since` filtering, `/Date(ms+0000)/` values with JSON-escaped slashes,
 * a required `xero-tenant-id` (403 problem body when wrong), XML unless JSON is accepted, the
 * X-*Limit-Remaining headers and 429 with Retry-After and X-Rate-Limit-Problem. A second host (the
 * identity server, `authServer()`) does the OAuth flow: PKCE, 30-minute access tokens, refresh
 * tokens that rotate on every refresh with a 30-minute reuse grace.
 */
class XeroFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit XeroFakeServer(QObject *parent = nullptr);
    ~XeroFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("ACCOUNTING"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("xero"); }
    /** The registered OAuth client: {client_id, client_secret} (tokens come from the OAuth flow). */
    [[nodiscard]] QJsonObject credentials() const override;
    /** {baseUrl: <origin>/api.xro/2.0, authBaseUrl: <identity server origin>} */
    [[nodiscard]] QJsonObject connectorConfig() const override;

    /** The identity server (authorize, token): token policy, consent and inspection. */
    [[nodiscard]] OAuthFakeServer &authServer() { return m_auth; }

    /** Creates contacts, invoices (each for a contact) and accounts, an hour apart from `start`. */
    void seed(int contacts, int invoices, int accounts, const QDateTime &start = seedEpoch());
    /** Sets UpdatedDateUTC of record `index` (creation order) of a stream (invoices, contacts, accounts); returns its id. */
    QString touch(const QString &stream, int index, const QDateTime &when);
    [[nodiscard]] int count(const QString &stream) const;
    [[nodiscard]] QString tenantId() const;
    /** The `requests`-th API request from now (1 = the next) finds every access token expired (a 401 mid-sync). */
    void expireTokensAtRequest(int requests);

    /** `/Date(ms+0000)/`, Xero's JSON date. */
    [[nodiscard]] static QString dotNetDate(const QDateTime &when, bool withOffset = true);

protected:
    [[nodiscard]] bool isAuthorized(const Request &request) const override;
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] Response rateLimited(const Request &request, const QString &retryAfter) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;
    [[nodiscard]] QList<QPair<QByteArray, QByteArray>> commonHeaders() const override;

private:
    [[nodiscard]] Response collection(const Request &request, const QString &key, const QList<QJsonObject> &records, bool paged);
    [[nodiscard]] Response problem(int status, const QString &title, const QString &detail) const;
    [[nodiscard]] QList<QJsonObject> *records(const QString &stream);

    mutable OAuthFakeServer m_auth; // mutable: a request countdown expires its tokens from isAuthorized()
    QString m_tenantId;
    QString m_tenantName = QStringLiteral("Demo Company (NZ)");
    QList<QJsonObject> m_contacts;
    QList<QJsonObject> m_invoices;
    QList<QJsonObject> m_accounts;
    mutable std::atomic<int> m_expireAt{0};
};

} // namespace Opbox::Fakes
