// SPDX-License-Identifier: GPL-3.0-or-later
#include "zendeskfakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

const QStringList kStatuses{u"new"_s, u"open"_s, u"pending"_s, u"solved"_s, u"closed"_s};
const QStringList kPriorities{u"low"_s, u"normal"_s, u"high"_s, u"urgent"_s};

QString seconds(const QDateTime &when)
{
    return FakeProviderServer::iso(when, 0);
}

// Export positions are "after (generated, id)"; start_time=S is the position just before S.
// Zendesk's list parameters have brackets ("page[size]"), which arrive percent-encoded.
std::optional<QString> param(const FakeProviderServer::Request &request, const QString &name)
{
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (key == name)
            return value;
    }
    return std::nullopt;
}

bool isAfter(qint64 generated, qint64 id, qint64 posGenerated, qint64 posId)
{
    return generated > posGenerated || (generated == posGenerated && id > posId);
}

} // namespace

ZendeskFakeServer::ZendeskFakeServer(QObject *parent)
    : FakeProviderServer(parent)
{
}

ZendeskFakeServer::~ZendeskFakeServer()
{
    stop();
}

QJsonObject ZendeskFakeServer::credentials() const
{
    return {{u"email"_s, agentEmail()}, {u"apiToken"_s, token()}};
}

QJsonObject ZendeskFakeServer::connectorConfig() const
{
    return {{u"baseUrl"_s, baseUrl().toString()}, {u"subdomain"_s, u"acme"_s}};
}

QJsonObject ZendeskFakeServer::makeTicket(qint64 id, const QDateTime &created, const QDateTime &updated, int n) const
{
    return QJsonObject{
        {u"id"_s, id},
        {u"url"_s, u"https://acme.zendesk.com/api/v2/tickets/%1.json"_s.arg(id)},
        {u"external_id"_s, QJsonValue::Null},
        {u"type"_s, n % 3 == 0 ? u"incident"_s : u"question"_s},
        {u"subject"_s, u"Printer on fire #%1"_s.arg(n)},
        {u"raw_subject"_s, u"Printer on fire #%1"_s.arg(n)},
        {u"description"_s, u"The printer in room %1 is on fire."_s.arg(n)},
        {u"priority"_s, kPriorities.at(n % kPriorities.size())},
        {u"status"_s, kStatuses.at(n % kStatuses.size())},
        {u"recipient"_s, u"support@acme.io"_s},
        {u"requester_id"_s, 2000000 + n % 7},
        {u"submitter_id"_s, 2000000 + n % 7},
        {u"assignee_id"_s, 235323},
        {u"organization_id"_s, 5000 + n % 4},
        {u"group_id"_s, 360000001},
        {u"collaborator_ids"_s, QJsonArray()},
        {u"follower_ids"_s, QJsonArray()},
        {u"has_incidents"_s, false},
        {u"is_public"_s, true},
        {u"due_at"_s, QJsonValue::Null},
        {u"tags"_s, QJsonArray{u"hardware"_s, n % 2 ? u"printer"_s : u"office"_s}},
        {u"custom_fields"_s, QJsonArray{QJsonObject{{u"id"_s, 27642}, {u"value"_s, u"745"_s}}}},
        {u"satisfaction_rating"_s, QJsonObject{{u"score"_s, u"unoffered"_s}}},
        {u"via"_s, QJsonObject{{u"channel"_s, u"web"_s}}},
        {u"brand_id"_s, 360000002},
        {u"allow_channelback"_s, false},
        {u"allow_attachments"_s, true},
        {u"generated_timestamp"_s, updated.toSecsSinceEpoch()},
        {u"created_at"_s, seconds(created)},
        {u"updated_at"_s, seconds(updated)},
    };
}

QJsonObject ZendeskFakeServer::makeComment(qint64 id, qint64 authorId, const QDateTime &when, const QString &body) const
{
    return QJsonObject{
        {u"id"_s, id},
        {u"type"_s, u"Comment"_s},
        {u"author_id"_s, authorId},
        {u"body"_s, body},
        {u"html_body"_s, u"<div class=\"zd-comment\"><p>%1</p></div>"_s.arg(body)},
        {u"plain_body"_s, body},
        {u"public"_s, true},
        {u"audit_id"_s, id + 1},
        {u"attachments"_s, QJsonArray()},
        {u"via"_s, QJsonObject{{u"channel"_s, u"web"_s}}},
        {u"metadata"_s, QJsonObject{{u"system"_s, QJsonObject{{u"client"_s, u"Mozilla/5.0"_s}}}}},
        {u"created_at"_s, seconds(when)},
    };
}

