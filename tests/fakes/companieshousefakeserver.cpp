// SPDX-License-Identifier: GPL-3.0-or-later
#include "companieshousefakeserver.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

const QStringList kSurnames{u"SMITH"_s, u"JONES"_s, u"TAYLOR"_s, u"BROWN"_s, u"WILLIAMS"_s, u"WILSON"_s};
const QStringList kCategories{u"accounts"_s, u"confirmation-statement"_s, u"officers"_s, u"capital"_s};

QString date(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QString opaqueId(const QString &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha1)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                                   .left(24));
}

} // namespace

CompaniesHouseFakeServer::CompaniesHouseFakeServer(QObject *parent)
    : FakeProviderServer(parent)
{
}

CompaniesHouseFakeServer::~CompaniesHouseFakeServer()
{
    stop();
}

QJsonObject CompaniesHouseFakeServer::credentials() const
{
    return {{u"apiKey"_s, token()}};
}

QJsonObject CompaniesHouseFakeServer::connectorConfig() const
{
    return {{u"baseUrl"_s, baseUrl().toString()}, {u"companyNumbers"_s, QJsonArray::fromStringList(companyNumbers())}};
}

void CompaniesHouseFakeServer::seed(int companies, int officersPerCompany, int filingsPerCompany, int pscsPerCompany)
{
    QMutexLocker lock(&mutex());
    const QDate epoch(2005, 3, 1);
    for (int c = 0; c < companies; ++c) {
        const int n = int(m_order.size());
        // Company numbers are 8-character strings: leading zeros and the Scottish / Northern Irish prefixes matter.
        QString number;
        switch (n % 3) {
        case 0: number = u"%1"_s.arg(445790 + n, 8, 10, QLatin1Char('0')); break;
        case 1: number = u"SC%1"_s.arg(100000 + n, 6, 10, QLatin1Char('0')); break;
        default: number = u"NI%1"_s.arg(600000 + n, 6, 10, QLatin1Char('0')); break;
        }
        Company company;
        company.profile = QJsonObject{
            {u"company_number"_s, number},
            {u"company_name"_s, u"EXAMPLE TRADING %1 LIMITED"_s.arg(n)},
            {u"company_status"_s, n % 5 == 4 ? u"dissolved"_s : u"active"_s},
            {u"type"_s, n % 4 == 0 ? u"plc"_s : u"ltd"_s},
            {u"date_of_creation"_s, date(epoch.addDays(n * 97))},
            {u"jurisdiction"_s,
             n % 3 == 1       ? u"scotland"_s
                 : n % 3 == 2 ? u"northern-ireland"_s
                              : u"england-wales"_s},
            {u"sic_codes"_s, QJsonArray{u"47110"_s, u"62020"_s}},
            {u"registered_office_address"_s,
             QJsonObject{{u"address_line_1"_s, u"%1 High Street"_s.arg(n + 1)},
                         {u"locality"_s, u"Welwyn Garden City"_s},
                         {u"postal_code"_s, u"AL7 1GA"_s},
                         {u"country"_s, u"United Kingdom"_s}}},
            {u"accounts"_s,
             QJsonObject{{u"next_due"_s, u"2025-12-31"_s},
                         {u"last_accounts"_s, QJsonObject{{u"made_up_to"_s, u"2025-02-22"_s}, {u"type"_s, u"group"_s}}}}},
            {u"has_charges"_s, n % 2 == 0},
            {u"has_insolvency_history"_s, false},
            {u"can_file"_s, true},
            {u"etag"_s, opaqueId(number + u"etag"_s)},
            {u"links"_s, QJsonObject{{u"self"_s, QString(u"/company/"_s + number)}}},
        };
        for (int i = 0; i < officersPerCompany; ++i) {
            const QString appointment = opaqueId(number + u"officer"_s + QString::number(i));
            const QString officer = opaqueId(u"person"_s + QString::number(n * 1000 + i));
            QJsonObject o{
                {u"name"_s, u"%1, Jane %2"_s.arg(kSurnames.at(i % kSurnames.size())).arg(i)},
                {u"officer_role"_s, i % 4 == 3 ? u"secretary"_s : u"director"_s},
                {u"appointed_on"_s, date(epoch.addDays(n * 97 + i * 31))},
                {u"nationality"_s, u"British"_s},
                {u"occupation"_s, u"Director"_s},
                {u"country_of_residence"_s, u"England"_s},
                {u"date_of_birth"_s, QJsonObject{{u"month"_s, 1 + i % 12}, {u"year"_s, 1950 + i % 40}}},
                {u"address"_s,
                 QJsonObject{{u"premises"_s, u"Tesco House"_s},
                             {u"locality"_s, u"Welwyn Garden City"_s},
                             {u"postal_code"_s, u"AL7 1GA"_s}}},
                {u"links"_s,
                 QJsonObject{{u"self"_s, u"/company/%1/appointments/%2"_s.arg(number, appointment)},
                             {u"officer"_s, QJsonObject{{u"appointments"_s, u"/officers/%1/appointments"_s.arg(officer)}}}}},
            };
            if (i % 5 == 4)
                o.insert(u"resigned_on"_s, date(epoch.addDays(n * 97 + i * 31 + 400)));
            company.officers.append(o);
        }
        for (int i = 0; i < filingsPerCompany; ++i) {
            const QString transaction = opaqueId(number + u"filing"_s + QString::number(i));
            const QString category = kCategories.at(i % kCategories.size());
            company.filings.append(QJsonObject{
                {u"transaction_id"_s, transaction},
                {u"category"_s, category},
                {u"type"_s,
                 category == u"accounts"_s       ? u"AA"_s
                     : category == u"officers"_s ? u"AP01"_s
                                                 : u"CS01"_s},
                {u"date"_s, date(epoch.addDays(n * 97 + i * 20))},
                {u"description"_s,
                 category == u"accounts"_s ? u"accounts-with-accounts-type-group"_s : u"confirmation-statement"_s},
                {u"description_values"_s, QJsonObject{{u"made_up_date"_s, date(epoch.addDays(n * 97 + i * 20 - 90))}}},
                {u"pages"_s, 1 + i % 40},
                {u"barcode"_s, u"X%1"_s.arg(transaction.left(7).toUpper())},
                {u"links"_s,
                 QJsonObject{{u"self"_s, u"/company/%1/filing-history/%2"_s.arg(number, transaction)},
                             {u"document_metadata"_s,
                              u"https://document-api.company-information.service.gov.uk/document/%1"_s.arg(transaction)}}},
            });
        }
        for (int i = 0; i < pscsPerCompany; ++i) {
            const QString id = opaqueId(number + u"psc"_s + QString::number(i));
            company.pscs.append(QJsonObject{
                {u"kind"_s, u"individual-person-with-significant-control"_s},
                {u"name"_s, u"Mr John Example %1"_s.arg(i)},
                {u"natures_of_control"_s, QJsonArray{u"ownership-of-shares-75-to-100-percent"_s}},
                {u"notified_on"_s, date(epoch.addDays(4000 + i))},
                {u"ceased_on"_s, QJsonValue::Null},
                {u"nationality"_s, u"British"_s},
                {u"date_of_birth"_s, QJsonObject{{u"month"_s, 1}, {u"year"_s, 1970 + i}}},
                {u"etag"_s, opaqueId(id + u"etag"_s)},
                {u"links"_s,
                 QJsonObject{{u"self"_s, u"/company/%1/persons-with-significant-control/individual/%2"_s.arg(number, id)}}},
            });
        }
        m_order.append(number);
        m_companies.insert(number, company);
    }
}

