// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/providers/whatsapp/whatsappwebhookdecoder.h"

#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/recordnormalizer.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Opbox {

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
