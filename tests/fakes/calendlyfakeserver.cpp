// SPDX-License-Identifier: GPL-3.0-or-later
#include "calendlyfakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

const QString kUserUuid = u"AAAAAAAAAAAAAAAA"_s;
const QString kOrgUuid = u"BBBBBBBBBBBBBBBB"_s;

QString uuidFor(const char *prefix, int n)
{
    return QString::fromLatin1(prefix) + u"%1"_s.arg(n, 12, 10, QLatin1Char('0'));
}

QString micro(const QDateTime &when)
{
    return FakeProviderServer::iso(when, 6);
}

// Fields holding a resource path that Calendly returns as a full URI.
const QStringList kUriFields{u"uri"_s, u"event_type"_s, u"event"_s, u"user"_s, u"current_organization"_s, u"owner"_s};

} // namespace

CalendlyFakeServer::CalendlyFakeServer(QObject *parent)
    : FakeProviderServer(parent)
{
}

CalendlyFakeServer::~CalendlyFakeServer()
{
    stop();
}

QJsonObject CalendlyFakeServer::credentials() const
{
    return {{u"accessToken"_s, token()}};
}

void CalendlyFakeServer::seed(int eventTypes, int events, int inviteesPerEvent, const QDateTime &firstStart, int spacingSeconds)
{
    QMutexLocker lock(&mutex());
    const int firstType = int(m_eventTypes.size());
    for (int n = firstType; n < firstType + eventTypes; ++n) {
        const QDateTime created = seedEpoch().addDays(n);
        m_eventTypes.append(QJsonObject{
            {u"uri"_s, QString(u"/event_types/"_s + uuidFor("ET", n))},
            {u"name"_s, u"%1 Minute Meeting"_s.arg(15 * (n % 4 + 1))},
            {u"active"_s, true},
            {u"slug"_s, u"%1min-%2"_s.arg(15 * (n % 4 + 1)).arg(n)},
            {u"kind"_s, u"solo"_s},
            {u"type"_s, u"StandardEventType"_s},
            {u"pooling_type"_s, QJsonValue(QJsonValue::Null)},
            {u"duration"_s, 15 * (n % 4 + 1)},
            {u"scheduling_url"_s, u"https://calendly.com/acme/%1"_s.arg(n)},
            {u"color"_s, u"#8247f5"_s},
            {u"secret"_s, false},
            {u"description_plain"_s, u"Type %1"_s.arg(n)},
            {u"profile"_s,
             QJsonObject{{u"type"_s, u"User"_s}, {u"name"_s, u"Host"_s}, {u"owner"_s, QString(u"/users/"_s + kUserUuid)}}},
            {u"created_at"_s, micro(created)},
            {u"updated_at"_s, micro(created.addSecs(3600))},
            {u"deleted_at"_s, QJsonValue(QJsonValue::Null)},
        });
    }
    const int firstEvent = int(m_events.size());
    for (int n = firstEvent; n < firstEvent + events; ++n) {
        const QDateTime start = firstStart.addSecs(qint64(n - firstEvent) * spacingSeconds);
        const QDateTime booked = start.addDays(-7);
        const QString uuid = uuidFor("EV", n);
        const QString type
            = m_eventTypes.isEmpty() ? QString() : m_eventTypes.at(n % m_eventTypes.size()).value(u"uri"_s).toString();
        m_events.append(QJsonObject{
            {u"uri"_s, QString(u"/scheduled_events/"_s + uuid)},
            {u"name"_s, u"30 Minute Meeting"_s},
            {u"status"_s, u"active"_s},
            {u"start_time"_s, micro(start)},
            {u"end_time"_s, micro(start.addSecs(1800))},
            {u"event_type"_s, type},
            {u"location"_s, QJsonObject{{u"type"_s, u"zoom"_s}, {u"join_url"_s, u"https://zoom.us/j/%1"_s.arg(n)}}},
            {u"invitees_counter"_s,
             QJsonObject{{u"total"_s, inviteesPerEvent}, {u"active"_s, inviteesPerEvent}, {u"limit"_s, 1}}},
            {u"event_memberships"_s,
             QJsonArray{QJsonObject{{u"user"_s, QString(u"https://api.calendly.com/users/"_s + kUserUuid)},
                                    {u"user_email"_s, u"host@example.com"_s}}}},
            {u"created_at"_s, micro(booked)},
            {u"updated_at"_s, micro(booked)},
        });
        for (int i = 0; i < inviteesPerEvent; ++i) {
            const int in = int(m_invitees.size());
            m_invitees.append(QJsonObject{
                {u"uri"_s, u"/scheduled_events/%1/invitees/%2"_s.arg(uuid, uuidFor("IN", in))},
                {u"email"_s, u"guest%1@example.com"_s.arg(in)},
                {u"name"_s, u"Guest %1"_s.arg(in)},
                {u"first_name"_s, u"Guest"_s},
                {u"last_name"_s, QString::number(in)},
                {u"status"_s, u"active"_s},
                {u"timezone"_s, u"Europe/London"_s},
                {u"event"_s, QString(u"/scheduled_events/"_s + uuid)},
                {u"rescheduled"_s, false},
                {u"questions_and_answers"_s, QJsonArray()},
                {u"tracking"_s, QJsonObject{{u"utm_source"_s, QJsonValue(QJsonValue::Null)}}},
                {u"created_at"_s, micro(booked)},
                {u"updated_at"_s, micro(booked)},
                {u"_event"_s, uuid},
            });
        }
    }
}

