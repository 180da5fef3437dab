// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubfakeserver.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

const QString kDocs = u"https://docs.github.com/rest"_s;

QString seconds(const QDateTime &when)
{
    return FakeProviderServer::iso(when, 0);
}

QJsonObject person(const QString &login, int id)
{
    return {{u"login"_s, login}, {u"id"_s, id}, {u"type"_s, u"User"_s}};
}

} // namespace

GitHubFakeServer::GitHubFakeServer(QObject *parent)
    : FakeProviderServer(parent)
{
}

GitHubFakeServer::~GitHubFakeServer()
{
    stop();
}

QJsonObject GitHubFakeServer::credentials() const
{
    return {{u"token"_s, token()}};
}

void GitHubFakeServer::seed(int repositories, int issuesPerRepo, int pullsPerRepo, int commitsPerRepo, const QDateTime &start)
{
    QMutexLocker lock(&mutex());
    for (int r = 0; r < repositories; ++r) {
        const int rn = int(m_repositories.size());
        const QString name = u"repo-%1"_s.arg(rn);
        const QString fullName = u"acme/"_s + name;
        Repository repo;
        const QDateTime created = start.addDays(-30 + rn);
        repo.record
            = QJsonObject{{u"id"_s, 1296269 + rn},
                          {u"node_id"_s, u"MDEwOlJlcG9zaXRvcnk%1"_s.arg(rn)},
                          {u"name"_s, name},
                          {u"full_name"_s, fullName},
                          {u"private"_s, rn % 2 == 1},
                          {u"owner"_s, QJsonObject{{u"login"_s, u"acme"_s}, {u"id"_s, 42}, {u"type"_s, u"Organization"_s}}},
                          {u"description"_s, u"Repository %1"_s.arg(rn)},
                          {u"fork"_s, false},
                          {u"html_url"_s, QString(u"https://github.com/"_s + fullName)},
                          {u"default_branch"_s, u"main"_s},
                          {u"language"_s, u"C++"_s},
                          {u"visibility"_s, rn % 2 == 1 ? u"private"_s : u"public"_s},
                          {u"archived"_s, false},
                          {u"disabled"_s, false},
                          {u"stargazers_count"_s, 10 * rn},
                          {u"watchers_count"_s, 10 * rn},
                          {u"forks_count"_s, rn},
                          {u"open_issues_count"_s, issuesPerRepo + pullsPerRepo},
                          {u"topics"_s, QJsonArray{u"sync"_s}},
                          {u"created_at"_s, seconds(created)},
                          {u"updated_at"_s, seconds(start.addSecs(3600 * rn))},
                          {u"pushed_at"_s, seconds(start.addSecs(3600 * rn))}};
        const QString apiRepo = u"https://api.github.com/repos/"_s + fullName;
        int number = 1;
        for (int i = 0; i < issuesPerRepo; ++i, ++number) {
            const QDateTime opened = start.addSecs(qint64(i) * 3600);
            const bool closed = i % 3 == 2;
            repo.issues.append(
                QJsonObject{{u"id"_s, 2000000 + m_nextId++},
                            {u"node_id"_s, u"I_kwDO%1"_s.arg(m_nextId)},
                            {u"number"_s, number},
                            {u"title"_s, u"Issue %1 of %2"_s.arg(number).arg(name)},
                            {u"state"_s, closed ? u"closed"_s : u"open"_s},
                            {u"state_reason"_s, closed ? QJsonValue(u"completed"_s) : QJsonValue(QJsonValue::Null)},
                            {u"locked"_s, false},
                            {u"user"_s, person(u"ana"_s, 7)},
                            {u"labels"_s, QJsonArray{QJsonObject{{u"name"_s, u"bug"_s}}}},
                            {u"assignee"_s, QJsonValue(QJsonValue::Null)},
                            {u"assignees"_s, QJsonArray()},
                            {u"milestone"_s, QJsonValue(QJsonValue::Null)},
                            {u"comments"_s, i % 4},
                            {u"author_association"_s, u"MEMBER"_s},
                            {u"body"_s, u"Steps to reproduce %1"_s.arg(i)},
                            {u"html_url"_s, u"https://github.com/%1/issues/%2"_s.arg(fullName).arg(number)},
                            {u"repository_url"_s, apiRepo},
                            {u"created_at"_s, seconds(opened)},
                            {u"updated_at"_s, seconds(opened.addSecs(1800))},
                            {u"closed_at"_s, closed ? QJsonValue(seconds(opened.addSecs(1800))) : QJsonValue(QJsonValue::Null)}});
        }
        for (int p = 0; p < pullsPerRepo; ++p, ++number) {
            const QDateTime opened = start.addSecs(qint64(p) * 3600 + 600);
            const bool merged = p % 2 == 1;
            const QString updated = seconds(opened.addSecs(2400));
            const QJsonValue mergedAt = merged ? QJsonValue(updated) : QJsonValue(QJsonValue::Null);
            const QString title = u"Change %1 of %2"_s.arg(number).arg(name);
            repo.pulls.append(
                QJsonObject{{u"id"_s, 3000000 + m_nextId++},
                            {u"node_id"_s, u"PR_kwDO%1"_s.arg(m_nextId)},
                            {u"number"_s, number},
                            {u"title"_s, title},
                            {u"state"_s, merged ? u"closed"_s : u"open"_s},
                            {u"locked"_s, false},
                            {u"draft"_s, false},
                            {u"user"_s, person(u"dev"_s, 8)},
                            {u"body"_s, u"Fixes things"_s},
                            {u"labels"_s, QJsonArray()},
                            {u"author_association"_s, u"MEMBER"_s},
                            {u"head"_s, QJsonObject{{u"ref"_s, u"fix-%1"_s.arg(number)}, {u"sha"_s, u"abc%1"_s.arg(number)}}},
                            {u"base"_s, QJsonObject{{u"ref"_s, u"main"_s}, {u"sha"_s, u"def%1"_s.arg(number)}}},
                            {u"merge_commit_sha"_s, merged ? QJsonValue(u"fed%1"_s.arg(number)) : QJsonValue(QJsonValue::Null)},
                            {u"html_url"_s, u"https://github.com/%1/pull/%2"_s.arg(fullName).arg(number)},
                            {u"created_at"_s, seconds(opened)},
                            {u"updated_at"_s, updated},
                            {u"closed_at"_s, mergedAt},
                            {u"merged_at"_s, mergedAt}});
            // Every pull request is also an issue, with its own (different) id.
            repo.issues.append(QJsonObject{
                {u"id"_s, 2000000 + m_nextId++},
                {u"node_id"_s, u"I_kwDO%1"_s.arg(m_nextId)},
                {u"number"_s, number},
                {u"title"_s, title},
                {u"state"_s, merged ? u"closed"_s : u"open"_s},
                {u"locked"_s, false},
                {u"user"_s, person(u"dev"_s, 8)},
                {u"labels"_s, QJsonArray()},
                {u"comments"_s, 0},
                {u"author_association"_s, u"MEMBER"_s},
                {u"repository_url"_s, apiRepo},
                {u"created_at"_s, seconds(opened)},
                {u"updated_at"_s, updated},
                {u"closed_at"_s, mergedAt},
                {u"pull_request"_s,
                 QJsonObject{{u"url"_s, QString(apiRepo + u"/pulls/%1"_s.arg(number))}, {u"merged_at"_s, mergedAt}}}});
        }
        for (int c = 0; c < commitsPerRepo; ++c) {
            const QDateTime when = start.addSecs(qint64(c) * 3600 + 1200);
            const QString sha = QString::fromLatin1(
                QCryptographicHash::hash((fullName + QString::number(c)).toUtf8(), QCryptographicHash::Sha1).toHex());
            repo.commits.append(QJsonObject{
                {u"sha"_s, sha},
                {u"node_id"_s, u"C_kwDO%1"_s.arg(c)},
                {u"commit"_s,
                 QJsonObject{
                     {u"author"_s,
                      QJsonObject{
                          {u"name"_s, u"Dev"_s}, {u"email"_s, u"dev@example.com"_s}, {u"date"_s, seconds(when.addSecs(-120))}}},
                     {u"committer"_s,
                      QJsonObject{{u"name"_s, u"GitHub"_s}, {u"email"_s, u"noreply@github.com"_s}, {u"date"_s, seconds(when)}}},
                     {u"message"_s, u"Commit %1"_s.arg(c)}}},
                {u"author"_s, person(u"dev"_s, 8)},
                {u"committer"_s, person(u"web-flow"_s, 19864447)},
                {u"parents"_s, c == 0 ? QJsonArray() : QJsonArray{QJsonObject{{u"sha"_s, repo.commits.last().value(u"sha"_s)}}}},
                {u"html_url"_s, u"https://github.com/%1/commit/%2"_s.arg(fullName, sha)}});
        }
        m_repositories.append(repo);
    }
}