void ZendeskFakeServer::seed(int tickets, int users, int organizations, int commentsPerTicket, const QDateTime &start)
{
    QMutexLocker lock(&mutex());
    for (int i = 0; i < organizations; ++i) {
        const qint64 id = m_nextOrganization++;
        const QDateTime when = start.addSecs(qint64(i) * 3600);
        m_organizations.append(QJsonObject{{u"id"_s, id},
                                           {u"url"_s, u"https://acme.zendesk.com/api/v2/organizations/%1.json"_s.arg(id)},
                                           {u"name"_s, u"Customer %1 Ltd"_s.arg(i)},
                                           {u"external_id"_s, QJsonValue::Null},
                                           {u"domain_names"_s, QJsonArray{u"customer%1.example"_s.arg(i)}},
                                           {u"details"_s, u""_s},
                                           {u"notes"_s, u""_s},
                                           {u"group_id"_s, QJsonValue::Null},
                                           {u"shared_tickets"_s, false},
                                           {u"shared_comments"_s, false},
                                           {u"tags"_s, QJsonArray{u"customer"_s}},
                                           {u"organization_fields"_s, QJsonObject{{u"tier"_s, i % 2 ? u"gold"_s : u"silver"_s}}},
                                           {u"created_at"_s, seconds(when)},
                                           {u"updated_at"_s, seconds(when.addSecs(600))}});
    }
    for (int i = 0; i < users; ++i) {
        const qint64 id = m_nextUser++;
        const QDateTime created = start.addSecs(qint64(i) * 3600);
        const QDateTime updated = created.addSecs(1800);
        m_users.append(ExportItem{id, updated.toSecsSinceEpoch(),
                                  QJsonObject{{u"id"_s, id},
                                              {u"url"_s, u"https://acme.zendesk.com/api/v2/users/%1.json"_s.arg(id)},
                                              {u"name"_s, u"Customer %1"_s.arg(i)},
                                              {u"email"_s, u"customer%1@example.com"_s.arg(i)},
                                              {u"role"_s, i % 5 == 0 ? u"agent"_s : u"end-user"_s},
                                              {u"organization_id"_s, 5000 + i % 4},
                                              {u"active"_s, true},
                                              {u"verified"_s, i % 2 == 0},
                                              {u"locale"_s, u"en-US"_s},
                                              {u"time_zone"_s, u"London"_s},
                                              {u"tags"_s, QJsonArray()},
                                              {u"user_fields"_s, QJsonObject{{u"plan"_s, u"pro"_s}}},
                                              {u"last_login_at"_s, i % 3 ? QJsonValue(seconds(updated)) : QJsonValue()},
                                              {u"created_at"_s, seconds(created)},
                                              {u"updated_at"_s, seconds(updated)}}});
    }
    for (int i = 0; i < tickets; ++i) {
        const qint64 id = m_nextTicket++;
        const QDateTime created = start.addSecs(qint64(i) * 3600);
        const QDateTime updated = created.addSecs(1200);
        m_tickets.append(ExportItem{id, updated.toSecsSinceEpoch(), makeTicket(id, created, updated, int(id))});
        auto &comments = m_comments[id];
        for (int c = 0; c < commentsPerTicket; ++c)
            comments.append(makeComment(m_nextComment++, c % 2 ? 235323 : 2000000 + i % 7, created.addSecs(qint64(c) * 60),
                                        u"Comment %1 on ticket %2"_s.arg(c).arg(id)));
    }
}

qint64 ZendeskFakeServer::addTicket(const QDateTime &when, int comments)
{
    QMutexLocker lock(&mutex());
    const qint64 id = m_nextTicket++;
    m_tickets.append(ExportItem{id, when.toSecsSinceEpoch(), makeTicket(id, when, when, int(id))});
    auto &list = m_comments[id];
    for (int c = 0; c < comments; ++c)
        list.append(makeComment(m_nextComment++, 2000000, when, u"Comment %1 on ticket %2"_s.arg(c).arg(id)));
    return id;
}

