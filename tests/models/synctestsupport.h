// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/sync/syncworkerpool.h"
#include "hubspotfakeserver.h"
#include "models/ownersession.h"
#include "testengine.h"
#include "waitforrun.h"

#include <QTest>
#include <memory>

namespace Opbox::Test {

/** An engine with sync workers, the owner's session and a HubSpot fake: real syncs for model tests. */
struct SyncFixture
{
    explicit SyncFixture(int contacts = 250, int workers = 2)
        : engine(false)
    {
        if (!engine.ok())
            return;
        auto s = OwnerSession::open(&engine.engine(), QStringLiteral("Default"));
        if (!s)
            return;
        session = std::move(*s);
        hubspot = std::make_unique<Fakes::HubSpotFakeServer>();
        if (!hubspot->start())
            return;
        hubspot->seed(QStringLiteral("contacts"), contacts);
        hubspot->seed(QStringLiteral("companies"), 12);
        hubspot->seed(QStringLiteral("deals"), 9);
        hubspot->seed(QStringLiteral("owners"), 3);
        engine.engine().syncWorkers()->start(workers);
        ready = true;
    }
    ~SyncFixture()
    {
        if (ready)
            engine.engine().syncWorkers()->stop(QStringLiteral("test end"));
    }

    [[nodiscard]] QString createConnection(const QString &name)
    {
        auto c = engine.engine().connections()->create(session->caller(),
                                                       ConnectionDraft{.name = name,
                                                                       .type = QStringLiteral("CRM_PLATFORM"),
                                                                       .credentials = hubspot->credentials(),
                                                                       .config = hubspot->connectorConfig()});
        return c ? c->id : QString();
    }

    [[nodiscard]] QString trigger(const QString &connectionId, const QStringList &streams = {})
    {
        auto run = engine.engine().runs()->trigger(session->caller(), connectionId, streams, RunTrigger::Manual);
        return run ? run->id : QString();
    }

    /** The run's status once it has ended; empty, and the test failed, when it did not end. */
    QString finishedStatus(const QString &runId)
    {
        RunService *runs = engine.engine().runs();
        if (!waitForRun(runs, runId))
            return {};
        const auto run = runs->store()->get(runId);
        return run ? run->status : QString();
    }

    TestEngine engine;
    std::unique_ptr<OwnerSession> session;
    std::unique_ptr<Fakes::HubSpotFakeServer> hubspot;
    bool ready = false;
};

} // namespace Opbox::Test
