// SPDX-License-Identifier: GPL-3.0-or-later
#include "firefliesfakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

/** One field of a GraphQL selection, with its arguments already resolved from the variables. */
struct Selection
{
    QString name;
    QJsonObject args;
    QList<Selection> children;
};

/** Just enough GraphQL to read the queries a connector sends: one operation, fields, arguments. */
class MiniGraphQl
{
public:
    MiniGraphQl(QString text, QJsonObject variables)
        : m_text(std::move(text))
        , m_variables(std::move(variables))
    {
    }

    std::optional<QList<Selection>> parse(QString *error)
    {
        skip();
        if (peekName() == u"query") {
            readName();
            skip();
            if (isNameStart(peek()))
                readName(); // operation name
            skip();
            if (peek() == u'(' && !skipBalanced(u'(', u')'))
                return fail(error, u"unterminated variable definitions"_s);
        }
        skip();
        auto set = selectionSet(error);
        if (!set)
            return std::nullopt;
        skip();
        if (m_pos < m_text.size())
            return fail(error, u"Syntax Error: Unexpected \"%1\""_s.arg(m_text.at(m_pos)));
        return set;
    }

private:
    std::nullopt_t fail(QString *error, const QString &message)
    {
        if (error && error->isEmpty())
            *error = message;
        return std::nullopt;
    }
    QChar peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : QChar(); }
    static bool isNameStart(QChar c) { return c.isLetter() || c == u'_'; }
    void skip()
    {
        while (m_pos < m_text.size() && (m_text.at(m_pos).isSpace() || m_text.at(m_pos) == u','))
            ++m_pos;
    }
    QString peekName() const
    {
        qsizetype end = m_pos;
        while (end < m_text.size() && (m_text.at(end).isLetterOrNumber() || m_text.at(end) == u'_'))
            ++end;
        return m_text.mid(m_pos, end - m_pos);
    }
    QString readName()
    {
        const QString name = peekName();
        m_pos += name.size();
        return name;
    }
    bool skipBalanced(QChar open, QChar close)
    {
        int depth = 0;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos++);
            if (c == open)
                ++depth;
            else if (c == close && --depth == 0)
                return true;
        }
        return false;
    }
    std::optional<QJsonValue> value(QString *error)
    {
        skip();
        const QChar c = peek();
        if (c == u'$') {
            ++m_pos;
            const QString name = readName();
            return m_variables.contains(name) ? m_variables.value(name) : QJsonValue(QJsonValue::Null);
        }
        if (c == u'"') {
            const qsizetype end = m_text.indexOf(u'"', m_pos + 1);
            if (end < 0)
                return fail(error, u"unterminated string"_s);
            const QString s = m_text.mid(m_pos + 1, end - m_pos - 1);
            m_pos = end + 1;
            return QJsonValue(s);
        }
        if (c.isDigit() || c == u'-') {
            qsizetype end = m_pos + 1;
            while (end < m_text.size() && (m_text.at(end).isDigit() || m_text.at(end) == u'.'))
                ++end;
            const double d = m_text.mid(m_pos, end - m_pos).toDouble();
            m_pos = end;
            return QJsonValue(d);
        }
        if (c == u'[') {
            if (!skipBalanced(u'[', u']'))
                return fail(error, u"unterminated list"_s);
            return QJsonValue(QJsonArray());
        }
        const QString word = readName();
        if (word == u"true" || word == u"false")
            return QJsonValue(word == u"true");
        if (word == u"null")
            return QJsonValue(QJsonValue::Null);
        return fail(error, u"Syntax Error: Unexpected \"%1\""_s.arg(word.isEmpty() ? QString(c) : word));
    }
    std::optional<QList<Selection>> selectionSet(QString *error)
    {
        skip();
        if (peek() != u'{')
            return fail(error, u"Syntax Error: Expected \"{\""_s);
        ++m_pos;
        QList<Selection> out;
        for (;;) {
            skip();
            if (peek() == u'}') {
                ++m_pos;
                return out;
            }
            if (!isNameStart(peek()))
                return fail(error, u"Syntax Error: Expected Name, found \"%1\""_s.arg(peek()));
            Selection field;
            field.name = readName();
            skip();
            if (peek() == u'(') {
                ++m_pos;
                for (;;) {
                    skip();
                    if (peek() == u')') {
                        ++m_pos;
                        break;
                    }
                    const QString arg = readName();
                    skip();
                    if (arg.isEmpty() || peek() != u':')
                        return fail(error, u"Syntax Error: Expected \":\""_s);
                    ++m_pos;
                    const auto v = value(error);
                    if (!v)
                        return std::nullopt;
                    field.args.insert(arg, *v);
                }
                skip();
            }
            if (peek() == u'{') {
                auto children = selectionSet(error);
                if (!children)
                    return std::nullopt;
                field.children = *children;
            }
            out.append(field);
        }
    }

    QString m_text;
    QJsonObject m_variables;
    qsizetype m_pos = 0;
};

