// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/webhookdecoder.h"

#include <QCoreApplication>

namespace Opbox {

/**
 * Reads one WhatsApp Business webhook delivery: every
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

    [[nodiscard]] Result<Decoded> decode(const QByteArray &body) const override;
};

} // namespace Opbox
