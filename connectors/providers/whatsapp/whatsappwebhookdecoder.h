// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Opbox {

/**
 * Reads one WhatsApp Business webhook delivery: every
 * `entry[].changes[].value` of field `messages` may hold `messages[]` and `statuses[]`. Each
 * message or status becomes a record of the MESSAGING manifest's `messages` or `message_statuses`
 * stream, with the account and phone number it came through (and the sender's profile name), and
 * normalised like a synced record (the unix-seconds `timestamp` becomes ISO-8601 UTC). Signature
 * checking is the caller's: this class only sees bytes that are already trusted.
 */
class WhatsAppWebhookDecoder
{
    Q_DECLARE_TR_FUNCTIONS(WhatsAppWebhookDecoder)
public:
    /** The records of one stream in a delivery. */
    struct StreamRecords {
        QString stream;
        QStringList primaryKey;
        QJsonArray records;
    };

    /** A decoded delivery: the records per stream (streams without records left out), or why not. */
    struct Decoded {
        bool ok = false;
        QString error;
        QList<StreamRecords> streams;
        // Items that cannot be stored (no id, a timestamp that is no time): why, one line each. They
        // are left out rather than refusing the delivery, which Meta would resend for days.
        QStringList skipped;
        [[nodiscard]] qsizetype count(const QString &stream) const;
    };

    /** The connector type whose webhooks this decoder reads. */
    static constexpr QStringView ConnectorType = u"MESSAGING";

    [[nodiscard]] static Decoded decode(const QByteArray &body);
};

} // namespace Opbox
