// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace Opbox {

/** A connection's stored row, decoded; credentials stay encrypted until someone asks for them. */
struct ConnectionRecord
{
    QString id;
    QString workspaceId;
    QString name;
    QString type;
    QString status;
    QString statusMessage;
    bool enabled = true;
    QJsonObject config;
    QJsonObject schedule;
    QJsonArray notifyUserIds;
    QString variantGroupId;
    QString variantLabel;
    QStringList credentialFields;
    QString tableBase;
    QString createdAt;
    QString updatedAt;
};

} // namespace Opbox
