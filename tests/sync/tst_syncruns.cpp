// SPDX-License-Identifier: GPL-3.0-or-later
// Runs end to end over HTTP with a scripted connector: trigger, list, progress, stop, concurrency,
// checkpoints and resume, cursor reset (the API's exact answers), notifications, many
// connections at once, soft deletes, shutdown.
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/services/notificationservice.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/tablecatalogstore.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"
#include "fakeconnector.h"
#include "testengine.h"
#include "waitforrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Opbox;
using Test::FakeProvider;

namespace {

StreamSpec spec(const QString &name, bool incremental)
{
    return FakeProvider::streamSpec(name, incremental);
}

} // namespace

class TestSyncRuns : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestEngine> m_t;
    std::shared_ptr<FakeProvider> m_provider;
    QString m_owner; // tokens
    QString m_member;
    QString m_viewer;
    QString m_admin;

    RunService *runs() { return m_t->engine().runs(); }

    QString createConnection(const QString &name, const QJsonObject &extra = {})
    {
        QJsonObject body{
            {u"name"_s, name}, {u"type"_s, u"CRM_PLATFORM"_s}, {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k-secret"_s}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        const auto r = m_t->client(m_owner)->post(u"/api/pipelines/connections"_s, body);
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

    QString trigger(const QString &connectionId, const QString &token = {}, const QJsonObject &body = {})
    {
        const auto r = m_t->client(token.isEmpty() ? m_owner : token)
                           ->post(u"/api/pipelines/connections/%1/runs"_s.arg(connectionId), body);
        if (r.status != 202)
            qWarning() << r.status << r.body;
        return r.json().value(u"id"_s).toString();
    }

    QVariant scalar(const QString &sql)
    {
        Database *db = m_t->engine().workspaceData()->database(m_t->workspaceId());
        QSqlQuery q(db->connection());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>();
        QVERIFY(m_t->ok());
        m_provider = std::make_shared<FakeProvider>();
        m_provider->addStream(spec(u"contacts"_s, true), FakeProvider::pagesOf(u"c"_s, 5, 20));
        m_provider->addStream(spec(u"transcripts"_s, true), FakeProvider::pagesOf(u"t"_s, 2, 10));
        runs()->setConnectorMaker(FakeProvider::maker(m_provider));
        m_t->engine().syncWorkers()->start(4);
        m_owner = m_t->addUser(u"owner@example.com"_s, Role::Owner);
        m_admin = m_t->addUser(u"admin@example.com"_s, Role::Admin);
        m_member = m_t->addUser(u"member@example.com"_s, Role::Member);
        m_viewer = m_t->addUser(u"viewer@example.com"_s, Role::Viewer);
    }

    void cleanup()
    {
        // Whatever a test function swapped in or slowed down, the next one starts from the shared
        // provider, also when the function failed half-way.
        m_provider->setPageDelay(0);
        runs()->setConnectorMaker(FakeProvider::maker(m_provider));
    }

    void cleanupTestCase() { m_t->engine().syncWorkers()->stop(u"test end"_s); }

    void triggerRunsToCompletion()
    {
        const QString id = createConnection(u"Production CRM (EU)"_s);
        QVERIFY(!id.isEmpty());
        const auto r = m_t->client(m_member)->post(u"/api/pipelines/connections/%1/runs"_s.arg(id), {});
        QCOMPARE(r.status, 202);
        const QJsonObject run = r.json();
        QStringList keys = run.keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{u"completedAt"_s, u"connectionId"_s, u"error"_s, u"id"_s, u"progress"_s, u"rowsCreated"_s,
                              u"rowsSynced"_s, u"rowsUpdated"_s, u"startedAt"_s, u"status"_s, u"streams"_s, u"trigger"_s}));
        QCOMPARE(run.value(u"status"_s).toString(), u"PENDING"_s);
        QCOMPARE(run.value(u"trigger"_s).toString(), u"MANUAL"_s);
        QCOMPARE(run.value(u"streams"_s).toArray(), (QJsonArray{u"contacts"_s, u"transcripts"_s}));
        QCOMPARE(run.value(u"progress"_s).toObject().value(u"streamsTotal"_s).toInt(), 2);

        const QJsonObject done = finishedRun(id, run.value(u"id"_s).toString());
        QCOMPARE(done.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(done.value(u"rowsSynced"_s).toInt(), 120);
        QCOMPARE(done.value(u"rowsCreated"_s).toInt(), 120);
        QCOMPARE(done.value(u"rowsUpdated"_s).toInt(), 0);
        QVERIFY(!done.value(u"startedAt"_s).toString().isEmpty());
        QVERIFY(!done.value(u"completedAt"_s).toString().isEmpty());
        QVERIFY(done.value(u"error"_s).isNull());
        QCOMPARE(done.value(u"progress"_s).toObject().value(u"streamsDone"_s).toInt(), 2);
        QCOMPARE(done.value(u"progress"_s).toObject().value(u"rowsSynced"_s).toInt(), 120);

        // Tables named from the connection (label stripped), flattened, with system columns.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM production_crm__contacts WHERE _opbox_connection_id = '%1'"_s.arg(id)).toInt(),
                 100);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM production_crm__transcripts"_s).toInt(), 20);
        QCOMPARE(scalar(u"SELECT address__city FROM production_crm__contacts WHERE id = 'c8'"_s).toString(), u"City 1"_s);
        QCOMPARE(scalar(u"SELECT _opbox_run_id FROM production_crm__contacts LIMIT 1"_s).toString(),
                 done.value(u"id"_s).toString());
        QCOMPARE(m_provider->lastCredentials(), (QJsonObject{{u"apiKey"_s, u"k-secret"_s}}));

        // The catalog as the GUI's table browser reads it.
        TableCatalogStore catalog(m_t->engine().workspaceData());
        const Caller viewer = Caller::system(m_t->workspaceId());
        const auto tables = catalog.tables(viewer, id);
        QVERIFY(tables.ok());
        QCOMPARE(tables->size(), 2);
        const TableRecord &contacts = tables->at(0);
        QCOMPARE(contacts.table, u"production_crm__contacts"_s);
        QCOMPARE(contacts.base, u"production_crm"_s);
        QCOMPARE(contacts.rows, qint64(100));
        QCOMPARE(contacts.connectionIds, QStringList{id});
        QCOMPARE(contacts.primaryKey, QStringList{u"id"_s});
        // The table browser's JSON keeps its shape.
        QCOMPARE(contacts.toJson().value(u"connectionIds"_s).toArray(), QJsonArray{id});
        QCOMPARE(contacts.toJson().value(u"rows"_s).toInteger(), 100);
        const auto columns = catalog.columns(viewer, u"production_crm__contacts"_s);
        QVERIFY(columns.ok());
        bool flattened = false;
        for (const ColumnRecord &c : *columns) {
            if (c.name == u"address__city"_s) {
                flattened = true;
                QCOMPARE(c.field, u"address.city"_s);
                QCOMPARE(c.type, u"TEXT"_s);
            }
        }
        QVERIFY(flattened);
        const auto history = catalog.history(viewer, u"production_crm__contacts"_s);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), columns->size());
        QCOMPARE(history->at(0).runId.value_or(QString()), run.value(u"id"_s).toString());
        QCOMPARE(history->at(0).change, u"ADDED"_s);
        QVERIFY(history->at(0).toJson().value(u"from"_s).isNull());
        QCOMPARE(catalog.columns(viewer, u"nope"_s).error().kind, Error::Kind::NotFound);

        // The connection: CONNECTED after a good run (it started DISCONNECTED), lastRun filled.
        const QJsonObject connection = m_t->client(m_viewer)->get(u"/api/pipelines/connections/"_s + id).json();
        QCOMPARE(connection.value(u"status"_s).toString(), u"CONNECTED"_s);
        QCOMPARE(connection.value(u"lastRun"_s).toObject().value(u"id"_s).toString(), done.value(u"id"_s).toString());

        // A second run finds nothing new: incremental from the stored cursors.
        const QString second = trigger(id);
        const QJsonObject again = finishedRun(id, second);
        QCOMPARE(again.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(again.value(u"rowsSynced"_s).toInt(), 0);

        // The list: newest first, with the API's `pagination` object.
        const auto list = m_t->client(m_viewer)->get(u"/api/pipelines/connections/%1/runs?limit=1&offset=0"_s.arg(id));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(u"runs"_s).toArray().size(), 1);
        QCOMPARE(list.json().value(u"runs"_s).toArray().at(0).toObject().value(u"id"_s).toString(), second);
        QCOMPARE(list.json().value(u"pagination"_s).toObject(),
                 (QJsonObject{{u"limit"_s, 1}, {u"offset"_s, 0}, {u"total"_s, 2}, {u"hasMore"_s, true}}));
        const auto page2 = m_t->client(m_viewer)->get(u"/api/pipelines/connections/%1/runs?limit=50&offset=1"_s.arg(id));
        QCOMPARE(page2.json().value(u"pagination"_s).toObject().value(u"hasMore"_s).toBool(), false);
        QCOMPARE(m_t->client(m_viewer)->get(u"/api/pipelines/connections/%1/runs?limit=x"_s.arg(id)).status, 400);
    }

    void triggerValidation()
    {
        const QString id = createConnection(u"Validation"_s);
        auto client = m_t->client(m_owner);
        auto r = client->post(u"/api/pipelines/connections/%1/runs"_s.arg(id), {{u"streams"_s, QJsonArray{u"nope"_s}}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(u"error"_s).toString().contains(u"contacts, transcripts"_s));
        r = client->post(u"/api/pipelines/connections/%1/runs"_s.arg(id), {{u"streams"_s, u"contacts"_s}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(u"error"_s).toString().startsWith(u"streams"_s));
        QCOMPARE(m_t->client(m_viewer)->post(u"/api/pipelines/connections/%1/runs"_s.arg(id), {}).status, 403);
        QCOMPARE(client->post(u"/api/pipelines/connections/cxxxxxxxxxxxxxxxxxxxxxxxx/runs"_s, {}).status, 404);
        QCOMPARE(client->get(u"/api/pipelines/connections/%1/runs/cxxxxxxxxxxxxxxxxxxxxxxxx"_s.arg(id)).status, 404);
        // Another workspace's connection does not exist for this caller.
        const QString stranger = m_t->addUser(u"stranger@example.com"_s, Role::Owner, u"Other"_s);
        QCOMPARE(m_t->client(stranger)->post(u"/api/pipelines/connections/%1/runs"_s.arg(id), {}).status, 404);
        // A chosen stream only.
        r = client->post(u"/api/pipelines/connections/%1/runs"_s.arg(id), {{u"streams"_s, QJsonArray{u"transcripts"_s}}});
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value(u"streams"_s).toArray(), QJsonArray{u"transcripts"_s});
        const auto done = finishedRun(id, r.json().value(u"id"_s).toString());
        QCOMPARE(done.value(u"rowsSynced"_s).toInt(), 20);
        QVERIFY(scalar(u"SELECT COUNT(*) FROM validation__contacts"_s).isNull());
    }

    void concurrentTriggersOneWins()
    {
        const QString id = createConnection(u"Racing"_s);
        m_provider->setPageDelay(30);
        // Twenty requests in flight at once over HTTP.
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 20; ++i) {
            QUrl url = m_t->baseUrl();
            url.setPath(u"/api/pipelines/connections/%1/runs"_s.arg(id));
            QNetworkRequest req(url);
            req.setRawHeader("Authorization", "Bearer " + m_member.toUtf8());
            req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            replies.append(nam.post(req, QByteArray("{}")));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }),
                                 15000);
        int accepted = 0;
        QString winner;
        QStringList losersSay;
        for (auto *reply : std::as_const(replies)) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
            if (status == 202) {
                ++accepted;
                winner = body.value(u"id"_s).toString();
            } else {
                QCOMPARE(status, 409);
                QCOMPARE(body.value(u"code"_s).toString(), u"RUN_ACTIVE"_s);
                QVERIFY(!body.value(u"error"_s).toString().isEmpty());
                losersSay.append(body.value(u"runId"_s).toString());
            }
            reply->deleteLater();
        }
        QCOMPARE(accepted, 1);
        for (const auto &runId : std::as_const(losersSay))
            QCOMPARE(runId, winner);

        // The same race between threads calling the service directly, on a run that cannot end
        // before every thread has tried.
        finishedRun(id, winner);
        auto endless = std::make_shared<FakeProvider>();
        endless->addStream(spec(u"contacts"_s, true), {});
        endless->setEndless(u"contacts"_s, true);
        endless->setPageDelay(20);
        runs()->setConnectorMaker(FakeProvider::maker(endless));
        const Caller caller = Caller::system(m_t->workspaceId());
        std::atomic<int> wins{0};
        std::atomic<int> conflicts{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 8; ++i) {
            threads.emplace_back([&] {
                auto r = runs()->trigger(caller, id, {}, RunTrigger::Schedule);
                if (r.ok())
                    ++wins;
                else if (r.error().code == u"RUN_ACTIVE"_s)
                    ++conflicts;
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(wins.load(), 1);
        QCOMPARE(conflicts.load(), 7);
        const auto active = runs()->activeRun(id);
        QVERIFY(active.has_value());
        QCOMPARE(active->trigger, u"SCHEDULE"_s);
        QVERIFY(runs()->stop(caller, id, active->id).ok());
        QTRY_VERIFY_WITH_TIMEOUT(m_t->engine().syncWorkers()->busyCount() == 0, 5000);
    }

    void stopWithinOnePage()
    {
        const QString id = createConnection(u"Stoppable"_s);
        auto provider = std::make_shared<FakeProvider>();
        provider->addStream(spec(u"contacts"_s, true), {});
        provider->setEndless(u"contacts"_s, true);
        provider->setPageDelay(10);
        runs()->setConnectorMaker(FakeProvider::maker(provider));
        const QString runId = trigger(id, m_member);
        QVERIFY(!runId.isEmpty());
        // Wait until it has committed a few pages.
        QJsonObject running;
        QTRY_VERIFY_WITH_TIMEOUT(
            (running = m_t->client(m_owner)->get(u"/api/pipelines/connections/%1/runs/%2"_s.arg(id, runId)).json())
                    .value(u"rowsSynced"_s)
                    .toInt()
                >= 50,
            15000);
        QCOMPARE(running.value(u"status"_s).toString(), u"RUNNING"_s);
        QCOMPARE(running.value(u"progress"_s).toObject().value(u"stream"_s).toString(), u"contacts"_s);

        QSignalSpy finished(runs(), &RunService::runFinished);
        const auto stopped = m_t->client(m_member)->post(u"/api/pipelines/connections/%1/runs/%2"_s.arg(id, runId), {});
        QCOMPARE(stopped.status, 200);
        QCOMPARE(stopped.json().value(u"status"_s).toString(), u"CANCELLED"_s);
        QVERIFY(!stopped.json().value(u"completedAt"_s).toString().isEmpty());
        const int atStop = stopped.json().value(u"rowsSynced"_s).toInt();
        // The worker ends within one page and keeps what it committed.
        QTRY_VERIFY_WITH_TIMEOUT(!runs()->activeRun(id).has_value() && finished.size() >= 2, 5000);
        // The worker has let go of the run: nothing can add rows to it any more.
        QTRY_COMPARE_WITH_TIMEOUT(m_t->engine().syncWorkers()->busyCount(), 0, 5000);
        const QJsonObject ended = m_t->client(m_owner)->get(u"/api/pipelines/connections/%1/runs/%2"_s.arg(id, runId)).json();
        QCOMPARE(ended.value(u"status"_s).toString(), u"CANCELLED"_s);
        const int rows = ended.value(u"rowsSynced"_s).toInt();
        QVERIFY2(rows - atStop <= 10, qPrintable(u"%1 rows after the stop"_s.arg(rows - atStop)));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM stoppable__contacts"_s).toInt(), rows);
        // The cursor matches the committed data exactly.
        const QJsonObject state = runs()
                                      ->syncState(Caller::system(m_t->workspaceId()), id)
                                      ->value(u"streams"_s)
                                      .toObject()
                                      .value(u"contacts"_s)
                                      .toObject();
        QCOMPARE(state.value(u"page"_s).toInt() * 10, rows);
        // A finished run cannot be stopped.
        const auto again = m_t->client(m_member)->post(u"/api/pipelines/connections/%1/runs/%2"_s.arg(id, runId), {});
        QCOMPARE(again.status, 409);
        QCOMPARE(m_t->client(m_viewer)->post(u"/api/pipelines/connections/%1/runs/%2"_s.arg(id, runId), {}).status, 403);
    }

    void checkpointAndResume()
    {
        const QString id = createConnection(u"Resume"_s);
        auto provider = std::make_shared<FakeProvider>();
        provider->addStream(spec(u"contacts"_s, true), FakeProvider::pagesOf(u"r"_s, 5, 10));
        provider->setFailAt(u"contacts"_s, 3);
        runs()->setConnectorMaker(FakeProvider::maker(provider));
        const QString first = trigger(id);
        const auto failed = finishedRun(id, first);
        QCOMPARE(failed.value(u"status"_s).toString(), u"FAILED"_s);
        QCOMPARE(failed.value(u"error"_s).toString(), u"fake provider failure at page 3"_s);
        QCOMPARE(failed.value(u"rowsSynced"_s).toInt(), 30);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM resume__contacts"_s).toInt(), 30);

        provider->setFailAt(u"contacts"_s, -1);
        const QString second = trigger(id);
        const auto done = finishedRun(id, second);
        QCOMPARE(done.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(done.value(u"rowsCreated"_s).toInt(), 20);
        const auto starts = provider->starts();
        QCOMPARE(starts.size(), 2);
        QCOMPARE(starts.at(1).second.value(u"page"_s).toInt(), 3);
        QCOMPARE(starts.at(1).second.value(u"cursor"_s).toString(),
                 FakeProvider::record(u"r"_s, 29).value(u"updatedAt"_s).toString());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM resume__contacts"_s).toInt(), 50);
        // A provider that refuses the credentials marks the connection ERROR.
        provider->setPages(u"contacts"_s, FakeProvider::pagesOf(u"r"_s, 6, 10));
        provider->setFailAt(u"contacts"_s, 5, Error::Kind::Configuration);
        const QString third = trigger(id);
        QCOMPARE(finishedRun(id, third).value(u"status"_s).toString(), u"FAILED"_s);
        QCOMPARE(m_t->client(m_owner)->get(u"/api/pipelines/connections/"_s + id).json().value(u"status"_s).toString(),
                 u"ERROR"_s);
    }

    void aFailedPageStopsThePagesQueuedBehindIt()
    {
        // Pages queue for the writer while the connector reads on. When one of them cannot be
        // written, the pages behind it must not commit: their cursor would skip the lost rows.
        const QString id = createConnection(u"Faulty"_s);
        auto provider = std::make_shared<FakeProvider>();
        const QList<QJsonArray> pages = FakeProvider::pagesOf(u"f"_s, 8, 10);
        provider->addStream(spec(u"contacts"_s, true), {pages.first()});
        runs()->setConnectorMaker(FakeProvider::maker(provider));
        QCOMPARE(finishedRun(id, trigger(id)).value(u"status"_s).toString(), u"COMPLETED"_s);
        // The data file refuses one record of the third page (a fault only SQLite can raise).
        Database *db = m_t->engine().workspaceData()->database(m_t->workspaceId());
        QSqlQuery fault(db->connection());
        QVERIFY2(fault.exec(u"CREATE TRIGGER faulty_refuses_f25 BEFORE INSERT ON faulty__contacts WHEN NEW.id = 'f25' "
                            "BEGIN SELECT RAISE(ABORT, 'refused'); END"_s),
                 qPrintable(fault.lastError().text()));
        provider->setPages(u"contacts"_s, pages);
        provider->setPageDelay(0);
        const QString runId = trigger(id);
        const auto failed = finishedRun(id, runId);
        QCOMPARE(failed.value(u"status"_s).toString(), u"FAILED"_s);
        QVERIFY2(failed.value(u"error"_s).toString().contains(u"faulty__contacts"_s),
                 qPrintable(failed.value(u"error"_s).toString()));
        QVERIFY(!failed.value(u"error"_s).toString().contains(u"earlier page"_s));
        // Pages 0 and 1 are committed with their cursor; nothing after the refused page is.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM faulty__contacts"_s).toInt(), 20);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM faulty__contacts WHERE n >= 20"_s).toInt(), 0);
        QCOMPARE(failed.value(u"rowsSynced"_s).toInt(), 10); // page 0 came with the first run
        const QJsonObject state = runs()
                                      ->syncState(Caller::system(m_t->workspaceId()), id)
                                      ->value(u"streams"_s)
                                      .toObject()
                                      .value(u"contacts"_s)
                                      .toObject();
        QCOMPARE(state.value(u"page"_s).toInt(), 2);
        QCOMPARE(state.value(u"cursor"_s).toString(), FakeProvider::record(u"f"_s, 19).value(u"updatedAt"_s).toString());

        // Without the fault the next run resumes from that cursor and completes.
        QVERIFY(fault.exec(u"DROP TRIGGER faulty_refuses_f25"_s));
        const auto done = finishedRun(id, trigger(id));
        QCOMPARE(done.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(provider->starts().last().second.value(u"page"_s).toInt(), 2);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM faulty__contacts"_s).toInt(), 80);
    }

    void fullRefreshSoftDeletes()
    {
        const QString id = createConnection(u"Owners"_s);
        auto provider = std::make_shared<FakeProvider>();
        provider->addStream(spec(u"owners"_s, false), FakeProvider::pagesOf(u"o"_s, 2, 5));
        runs()->setConnectorMaker(FakeProvider::maker(provider));
        QCOMPARE(finishedRun(id, trigger(id)).value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM owners__owners WHERE _opbox_deleted_at IS NULL"_s).toInt(), 10);
        QTest::qWait(5);
        // o0..o7 still exist, o8 and o9 are gone at the provider.
        auto pages = FakeProvider::pagesOf(u"o"_s, 2, 5);
        pages[1].removeLast();
        pages[1].removeLast();
        provider->setPages(u"owners"_s, pages);
        const auto done = finishedRun(id, trigger(id));
        QCOMPARE(done.value(u"rowsUpdated"_s).toInt(), 8);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM owners__owners WHERE _opbox_deleted_at IS NULL"_s).toInt(), 8);
        QCOMPARE(scalar(u"SELECT group_concat(id) FROM owners__owners WHERE _opbox_deleted_at IS NOT NULL"_s).toString(),
                 u"o8,o9"_s);
    }

    void resetCursorAnswersAsTheSpec()
    {
        const QString id = createConnection(u"Meetings"_s);
        auto client = m_t->client(m_admin);
        const QString path = u"/api/pipelines/connections/"_s + id;
        auto r = client->patch(path, {{u"stream"_s, u"transcripts"_s}, {u"cursor"_s, u"2026-01-01T00:00:00.000Z"_s}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(),
                 QJsonDocument::fromJson("{ \"success\": true, \"syncState\": { \"version\": 1, \"streams\": { \"transcripts\": "
                                         "{ \"cursor\": \"2026-01-01T00:00:00.000Z\" } } }, \"message\": \"Sync cursor set to "
                                         "2026-01-01T00:00:00.000Z for stream \\\"transcripts\\\"\" }")
                     .object());
        // The stream defaults to "transcripts".
        r = client->patch(path, {{u"cursor"_s, u"2026-02-01T00:00:00.000Z"_s}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"message"_s).toString(),
                 u"Sync cursor set to 2026-02-01T00:00:00.000Z for stream \"transcripts\""_s);
        r = client->patch(path, {{u"stream"_s, u"transcripts"_s}, {u"cursor"_s, QJsonValue()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(),
                 QJsonDocument::fromJson("{ \"success\": true, \"syncState\": { \"version\": 1, \"streams\": {} }, \"message\": "
                                         "\"Sync cursor cleared - next sync will be a full resync\" }")
                     .object());

        r = client->patch(path, {{u"stream"_s, u"meetings"_s}, {u"cursor"_s, u"2026-01-01T00:00:00.000Z"_s}});
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json().value(u"error"_s).toString().contains(u"contacts, transcripts"_s), r.body.constData());
        r = client->patch(path, {{u"stream"_s, u"transcripts"_s}, {u"cursor"_s, u"yesterday"_s}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(u"error"_s).toString().startsWith(u"cursor"_s));
        QCOMPARE(client->patch(path, {{u"stream"_s, u"transcripts"_s}}).status, 400);
        QCOMPARE(client->patch(path, {{u"cursor"_s, 5}}).status, 400);
        QCOMPARE(m_t->client(m_member)->patch(path, {{u"cursor"_s, QJsonValue()}}).status, 403);
        QCOMPARE(client->patch(u"/api/pipelines/connections/cxxxxxxxxxxxxxxxxxxxxxxxx"_s, {{u"cursor"_s, QJsonValue()}}).status,
                 404);
        // An unknown connection is 404 whatever the fields; a body with several problems names the first.
        QCOMPARE(client->patch(u"/api/pipelines/connections/cxxxxxxxxxxxxxxxxxxxxxxxx"_s, {{u"cursor"_s, 5}}).status, 404);
        r = client->patch(path, {{u"stream"_s, 5}, {u"cursor"_s, 5}, {u"x"_s, 1}});
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json().value(u"error"_s).toString().startsWith(u"x:"_s), r.body.constData());
        r = client->patch(path, {{u"stream"_s, 5}, {u"cursor"_s, 5}});
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json().value(u"error"_s).toString().startsWith(u"stream:"_s), r.body.constData());
        r = client->patch(path, {{u"stream"_s, u"nope"_s}, {u"cursor"_s, u"yesterday"_s}});
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json().value(u"error"_s).toString().startsWith(u"cursor:"_s), r.body.constData());

        // A cursor set to a date replaces the stream's whole state, and the next read starts there.
        auto provider = std::make_shared<FakeProvider>();
        provider->addStream(spec(u"transcripts"_s, true), FakeProvider::pagesOf(u"m"_s, 1, 3));
        runs()->setConnectorMaker(FakeProvider::maker(provider));
        QCOMPARE(finishedRun(id, trigger(id)).value(u"status"_s).toString(), u"COMPLETED"_s);
        r = client->patch(path, {{u"cursor"_s, u"2025-12-31T00:00:00Z"_s}});
        QCOMPARE(r.json().value(u"syncState"_s).toObject().value(u"streams"_s).toObject().value(u"transcripts"_s).toObject(),
                 (QJsonObject{{u"cursor"_s, u"2025-12-31T00:00:00.000Z"_s}}));
        QCOMPARE(finishedRun(id, trigger(id)).value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(provider->starts().last().second, (QJsonObject{{u"cursor"_s, u"2025-12-31T00:00:00.000Z"_s}}));

        // Not while a run is active: its next checkpoint would undo the reset.
        provider->setEndless(u"transcripts"_s, true);
        provider->setPageDelay(20);
        const QString runId = trigger(id);
        r = client->patch(path, {{u"cursor"_s, QJsonValue()}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json().value(u"runId"_s).toString(), runId);
        QCOMPARE(client->post(u"/api/pipelines/connections/%1/runs/%2"_s.arg(id, runId), {}).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(m_t->engine().syncWorkers()->busyCount() == 0, 5000);

        // Audit entries for reset, trigger and stop.
        const auto audit = m_t->client(m_owner)->get(u"/api/audit-log?limit=500"_s).json().value(u"events"_s).toArray();
        QStringList actions;
        for (const auto &e : audit)
            actions.append(e.toObject().value(u"action"_s).toString());
        QVERIFY(actions.contains(u"CURSOR_RESET"_s));
        QVERIFY(actions.contains(u"RUN_TRIGGER"_s));
        QVERIFY(actions.contains(u"RUN_STOP"_s));
    }

    void resetCursorReadsWallTimesAsUtc_data()
    {
        QTest::addColumn<QString>("cursor");
        QTest::addColumn<QString>("stored");
        QTest::newRow("utc") << u"2026-03-29T02:30:00Z"_s << u"2026-03-29T02:30:00.000Z"_s;
        QTest::newRow("offset") << u"2026-03-29T04:30:00+02:00"_s << u"2026-03-29T02:30:00.000Z"_s;
        QTest::newRow("date") << u"2026-03-29"_s << u"2026-03-29T00:00:00.000Z"_s;
        // No offset means UTC. In Europe/Berlin 02:30 on these days does not exist (spring) or
        // exists twice (autumn); neither may change or refuse the cursor.
        QTest::newRow("no offset in a DST gap") << u"2026-03-29T02:30:00"_s << u"2026-03-29T02:30:00.000Z"_s;
        QTest::newRow("no offset with ms in a DST gap") << u"2026-03-29T02:30:00.250"_s << u"2026-03-29T02:30:00.250Z"_s;
        QTest::newRow("no offset in a DST overlap") << u"2026-10-25T02:30:00"_s << u"2026-10-25T02:30:00.000Z"_s;
        QTest::newRow("bad hour") << u"2026-03-29T25:30:00"_s << QString();
        QTest::newRow("bad offset") << u"2026-03-29T02:30:00+25:00"_s << QString();
    }

    void resetCursorReadsWallTimesAsUtc()
    {
        QFETCH(QString, cursor);
        QFETCH(QString, stored);
        static const QString id = createConnection(u"Wall times"_s);
        QVERIFY(!id.isEmpty());
        const auto r = m_t->client(m_admin)->patch(u"/api/pipelines/connections/"_s + id, {{u"cursor"_s, cursor}});
        if (stored.isEmpty()) {
            QCOMPARE(r.status, 400);
            return;
        }
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json().value(u"syncState"_s).toObject().value(u"streams"_s).toObject().value(u"transcripts"_s).toObject(),
                 (QJsonObject{{u"cursor"_s, stored}}));
    }

    void notificationRecipients()
    {
        auto *identity = m_t->engine().identity();
        const QString a = m_t->userId(u"owner@example.com"_s);
        const QString b = m_t->userId(u"member@example.com"_s);
        const QString c = m_t->userId(u"admin@example.com"_s);
        const QString d = m_t->userId(u"viewer@example.com"_s);
        // C does not want success notes.
        auto cCaller = identity->callerFor(c, m_t->workspaceId());
        QVERIFY(cCaller.ok());
        QVERIFY(identity->setNotificationPreferences(*cCaller, NotificationPreferencesChange{.onSuccess = false}).ok());
        const auto restorePreference = qScopeGuard([&] {
            if (!identity->setNotificationPreferences(*cCaller, NotificationPreferencesChange{.onSuccess = true}).ok())
                qWarning("the admin's success notes stay off");
        });

        auto notes = [&](const QString &token, const QString &runId) {
            QJsonArray mine;
            for (const auto &n : m_t->client(token)->get(u"/api/notifications"_s).json().value(u"notifications"_s).toArray()) {
                if (n.toObject().value(u"runId"_s).toString() == runId)
                    mine.append(n);
            }
            return mine;
        };

        const QString id = createConnection(u"Notify"_s);
        const QString run1 = trigger(id, m_owner); // A triggers: A is not told
        // A run's outcome notes commit with its end, before runFinished: no wait for them.
        QCOMPARE(finishedRun(id, run1).value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(notes(m_owner, run1).size(), 0);
        QCOMPARE(notes(m_member, run1).size(), 1);
        QCOMPARE(notes(m_admin, run1).size(), 0); // preference
        QCOMPARE(notes(m_viewer, run1).size(), 1);
        const QJsonObject n = notes(m_member, run1).at(0).toObject();
        QStringList keys = n.keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{u"connectionId"_s, u"createdAt"_s, u"id"_s, u"kind"_s, u"message"_s, u"progress"_s, u"read"_s,
                              u"runId"_s, u"title"_s, u"updatedAt"_s}));
        QCOMPARE(n.value(u"kind"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(n.value(u"connectionId"_s).toString(), id);
        QCOMPARE(n.value(u"read"_s).toBool(), false);
        QVERIFY(n.value(u"title"_s).toString().contains(u"Notify"_s));
        // Mark read.
        const auto read = m_t->client(m_member)->post(u"/api/notifications/%1/read"_s.arg(n.value(u"id"_s).toString()), {});
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value(u"read"_s).toBool(), true);
        QCOMPARE(m_t->client(m_viewer)->post(u"/api/notifications/%1/read"_s.arg(n.value(u"id"_s).toString()), {}).status, 404);

        // notifyUserIds narrows the audience; a failure reaches C (onFailure is on).
        QVERIFY(m_t->client(m_owner)->put(u"/api/pipelines/connections/"_s + id, {{u"notifyUserIds"_s, QJsonArray{c, d}}}).status
                == 200);
        auto provider = std::make_shared<FakeProvider>();
        provider->addStream(spec(u"contacts"_s, true), FakeProvider::pagesOf(u"n"_s, 3, 2));
        provider->setFailAt(u"contacts"_s, 1);
        runs()->setConnectorMaker(FakeProvider::maker(provider));
        QCOMPARE(m_t->client(m_owner)->patch(u"/api/pipelines/connections/"_s + id, {{u"cursor"_s, QJsonValue()}}).status, 200);
        const QString run2 = trigger(id, m_member);
        QCOMPARE(finishedRun(id, run2).value(u"status"_s).toString(), u"FAILED"_s);
        QCOMPARE(notes(m_member, run2).size(), 0);
        QCOMPARE(notes(m_owner, run2).size(), 0);
        QCOMPARE(notes(m_admin, run2).size(), 1);
        QCOMPARE(notes(m_admin, run2).at(0).toObject().value(u"kind"_s).toString(), u"FAILED"_s);
        QCOMPARE(notes(m_admin, run2).at(0).toObject().value(u"message"_s).toString(), u"fake provider failure at page 1"_s);
        QCOMPARE(notes(m_viewer, run2).size(), 1);

        // A system trigger (webhook) has no triggering user: everyone eligible hears, A included.
        QVERIFY(m_t->client(m_owner)->put(u"/api/pipelines/connections/"_s + id, {{u"notifyUserIds"_s, QJsonArray()}}).status
                == 200);
        provider->setFailAt(u"contacts"_s, -1);
        auto run3 = runs()->trigger(Caller::system(m_t->workspaceId()), id, {}, RunTrigger::Webhook);
        QVERIFY(run3.ok());
        const QString run3Id = run3->id;
        QCOMPARE(finishedRun(id, run3Id).value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(notes(m_owner, run3Id).size(), 1);
        QCOMPARE(notes(m_member, run3Id).size(), 1);
        QCOMPARE(notes(m_admin, run3Id).size(), 0);
    }

    void progressNotificationUpdatedInPlace()
    {
        const QString id = createConnection(u"Live"_s);
        auto provider = std::make_shared<FakeProvider>();
        provider->addStream(spec(u"contacts"_s, true), FakeProvider::pagesOf(u"l"_s, 40, 5));
        provider->setPageDelay(40);
        runs()->setConnectorMaker(FakeProvider::maker(provider));
        QSignalSpy changed(m_t->engine().notifications(), &NotificationService::notificationChanged);
        QSignalSpy runChanged(runs(), &RunService::runChanged);
        const QString runId = trigger(id, m_owner);
        QJsonArray seen;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(seen = m_t->client(m_member)->get(u"/api/notifications?unread=true"_s).json().value(u"notifications"_s).toArray())
                    .isEmpty()
                && seen.at(0).toObject().value(u"runId"_s).toString() == runId
                && seen.at(0).toObject().value(u"kind"_s).toString() == u"PROGRESS"_s,
            10000);
        const QString noteId = seen.at(0).toObject().value(u"id"_s).toString();
        QVERIFY(seen.at(0).toObject().value(u"progress"_s).toObject().contains(u"rowsSynced"_s));
        const auto done = finishedRun(id, runId);
        QCOMPARE(done.value(u"status"_s).toString(), u"COMPLETED"_s);
        const auto after = m_t->client(m_member)->get(u"/api/notifications"_s).json().value(u"notifications"_s).toArray();
        int forRun = 0;
        for (const auto &n : after) {
            if (n.toObject().value(u"runId"_s).toString() == runId) {
                ++forRun;
                QCOMPARE(n.toObject().value(u"id"_s).toString(), noteId);
                QCOMPARE(n.toObject().value(u"kind"_s).toString(), u"COMPLETED"_s);
            }
        }
        QCOMPARE(forRun, 1);
        QVERIFY(changed.size() >= 2);
        QVERIFY(runChanged.size() >= 3);
    }

    void deletingAConnectionEndsItsRunSilently()
    {
        const QString id = createConnection(u"Doomed"_s);
        auto provider = std::make_shared<FakeProvider>();
        provider->addStream(spec(u"contacts"_s, true), {});
        provider->setEndless(u"contacts"_s, true);
        provider->setPageDelay(10);
        runs()->setConnectorMaker(FakeProvider::maker(provider));
        const QString runId = trigger(id, m_owner);
        auto notesOfRun = [&] {
            int n = 0;
            const auto list = m_t->client(m_member)->get(u"/api/notifications"_s).json().value(u"notifications"_s).toArray();
            for (const auto &v : list)
                n += v.toObject().value(u"runId"_s).toString() == runId ? 1 : 0;
            return n;
        };
        // Running, with a progress note for the member.
        QTRY_VERIFY_WITH_TIMEOUT(notesOfRun() == 1, 10000);
        QSignalSpy finished(runs(), &RunService::runFinished);
        QCOMPARE(m_t->client(m_owner)->del(u"/api/pipelines/connections/"_s + id).status, 204);
        // The worker stops; the run went with the connection, and so does its note: no "completed"
        // or "failed" for a connection that no longer exists.
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_t->engine().syncWorkers()->busyCount(), 0, 5000);
        QCOMPARE(notesOfRun(), 0);
        QCOMPARE(m_t->client(m_owner)->get(u"/api/pipelines/connections/%1/runs/%2"_s.arg(id, runId)).status, 404);
    }

    void manyConnectionsConcurrently()
    {
        auto provider = std::make_shared<FakeProvider>();
        provider->addStream(spec(u"contacts"_s, true), FakeProvider::pagesOf(u"m"_s, 8, 25));
        provider->setPageDelay(5);
        runs()->setConnectorMaker(FakeProvider::maker(provider));
        QStringList ids;
        QStringList runIds;
        for (int i = 0; i < 12; ++i)
            ids.append(createConnection(u"Bulk %1"_s.arg(i)));
        for (const auto &id : std::as_const(ids))
            runIds.append(trigger(id, m_member));
        // The pool's load, sampled whenever a run moves (queued onto this thread by the context).
        int maxBusy = 0;
        QObject sampler;
        connect(runs(), &RunService::runChanged, &sampler,
                [&] { maxBusy = std::max(maxBusy, m_t->engine().syncWorkers()->busyCount()); });
        for (const auto &runId : std::as_const(runIds))
            QVERIFY(Test::waitForRun(runs(), runId));
        QVERIFY(maxBusy > 1);
        QVERIFY(maxBusy <= 4);
        for (int i = 0; i < ids.size(); ++i) {
            const auto run = m_t->client(m_owner)->get(u"/api/pipelines/connections/%1/runs/%2"_s.arg(ids[i], runIds[i])).json();
            QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
            QCOMPARE(run.value(u"rowsCreated"_s).toInt(), 200);
            QCOMPARE(scalar(u"SELECT COUNT(*) FROM bulk_%1__contacts"_s.arg(i)).toInt(), 200);
        }
    }

    void shutdownCancelsRuns()
    {
        Test::TestEngine t;
        QVERIFY(t.ok());
        const QString token = t.addUser(u"o@example.com"_s, Role::Owner);
        auto provider = std::make_shared<FakeProvider>();
        provider->addStream(spec(u"contacts"_s, true), {});
        provider->setEndless(u"contacts"_s, true);
        provider->setPageDelay(10);
        t.engine().runs()->setConnectorMaker(FakeProvider::maker(provider));
        t.engine().syncWorkers()->start(2);
        const auto created = t.client(token)->post(
            u"/api/pipelines/connections"_s,
            {{u"name"_s, u"S"_s}, {u"type"_s, u"CRM_PLATFORM"_s}, {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k"_s}}}});
        const QString id = created.json().value(u"id"_s).toString();
        const auto r = t.client(token)->post(u"/api/pipelines/connections/%1/runs"_s.arg(id), {});
        QCOMPARE(r.status, 202);
        const QString runId = r.json().value(u"id"_s).toString();
        QTRY_VERIFY_WITH_TIMEOUT(t.engine().runs()->store()->get(runId)->rowsSynced > 0
                                     || t.engine().runs()->lastRun(id).value_or(RunRecord()).rowsSynced > 0,
                                 10000);
        t.engine().syncWorkers()->stop(u"server shutdown"_s);
        const auto run = t.engine().runs()->store()->get(runId);
        QCOMPARE(run->status, u"CANCELLED"_s);
        QCOMPARE(run->error, u"server shutdown"_s);
        QVERIFY(run->rowsSynced > 0);
        const auto refused = t.client(token)->post(u"/api/pipelines/connections/%1/runs"_s.arg(id), {});
        QCOMPARE(refused.status, 503);
    }
};

QTEST_GUILESS_MAIN(TestSyncRuns)
#include "tst_syncruns.moc"