QString CalendlyFakeServer::cancelEvent(int index, const QDateTime &when)
{
    QMutexLocker lock(&mutex());
    if (index < 0 || index >= m_events.size())
        return {};
    QJsonObject event = m_events.at(index);
    const QString uuid = event.value(u"uri"_s).toString().section(u'/', -1);
    event.insert(u"status"_s, u"canceled"_s);
    event.insert(u"updated_at"_s, micro(when));
    event.insert(u"cancellation"_s,
                 QJsonObject{{u"canceled_by"_s, u"Host"_s},
                             {u"reason"_s, u"Conflict"_s},
                             {u"canceler_type"_s, u"host"_s},
                             {u"created_at"_s, micro(when)}});
    m_events[index] = event;
    for (auto &invitee : m_invitees) {
        if (invitee.value(u"_event"_s).toString() == uuid) {
            invitee.insert(u"status"_s, u"canceled"_s);
            invitee.insert(u"updated_at"_s, micro(when));
        }
    }
    return uuid;
}

QString CalendlyFakeServer::modifyEventType(int index, const QDateTime &when)
{
    QMutexLocker lock(&mutex());
    if (index < 0 || index >= m_eventTypes.size())
        return {};
    QJsonObject type = m_eventTypes.at(index);
    type.insert(u"name"_s, u"Renamed type %1"_s.arg(index));
    type.insert(u"updated_at"_s, micro(when));
    m_eventTypes[index] = type;
    return type.value(u"uri"_s).toString().section(u'/', -1);
}

int CalendlyFakeServer::eventCount() const
{
    QMutexLocker lock(&mutex());
    return int(m_events.size());
}

QStringList CalendlyFakeServer::eventUuids(const QDateTime &from) const
{
    QMutexLocker lock(&mutex());
    QStringList out;
    for (const auto &e : m_events) {
        if (from.isValid() && parseIso(e.value(u"start_time"_s).toString()).value_or(QDateTime()) < from)
            continue;
        out.append(e.value(u"uri"_s).toString().section(u'/', -1));
    }
    return out;
}

int CalendlyFakeServer::inviteeCount() const
{
    QMutexLocker lock(&mutex());
    return int(m_invitees.size());
}

QByteArray CalendlyFakeServer::errorBody(int status, const QString &message) const
{
    const QString title = status == 400 ? u"Invalid Argument"_s
        : status == 401                 ? u"Unauthenticated"_s
        : status == 403                 ? u"Permission Denied"_s
        : status == 404                 ? u"Resource Not Found"_s
        : status == 429                 ? u"Too Many Requests"_s
                                        : u"Internal Server Error"_s;
    return QJsonDocument(QJsonObject{{u"title"_s, title}, {u"message"_s, message}}).toJson(QJsonDocument::Compact);
}

FakeProviderServer::Response CalendlyFakeServer::invalid(const QString &parameter, const QString &message) const
{
    Response r;
    r.status = 400;
    r.body = QJsonDocument(
                 QJsonObject{{u"title"_s, u"Invalid Argument"_s},
                             {u"message"_s, u"The supplied parameters are invalid."_s},
                             {u"details"_s, QJsonArray{QJsonObject{{u"parameter"_s, parameter}, {u"message"_s, message}}}}})
                 .toJson(QJsonDocument::Compact);
    return r;
}

FakeProviderServer::Response CalendlyFakeServer::unauthorized(const Request & /*request*/) const
{
    return error(401, u"The access token is invalid"_s);
}

