// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

namespace Opbox::Fakes {

/**
 * The WhatsApp Business Cloud management API on the Meta Graph API,
 * under /v21.0: bearer system-user token; the account node and its `message_templates` and
 * `phone_numbers` edges with Graph cursor paging (`limit`, `after`, `paging.cursors`, `paging.next`
 * absent on the last page, and short pages before it, because deleted templates are filtered out
 * after paging); Graph error bodies (190 for a bad token, 100 for an unknown node, 80007 with HTTP
 * 400 for the account's rate limit). Also holds the app secret and verify token that the connection's
 * webhook expects; WhatsAppWebhookSender plays Meta's side of the webhook.
 */
class WhatsAppFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit WhatsAppFakeServer(QObject *parent = nullptr);
    ~WhatsAppFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("MESSAGING"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("whatsapp"); }
    /** {accessToken, appSecret, verifyToken}. */
    [[nodiscard]] QJsonObject credentials() const override;
    /** {baseUrl, wabaId}. */
    [[nodiscard]] QJsonObject connectorConfig() const override;

    [[nodiscard]] static QString wabaId() { return QStringLiteral("102290129340398"); }
    [[nodiscard]] static QString appSecret() { return QStringLiteral("fake-app-secret-5f1c2a"); }
    [[nodiscard]] static QString verifyToken() { return QStringLiteral("fake-verify-token-93d0"); }
    /** The id of the first seeded phone number (the one webhook deliveries come through). */
    [[nodiscard]] static QString phoneNumberId() { return QStringLiteral("106540352242922"); }

    /** Adds message templates (every 7th deleted, so not listed) and phone numbers. */
    void seed(int templates, int phoneNumbers);
    /** Templates that the API lists (the deleted ones excluded). */
    [[nodiscard]] int listedTemplateCount() const;
    [[nodiscard]] int phoneNumberCount() const;

protected:
    [[nodiscard]] QString apiPrefix() const override { return QStringLiteral("/v21.0"); }
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] Response rateLimited(const Request &request, const QString &retryAfter) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;

private:
    [[nodiscard]] Response graphError(int status, int code, const QString &type, const QString &message) const;
    [[nodiscard]] Response edge(const Request &request, const QList<QJsonObject> &items);

    QList<QJsonObject> m_templates; // with "deleted": true for the ones that are filtered out
    QList<QJsonObject> m_phoneNumbers;
};

} // namespace Opbox::Fakes