QStringList CompaniesHouseFakeServer::companyNumbers() const
{
    QMutexLocker lock(&mutex());
    return m_order;
}

int CompaniesHouseFakeServer::officerCount(const QString &companyNumber) const
{
    QMutexLocker lock(&mutex());
    return int(m_companies.value(companyNumber).officers.size());
}

int CompaniesHouseFakeServer::filingCount(const QString &companyNumber) const
{
    QMutexLocker lock(&mutex());
    return int(m_companies.value(companyNumber).filings.size());
}

int CompaniesHouseFakeServer::pscCount(const QString &companyNumber) const
{
    QMutexLocker lock(&mutex());
    return int(m_companies.value(companyNumber).pscs.size());
}

void CompaniesHouseFakeServer::setRateLimit(int requests, int windowMs)
{
    QMutexLocker lock(&mutex());
    m_limit = std::max(1, requests);
    m_windowMs = std::max(1, windowMs);
    m_windowStartMs = 0;
    m_used = 0;
}

void CompaniesHouseFakeServer::setAnnounceRateLimit(bool announce)
{
    QMutexLocker lock(&mutex());
    m_announce = announce;
}

int CompaniesHouseFakeServer::rateLimitRefusals() const
{
    QMutexLocker lock(&mutex());
    return m_refusals;
}

