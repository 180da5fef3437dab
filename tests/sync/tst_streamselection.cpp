// SPDX-License-Identifier: GPL-3.0-or-later
// A connection's own stream selection (config.streams) over HTTP with a scripted connector: the
// field is validated against the connector's streams on create and update, every trigger that
// names no streams (manual, run-all, schedule, webhook, GUI) reads only the selection, explicit
// streams in POST …/runs still win, names the connector dropped are skipped, and variants keep it.
#include "engine/security/caller.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/sync/syncworkerpool.h"
#include "fakeconnector.h"
#include "testengine.h"
#include "waitforrun.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;
using Test::FakeProvider;

namespace {

StreamSpec spec(const QString &name)
{
    return FakeProvider::streamSpec(name);
}

QStringList startedStreams(const FakeProvider &provider)
{
    QStringList out;
    for (const auto &start : provider.starts())
        out.append(start.first);
    return out;
}

} // namespace

class TestStreamSelection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestEngine> m_t;
    std::shared_ptr<FakeProvider> m_provider;
    QString m_owner;

    RunService *runs() { return m_t->engine().runs(); }

    Test::HttpResult create(const QJsonObject &config)
    {
        QJsonObject body{{u"name"_s, u"Selection %1"_s.arg(QString::number(++m_created))},
                         {u"type"_s, u"CRM_PLATFORM"_s},
                         {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k-secret"_s}}}};
        if (!config.isEmpty())
            body.insert(u"config"_s, config);
        return m_t->client(m_owner)->post(u"/api/pipelines/connections"_s, body);
    }

    QString createWith(const QJsonArray &streams)
    {
        const auto r = create(QJsonObject{{u"streams"_s, streams}});
        if (r.status != 201)
            qWarning() << r.status << r.body;
        return r.json().value(u"id"_s).toString();
    }

    /** The run object once the run has ended; empty, and the test failed, when it did not end. */
    QJsonObject finishedRun(const QString &connectionId, const QString &runId,
                            std::source_location where = std::source_location::current())
    {
        return m_t->finishedRun(m_owner, connectionId, runId, Test::RunTimeoutMs, where);
    }

    /** POSTs a run (optionally with a body) and waits for it; the finished run object. */
    QJsonObject runToEnd(const QString &connectionId, const QJsonObject &body = {})
    {
        const auto r = m_t->client(m_owner)->post(u"/api/pipelines/connections/%1/runs"_s.arg(connectionId), body);
        if (r.status != 202) {
            qWarning() << r.status << r.body;
            return {};
        }
        return finishedRun(connectionId, r.json().value(u"id"_s).toString());
    }

    int m_created = 0;

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>();
        QVERIFY(m_t->ok());
        m_provider = std::make_shared<FakeProvider>();
        m_provider->addStream(spec(u"contacts"_s), FakeProvider::pagesOf(u"c"_s, 2, 5));
        m_provider->addStream(spec(u"companies"_s), FakeProvider::pagesOf(u"o"_s, 1, 5));
        m_provider->addStream(spec(u"transcripts"_s), FakeProvider::pagesOf(u"t"_s, 1, 5));
        runs()->setConnectorMaker(FakeProvider::maker(m_provider));
        m_t->engine().syncWorkers()->start(2);
        m_owner = m_t->addUser(u"owner@example.com"_s, Role::Owner);
    }

    void cleanupTestCase() { m_t->engine().syncWorkers()->stop(u"test end"_s); }

    void invalidSelectionIsRefused_data()
    {
        QTest::addColumn<QJsonValue>("streams");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not an array") << QJsonValue(u"contacts"_s) << u"array"_s;
        QTest::newRow("not strings") << QJsonValue(QJsonArray{1, 2}) << u"array"_s;
        QTest::newRow("empty name") << QJsonValue(QJsonArray{u" "_s}) << u"array"_s;
        QTest::newRow("unknown stream") << QJsonValue(
            QJsonArray{u"contacts"_s,
                       u"tickets"_s}) << u"unknown stream \"tickets\" (this connection has: contacts, companies, transcripts)"_s;
    }

    void invalidSelectionIsRefused()
    {
        QFETCH(QJsonValue, streams);
        QFETCH(QString, mentions);
        const auto created = create(QJsonObject{{u"streams"_s, streams}});
        QCOMPARE(created.status, 400);
        QCOMPARE(created.json().value(u"code"_s).toString(), u"VALIDATION_ERROR"_s);
        QVERIFY2(created.json().value(u"error"_s).toString().startsWith(u"config.streams: "_s), created.body.constData());
        QVERIFY2(created.json().value(u"error"_s).toString().contains(mentions), created.body.constData());

        // The same on update; the stored selection stays as it was.
        const QString id = createWith({u"contacts"_s});
        QVERIFY(!id.isEmpty());
        auto client = m_t->client(m_owner);
        const auto updated = client->put(u"/api/pipelines/connections/"_s + id,
                                         QJsonObject{{u"config"_s, QJsonObject{{u"streams"_s, streams}}}});
        QCOMPARE(updated.status, 400);
        QVERIFY2(updated.json().value(u"error"_s).toString().startsWith(u"config.streams: "_s), updated.body.constData());
        const QJsonObject stored = client->get(u"/api/pipelines/connections/"_s + id).json();
        QCOMPARE(stored.value(u"config"_s).toObject().value(u"streams"_s).toArray(), QJsonArray{u"contacts"_s});
    }

    void validSelectionIsStoredAndChangeable()
    {
        const QString id = createWith({u"transcripts"_s, u"contacts"_s});
        QVERIFY(!id.isEmpty());
        auto client = m_t->client(m_owner);
        QCOMPARE(
            client->get(u"/api/pipelines/connections/"_s + id).json().value(u"config"_s).toObject().value(u"streams"_s).toArray(),
            (QJsonArray{u"transcripts"_s, u"contacts"_s}));
        auto r = client->put(u"/api/pipelines/connections/"_s + id,
                             QJsonObject{{u"config"_s, QJsonObject{{u"streams"_s, QJsonArray{u"companies"_s}}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"config"_s).toObject().value(u"streams"_s).toArray(), QJsonArray{u"companies"_s});
        // null removes the key: every stream again.
        r = client->put(u"/api/pipelines/connections/"_s + id,
                        QJsonObject{{u"config"_s, QJsonObject{{u"streams"_s, QJsonValue()}}}});
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().value(u"config"_s).toObject().contains(u"streams"_s));
    }

    void runWithoutStreamsReadsTheSelection()
    {
        const QString id = createWith({u"transcripts"_s, u"contacts"_s});
        QVERIFY(!id.isEmpty());
        const int before = int(m_provider->starts().size());
        const QJsonObject run = runToEnd(id);
        QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
        // The connector's order (parents first), not the selection's.
        QCOMPARE(run.value(u"streams"_s).toArray(), (QJsonArray{u"contacts"_s, u"transcripts"_s}));
        QCOMPARE(startedStreams(*m_provider).mid(before), (QStringList{u"contacts"_s, u"transcripts"_s}));
        QCOMPARE(run.value(u"progress"_s).toObject().value(u"streamsTotal"_s).toInt(), 2);
    }

    void explicitStreamsWin()
    {
        const QString id = createWith({u"transcripts"_s});
        QVERIFY(!id.isEmpty());
        const QJsonObject run = runToEnd(id, QJsonObject{{u"streams"_s, QJsonArray{u"companies"_s}}});
        QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(run.value(u"streams"_s).toArray(), QJsonArray{u"companies"_s});
    }

    void otherTriggersHonourTheSelection_data()
    {
        QTest::addColumn<int>("trigger");
        QTest::newRow("schedule") << int(RunTrigger::Schedule);
        QTest::newRow("webhook") << int(RunTrigger::Webhook);
        QTest::newRow("run all") << int(RunTrigger::RunAll);
    }

    void otherTriggersHonourTheSelection()
    {
        QFETCH(int, trigger);
        const QString id = createWith({u"companies"_s});
        QVERIFY(!id.isEmpty());
        auto run = runs()->trigger(Caller::system(m_t->workspaceId()), id, {}, RunTrigger(trigger));
        QVERIFY2(run, qPrintable(run ? QString() : run.error().message));
        QCOMPARE(run->streams, QStringList{u"companies"_s});
        QCOMPARE(finishedRun(id, run->id).value(u"status"_s).toString(), u"COMPLETED"_s);
    }

    void emptyOrStaleSelectionMeansEverything_data()
    {
        QTest::addColumn<QJsonArray>("stored");
        QTest::addColumn<QJsonArray>("expected");
        const QJsonArray all{u"contacts"_s, u"companies"_s, u"transcripts"_s};
        QTest::newRow("empty") << QJsonArray() << all;
        QTest::newRow("one name dropped") << QJsonArray{u"deals"_s, u"companies"_s} << QJsonArray{u"companies"_s};
        QTest::newRow("every name dropped") << QJsonArray{u"deals"_s, u"owners"_s} << all;
    }

    void emptyOrStaleSelectionMeansEverything()
    {
        QFETCH(QJsonArray, stored);
        QFETCH(QJsonArray, expected);
        const QString id = createWith({});
        QVERIFY(!id.isEmpty());
        // A selection the connector has outgrown (a stream renamed in a newer manifest) cannot be
        // made through the API any more: write it the way an older version left it.
        QVERIFY(m_t->engine().connections()->mergeConfig(id, QJsonObject{{u"streams"_s, stored}}));
        auto run = runs()->trigger(Caller::system(m_t->workspaceId()), id, {}, RunTrigger::Manual);
        QVERIFY(run);
        QCOMPARE(QJsonArray::fromStringList(run->streams), expected);
        QCOMPARE(finishedRun(id, run->id).value(u"status"_s).toString(), u"COMPLETED"_s);
        // An unrelated edit of such a connection is not blocked by the stale names.
        const auto renamed = m_t->client(m_owner)->put(
            u"/api/pipelines/connections/"_s + id,
            QJsonObject{{u"name"_s, u"Renamed %1"_s.arg(id.left(6))}, {u"config"_s, QJsonObject{{u"note"_s, u"x"_s}}}});
        QCOMPARE(renamed.status, 200);
        // Nor is a client that sends the stored config back unchanged (GET, edit, PUT).
        const QJsonObject current = m_t->client(m_owner)->get(u"/api/pipelines/connections/"_s + id).json();
        const auto putBack = m_t->client(m_owner)->put(u"/api/pipelines/connections/"_s + id,
                                                       QJsonObject{{u"config"_s, current.value(u"config"_s)}});
        QCOMPARE(putBack.status, 200);
    }

    void variantsKeepTheSelection()
    {
        const QString id = createWith({u"transcripts"_s});
        QVERIFY(!id.isEmpty());
        const auto r = m_t->client(m_owner)->post(u"/api/pipelines/connections/%1/variants"_s.arg(id),
                                                  QJsonObject{{u"name"_s, u"Selection variant"_s}});
        QCOMPARE(r.status, 201);
        const QString variant = r.json().value(u"id"_s).toString();
        QCOMPARE(r.json().value(u"config"_s).toObject().value(u"streams"_s).toArray(), QJsonArray{u"transcripts"_s});
        const QJsonObject run = runToEnd(variant);
        QCOMPARE(run.value(u"streams"_s).toArray(), QJsonArray{u"transcripts"_s});
    }
};

QTEST_GUILESS_MAIN(TestStreamSelection)
#include "tst_streamselection.moc"
