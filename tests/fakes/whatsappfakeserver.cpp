// SPDX-License-Identifier: GPL-3.0-or-later
#include "whatsappfakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

const QStringList kTemplateStatuses{u"APPROVED"_s, u"APPROVED"_s, u"PENDING"_s, u"REJECTED"_s, u"PAUSED"_s};
const QStringList kCategories{u"UTILITY"_s, u"MARKETING"_s, u"AUTHENTICATION"_s};

} // namespace

WhatsAppFakeServer::WhatsAppFakeServer(QObject *parent)
    : FakeProviderServer(parent)
{
}

WhatsAppFakeServer::~WhatsAppFakeServer()
{
    stop();
}

QJsonObject WhatsAppFakeServer::credentials() const
{
    return {{u"accessToken"_s, token()}, {u"appSecret"_s, appSecret()}, {u"verifyToken"_s, verifyToken()}};
}

QJsonObject WhatsAppFakeServer::connectorConfig() const
{
    return {{u"baseUrl"_s, baseUrl().toString()}, {u"wabaId"_s, wabaId()}};
}

void WhatsAppFakeServer::seed(int templates, int phoneNumbers)
{
    QMutexLocker lock(&mutex());
    for (int i = 0; i < templates; ++i) {
        const int n = int(m_templates.size());
        QJsonObject t{
            {u"id"_s, QString::number(1234567890LL + n)},
            {u"name"_s, u"order_update_%1"_s.arg(n)},
            {u"status"_s, kTemplateStatuses.at(n % kTemplateStatuses.size())},
            {u"category"_s, kCategories.at(n % kCategories.size())},
            {u"language"_s, n % 2 ? u"en_US"_s : u"de"_s},
            {u"components"_s,
             QJsonArray{QJsonObject{{u"type"_s, u"BODY"_s}, {u"text"_s, u"Hi {{1}}, order {{2}} has shipped."_s}}}},
            {u"quality_score"_s, QJsonObject{{u"score"_s, u"GREEN"_s}, {u"date"_s, 1717236000 + n}}},
        };
        if (n % 7 == 6)
            t.insert(u"deleted"_s, true);
        m_templates.append(t);
    }
    for (int i = 0; i < phoneNumbers; ++i) {
        const int n = int(m_phoneNumbers.size());
        m_phoneNumbers.append(QJsonObject{
            {u"id"_s, n == 0 ? phoneNumberId() : QString::number(106540352242922LL + n)},
            {u"display_phone_number"_s, u"+1 555-078-%1"_s.arg(3881 + n)},
            {u"verified_name"_s, u"Acme Support %1"_s.arg(n)},
            {u"quality_rating"_s, u"GREEN"_s},
            {u"code_verification_status"_s, u"VERIFIED"_s},
            {u"platform_type"_s, u"CLOUD_API"_s},
            {u"throughput"_s, QJsonObject{{u"level"_s, u"STANDARD"_s}}},
            {u"name_status"_s, u"APPROVED"_s},
            {u"messaging_limit_tier"_s, u"TIER_1K"_s},
        });
    }
}

int WhatsAppFakeServer::listedTemplateCount() const
{
    QMutexLocker lock(&mutex());
    return int(std::count_if(m_templates.begin(), m_templates.end(),
                             [](const QJsonObject &t) { return !t.value(u"deleted"_s).toBool(); }));
}

int WhatsAppFakeServer::phoneNumberCount() const
{
    QMutexLocker lock(&mutex());
    return int(m_phoneNumbers.size());
}

FakeProviderServer::Response WhatsAppFakeServer::graphError(int status, int code, const QString &type,
                                                            const QString &message) const
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(
                 QJsonObject{
                     {u"error"_s,
                      QJsonObject{
                          {u"message"_s, message}, {u"type"_s, type}, {u"code"_s, code}, {u"fbtrace_id"_s, u"EJplcsCHuLu"_s}}}})
                 .toJson(QJsonDocument::Compact);
    return r;
}

QByteArray WhatsAppFakeServer::errorBody(int status, const QString &message) const
{
    return graphError(status, status >= 500 ? 2 : 100, status >= 500 ? u"OAuthException"_s : u"GraphMethodException"_s, message)
        .body;
}

