// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/identityservice.h"
#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
Error unauthorized(const QString &message)
{
    return Error{Error::Kind::Unauthorized, u"UNAUTHORIZED"_s, message, {}};
}

constexpr auto TokenPrefix = "opb_";
} // namespace

QJsonObject NotificationPreferences::toJson() const
{
    return QJsonObject{{u"onSuccess"_s, onSuccess}, {u"onFailure"_s, onFailure}};
}

Result<NotificationPreferencesChange> NotificationPreferencesChange::fromJson(const QJsonObject &body)
{
    if (!body.contains(u"onSuccess"_s) && !body.contains(u"onFailure"_s))
        return Error::invalid(IdentityService::tr("give onSuccess and/or onFailure"));
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != u"onSuccess"_s && it.key() != u"onFailure"_s)
            return Error::invalid(IdentityService::tr("%1: unknown field (expected onSuccess, onFailure)").arg(it.key()));
        if (!it.value().isBool())
            return Error::invalid(IdentityService::tr("%1: must be true or false").arg(it.key()));
    }
    NotificationPreferencesChange change;
    if (body.contains(u"onSuccess"_s))
        change.onSuccess = body.value(u"onSuccess"_s).toBool();
    if (body.contains(u"onFailure"_s))
        change.onFailure = body.value(u"onFailure"_s).toBool();
    return change;
}

QJsonObject WorkspaceMembership::toJson() const
{
    return QJsonObject{{u"id"_s, id}, {u"name"_s, name}, {u"role"_s, role}};
}

QJsonObject UserProfile::toJson() const
{
    QJsonArray memberships;
    for (const auto &w : workspaces)
        memberships.append(w.toJson());
    return QJsonObject{{u"user"_s, QJsonObject{{u"id"_s, userId}, {u"email"_s, email}, {u"name"_s, name}}},
                       {u"workspaces"_s, memberships},
                       {u"notificationPreferences"_s, preferences.toJson()}};
}

QJsonObject MemberRecord::toJson() const
{
    return QJsonObject{{u"userId"_s, userId}, {u"email"_s, email}, {u"name"_s, name}, {u"role"_s, role}};
}

IdentityService::IdentityService(Database *metadata, WorkspaceDataStore *workspaceData, QObject *parent)
    : QObject(parent)
    , m_metadata(metadata)
    , m_workspaceData(workspaceData)
{
}

Result<QString> IdentityService::ensureUser(const QString &email, const QString &name)
{
    static const QRegularExpression emailRe(u"^[^@\\s]+@[^@\\s]+$"_s);
    const QString e = email.trimmed();
    if (e.isEmpty() || e.size() > 254 || !emailRe.match(e).hasMatch())
        return Error::invalid(tr("email: \"%1\" is not an email address").arg(e.left(100)));
    if (name.size() > 200)
        return Error::invalid(tr("name: longer than 200 characters"));
    auto db = m_metadata->connection();
    SqlQuery find(db, u"SELECT id FROM users WHERE email = ?"_s);
    find.bind(e);
    if (!find.exec())
        return Error::internal();
    if (find.next()) {
        const QString id = find.value(0).toString();
        if (!name.isEmpty()) {
            SqlQuery upd(db, u"UPDATE users SET name = ? WHERE id = ?"_s);
            upd.bind(name).bind(id);
            if (!upd.exec())
                return Error::internal();
        }
        return id;
    }
    const QString id = Ids::newId();
    SqlQuery ins(db, u"INSERT INTO users(id, email, name, created_at) VALUES(?, ?, ?, ?)"_s);
    ins.bind(id).bind(e).bind(name.isEmpty() ? e.section(u'@', 0, 0) : name).bind(Ids::isoNow());
    if (!ins.exec())
        return Error::internal();
    return id;
}

Result<QString> IdentityService::ensureWorkspace(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty() || n.size() > 200)
        return Error::invalid(tr("workspace: the name must be 1 to 200 characters"));
    auto db = m_metadata->connection();
    SqlQuery find(db, u"SELECT id FROM workspaces WHERE name = ?"_s);
    find.bind(n);
    if (!find.exec())
        return Error::internal();
    QString id;
    if (find.next()) {
        id = find.value(0).toString();
    } else {
        id = Ids::newId();
        SqlQuery ins(db, u"INSERT INTO workspaces(id, name, created_at) VALUES(?, ?, ?)"_s);
        ins.bind(id).bind(n).bind(Ids::isoNow());
        if (!ins.exec())
            return Error::internal();
    }
    if (m_workspaceData && !m_workspaceData->database(id))
        return Error::internal(tr("cannot create the data file of workspace \"%1\"").arg(n));
    return id;
}