void GitHubFakeServer::refuseRepository(const QString &repository)
{
    QMutexLocker lock(&mutex());
    m_refused.append(repository);
}

void GitHubFakeServer::addEmptyRepository(const QString &name)
{
    QMutexLocker lock(&mutex());
    Repository repo;
    const int rn = int(m_repositories.size());
    repo.record = QJsonObject{{u"id"_s, 1296269 + rn},
                              {u"node_id"_s, u"MDEwOlJlcG9zaXRvcnk%1"_s.arg(rn)},
                              {u"name"_s, name},
                              {u"full_name"_s, QString(u"acme/"_s + name)},
                              {u"private"_s, false},
                              {u"owner"_s, QJsonObject{{u"login"_s, u"acme"_s}, {u"id"_s, 42}}},
                              {u"default_branch"_s, u"main"_s},
                              {u"created_at"_s, seconds(seedEpoch())},
                              {u"updated_at"_s, seconds(seedEpoch())},
                              {u"pushed_at"_s, QJsonValue(QJsonValue::Null)}};
    m_repositories.append(repo);
}

GitHubFakeServer::Repository *GitHubFakeServer::find(const QString &fullName)
{
    for (auto &repo : m_repositories) {
        if (repo.record.value(u"full_name"_s).toString().compare(fullName, Qt::CaseInsensitive) == 0)
            return &repo;
    }
    return nullptr;
}