FakeProviderServer::Response WhatsAppFakeServer::unauthorized(const Request & /*request*/) const
{
    return graphError(401, 190, u"OAuthException"_s, u"Invalid OAuth access token - Cannot parse access token"_s);
}

FakeProviderServer::Response WhatsAppFakeServer::rateLimited(const Request & /*request*/, const QString & /*retryAfter*/) const
{
    // The account's rate limit is an HTTP 400 whose code says what happened; no Retry-After.
    return graphError(400, 80007, u"OAuthException"_s,
                      u"(#80007) There have been too many calls to this WhatsApp Business account. Wait a bit and try again."_s);
}

FakeProviderServer::Response WhatsAppFakeServer::edge(const Request &request, const QList<QJsonObject> &items)
{
    int limit = 25;
    if (request.query.hasQueryItem(u"limit"_s))
        limit = std::clamp(request.query.queryItemValue(u"limit"_s).toInt(), 1, 100);
    qsizetype start = 0;
    if (request.query.hasQueryItem(u"after"_s)) {
        const auto position = readOpaqueToken(request.query.queryItemValue(u"after"_s, QUrl::FullyDecoded));
        if (!position)
            return graphError(400, 100, u"OAuthException"_s, u"(#100) Invalid after cursor"_s);
        start = position->value(u"o"_s).toInteger();
    }
    QStringList wanted;
    if (request.query.hasQueryItem(u"fields"_s))
        wanted = request.query.queryItemValue(u"fields"_s, QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts);
    const qsizetype end = std::min<qsizetype>(items.size(), start + limit);
    QJsonArray data;
    for (qsizetype i = start; i < end; ++i) {
        const QJsonObject &item = items.at(i);
        // Filtered after paging, as Graph does: a page can come back short with more to follow.
        if (item.value(u"deleted"_s).toBool())
            continue;
        QJsonObject out;
        for (auto it = item.begin(); it != item.end(); ++it) {
            if (it.key() == u"id"_s || wanted.isEmpty() || wanted.contains(it.key()))
                out.insert(it.key(), it.value());
        }
        data.append(out);
    }
    const QString before = opaqueToken(QJsonObject{{u"o"_s, start}});
    const QString after = opaqueToken(QJsonObject{{u"o"_s, end}});
    QJsonObject paging{{u"cursors"_s, QJsonObject{{u"before"_s, before}, {u"after"_s, after}}}};
    if (end < items.size()) {
        QUrlQuery query(request.query);
        query.removeAllQueryItems(u"after"_s);
        query.addQueryItem(u"after"_s, after);
        QUrl next = request.url;
        next.setQuery(query);
        paging.insert(u"next"_s, next.toString(QUrl::FullyEncoded));
    }
    if (start > 0) {
        QUrlQuery query(request.query);
        query.removeAllQueryItems(u"after"_s);
        query.addQueryItem(u"before"_s, before);
        QUrl previous = request.url;
        previous.setQuery(query);
        paging.insert(u"previous"_s, previous.toString(QUrl::FullyEncoded));
    }
    Response r = json(QJsonObject{{u"data"_s, data}, {u"paging"_s, paging}});
    r.hasRecords = true;
    r.recordsPath = u"data"_s;
    return r;
}

FakeProviderServer::Response WhatsAppFakeServer::handle(const Request &request)
{
    if (request.method != "GET")
        return graphError(400, 100, u"GraphMethodException"_s, u"Unsupported post request."_s);
    const QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.size() > 2 || parts.first() != wabaId()) {
        return graphError(400, 100, u"GraphMethodException"_s,
                          u"Unsupported get request. Object with ID '%1' does not exist, cannot be loaded due to missing "
                          u"permissions, or does not support this operation."_s.arg(parts.isEmpty() ? QString() : parts.first()));
    }
    if (parts.size() == 1)
        return json(QJsonObject{{u"id"_s, wabaId()}, {u"name"_s, u"Acme WhatsApp Business"_s}});
    if (parts.at(1) == u"message_templates")
        return edge(request, m_templates);
    if (parts.at(1) == u"phone_numbers")
        return edge(request, m_phoneNumbers);
    return graphError(400, 100, u"OAuthException"_s, u"(#100) Tried accessing nonexisting field (%1)"_s.arg(parts.at(1)));
}

} // namespace Opbox::Fakes
