// SPDX-License-Identifier: GPL-3.0-or-later
#include "asanafakeserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

namespace {

const QString kHelp = u"For more information on API status codes and how to handle them, read the docs on errors: "
                      u"https://developers.asana.com/docs/errors"_s;

// Asana gids are numeric strings that can exceed 2^53: make them that long so nothing may treat them as numbers.
QString gid(int kind, int n)
{
    return u"12%1%2"_s.arg(kind).arg(n, 16, 10, QLatin1Char('0'));
}

QJsonObject compactRef(const QJsonObject &record, const QString &type)
{
    return {{u"gid"_s, record.value(u"gid"_s)}, {u"resource_type"_s, type}, {u"name"_s, record.value(u"name"_s)}};
}

} // namespace

AsanaFakeServer::AsanaFakeServer(QObject *parent)
    : FakeProviderServer(parent)
{
}

AsanaFakeServer::~AsanaFakeServer()
{
    stop();
}

QJsonObject AsanaFakeServer::credentials() const
{
    return {{u"accessToken"_s, token()}};
}

void AsanaFakeServer::seed(int workspaces, int projectsPerWorkspace, int tasksPerProject, int usersPerWorkspace,
                           const QDateTime &start)
{
    QMutexLocker lock(&mutex());
    for (int w = 0; w < workspaces; ++w) {
        const int wn = int(m_workspaces.size());
        QJsonObject workspace{{u"gid"_s, gid(1, wn)},
                              {u"resource_type"_s, u"workspace"_s},
                              {u"name"_s, u"Workspace %1"_s.arg(wn)},
                              {u"is_organization"_s, wn % 2 == 0},
                              {u"email_domains"_s, QJsonArray{u"example.com"_s}}};
        m_workspaces.append(workspace);
        for (int u = 0; u < usersPerWorkspace; ++u) {
            const int un = int(m_users.size());
            m_users.append(QJsonObject{{u"gid"_s, gid(4, un)},
                                       {u"resource_type"_s, u"user"_s},
                                       {u"name"_s, u"User %1"_s.arg(un)},
                                       {u"email"_s, u"user%1@example.com"_s.arg(un)},
                                       {u"_workspaces"_s, QJsonArray{workspace.value(u"gid"_s)}}});
        }
        for (int p = 0; p < projectsPerWorkspace; ++p) {
            const int pn = int(m_projects.size());
            const QDateTime created = start.addSecs(qint64(pn) * 3600);
            QJsonObject project{{u"gid"_s, gid(2, pn)},
                                {u"resource_type"_s, u"project"_s},
                                {u"name"_s, u"Project %1"_s.arg(pn)},
                                {u"archived"_s, pn % 5 == 4},
                                {u"color"_s, u"light-green"_s},
                                {u"created_at"_s, iso(created)},
                                {u"modified_at"_s, iso(created.addSecs(600))},
                                {u"due_on"_s, created.addDays(30).date().toString(Qt::ISODate)},
                                {u"start_on"_s, QJsonValue(QJsonValue::Null)},
                                {u"public"_s, true},
                                {u"notes"_s, u"Notes of project %1"_s.arg(pn)},
                                {u"owner"_s, QJsonValue(QJsonValue::Null)},
                                {u"team"_s, QJsonValue(QJsonValue::Null)},
                                {u"workspace"_s, compactRef(workspace, u"workspace"_s)}};
            m_projects.append(project);
            for (int t = 0; t < tasksPerProject; ++t) {
                const int tn = int(m_tasks.size());
                const QDateTime taskCreated = start.addSecs(qint64(tn) * 60);
                const bool completed = tn % 4 == 0;
                QJsonValue assignee(QJsonValue::Null);
                if (usersPerWorkspace > 0) {
                    const QJsonObject user = m_users.at(m_users.size() - usersPerWorkspace + tn % usersPerWorkspace);
                    assignee = compactRef(user, u"user"_s);
                }
                m_tasks.append(QJsonObject{
                    {u"gid"_s, gid(3, tn)},
                    {u"resource_type"_s, u"task"_s},
                    {u"resource_subtype"_s, u"default_task"_s},
                    {u"name"_s, u"Task %1"_s.arg(tn)},
                    {u"completed"_s, completed},
                    {u"completed_at"_s, completed ? QJsonValue(iso(taskCreated.addSecs(300))) : QJsonValue(QJsonValue::Null)},
                    {u"created_at"_s, iso(taskCreated)},
                    {u"modified_at"_s, iso(taskCreated.addSecs(300))},
                    {u"due_on"_s, taskCreated.addDays(7).date().toString(Qt::ISODate)},
                    {u"due_at"_s, QJsonValue(QJsonValue::Null)},
                    {u"start_on"_s, QJsonValue(QJsonValue::Null)},
                    {u"notes"_s, u""_s},
                    {u"num_subtasks"_s, 0},
                    {u"assignee"_s, assignee},
                    {u"parent"_s, QJsonValue(QJsonValue::Null)},
                    {u"projects"_s, QJsonArray{compactRef(project, u"project"_s)}},
                });
            }
        }
    }
}

