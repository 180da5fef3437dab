// SPDX-License-Identifier: GPL-3.0-or-later
// Crash recovery: a child process syncs without end and is killed with SIGKILL at random moments;
// each time the data file must open, hold no duplicate key, hold exactly the rows its stored cursor
// covers, and the interrupted run must read FAILED "interrupted". The next run resumes there. A
// run that reads three streams at once is killed the same way: each stream's cursor covers exactly
// its own committed rows, and the counters of the next runs stay exact.
#include "engine/security/vault.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"
#include "fakeconnector.h"
#include "testengine.h"

#include <QHash>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

class TestSyncCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Test::pinEnvironment(); }

    void killAtRandomMoments()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray key = Vault::generateKey();
        const QString child = QStringLiteral(OPBOX_BIN_DIR) + u"/opbox-sync-crashchild"_s;
        QVERIFY(QFile::exists(child));
        // The kill moments come from a seed that is printed, so that a failing round can be replayed:
        // OPBOX_CRASH_SEED=<seed> runs the same moments again.
        bool seeded = false;
        const quint32 seed = qEnvironmentVariableIsSet("OPBOX_CRASH_SEED")
            ? quint32(qEnvironmentVariable("OPBOX_CRASH_SEED").toUInt(&seeded))
            : QRandomGenerator::system()->generate();
        QVERIFY2(seeded || !qEnvironmentVariableIsSet("OPBOX_CRASH_SEED"), "OPBOX_CRASH_SEED is not a number");
        qInfo("kill moments from seed %u (OPBOX_CRASH_SEED=%u replays them)", seed, seed);
        QRandomGenerator moments(seed);
        int previousRows = -1;
        for (int round = 0; round < 6; ++round) {
            QProcess process;
            process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process.start(child, {dir.path(), QString::fromLatin1(key.toBase64())});
            QVERIFY(process.waitForStarted(5000));
            // Let it commit some pages, then kill it at a random moment (mid-page with good odds).
            QByteArray out;
            QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("rows 2") || out.contains("rows 3")
                                         || out.contains("rows 5") || out.contains("rows 1"),
                                     15000);
            const int killAfterMs = int(moments.bounded(20, 250));
            qInfo("round %d: kill %d ms after the first pages (seed %u)", round, killAfterMs, seed);
            QTest::qWait(killAfterMs);
            process.kill(); // SIGKILL
            QVERIFY(process.waitForFinished(5000));

            Engine engine(dir.path());
            QVERIFY(engine.open().ok());
            QVERIFY(engine.unlockWithKey(key).ok()); // marks the dead process's run
            const QString workspace = *engine.identity()->ensureWorkspace(u"Default"_s);
            const QString connectionId = engine.connections()->ids(workspace).value(0);
            const auto run = engine.runs()->store()->lastRun(connectionId);
            QVERIFY(run.has_value());
            QCOMPARE(run->status, u"FAILED"_s);
            QCOMPARE(run->error, u"interrupted"_s);

            Database *db = engine.workspaceData()->database(workspace);
            QVERIFY(db);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
            QVERIFY(q.exec(u"SELECT COUNT(*), COUNT(DISTINCT id) FROM crash__contacts"_s) && q.next());
            const int rows = q.value(0).toInt();
            QCOMPARE(q.value(1).toInt(), rows); // no duplicate key
            QVERIFY(q.exec(u"SELECT state FROM opbox_sync_state WHERE connection_id = '%1' AND stream = 'contacts'"_s.arg(
                        connectionId))
                    && q.next());
            const QJsonObject state = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
            // The cursor covers exactly the committed rows: never past them, never behind.
            QCOMPARE(state.value(u"page"_s).toInt() * 10, rows);
            QVERIFY(rows >= previousRows); // later runs resumed, nothing was lost
            QVERIFY(q.exec(u"SELECT MAX(updated_at) FROM crash__contacts"_s) && q.next());
            QCOMPARE(state.value(u"cursor"_s).toString(), q.value(0).toString());
            previousRows = rows;
            db->closeThisThread();
        }

        // In this process: the next run starts from the last checkpoint.
        Engine engine(dir.path());
        QVERIFY(engine.open().ok());
        QVERIFY(engine.unlockWithKey(key).ok());
        auto provider = std::make_shared<Test::FakeProvider>();
        StreamSpec spec;
        spec.name = u"contacts"_s;
        spec.primaryKey = {u"id"_s};
        spec.cursorField = u"updatedAt"_s;
        spec.supportedSyncModes = {u"incremental"_s};
        provider->addStream(spec, Test::FakeProvider::pagesOf(u"x"_s, 1, 1));
        engine.runs()->setConnectorMaker(Test::FakeProvider::maker(provider));
        const QString workspace = *engine.identity()->ensureWorkspace(u"Default"_s);
        const QString connectionId = engine.connections()->ids(workspace).value(0);
        auto run = engine.runs()->trigger(Caller::system(workspace), connectionId, {}, RunTrigger::Manual);
        QVERIFY(run.ok());
        engine.syncWorkers()->start(1);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.runs()->activeRun(connectionId).has_value(), 10000);
        QCOMPARE(provider->starts().size(), 1);
        QCOMPARE(provider->starts().at(0).second.value(u"page"_s).toInt() * 10, previousRows);
        engine.syncWorkers()->stop(u"test end"_s);
    }

    void killConcurrentRun()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray key = Vault::generateKey();
        const QString child = QStringLiteral(OPBOX_BIN_DIR) + u"/opbox-sync-crashchild"_s;
        const quint32 seed = QRandomGenerator::system()->generate();
        qInfo("concurrent kill moments from seed %u", seed);
        QRandomGenerator moments(seed);
        const QStringList streams{u"contacts"_s, u"companies"_s, u"deals"_s};
        QHash<QString, int> previous;
        for (int round = 0; round < 4; ++round) {
            QProcess process;
            process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process.start(child, {dir.path(), QString::fromLatin1(key.toBase64()), u"concurrent"_s});
            QVERIFY(process.waitForStarted(5000));
            QByteArray out;
            QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("rows 3"), 15000);
            QTest::qWait(int(moments.bounded(20, 250)));
            process.kill(); // SIGKILL, with three readers and the writer busy
            QVERIFY(process.waitForFinished(5000));

            Engine engine(dir.path());
            QVERIFY(engine.open().ok());
            QVERIFY(engine.unlockWithKey(key).ok());
            const QString workspace = *engine.identity()->ensureWorkspace(u"Default"_s);
            const QString connectionId = engine.connections()->ids(workspace).value(0);
            const auto run = engine.runs()->store()->lastRun(connectionId);
            QVERIFY(run.has_value());
            QCOMPARE(run->error, u"interrupted"_s);
            Database *db = engine.workspaceData()->database(workspace);
            QVERIFY(db);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
            int total = 0;
            for (const QString &stream : streams) {
                // A stream the kill came before has no table yet.
                if (!q.exec(u"SELECT COUNT(*), COUNT(DISTINCT id) FROM crash__%1"_s.arg(stream)) || !q.next())
                    continue;
                const int rows = q.value(0).toInt();
                QCOMPARE(q.value(1).toInt(), rows);
                QVERIFY(q.exec(u"SELECT state FROM opbox_sync_state WHERE connection_id = '%1' AND stream = '%2'"_s.arg(
                    connectionId, stream)));
                const QJsonObject state
                    = q.next() ? QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object() : QJsonObject();
                // Each stream resumes from its own checkpoint: its cursor covers exactly its rows.
                QCOMPARE(state.value(u"page"_s).toInt() * 10, rows);
                QVERIFY(rows >= previous.value(stream));
                previous.insert(stream, rows);
                total += rows;
            }
            QVERIFY(total > 0);
            db->closeThisThread();
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_synccrash.moc"