QJsonValue select(const QJsonValue &value, const QList<Selection> &selection)
{
    if (selection.isEmpty())
        return value;
    if (value.isArray()) {
        QJsonArray out;
        for (const auto &item : value.toArray())
            out.append(select(item, selection));
        return out;
    }
    if (!value.isObject())
        return value;
    const QJsonObject o = value.toObject();
    QJsonObject out;
    for (const auto &field : selection)
        out.insert(field.name,
                   o.contains(field.name) ? select(o.value(field.name), field.children) : QJsonValue(QJsonValue::Null));
    return out;
}

} // namespace

FirefliesFakeServer::FirefliesFakeServer(QObject *parent)
    : FakeProviderServer(parent)
{
}

FirefliesFakeServer::~FirefliesFakeServer()
{
    stop();
}

QJsonObject FirefliesFakeServer::credentials() const
{
    return {{u"apiKey"_s, token()}};
}

void FirefliesFakeServer::seed(int transcripts, int users, const QDateTime &first, int spacingSeconds)
{
    {
        QMutexLocker lock(&mutex());
        for (int n = 0; n < users; ++n) {
            const int un = int(m_users.size());
            m_users.append(QJsonObject{{u"user_id"_s, u"u_%1"_s.arg(100 + un)},
                                       {u"email"_s, u"member%1@example.com"_s.arg(un)},
                                       {u"name"_s, u"Member %1"_s.arg(un)},
                                       {u"num_transcripts"_s, transcripts},
                                       {u"recent_meeting"_s, QJsonValue(QJsonValue::Null)},
                                       {u"minutes_consumed"_s, 12.5 * un},
                                       {u"is_admin"_s, un == 0},
                                       {u"integrations"_s, QJsonArray{u"zoom"_s, u"slack"_s}}});
        }
    }
    for (int n = 0; n < transcripts; ++n)
        addTranscript(first.addSecs(qint64(n) * spacingSeconds));
}

QString FirefliesFakeServer::addTranscript(const QDateTime &date)
{
    QMutexLocker lock(&mutex());
    const int n = int(m_transcripts.size());
    const QString id = u"01JFAKE%1"_s.arg(n, 6, 10, QLatin1Char('0'));
    m_transcripts.append(QJsonObject{
        {u"id"_s, id},
        {u"title"_s, u"Weekly sync %1"_s.arg(n)},
        {u"date"_s, double(date.toMSecsSinceEpoch())},
        {u"dateString"_s, iso(date)},
        {u"duration"_s, 30.5 + n % 7},
        {u"organizer_email"_s, u"lead@example.com"_s},
        {u"host_email"_s, u"lead@example.com"_s},
        {u"participants"_s, QJsonArray{u"lead@example.com"_s, u"dev%1@example.com"_s.arg(n % 5)}},
        {u"transcript_url"_s, u"https://app.fireflies.ai/view/%1"_s.arg(id)},
        {u"meeting_link"_s, u"https://meet.google.com/abc-defg-%1"_s.arg(n)},
        {u"audio_url"_s, u"https://cdn.fireflies.ai/%1.mp3?signature=expires-in-24h"_s.arg(id)},
        {u"summary"_s,
         QJsonObject{{u"overview"_s, u"Discussed item %1."_s.arg(n)},
                     {u"action_items"_s, u"Follow up on %1"_s.arg(n)},
                     {u"keywords"_s, QJsonArray{u"launch"_s, u"timeline"_s}}}},
    });
    return id;
}