FakeProviderServer::Response CalendlyFakeServer::rateLimited(const Request & /*request*/, const QString &retryAfter) const
{
    // Calendly documents no Retry-After: the reset header (seconds) is the signal.
    Response r = error(429, u"API rate limit exceeded. Please retry later."_s);
    r.headers.append({QByteArrayLiteral("X-RateLimit-Limit"), QByteArrayLiteral("500")});
    r.headers.append({QByteArrayLiteral("X-RateLimit-Remaining"), QByteArrayLiteral("0")});
    r.headers.append({"X-RateLimit-Reset", retryAfter.toUtf8()});
    return r;
}

QJsonObject CalendlyFakeServer::render(const QJsonObject &record, const QString &origin)
{
    QJsonObject out;
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (it.key().startsWith(u'_'))
            continue;
        QJsonValue v = it.value();
        if (kUriFields.contains(it.key()) && v.isString() && v.toString().startsWith(u'/'))
            v = QString(origin + v.toString());
        else if (v.isObject())
            v = render(v.toObject(), origin);
        out.insert(it.key(), v);
    }
    return out;
}

FakeProviderServer::Response CalendlyFakeServer::collection(const Request &request, QList<QJsonObject> records,
                                                            const QString &sortField, const QString &defaultSort)
{
    int count = 20;
    if (request.query.hasQueryItem(u"count"_s)) {
        bool ok = false;
        count = request.query.queryItemValue(u"count"_s).toInt(&ok);
        if (!ok || count < 1 || count > 100)
            return invalid(u"count"_s, u"must be between 1 and 100"_s);
    }
    const QString sort
        = request.query.hasQueryItem(u"sort"_s) ? request.query.queryItemValue(u"sort"_s, QUrl::FullyDecoded) : defaultSort;
    const QString field = sort.section(u':', 0, 0);
    const QString direction = sort.section(u':', 1, 1);
    if ((field != sortField && !(sortField == u"updated_at" && (field == u"name" || field == u"created_at")))
        || (direction != u"asc" && direction != u"desc"))
        return invalid(u"sort"_s, u"is invalid"_s);
    std::stable_sort(records.begin(), records.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const QString x = a.value(field).toString(), y = b.value(field).toString();
        return direction == u"asc" ? x < y : y < x;
    });
    qint64 offset = 0;
    if (request.query.hasQueryItem(u"page_token"_s)) {
        const QString token = request.query.queryItemValue(u"page_token"_s);
        const auto position = readOpaqueToken(token);
        if (!position || !m_issuedTokens.contains(token))
            return invalid(u"page_token"_s, u"is invalid"_s);
        offset = position->value(u"o"_s).toInteger();
    }
    const QString origin = request.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
    QJsonArray out;
    for (qint64 i = offset; i < records.size() && i < offset + count; ++i)
        out.append(render(records.at(i), origin));
    const auto pageUrl = [&](const QString &token) {
        QUrlQuery q(request.query);
        q.removeAllQueryItems(u"page_token"_s);
        q.addQueryItem(u"page_token"_s, token);
        QUrl url = request.url;
        url.setQuery(q);
        return url.toString();
    };
    QJsonObject pagination{{u"count"_s, out.size()},
                           {u"next_page"_s, QJsonValue(QJsonValue::Null)},
                           {u"previous_page"_s, QJsonValue(QJsonValue::Null)},
                           {u"next_page_token"_s, QJsonValue(QJsonValue::Null)},
                           {u"previous_page_token"_s, QJsonValue(QJsonValue::Null)}};
    if (offset + count < records.size()) {
        const QString token = opaqueToken({{u"o"_s, offset + count}, {u"p"_s, request.path}});
        m_issuedTokens.insert(token);
        pagination.insert(u"next_page_token"_s, token);
        pagination.insert(u"next_page"_s, pageUrl(token));
    }
    if (offset > 0) {
        const QString token = opaqueToken({{u"o"_s, std::max<qint64>(0, offset - count)}, {u"p"_s, request.path}});
        m_issuedTokens.insert(token);
        pagination.insert(u"previous_page_token"_s, token);
        pagination.insert(u"previous_page"_s, pageUrl(token));
    }
    Response r = json(QJsonObject{{u"collection"_s, out}, {u"pagination"_s, pagination}});
    r.hasRecords = true;
    r.recordsPath = u"collection"_s;
    r.dateField = u"created_at"_s;
    return r;
}

FakeProviderServer::Response CalendlyFakeServer::handle(const Request &request)
{
    Response r = route(request);
    if (r.status < 300) {
        // Every answer carries the per-user budget; the reset is in seconds from now.
        r.headers.append({QByteArrayLiteral("X-RateLimit-Limit"), QByteArrayLiteral("500")});
        r.headers.append({QByteArrayLiteral("X-RateLimit-Remaining"), QByteArrayLiteral("499")});
        r.headers.append({QByteArrayLiteral("X-RateLimit-Reset"), QByteArrayLiteral("60")});
    }
    return r;
}

