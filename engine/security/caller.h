// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QString>
#include <optional>

namespace Opbox {

/** Workspace roles, ordered: a higher role may do everything a lower one may. */
enum class Role { Viewer = 0, Member = 1, Admin = 2, Owner = 3 };

[[nodiscard]] QString roleName(Role role);
[[nodiscard]] std::optional<Role> parseRole(const QString &name);

/**
 * Who is asking, in which workspace, with which role: every service call carries one, so that
 * authorization is decided in the services and the GUI and the REST API cannot disagree.
 */
struct Caller
{
    QString userId; // empty for system actors (scheduler, webhook)
    QString workspaceId;
    Role role = Role::Viewer;
    QString ip; // for the audit log; empty in-process

    /** The engine itself (scheduler, cron, webhooks): acts in a workspace with full rights, no user. */
    [[nodiscard]] static Caller system(const QString &workspaceId, const QString &ip = {});
    [[nodiscard]] bool isSystem() const { return userId.isEmpty(); }
    [[nodiscard]] bool atLeast(Role r) const { return int(role) >= int(r); }
    /** Forbidden unless the caller has at least `r`; the message says which role is needed. */
    [[nodiscard]] Result<void> require(Role r) const;
};

} // namespace Opbox
