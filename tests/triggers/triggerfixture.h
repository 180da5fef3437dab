// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testengine.h"
#include "waitforrun.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <memory>

namespace Opbox::Test {

/**
 * An engine with the API on loopback and one user per role in the workspace "Default" (plus an
 * owner of another workspace), with the REST calls the trigger tests repeat: create a
 * connection, list and wait for runs, reveal a webhook token.
 */
class TriggerFixture
{
public:
    TriggerFixture();
    ~TriggerFixture();

    [[nodiscard]] bool ok() const { return m_t && m_t->ok(); }
    [[nodiscard]] TestEngine &t() { return *m_t; }
    [[nodiscard]] Engine &engine() { return m_t->engine(); }
    [[nodiscard]] std::unique_ptr<HttpClient> as(const QString &token) const { return m_t->client(token); }

    QString owner, admin, member, viewer, outsider; // API tokens
    QString ownerId, adminId, memberId, viewerId; // user ids

    /** Builds connectors with ScriptedConnector and starts `workers` sync workers. */
    void startScriptedWorkers(int workers = 4);

    /** A CRM_PLATFORM connection created by the owner; empty on failure. `extra` members override the body's. */
    [[nodiscard]] QString createConnection(const QString &name, const QJsonObject &extra = {});
    /** The connection's runs, newest first (as the owner sees them). */
    [[nodiscard]] QJsonArray runs(const QString &connectionId) const;
    /** The run object once the run has ended; empty, and the test failed, when it did not end. */
    [[nodiscard]] QJsonObject finishedRun(const QString &connectionId, const QString &runId, int timeoutMs = RunTimeoutMs,
                                          std::source_location where = std::source_location::current()) const;
    /** Cancels the connection's active run, if any. */
    void stopActive(const QString &connectionId) const;
    /** The webhook token from a reveal by the owner; empty on failure. */
    [[nodiscard]] QString revealToken(const QString &connectionId) const;
    /** A metadata query on this thread's connection: the first column of each row. */
    [[nodiscard]] QVariantList column(const QString &sql, const QVariantList &binds = {});

private:
    std::unique_ptr<TestEngine> m_t;
};

} // namespace Opbox::Test
