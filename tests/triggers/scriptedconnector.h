// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connector.h"

#include <functional>
#include <memory>

namespace Opbox::Test {

/**
 * A test-only provider with streams `contacts`, `companies` (incremental) and `owners` (full refresh): record ids 1..N are the same for
 * every connection, but each record's content names the host of the connection's
 * `config.baseUrl`, so that variants pointing at different hosts write rows with equal keys and
 * different content into shared tables (a mix-up shows). Incremental by `updatedAt`.
 */
class ScriptedConnector : public Connector
{
public:
    /** Shared by every instance (the sync workers build their own). */
    struct Settings
    {
        int records = 60;
        int perPage = 20;
        int pageDelayMs = 0;
    };
    static void configure(const Settings &settings);
    [[nodiscard]] static Settings settings();
    /** For RunService::setConnectorMaker. */
    [[nodiscard]] static std::function<std::unique_ptr<Connector>(ConnectorContext)> maker();
    /** The `name` a record of `host` gets: tests compare stored rows with it. */
    [[nodiscard]] static QString recordName(const QString &host, const QString &stream, int n);

    explicit ScriptedConnector(ConnectorContext context);

    [[nodiscard]] QCoro::Task<Result<void>> check() override;
    [[nodiscard]] QCoro::Task<DiscoverResult> discover() override;
    [[nodiscard]] QList<StreamSpec> streams() const override;
    [[nodiscard]] QCoro::Task<ReadResult> read(QString stream, QJsonObject state, PageSink *sink) override;

private:
    ConnectorContext m_context;
};

} // namespace Opbox::Test
