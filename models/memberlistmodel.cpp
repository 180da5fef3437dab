// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/memberlistmodel.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "models/displayformat.h"
#include "models/modelslogging.h"
#include "models/ownersession.h"

using namespace Qt::StringLiterals;

namespace Opbox {

MemberListModel::MemberListModel(OwnerSession *session, QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
{
    connect(session->engine()->identity(), &IdentityService::membersChanged, this, [this](const QString &workspaceId) {
        if (workspaceId == m_session->workspaceId())
            reload();
    });
    reload();
}

void MemberListModel::reload()
{
    auto members = m_session->engine()->identity()->members(m_session->caller());
    beginResetModel();
    m_members.clear();
    if (members)
        m_members = *members;
    else
        qCWarning(lcModels) << "cannot list members:" << members.error().message;
    // Someone who left the workspace can no longer be notified.
    m_checked.keepOnly(userIds());
    endResetModel();
}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MemberRecord &m = m_members.at(index.row());
    const QString &id = m.userId;
    const QString &email = m.email;
    const QString &name = m.name;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return name.isEmpty() || name == email ? tr("%1 (%2)").arg(email, DisplayFormat::role(m.role))
                                               : tr("%1 <%2> (%3)").arg(name, email, DisplayFormat::role(m.role));
    case Qt::CheckStateRole: return m_checked.state(id);
    case UserIdRole: return id;
    case EmailRole: return email;
    case NameRole: return name;
    case RoleRole: return m.role;
    default: return {};
    }
}

bool MemberListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString id = m_members.at(index.row()).userId;
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked || value.toInt() == Qt::Checked;
    if (m_checked.set(id, checked)) {
        Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
        Q_EMIT checkedChanged();
    }
    return true;
}

Qt::ItemFlags MemberListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(UserIdRole, "userId");
    names.insert(EmailRole, "email");
    names.insert(NameRole, "name");
    names.insert(RoleRole, "role");
    return names;
}

QStringList MemberListModel::userIds() const
{
    QStringList out;
    for (const auto &m : m_members)
        out.append(m.userId);
    return out;
}

QStringList MemberListModel::checkedUserIds() const
{
    return m_checked.among(userIds());
}

void MemberListModel::setCheckedUserIds(const QStringList &userIds)
{
    if (!m_checked.assign(userIds))
        return;
    if (!m_members.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_members.size()) - 1), {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
}

QString MemberListModel::displayName(const QString &userId) const
{
    for (const auto &m : m_members) {
        if (m.userId == userId)
            return m.name.isEmpty() || m.name == m.email ? m.email : tr("%1 <%2>").arg(m.name, m.email);
    }
    return userId;
}

} // namespace Opbox
