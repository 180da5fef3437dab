// SPDX-License-Identifier: GPL-3.0-or-later
#include "docusignfakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

const QString kChanged = u"_changedMs"_s; // internal: lastModifiedDateTime as epoch ms, stripped when served

QString guid(int kind, int n)
{
    return u"%1-afa0-4adf-933c-%2"_s.arg(0x93be0000 + kind, 8, 16, QLatin1Char('0')).arg(n, 12, 16, QLatin1Char('0'));
}

QString numberText(qsizetype n)
{
    return QString::number(n); // DocuSign sends its counters as strings
}

} // namespace

DocuSignFakeServer::DocuSignFakeServer(QObject *parent)
    : FakeProviderServer(parent)
    , m_auth(u"DOC_SIGNING"_s, u"docusign-account"_s, {u"/oauth/auth"_s, u"/oauth/token"_s, u"/oauth/userinfo"_s})
{
    m_auth.setRequiredScopes({u"signature"_s});
    m_auth.setRotateRefreshTokens(true);
    m_auth.setRefreshReuseGrace(0);
    m_auth.setAccessTokenLifetime(8 * 3600);
    m_auth.setUserInfo([this] {
        return QJsonObject{{u"sub"_s, u"4799e5e9-1559-4915-9862-cf4713bbcacc"_s},
                           {u"name"_s, u"Ops Bot"_s},
                           {u"email"_s, u"ops@acme.io"_s},
                           {u"accounts"_s,
                            QJsonArray{QJsonObject{{u"account_id"_s, u"00000000-1111-2222-3333-444444444444"_s},
                                                   {u"is_default"_s, false},
                                                   {u"account_name"_s, u"Acme Sandbox"_s},
                                                   {u"base_uri"_s, u"https://demo.docusign.net"_s}},
                                       QJsonObject{{u"account_id"_s, m_accountId},
                                                   {u"is_default"_s, true},
                                                   {u"account_name"_s, u"Acme Inc"_s},
                                                   {u"base_uri"_s, origin().toString()}}}}};
    });
    m_auth.start();
}

DocuSignFakeServer::~DocuSignFakeServer()
{
    stop();
    m_auth.stop();
}

QJsonObject DocuSignFakeServer::credentials() const
{
    return m_auth.credentials();
}

QJsonObject DocuSignFakeServer::connectorConfig() const
{
    return {{u"authBaseUrl"_s, m_auth.origin().toString()}};
}

QString DocuSignFakeServer::accountId() const
{
    return m_accountId;
}

void DocuSignFakeServer::expireTokensAtRequest(int requests)
{
    m_expireAt.store(requests);
}

void DocuSignFakeServer::seed(int envelopes, int templates, int users, const QDateTime &start)
{
    QMutexLocker lock(&mutex());
    static const QStringList statuses{u"completed"_s, u"sent"_s, u"delivered"_s, u"declined"_s, u"voided"_s};
    for (int i = 0; i < envelopes; ++i) {
        const int n = int(m_envelopes.size());
        const QDateTime created = start.addSecs(qint64(n) * 3600);
        const QDateTime changed = created.addSecs(1800);
        const QString status = statuses.at(n % statuses.size());
        QJsonObject e{{u"envelopeId"_s, guid(1, n)},
                      {u"status"_s, status},
                      {u"emailSubject"_s, u"Please sign: Agreement %1"_s.arg(n)},
                      {u"createdDateTime"_s, iso(created, 7)},
                      {u"sentDateTime"_s, iso(created.addSecs(2), 7)},
                      {u"statusChangedDateTime"_s, iso(changed, 7)},
                      {u"lastModifiedDateTime"_s, iso(changed, 7)},
                      {u"envelopeUri"_s, QString(u"/envelopes/"_s + guid(1, n))},
                      {u"sender"_s, QJsonObject{{u"userName"_s, u"Ops Bot"_s}, {u"email"_s, u"ops@acme.io"_s}}},
                      {kChanged, double(changed.toMSecsSinceEpoch())}};
        if (status == u"completed"_s)
            e.insert(u"completedDateTime"_s, iso(changed, 7));
        m_envelopes.append(e);
    }
    for (int i = 0; i < templates; ++i) {
        const int n = int(m_templates.size());
        const QDateTime created = start.addSecs(qint64(n) * 86400);
        m_templates.append(QJsonObject{{u"templateId"_s, guid(2, n)},
                                       {u"name"_s, u"Template %1"_s.arg(n)},
                                       {u"description"_s, u"Standard agreement %1"_s.arg(n)},
                                       {u"shared"_s, n % 2 == 0 ? u"true"_s : u"false"_s},
                                       {u"created"_s, iso(created, 7)},
                                       {u"lastModified"_s, iso(created.addSecs(3600), 7)},
                                       {u"folderName"_s, u"Templates"_s},
                                       {u"owner"_s, QJsonObject{{u"userName"_s, u"Ops Bot"_s}, {u"email"_s, u"ops@acme.io"_s}}}});
    }
    for (int i = 0; i < users; ++i) {
        const int n = int(m_users.size());
        m_users.append(QJsonObject{{u"userId"_s, guid(3, n)},
                                   {u"userName"_s, u"User %1"_s.arg(n)},
                                   {u"email"_s, u"user%1@acme.io"_s.arg(n)},
                                   {u"userStatus"_s, n % 5 == 4 ? u"Closed"_s : u"Active"_s},
                                   {u"permissionProfileName"_s, n == 0 ? u"Account Administrator"_s : u"DocuSign Sender"_s},
                                   {u"createdDateTime"_s, iso(start.addSecs(qint64(n) * 60), 7)},
                                   {u"isAdmin"_s, n == 0 ? u"True"_s : u"False"_s}});
    }
}