Result<void> IdentityService::setMembership(const QString &userId, const QString &workspaceId, Role role)
{
    SqlQuery q(m_metadata->connection(),
               u"INSERT INTO memberships(user_id, workspace_id, role, created_at) VALUES(?, ?, ?, ?)"
               " ON CONFLICT(user_id, workspace_id) DO UPDATE SET role = excluded.role"_s);
    q.bind(userId).bind(workspaceId).bind(roleName(role)).bind(Ids::isoNow());
    if (!q.exec())
        return Error::invalid(tr("unknown user or workspace"));
    Q_EMIT membersChanged(workspaceId);
    return {};
}

Result<void> IdentityService::ensureMembership(const QString &userId, const QString &workspaceId, Role role)
{
    // One statement, so that a concurrent change of the role is never overwritten by the default.
    SqlQuery q(m_metadata->connection(),
               u"INSERT INTO memberships(user_id, workspace_id, role, created_at) VALUES(?, ?, ?, ?)"
               " ON CONFLICT(user_id, workspace_id) DO NOTHING"_s);
    q.bind(userId).bind(workspaceId).bind(roleName(role)).bind(Ids::isoNow());
    if (!q.exec())
        return Error::invalid(tr("unknown user or workspace"));
    if (q.numRowsAffected() > 0)
        Q_EMIT membersChanged(workspaceId);
    return {};
}

Result<QString> IdentityService::createToken(const QString &userId, const QString &name, const QDateTime &expiresAt)
{
    const QString token = QString::fromLatin1(TokenPrefix + Ids::base64Url(Ids::randomBytes(32)));
    ApiTokenRecord record;
    record.id = Ids::newId();
    record.userId = userId;
    record.name = name;
    record.prefix = token.left(8);
    record.createdAt = QDateTime::currentDateTimeUtc();
    record.expiresAt = expiresAt;
    if (auto ok = ApiTokenStore(m_metadata).insert(record, Ids::sha256(token.toUtf8())); !ok)
        return Error::invalid(tr("unknown user"));
    return token;
}

Result<QList<ApiTokenRecord>> IdentityService::tokens(const Caller &caller) const
{
    if (caller.userId.isEmpty())
        return Error::forbidden(tr("only a user has API tokens"));
    return ApiTokenStore(m_metadata).list(caller.userId);
}

Result<void> IdentityService::revokeToken(const Caller &caller, const QString &tokenId)
{
    // Another user's token answers as an unknown one: its id says nothing about whether it exists.
    auto revoked = caller.userId.isEmpty()
        ? Result<bool>(false)
        : ApiTokenStore(m_metadata).revoke(tokenId, QDateTime::currentDateTimeUtc(), caller.userId);
    if (!revoked)
        return revoked.error();
    if (!*revoked)
        return Error::notFound(tr("API token not found: %1").arg(tokenId.left(64)));
    qCInfo(lcEngine) << "API token" << tokenId << "revoked by its user";
    return {};
}

Result<QList<ApiTokenRecord>> IdentityService::allTokens(const QString &email) const
{
    QString userId;
    if (!email.isEmpty()) {
        SqlQuery q(m_metadata->connection(), u"SELECT id FROM users WHERE email = ?"_s);
        q.bind(email.trimmed());
        if (!q.exec())
            return Error::internal();
        if (!q.next())
            return Error::notFound(tr("no user with the email %1").arg(email.left(254)));
        userId = q.value(0).toString();
    }
    return ApiTokenStore(m_metadata).list(userId);
}

Result<void> IdentityService::revokeTokenById(const QString &tokenId)
{
    auto revoked = ApiTokenStore(m_metadata).revoke(tokenId, QDateTime::currentDateTimeUtc());
    if (!revoked)
        return revoked.error();
    if (!*revoked)
        return Error::notFound(tr("no active API token with the id %1").arg(tokenId.left(64)));
    qCInfo(lcEngine) << "API token" << tokenId << "revoked";
    return {};
}

std::optional<Role> IdentityService::roleIn(const QString &workspaceId, const QString &userId) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?"_s);
    q.bind(workspaceId).bind(userId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return parseRole(q.value(0).toString());
}