bool GitHubFakeServer::touchIssue(const QString &repository, int number, const QDateTime &when)
{
    QMutexLocker lock(&mutex());
    Repository *repo = find(repository);
    if (!repo)
        return false;
    bool found = false;
    for (auto *list : {&repo->issues, &repo->pulls}) {
        for (auto &item : *list) {
            if (item.value(u"number"_s).toInt() == number) {
                item.insert(u"updated_at"_s, seconds(when));
                item.insert(u"title"_s, QString(item.value(u"title"_s).toString() + u" (edited)"_s));
                found = true;
            }
        }
    }
    return found;
}

QString GitHubFakeServer::addCommit(const QString &repository, const QDateTime &when)
{
    QMutexLocker lock(&mutex());
    Repository *repo = find(repository);
    if (!repo)
        return {};
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash((repository + seconds(when) + QString::number(repo->commits.size())).toUtf8(),
                                 QCryptographicHash::Sha1)
            .toHex());
    repo->commits.append(QJsonObject{
        {u"sha"_s, sha},
        {u"node_id"_s, u"C_new"_s},
        {u"commit"_s,
         QJsonObject{
             {u"author"_s, QJsonObject{{u"name"_s, u"Dev"_s}, {u"email"_s, u"dev@example.com"_s}, {u"date"_s, seconds(when)}}},
             {u"committer"_s,
              QJsonObject{{u"name"_s, u"GitHub"_s}, {u"email"_s, u"noreply@github.com"_s}, {u"date"_s, seconds(when)}}},
             {u"message"_s, u"New commit"_s}}},
        {u"author"_s, person(u"dev"_s, 8)},
        {u"committer"_s, person(u"web-flow"_s, 19864447)},
        {u"parents"_s, QJsonArray()},
        {u"html_url"_s, u"https://github.com/%1/commit/%2"_s.arg(repository, sha)}});
    return sha;
}

QStringList GitHubFakeServer::repositoryNames() const
{
    QMutexLocker lock(&mutex());
    QStringList out;
    for (const auto &repo : m_repositories)
        out.append(repo.record.value(u"full_name"_s).toString());
    return out;
}

int GitHubFakeServer::issueCount(const QString &repository) const
{
    QMutexLocker lock(&mutex());
    int n = 0;
    for (const auto &repo : m_repositories) {
        if (repo.record.value(u"full_name"_s).toString() == repository) {
            for (const auto &issue : repo.issues)
                n += issue.contains(u"pull_request"_s) ? 0 : 1;
        }
    }
    return n;
}

int GitHubFakeServer::pullCount(const QString &repository) const
{
    QMutexLocker lock(&mutex());
    for (const auto &repo : m_repositories) {
        if (repo.record.value(u"full_name"_s).toString() == repository)
            return int(repo.pulls.size());
    }
    return 0;
}

int GitHubFakeServer::commitCount(const QString &repository) const
{
    QMutexLocker lock(&mutex());
    for (const auto &repo : m_repositories) {
        if (repo.record.value(u"full_name"_s).toString() == repository)
            return int(repo.commits.size());
    }
    return 0;
}

