// SPDX-License-Identifier: GPL-3.0-or-later
#include "stripefakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

const QStringList kLists{u"customers"_s, u"charges"_s, u"invoices"_s, u"subscriptions"_s};

QString prefixOf(const QString &list)
{
    if (list == u"customers")
        return u"cus_"_s;
    if (list == u"charges")
        return u"ch_"_s;
    if (list == u"invoices")
        return u"in_"_s;
    return u"sub_"_s;
}

QString stripeObject(const QString &list)
{
    return list == u"customers" ? u"customer"_s
        : list == u"charges"    ? u"charge"_s
        : list == u"invoices"   ? u"invoice"_s
                                : u"subscription"_s;
}

} // namespace

StripeFakeServer::StripeFakeServer(QObject *parent)
    : FakeProviderServer(parent)
{
    setToken(u"sk_test_51OpboxFakeKey0123456789"_s);
}

StripeFakeServer::~StripeFakeServer()
{
    stop();
}

QJsonObject StripeFakeServer::credentials() const
{
    return {{u"secretKey"_s, token()}};
}

void StripeFakeServer::seed(int count, const QDateTime &first, int spacingSeconds)
{
    QMutexLocker lock(&mutex());
    for (const QString &name : kLists) {
        QList<QJsonObject> &objects = m_objects[name];
        objects.clear();
        for (int i = 0; i < count; ++i) {
            const qint64 created = first.addSecs(qint64(i) * spacingSeconds).toSecsSinceEpoch();
            const QString id = prefixOf(name) + u"Fake%1"_s.arg(m_next++, 8, 10, QChar(u'0'));
            const QString customer = u"cus_Fake%1"_s.arg(i + 1, 8, 10, QChar(u'0'));
            QJsonObject o{{u"id"_s, id}, {u"object"_s, stripeObject(name)}, {u"created"_s, created}, {u"livemode"_s, false}};
            if (name == u"customers") {
                o.insert(u"email"_s, u"customer%1@example.com"_s.arg(i + 1));
                o.insert(u"name"_s, u"Customer %1"_s.arg(i + 1));
                o.insert(u"currency"_s, u"eur"_s);
                o.insert(u"balance"_s, 0);
                o.insert(u"metadata"_s, QJsonObject{{u"crm_id"_s, QString::number(i + 1)}});
            } else if (name == u"charges") {
                o.insert(u"amount"_s, 1999 + i);
                o.insert(u"currency"_s, u"eur"_s);
                o.insert(u"status"_s, u"succeeded"_s);
                o.insert(u"customer"_s, customer);
                o.insert(u"paid"_s, true);
                o.insert(u"refunded"_s, i % 7 == 0);
            } else if (name == u"invoices") {
                o.insert(u"customer"_s, customer);
                o.insert(u"status"_s, i % 2 == 0 ? u"paid"_s : u"open"_s);
                o.insert(u"total"_s, 4900);
                o.insert(u"currency"_s, u"eur"_s);
                o.insert(u"due_date"_s, i % 2 == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(created + 30 * 86400));
            } else {
                o.insert(u"customer"_s, customer);
                o.insert(u"status"_s, i % 4 == 3 ? u"canceled"_s : u"active"_s);
                o.insert(u"current_period_end"_s, created + 30 * 86400);
                o.insert(u"cancel_at_period_end"_s, false);
            }
            objects.append(o);
        }
    }
}

QString StripeFakeServer::addCustomer(const QDateTime &when)
{
    QMutexLocker lock(&mutex());
    const QString id = u"cus_Fake%1"_s.arg(m_next++, 8, 10, QChar(u'0'));
    m_objects[u"customers"_s].append(QJsonObject{{u"id"_s, id},
                                                 {u"object"_s, u"customer"_s},
                                                 {u"created"_s, when.toSecsSinceEpoch()},
                                                 {u"livemode"_s, false},
                                                 {u"email"_s, u"late@example.com"_s},
                                                 {u"name"_s, u"Late Customer"_s},
                                                 {u"currency"_s, u"eur"_s},
                                                 {u"balance"_s, 0},
                                                 {u"metadata"_s, QJsonObject()}});
    return id;
}

int StripeFakeServer::count(const QString &list) const
{
    QMutexLocker lock(&mutex());
    return int(m_objects.value(list).size());
}

QByteArray StripeFakeServer::errorBody(int status, const QString &message) const
{
    const QString type = status >= 500 ? u"api_error"_s : u"invalid_request_error"_s;
    return QJsonDocument(QJsonObject{{u"error"_s, QJsonObject{{u"type"_s, type}, {u"message"_s, message}}}})
        .toJson(QJsonDocument::Compact);
}

FakeProviderServer::Response StripeFakeServer::invalid(const QString &code, const QString &param, const QString &message,
                                                       int status) const
{
    QJsonObject error{{u"type"_s, u"invalid_request_error"_s}, {u"code"_s, code}, {u"message"_s, message}};
    if (!param.isEmpty())
        error.insert(u"param"_s, param);
    return json(QJsonObject{{u"error"_s, error}}, status);
}

