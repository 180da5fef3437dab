// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/services/identityservice.h"
#include "models/checkedkeys.h"

#include <QAbstractListModel>
#include <QList>

namespace Opbox {

class OwnerSession;

/**
 * The members of the session's workspace, checkable: the new-connection wizard and the detail
 * view pick who is notified about a connection's runs with it.
 */
class MemberListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { UserIdRole = Qt::UserRole + 1, EmailRole, NameRole, RoleRole };
    Q_ENUM(Role)

    explicit MemberListModel(OwnerSession *session, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void reload();
    /** The checked user ids, in display order. */
    [[nodiscard]] QStringList checkedUserIds() const;
    void setCheckedUserIds(const QStringList &userIds);
    /** "Name <email>" of a user id, or the id itself. */
    [[nodiscard]] QString displayName(const QString &userId) const;

Q_SIGNALS:
    void checkedChanged();

private:
    /** Every member's user id, in display order. */
    [[nodiscard]] QStringList userIds() const;

    OwnerSession *m_session;
    QList<MemberRecord> m_members;
    CheckedKeys m_checked;
};

} // namespace Opbox
