// SPDX-License-Identifier: GPL-3.0-or-later
// End to end with the real HubSpot connector against the loopback HubSpot fake, over the REST API:
// a first full sync into Opbox tables, an incremental second run that updates what changed, a
// refused credential, and a stop in the middle of a long read.
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"
#include "hubspotfakeserver.h"
#include "testengine.h"
#include "waitforrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

class TestSyncHubSpot : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestEngine> m_t;
    std::unique_ptr<Fakes::HubSpotFakeServer> m_hubspot;
    QString m_token;

    /** The run object once the run has ended; empty, and the test failed, when it did not end. */
    QJsonObject finishedRun(const QString &connectionId, const QString &runId,
                            std::source_location where = std::source_location::current())
    {
        return m_t->finishedRun(m_token, connectionId, runId, Test::RunTimeoutMs, where);
    }

    QString trigger(const QString &connectionId, const QJsonObject &body = {})
    {
        const auto r = m_t->client(m_token)->post(u"/api/pipelines/connections/%1/runs"_s.arg(connectionId), body);
        if (r.status != 202)
            qWarning() << r.status << r.body;
        return r.json().value(u"id"_s).toString();
    }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(m_t->engine().workspaceData()->database(m_t->workspaceId())->connection());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

    QString createConnection(const QString &name)
    {
        const auto r = m_t->client(m_token)->post(u"/api/pipelines/connections"_s,
                                                  {{u"name"_s, name},
                                                   {u"type"_s, u"CRM_PLATFORM"_s},
                                                   {u"credentials"_s, m_hubspot->credentials()},
                                                   {u"config"_s, m_hubspot->connectorConfig()}});
        return r.json().value(u"id"_s).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>();
        QVERIFY(m_t->ok());
        m_token = m_t->addUser(u"owner@example.com"_s, Role::Owner);
        m_hubspot = std::make_unique<Fakes::HubSpotFakeServer>();
        QVERIFY(m_hubspot->start());
        m_hubspot->seed(u"contacts"_s, 250);
        m_hubspot->seed(u"companies"_s, 30);
        m_hubspot->seed(u"deals"_s, 40);
        m_hubspot->seed(u"owners"_s, 5);
        m_t->engine().syncWorkers()->start(2);
    }

    void cleanupTestCase()
    {
        m_t->engine().syncWorkers()->stop(u"test end"_s);
        m_hubspot.reset();
    }

    void fullThenIncremental()
    {
        const QString id = createConnection(u"Production CRM (EU)"_s);
        QVERIFY(!id.isEmpty());
        const QJsonObject first = finishedRun(id, trigger(id));
        QVERIFY2(first.value(u"status"_s).toString() == u"COMPLETED"_s, qPrintable(first.value(u"error"_s).toString()));
        QCOMPARE(first.value(u"rowsSynced"_s).toInt(), 250 + 30 + 40 + 5);
        QCOMPARE(first.value(u"rowsCreated"_s).toInt(), 325);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM production_crm__contacts"_s).toInt(), 250);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM production_crm__companies"_s).toInt(), 30);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM production_crm__deals"_s).toInt(), 40);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM production_crm__owners"_s).toInt(), 5);
        QCOMPARE(scalar(u"SELECT logical_type FROM opbox_columns WHERE table_name = 'production_crm__contacts'"
                        " AND column_name = 'updated_at'"_s)
                     .toString(),
                 u"DATETIME"_s);
        QCOMPARE(scalar(u"SELECT field_name FROM opbox_columns WHERE table_name = 'production_crm__contacts'"
                        " AND column_name = 'properties__email'"_s)
                     .toString(),
                 u"properties.email"_s);
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM (SELECT id FROM production_crm__contacts GROUP BY id HAVING COUNT(*) > 1)"_s).toInt(),
            0);
        // Property values are stored as HubSpot sent them (text), not converted.
        QCOMPARE(
            scalar(u"SELECT typeof(properties__numemployees) || ':' || properties__numemployees FROM production_crm__contacts"
                   " ORDER BY CAST(id AS INTEGER) LIMIT 1"_s)
                .toString()
                .section(u':', 0, 0),
            u"text"_s);
        QCOMPARE(scalar(u"SELECT logical_type FROM opbox_columns WHERE table_name = 'production_crm__contacts'"
                        " AND column_name = 'properties__hs_email_optout'"_s)
                     .toString(),
                 u"TEXT"_s);
        const QJsonObject state
            = m_t->engine().runs()->syncState(Caller::system(m_t->workspaceId()), id)->value(u"streams"_s).toObject();
        QVERIFY(!state.value(u"contacts"_s).toObject().value(u"cursor"_s).toString().isEmpty());
        // Owners are read in full every time: no cursor, so no entry in the state document (no "owners": {}).
        QVERIFY2(!state.contains(u"owners"_s), QJsonDocument(state).toJson(QJsonDocument::Compact).constData());

        // Three contacts change at the provider: the next run updates them and creates nothing.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QStringList changed;
        for (int i : {3, 77, 201})
            changed.append(m_hubspot->modify(u"contacts"_s, i, now));
        const QJsonObject second = finishedRun(id, trigger(id, {{u"streams"_s, QJsonArray{u"contacts"_s}}}));
        QVERIFY2(second.value(u"status"_s).toString() == u"COMPLETED"_s, qPrintable(second.value(u"error"_s).toString()));
        QCOMPARE(second.value(u"rowsCreated"_s).toInt(), 0);
        QVERIFY(second.value(u"rowsUpdated"_s).toInt() >= 3);
        QVERIFY(second.value(u"rowsUpdated"_s).toInt() < 250); // incremental, not a full re-read
        QCOMPARE(
            scalar(u"SELECT properties__firstname FROM production_crm__contacts WHERE id = '%1'"_s.arg(changed.at(1))).toString(),
            u"Changed 77"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM production_crm__contacts"_s).toInt(), 250);
        QCOMPARE(scalar(u"SELECT _opbox_run_id FROM production_crm__contacts WHERE id = '%1'"_s.arg(changed.at(0))).toString(),
                 second.value(u"id"_s).toString());
    }

    void refusedCredentialFailsTheRun()
    {
        const QString id = createConnection(u"Refused"_s);
        m_hubspot->setToken(u"another-token"_s);
        const QJsonObject run = finishedRun(id, trigger(id));
        m_hubspot->setToken(u"opbox-fake-token"_s);
        QCOMPARE(run.value(u"status"_s).toString(), u"FAILED"_s);
        QVERIFY(!run.value(u"error"_s).toString().isEmpty());
        QVERIFY(!run.value(u"error"_s).toString().contains(u"opbox-fake-token"_s));
        const auto connection = m_t->client(m_token)->get(u"/api/pipelines/connections/"_s + id).json();
        QCOMPARE(connection.value(u"status"_s).toString(), u"ERROR"_s);
    }

    void stopDuringALongRead()
    {
        m_hubspot->setGeneratedContacts(100000);
        m_hubspot->setDelay(30);
        const QString id = createConnection(u"Long"_s);
        const QString runId = trigger(id, {{u"streams"_s, QJsonArray{u"contacts"_s}}});
        QTRY_VERIFY_WITH_TIMEOUT(m_t->client(m_token)
                                         ->get(u"/api/pipelines/connections/%1/runs/%2"_s.arg(id, runId))
                                         .json()
                                         .value(u"rowsSynced"_s)
                                         .toInt()
                                     >= 300,
                                 20000);
        const auto stopped = m_t->client(m_token)->post(u"/api/pipelines/connections/%1/runs/%2"_s.arg(id, runId), {});
        QCOMPARE(stopped.status, 200);
        const int atStop = stopped.json().value(u"rowsSynced"_s).toInt();
        QTRY_VERIFY_WITH_TIMEOUT(m_t->engine().syncWorkers()->busyCount() == 0, 10000);
        const QJsonObject run = finishedRun(id, runId);
        QCOMPARE(run.value(u"status"_s).toString(), u"CANCELLED"_s);
        // The worker stops at the next page: at most the page being written and the one read ahead
        // (100 contacts each) land after the stop, however slow the machine.
        const int after = run.value(u"rowsSynced"_s).toInt() - atStop;
        QVERIFY2(after <= 200, qPrintable(u"%1 rows after the stop"_s.arg(after)));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM long__contacts"_s).toInt(), run.value(u"rowsSynced"_s).toInt());
        m_hubspot->setDelay(0);
        m_hubspot->setGeneratedContacts(0);
    }
};

QTEST_GUILESS_MAIN(TestSyncHubSpot)
#include "tst_synchubspot.moc"
