// SPDX-License-Identifier: GPL-3.0-or-later
#include "whatsappwebhooksender.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

WhatsAppWebhookSender::Answer send(QNetworkRequest request, const QByteArray &method, const QByteArray &body, int timeoutMs)
{
    QNetworkAccessManager network;
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader("User-Agent", "facebookexternalua");
    QNetworkReply *reply = method == "GET" ? network.get(request) : network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    WhatsAppWebhookSender::Answer answer;
    if (reply->isFinished()) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.contentType = reply->rawHeader("Content-Type");
    }
    reply->abort();
    delete reply;
    return answer;
}

} // namespace

QByteArray WhatsAppWebhookSender::payload(const QString &wabaId, const QString &phoneNumberId, const QList<Message> &messages,
                                          const QList<Status> &statuses)
{
    QJsonArray contacts;
    QJsonArray messageList;
    for (const auto &m : messages) {
        contacts.append(QJsonObject{{u"profile"_s, QJsonObject{{u"name"_s, m.name}}}, {u"wa_id"_s, m.from}});
        messageList.append(QJsonObject{{u"from"_s, m.from},
                                       {u"id"_s, m.id},
                                       {u"timestamp"_s, QString::number(m.when.toSecsSinceEpoch())},
                                       {u"type"_s, u"text"_s},
                                       {u"text"_s, QJsonObject{{u"body"_s, m.text}}}});
    }
    QJsonArray statusList;
    for (const auto &s : statuses) {
        QJsonObject status{{u"id"_s, s.id},
                           {u"status"_s, s.status},
                           {u"timestamp"_s, QString::number(s.when.toSecsSinceEpoch())},
                           {u"recipient_id"_s, s.recipient}};
        if (s.status != u"read"_s) {
            status.insert(u"conversation"_s,
                          QJsonObject{{u"id"_s, u"CONVERSATION_ID"_s}, {u"origin"_s, QJsonObject{{u"type"_s, u"service"_s}}}});
            status.insert(u"pricing"_s,
                          QJsonObject{{u"billable"_s, true}, {u"pricing_model"_s, u"CBP"_s}, {u"category"_s, u"service"_s}});
        }
        statusList.append(status);
    }
    QJsonObject value{
        {u"messaging_product"_s, u"whatsapp"_s},
        {u"metadata"_s, QJsonObject{{u"display_phone_number"_s, u"15550783881"_s}, {u"phone_number_id"_s, phoneNumberId}}}};
    if (!messageList.isEmpty()) {
        value.insert(u"contacts"_s, contacts);
        value.insert(u"messages"_s, messageList);
    }
    if (!statusList.isEmpty())
        value.insert(u"statuses"_s, statusList);
    const QJsonObject root{
        {u"object"_s, u"whatsapp_business_account"_s},
        {u"entry"_s,
         QJsonArray{QJsonObject{{u"id"_s, wabaId},
                                {u"changes"_s, QJsonArray{QJsonObject{{u"field"_s, u"messages"_s}, {u"value"_s, value}}}}}}}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray WhatsAppWebhookSender::signature(const QByteArray &body, const QString &appSecret)
{
    return "sha256=" + QMessageAuthenticationCode::hash(body, appSecret.toUtf8(), QCryptographicHash::Sha256).toHex();
}

WhatsAppWebhookSender::Answer WhatsAppWebhookSender::deliver(const QUrl &webhookUrl, const QByteArray &body,
                                                             const QString &appSecret, int timeoutMs)
{
    return deliverWithSignature(webhookUrl, body, appSecret.isEmpty() ? QByteArray() : signature(body, appSecret), timeoutMs);
}

WhatsAppWebhookSender::Answer WhatsAppWebhookSender::deliverWithSignature(const QUrl &webhookUrl, const QByteArray &body,
                                                                          const QByteArray &signatureHeader, int timeoutMs)
{
    QNetworkRequest request(webhookUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!signatureHeader.isEmpty())
        request.setRawHeader("X-Hub-Signature-256", signatureHeader);
    return send(request, "POST", body, timeoutMs);
}

WhatsAppWebhookSender::Answer WhatsAppWebhookSender::verify(const QUrl &webhookUrl, const QString &mode,
                                                            const QString &verifyToken, const QString &challenge, int timeoutMs)
{
    QUrl url = webhookUrl;
    QUrlQuery query;
    query.addQueryItem(u"hub.mode"_s, mode);
    query.addQueryItem(u"hub.challenge"_s, challenge);
    query.addQueryItem(u"hub.verify_token"_s, verifyToken);
    url.setQuery(query);
    return send(QNetworkRequest(url), "GET", {}, timeoutMs);
}

} // namespace Opbox::Fakes
