// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace Opbox {

/**
 * What a new connection is made of, before the service validates it against its connector type;
 * a `POST connections` body reads into one.
 */
struct ConnectionDraft
{
    QString name;
    QString type;
    /** Plain credentials; the service encrypts them and keeps only the field names readable. */
    QJsonObject credentials;
    QJsonObject config;
    /** `{enabled?, frequency?}` applied to the default schedule (daily, not enabled). */
    QJsonObject schedule;
    /** Empty: every workspace member is notified. */
    QStringList notifyUserIds;
    bool enabled = true;
    /** An existing token to keep (a connection moved between installations); unset makes a random one. */
    std::optional<QString> webhookToken;

    /** Reads a `POST connections` body; the error names the field that has the wrong shape. */
    [[nodiscard]] static Result<ConnectionDraft> fromJson(const QJsonObject &body);
};

/**
 * The fields an edit replaces; unset ones keep their stored value. `config` is a patch merged
 * key by key (a key set to null is removed); `credentials` replaces the whole set.
 */
struct ConnectionChange
{
    std::optional<QString> name;
    /** Accepted only when it names the stored type: a connection's type cannot change. */
    std::optional<QString> type;
    std::optional<QJsonObject> config;
    /** `{enabled?, frequency?}` merged into the stored schedule. */
    std::optional<QJsonObject> schedule;
    std::optional<QStringList> notifyUserIds;
    std::optional<bool> enabled;
    std::optional<QJsonObject> credentials;

    /**
     * Reads a `PUT connections/:id` body. The read-only members of the connection object (id,
     * status, lastRun …) are ignored, so that a client can send back what GET gave it.
     */
    [[nodiscard]] static Result<ConnectionChange> fromJson(const QJsonObject &body);
};

} // namespace Opbox