bool CompaniesHouseFakeServer::isAuthorized(const Request &request) const
{
    // The key is the user name; the password is empty, and the colon is still there.
    return request.header("authorization") == "Basic " + (token() + u':').toUtf8().toBase64();
}

QByteArray CompaniesHouseFakeServer::errorBody(int status, const QString &message) const
{
    if (status == 401)
        return QJsonDocument(QJsonObject{{u"error"_s, message}, {u"type"_s, u"ch:service"_s}}).toJson(QJsonDocument::Compact);
    return QJsonDocument(QJsonObject{{u"errors"_s, QJsonArray{QJsonObject{{u"error"_s, message}, {u"type"_s, u"ch:service"_s}}}}})
        .toJson(QJsonDocument::Compact);
}

FakeProviderServer::Response CompaniesHouseFakeServer::unauthorized(const Request & /*request*/) const
{
    return error(401, u"Invalid Authorization"_s);
}

void CompaniesHouseFakeServer::addRateHeaders(Response &response, bool force) const
{
    if (!m_announce && !force)
        return;
    // Reset is the epoch second the window ends; rounded up so that waiting until then is enough.
    const qint64 resetMs = m_windowStartMs + m_windowMs;
    response.headers.append({QByteArrayLiteral("X-Ratelimit-Limit"), QByteArray::number(m_limit)});
    response.headers.append({QByteArrayLiteral("X-Ratelimit-Remain"), QByteArray::number(std::max(0, m_limit - m_used))});
    response.headers.append({QByteArrayLiteral("X-Ratelimit-Reset"), QByteArray::number((resetMs + 999) / 1000)});
    const QByteArray window = m_windowMs % 60000 == 0 ? QByteArray(QByteArray::number(m_windowMs / 60000) + "m")
                                                      : QByteArray(QByteArray::number(m_windowMs) + "ms");
    response.headers.append({QByteArrayLiteral("X-Ratelimit-Window"), window});
}

FakeProviderServer::Response CompaniesHouseFakeServer::handle(const Request &request)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (m_windowStartMs == 0 || nowMs >= m_windowStartMs + m_windowMs) {
        m_windowStartMs = nowMs;
        m_used = 0;
    }
    if (m_used >= m_limit) {
        ++m_refusals;
        Response r
            = json(QJsonObject{{u"errors"_s,
                                QJsonArray{QJsonObject{{u"error"_s, u"Rate limit exceeded"_s}, {u"type"_s, u"ch:service"_s}}}}},
                   429);
        addRateHeaders(r, true);
        return r;
    }
    ++m_used;
    Response r = route(request);
    addRateHeaders(r, false);
    return r;
}