FakeProviderServer::Response CalendlyFakeServer::route(const Request &request)
{
    if (request.method != "GET")
        return error(404, u"The server could not find the requested resource."_s);
    const QString origin = request.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
    const QString userUri = origin + u"/users/"_s + kUserUuid;
    const QString orgUri = origin + u"/organizations/"_s + kOrgUuid;
    const QString &path = request.path;
    static const QRegularExpression eventPath(u"^/scheduled_events/([A-Za-z0-9]+)$"_s);
    static const QRegularExpression inviteesPath(u"^/scheduled_events/([A-Za-z0-9]+)/invitees$"_s);

    if (path == u"/users/me") {
        return json(QJsonObject{{u"resource"_s,
                                 QJsonObject{{u"uri"_s, userUri},
                                             {u"name"_s, u"Host Person"_s},
                                             {u"slug"_s, u"host-person"_s},
                                             {u"email"_s, u"host@example.com"_s},
                                             {u"scheduling_url"_s, u"https://calendly.com/host-person"_s},
                                             {u"timezone"_s, u"Europe/London"_s},
                                             {u"current_organization"_s, orgUri},
                                             {u"created_at"_s, micro(seedEpoch())},
                                             {u"updated_at"_s, micro(seedEpoch())}}}});
    }
    // Lists need an owner; a URI that is not the token's user or organisation is not theirs to read.
    const auto checkOwner = [&]() -> std::optional<Response> {
        const QString user = request.query.queryItemValue(u"user"_s, QUrl::FullyDecoded);
        const QString org = request.query.queryItemValue(u"organization"_s, QUrl::FullyDecoded);
        if (user.isEmpty() && org.isEmpty())
            return invalid(u"user"_s, u"user or organization is required"_s);
        if ((!user.isEmpty() && user != userUri) || (!org.isEmpty() && org != orgUri))
            return error(403, u"You do not have permission to access this resource."_s);
        return std::nullopt;
    };
    if (path == u"/event_types") {
        if (auto refused = checkOwner())
            return *refused;
        return collection(request, m_eventTypes, u"updated_at"_s, u"name:asc"_s);
    }
    if (path == u"/scheduled_events") {
        if (auto refused = checkOwner())
            return *refused;
        std::optional<QDateTime> minStart, maxStart;
        if (request.query.hasQueryItem(u"min_start_time"_s)) {
            minStart = parseIso(request.query.queryItemValue(u"min_start_time"_s, QUrl::FullyDecoded));
            if (!minStart)
                return invalid(u"min_start_time"_s, u"must be a valid ISO-8601 date-time"_s);
        }
        if (request.query.hasQueryItem(u"max_start_time"_s)) {
            maxStart = parseIso(request.query.queryItemValue(u"max_start_time"_s, QUrl::FullyDecoded));
            if (!maxStart)
                return invalid(u"max_start_time"_s, u"must be a valid ISO-8601 date-time"_s);
        }
        const QString status = request.query.queryItemValue(u"status"_s);
        QList<QJsonObject> events;
        for (const auto &e : std::as_const(m_events)) {
            const QDateTime start = parseIso(e.value(u"start_time"_s).toString()).value_or(QDateTime());
            if ((minStart && start < *minStart) || (maxStart && start >= *maxStart))
                continue;
            if (!status.isEmpty() && e.value(u"status"_s).toString() != status)
                continue;
            events.append(e);
        }
        return collection(request, events, u"start_time"_s, u"start_time:asc"_s);
    }
    if (const auto m = inviteesPath.match(path); m.hasMatch()) {
        bool known = false;
        for (const auto &e : std::as_const(m_events))
            known = known || e.value(u"uri"_s).toString().endsWith(u'/' + m.captured(1));
        if (!known)
            return error(404, u"The server could not find the requested resource."_s);
        QList<QJsonObject> invitees;
        for (const auto &i : std::as_const(m_invitees)) {
            if (i.value(u"_event"_s).toString() == m.captured(1))
                invitees.append(i);
        }
        return collection(request, invitees, u"created_at"_s, u"created_at:asc"_s);
    }
    if (const auto m = eventPath.match(path); m.hasMatch()) {
        for (const auto &e : std::as_const(m_events)) {
            if (e.value(u"uri"_s).toString().endsWith(u'/' + m.captured(1)))
                return json(QJsonObject{{u"resource"_s, render(e, origin)}});
        }
    }
    return error(404, u"The server could not find the requested resource."_s);
}

} // namespace Opbox::Fakes
