// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubspotfakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QUuid>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

const QStringList kObjects{u"contacts"_s, u"companies"_s, u"deals"_s};

QStringList defaultProperties(const QString &object)
{
    if (object == u"contacts")
        return {u"createdate"_s, u"email"_s, u"firstname"_s, u"hs_object_id"_s, u"lastmodifieddate"_s, u"lastname"_s};
    if (object == u"companies")
        return {u"createdate"_s, u"domain"_s, u"hs_lastmodifieddate"_s, u"hs_object_id"_s, u"name"_s};
    return {u"amount"_s,    u"closedate"_s,           u"createdate"_s,   u"dealname"_s,
            u"dealstage"_s, u"hs_lastmodifieddate"_s, u"hs_object_id"_s, u"pipeline"_s};
}

// Generated contacts: everything follows from the index so that a million cost nothing to store.
constexpr qint64 kGeneratedFirstId = 100000;
constexpr qint64 kGeneratedEpoch = 1704067200; // 2024-01-01T00:00:00Z
constexpr qint64 kGeneratedUpdateLag = 86400;

// The benchmark reads a million of these through the connector, so a page must cost far less than
// its transfer: plain character writes, no printf, no QDateTime.
class RawWriter
{
public:
    explicit RawWriter(QByteArray &out, qsizetype room)
        : m_out(out)
        , m_start(out.size())
    {
        m_out.resize(m_start + room);
        m_p = m_out.data() + m_start;
    }
    ~RawWriter() { m_out.resize(m_p - m_out.data()); }
    void text(const char *s)
    {
        while (*s)
            *m_p++ = *s++;
    }
    void bytes(const QByteArray &b)
    {
        std::memcpy(m_p, b.constData(), size_t(b.size()));
        m_p += b.size();
    }
    void number(qint64 n, int width = 0)
    {
        char digits[24];
        int count = 0;
        do {
            digits[count++] = char('0' + n % 10);
            n /= 10;
        } while (n > 0);
        while (count < width)
            digits[count++] = '0';
        while (count > 0)
            *m_p++ = digits[--count];
    }
    void iso(qint64 secs)
    {
        // Days to civil date (H. Hinnant's algorithm), valid for the proleptic Gregorian calendar.
        const qint64 days = secs / 86400;
        const qint64 rem = secs % 86400;
        const qint64 z = days + 719468;
        const qint64 era = z / 146097;
        const qint64 doe = z - era * 146097;
        const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const qint64 mp = (5 * doy + 2) / 153;
        const qint64 day = doy - (153 * mp + 2) / 5 + 1;
        const qint64 month = mp < 10 ? mp + 3 : mp - 9;
        const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        number(year, 4);
        *m_p++ = '-';
        number(month, 2);
        *m_p++ = '-';
        number(day, 2);
        *m_p++ = 'T';
        number(rem / 3600, 2);
        *m_p++ = ':';
        number(rem / 60 % 60, 2);
        *m_p++ = ':';
        number(rem % 60, 2);
        text(".000Z");
    }

private:
    QByteArray &m_out;
    qsizetype m_start;
    char *m_p;
};

