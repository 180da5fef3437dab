// SPDX-License-Identifier: GPL-3.0-or-later
// End to end over the REST API with the real engine and workers: Zendesk (SUPPORT), Companies House
// (REGISTRY) and WhatsApp (MESSAGING) connections sync their fakes into Opbox tables; Zendesk keeps
// its export cursor in the sync state, resumes from it, and a cursor reset drops it; Companies
// House slows down at its rate limit instead of failing the run.
#include "companieshousefakeserver.h"
#include "engine/security/caller.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"
#include "testengine.h"
#include "waitforrun.h"
#include "whatsappfakeserver.h"
#include "zendeskfakeserver.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

class TestConnectorsApiSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestEngine> m_t;
    std::unique_ptr<Fakes::ZendeskFakeServer> m_zendesk;
    std::unique_ptr<Fakes::CompaniesHouseFakeServer> m_registry;
    std::unique_ptr<Fakes::WhatsAppFakeServer> m_whatsapp;
    QString m_token;

    /** The run object once the run has ended; empty, and the test failed, when it did not end. */
    QJsonObject finishedRun(const QString &connectionId, const QString &runId,
                            std::source_location where = std::source_location::current())
    {
        return m_t->finishedRun(m_token, connectionId, runId, Test::RunTimeoutMs, where);
    }

    QJsonObject sync(const QString &connectionId, const QJsonObject &body = {})
    {
        const auto r = m_t->client(m_token)->post(u"/api/pipelines/connections/%1/runs"_s.arg(connectionId), body);
        if (r.status != 202) {
            qWarning() << r.status << r.body;
            return {};
        }
        return finishedRun(connectionId, r.json().value(u"id"_s).toString());
    }

    QString create(const QString &name, const Fakes::FakeProviderServer &fake, const QJsonObject &extraConfig = {})
    {
        QJsonObject config = fake.connectorConfig();
        config.insert(u"retryBaseMs"_s, 5);
        for (auto it = extraConfig.begin(); it != extraConfig.end(); ++it)
            config.insert(it.key(), it.value());
        const auto r = m_t->client(m_token)->post(u"/api/pipelines/connections"_s,
                                                  {{u"name"_s, name},
                                                   {u"type"_s, fake.connectorType()},
                                                   {u"credentials"_s, fake.credentials()},
                                                   {u"config"_s, config}});
        if (r.status != 201)
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

    QString logicalType(const QString &table, const QString &column)
    {
        return scalar(
                   u"SELECT logical_type FROM opbox_columns WHERE table_name = '%1' AND column_name = '%2'"_s.arg(table, column))
            .toString();
    }

    QJsonObject streamState(const QString &connectionId, const QString &stream)
    {
        auto document = m_t->engine().runs()->syncState(Caller::system(m_t->workspaceId()), connectionId);
        return document ? document->value(u"streams"_s).toObject().value(stream).toObject() : QJsonObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>();
        QVERIFY(m_t->ok());
        m_token = m_t->addUser(u"owner@example.com"_s, Role::Owner);
        m_zendesk = std::make_unique<Fakes::ZendeskFakeServer>();
        m_zendesk->seed(40, 15, 6, 2);
        m_zendesk->setExportLimit(1000, 60000);
        m_registry = std::make_unique<Fakes::CompaniesHouseFakeServer>();
        m_registry->seed(3, 60, 30, 2);
        m_whatsapp = std::make_unique<Fakes::WhatsAppFakeServer>();
        m_whatsapp->seed(130, 2);
        QVERIFY(m_zendesk->start());
        QVERIFY(m_registry->start());
        QVERIFY(m_whatsapp->start());
        m_t->engine().syncWorkers()->start(2);
    }

    void cleanupTestCase()
    {
        m_t->engine().syncWorkers()->stop(u"test end"_s);
        m_zendesk.reset();
        m_registry.reset();
        m_whatsapp.reset();
    }

    void zendeskIntoOpboxTables()
    {
        const QString id = create(u"Support Desk (EU)"_s, *m_zendesk, {{u"pageSize"_s, 15}});
        QVERIFY(!id.isEmpty());
        const QJsonObject first = sync(id);
        QVERIFY2(first.value(u"status"_s).toString() == u"COMPLETED"_s, qPrintable(first.value(u"error"_s).toString()));
        QCOMPARE(first.value(u"rowsSynced"_s).toInt(), 40 + 15 + 6 + 40 * 2);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM support_desk__tickets"_s).toInt(), 40);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM support_desk__users"_s).toInt(), 15);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM support_desk__organizations"_s).toInt(), 6);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM support_desk__ticket_comments"_s).toInt(), 80);
        // Comments join their tickets on an integer id.
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM support_desk__ticket_comments c JOIN support_desk__tickets t ON t.id = c.ticket_id"_s)
                .toInt(),
            80);
        QCOMPARE(logicalType(u"support_desk__tickets"_s, u"updated_at"_s), u"DATETIME"_s);
        QCOMPARE(logicalType(u"support_desk__tickets"_s, u"id"_s), u"INTEGER"_s);
        QCOMPARE(logicalType(u"support_desk__tickets"_s, u"via__channel"_s), u"TEXT"_s);
        QCOMPARE(scalar(u"SELECT _opbox_connection_id FROM support_desk__tickets LIMIT 1"_s).toString(), id);
        QVERIFY(scalar(u"SELECT _opbox_synced_at FROM support_desk__tickets LIMIT 1"_s).toString().endsWith(u'Z'));

        // The provider's cursor sits beside the date in the sync state.
        const QJsonObject tickets = streamState(id, u"tickets"_s);
        QVERIFY(!tickets.value(u"after_cursor"_s).toString().isEmpty());
        QCOMPARE(tickets.value(u"cursor"_s).toString(), u"2024-01-02T15:20:00.000Z"_s);
        QVERIFY(!streamState(id, u"ticket_comments"_s).value(u"after_cursor"_s).toString().isEmpty());

        // One change: the next run resumes from after_cursor and updates just that.
        const qint64 changed = m_zendesk->ticketIds().at(5);
        QVERIFY(m_zendesk->touchTicket(changed, QDateTime::currentDateTimeUtc().addSecs(-600), true));
        m_zendesk->clearRequests();
        const QJsonObject second = sync(id, {{u"streams"_s, QJsonArray{u"tickets"_s, u"ticket_comments"_s}}});
        QVERIFY2(second.value(u"status"_s).toString() == u"COMPLETED"_s, qPrintable(second.value(u"error"_s).toString()));
        QCOMPARE(second.value(u"rowsCreated"_s).toInt(), 1); // the new comment
        QCOMPARE(second.value(u"rowsUpdated"_s).toInt(), 1 + 2); // the ticket, its two earlier comments
        for (const auto &request : m_zendesk->requests()) {
            if (request.path.startsWith(u"/incremental/"_s))
                QVERIFY(request.query.hasQueryItem(u"cursor"_s));
        }
        QVERIFY(
            scalar(u"SELECT subject FROM support_desk__tickets WHERE id = %1"_s.arg(changed)).toString().endsWith(u"(edited)"_s));

        // A cursor reset drops the provider's cursor; the next run starts from the date again.
        const auto reset = m_t->client(m_token)->patch(u"/api/pipelines/connections/"_s + id,
                                                       {{u"stream"_s, u"tickets"_s}, {u"cursor"_s, u"2024-01-02T10:00:00Z"_s}});
        QCOMPARE(reset.status, 200);
        QVERIFY(!streamState(id, u"tickets"_s).contains(u"after_cursor"_s));
        m_zendesk->clearRequests();
        const QJsonObject third = sync(id, {{u"streams"_s, QJsonArray{u"tickets"_s}}});
        QVERIFY2(third.value(u"status"_s).toString() == u"COMPLETED"_s, qPrintable(third.value(u"error"_s).toString()));
        const auto requests = m_zendesk->requests();
        QVERIFY(!requests.isEmpty());
        QCOMPARE(requests.first().query.queryItemValue(u"start_time"_s),
                 QString::number(QDateTime(QDate(2024, 1, 2), QTime(10, 0), Qt::UTC).toSecsSinceEpoch()));
        // Tickets 34..39 were updated from 10:20 on, and the one edited above.
        QCOMPARE(third.value(u"rowsUpdated"_s).toInt(), 7);
        QVERIFY(!streamState(id, u"tickets"_s).value(u"after_cursor"_s).toString().isEmpty());
    }

    void zendeskRefusedCredentials()
    {
        const QString id = create(u"Refused Desk"_s, *m_zendesk);
        m_zendesk->setToken(u"rotated-token"_s);
        const QJsonObject run = sync(id, {{u"streams"_s, QJsonArray{u"users"_s}}});
        m_zendesk->setToken(u"opbox-fake-token"_s);
        QCOMPARE(run.value(u"status"_s).toString(), u"FAILED"_s);
        QVERIFY(run.value(u"error"_s).toString().contains(u"Couldn't authenticate you"_s));
        QVERIFY(!run.value(u"error"_s).toString().contains(u"opbox-fake-token"_s));
        QCOMPARE(m_t->client(m_token)->get(u"/api/pipelines/connections/"_s + id).json().value(u"status"_s).toString(),
                 u"ERROR"_s);
    }

    void companiesHouseAtItsRateLimit()
    {
        // 8 requests per 2-second window: the run needs 3 + 3 + 3 + 3 = 12 and must not fail.
        m_registry->setRateLimit(8, 2000);
        const QString id = create(u"Registry Watch"_s, *m_registry);
        const QJsonObject run = sync(id);
        QVERIFY2(run.value(u"status"_s).toString() == u"COMPLETED"_s, qPrintable(run.value(u"error"_s).toString()));
        QCOMPARE(run.value(u"rowsSynced"_s).toInt(), 3 + 180 + 90 + 6);
        QCOMPARE(m_registry->rateLimitRefusals(), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM registry_watch__officers"_s).toInt(), 180);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM registry_watch__filing_history"_s).toInt(), 90);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM registry_watch__persons_with_significant_control"_s).toInt(), 6);
        // Company numbers stay text with their leading zeros; dates are dates.
        QCOMPARE(scalar(u"SELECT company_number FROM registry_watch__companies ORDER BY company_number LIMIT 1"_s).toString(),
                 u"00445790"_s);
        QCOMPARE(logicalType(u"registry_watch__companies"_s, u"company_number"_s), u"TEXT"_s);
        QCOMPARE(logicalType(u"registry_watch__companies"_s, u"date_of_creation"_s), u"DATE"_s);
        QCOMPARE(logicalType(u"registry_watch__officers"_s, u"links__self"_s), u"TEXT"_s);
        QCOMPARE(scalar(u"SELECT COUNT(DISTINCT company_number) FROM registry_watch__officers"_s).toInt(), 3);

        // A second full refresh finds the same rows: nothing new, nothing deleted.
        m_registry->setRateLimit(600, 300000);
        const QJsonObject again = sync(id);
        QCOMPARE(again.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(again.value(u"rowsCreated"_s).toInt(), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM registry_watch__officers WHERE _opbox_deleted_at IS NOT NULL"_s).toInt(), 0);
    }

    void whatsappManagementStreams()
    {
        const QString id = create(u"Acme Chat"_s, *m_whatsapp);
        const QJsonObject run = sync(id);
        QVERIFY2(run.value(u"status"_s).toString() == u"COMPLETED"_s, qPrintable(run.value(u"error"_s).toString()));
        QCOMPARE(run.value(u"rowsSynced"_s).toInt(), m_whatsapp->listedTemplateCount() + 2);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM acme_chat__message_templates"_s).toInt(), m_whatsapp->listedTemplateCount());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM acme_chat__phone_numbers"_s).toInt(), 2);
        QCOMPARE(logicalType(u"acme_chat__message_templates"_s, u"components"_s), u"JSON"_s);
        // Messages come by webhook only: the run read nothing for them and kept no state.
        QCOMPARE(streamState(id, u"messages"_s), QJsonObject());
        QCOMPARE(run.value(u"progress"_s).toObject().value(u"streamsDone"_s).toInt(), 4);
    }
};

QTEST_GUILESS_MAIN(TestConnectorsApiSync)
#include "tst_connectors_apisync.moc"
