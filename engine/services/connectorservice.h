// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/runtime/connector.h"
#include "engine/security/caller.h"
#include "engine/services/connectionprobe.h"
#include "engine/services/networkthread.h"

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
    /** What the provider said when asked whether credentials or a stored connection work. */
    struct Answer
    {
        bool success = false;
        /** For a check, the connection's status afterwards (CONNECTED or ERROR); empty for a test. */
        QString status;
        /** What worked, or the provider's reason (never a secret). */
        QString message;
    };
    using AnswerDone = std::function<void(Result<Answer>)>;
    using StreamsDone = std::function<void(Result<QList<StreamSpec>>)>;

    ConnectorService(ConnectionService *connections, AuditLog *audit, QObject *parent = nullptr);
    ~ConnectorService() override;

    /** `POST connections/test`: whether the probe's credentials work, without saving them; ADMIN+. */
    void test(const Caller &caller, const ConnectionProbe &probe, QObject *context, AnswerDone done);
    /** `POST connections/:id/check`: whether the connection works; updates its status; ADMIN+. */
    void check(const Caller &caller, const QString &connectionId, QObject *context, AnswerDone done);
    /** `POST connections/:id/discover`: the streams the provider offers this connection; ADMIN+. */
    void discover(const Caller &caller, const QString &connectionId, QObject *context, StreamsDone done);

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
