// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/httpheaders.h"
#include "base/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace Opbox {

/**
 * A provider's rules for its inbound webhooks: proving a delivery came from the provider, answering
 * its subscription handshake, and turning a delivery into records of its connector's streams, so
 * the engine receives pushed data without knowing the provider's signatures or format. The engine
 * calls decode only with a body that verifyDelivery accepted. ConnectorFactory hands out the
 * decoder of a connector type.
 */
class WebhookDecoder
{
public:
    /** The headers of a request, names as received. */
    using Headers = HttpHeaders;

    /** The records of one stream in a delivery. */
    struct StreamRecords
    {
        QString stream;
        QStringList primaryKey;
        QJsonArray records;
    };

    /** A decoded delivery: the records per stream (streams without records left out). */
    struct Decoded
    {
        QList<StreamRecords> streams;
        // Items that cannot be stored (no id, a timestamp that is no time): why, one line each. They
        // are left out rather than refusing the delivery, which the provider would resend.
        QStringList skipped;
        [[nodiscard]] qsizetype count(const QString &stream) const;
    };

    virtual ~WebhookDecoder() = default;

    /**
     * Whether the raw `body` with `headers` provably comes from the provider, checked with the
     * connection's decrypted `credentials`: an Unauthorized error when it does not, or when the
     * connection lacks the credential to check it with. Errors never contain a secret; the engine
     * counts Unauthorized and Forbidden ones against the connection to slow down guessing.
     */
    [[nodiscard]] virtual Result<void> verifyDelivery(const QByteArray &body, const Headers &headers,
                                                      const QJsonObject &credentials) const = 0;
    /**
     * The body answering the provider's subscription handshake (a GET on the webhook URL with
     * `query`): a Forbidden error when the query does not prove it knows the connection's
     * `credentials` (or the connection has none to check it with), an Invalid one when it is
     * malformed. Errors never contain a secret.
     */
    [[nodiscard]] virtual Result<QByteArray> answerHandshake(const QUrlQuery &query, const QJsonObject &credentials) const = 0;
    /** The records of `body`, or a Malformed error saying why the delivery cannot be read. */
    [[nodiscard]] virtual Result<Decoded> decode(const QByteArray &body) const = 0;
};

} // namespace Opbox