QString AsanaFakeServer::modifyTask(int index, const QDateTime &when)
{
    QMutexLocker lock(&mutex());
    if (index < 0 || index >= m_tasks.size())
        return {};
    QJsonObject task = m_tasks.at(index);
    task.insert(u"name"_s, u"Renamed task %1"_s.arg(index));
    task.insert(u"modified_at"_s, iso(when));
    m_tasks[index] = task;
    return task.value(u"gid"_s).toString();
}

int AsanaFakeServer::taskCount() const
{
    QMutexLocker lock(&mutex());
    return int(m_tasks.size());
}

QStringList AsanaFakeServer::workspaceGids() const
{
    QMutexLocker lock(&mutex());
    QStringList out;
    for (const auto &w : m_workspaces)
        out.append(w.value(u"gid"_s).toString());
    return out;
}

QStringList AsanaFakeServer::projectGids(const QString &workspaceGid) const
{
    QMutexLocker lock(&mutex());
    QStringList out;
    for (const auto &p : m_projects) {
        if (workspaceGid.isEmpty() || p.value(u"workspace"_s).toObject().value(u"gid"_s).toString() == workspaceGid)
            out.append(p.value(u"gid"_s).toString());
    }
    return out;
}

QStringList AsanaFakeServer::taskGids(const QString &projectGid) const
{
    QMutexLocker lock(&mutex());
    QStringList out;
    for (const auto &t : m_tasks) {
        for (const auto &p : t.value(u"projects"_s).toArray()) {
            if (p.toObject().value(u"gid"_s).toString() == projectGid)
                out.append(t.value(u"gid"_s).toString());
        }
    }
    return out;
}

QByteArray AsanaFakeServer::errorBody(int status, const QString &message) const
{
    QJsonObject error{{u"message"_s, message}, {u"help"_s, kHelp}};
    if (status >= 500)
        error.insert(u"phrase"_s, u"6 sad squid snuggle softly"_s);
    return QJsonDocument(QJsonObject{{u"errors"_s, QJsonArray{error}}}).toJson(QJsonDocument::Compact);
}

FakeProviderServer::Response AsanaFakeServer::unauthorized(const Request & /*request*/) const
{
    return error(401, u"Not Authorized"_s);
}

FakeProviderServer::Response AsanaFakeServer::rateLimited(const Request & /*request*/, const QString &retryAfter) const
{
    Response r
        = error(429, u"You've made too many requests and hit a rate limit. Please retry after the given amount of time."_s);
    r.headers.append({"Retry-After", retryAfter.toUtf8()});
    return r;
}

FakeProviderServer::Response AsanaFakeServer::serverError(const Request & /*request*/, int status) const
{
    return error(status, u"Server Error"_s);
}

QJsonObject AsanaFakeServer::projectFields(const QJsonObject &record, const Request &request, const QStringList &compact)
{
    QJsonObject out{{u"gid"_s, record.value(u"gid"_s)}, {u"resource_type"_s, record.value(u"resource_type"_s)}};
    if (!request.query.hasQueryItem(u"opt_fields"_s)) {
        for (const QString &field : compact)
            out.insert(field, record.value(field));
        return out;
    }
    const QStringList fields = request.query.queryItemValue(u"opt_fields"_s, QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts);
    for (const QString &field : fields) {
        const QString top = field.section(u'.', 0, 0);
        if (record.contains(top) && !top.startsWith(u'_'))
            out.insert(top, record.value(top));
    }
    return out;
}

FakeProviderServer::Response AsanaFakeServer::page(const Request &request, const QList<QJsonObject> &records,
                                                   const QStringList &compact)
{
    qint64 offset = 0;
    const bool paged = request.query.hasQueryItem(u"limit"_s);
    int limit = int(records.size());
    if (paged) {
        bool ok = false;
        limit = request.query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 100)
            return error(400, u"limit: Must be between 1 and 100."_s);
    }
    if (request.query.hasQueryItem(u"offset"_s)) {
        const QString token = request.query.queryItemValue(u"offset"_s);
        const auto position = readOpaqueToken(token);
        if (!position || !m_issuedOffsets.contains(token))
            return error(400, u"offset: Your pagination token is invalid."_s);
        offset = position->value(u"o"_s).toInteger();
    }
    QJsonArray data;
    for (qint64 i = offset; i < records.size() && i < offset + limit; ++i)
        data.append(projectFields(records.at(i), request, compact));
    QJsonObject body{{u"data"_s, data}};
    if (paged) {
        if (offset + limit < records.size()) {
            const QString token = opaqueToken({{u"o"_s, offset + limit}, {u"p"_s, request.path}});
            m_issuedOffsets.insert(token);
            QUrlQuery q(request.query);
            q.removeAllQueryItems(u"offset"_s);
            q.addQueryItem(u"offset"_s, token);
            QUrl uri = request.url;
            uri.setQuery(q);
            body.insert(u"next_page"_s,
                        QJsonObject{{u"offset"_s, token},
                                    {u"path"_s, QString(request.path + u'?' + q.toString(QUrl::FullyEncoded))},
                                    {u"uri"_s, uri.toString()}});
        } else {
            body.insert(u"next_page"_s, QJsonValue(QJsonValue::Null));
        }
    }
    Response r = json(body);
    r.hasRecords = true;
    r.recordsPath = u"data"_s;
    r.dateField = u"created_at"_s;
    return r;
}