ZendeskFakeServer::ExportItem *ZendeskFakeServer::findTicket(qint64 id)
{
    for (auto &item : m_tickets) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

bool ZendeskFakeServer::touchTicket(qint64 id, const QDateTime &when, bool addComment)
{
    QMutexLocker lock(&mutex());
    ExportItem *item = findTicket(id);
    if (!item)
        return false;
    item->generated = when.toSecsSinceEpoch();
    item->record.insert(u"subject"_s, QString(item->record.value(u"subject"_s).toString() + u" (edited)"_s));
    item->record.insert(u"updated_at"_s, seconds(when));
    item->record.insert(u"generated_timestamp"_s, item->generated);
    if (addComment)
        m_comments[id].append(makeComment(m_nextComment++, 235323, when, u"A reply to ticket %1"_s.arg(id)));
    return true;
}

bool ZendeskFakeServer::deleteTicket(qint64 id, const QDateTime &when)
{
    QMutexLocker lock(&mutex());
    ExportItem *item = findTicket(id);
    if (!item)
        return false;
    item->generated = when.toSecsSinceEpoch();
    item->record.insert(u"status"_s, u"deleted"_s);
    item->record.insert(u"updated_at"_s, seconds(when));
    item->record.insert(u"generated_timestamp"_s, item->generated);
    return true;
}

bool ZendeskFakeServer::touchUser(qint64 id, const QDateTime &when)
{
    QMutexLocker lock(&mutex());
    for (auto &item : m_users) {
        if (item.id != id)
            continue;
        item.generated = when.toSecsSinceEpoch();
        item.record.insert(u"name"_s, QString(item.record.value(u"name"_s).toString() + u" (renamed)"_s));
        item.record.insert(u"updated_at"_s, seconds(when));
        return true;
    }
    return false;
}

QList<qint64> ZendeskFakeServer::ticketIds() const
{
    QMutexLocker lock(&mutex());
    QList<qint64> ids;
    for (const auto &item : m_tickets)
        ids.append(item.id);
    return ids;
}

QList<qint64> ZendeskFakeServer::userIds() const
{
    QMutexLocker lock(&mutex());
    QList<qint64> ids;
    for (const auto &item : m_users)
        ids.append(item.id);
    return ids;
}

int ZendeskFakeServer::organizationCount() const
{
    QMutexLocker lock(&mutex());
    return int(m_organizations.size());
}

int ZendeskFakeServer::commentCount() const
{
    QMutexLocker lock(&mutex());
    qsizetype n = 0;
    for (const auto &list : m_comments)
        n += list.size();
    return int(n);
}

int ZendeskFakeServer::commentCount(qint64 ticketId) const
{
    QMutexLocker lock(&mutex());
    return int(m_comments.value(ticketId).size());
}

void ZendeskFakeServer::setExportLimit(int requests, int windowMs)
{
    QMutexLocker lock(&mutex());
    m_exportLimit = std::max(1, requests);
    m_exportWindowMs = std::max(1, windowMs);
    m_exportHits.clear();
}

int ZendeskFakeServer::exportRefusals() const
{
    QMutexLocker lock(&mutex());
    return m_exportRefusals;
}

void ZendeskFakeServer::advanceClock(qint64 seconds)
{
    QMutexLocker lock(&mutex());
    m_clockOffset += seconds;
}

QDateTime ZendeskFakeServer::now() const
{
    QMutexLocker lock(&mutex());
    return QDateTime::currentDateTimeUtc().addSecs(m_clockOffset);
}

qint64 ZendeskFakeServer::nowSeconds() const
{
    return QDateTime::currentSecsSinceEpoch() + m_clockOffset;
}

bool ZendeskFakeServer::isAuthorized(const Request &request) const
{
    // The literal "/token" after the address marks an API token (a password would come without it).
    const QByteArray expected = "Basic " + (agentEmail() + u"/token:"_s + token()).toUtf8().toBase64();
    return request.header("authorization") == expected;
}

QByteArray ZendeskFakeServer::errorBody(int status, const QString &message) const
{
    if (status == 404)
        return QJsonDocument(QJsonObject{{u"error"_s, u"RecordNotFound"_s}, {u"description"_s, u"Not found"_s}})
            .toJson(QJsonDocument::Compact);
    return QJsonDocument(QJsonObject{{u"error"_s, message}}).toJson(QJsonDocument::Compact);
}

FakeProviderServer::Response ZendeskFakeServer::zendeskError(int status, const QString &error, const QString &description) const
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(QJsonObject{{u"error"_s, error}, {u"description"_s, description}}).toJson(QJsonDocument::Compact);
    return r;
}

FakeProviderServer::Response ZendeskFakeServer::unauthorized(const Request & /*request*/) const
{
    // Zendesk's 401 body is a plain string under "error".
    return error(401, u"Couldn't authenticate you"_s);
}

