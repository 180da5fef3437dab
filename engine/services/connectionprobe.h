// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QString>

namespace Opbox {

struct ConnectorTypeInfo;

/**
 * Credentials and configuration to try against a connector type without saving them; a
 * `POST connections/test` body reads into one.
 */
struct ConnectionProbe
{
    QString type;
    /** Plain credentials, used for the one provider call and never stored. */
    QJsonObject credentials;
    QJsonObject config;

    /**
     * Reads a `POST connections/test` body. A body with several problems is answered with the
     * first of type, credentials, config; so the credentials are checked against the type before
     * the shape of the config is read, and the error names the field that is wrong.
     */
    [[nodiscard]] static Result<ConnectionProbe> fromJson(const QJsonObject &body);

    /** The probe's connector type, once the credentials and the config are valid for it. */
    [[nodiscard]] Result<const ConnectorTypeInfo *> validate() const;
};

} // namespace Opbox
