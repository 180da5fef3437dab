// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/security/caller.h"
#include "engine/services/networkthread.h"
#include "base/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QThread;

namespace Opbox {

class AuditLog;
class ConnectionService;
struct ConnectorContext;

/**
 * Runs connector operations that need the provider (test credentials, check a connection, discover
 * streams) on a dedicated thread with its own network manager, so that neither the GUI thread nor
 * the API thread waits on a provider. Results arrive through a callback, on the thread of `context`
 * when one is given (the GUI), else on the connector thread (the API's reply is thread-safe).
 */
class ConnectorService : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<QJsonObject>)>;

    ConnectorService(ConnectionService *connections, AuditLog *audit, QObject *parent = nullptr);
    ~ConnectorService() override;

    /** `POST connections/test` body {type, credentials, config?} → {success, message}; ADMIN+. */
    void test(const Caller &caller, const QJsonObject &body, QObject *context, Done done);
    /** `POST connections/:id/check` → {success, status, message}; updates the connection's status; ADMIN+. */
    void check(const Caller &caller, const QString &connectionId, QObject *context, Done done);
    /** `POST connections/:id/discover` → {streams:[{name, fields, supportedSyncModes, primaryKey, cursorField}]}; ADMIN+. */
    void discover(const Caller &caller, const QString &connectionId, QObject *context, Done done);

    /** The stream names a connector type offers, without a network call (empty when not built). */
    [[nodiscard]] static QStringList streamNames(const QString &type);

private:
    /** ADMIN+, the caller's connection, a built connector: the context to run it with. */
    [[nodiscard]] Result<ConnectorContext> contextFor(const Caller &caller, const QString &connectionId) const;

    ConnectionService *m_connections;
    AuditLog *m_audit;
    NetworkThread m_thread;
};

} // namespace Opbox
