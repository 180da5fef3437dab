// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

namespace Opbox {

class Database;
class WorkspaceDataStore;

/** Whether one user hears about completed and failed runs (both by default). */
struct NotificationPreferences
{
    bool onSuccess = true;
    bool onFailure = true;
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
    /** A new API token for the user; only its SHA-256 is stored, so this is the one time it is seen. */
    [[nodiscard]] Result<QString> createToken(const QString &userId, const QString &name);

    /**
     * Resolves `Authorization: Bearer <token>` and `X-Workspace-Id` (else the user's first workspace).
     * 401 for a missing or unknown token, 403 for a workspace that is unknown or not the user's.
     */
    [[nodiscard]] Result<Caller> authenticate(const QByteArray &authorization, const QString &workspaceId,
                                              const QString &ip) const;
    /** The Caller for a user acting in a workspace in-process (the GUI's local owner). */
    [[nodiscard]] Result<Caller> callerFor(const QString &userId, const QString &workspaceId) const;

    /** `GET /api/me` */
    [[nodiscard]] Result<QJsonObject> me(const Caller &caller) const;
    /** `PUT /api/me/notification-preferences` with `onSuccess` and/or `onFailure`. */
    [[nodiscard]] Result<QJsonObject> setNotificationPreferences(const Caller &caller, const QJsonObject &body);
    /** `GET /api/workspace/members` → `[{userId, email, name, role}]` */
    [[nodiscard]] Result<QJsonArray> members(const Caller &caller) const;

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