FakeProviderServer::Response AsanaFakeServer::handle(const Request &request)
{
    if (request.method != "GET")
        return error(404, u"No matching route for request"_s);
    const QString &path = request.path;
    static const QRegularExpression workspacePath(u"^/workspaces/(\\d+)$"_s);
    static const QRegularExpression workspaceProjects(u"^/workspaces/(\\d+)/projects$"_s);
    static const QRegularExpression projectTasks(u"^/projects/(\\d+)/tasks$"_s);

    if (path == u"/users/me") {
        QJsonArray workspaces;
        for (const auto &w : std::as_const(m_workspaces))
            workspaces.append(compactRef(w, u"workspace"_s));
        return json(QJsonObject{{u"data"_s,
                                 QJsonObject{{u"gid"_s, u"1204999999999999999"_s},
                                             {u"resource_type"_s, u"user"_s},
                                             {u"name"_s, u"Token Owner"_s},
                                             {u"email"_s, u"owner@example.com"_s},
                                             {u"workspaces"_s, workspaces}}}});
    }
    if (path == u"/workspaces")
        return page(request, m_workspaces, {u"name"_s});
    if (const auto m = workspacePath.match(path); m.hasMatch()) {
        for (const auto &w : std::as_const(m_workspaces)) {
            if (w.value(u"gid"_s).toString() == m.captured(1))
                return json(QJsonObject{{u"data"_s, projectFields(w, request, {u"name"_s})}});
        }
        return error(404, u"workspace: Not a recognized ID: %1"_s.arg(m.captured(1)));
    }
    const auto projectsOf = [this](const QString &workspace) {
        QList<QJsonObject> out;
        for (const auto &p : std::as_const(m_projects)) {
            if (p.value(u"workspace"_s).toObject().value(u"gid"_s).toString() == workspace)
                out.append(p);
        }
        return out;
    };
    if (const auto m = workspaceProjects.match(path); m.hasMatch()) {
        bool known = false;
        for (const auto &w : std::as_const(m_workspaces))
            known = known || w.value(u"gid"_s).toString() == m.captured(1);
        if (!known)
            return error(404, u"workspace: Not a recognized ID: %1"_s.arg(m.captured(1)));
        return page(request, projectsOf(m.captured(1)), {u"name"_s});
    }
    if (path == u"/projects") {
        if (!request.query.hasQueryItem(u"workspace"_s) && !request.query.hasQueryItem(u"team"_s))
            return error(400, u"workspace: Missing input"_s);
        return page(request, projectsOf(request.query.queryItemValue(u"workspace"_s)), {u"name"_s});
    }
    if (path == u"/users") {
        const QString workspace = request.query.queryItemValue(u"workspace"_s);
        if (workspace.isEmpty())
            return error(400, u"workspace: Missing input"_s);
        QList<QJsonObject> users;
        for (const auto &u : std::as_const(m_users)) {
            if (u.value(u"_workspaces"_s).toArray().contains(workspace))
                users.append(u);
        }
        return page(request, users, {u"name"_s});
    }
    const auto tasksOf = [this](const QString &project, std::optional<QDateTime> since) {
        QList<QJsonObject> out;
        for (const auto &t : std::as_const(m_tasks)) {
            bool inProject = false;
            for (const auto &p : t.value(u"projects"_s).toArray())
                inProject = inProject || p.toObject().value(u"gid"_s).toString() == project;
            if (!inProject)
                continue;
            if (since && parseIso(t.value(u"modified_at"_s).toString()).value_or(QDateTime()) < *since)
                continue;
            out.append(t);
        }
        return out;
    };
    if (path == u"/tasks") {
        const QString project = request.query.queryItemValue(u"project"_s);
        if (project.isEmpty() && !request.query.hasQueryItem(u"tag"_s)
            && !(request.query.hasQueryItem(u"assignee"_s) && request.query.hasQueryItem(u"workspace"_s)))
            return error(400, u"Must specify exactly one of project, tag, section, user task list, or assignee + workspace"_s);
        std::optional<QDateTime> since;
        if (request.query.hasQueryItem(u"modified_since"_s)) {
            since = parseIso(request.query.queryItemValue(u"modified_since"_s, QUrl::FullyDecoded));
            if (!since)
                return error(400, u"modified_since: Not a valid date-time"_s);
        }
        return page(request, tasksOf(project, since), {u"name"_s, u"resource_subtype"_s});
    }
    if (const auto m = projectTasks.match(path); m.hasMatch()) {
        if (request.query.hasQueryItem(u"modified_since"_s))
            return error(400, u"modified_since: Unknown parameter"_s);
        return page(request, tasksOf(m.captured(1), std::nullopt), {u"name"_s, u"resource_subtype"_s});
    }
    return error(404, u"No matching route for request"_s);
}

} // namespace Opbox::Fakes
