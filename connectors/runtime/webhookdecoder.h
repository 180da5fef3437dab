// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Opbox {

/**
 * Turns one inbound webhook delivery of a provider into records of its connector's streams, so
 * the engine stores pushed data without knowing the provider's format. Signature checking is the
 * caller's: a decoder only sees bytes that are already trusted. ConnectorFactory hands out the
 * decoder of a connector type.
 */
class WebhookDecoder
{
public:
    /** The records of one stream in a delivery. */
    struct StreamRecords {
        QString stream;
        QStringList primaryKey;
        QJsonArray records;
    };

    /** A decoded delivery: the records per stream (streams without records left out). */
    struct Decoded {
        QList<StreamRecords> streams;
        // Items that cannot be stored (no id, a timestamp that is no time): why, one line each. They
        // are left out rather than refusing the delivery, which the provider would resend.
        QStringList skipped;
        [[nodiscard]] qsizetype count(const QString &stream) const;
    };

    virtual ~WebhookDecoder() = default;
    /** The records of `body`, or a Malformed error saying why the delivery cannot be read. */
    [[nodiscard]] virtual Result<Decoded> decode(const QByteArray &body) const = 0;
};

} // namespace Opbox