QString DocuSignFakeServer::touchEnvelope(int index, const QDateTime &when, const QString &status)
{
    QMutexLocker lock(&mutex());
    if (index < 0 || index >= m_envelopes.size())
        return {};
    QJsonObject &e = m_envelopes[index];
    e.insert(u"status"_s, status);
    e.insert(u"statusChangedDateTime"_s, iso(when, 7));
    e.insert(u"lastModifiedDateTime"_s, iso(when, 7));
    if (status == u"completed"_s)
        e.insert(u"completedDateTime"_s, iso(when, 7));
    e.insert(kChanged, double(when.toMSecsSinceEpoch()));
    return e.value(u"envelopeId"_s).toString();
}

int DocuSignFakeServer::count(const QString &stream) const
{
    QMutexLocker lock(&mutex());
    if (stream == u"envelopes"_s)
        return int(m_envelopes.size());
    if (stream == u"templates"_s)
        return int(m_templates.size());
    if (stream == u"users"_s)
        return int(m_users.size());
    return 0;
}

bool DocuSignFakeServer::isAuthorized(const Request &request) const
{
    int at = m_expireAt.load();
    while (at > 0 && !m_expireAt.compare_exchange_weak(at, at - 1)) { }
    if (at == 1)
        m_auth.expireAccessTokens();
    const QByteArray header = request.header("authorization");
    return header.startsWith("Bearer ") && m_auth.isValidAccessToken(QString::fromUtf8(header.mid(7)).trimmed());
}

FakeProviderServer::Response DocuSignFakeServer::docuSignError(int status, const QString &code, const QString &message) const
{
    return json(QJsonObject{{u"errorCode"_s, code}, {u"message"_s, message}}, status);
}

FakeProviderServer::Response DocuSignFakeServer::unauthorized(const Request & /*request*/) const
{
    return docuSignError(401, u"AUTHORIZATION_INVALID_TOKEN"_s, u"The access token provided is expired, revoked or malformed."_s);
}

FakeProviderServer::Response DocuSignFakeServer::rateLimited(const Request & /*request*/, const QString &retryAfter) const
{
    Response r = docuSignError(429, u"HOURLY_APIINVOCATION_LIMIT_EXCEEDED"_s,
                               u"The maximum number of hourly API invocations has been exceeded."_s);
    r.headers.append({QByteArrayLiteral("Retry-After"), retryAfter.toUtf8()});
    r.headers.append({QByteArrayLiteral("X-RateLimit-Remaining"), QByteArrayLiteral("0")});
    return r;
}

QByteArray DocuSignFakeServer::errorBody(int /*status*/, const QString &message) const
{
    return QJsonDocument(QJsonObject{{u"errorCode"_s, u"UNSPECIFIED_ERROR"_s}, {u"message"_s, message}})
        .toJson(QJsonDocument::Compact);
}

QList<QPair<QByteArray, QByteArray>> DocuSignFakeServer::commonHeaders() const
{
    const QByteArray reset = QByteArray::number(QDateTime::currentSecsSinceEpoch() / 3600 * 3600 + 3600);
    return {{"X-RateLimit-Limit", "3000"},
            {"X-RateLimit-Remaining", "2990"},
            {"X-RateLimit-Reset", reset},
            {"X-BurstLimit-Limit", "500"},
            {"X-BurstLimit-Remaining", "499"}};
}

