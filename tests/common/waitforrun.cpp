// SPDX-License-Identifier: GPL-3.0-or-later
#include "waitforrun.h"
#include "engine/services/runservice.h"
#include "engine/store/runstore.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Opbox::Test {

bool waitForRun(RunService *runs, const QString &runId, int timeoutMs, std::source_location where)
{
    // Workers emit from their own threads: the context object queues the slot onto this thread, so
    // `signalled` is only touched here, while the event loop of qWaitFor runs.
    bool signalled = false;
    QObject context;
    QObject::connect(runs, &RunService::runFinished, &context,
                     [&](const QString &, const QString &, const QString &id, const QString &) {
                         if (id == runId)
                             signalled = true;
                     });
    const auto ended = [&] {
        const auto run = runs->store()->get(runId);
        return run && !run->isActive();
    };
    // A run that ended before the connection was made sends no further signal.
    if (ended() || (QTest::qWaitFor([&] { return signalled; }, timeoutMs) && ended()))
        return true;
    const auto run = runs->store()->get(runId);
    const QString state = !run
        ? u"run \"%1\" does not exist"_s.arg(runId)
        : u"run %1 still %2 after %3 ms (%4 rows, progress %5, error \"%6\")"_s.arg(runId, run->status)
              .arg(timeoutMs)
              .arg(run->rowsSynced)
              .arg(QString::fromUtf8(QJsonDocument(run->progress).toJson(QJsonDocument::Compact)), run->error);
    QTest::qFail(qPrintable(state), where.file_name(), int(where.line()));
    return false;
}

} // namespace Opbox::Test