void appendGeneratedContact(QByteArray &out, qint64 index)
{
    static const char *const stages[] = {"subscriber", "lead", "marketingqualifiedlead", "opportunity", "customer"};
    static const char *const cities[] = {"London", "Berlin", "Lisbon", "Dublin", "Madrid", "Paris", "Oslo"};
    static const char *const statuses[] = {"NEW", "OPEN", "IN_PROGRESS", "CONNECTED", "UNQUALIFIED"};
    const qint64 id = kGeneratedFirstId + index;
    const qint64 created = kGeneratedEpoch + index;
    const qint64 updated = created + kGeneratedUpdateLag;
    RawWriter w(out, 1024);
    w.text("{\"id\":\"");
    w.number(id);
    w.text("\",\"properties\":{\"email\":\"user");
    w.number(id);
    w.text("@example.com\",\"firstname\":\"First");
    w.number(id);
    w.text("\",\"lastname\":\"Last");
    w.number(id);
    w.text("\",\"phone\":\"+44 20 7946 ");
    w.number(1000 + index % 9000);
    w.text("\",\"company\":\"Company ");
    w.number(index % 5000);
    w.text("\",\"jobtitle\":\"Engineer ");
    w.number(index % 7);
    w.text("\",\"city\":\"");
    w.text(cities[index % 7]);
    w.text("\",\"lifecyclestage\":\"");
    w.text(stages[index % 5]);
    w.text("\",\"hs_lead_status\":\"");
    w.text(statuses[index % 5]);
    w.text("\",\"hubspot_owner_id\":\"");
    w.number(41629779 + index % 12);
    w.text("\",\"numemployees\":\"");
    w.number(index % 1000);
    w.text("\",\"annualrevenue\":\"");
    const qint64 cents = (index % 100000) * 125050; // 1250.50 per step, exact in cents
    w.number(cents / 100);
    w.text(".");
    w.number(cents % 100, 2);
    w.text("\",\"hs_email_optout\":\"");
    w.text(index % 3 == 0 ? "true" : "false");
    w.text("\",\"createdate\":\"");
    w.iso(created);
    w.text("\",\"lastmodifieddate\":\"");
    w.iso(updated);
    w.text("\",\"hs_object_id\":\"");
    w.number(id);
    w.text("\"},\"createdAt\":\"");
    w.iso(created);
    w.text("\",\"updatedAt\":\"");
    w.iso(updated);
    w.text("\",\"archived\":false}");
}

std::optional<qint64> parseOffsetToken(const QString &after)
{
    const auto position = FakeProviderServer::readOpaqueToken(after);
    if (!position)
        return std::nullopt;
    return position->value(u"o"_s).toInteger(-1);
}

} // namespace

HubSpotFakeServer::HubSpotFakeServer(QObject *parent)
    : FakeProviderServer(parent)
{
}

HubSpotFakeServer::~HubSpotFakeServer()
{
    stop();
}

QJsonObject HubSpotFakeServer::credentials() const
{
    return {{u"apiKey"_s, token()}};
}

QString HubSpotFakeServer::modifiedProperty(const QString &object)
{
    return object == u"contacts" ? u"lastmodifieddate"_s : u"hs_lastmodifieddate"_s;
}

