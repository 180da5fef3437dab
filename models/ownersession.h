// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/caller.h"

#include <QObject>
#include <QString>
#include <memory>

namespace Opbox {

class Engine;

/**
 * The local OWNER user and the workspace the desktop app acts in: every model and
 * window calls the engine's services with this Caller, so the GUI goes through the same
 * authorization as the REST API.
 */
class OwnerSession : public QObject
{
    Q_OBJECT
public:
    /** The e-mail address of the local owner, created on first start. */
    static QString ownerEmail();

    /** Ensures the owner user, the workspace and the OWNER membership exist; fails if the engine refuses. */
    [[nodiscard]] static Result<std::unique_ptr<OwnerSession>> open(Engine *engine, const QString &workspaceName);

    [[nodiscard]] Engine *engine() const { return m_engine; }
    [[nodiscard]] QString userId() const { return m_userId; }
    [[nodiscard]] QString workspaceId() const { return m_workspaceId; }
    [[nodiscard]] QString workspaceName() const { return m_workspaceName; }
    /** The Caller for every service call, re-read when the workspace's memberships change. */
    [[nodiscard]] Caller caller() const { return m_caller; }
    /** What the owner's role allows, for views that offer only what the engine would accept. */
    [[nodiscard]] bool isAdmin() const { return m_caller.atLeast(Role::Admin); }
    [[nodiscard]] bool isMember() const { return m_caller.atLeast(Role::Member); }

Q_SIGNALS:
    /** The owner's role changed (e.g. edited through the CLI or API); views re-check what they offer. */
    void callerChanged();

private:
    OwnerSession(Engine *engine, QString userId, QString workspaceId, QString workspaceName, Caller caller);
    void refreshCaller();

    Engine *m_engine;
    QString m_userId;
    QString m_workspaceId;
    QString m_workspaceName;
    Caller m_caller;
};

} // namespace Opbox