void GitHubFakeServer::exhaustPrimaryLimit(int requests, int resetInSeconds)
{
    QMutexLocker lock(&mutex());
    m_exhaustedRequests = requests;
    m_exhaustedResetIn = resetInSeconds;
}

bool GitHubFakeServer::isAuthorized(const Request &request) const
{
    const QByteArray auth = request.header("authorization");
    const QByteArray t = token().toUtf8();
    return auth == "Bearer " + t || auth == "token " + t;
}

QByteArray GitHubFakeServer::errorBody(int status, const QString &message) const
{
    return QJsonDocument(
               QJsonObject{{u"message"_s, message}, {u"documentation_url"_s, kDocs}, {u"status"_s, QString::number(status)}})
        .toJson(QJsonDocument::Compact);
}

FakeProviderServer::Response GitHubFakeServer::unauthorized(const Request & /*request*/) const
{
    return error(401, u"Bad credentials"_s);
}

FakeProviderServer::Response GitHubFakeServer::rateLimited(const Request & /*request*/, const QString &retryAfter) const
{
    // A secondary rate limit: 403 with retry-after (remaining stays above 0).
    Response r = error(403, u"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."_s);
    r.headers.append({"retry-after", retryAfter.toUtf8()});
    r.headers.append({QByteArrayLiteral("x-ratelimit-remaining"), QByteArrayLiteral("4000")});
    return r;
}

void GitHubFakeServer::rateHeaders(Response &response, bool exhausted)
{
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + (exhausted ? m_exhaustedResetIn : 3600);
    response.headers.append({QByteArrayLiteral("x-ratelimit-limit"), QByteArrayLiteral("5000")});
    response.headers.append({"x-ratelimit-remaining", QByteArray::number(exhausted ? 0 : m_remaining)});
    response.headers.append({"x-ratelimit-used", QByteArray::number(5000 - m_remaining)});
    response.headers.append({"x-ratelimit-reset", QByteArray::number(reset)});
    response.headers.append({QByteArrayLiteral("x-ratelimit-resource"), QByteArrayLiteral("core")});
}

FakeProviderServer::Response GitHubFakeServer::handle(const Request &request)
{
    if (request.header("user-agent").isEmpty()) {
        return error(403,
                     u"Request forbidden by administrative rules. Please make sure your request has a User-Agent "
                     u"header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required)."_s);
    }
    if (m_exhaustedRequests > 0) {
        --m_exhaustedRequests;
        Response r = error(403,
                           u"API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, "
                           u"please include the request ID."_s);
        rateHeaders(r, true);
        return r;
    }
    m_remaining = std::max(1, m_remaining - 1);
    Response r = route(request);
    rateHeaders(r, false);
    return r;
}

FakeProviderServer::Response GitHubFakeServer::pageOf(const Request &request, const QList<QJsonObject> &records)
{
    int perPage = 30;
    if (request.query.hasQueryItem(u"per_page"_s))
        perPage = std::clamp(request.query.queryItemValue(u"per_page"_s).toInt(), 1, 100);
    int page = 1;
    if (request.query.hasQueryItem(u"page"_s))
        page = std::max(1, request.query.queryItemValue(u"page"_s).toInt());
    const int pages = std::max(1, int((records.size() + perPage - 1) / perPage));
    QJsonArray out;
    for (qsizetype i = qsizetype(page - 1) * perPage; i < records.size() && i < qsizetype(page) * perPage; ++i)
        out.append(records.at(i));
    Response r = json(out);
    r.hasRecords = true;
    r.recordsPath = QString();
    r.dateField = u"created_at"_s;
    if (pages > 1) {
        const auto link = [&](int target, const char *rel) {
            QUrlQuery q(request.query);
            q.removeAllQueryItems(u"page"_s);
            q.addQueryItem(u"page"_s, QString::number(target));
            QUrl url = request.url;
            url.setQuery(q);
            return u"<%1>; rel=\"%2\""_s.arg(url.toString(QUrl::FullyEncoded), QLatin1StringView(rel));
        };
        QStringList parts;
        if (page > 1)
            parts.append(link(page - 1, "prev"));
        if (page < pages)
            parts.append(link(page + 1, "next"));
        if (page < pages)
            parts.append(link(pages, "last"));
        if (page > 1)
            parts.append(link(1, "first"));
        r.headers.append({"Link", parts.join(u", "_s).toUtf8()});
    }
    return r;
}