FakeProviderServer::Response ZendeskFakeServer::rateLimited(const Request & /*request*/, const QString &retryAfter) const
{
    Response r = zendeskError(429, u"APIRateLimitExceeded"_s, u"Number of allowed API requests per minute exceeded"_s);
    r.headers.append({QByteArrayLiteral("Retry-After"), retryAfter.toUtf8()});
    return r;
}

QList<QPair<QByteArray, QByteArray>> ZendeskFakeServer::commonHeaders() const
{
    return {{QByteArrayLiteral("X-Rate-Limit"), QByteArrayLiteral("700")},
            {QByteArrayLiteral("X-Rate-Limit-Remaining"), QByteArrayLiteral("699")}};
}

FakeProviderServer::Response ZendeskFakeServer::exportPage(const Request &request, const QList<ExportItem> &items,
                                                           const QString &key)
{
    // The export's own limit (10 a minute), separate from the account-wide one.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_exportHits.erase(
        std::remove_if(m_exportHits.begin(), m_exportHits.end(), [&](qint64 at) { return at <= nowMs - m_exportWindowMs; }),
        m_exportHits.end());
    if (m_exportHits.size() >= m_exportLimit) {
        ++m_exportRefusals;
        const qint64 waitMs = m_exportHits.first() + m_exportWindowMs - nowMs;
        return rateLimited(request, QString::number(std::max<qint64>(1, (waitMs + 999) / 1000)));
    }
    m_exportHits.append(nowMs);

    const bool hasStart = request.query.hasQueryItem(u"start_time"_s);
    const bool hasCursor = request.query.hasQueryItem(u"cursor"_s);
    if (hasStart == hasCursor)
        return zendeskError(400, u"InvalidPaginationParameter"_s, u"Send either start_time or cursor"_s);
    qint64 posGenerated = 0;
    qint64 posId = -1;
    if (hasStart) {
        bool ok = false;
        const qint64 start = request.query.queryItemValue(u"start_time"_s).toLongLong(&ok);
        if (!ok || start < 0)
            return zendeskError(400, u"InvalidValue"_s, u"start_time must be a Unix epoch time in seconds"_s);
        if (start > nowSeconds() - LagSeconds)
            return zendeskError(422, u"InvalidValue"_s, u"Too recent start_time. Use a start_time older than one minute."_s);
        // Just before (start, any id): selects generated >= start.
        posGenerated = start - 1;
        posId = std::numeric_limits<qint64>::max();
    } else {
        const auto position = readOpaqueToken(request.query.queryItemValue(u"cursor"_s, QUrl::FullyDecoded));
        if (!position || !position->contains(u"g"_s) || !position->contains(u"i"_s))
            return zendeskError(400, u"InvalidPaginationParameter"_s, u"cursor is invalid"_s);
        posGenerated = position->value(u"g"_s).toInteger();
        posId = position->value(u"i"_s).toInteger();
    }
    int perPage = 1000;
    if (request.query.hasQueryItem(u"per_page"_s))
        perPage = std::clamp(request.query.queryItemValue(u"per_page"_s).toInt(), 1, 1000);

    // Changes of the last minute are not served yet (since October 2024).
    const qint64 newest = nowSeconds() - LagSeconds;
    QList<const ExportItem *> visible;
    for (const auto &item : items) {
        if (item.generated <= newest && isAfter(item.generated, item.id, posGenerated, posId))
            visible.append(&item);
    }
    std::sort(visible.begin(), visible.end(), [](const ExportItem *a, const ExportItem *b) {
        return a->generated != b->generated ? a->generated < b->generated : a->id < b->id;
    });
    QJsonArray records;
    qint64 lastGenerated = posGenerated;
    qint64 lastId = posId;
    for (qsizetype i = 0; i < visible.size() && i < perPage; ++i) {
        records.append(visible.at(i)->record);
        lastGenerated = visible.at(i)->generated;
        lastId = visible.at(i)->id;
    }
    const bool end = visible.size() <= perPage;
    const QString after = opaqueToken(QJsonObject{{u"g"_s, lastGenerated}, {u"i"_s, lastId}});
    QUrl afterUrl = request.url;
    afterUrl.setQuery(u"cursor="_s + after);
    QJsonObject body{{key, records},
                     {u"after_cursor"_s, after},
                     {u"after_url"_s, afterUrl.toString()},
                     {u"before_cursor"_s, QJsonValue::Null},
                     {u"before_url"_s, QJsonValue::Null},
                     {u"end_of_stream"_s, end}};
    if (!visible.isEmpty()) {
        const QString before = opaqueToken(QJsonObject{{u"g"_s, visible.first()->generated}, {u"i"_s, visible.first()->id - 1}});
        QUrl beforeUrl = request.url;
        beforeUrl.setQuery(u"cursor="_s + before);
        body.insert(u"before_cursor"_s, before);
        body.insert(u"before_url"_s, beforeUrl.toString());
    }
    Response r = json(body);
    r.hasRecords = true;
    r.recordsPath = key;
    r.dateField = u"updated_at"_s;
    return r;
}