Result<Caller> IdentityService::authenticate(const QByteArray &authorization, const QString &workspaceId, const QString &ip) const
{
    const QByteArray header = authorization.trimmed();
    if (header.isEmpty())
        return unauthorized(tr("missing Authorization header (expected: Bearer <token>)"));
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return unauthorized(tr("the Authorization header must use the Bearer scheme"));
    const QByteArray token = header.mid(7).trimmed();
    if (token.isEmpty() || token.size() > 512)
        return unauthorized(tr("invalid API token"));
    auto db = m_metadata->connection();
    ApiTokenStore store(m_metadata);
    auto found = store.findByHash(Ids::sha256(token));
    if (!found)
        return found.error();
    if (!*found)
        return unauthorized(tr("invalid API token"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if ((*found)->revokedAt.isValid())
        return unauthorized(tr("this API token was revoked"));
    if ((*found)->isExpired(now))
        return unauthorized(tr("this API token has expired"));
    const QString userId = (*found)->userId;
    // Remember roughly when a token was last used, without a write on every request.
    store.touch((*found)->id, now);

    if (!workspaceId.isEmpty()) {
        const auto role = roleIn(workspaceId, userId);
        if (!role)
            return Error::forbidden(tr("X-Workspace-Id: unknown workspace or not one of yours"));
        return Caller{userId, workspaceId, *role, ip};
    }
    SqlQuery first(db,
                   u"SELECT workspace_id, role FROM memberships WHERE user_id = ? ORDER BY created_at, workspace_id LIMIT 1"_s);
    first.bind(userId);
    if (!first.exec())
        return Error::internal();
    if (!first.next())
        return Error::forbidden(tr("you are not a member of any workspace"));
    return Caller{userId, first.value(0).toString(), parseRole(first.value(1).toString()).value_or(Role::Viewer), ip};
}

Result<Caller> IdentityService::callerFor(const QString &userId, const QString &workspaceId) const
{
    const auto role = roleIn(workspaceId, userId);
    if (!role)
        return Error::forbidden(tr("not a member of this workspace"));
    return Caller{userId, workspaceId, *role, {}};
}

Result<UserProfile> IdentityService::me(const Caller &caller) const
{
    auto db = m_metadata->connection();
    SqlQuery u(db, u"SELECT id, email, name, notify_on_success, notify_on_failure FROM users WHERE id = ?"_s);
    u.bind(caller.userId);
    if (!u.exec() || !u.next())
        return Error::notFound(tr("unknown user"));
    UserProfile profile;
    profile.userId = u.value(0).toString();
    profile.email = u.value(1).toString();
    profile.name = u.value(2).toString();
    profile.preferences = {u.value(3).toBool(), u.value(4).toBool()};
    SqlQuery w(db,
               u"SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id"
               " WHERE m.user_id = ? ORDER BY m.created_at, w.id"_s);
    w.bind(caller.userId);
    if (!w.exec())
        return Error::internal();
    while (w.next())
        profile.workspaces.append({w.value(0).toString(), w.value(1).toString(), w.value(2).toString()});
    return profile;
}

Result<NotificationPreferences> IdentityService::setNotificationPreferences(const Caller &caller,
                                                                            const NotificationPreferencesChange &change)
{
    if (caller.isSystem())
        return Error::forbidden(tr("only a user has notification preferences"));
    NotificationPreferences p = preferences(caller.userId);
    p.onSuccess = change.onSuccess.value_or(p.onSuccess);
    p.onFailure = change.onFailure.value_or(p.onFailure);
    SqlQuery q(m_metadata->connection(), u"UPDATE users SET notify_on_success = ?, notify_on_failure = ? WHERE id = ?"_s);
    q.bind(p.onSuccess ? 1 : 0).bind(p.onFailure ? 1 : 0).bind(caller.userId);
    if (!q.exec())
        return Error::internal();
    Q_EMIT preferencesChanged(caller.userId);
    return p;
}

Result<QList<MemberRecord>> IdentityService::members(const Caller &caller) const
{
    SqlQuery q(m_metadata->connection(),
               u"SELECT u.id, u.email, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id"
               " WHERE m.workspace_id = ? ORDER BY m.created_at, u.email"_s);
    q.bind(caller.workspaceId);
    if (!q.exec())
        return Error::internal();
    QList<MemberRecord> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    return out;
}

bool IdentityService::isMember(const QString &workspaceId, const QString &userId) const
{
    return roleIn(workspaceId, userId).has_value();
}

QStringList IdentityService::memberIds(const QString &workspaceId) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT user_id FROM memberships WHERE workspace_id = ? ORDER BY created_at"_s);
    q.bind(workspaceId);
    return q.strings();
}

NotificationPreferences IdentityService::preferences(const QString &userId) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT notify_on_success, notify_on_failure FROM users WHERE id = ?"_s);
    q.bind(userId);
    if (q.exec() && q.next())
        return {q.value(0).toBool(), q.value(1).toBool()};
    return {};
}

QStringList IdentityService::workspaceIds() const
{
    SqlQuery q(m_metadata->connection(), u"SELECT id FROM workspaces ORDER BY created_at"_s);
    return q.strings();
}

QString IdentityService::workspaceName(const QString &workspaceId) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT name FROM workspaces WHERE id = ?"_s);
    q.bind(workspaceId);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

} // namespace Opbox