FakeProviderServer::Response StripeFakeServer::unauthorized(const Request &request) const
{
    const QByteArray header = request.header("authorization");
    const QString key = QString::fromUtf8(header.startsWith("Bearer ") ? header.mid(7) : QByteArray());
    // Stripe names the key it was given, masked but for its last four characters.
    const QString masked = key.isEmpty() ? QString() : key.left(8) + u"*********"_s + key.right(4);
    Response r = key.isEmpty() ? json(QJsonObject{{u"error"_s,
                                                   QJsonObject{{u"type"_s, u"invalid_request_error"_s},
                                                               {u"message"_s, u"You did not provide an API key."_s}}}},
                                      401)
                               : invalid(u"api_key_invalid"_s, {}, u"Invalid API Key provided: %1"_s.arg(masked), 401);
    r.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"Stripe\"")});
    return r;
}

FakeProviderServer::Response StripeFakeServer::rateLimited(const Request &, const QString &retryAfter) const
{
    Response r
        = invalid(u"rate_limit"_s, {},
                  u"Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits."_s, 429);
    r.headers.append({QByteArrayLiteral("Stripe-Rate-Limited-Reason"), QByteArrayLiteral("global-rate")});
    r.headers.append({QByteArrayLiteral("Retry-After"), retryAfter.toUtf8()});
    return r;
}

QList<QPair<QByteArray, QByteArray>> StripeFakeServer::commonHeaders() const
{
    return {{"Request-Id", "req_OpboxFake"}, {"Stripe-Version", "2024-06-20"}};
}

FakeProviderServer::Response StripeFakeServer::handle(const Request &request)
{
    if (request.method != "GET")
        return invalid(u"parameter_unknown"_s, {},
                       u"Unrecognized request URL (%1: /v1%2)."_s.arg(QString::fromLatin1(request.method), request.path), 404);
    const QString name = request.path.mid(1);
    if (!kLists.contains(name))
        return invalid(u"resource_missing"_s, {}, u"Unrecognized request URL (GET: /v1%1)."_s.arg(request.path), 404);
    return list(name, request);
}

FakeProviderServer::Response StripeFakeServer::list(const QString &name, const Request &request) const
{
    const QUrlQuery &q = request.query;
    for (const auto &[key, value] : q.queryItems(QUrl::FullyDecoded)) {
        static const QStringList known{u"limit"_s,        u"starting_after"_s, u"ending_before"_s,
                                       u"created[gte]"_s, u"created[lte]"_s,   u"created[gt]"_s,
                                       u"created[lt]"_s,  u"status"_s,         u"customer"_s};
        if (!known.contains(key))
            return invalid(u"parameter_unknown"_s, key, u"Received unknown parameter: %1"_s.arg(key));
    }
    int limit = 10; // Stripe's default
    if (q.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = q.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok)
            return invalid(u"parameter_invalid_integer"_s, u"limit"_s,
                           u"Invalid integer: %1"_s.arg(q.queryItemValue(u"limit"_s)));
        if (limit < 1 || limit > 100)
            return invalid(u"parameter_invalid_integer"_s, u"limit"_s,
                           u"This value must be greater than or equal to 1 and less than or equal to 100."_s);
    }
    std::optional<qint64> createdGte;
    QString gte;
    for (const auto &[key, value] : q.queryItems(QUrl::FullyDecoded)) {
        if (key == u"created[gte]")
            gte = value;
    }
    if (!gte.isEmpty()) {
        bool ok = false;
        createdGte = gte.toLongLong(&ok);
        if (!ok)
            return invalid(u"parameter_invalid_integer"_s, u"created[gte]"_s, u"Invalid integer: %1"_s.arg(gte));
    }
    const bool allStatuses = q.queryItemValue(u"status"_s) == u"all";
    QList<QJsonObject> objects;
    for (const QJsonObject &o : m_objects.value(name)) {
        if (createdGte && o.value(u"created"_s).toInteger() < *createdGte)
            continue;
        if (name == u"subscriptions" && !allStatuses && o.value(u"status"_s).toString() == u"canceled")
            continue;
        objects.append(o);
    }
    // Newest first; equal times by id, newest id first.
    std::stable_sort(objects.begin(), objects.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const qint64 ca = a.value(u"created"_s).toInteger();
        const qint64 cb = b.value(u"created"_s).toInteger();
        return ca != cb ? ca > cb : a.value(u"id"_s).toString() > b.value(u"id"_s).toString();
    });
    qsizetype start = 0;
    if (q.hasQueryItem(u"starting_after"_s)) {
        const QString after = q.queryItemValue(u"starting_after"_s);
        const auto it = std::find_if(objects.begin(), objects.end(),
                                     [&](const QJsonObject &o) { return o.value(u"id"_s).toString() == after; });
        if (it == objects.end())
            return invalid(u"resource_missing"_s, u"starting_after"_s,
                           u"No such %1: '%2'"_s.arg(stripeObject(name), after.left(64)));
        start = std::distance(objects.begin(), it) + 1;
    }
    QJsonArray data;
    for (qsizetype i = start; i < objects.size() && data.size() < limit; ++i)
        data.append(objects.at(i));
    Response r = json(QJsonObject{{u"object"_s, u"list"_s},
                                  {u"data"_s, data},
                                  {u"has_more"_s, start + data.size() < objects.size()},
                                  {u"url"_s, QString(u"/v1/"_s + name)}});
    r.recordsPath = u"data"_s;
    r.hasRecords = true;
    r.dateField = u"created"_s;
    return r;
}

} // namespace Opbox::Fakes
