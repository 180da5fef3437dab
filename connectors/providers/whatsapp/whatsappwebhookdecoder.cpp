// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/providers/whatsapp/whatsappwebhookdecoder.h"

#include "base/ids.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/recordnormalizer.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

constexpr qsizetype MaxChallengeLength = 512;
constexpr int Sha256Bytes = 32;

bool isHex(QByteArrayView text)
{
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

/** `sha256=<hex>` compared in constant time with HMAC-SHA256(`appSecret`, `body`). */
bool signatureMatches(const QByteArray &body, const QByteArray &signatureHeader, const QByteArray &appSecret)
{
    static constexpr QByteArrayView prefix = "sha256=";
    const QByteArray header = signatureHeader.trimmed();
    QByteArray given;
    if (header.size() == prefix.size() + 2 * Sha256Bytes && header.left(prefix.size()).toLower() == prefix
        && isHex(QByteArrayView(header).sliced(prefix.size())))
        given = QByteArray::fromHex(header.mid(prefix.size()));

    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const bool computed = HMAC(EVP_sha256(), appSecret.constData(), int(appSecret.size()),
                               reinterpret_cast<const unsigned char *>(body.constData()), size_t(body.size()), mac, &length)
        != nullptr;
    // The comparison always runs over the full length, whatever was sent.
    const bool wellFormed = computed && length == Sha256Bytes && given.size() == Sha256Bytes;
    const QByteArray other = wellFormed ? given : QByteArray(Sha256Bytes, '\0');
    const bool same = CRYPTO_memcmp(mac, other.constData(), Sha256Bytes) == 0;
    OPENSSL_cleanse(mac, sizeof mac);
    return same && wellFormed && !appSecret.isEmpty();
}

} // namespace

Result<void> WhatsAppWebhookDecoder::verifyDelivery(const QByteArray &body, const Headers &headers,
                                                    const QJsonObject &credentials) const
{
    const QByteArray appSecret = credentials.value(u"appSecret"_s).toString().toUtf8();
    if (appSecret.isEmpty()) {
        return Error{Error::Kind::Unauthorized,
                     u"UNAUTHORIZED"_s,
                     tr("this connection has no app secret to check webhook signatures with; set the appSecret "
                        "credential first"),
                     {}};
    }
    if (!signatureMatches(body, headerValue(headers, "X-Hub-Signature-256"), appSecret)) {
        return Error{Error::Kind::Unauthorized,
                     u"INVALID_SIGNATURE"_s,
                     tr("the X-Hub-Signature-256 header is missing or does not match the body"),
                     {}};
    }
    return {};
}

Result<QByteArray> WhatsAppWebhookDecoder::answerHandshake(const QUrlQuery &query, const QJsonObject &credentials) const
{
    const QString mode = query.queryItemValue(u"hub.mode"_s, QUrl::FullyDecoded);
    const QString given = query.queryItemValue(u"hub.verify_token"_s, QUrl::FullyDecoded);
    const QString challenge = query.queryItemValue(u"hub.challenge"_s, QUrl::FullyDecoded);
    const QString expected = credentials.value(u"verifyToken"_s).toString();
    if (expected.isEmpty())
        return Error::forbidden(tr("this connection has no webhook verify token; set the verifyToken credential first"));
    // Evaluated in full before deciding, so that a wrong mode costs what a wrong token costs.
    const bool tokenOk = Ids::sameSecret(given.toUtf8(), expected.toUtf8());
    if (mode != u"subscribe"_s || !tokenOk)
        return Error::forbidden(tr("webhook verification refused: hub.mode must be \"subscribe\" and "
                                   "hub.verify_token must match"));
    if (challenge.isEmpty() || challenge.size() > MaxChallengeLength)
        return Error::invalid(tr("hub.challenge: required, at most %1 characters").arg(MaxChallengeLength));
    return challenge.toUtf8();
}

