// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"
#include "oauthfakeserver.h"

#include <atomic>

namespace Opbox::Fakes {

/**
 * DocuSign eSignature REST v2.1 as the real API behaves, on two hosts like
 * the real service: the account server (`authServer()`: /oauth/auth, /oauth/token with PKCE and
 * rotating refresh tokens, /oauth/userinfo whose `base_uri` points at this API host) and the API
 * host under /restapi/v2.1/accounts/<accountId>: envelopes (listStatusChanges: `from_date`
 * required, `start_position`/`count`, counts as strings, `nextUri`, no `envelopes` key when empty,
 * 7-digit fractional timestamps), templates (`envelopeTemplates`) and users, with DocuSign's
 * `errorCode`/`message` bodies and X-RateLimit-* / X-BurstLimit-* headers.
 */
class DocuSignFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit DocuSignFakeServer(QObject *parent = nullptr);
    ~DocuSignFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("DOC_SIGNING"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("docusign"); }
    /** The registered OAuth client: {client_id, client_secret}. */
    [[nodiscard]] QJsonObject credentials() const override;
    /** {authBaseUrl: <account server origin>}: the API base comes from userinfo's base_uri. */
    [[nodiscard]] QJsonObject connectorConfig() const override;

    [[nodiscard]] OAuthFakeServer &authServer() { return m_auth; }
    [[nodiscard]] QString accountId() const;

    /** Creates envelopes (a status change an hour apart from `start`), templates and users. */
    void seed(int envelopes, int templates, int users, const QDateTime &start = seedEpoch());
    /** Moves envelope `index` to a new status at `when`; returns its id. */
    QString touchEnvelope(int index, const QDateTime &when, const QString &status = QStringLiteral("completed"));
    [[nodiscard]] int count(const QString &stream) const;
    /** The `requests`-th API request from now (1 = the next) finds every access token expired. */
    void expireTokensAtRequest(int requests);
    /**
     * Whether the consenting user is an account admin (default true). A user who is not may read
     * envelopes and templates, but users answers 400 USER_LACKS_PERMISSIONS, as DocuSign does.
     */
    void setAccountAdmin(bool admin);

protected:
    [[nodiscard]] QString apiPrefix() const override { return QStringLiteral("/restapi"); }
    [[nodiscard]] bool isAuthorized(const Request &request) const override;
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] Response rateLimited(const Request &request, const QString &retryAfter) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;
    [[nodiscard]] QList<QPair<QByteArray, QByteArray>> commonHeaders() const override;

private:
    [[nodiscard]] Response envelopes(const Request &request);
    [[nodiscard]] Response list(const Request &request, const QString &key, const QList<QJsonObject> &records,
                                bool omitWhenEmpty);
    [[nodiscard]] Response docuSignError(int status, const QString &code, const QString &message) const;

    mutable OAuthFakeServer m_auth; // mutable: a request countdown expires its tokens from isAuthorized()
    QString m_accountId = QStringLiteral("93be49ab-0000-4adf-933c-f752070d71ec");
    QList<QJsonObject> m_envelopes;
    QList<QJsonObject> m_templates;
    QList<QJsonObject> m_users;
    mutable std::atomic<int> m_expireAt{0};
    bool m_admin = true;
};

} // namespace Opbox::Fakes
