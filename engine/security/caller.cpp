// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/security/caller.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Opbox {

QString roleName(Role role)
{
    switch (role) {
    case Role::Viewer: return u"VIEWER"_s;
    case Role::Member: return u"MEMBER"_s;
    case Role::Admin: return u"ADMIN"_s;
    case Role::Owner: return u"OWNER"_s;
    }
    return u"VIEWER"_s;
}

std::optional<Role> parseRole(const QString &name)
{
    const QString n = name.toUpper();
    if (n == u"VIEWER"_s)
        return Role::Viewer;
    if (n == u"MEMBER"_s)
        return Role::Member;
    if (n == u"ADMIN"_s)
        return Role::Admin;
    if (n == u"OWNER"_s)
        return Role::Owner;
    return std::nullopt;
}

Caller Caller::system(const QString &workspaceId, const QString &ip)
{
    return Caller{QString(), workspaceId, Role::Owner, ip};
}

Result<void> Caller::require(Role r) const
{
    if (atLeast(r))
        return {};
    switch (r) {
    case Role::Admin:
    case Role::Owner: return Error::forbidden(QCoreApplication::translate("Caller", "this requires the ADMIN or OWNER role"));
    case Role::Member: return Error::forbidden(QCoreApplication::translate("Caller", "this requires the MEMBER role or higher"));
    case Role::Viewer: break;
    }
    return Error::forbidden(QCoreApplication::translate("Caller", "not a member of this workspace"));
}

} // namespace Opbox
