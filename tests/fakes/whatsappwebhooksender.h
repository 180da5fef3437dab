// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Opbox::Fakes {

/**
 * Meta's side of a WhatsApp Business webhook, for tests and the
 * demo: builds `whatsapp_business_account` deliveries with messages and statuses, signs the exact
 * body bytes the way Meta does (`X-Hub-Signature-256: sha256=<hex HMAC-SHA256 with the app secret>`)
 * and sends them, and performs the `hub.challenge` verification request. Blocking calls with a
 * timeout; use from a thread that may run a nested event loop.
 */
class WhatsAppWebhookSender
{
public:
    /** One inbound text message. */
    struct Message
    {
        QString id; // wamid.…
        QString from; // the sender's wa_id
        QString name; // the sender's profile name
        QDateTime when;
        QString text;
    };
    /** One delivery receipt (sent, delivered, read, failed) of a message sent by the business. */
    struct Status
    {
        QString id; // the message's wamid
        QString status;
        QString recipient;
        QDateTime when;
    };
    /** What the webhook answered. */
    struct Answer
    {
        int status = 0; // 0: no HTTP answer
        QByteArray body;
        QByteArray contentType;
    };

    /** A delivery of `messages` and `statuses` through `phoneNumberId` of account `wabaId`, as compact JSON. */
    [[nodiscard]] static QByteArray payload(const QString &wabaId, const QString &phoneNumberId, const QList<Message> &messages,
                                            const QList<Status> &statuses = {});
    /** `sha256=<hex>` of `body` with `appSecret`. */
    [[nodiscard]] static QByteArray signature(const QByteArray &body, const QString &appSecret);

    /** POSTs `body` to `webhookUrl`, signed with `appSecret` unless it is empty (then unsigned). */
    [[nodiscard]] static Answer deliver(const QUrl &webhookUrl, const QByteArray &body, const QString &appSecret,
                                        int timeoutMs = 15000);
    /** POSTs `body` with exactly the given signature header value (empty: none). */
    [[nodiscard]] static Answer deliverWithSignature(const QUrl &webhookUrl, const QByteArray &body,
                                                     const QByteArray &signatureHeader, int timeoutMs = 15000);
    /** The verification GET: `hub.mode`, `hub.verify_token`, `hub.challenge`. */
    [[nodiscard]] static Answer verify(const QUrl &webhookUrl, const QString &mode, const QString &verifyToken,
                                       const QString &challenge, int timeoutMs = 15000);
};

} // namespace Opbox::Fakes
