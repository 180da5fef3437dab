// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipedrivefakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

const QStringList kEntities{u"persons"_s, u"organizations"_s, u"deals"_s, u"activities"_s};

QString rfc3339(const QDateTime &when)
{
    return when.toUTC().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

QJsonObject makeRecord(const QString &entity, int id, const QDateTime &updated)
{
    QJsonObject o{{u"id"_s, id}, {u"add_time"_s, rfc3339(updated.addDays(-30))}, {u"update_time"_s, rfc3339(updated)}};
    if (entity == u"persons") {
        o.insert(u"name"_s, u"Person %1"_s.arg(id));
        o.insert(u"owner_id"_s, 7);
        o.insert(u"org_id"_s, id % 5 + 1);
        o.insert(u"emails"_s,
                 QJsonArray{QJsonObject{
                     {u"value"_s, u"person%1@example.com"_s.arg(id)}, {u"primary"_s, true}, {u"label"_s, u"work"_s}}});
        o.insert(u"phones"_s, QJsonArray{});
    } else if (entity == u"organizations") {
        o.insert(u"name"_s, u"Organization %1"_s.arg(id));
        o.insert(u"owner_id"_s, 7);
        o.insert(u"address"_s, QJsonObject{{u"value"_s, u"Street %1, Berlin"_s.arg(id)}, {u"country"_s, u"Germany"_s}});
    } else if (entity == u"deals") {
        o.insert(u"title"_s, u"Deal %1"_s.arg(id));
        o.insert(u"value"_s, 1000.5 * id);
        o.insert(u"currency"_s, u"EUR"_s);
        o.insert(u"status"_s, id % 3 == 0 ? u"won"_s : u"open"_s);
        o.insert(u"person_id"_s, id);
        o.insert(u"org_id"_s, id % 5 + 1);
    } else {
        o.insert(u"subject"_s, u"Call %1"_s.arg(id));
        o.insert(u"type"_s, u"call"_s);
        o.insert(u"done"_s, id % 2 == 0);
        o.insert(u"deal_id"_s, id);
        o.insert(u"person_id"_s, id);
        o.insert(u"due_date"_s, updated.date().toString(Qt::ISODate));
    }
    return o;
}

} // namespace

PipedriveFakeServer::PipedriveFakeServer(QObject *parent)
    : FakeProviderServer(parent)
{
    setToken(u"pd0123456789abcdef0123456789abcdef0123"_s);
}

PipedriveFakeServer::~PipedriveFakeServer()
{
    stop();
}

QJsonObject PipedriveFakeServer::credentials() const
{
    return {{u"api_token"_s, token()}};
}

void PipedriveFakeServer::seed(int count, const QDateTime &first, int spacingSeconds)
{
    QMutexLocker lock(&mutex());
    for (const QString &entity : kEntities) {
        QList<QJsonObject> &list = m_records[entity];
        list.clear();
        for (int i = 0; i < count; ++i)
            list.append(makeRecord(entity, i + 1, first.addSecs(qint64(i) * spacingSeconds)));
    }
}

void PipedriveFakeServer::modify(const QString &entity, int index, const QDateTime &when)
{
    QMutexLocker lock(&mutex());
    QJsonObject &o = m_records[entity][index];
    o.insert(u"update_time"_s, rfc3339(when));
    if (o.contains(u"name"_s))
        o.insert(u"name"_s, QString(o.value(u"name"_s).toString() + u" (edited)"_s));
}

int PipedriveFakeServer::count(const QString &entity) const
{
    QMutexLocker lock(&mutex());
    return int(m_records.value(entity).size());
}

bool PipedriveFakeServer::isAuthorized(const Request &request) const
{
    // Pipedrive accepts the token in the api_token query parameter (or the x-api-token header).
    return request.query.queryItemValue(u"api_token"_s) == token() || request.header("x-api-token") == token().toUtf8();
}

QByteArray PipedriveFakeServer::errorBody(int status, const QString &message) const
{
    return QJsonDocument(QJsonObject{{u"success"_s, false},
                                     {u"error"_s, message},
                                     {u"errorCode"_s, status},
                                     {u"error_info"_s,
                                      u"Please check developers.pipedrive.com for more information about Pipedrive API."_s}})
        .toJson(QJsonDocument::Compact);
}

