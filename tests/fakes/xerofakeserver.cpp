// SPDX-License-Identifier: GPL-3.0-or-later
#include "xerofakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMutexLocker>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

const QString kUpdated = u"_updatedMs"_s; // internal: UpdatedDateUTC as epoch ms, stripped when served

QString uuidFor(int kind, int n)
{
    // Stable ids so that tests can name records: kind 1 contacts, 2 invoices, 3 accounts.
    return u"%1-0000-4000-8000-%2"_s.arg(kind, 8, 16, QLatin1Char('0')).arg(n, 12, 16, QLatin1Char('0'));
}

std::optional<QDateTime> parseModifiedSince(const QByteArray &header)
{
    const QString text = QString::fromLatin1(header).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (when.isValid()) {
        if (when.timeSpec() == Qt::LocalTime)
            when.setTimeSpec(Qt::UTC);
        return when.toUTC();
    }
    when = QDateTime::fromString(text, Qt::RFC2822Date); // "Sat, 01 Jun 2024 10:00:00 GMT"
    if (when.isValid())
        return when.toUTC();
    return std::nullopt;
}

QByteArray xeroJson(const QJsonObject &object)
{
    // Xero escapes the slashes of its /Date()/ values; a client must cope with "\/Date(…)\/".
    QByteArray body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    body.replace("\"/Date(", "\"\\/Date(");
    body.replace(")/\"", ")\\/\"");
    return body;
}

} // namespace

XeroFakeServer::XeroFakeServer(QObject *parent)
    : FakeProviderServer(parent)
    , m_auth(u"ACCOUNTING"_s, u"xero-identity"_s, {u"/identity/connect/authorize"_s, u"/connect/token"_s, {}})
    , m_tenantId(u"fe79f7dd-b6d4-4a92-ba7b-538af9b0a3ac"_s)
{
    m_auth.setRequiredScopes({u"offline_access"_s});
    m_auth.setRotateRefreshTokens(true);
    m_auth.setRefreshReuseGrace(30 * 60);
    m_auth.setAccessTokenLifetime(30 * 60);
    // The identity server is a host of its own; it runs as long as this fake exists.
    m_auth.start();
}

XeroFakeServer::~XeroFakeServer()
{
    stop();
    m_auth.stop();
}

QJsonObject XeroFakeServer::credentials() const
{
    return m_auth.credentials();
}

QJsonObject XeroFakeServer::connectorConfig() const
{
    return {{u"baseUrl"_s, QString(origin().toString() + u"/api.xro/2.0"_s)}, {u"authBaseUrl"_s, m_auth.origin().toString()}};
}

QString XeroFakeServer::tenantId() const
{
    QMutexLocker lock(&mutex());
    return m_tenantId;
}

QString XeroFakeServer::dotNetDate(const QDateTime &when, bool withOffset)
{
    return u"/Date(%1%2)/"_s.arg(when.toMSecsSinceEpoch()).arg(withOffset ? u"+0000"_s : QString());
}

void XeroFakeServer::expireTokensAtRequest(int requests)
{
    m_expireAt.store(requests);
}

