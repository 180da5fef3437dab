// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"
#include "engine/store/apitokenstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <optional>

namespace Opbox {

class Database;
class WorkspaceDataStore;

/** Whether one user hears about completed and failed runs (both by default). */
struct NotificationPreferences
{
    bool onSuccess = true;
    bool onFailure = true;

    /** `{onSuccess, onFailure}` */
    [[nodiscard]] QJsonObject toJson() const;
};

/** Which of a user's notification preferences to change; a `PUT /api/me/notification-preferences` body reads into one. */
struct NotificationPreferencesChange
{
    std::optional<bool> onSuccess;
    std::optional<bool> onFailure;

    /** Reads the body: at least one of the two fields, each true or false, and no other field. */
    [[nodiscard]] static Result<NotificationPreferencesChange> fromJson(const QJsonObject &body);
};

/** One workspace a user belongs to, with the user's role in it. */
struct WorkspaceMembership
{
    QString id;
    QString name;
    QString role;

    /** `{id, name, role}` */
    [[nodiscard]] QJsonObject toJson() const;
};

/** Who a user is, where they are a member and what they want to hear about. */
struct UserProfile
{
    QString userId;
    QString email;
    QString name;
    QList<WorkspaceMembership> workspaces;
    NotificationPreferences preferences;

    /** `{user: {id, email, name}, workspaces: [{id, name, role}], notificationPreferences: {onSuccess, onFailure}}` */
    [[nodiscard]] QJsonObject toJson() const;
};

/** One member of a workspace. */
struct MemberRecord
{
    QString userId;
    QString email;
    QString name;
    QString role;

    /** `{userId, email, name, role}` */
    [[nodiscard]] QJsonObject toJson() const;
};

/** Users, workspaces, memberships and API tokens, and turning a bearer token into a Caller. */
class IdentityService : public QObject
{
    Q_OBJECT
public:
    IdentityService(Database *metadata, WorkspaceDataStore *workspaceData, QObject *parent = nullptr);

    /** The user's id, creating the user when the email is new (a given name updates an existing user). */
    [[nodiscard]] Result<QString> ensureUser(const QString &email, const QString &name = {});
    /** The workspace's id, creating it (and its data file) when the name is new. */
    [[nodiscard]] Result<QString> ensureWorkspace(const QString &name);
    /** Adds the user to the workspace, or changes the role of an existing membership. */
    [[nodiscard]] Result<void> setMembership(const QString &userId, const QString &workspaceId, Role role);
    /** Adds the user to the workspace with `role` unless already a member (an existing membership keeps its role). */
    [[nodiscard]] Result<void> ensureMembership(const QString &userId, const QString &workspaceId, Role role);
    /**
     * A new API token for the user, valid until `expiresAt` (invalid: for good); only its SHA-256
     * is stored, so this is the one time it is seen.
     */
    [[nodiscard]] Result<QString> createToken(const QString &userId, const QString &name, const QDateTime &expiresAt = {});
    /** `GET /api/me/tokens`: the caller's tokens that are not revoked, oldest first. */
    [[nodiscard]] Result<QList<ApiTokenRecord>> tokens(const Caller &caller) const;
    /** `DELETE /api/me/tokens/:id`: revokes one of the caller's tokens; 404 for any other id. */
    [[nodiscard]] Result<void> revokeToken(const Caller &caller, const QString &tokenId);
    /** Every token not revoked (the administrator's `token list`), only the user's when an email is given. */
    [[nodiscard]] Result<QList<ApiTokenRecord>> allTokens(const QString &email = {}) const;
    /** Revokes a token by id (the administrator's `token revoke`); 404 when no such token is active. */
    [[nodiscard]] Result<void> revokeTokenById(const QString &tokenId);

    /**
     * Resolves `Authorization: Bearer <token>` and `X-Workspace-Id` (else the user's first workspace).
     * 401 for a missing, unknown, revoked or expired token, 403 for a workspace that is unknown or not the user's.
     */
    [[nodiscard]] Result<Caller> authenticate(const QByteArray &authorization, const QString &workspaceId,
                                              const QString &ip) const;
    /** The Caller for a user acting in a workspace in-process (the GUI's local owner). */
    [[nodiscard]] Result<Caller> callerFor(const QString &userId, const QString &workspaceId) const;

    /** The caller's profile: the user, their workspaces and notification preferences. */
    [[nodiscard]] Result<UserProfile> me(const Caller &caller) const;
    /** Changes the given preferences of the calling user; the preferences after the change. */
    [[nodiscard]] Result<NotificationPreferences> setNotificationPreferences(const Caller &caller,
                                                                             const NotificationPreferencesChange &change);
    /** The members of the caller's workspace, in the order they joined. */
    [[nodiscard]] Result<QList<MemberRecord>> members(const Caller &caller) const;

    [[nodiscard]] bool isMember(const QString &workspaceId, const QString &userId) const;
    [[nodiscard]] QStringList memberIds(const QString &workspaceId) const;
    [[nodiscard]] NotificationPreferences preferences(const QString &userId) const;
    [[nodiscard]] QStringList workspaceIds() const;
    [[nodiscard]] QString workspaceName(const QString &workspaceId) const;

Q_SIGNALS:
    void membersChanged(const QString &workspaceId);
    void preferencesChanged(const QString &userId);

private:
    [[nodiscard]] std::optional<Role> roleIn(const QString &workspaceId, const QString &userId) const;

    Database *m_metadata;
    WorkspaceDataStore *m_workspaceData;
};

} // namespace Opbox