void HubSpotFakeServer::seed(const QString &object, int count, const QDateTime &start, int spacingSeconds)
{
    QMutexLocker lock(&mutex());
    auto &records = m_objects[object];
    const int first = int(records.size());
    for (int n = first; n < first + count; ++n) {
        const QString id = QString::number((object == u"owners" ? 41629779 : 1000) + n);
        const QDateTime created = start.addSecs(qint64(n) * spacingSeconds);
        const QString createdText = iso(created);
        const QString updatedText = iso(created.addSecs(30));
        QJsonObject record{{u"id"_s, id}, {u"createdAt"_s, createdText}, {u"updatedAt"_s, updatedText}, {u"archived"_s, false}};
        if (object == u"owners") {
            record.insert(u"email"_s, u"owner%1@example.com"_s.arg(n));
            record.insert(u"type"_s, u"PERSON"_s);
            record.insert(u"firstName"_s, u"Owner"_s);
            record.insert(u"lastName"_s, QString::number(n));
            record.insert(u"userId"_s, 9586504 + n);
            record.insert(u"teams"_s,
                          QJsonArray{QJsonObject{{u"id"_s, u"123"_s}, {u"name"_s, u"Sales"_s}, {u"primary"_s, true}}});
            records.append(record);
            continue;
        }
        QJsonObject p{{u"createdate"_s, createdText},
                      {u"hs_object_id"_s, id},
                      {modifiedProperty(object), updatedText},
                      {u"hubspot_owner_id"_s, u"41629779"_s},
                      {u"hs_analytics_source"_s, u"DIRECT_TRAFFIC"_s}};
        if (object == u"contacts") {
            p.insert(u"email"_s, u"contact%1@example.com"_s.arg(n));
            p.insert(u"firstname"_s, u"First%1"_s.arg(n));
            p.insert(u"lastname"_s, u"Last%1"_s.arg(n));
            p.insert(u"phone"_s, u"+44 20 7946 %1"_s.arg(1000 + n % 9000));
            p.insert(u"company"_s, u"Company %1"_s.arg(n % 50));
            p.insert(u"jobtitle"_s, u"Engineer"_s);
            p.insert(u"city"_s, u"London"_s);
            p.insert(u"lifecyclestage"_s, n % 2 ? u"lead"_s : u"customer"_s);
            p.insert(u"hs_lead_status"_s, u"NEW"_s);
            p.insert(u"numemployees"_s, QString::number(10 + n));
            p.insert(u"annualrevenue"_s, QString::number(1000.5 * n, 'f', 1));
            p.insert(u"hs_email_optout"_s, n % 3 == 0 ? u"true"_s : u"false"_s);
        } else if (object == u"companies") {
            p.insert(u"name"_s, u"Company %1"_s.arg(n));
            p.insert(u"domain"_s, u"company%1.example"_s.arg(n));
            p.insert(u"industry"_s, u"COMPUTER_SOFTWARE"_s);
            p.insert(u"numberofemployees"_s, QString::number(5 * n + 1));
            p.insert(u"annualrevenue"_s, QString::number(25000 * n));
            p.insert(u"is_public"_s, u"false"_s);
        } else {
            p.insert(u"dealname"_s, u"Deal %1"_s.arg(n));
            p.insert(u"amount"_s, QString::number(500 * (n + 1)));
            p.insert(u"dealstage"_s, n % 2 ? u"closedwon"_s : u"appointmentscheduled"_s);
            p.insert(u"pipeline"_s, u"default"_s);
            p.insert(u"closedate"_s, iso(created.addDays(30)));
            p.insert(u"hs_is_closed_won"_s, n % 2 ? u"true"_s : u"false"_s);
        }
        record.insert(u"properties"_s, p);
        records.append(record);
    }
}

QString HubSpotFakeServer::modify(const QString &object, int index, const QDateTime &when)
{
    QMutexLocker lock(&mutex());
    auto &records = m_objects[object];
    if (index < 0 || index >= records.size())
        return {};
    QJsonObject record = records.at(index);
    const QString updated = iso(when);
    record.insert(u"updatedAt"_s, updated);
    if (object != u"owners") {
        QJsonObject p = record.value(u"properties"_s).toObject();
        p.insert(modifiedProperty(object), updated);
        const QString nameKey = object == u"contacts" ? u"firstname"_s : object == u"companies" ? u"name"_s : u"dealname"_s;
        p.insert(nameKey, u"Changed %1"_s.arg(index));
        record.insert(u"properties"_s, p);
    } else {
        record.insert(u"firstName"_s, u"Changed"_s);
    }
    records[index] = record;
    return record.value(u"id"_s).toString();
}

int HubSpotFakeServer::count(const QString &object) const
{
    QMutexLocker lock(&mutex());
    return int(m_objects.value(object).size());
}

QJsonObject HubSpotFakeServer::record(const QString &object, int index) const
{
    QMutexLocker lock(&mutex());
    return m_objects.value(object).value(index);
}

void HubSpotFakeServer::setGeneratedContacts(qint64 count)
{
    QMutexLocker lock(&mutex());
    m_generated = count;
}

void HubSpotFakeServer::setSearchResultCap(int cap)
{
    QMutexLocker lock(&mutex());
    m_searchCap = cap;
}

