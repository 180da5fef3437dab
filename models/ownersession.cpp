// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ownersession.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "models/modelslogging.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Opbox {

QString OwnerSession::ownerEmail()
{
    return u"owner@localhost"_s;
}

OwnerSession::OwnerSession(Engine *engine, QString userId, QString workspaceId, QString workspaceName, Caller caller)
    : m_engine(engine)
    , m_userId(std::move(userId))
    , m_workspaceId(std::move(workspaceId))
    , m_workspaceName(std::move(workspaceName))
    , m_caller(std::move(caller))
{
    connect(engine->identity(), &IdentityService::membersChanged, this, [this](const QString &changedWorkspaceId) {
        if (changedWorkspaceId == m_workspaceId)
            refreshCaller();
    });
}

Result<std::unique_ptr<OwnerSession>> OwnerSession::open(Engine *engine, const QString &workspaceName)
{
    IdentityService *identity = engine->identity();
    if (!identity)
        return Error::internal(QCoreApplication::translate("OwnerSession", "The engine is not open."));
    auto user = identity->ensureUser(ownerEmail());
    if (!user)
        return user.error();
    auto workspace = identity->ensureWorkspace(workspaceName);
    if (!workspace)
        return workspace.error();
    // The desktop user owns the installation: an existing membership is promoted back to OWNER.
    if (auto ok = identity->setMembership(*user, *workspace, Role::Owner); !ok)
        return ok.error();
    auto caller = identity->callerFor(*user, *workspace);
    if (!caller)
        return caller.error();
    qCInfo(lcModels) << "desktop session: owner" << *user << "in workspace" << *workspace;
    return std::unique_ptr<OwnerSession>(new OwnerSession(engine, *user, *workspace, workspaceName, *caller));
}

void OwnerSession::refreshCaller()
{
    auto caller = m_engine->identity()->callerFor(m_userId, m_workspaceId);
    if (!caller) {
        // Removed from the workspace behind our back: act with the least rights until restored.
        m_caller = Caller{m_userId, m_workspaceId, Role::Viewer, {}};
    } else if (caller->role == m_caller.role) {
        return;
    } else {
        m_caller = *caller;
    }
    Q_EMIT callerChanged();
}

} // namespace Opbox
