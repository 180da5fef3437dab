// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"
#include "hubspotfakeserver.h"
#include "triggerfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/**
 * A variant group of three HubSpot (CRM_PLATFORM) connections, each pointed by `config.baseUrl`
 * at its own fake HubSpot, syncing at the same time through the real connector and sync engine
 * into the group's shared tables: every variant's rows arrive, none is lost,
 * none carries another variant's data, and each variant's cursor is its own.
 */
class TestTriggersVariantSync : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TriggerFixture> m_f;
    std::unique_ptr<Fakes::HubSpotFakeServer> m_fakes[3];
    const int m_counts[3] = {230, 310, 170};
    const int m_changed[3] = {5, 7, 9}; // the record index each fake renames

    Database *data() { return m_f->engine().workspaceData()->database(m_f->t().workspaceId()); }
    QVariantList dataColumn(const QString &sql, const QVariantList &binds = {})
    {
        SqlQuery q(data()->connection(), sql);
        for (const auto &b : binds)
            q.bind(b);
        QVariantList out;
        if (q.exec()) {
            while (q.next())
                out.append(q.value(0));
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_f = std::make_unique<Test::TriggerFixture>();
        QVERIFY(m_f->ok());
        for (int i = 0; i < 3; ++i) {
            m_fakes[i] = std::make_unique<Fakes::HubSpotFakeServer>();
            QVERIFY(m_fakes[i]->start());
            m_fakes[i]->seed(u"contacts"_s, m_counts[i]);
            (void)m_fakes[i]->modify(u"contacts"_s, m_changed[i], Fakes::FakeProviderServer::seedEpoch().addDays(30 + i));
            // Slow enough that the three syncs overlap.
            m_fakes[i]->setDelay(15);
        }
        m_f->engine().syncWorkers()->start(3);
    }

    void cleanupTestCase()
    {
        m_f.reset();
        for (auto &fake : m_fakes)
            fake.reset();
    }

    void groupOfThreeSyncsConcurrently()
    {
        const QString source = m_f->createConnection(
            u"Production CRM (EU)"_s,
            {{u"credentials"_s, m_fakes[0]->credentials()}, {u"config"_s, m_fakes[0]->connectorConfig()}});
        QVERIFY(!source.isEmpty());
        QStringList group{source};
        for (int i = 1; i < 3; ++i) {
            auto r = m_f->as(m_f->admin)
                         ->post(u"/api/pipelines/connections/"_s + source + u"/variants"_s,
                                {{u"name"_s, i == 1 ? u"Production CRM (US)"_s : u"Production CRM (APAC)"_s},
                                 {u"config"_s, m_fakes[i]->connectorConfig()},
                                 {u"credentials"_s, m_fakes[i]->credentials()}});
            QCOMPARE(r.status, 201);
            group << r.json().value(u"id"_s).toString();
        }
        const QStringList labels{u"1"_s, u"2"_s, u"3"_s};

        QStringList runIds;
        for (const auto &id : std::as_const(group)) {
            auto r = m_f->as(m_f->member)
                         ->post(u"/api/pipelines/connections/"_s + id + u"/runs"_s, {{u"streams"_s, QJsonArray{u"contacts"_s}}});
            QCOMPARE(r.status, 202);
            runIds << r.json().value(u"id"_s).toString();
        }
        QString lastStart;
        QString firstEnd = u"9999"_s;
        for (int i = 0; i < 3; ++i) {
            const QJsonObject run = m_f->finishedRun(group[i], runIds[i], 45000);
            QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
            QCOMPARE(run.value(u"rowsCreated"_s).toInt(), m_counts[i]);
            lastStart = std::max(lastStart, run.value(u"startedAt"_s).toString());
            firstEnd = std::min(firstEnd, run.value(u"completedAt"_s).toString());
        }
        QVERIFY2(lastStart < firstEnd, "the three syncs did not overlap");

        QCOMPARE(dataColumn(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'production%'"_s),
                 QVariantList{u"production_crm__contacts"_s});
        int total = 0;
        for (int i = 0; i < 3; ++i) {
            const QString &id = group[i];
            QCOMPARE(dataColumn(u"SELECT COUNT(*) FROM production_crm__contacts WHERE _opbox_connection_id = ?"_s, {id})
                         .value(0)
                         .toInt(),
                     m_counts[i]);
            QCOMPARE(dataColumn(u"SELECT COUNT(DISTINCT id) FROM production_crm__contacts WHERE _opbox_connection_id = ?"_s, {id})
                         .value(0)
                         .toInt(),
                     m_counts[i]);
            QCOMPARE(dataColumn(u"SELECT DISTINCT _opbox_variant FROM production_crm__contacts WHERE _opbox_connection_id = ?"_s,
                                {id}),
                     QVariantList{labels[i]});
            // The one renamed record of this variant's fake, and no other variant's rename.
            QCOMPARE(dataColumn(u"SELECT id FROM production_crm__contacts WHERE _opbox_connection_id = ?"
                                " AND properties__firstname LIKE 'Changed %' ORDER BY id"_s,
                                {id}),
                     QVariantList{QString::number(1000 + m_changed[i])});
            // The highest id is this fake's last record.
            QCOMPARE(dataColumn(u"SELECT MAX(CAST(id AS INTEGER)) FROM production_crm__contacts WHERE _opbox_connection_id = ?"_s,
                                {id})
                         .value(0)
                         .toInt(),
                     1000 + m_counts[i] - 1);
            total += m_counts[i];
            // Its own cursor.
            const QVariantList states
                = dataColumn(u"SELECT state FROM opbox_sync_state WHERE connection_id = ? AND stream = 'contacts'"_s, {id});
            QCOMPARE(states.size(), 1);
            QVERIFY(!states.first().toString().isEmpty());
        }
        QCOMPARE(dataColumn(u"SELECT COUNT(*) FROM production_crm__contacts"_s).value(0).toInt(), total);
        // Each fake was read by exactly one connection: three distinct cursors (different last records).
        const QVariantList cursors = dataColumn(u"SELECT DISTINCT state FROM opbox_sync_state WHERE stream = 'contacts'"_s);
        QCOMPARE(cursors.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestTriggersVariantSync)
#include "tst_triggers_variantsync.moc"
