// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Opbox {

/**
 * Whether an edit moves a connection to another origin (scheme, host, port) of `config.baseUrl`
 * or `config.authBaseUrl`. Stored credentials were given for the origin they were entered with, so
 * such an edit must bring new credentials: otherwise anyone who may edit the configuration could
 * have the stored API key, client secret or refresh token sent to a host of their choosing.
 */
class ConnectionOriginChange
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionOriginChange)
public:
    /** One key whose origin differs; an empty origin is the provider's own default address. */
    struct Moved
    {
        QString key;
        QString from;
        QString to;
    };

    /** The keys whose origin differs between `before` and `after`. */
    [[nodiscard]] static ConnectionOriginChange between(const QJsonObject &before, const QJsonObject &after);

    [[nodiscard]] bool isEmpty() const { return m_moved.isEmpty(); }
    [[nodiscard]] const QList<Moved> &moved() const { return m_moved; }
    /** 400 CREDENTIALS_REQUIRED naming the moved key(s); `credentialsField` is where the request carries them. */
    [[nodiscard]] Error credentialsRequired(const QString &credentialsField) const;
    /** `[{key, from, to}]` for the audit log (origins only: never a path, query or secret). */
    [[nodiscard]] QJsonArray auditDetails() const;
    /** The credential keys of an OAuth grant, which belong to the origin that issued them. */
    [[nodiscard]] static QJsonObject withoutTokens(QJsonObject credentials);

private:
    QList<Moved> m_moved;
};

} // namespace Opbox
