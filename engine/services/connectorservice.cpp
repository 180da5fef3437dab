// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectorservice.h"
#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/enginelogging.h"
#include "engine/services/connectionservice.h"
#include "engine/store/auditlog.h"

#include <QCoreApplication>
#include <exception>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("ConnectorService", s);
}

Error notBuilt(const QString &type)
{
    return Error{
        Error::Kind::Conflict, u"CONNECTOR_UNAVAILABLE"_s, tr("the %1 connector is not available in this build").arg(type), {}};
}

/** The API's answer to a connector's error: refused configuration is the caller's to fix, the rest the provider's. */
Error providerError(const Error &e)
{
    return Error{e.kind == Error::Kind::Configuration ? Error::Kind::Conflict : Error::Kind::Upstream,
                 e.kind == Error::Kind::Configuration ? u"PROVIDER_REFUSED"_s : u"PROVIDER_ERROR"_s,
                 e.message,
                 {}};
}

/** What a connection test answers: that it worked, or the connector's reason. */
QString testMessage(const Result<void> &tested)
{
    return tested.ok() ? tr("Connection successful") : tested.error().message;
}

// Named coroutines with by-value parameters (QCoro lifetime rules: no capturing coroutine lambdas).
QCoro::Task<> runTest(std::unique_ptr<Connector> connector, std::function<void(Result<void>)> done)
{
    try {
        done(co_await connector->check());
    } catch (const std::exception &e) {
        qCWarning(lcEngine) << "connection test failed unexpectedly:" << e.what();
        done(Error::internal(tr("the connection test failed unexpectedly")));
    }
}

QCoro::Task<> runDiscover(std::unique_ptr<Connector> connector, std::function<void(DiscoverResult)> done)
{
    try {
        done(co_await connector->discover());
    } catch (const std::exception &e) {
        qCWarning(lcEngine) << "discovery failed unexpectedly:" << e.what();
        done(Error::upstream(tr("discovery failed unexpectedly")));
    }
}

} // namespace

ConnectorService::ConnectorService(ConnectionService *connections, AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_connections(connections)
    , m_audit(audit)
    , m_thread(u"opbox-connectors"_s)
{
}

ConnectorService::~ConnectorService() = default;

QStringList ConnectorService::streamNames(const QString &type)
{
    ConnectorContext context;
    context.type = type;
    auto connector = ConnectorFactory::create(std::move(context));
    QStringList names;
    if (connector) {
        for (const auto &s : connector->streams())
            names.append(s.name);
    }
    return names;
}

Result<ConnectorContext> ConnectorService::contextFor(const Caller &caller, const QString &connectionId) const
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    auto record = m_connections->record(caller, connectionId);
    if (!record)
        return record.error();
    if (!ConnectorFactory::isAvailable(record->type))
        return notBuilt(record->type);
    auto credentials = m_connections->credentials(connectionId);
    if (!credentials)
        return Error::internal(tr("the stored credentials of this connection cannot be read"));
    ConnectorContext context;
    context.type = record->type;
    context.credentials = *credentials;
    context.config = record->config;
    // Rotated OAuth tokens are stored before the connector uses them.
    context.credentialsStore = m_connections->credentialsStore(connectionId);
    context.cancel = std::make_shared<CancelToken>();
    return context;
}

void ConnectorService::test(const Caller &caller, const ConnectionProbe &probe, QObject *context, AnswerDone done)
{
    const QPointer<QObject> ctx(context);
    const bool hadContext = context != nullptr;
    auto fail = [&](Error e) { deliver(ctx, hadContext, done, std::move(e)); };
    if (auto ok = caller.require(Role::Admin); !ok)
        return fail(ok.error());
    auto type = probe.validate();
    if (!type)
        return fail(type.error());
    if (!ConnectorFactory::isAvailable((*type)->type))
        return fail(notBuilt((*type)->type));

    ConnectorContext cc;
    cc.type = (*type)->type;
    cc.credentials = probe.credentials;
    cc.config = probe.config;
    cc.cancel = std::make_shared<CancelToken>();
    m_thread.post([this, cc = std::move(cc), ctx, hadContext, done]() mutable {
        cc.network = m_thread.network();
        auto connector = ConnectorFactory::create(std::move(cc));
        (void)runTest(std::move(connector), [ctx, hadContext, done](Result<void> r) {
            deliver(ctx, hadContext, done, Answer{r.ok(), QString(), testMessage(r)});
        });
    });
}

void ConnectorService::check(const Caller &caller, const QString &connectionId, QObject *context, AnswerDone done)
{
    const QPointer<QObject> ctx(context);
    const bool hadContext = context != nullptr;
    auto cc = contextFor(caller, connectionId);
    if (!cc)
        return deliver(ctx, hadContext, done, cc.error());
    ConnectionService *connections = m_connections;
    m_thread.post([this, cc = std::move(cc).value(), ctx, hadContext, done, connections, connectionId]() mutable {
        cc.network = m_thread.network();
        auto connector = ConnectorFactory::create(std::move(cc));
        (void)runTest(std::move(connector), [ctx, hadContext, done, connections, connectionId](Result<void> r) {
            const QString status = r.ok() ? u"CONNECTED"_s : u"ERROR"_s;
            (void)connections->setStatus(connectionId, status, r.ok() ? QString() : r.error().message);
            deliver(ctx, hadContext, done, Answer{r.ok(), status, testMessage(r)});
        });
    });
}

void ConnectorService::discover(const Caller &caller, const QString &connectionId, QObject *context, StreamsDone done)
{
    const QPointer<QObject> ctx(context);
    const bool hadContext = context != nullptr;
    auto cc = contextFor(caller, connectionId);
    if (!cc)
        return deliver(ctx, hadContext, done, cc.error());
    m_thread.post([this, cc = std::move(cc).value(), ctx, hadContext, done]() mutable {
        cc.network = m_thread.network();
        auto connector = ConnectorFactory::create(std::move(cc));
        (void)runDiscover(std::move(connector), [ctx, hadContext, done](DiscoverResult r) {
            if (!r)
                return deliver(ctx, hadContext, done, providerError(r.error()));
            deliver(ctx, hadContext, done, std::move(r));
        });
    });
}

} // namespace Opbox