FakeProviderServer::Response GitHubFakeServer::route(const Request &request)
{
    if (request.method != "GET")
        return error(404, u"Not Found"_s);
    static const QRegularExpression repoPath(u"^/repos/([^/]+)/([^/]+)(/issues|/pulls|/commits)?$"_s);
    if (request.path == u"/user")
        return json(QJsonObject{{u"login"_s, u"octo"_s}, {u"id"_s, 1}, {u"type"_s, u"User"_s}, {u"name"_s, u"Octo Cat"_s}});
    if (request.path == u"/user/repos") {
        QList<QJsonObject> repos;
        for (const auto &repo : std::as_const(m_repositories))
            repos.append(repo.record);
        const bool ascending = request.query.queryItemValue(u"direction"_s) == u"asc";
        const QString sort = request.query.queryItemValue(u"sort"_s);
        if (sort == u"updated" || sort == u"pushed") {
            const QString field = sort + u"_at"_s;
            std::stable_sort(repos.begin(), repos.end(), [&](const QJsonObject &a, const QJsonObject &b) {
                return ascending ? a.value(field).toString() < b.value(field).toString()
                                 : a.value(field).toString() > b.value(field).toString();
            });
        }
        return pageOf(request, repos);
    }
    const auto m = repoPath.match(request.path);
    if (!m.hasMatch())
        return error(404, u"Not Found"_s);
    Repository *repo = find(m.captured(1) + u'/' + m.captured(2));
    if (!repo)
        return error(404, u"Not Found"_s);
    const QString what = m.captured(3);
    if (!what.isEmpty() && m_refused.contains(repo->record.value(u"full_name"_s).toString()))
        return error(403, u"Resource not accessible by personal access token"_s);
    if (what.isEmpty())
        return json(repo->record);

    const auto sinceArg = [&]() -> std::optional<std::optional<QDateTime>> {
        if (!request.query.hasQueryItem(u"since"_s))
            return std::optional<QDateTime>();
        const auto since = parseIso(request.query.queryItemValue(u"since"_s, QUrl::FullyDecoded));
        if (!since)
            return std::nullopt;
        return since;
    };
    const QString state = request.query.hasQueryItem(u"state"_s) ? request.query.queryItemValue(u"state"_s) : u"open"_s;
    const auto stateMatches
        = [&](const QJsonObject &item) { return state == u"all" || item.value(u"state"_s).toString() == state; };
    const auto sortItems = [&](QList<QJsonObject> &items, const QString &defaultSort) {
        const QString sort = request.query.hasQueryItem(u"sort"_s) ? request.query.queryItemValue(u"sort"_s) : defaultSort;
        const QString field = sort == u"updated" ? u"updated_at"_s : u"created_at"_s;
        const bool ascending = request.query.queryItemValue(u"direction"_s) == u"asc";
        std::stable_sort(items.begin(), items.end(), [&](const QJsonObject &a, const QJsonObject &b) {
            const QString x = a.value(field).toString(), y = b.value(field).toString();
            if (x != y)
                return ascending ? x < y : x > y;
            return ascending ? a.value(u"number"_s).toInt() < b.value(u"number"_s).toInt()
                             : a.value(u"number"_s).toInt() > b.value(u"number"_s).toInt();
        });
    };

    if (what == u"/issues") {
        const auto since = sinceArg();
        if (!since)
            return error(422, u"Validation Failed: since is not a timestamp"_s);
        QList<QJsonObject> items;
        for (const auto &issue : std::as_const(repo->issues)) {
            if (!stateMatches(issue))
                continue;
            if (*since && parseIso(issue.value(u"updated_at"_s).toString()).value_or(QDateTime()) < **since)
                continue;
            items.append(issue);
        }
        sortItems(items, u"created"_s);
        return pageOf(request, items);
    }
    if (what == u"/pulls") {
        QList<QJsonObject> items;
        for (const auto &pull : std::as_const(repo->pulls)) {
            if (stateMatches(pull))
                items.append(pull);
        }
        sortItems(items, u"created"_s);
        return pageOf(request, items);
    }
    // commits
    if (repo->commits.isEmpty())
        return error(409, u"Git Repository is empty."_s);
    const auto since = sinceArg();
    if (!since)
        return error(422, u"Validation Failed: since is not a timestamp"_s);
    QList<QJsonObject> items;
    for (auto it = repo->commits.crbegin(); it != repo->commits.crend(); ++it) {
        const QString date = it->value(u"commit"_s).toObject().value(u"committer"_s).toObject().value(u"date"_s).toString();
        if (*since && parseIso(date).value_or(QDateTime()) < **since)
            continue;
        items.append(*it);
    }
    return pageOf(request, items);
}

} // namespace Opbox::Fakes
