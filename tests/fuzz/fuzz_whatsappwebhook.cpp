// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the WhatsApp webhook decoder: the first line of the input is both the X-Hub-Signature-256
// header and the handshake query, the rest is the delivery body. Only the body's own HMAC may pass
// the signature check, the handshake answers only the right token, and decoding never fails on what
// it skips.
#include "connectors/providers/whatsapp/whatsappwebhookdecoder.h"
#include "fuzzsupport.h"

#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;
using namespace Opbox;
using Opbox::Fuzz::check;

namespace {

const QString AppSecret = u"fuzz-app-secret"_s;
const QString VerifyToken = u"fuzz-verify-token"_s;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Opbox::Fuzz::startApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Opbox::Fuzz::bytes(data, size);
    const qsizetype newline = input.indexOf('\n');
    const QByteArray line = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);

    const WhatsAppWebhookDecoder decoder;
    const QJsonObject credentials{{u"appSecret"_s, AppSecret}, {u"verifyToken"_s, VerifyToken}};
    const QByteArray signature
        = "sha256=" + QMessageAuthenticationCode::hash(body, AppSecret.toUtf8(), QCryptographicHash::Sha256).toHex();

    const Result<void> given = decoder.verifyDelivery(body, {{"X-Hub-Signature-256", line}}, credentials);
    check(!given || line.trimmed().toLower() == signature, "a signature that is not the body's HMAC passed",
          QString::fromLatin1(line.left(200)));
    check(given || given.error().kind == Error::Kind::Unauthorized, "a refused delivery that is not Unauthorized");
    check(bool(decoder.verifyDelivery(body, {{"x-hub-signature-256", signature}}, credentials)),
          "the body's own signature was refused");
    check(!decoder.verifyDelivery(body, {{"X-Hub-Signature-256", signature}}, {{u"verifyToken"_s, VerifyToken}}),
          "a delivery passed without an app secret to check it with");

    const QUrlQuery query(QString::fromUtf8(line));
    if (const Result<QByteArray> answer = decoder.answerHandshake(query, credentials)) {
        check(query.queryItemValue(u"hub.mode"_s, QUrl::FullyDecoded) == u"subscribe"_s
                  && query.queryItemValue(u"hub.verify_token"_s, QUrl::FullyDecoded) == VerifyToken,
              "a handshake without the verify token was answered");
        check(*answer == query.queryItemValue(u"hub.challenge"_s, QUrl::FullyDecoded).toUtf8() && !answer->isEmpty(),
              "the handshake answer is not the challenge");
    }

    if (const Result<WebhookDecoder::Decoded> decoded = decoder.decode(body)) {
        for (const WebhookDecoder::StreamRecords &stream : decoded->streams) {
            check(!stream.records.isEmpty(), "a stream listed without records", stream.stream);
            check(decoded->count(stream.stream) == stream.records.size(), "count() differs from the records", stream.stream);
            for (const QJsonValue &record : stream.records)
                check(record.isObject(), "a record that is not an object", stream.stream);
        }
    } else {
        check(decoded.error().kind == Error::Kind::Malformed, "a delivery refused other than as malformed");
    }
    return 0;
}