QByteArray HubSpotFakeServer::errorBody(int status, const QString &message) const
{
    const QString category = status == 401 ? u"INVALID_AUTHENTICATION"_s
        : status == 403                    ? u"MISSING_SCOPES"_s
        : status == 404                    ? u"OBJECT_NOT_FOUND"_s
        : status == 429                    ? u"RATE_LIMITS"_s
        : status >= 500                    ? u"INTERNAL_ERROR"_s
                                           : u"VALIDATION_ERROR"_s;
    return QJsonDocument(QJsonObject{{u"status"_s, u"error"_s},
                                     {u"message"_s, message},
                                     {u"correlationId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                     {u"category"_s, category}})
        .toJson(QJsonDocument::Compact);
}

FakeProviderServer::Response HubSpotFakeServer::unauthorized(const Request &request) const
{
    const QString message = request.header("authorization").isEmpty()
        ? u"Authentication credentials not found. This API supports OAuth 2.0 authentication "
          u"and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"_s
        : u"Authentication credentials are invalid or expired."_s;
    return error(401, message);
}

FakeProviderServer::Response HubSpotFakeServer::rateLimited(const Request & /*request*/, const QString &retryAfter) const
{
    Response r;
    r.status = 429;
    r.body = QJsonDocument(QJsonObject{{u"status"_s, u"error"_s},
                                       {u"message"_s, u"You have reached your ten_secondly_rolling limit."_s},
                                       {u"errorType"_s, u"RATE_LIMIT"_s},
                                       {u"correlationId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                       {u"policyName"_s, u"TEN_SECONDLY_ROLLING"_s},
                                       {u"category"_s, u"RATE_LIMITS"_s}})
                 .toJson(QJsonDocument::Compact);
    r.headers.append({"Retry-After", retryAfter.toUtf8()});
    r.headers.append({QByteArrayLiteral("X-HubSpot-RateLimit-Secondly-Remaining"), QByteArrayLiteral("0")});
    return r;
}

QList<QPair<QByteArray, QByteArray>> HubSpotFakeServer::commonHeaders() const
{
    return {{"X-HubSpot-RateLimit-Daily", "250000"}, {"X-HubSpot-RateLimit-Secondly", "19"}};
}

QJsonObject HubSpotFakeServer::project(const QString &object, const QJsonObject &stored, const QStringList &properties) const
{
    if (object == u"owners")
        return stored;
    const QJsonObject all = stored.value(u"properties"_s).toObject();
    QJsonObject selected;
    for (const QString &name : properties) {
        // Requested properties that a record lacks come back as null, as HubSpot does.
        selected.insert(name, all.contains(name) ? all.value(name) : QJsonValue(QJsonValue::Null));
    }
    QJsonObject out = stored;
    out.insert(u"properties"_s, selected);
    return out;
}

FakeProviderServer::Response HubSpotFakeServer::handle(const Request &request)
{
    static const QRegularExpression objectPath(u"^/crm/v3/objects/([a-z]+)(/search)?$"_s);
    if (request.path == u"/crm/v3/owners" || request.path == u"/crm/v3/owners/") {
        if (request.method != "GET")
            return error(405, u"Method not allowed"_s);
        return list(u"owners"_s, request);
    }
    const auto match = objectPath.match(request.path);
    if (!match.hasMatch() || !kObjects.contains(match.captured(1)))
        return error(404, u"Unable to infer object type from: %1"_s.arg(request.path.section(u'/', 4, 4)));
    const QString object = match.captured(1);
    if (match.capturedLength(2) > 0) {
        if (request.method != "POST")
            return error(405, u"Method not allowed"_s);
        return search(object, request);
    }
    if (request.method != "GET")
        return error(405, u"Method not allowed"_s);
    return list(object, request);
}

FakeProviderServer::Response HubSpotFakeServer::list(const QString &object, const Request &request)
{
    const int maxLimit = object == u"owners" ? 500 : 100;
    int limit = 10;
    if (request.query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = request.query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > maxLimit)
            return error(400, u"limit must be between 1 and %1"_s.arg(maxLimit));
    }
    qint64 offset = 0;
    if (request.query.hasQueryItem(u"after"_s)) {
        const auto parsed = parseOffsetToken(request.query.queryItemValue(u"after"_s));
        if (!parsed || *parsed < 0)
            return error(400, u"Invalid input: 'after' is not a valid paging cursor"_s);
        offset = *parsed;
    }
    if (object == u"contacts" && m_generated > 0)
        return generatedList(request, offset, limit);

    QStringList properties = defaultProperties(object);
    if (request.query.hasQueryItem(u"properties"_s))
        properties = request.query.queryItemValue(u"properties"_s, QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts);
    const auto &records = m_objects[object];
    QJsonArray results;
    for (qint64 i = offset; i < records.size() && i < offset + limit; ++i)
        results.append(project(object, records.at(i), properties));
    QJsonObject body{{u"results"_s, results}};
    if (offset + limit < records.size()) {
        const QString after = opaqueToken({{u"o"_s, offset + limit}});
        QUrl link = request.url;
        QUrlQuery q(request.query);
        q.removeAllQueryItems(u"after"_s);
        q.addQueryItem(u"after"_s, after);
        link.setQuery(q);
        body.insert(u"paging"_s, QJsonObject{{u"next"_s, QJsonObject{{u"after"_s, after}, {u"link"_s, link.toString()}}}});
    }
    Response r = json(body);
    r.hasRecords = true;
    r.recordsPath = u"results"_s;
    r.dateField = u"createdAt"_s;
    return r;
}

FakeProviderServer::Response HubSpotFakeServer::generatedList(const Request &request, qint64 offset, int limit)
{
    QByteArray out;
    out.reserve(limit * 720 + 256);
    out.append("{\"results\":[");
    const qint64 end = std::min(m_generated, offset + limit);
    for (qint64 i = offset; i < end; ++i) {
        if (i > offset)
            out.append(',');
        appendGeneratedContact(out, i);
    }
    out.append(']');
    if (end < m_generated) {
        const QString after = opaqueToken({{u"o"_s, end}});
        out.append(",\"paging\":{\"next\":{\"after\":\"").append(after.toLatin1()).append("\",\"link\":\"");
        out.append(request.url.adjusted(QUrl::RemoveQuery).toString().toUtf8()).append("?after=").append(after.toLatin1());
        out.append("\"}}");
    }
    out.append('}');
    Response r;
    r.body = std::move(out);
    r.hasRecords = true;
    r.recordsPath = u"results"_s;
    r.dateField = u"createdAt"_s;
    return r;
}

FakeProviderServer::Response HubSpotFakeServer::search(const QString &object, const Request &request)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (!doc.isObject())
        return error(400, u"Invalid input JSON on line 1, column %1"_s.arg(parseError.offset));
    const QJsonObject body = doc.object();
    const int limit = body.value(u"limit"_s).toInt(10);
    if (limit < 1 || limit > 200)
        return error(400, u"limit must be between 1 and 200"_s);
    qint64 offset = 0;
    if (body.contains(u"after"_s)) {
        bool ok = false;
        offset = body.value(u"after"_s).toString().toLongLong(&ok);
        if (!ok || offset < 0)
            return error(400, u"Invalid input: 'after' must be a numeric string"_s);
    }
    if (offset >= m_searchCap)
        return error(400, u"The search API cannot page past %1 results. Narrow the filters."_s.arg(m_searchCap));

    // One GTE filter on a date property, as incremental syncs send it; other shapes are refused.
    const QJsonArray groups = body.value(u"filterGroups"_s).toArray();
    QString property;
    QString op;
    qint64 threshold = 0;
    if (groups.size() > 5)
        return error(400, u"Too many filter groups (max 5)"_s);
    if (!groups.isEmpty()) {
        const QJsonArray filters = groups.first().toObject().value(u"filters"_s).toArray();
        if (filters.size() != 1)
            return error(400, u"This fake supports exactly one filter"_s);
        const QJsonObject filter = filters.first().toObject();
        property = filter.value(u"propertyName"_s).toString();
        op = filter.value(u"operator"_s).toString();
        const QString value = filter.value(u"value"_s).toString();
        bool ok = false;
        threshold = value.toLongLong(&ok);
        if (!ok) {
            const auto when = parseIso(value);
            if (!when)
                return error(400, u"Invalid filter value '%1' for property %2"_s.arg(value, property));
            threshold = when->toMSecsSinceEpoch();
        }
        if (op != u"GTE" && op != u"GT")
            return error(400, u"This fake supports GTE and GT filters only"_s);
    }
    const QJsonArray sorts = body.value(u"sorts"_s).toArray();
    const bool ascending = sorts.isEmpty() || sorts.first().toObject().value(u"direction"_s).toString() != u"DESCENDING";

    if (object == u"contacts" && m_generated > 0) {
        if (!property.isEmpty() && property != u"lastmodifieddate")
            return generatedSearch(request, m_generated, offset, limit); // no generated contact has that property
        const qint64 firstUpdated = (kGeneratedEpoch + kGeneratedUpdateLag) * 1000;
        qint64 from
            = property.isEmpty() ? 0 : std::max<qint64>(0, (threshold - firstUpdated + 999) / 1000 + (op == u"GT" ? 1 : 0));
        return generatedSearch(request, from, offset, limit);
    }

    QStringList properties = defaultProperties(object);
    for (const auto &p : body.value(u"properties"_s).toArray())
        properties.append(p.toString());
    properties.removeDuplicates();

    struct Hit
    {
        qint64 modified;
        qint64 id;
        int index;
    };
    QList<Hit> hits;
    const auto &records = m_objects[object];
    for (int i = 0; i < records.size(); ++i) {
        const QJsonObject p = records.at(i).value(u"properties"_s).toObject();
        if (!property.isEmpty()) {
            if (!p.contains(property))
                continue;
            const auto when = parseIso(p.value(property).toString());
            if (!when)
                continue;
            const qint64 ms = when->toMSecsSinceEpoch();
            if (ms < threshold || (op == u"GT" && ms == threshold))
                continue;
        }
        const auto modified = parseIso(p.value(modifiedProperty(object)).toString());
        hits.append({modified ? modified->toMSecsSinceEpoch() : 0, records.at(i).value(u"id"_s).toString().toLongLong(), i});
    }
    std::sort(hits.begin(), hits.end(), [ascending](const Hit &a, const Hit &b) {
        if (a.modified != b.modified)
            return ascending ? a.modified < b.modified : a.modified > b.modified;
        return a.id < b.id;
    });
    QJsonArray results;
    for (qint64 i = offset; i < hits.size() && i < offset + limit; ++i)
        results.append(project(object, records.at(hits.at(i).index), properties));
    QJsonObject out{{u"total"_s, hits.size()}, {u"results"_s, results}};
    if (offset + limit < hits.size())
        out.insert(u"paging"_s, QJsonObject{{u"next"_s, QJsonObject{{u"after"_s, QString::number(offset + limit)}}}});
    Response r = json(out);
    r.hasRecords = true;
    r.recordsPath = u"results"_s;
    r.dateField = u"createdAt"_s;
    return r;
}

FakeProviderServer::Response HubSpotFakeServer::generatedSearch(const Request & /*request*/, qint64 from, qint64 offset,
                                                                int limit)
{
    const qint64 total = std::max<qint64>(0, m_generated - from);
    QByteArray out;
    out.reserve(limit * 720 + 256);
    out.append("{\"total\":").append(QByteArray::number(total)).append(",\"results\":[");
    const qint64 begin = from + offset;
    const qint64 end = std::min(m_generated, begin + limit);
    for (qint64 i = begin; i < end; ++i) {
        if (i > begin)
            out.append(',');
        appendGeneratedContact(out, i);
    }
    out.append(']');
    if (end < m_generated)
        out.append(",\"paging\":{\"next\":{\"after\":\"").append(QByteArray::number(offset + limit)).append("\"}}");
    out.append('}');
    Response r;
    r.body = std::move(out);
    r.hasRecords = true;
    r.recordsPath = u"results"_s;
    r.dateField = u"createdAt"_s;
    return r;
}

} // namespace Opbox::Fakes
