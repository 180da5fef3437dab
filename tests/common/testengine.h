// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/api/apiserver.h"
#include "engine/security/caller.h"
#include "engine/services/engine.h"
#include "httpclient.h"
#include "waitforrun.h"

#include <QTemporaryDir>
#include <memory>

namespace Opbox::Test {

/** Puts the standard paths in test mode; the time zone and locale are left as the test run sets them. */
void pinEnvironment();

/**
 * An engine in a temporary data directory, unlocked with a random key, optionally with the API
 * server on 127.0.0.1:<ephemeral>. Users are created with `addUser`, which returns an API token.
 */
class TestEngine
{
public:
    /** Unlocked with `key`, or with a random key when it is empty. */
    explicit TestEngine(bool withApi = true, const QByteArray &key = {});
    ~TestEngine();

    /** Stops the API server and closes the engine, as a stopped server leaves the data directory. */
    void close();
    /**
     * Closes the engine (when open) and opens it again on the same data directory, unlocked the way
     * the application does it (environment, `keychain`, master.key), with the API server when it had one.
     */
    [[nodiscard]] Result<void> reopen(SecretStore *keychain);

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] Engine &engine() { return *m_engine; }
    [[nodiscard]] ApiServer *api() { return m_api.get(); }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] QString dataDir() const { return m_dir.path(); }

    /** Creates (or reuses) a user with a membership in `workspace` and returns a new token. */
    QString addUser(const QString &email, Role role, const QString &workspace = QStringLiteral("Default"));
    [[nodiscard]] QString userId(const QString &email);
    [[nodiscard]] QString workspaceId(const QString &workspace = QStringLiteral("Default"));
    /** A client already carrying the token. */
    [[nodiscard]] std::unique_ptr<HttpClient> client(const QString &token = {}) const;

    /**
     * Waits for run `runId` to end (see waitForRun) and returns the run object
     * `GET …/connections/<connectionId>/runs/<runId>` answers `token`; empty, with the test failed at
     * the caller's line, when it did not end.
     */
    [[nodiscard]] QJsonObject finishedRun(const QString &token, const QString &connectionId, const QString &runId,
                                          int timeoutMs = RunTimeoutMs,
                                          std::source_location where = std::source_location::current());

    /** Starts the API server (when constructed without it, after adding routes). */
    bool startApi();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ApiServer> m_api;
    quint16 m_port = 0;
    bool m_withApi = true;
    bool m_ok = false;
};

} // namespace Opbox::Test