void XeroFakeServer::seed(int contacts, int invoices, int accounts, const QDateTime &start)
{
    QMutexLocker lock(&mutex());
    static const QStringList names{u"Rubble Ltd"_s,      u"Kat Warren"_s,     u"Bayside Club"_s,
                                   u"City Limousines"_s, u"Marine Systems"_s, u"Ridgeway University"_s};
    for (int i = 0; i < contacts; ++i) {
        const int n = int(m_contacts.size());
        const QDateTime updated = start.addSecs(qint64(n) * 3600 + 600);
        const QString name = names.at(n % names.size()) + u" %1"_s.arg(n);
        m_contacts.append(QJsonObject{{u"ContactID"_s, uuidFor(1, n)},
                                      {u"ContactStatus"_s, n % 7 == 6 ? u"ARCHIVED"_s : u"ACTIVE"_s},
                                      {u"Name"_s, name},
                                      {u"FirstName"_s, u"First%1"_s.arg(n)},
                                      {u"LastName"_s, u"Last%1"_s.arg(n)},
                                      {u"EmailAddress"_s, u"contact%1@example.com"_s.arg(n)},
                                      {u"IsSupplier"_s, n % 3 == 0},
                                      {u"IsCustomer"_s, n % 3 != 0},
                                      {u"UpdatedDateUTC"_s, dotNetDate(updated)},
                                      {kUpdated, double(updated.toMSecsSinceEpoch())}});
    }
    static const QStringList statuses{u"AUTHORISED"_s, u"PAID"_s, u"DRAFT"_s, u"SUBMITTED"_s, u"VOIDED"_s};
    for (int i = 0; i < invoices; ++i) {
        const int n = int(m_invoices.size());
        const QDateTime created = start.addSecs(qint64(n) * 3600);
        const QDateTime updated = created.addSecs(900);
        const QDateTime date(created.date(), QTime(0, 0), Qt::UTC);
        const double subTotal = 100.0 + n;
        const QJsonObject contact = m_contacts.isEmpty() ? QJsonObject{} : m_contacts.at(n % m_contacts.size());
        m_invoices.append(QJsonObject{
            {u"Type"_s, n % 4 == 3 ? u"ACCPAY"_s : u"ACCREC"_s},
            {u"InvoiceID"_s, uuidFor(2, n)},
            {u"InvoiceNumber"_s, u"INV-%1"_s.arg(n + 1, 4, 10, QLatin1Char('0'))},
            {u"Reference"_s, u"PO %1"_s.arg(900 + n)},
            {u"Contact"_s, QJsonObject{{u"ContactID"_s, contact.value(u"ContactID"_s)}, {u"Name"_s, contact.value(u"Name"_s)}}},
            {u"Date"_s, dotNetDate(date)},
            {u"DateString"_s, date.toString(u"yyyy-MM-ddT00:00:00"_s)},
            {u"DueDate"_s, dotNetDate(date.addDays(30))},
            {u"Status"_s, statuses.at(n % statuses.size())},
            {u"LineAmountTypes"_s, u"Exclusive"_s},
            {u"LineItems"_s,
             QJsonArray{QJsonObject{{u"Description"_s, u"Consulting"_s},
                                    {u"Quantity"_s, 1.0},
                                    {u"UnitAmount"_s, subTotal},
                                    {u"AccountCode"_s, u"200"_s}}}},
            {u"SubTotal"_s, subTotal},
            {u"TotalTax"_s, subTotal * 0.15},
            {u"Total"_s, subTotal * 1.15},
            {u"AmountDue"_s, subTotal * 1.15},
            {u"AmountPaid"_s, 0.0},
            {u"CurrencyCode"_s, u"NZD"_s},
            {u"UpdatedDateUTC"_s, dotNetDate(updated)},
            {kUpdated, double(updated.toMSecsSinceEpoch())}});
    }
    static const QStringList classes{u"REVENUE"_s, u"EXPENSE"_s, u"ASSET"_s, u"LIABILITY"_s, u"EQUITY"_s};
    for (int i = 0; i < accounts; ++i) {
        const int n = int(m_accounts.size());
        const QDateTime updated = start.addSecs(qint64(n) * 3600 + 300);
        m_accounts.append(QJsonObject{{u"AccountID"_s, uuidFor(3, n)},
                                      {u"Code"_s, QString::number(200 + n * 10)},
                                      {u"Name"_s, u"Account %1"_s.arg(n)},
                                      {u"Type"_s, classes.at(n % classes.size())},
                                      {u"Status"_s, u"ACTIVE"_s},
                                      {u"Class"_s, classes.at(n % classes.size())},
                                      {u"TaxType"_s, u"OUTPUT2"_s},
                                      {u"UpdatedDateUTC"_s, dotNetDate(updated, false)},
                                      {kUpdated, double(updated.toMSecsSinceEpoch())}});
    }
}

QList<QJsonObject> *XeroFakeServer::records(const QString &stream)
{
    if (stream == u"contacts"_s)
        return &m_contacts;
    if (stream == u"invoices"_s)
        return &m_invoices;
    if (stream == u"accounts"_s)
        return &m_accounts;
    return nullptr;
}

QString XeroFakeServer::touch(const QString &stream, int index, const QDateTime &when)
{
    QMutexLocker lock(&mutex());
    QList<QJsonObject> *list = records(stream);
    if (!list || index < 0 || index >= list->size())
        return {};
    QJsonObject &record = (*list)[index];
    record.insert(u"UpdatedDateUTC"_s, dotNetDate(when, stream != u"accounts"_s));
    record.insert(kUpdated, double(when.toMSecsSinceEpoch()));
    const QString idKey = stream == u"contacts"_s ? u"ContactID"_s : stream == u"invoices"_s ? u"InvoiceID"_s : u"AccountID"_s;
    return record.value(idKey).toString();
}