QString FirefliesFakeServer::retitle(int index, const QString &title)
{
    QMutexLocker lock(&mutex());
    if (index < 0 || index >= m_transcripts.size())
        return {};
    m_transcripts[index].insert(u"title"_s, title);
    return m_transcripts.at(index).value(u"id"_s).toString();
}

int FirefliesFakeServer::transcriptCount() const
{
    QMutexLocker lock(&mutex());
    return int(m_transcripts.size());
}

void FirefliesFakeServer::setDailyQuota(int requests, qint64 resetInMs)
{
    QMutexLocker lock(&mutex());
    m_quotaLeft = requests;
    m_quotaResetInMs = resetInMs;
}

void FirefliesFakeServer::setHttpStatusForErrors(bool enabled)
{
    m_httpStatusForErrors = enabled;
}

FakeProviderServer::Response FirefliesFakeServer::graphQlError(int status, const QString &code, const QString &message,
                                                               const QJsonObject &metadata) const
{
    QJsonObject extensions{{u"code"_s, code}, {u"status"_s, status}};
    if (!metadata.isEmpty())
        extensions.insert(u"metadata"_s, metadata);
    Response r = json(
        QJsonObject{{u"data"_s, QJsonValue(QJsonValue::Null)},
                    {u"errors"_s,
                     QJsonArray{QJsonObject{
                         {u"message"_s, message}, {u"code"_s, code}, {u"friendly"_s, true}, {u"extensions"_s, extensions}}}}});
    r.status = m_httpStatusForErrors ? status : 200;
    return r;
}

QByteArray FirefliesFakeServer::errorBody(int status, const QString &message) const
{
    return graphQlError(status, status >= 500 ? u"internal_server_error"_s : u"invalid_request"_s, message).body;
}

FakeProviderServer::Response FirefliesFakeServer::unauthorized(const Request & /*request*/) const
{
    return graphQlError(401, u"auth_failed"_s, u"Invalid API key"_s);
}

FakeProviderServer::Response FirefliesFakeServer::rateLimited(const Request & /*request*/, const QString &retryAfter) const
{
    const qint64 at = QDateTime::currentMSecsSinceEpoch() + qint64(retryAfter.toDouble() * 1000);
    return graphQlError(429, u"too_many_requests"_s, u"Too many requests. Please retry after the given time."_s,
                        {{u"retryAfter"_s, double(at)}});
}

FakeProviderServer::Response FirefliesFakeServer::serverError(const Request & /*request*/, int status) const
{
    Response r = graphQlError(status, u"internal_server_error"_s, u"Something went wrong"_s);
    r.status = status; // a proxy in front of GraphQL answers with the real status
    return r;
}