Result<WebhookDecoder::Decoded> WhatsAppWebhookDecoder::decode(const QByteArray &body) const
{
    Decoded out;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error::malformed(tr("the webhook body is not a JSON object"));
    const auto manifest = ConnectorManifest::forType(ConnectorType.toString());
    const ConnectorManifest::Stream *messagesSpec = manifest ? manifest->stream(u"messages"_s) : nullptr;
    const ConnectorManifest::Stream *statusesSpec = manifest ? manifest->stream(u"message_statuses"_s) : nullptr;
    if (!messagesSpec || !statusesSpec)
        return Error::malformed(tr("the WhatsApp connector is not available"));
    const QJsonObject root = doc.object();
    // Meta sends other objects to apps subscribed to more than WhatsApp; they carry nothing for us.
    if (root.value(u"object"_s).toString() != u"whatsapp_business_account"_s)
        return out;

    const RecordNormalizer messageNormalizer(*messagesSpec);
    const RecordNormalizer statusNormalizer(*statusesSpec);
    QJsonArray messages;
    QJsonArray statuses;
    const QJsonArray entries = root.value(u"entry"_s).toArray();
    for (const auto &entryValue : entries) {
        const QJsonObject entry = entryValue.toObject();
        const QJsonValue wabaId = entry.value(u"id"_s);
        for (const auto &changeValue : entry.value(u"changes"_s).toArray()) {
            const QJsonObject change = changeValue.toObject();
            if (change.value(u"field"_s).toString() != u"messages"_s)
                continue;
            const QJsonObject value = change.value(u"value"_s).toObject();
            const QJsonObject metadata = value.value(u"metadata"_s).toObject();
            QHash<QString, QString> names; // wa_id -> profile name
            for (const auto &contact : value.value(u"contacts"_s).toArray()) {
                const QJsonObject c = contact.toObject();
                const QString name = c.value(u"profile"_s).toObject().value(u"name"_s).toString();
                if (!name.isEmpty())
                    names.insert(c.value(u"wa_id"_s).toString(), name);
            }
            const auto withOrigin = [&](QJsonObject record) {
                if (!wabaId.isUndefined())
                    record.insert(u"waba_id"_s, wabaId);
                if (metadata.contains(u"phone_number_id"_s))
                    record.insert(u"phone_number_id"_s, metadata.value(u"phone_number_id"_s));
                if (metadata.contains(u"display_phone_number"_s))
                    record.insert(u"display_phone_number"_s, metadata.value(u"display_phone_number"_s));
                return record;
            };
            for (const auto &item : value.value(u"messages"_s).toArray()) {
                if (!item.isObject()) {
                    out.skipped.append(tr("a message is not an object"));
                    continue;
                }
                QJsonObject record = withOrigin(item.toObject());
                const QString sender = record.value(u"from"_s).toString();
                if (names.contains(sender))
                    record.insert(u"contact_name"_s, names.value(sender));
                if (const Result<void> normalized = messageNormalizer.normalize(record); !normalized) {
                    out.skipped.append(tr("a message: %1").arg(normalized.error().message));
                    continue;
                }
                messages.append(record);
            }
            for (const auto &item : value.value(u"statuses"_s).toArray()) {
                if (!item.isObject()) {
                    out.skipped.append(tr("a status is not an object"));
                    continue;
                }
                QJsonObject record = withOrigin(item.toObject());
                if (const Result<void> normalized = statusNormalizer.normalize(record); !normalized) {
                    out.skipped.append(tr("a status: %1").arg(normalized.error().message));
                    continue;
                }
                statuses.append(record);
            }
        }
    }
    if (!messages.isEmpty())
        out.streams.append({messagesSpec->name, messagesSpec->primaryKey, messages});
    if (!statuses.isEmpty())
        out.streams.append({statusesSpec->name, statusesSpec->primaryKey, statuses});
    return out;
}

} // namespace Opbox