FakeProviderServer::Response PipedriveFakeServer::unauthorized(const Request &) const
{
    return error(401, u"unauthorized access"_s);
}

FakeProviderServer::Response PipedriveFakeServer::rateLimited(const Request &, const QString &retryAfter) const
{
    Response r = error(429, u"Request over limit"_s);
    r.headers.append({QByteArrayLiteral("x-ratelimit-limit"), QByteArrayLiteral("80")});
    r.headers.append({QByteArrayLiteral("x-ratelimit-remaining"), QByteArrayLiteral("0")});
    r.headers.append({QByteArrayLiteral("x-ratelimit-reset"), retryAfter.toUtf8()});
    return r;
}

QList<QPair<QByteArray, QByteArray>> PipedriveFakeServer::commonHeaders() const
{
    return {{"x-ratelimit-limit", "80"}, {"x-ratelimit-remaining", "79"}, {"x-ratelimit-reset", "2"}};
}

FakeProviderServer::Response PipedriveFakeServer::handle(const Request &request)
{
    if (request.method != "GET")
        return error(405, u"Method not allowed"_s);
    const QString entity = request.path.mid(1);
    if (!kEntities.contains(entity))
        return error(404, u"Unknown method ."_s);
    return list(entity, request);
}

FakeProviderServer::Response PipedriveFakeServer::list(const QString &entity, const Request &request) const
{
    const QUrlQuery &q = request.query;
    int limit = 100;
    if (q.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = q.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 500)
            return error(400, u"Validation failed: limit: Parameter 'limit' must be lower or equal than 500"_s);
    }
    std::optional<QDateTime> since;
    if (q.hasQueryItem(u"updated_since"_s)) {
        since = parseIso(q.queryItemValue(u"updated_since"_s, QUrl::FullyDecoded));
        if (!since)
            return error(400, u"Validation failed: updated_since: Parameter 'updated_since' must be a valid RFC3339 date"_s);
    }
    const QString sortBy = q.hasQueryItem(u"sort_by"_s) ? q.queryItemValue(u"sort_by"_s) : u"id"_s;
    if (sortBy != u"id" && sortBy != u"update_time" && sortBy != u"add_time")
        return error(400, u"Validation failed: sort_by: Parameter 'sort_by' must be one of id, update_time, add_time"_s);
    const bool descending = q.queryItemValue(u"sort_direction"_s) == u"desc";

    QList<QJsonObject> records;
    for (const QJsonObject &o : m_records.value(entity)) {
        if (!since || *parseIso(o.value(u"update_time"_s).toString()) >= *since)
            records.append(o);
    }
    std::stable_sort(records.begin(), records.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const auto key = [&](const QJsonObject &o) {
            return sortBy == u"id"
                ? QString::number(o.value(u"id"_s).toInt()).rightJustified(10, u'0')
                : o.value(sortBy).toString() + QString::number(o.value(u"id"_s).toInt()).rightJustified(10, u'0');
        };
        return descending ? key(b) < key(a) : key(a) < key(b);
    });
    qsizetype start = 0;
    if (q.hasQueryItem(u"cursor"_s)) {
        const auto position = readOpaqueToken(q.queryItemValue(u"cursor"_s));
        if (!position)
            return error(400, u"Validation failed: cursor: Invalid cursor"_s);
        start = position->value(u"offset"_s).toInteger();
    }
    QJsonArray data;
    for (qsizetype i = start; i < records.size() && data.size() < limit; ++i)
        data.append(records.at(i));
    const qsizetype next = start + data.size();
    const QJsonValue nextCursor
        = next < records.size() ? QJsonValue(opaqueToken({{u"offset"_s, next}})) : QJsonValue(QJsonValue::Null);
    Response r = json(QJsonObject{
        {u"success"_s, true}, {u"data"_s, data}, {u"additional_data"_s, QJsonObject{{u"next_cursor"_s, nextCursor}}}});
    r.recordsPath = u"data"_s;
    r.hasRecords = true;
    r.dateField = u"update_time"_s;
    return r;
}

} // namespace Opbox::Fakes