FakeProviderServer::Response FirefliesFakeServer::handle(const Request &request)
{
    if (request.method != "POST" || !request.path.isEmpty())
        return graphQlError(404, u"object_not_found"_s, u"Only POST /graphql is served"_s);
    if (m_quotaLeft == 0) {
        return graphQlError(429, u"too_many_requests"_s, u"You have exceeded the daily API limit."_s,
                            {{u"retryAfter"_s, double(QDateTime::currentMSecsSinceEpoch() + m_quotaResetInMs)}});
    }
    if (m_quotaLeft > 0)
        --m_quotaLeft;

    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject() || !doc.object().value(u"query"_s).isString()) {
        Response r = graphQlError(400, u"GRAPHQL_PARSE_FAILED"_s,
                                  u"POST body missing, invalid Content-Type, or JSON object has no keys."_s);
        r.status = 400;
        return r;
    }
    QString parseError;
    MiniGraphQl parser(doc.object().value(u"query"_s).toString(), doc.object().value(u"variables"_s).toObject());
    const auto selection = parser.parse(&parseError);
    if (!selection) {
        Response r = graphQlError(400, u"GRAPHQL_PARSE_FAILED"_s, parseError);
        r.status = 400;
        return r;
    }
    QJsonObject data;
    bool listed = false;
    for (const auto &root : *selection) {
        if (root.name == u"transcripts") {
            const QJsonObject args = root.args;
            int limit = 50;
            if (args.contains(u"limit"_s) && !args.value(u"limit"_s).isNull())
                limit = args.value(u"limit"_s).toInt();
            const int skip = args.value(u"skip"_s).toInt(0);
            if (limit > 50 || limit < 1 || skip < 0) {
                return graphQlError(
                    400, u"invalid_arguments"_s, u"Invalid argument(s) were provided"_s,
                    {{u"fields"_s,
                      QJsonArray{QJsonObject{{u"name"_s, u"limit"_s}, {u"message"_s, u"limit must be between 1 and 50"_s}}}}});
            }
            std::optional<QDateTime> from, to;
            for (const auto &[name, target] : {std::pair{u"fromDate"_s, &from}, std::pair{u"toDate"_s, &to}}) {
                const QJsonValue v = args.value(name);
                if (v.isUndefined() || v.isNull())
                    continue;
                *target = parseIso(v.toString());
                if (!*target) {
                    return graphQlError(
                        400, u"invalid_arguments"_s, u"Invalid argument(s) were provided"_s,
                        {{u"fields"_s,
                          QJsonArray{
                              QJsonObject{{u"name"_s, name}, {u"message"_s, QString(name + u" must be a Date instance"_s)}}}}});
                }
            }
            QList<QJsonObject> matching;
            for (const auto &t : std::as_const(m_transcripts)) {
                const qint64 date = qint64(t.value(u"date"_s).toDouble());
                if ((from && date < from->toMSecsSinceEpoch()) || (to && date >= to->toMSecsSinceEpoch()))
                    continue;
                matching.append(t);
            }
            std::stable_sort(matching.begin(), matching.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value(u"date"_s).toDouble() > b.value(u"date"_s).toDouble(); // newest first
            });
            QJsonArray out;
            for (qsizetype i = skip; i < matching.size() && i < skip + limit; ++i)
                out.append(select(matching.at(i), root.children));
            data.insert(u"transcripts"_s, out);
            listed = true;
        } else if (root.name == u"users") {
            QJsonArray out;
            for (const auto &u : std::as_const(m_users))
                out.append(select(u, root.children));
            data.insert(u"users"_s, out);
            listed = true;
        } else if (root.name == u"user") {
            const QJsonObject self{{u"user_id"_s, u"u_owner"_s},
                                   {u"email"_s, u"lead@example.com"_s},
                                   {u"name"_s, u"Lee Lead"_s},
                                   {u"num_transcripts"_s, m_transcripts.size()},
                                   {u"is_admin"_s, true}};
            data.insert(u"user"_s, select(self, root.children));
        } else {
            Response r = graphQlError(400, u"GRAPHQL_VALIDATION_FAILED"_s,
                                      u"Cannot query field \"%1\" on type \"Query\"."_s.arg(root.name));
            r.status = 400;
            return r;
        }
    }
    Response r = json(QJsonObject{{u"data"_s, data}});
    if (listed) {
        r.hasRecords = true;
        r.recordsPath = data.contains(u"transcripts"_s) ? u"data.transcripts"_s : u"data.users"_s;
        r.dateField = u"date"_s;
    }
    return r;
}

} // namespace Opbox::Fakes