int XeroFakeServer::count(const QString &stream) const
{
    QMutexLocker lock(&mutex());
    if (stream == u"contacts"_s)
        return int(m_contacts.size());
    if (stream == u"invoices"_s)
        return int(m_invoices.size());
    if (stream == u"accounts"_s)
        return int(m_accounts.size());
    return 0;
}

bool XeroFakeServer::isAuthorized(const Request &request) const
{
    // A countdown that reaches this request expires every token first: the 401 arrives mid-sync.
    int at = m_expireAt.load();
    while (at > 0 && !m_expireAt.compare_exchange_weak(at, at - 1)) { }
    if (at == 1)
        m_auth.expireAccessTokens();
    const QByteArray header = request.header("authorization");
    return header.startsWith("Bearer ") && m_auth.isValidAccessToken(QString::fromUtf8(header.mid(7)).trimmed());
}

FakeProviderServer::Response XeroFakeServer::problem(int status, const QString &title, const QString &detail) const
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(QJsonObject{{u"Type"_s, QJsonValue()},
                                       {u"Title"_s, title},
                                       {u"Status"_s, status},
                                       {u"Detail"_s, detail},
                                       {u"Instance"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)}})
                 .toJson(QJsonDocument::Compact);
    return r;
}

FakeProviderServer::Response XeroFakeServer::unauthorized(const Request & /*request*/) const
{
    Response r = problem(401, u"Unauthorized"_s, u"AuthenticationUnsuccessful"_s);
    r.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    return r;
}

FakeProviderServer::Response XeroFakeServer::rateLimited(const Request & /*request*/, const QString &retryAfter) const
{
    Response r = problem(429, u"Too Many Requests"_s, u"The minute rate limit for this tenant has been exceeded"_s);
    r.headers.append({QByteArrayLiteral("Retry-After"), retryAfter.toUtf8()});
    r.headers.append({QByteArrayLiteral("X-Rate-Limit-Problem"), QByteArrayLiteral("minute")});
    return r;
}

QByteArray XeroFakeServer::errorBody(int status, const QString &message) const
{
    return QJsonDocument(QJsonObject{{u"Title"_s, message}, {u"Status"_s, status}, {u"Detail"_s, message}})
        .toJson(QJsonDocument::Compact);
}

QList<QPair<QByteArray, QByteArray>> XeroFakeServer::commonHeaders() const
{
    return {{"X-DayLimit-Remaining", "4990"}, {"X-MinLimit-Remaining", "59"}, {"X-AppMinLimit-Remaining", "9990"}};
}

FakeProviderServer::Response XeroFakeServer::handle(const Request &request)
{
    if (request.method != "GET")
        return problem(405, u"Method Not Allowed"_s, u"Only GET is served by this fake"_s);
    if (request.path == u"/connections"_s) {
        return json(QJsonArray{QJsonObject{{u"id"_s, u"e1eede29-f875-4a5d-8470-17f6a29a88b1"_s},
                                           {u"authEventId"_s, u"d99ecdfe-391d-43d2-b834-17636ba90e8d"_s},
                                           {u"tenantId"_s, m_tenantId},
                                           {u"tenantType"_s, u"ORGANISATION"_s},
                                           {u"tenantName"_s, m_tenantName},
                                           {u"createdDateUtc"_s, u"2019-12-07T18:46:19.5165400"_s},
                                           {u"updatedDateUtc"_s, u"2019-12-07T18:46:19.5187840"_s}}});
    }
    const QString prefix = u"/api.xro/2.0/"_s;
    if (!request.path.startsWith(prefix))
        return problem(404, u"Not Found"_s, u"The resource you're looking for cannot be found"_s);
    if (QString::fromUtf8(request.header("xero-tenant-id")).trimmed() != m_tenantId)
        return problem(403, u"Forbidden"_s, u"AuthenticationUnsuccessful"_s);
    if (!request.header("accept").contains("application/json")) {
        Response xml;
        xml.contentType = "text/xml; charset=utf-8";
        xml.body = "<Response><Status>OK</Status></Response>";
        return xml;
    }
    const QString resource = request.path.mid(prefix.size());
    if (resource == u"Organisation"_s) {
        return json(QJsonObject{{u"Status"_s, u"OK"_s},
                                {u"Organisations"_s,
                                 QJsonArray{QJsonObject{{u"OrganisationID"_s, m_tenantId},
                                                        {u"Name"_s, m_tenantName},
                                                        {u"BaseCurrency"_s, u"NZD"_s},
                                                        {u"CountryCode"_s, u"NZ"_s}}}}});
    }
    if (resource == u"Invoices"_s)
        return collection(request, u"Invoices"_s, m_invoices, true);
    if (resource == u"Contacts"_s)
        return collection(request, u"Contacts"_s, m_contacts, true);
    if (resource == u"Accounts"_s)
        return collection(request, u"Accounts"_s, m_accounts, false);
    return problem(404, u"Not Found"_s, u"The resource you're looking for cannot be found"_s);
}