FakeProviderServer::Response ZendeskFakeServer::listPage(const Request &request, const QList<QJsonObject> &items,
                                                         const QString &key)
{
    int size = 100;
    if (const auto sizeParam = param(request, u"page[size]"_s)) {
        bool ok = false;
        size = sizeParam->toInt(&ok);
        if (!ok || size < 1 || size > 100)
            return zendeskError(400, u"InvalidPaginationParameter"_s, u"page[size] must be between 1 and 100"_s);
    }
    qsizetype start = 0;
    if (const auto afterParam = param(request, u"page[after]"_s)) {
        const auto position = readOpaqueToken(*afterParam);
        if (!position || !position->contains(u"o"_s))
            return zendeskError(400, u"InvalidPaginationParameter"_s, u"page[after] is invalid"_s);
        start = position->value(u"o"_s).toInteger();
    }
    QJsonArray records;
    for (qsizetype i = start; i < items.size() && i < start + size; ++i)
        records.append(items.at(i));
    const qsizetype end = start + records.size();
    const bool more = end < items.size();
    const QString after = opaqueToken(QJsonObject{{u"o"_s, end}});
    const QString before = opaqueToken(QJsonObject{{u"o"_s, std::max<qsizetype>(0, start - size)}});
    QUrl next = request.url;
    next.setQuery(u"page%5Bsize%5D="_s + QString::number(size) + u"&page%5Bafter%5D="_s + after);
    QUrl prev = request.url;
    prev.setQuery(u"page%5Bsize%5D="_s + QString::number(size) + u"&page%5Bbefore%5D="_s + before);
    Response r = json(
        QJsonObject{{key, records},
                    {u"meta"_s, QJsonObject{{u"has_more"_s, more}, {u"after_cursor"_s, after}, {u"before_cursor"_s, before}}},
                    {u"links"_s,
                     QJsonObject{{u"next"_s, more ? QJsonValue(next.toString(QUrl::FullyEncoded)) : QJsonValue()},
                                 {u"prev"_s, start > 0 ? QJsonValue(prev.toString(QUrl::FullyEncoded)) : QJsonValue()}}}});
    r.hasRecords = true;
    r.recordsPath = key;
    r.dateField = u"created_at"_s;
    r.headers.append({QByteArrayLiteral("ratelimit-limit"), QByteArrayLiteral("700")});
    r.headers.append({QByteArrayLiteral("ratelimit-remaining"), QByteArrayLiteral("699")});
    r.headers.append({QByteArrayLiteral("ratelimit-reset"), QByteArrayLiteral("60")});
    return r;
}

FakeProviderServer::Response ZendeskFakeServer::handle(const Request &request)
{
    if (request.method != "GET")
        return zendeskError(404, u"InvalidEndpoint"_s, u"Not found"_s);
    if (request.path == u"/users/me.json") {
        return json(QJsonObject{{u"user"_s,
                                 QJsonObject{{u"id"_s, 235323},
                                             {u"name"_s, u"Support Agent"_s},
                                             {u"email"_s, agentEmail()},
                                             {u"role"_s, u"admin"_s},
                                             {u"active"_s, true}}}});
    }
    if (request.path == u"/incremental/tickets/cursor.json")
        return exportPage(request, m_tickets, u"tickets"_s);
    if (request.path == u"/incremental/users/cursor.json")
        return exportPage(request, m_users, u"users"_s);
    if (request.path == u"/organizations.json")
        return listPage(request, m_organizations, u"organizations"_s);
    static const QRegularExpression comments(u"^/tickets/(\\d+)/comments\\.json$"_s);
    const auto m = comments.match(request.path);
    if (m.hasMatch()) {
        const qint64 id = m.captured(1).toLongLong();
        const ExportItem *ticket = findTicket(id);
        if (!ticket || ticket->record.value(u"status"_s).toString() == u"deleted"_s)
            return error(404, u"Not found"_s);
        return listPage(request, m_comments.value(id), u"comments"_s);
    }
    return error(404, u"Not found"_s);
}

} // namespace Opbox::Fakes