FakeProviderServer::Response CompaniesHouseFakeServer::listOf(const Request &request, const QList<QJsonObject> &items,
                                                              int defaultPerPage, QJsonObject envelope, const QString &totalKey)
{
    int perPage = defaultPerPage;
    if (request.query.hasQueryItem(u"items_per_page"_s))
        perPage = std::clamp(request.query.queryItemValue(u"items_per_page"_s).toInt(), 1, 100);
    qsizetype start = 0;
    if (request.query.hasQueryItem(u"start_index"_s)) {
        bool ok = false;
        start = request.query.queryItemValue(u"start_index"_s).toLongLong(&ok);
        if (!ok || start < 0)
            return json(QJsonObject{{u"errors"_s,
                                     QJsonArray{QJsonObject{{u"error"_s, u"start_index must be a number"_s},
                                                            {u"type"_s, u"ch:validation"_s}}}}},
                        400);
    }
    QJsonArray page;
    for (qsizetype i = start; i < items.size() && i < start + perPage; ++i)
        page.append(items.at(i));
    envelope.insert(u"items"_s, page);
    envelope.insert(u"items_per_page"_s, perPage);
    envelope.insert(u"start_index"_s, double(start));
    envelope.insert(totalKey, double(items.size()));
    Response r = json(envelope);
    r.hasRecords = true;
    r.recordsPath = u"items"_s;
    return r;
}

FakeProviderServer::Response CompaniesHouseFakeServer::route(const Request &request)
{
    if (request.method != "GET")
        return error(405, u"Method not allowed"_s);
    if (request.path == u"/search/companies") {
        const QString q = request.query.queryItemValue(u"q"_s, QUrl::FullyDecoded);
        QList<QJsonObject> hits;
        for (const QString &number : std::as_const(m_order)) {
            const QJsonObject &profile = m_companies[number].profile;
            if (q.isEmpty() || profile.value(u"company_name"_s).toString().contains(q, Qt::CaseInsensitive))
                hits.append(QJsonObject{{u"company_number"_s, number},
                                        {u"title"_s, profile.value(u"company_name"_s)},
                                        {u"company_status"_s, profile.value(u"company_status"_s)},
                                        {u"kind"_s, u"searchresults#company"_s}});
        }
        return listOf(request, hits, 20, QJsonObject{{u"kind"_s, u"search#companies"_s}, {u"page_number"_s, 1}},
                      u"total_results"_s);
    }
    static const QRegularExpression path(
        u"^/company/([A-Z0-9]{8})(/officers|/filing-history|/persons-with-significant-control)?$"_s);
    const auto m = path.match(request.path);
    if (!m.hasMatch())
        return error(404, u"not-found"_s);
    const auto it = m_companies.constFind(m.captured(1));
    if (it == m_companies.constEnd())
        return error(404, u"company-profile-not-found"_s);
    const QString what = m.captured(2);
    if (what.isEmpty()) {
        Response r = json(it->profile);
        r.hasRecords = true;
        r.recordsPath = QString();
        return r;
    }
    const QString number = it->profile.value(u"company_number"_s).toString();
    if (what == u"/officers") {
        int resigned = 0;
        for (const auto &o : it->officers)
            resigned += o.contains(u"resigned_on"_s) ? 1 : 0;
        return listOf(request, it->officers, 35,
                      QJsonObject{{u"kind"_s, u"officer-list"_s},
                                  {u"active_count"_s, int(it->officers.size()) - resigned},
                                  {u"resigned_count"_s, resigned},
                                  {u"etag"_s, opaqueId(number + u"officers"_s)},
                                  {u"links"_s, QJsonObject{{u"self"_s, u"/company/%1/officers"_s.arg(number)}}}},
                      u"total_results"_s);
    }
    if (what == u"/filing-history") {
        return listOf(request, it->filings, 25, QJsonObject{{u"filing_history_status"_s, u"filing-history-available"_s}},
                      u"total_count"_s);
    }
    if (it->pscs.isEmpty())
        return error(404, u"psc-details-not-found"_s);
    return listOf(
        request, it->pscs, 25,
        QJsonObject{{u"active_count"_s, int(it->pscs.size())},
                    {u"ceased_count"_s, 0},
                    {u"links"_s, QJsonObject{{u"self"_s, u"/company/%1/persons-with-significant-control"_s.arg(number)}}}},
        u"total_results"_s);
}

} // namespace Opbox::Fakes