FakeProviderServer::Response XeroFakeServer::collection(const Request &request, const QString &key, const QList<QJsonObject> &all,
                                                        bool paged)
{
    QList<QJsonObject> selected;
    const QByteArray since = request.header("if-modified-since");
    const auto sinceWhen = parseModifiedSince(since);
    if (!since.isEmpty() && !sinceWhen)
        return json(QJsonObject{{u"ErrorNumber"_s, 10},
                                {u"Type"_s, u"ValidationException"_s},
                                {u"Message"_s, u"A validation exception occurred"_s},
                                {u"Elements"_s,
                                 QJsonArray{QJsonObject{
                                     {u"ValidationErrors"_s,
                                      QJsonArray{QJsonObject{{u"Message"_s, u"If-Modified-Since is not a date"_s}}}}}}}},
                    400);
    for (const QJsonObject &record : all) {
        // "Created or modified since": inclusive, a client de-duplicates on the primary key.
        if (sinceWhen && qint64(record.value(kUpdated).toDouble()) < sinceWhen->toMSecsSinceEpoch())
            continue;
        selected.append(record);
    }
    const QString order = request.query.queryItemValue(u"order"_s, QUrl::FullyDecoded).trimmed();
    if (order.startsWith(u"UpdatedDateUTC"_s, Qt::CaseInsensitive)) {
        const bool descending = order.endsWith(u"DESC"_s, Qt::CaseInsensitive);
        std::stable_sort(selected.begin(), selected.end(), [descending](const QJsonObject &a, const QJsonObject &b) {
            const double x = a.value(kUpdated).toDouble();
            const double y = b.value(kUpdated).toDouble();
            return descending ? x > y : x < y;
        });
    }
    QJsonObject envelope{{u"Id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                         {u"Status"_s, u"OK"_s},
                         {u"ProviderName"_s, u"Opbox fake"_s},
                         {u"DateTimeUTC"_s, dotNetDate(QDateTime::currentDateTimeUtc(), false)}};
    qsizetype from = 0;
    qsizetype to = selected.size();
    const QString pageText = request.query.queryItemValue(u"page"_s);
    if (paged && !pageText.isEmpty()) {
        bool ok = false;
        const int page = pageText.toInt(&ok);
        int pageSize = 100;
        const QString sizeText = request.query.queryItemValue(u"pageSize"_s);
        if (!sizeText.isEmpty())
            pageSize = sizeText.toInt();
        if (!ok || page < 1 || pageSize < 1)
            return json(QJsonObject{{u"ErrorNumber"_s, 10},
                                    {u"Type"_s, u"ValidationException"_s},
                                    {u"Message"_s, u"A validation exception occurred"_s}},
                        400);
        pageSize = std::min(pageSize, 1000);
        const qsizetype itemCount = selected.size();
        const int pageCount = int((itemCount + pageSize - 1) / pageSize);
        from = std::min<qsizetype>(itemCount, qsizetype(page - 1) * pageSize);
        to = std::min<qsizetype>(itemCount, from + pageSize);
        envelope.insert(
            u"pagination"_s,
            QJsonObject{
                {u"page"_s, page}, {u"pageSize"_s, pageSize}, {u"pageCount"_s, pageCount}, {u"itemCount"_s, int(itemCount)}});
    }
    QJsonArray out;
    for (qsizetype i = from; i < to; ++i) {
        QJsonObject record = selected.at(i);
        record.remove(kUpdated);
        out.append(record);
    }
    envelope.insert(key, out);
    Response r;
    r.body = xeroJson(envelope);
    r.recordsPath = key;
    r.hasRecords = true;
    r.dateField = u"UpdatedDateUTC"_s;
    return r;
}

} // namespace Opbox::Fakes
