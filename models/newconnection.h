// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace Opbox {

/** When a connection syncs by itself: on or off, and how often (hourly, daily, weekly, monthly). */
struct ConnectionSchedule
{
    bool enabled = false;
    QString frequency;
};

/**
 * A connection the user has filled in but not saved yet, as the new-connection wizard collects it;
 * ConnectionActions turns it into the engine's call. Credentials live here only until the wizard closes.
 */
struct NewConnection
{
    QString name;
    QString type; ///< CRM_PLATFORM …
    QJsonObject credentials; ///< credential field name → value
    QJsonObject config; ///< config field name → value
    /** The streams every sync reads; empty means all, including those the connector adds later. */
    QStringList streams;
    /** Unset: the engine's default schedule. */
    std::optional<ConnectionSchedule> schedule;
    /** Who is told about runs; empty means every workspace member. */
    QStringList notifyUserIds;
};

} // namespace Opbox