FakeProviderServer::Response DocuSignFakeServer::handle(const Request &request)
{
    static const QRegularExpression route(u"^/v2\\.1/accounts/([^/]+)/(envelopes|templates|users)$"_s);
    const auto match = route.match(request.path);
    if (!match.hasMatch())
        return docuSignError(404, u"RESOURCE_NOT_FOUND"_s, u"The URL provided does not resolve to a resource."_s);
    if (request.method != "GET")
        return docuSignError(405, u"INVALID_REQUEST_METHOD"_s, u"The request method is not supported."_s);
    if (match.captured(1) != m_accountId)
        return docuSignError(400, u"USER_NOT_ACCOUNT_MEMBER"_s, u"The user is not a member of the account."_s);
    const QString resource = match.captured(2);
    if (resource == u"envelopes"_s)
        return envelopes(request);
    if (resource == u"templates"_s)
        return list(request, u"envelopeTemplates"_s, m_templates, false);
    if (!m_admin) {
        return docuSignError(400, u"USER_LACKS_PERMISSIONS"_s,
                             u"This user lacks sufficient permissions to access this resource."_s);
    }
    return list(request, u"users"_s, m_users, false);
}

void DocuSignFakeServer::setAccountAdmin(bool admin)
{
    QMutexLocker lock(&mutex());
    m_admin = admin;
}

FakeProviderServer::Response DocuSignFakeServer::envelopes(const Request &request)
{
    const QString fromText = request.query.queryItemValue(u"from_date"_s, QUrl::FullyDecoded);
    if (fromText.isEmpty() && !request.query.hasQueryItem(u"envelope_ids"_s))
        return docuSignError(400, u"INVALID_REQUEST_PARAMETER"_s,
                             u"The request contained at least one invalid parameter. A value for 'from_date', "
                             u"'envelope_ids', or 'transaction_ids' must be set."_s);
    const auto from = parseIso(fromText);
    if (!from)
        return docuSignError(400, u"INVALID_REQUEST_PARAMETER"_s,
                             u"The request contained at least one invalid parameter. Invalid value for 'from_date'."_s);
    QList<QJsonObject> selected;
    for (const QJsonObject &e : std::as_const(m_envelopes)) {
        if (qint64(e.value(kChanged).toDouble()) >= from->toMSecsSinceEpoch())
            selected.append(e);
    }
    const bool descending = request.query.queryItemValue(u"order"_s).compare(u"desc"_s, Qt::CaseInsensitive) == 0;
    std::stable_sort(selected.begin(), selected.end(), [descending](const QJsonObject &a, const QJsonObject &b) {
        const double x = a.value(kChanged).toDouble();
        const double y = b.value(kChanged).toDouble();
        return descending ? x > y : x < y;
    });
    return list(request, u"envelopes"_s, selected, true);
}

FakeProviderServer::Response DocuSignFakeServer::list(const Request &request, const QString &key,
                                                      const QList<QJsonObject> &records, bool omitWhenEmpty)
{
    bool ok = true;
    const QString startText = request.query.queryItemValue(u"start_position"_s);
    const QString countText = request.query.queryItemValue(u"count"_s);
    const qsizetype start = startText.isEmpty() ? 0 : startText.toLongLong(&ok);
    bool countOk = true;
    const qsizetype pageSize = countText.isEmpty() ? 100 : countText.toLongLong(&countOk);
    if (!ok || !countOk || start < 0 || pageSize < 1)
        return docuSignError(400, u"INVALID_REQUEST_PARAMETER"_s,
                             u"The request contained at least one invalid parameter. Invalid value for 'start_position' "
                             u"or 'count'."_s);
    const qsizetype total = records.size();
    const qsizetype from = std::min(start, total);
    const qsizetype to = std::min(total, from + pageSize);
    QJsonArray out;
    for (qsizetype i = from; i < to; ++i) {
        QJsonObject record = records.at(i);
        record.remove(kChanged);
        out.append(record);
    }
    QJsonObject body{{u"resultSetSize"_s, numberText(out.size())},
                     {u"startPosition"_s, numberText(from)},
                     {u"endPosition"_s, numberText(from + out.size() - 1)},
                     {u"totalSetSize"_s, numberText(total)}};
    if (to < total) {
        QUrlQuery next = request.query;
        next.removeAllQueryItems(u"start_position"_s);
        next.addQueryItem(u"start_position"_s, QString::number(to));
        body.insert(u"nextUri"_s,
                    u"/accounts/%1/%2?%3"_s.arg(m_accountId, request.path.section(u'/', -1), next.toString(QUrl::FullyEncoded)));
    } else {
        body.insert(u"nextUri"_s, QJsonValue());
    }
    body.insert(u"previousUri"_s,
                from > 0 ? QJsonValue(u"/accounts/%1/%2"_s.arg(m_accountId, request.path.section(u'/', -1))) : QJsonValue());
    if (!out.isEmpty() || !omitWhenEmpty)
        body.insert(key, out);
    Response r = json(body);
    r.recordsPath = key;
    r.hasRecords = !out.isEmpty();
    r.dateField = key == u"envelopes"_s ? u"lastModifiedDateTime"_s : QString();
    return r;
}

} // namespace Opbox::Fakes
