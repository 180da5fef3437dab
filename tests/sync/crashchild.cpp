// SPDX-License-Identifier: GPL-3.0-or-later
// A sync that never ends, in its own process, for tst_synccrash to kill at random moments:
// `opbox-sync-crashchild <data-dir> <base64 master key> [concurrent]`. Prints `rows N` as pages
// commit. With `concurrent`, three endless streams are read at once (maxConcurrency 3).
#include "engine/security/caller.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/services/runservice.h"
#include "engine/sync/syncworkerpool.h"
#include "fakeconnector.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Opbox;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: opbox-sync-crashchild DATA_DIR KEY_BASE64\n");
        return 2;
    }
    Engine engine(args.at(1));
    if (!engine.open() || !engine.unlockWithKey(QByteArray::fromBase64(args.at(2).toLatin1())))
        return 1;
    auto provider = std::make_shared<Test::FakeProvider>();
    StreamSpec spec;
    spec.name = u"contacts"_s;
    spec.primaryKey = {u"id"_s};
    spec.cursorField = u"updatedAt"_s;
    spec.supportedSyncModes = {u"full_refresh"_s, u"incremental"_s};
    provider->addStream(spec, {});
    provider->setEndless(u"contacts"_s, true);
    const bool concurrent = args.value(3) == u"concurrent"_s;
    if (concurrent) {
        for (const QString &name : {u"companies"_s, u"deals"_s}) {
            StreamSpec other = spec;
            other.name = name;
            provider->addStream(other, {});
            provider->setEndless(name, true);
        }
    }
    engine.runs()->setConnectorMaker(Test::FakeProvider::maker(provider));

    auto user = engine.identity()->ensureUser(u"crash@example.com"_s);
    auto workspace = engine.identity()->ensureWorkspace(u"Default"_s);
    if (!user || !workspace || !engine.identity()->setMembership(*user, *workspace, Role::Owner))
        return 1;
    auto caller = engine.identity()->callerFor(*user, *workspace);
    if (!caller)
        return 1;
    QString connectionId;
    const QStringList ids = engine.connections()->ids(*workspace);
    if (!ids.isEmpty()) {
        connectionId = ids.first();
    } else {
        auto created = engine.connections()->create(
            *caller,
            ConnectionDraft{.name = u"Crash"_s,
                            .type = u"CRM_PLATFORM"_s,
                            .credentials = QJsonObject{{u"apiKey"_s, u"k"_s}},
                            .config = concurrent ? QJsonObject{{u"maxConcurrency"_s, 3}} : QJsonObject()});
        if (!created)
            return 1;
        connectionId = created->id;
    }
    auto run = engine.runs()->trigger(*caller, connectionId, {}, RunTrigger::Manual);
    if (!run)
        return 1;
    const QString runId = run->id;
    engine.syncWorkers()->start(1);
    std::fprintf(stdout, "started %s\n", qPrintable(runId));
    std::fflush(stdout);
    QTimer report;
    QObject::connect(&report, &QTimer::timeout, &app, [&] {
        const auto last = engine.runs()->lastRun(connectionId);
        std::fprintf(stdout, "rows %lld\n", last ? qlonglong(last->rowsSynced) : 0LL);
        std::fflush(stdout);
    });
    report.start(10);
    return app.exec();
}
