// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/webhookdecoder.h"

#include <QCoreApplication>

namespace Opbox {

/**
 * Meta's webhook rules for WhatsApp Business: a delivery is genuine when its `X-Hub-Signature-256`
 * is `sha256=<hex>` of HMAC-SHA256 over the raw body with the app's `appSecret`; the subscription
 * handshake (`hub.mode=subscribe`) is answered with `hub.challenge` when `hub.verify_token` equals
 * the `verifyToken` credential. A delivery is read like this: every
 * `entry[].changes[].value` of field `messages` may hold `messages[]` and `statuses[]`. Each
 * message or status becomes a record of the MESSAGING manifest's `messages` or `message_statuses`
 * stream, with the account and phone number it came through (and the sender's profile name), and
 * normalised like a synced record (the unix-seconds `timestamp` becomes ISO-8601 UTC). Items that
 * cannot be stored are skipped, not refused: Meta would resend the delivery for days.
 */
class WhatsAppWebhookDecoder final : public WebhookDecoder
{
    Q_DECLARE_TR_FUNCTIONS(WhatsAppWebhookDecoder)
public:
    /** The connector type whose webhooks this decoder reads. */
    static constexpr QStringView ConnectorType = u"MESSAGING";

    [[nodiscard]] Result<void> verifyDelivery(const QByteArray &body, const Headers &headers,
                                              const QJsonObject &credentials) const override;
    [[nodiscard]] Result<QByteArray> answerHandshake(const QUrlQuery &query, const QJsonObject &credentials) const override;
    [[nodiscard]] Result<Decoded> decode(const QByteArray &body) const override;
};

} // namespace Opbox
