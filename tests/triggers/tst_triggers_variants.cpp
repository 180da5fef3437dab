// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/security/vault.h"
#include "engine/services/connectionservice.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"
#include "scriptedconnector.h"
#include "triggerfixture.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {
const QString ApiKey = u"variant-canary-api-key-5d1e"_s;
} // namespace

/**
 * Connection variants over HTTP: the response, labels, roles, validation, copied and re-encrypted
 * credentials, the variant's own webhook token, and a group of three syncing concurrently into
 * shared tables without lost or mixed rows, each with its own cursors; `createOwnTables`; deleting
 * a variant.
 */
class TestTriggersVariants : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TriggerFixture> m_f;
    QString m_source;
    QString m_eu;

    Test::HttpResult variant(const QString &token, const QString &source, const QJsonObject &body)
    {
        return m_f->as(token)->post(u"/api/pipelines/connections/"_s + source + u"/variants"_s, body);
    }
    QJsonObject get(const QString &id) { return m_f->as(m_f->owner)->get(u"/api/pipelines/connections/"_s + id).json(); }
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
    /** Triggers a run of each connection at once and waits for all; the finished run objects. */
    QList<QJsonObject> syncAll(const QStringList &ids)
    {
        QStringList runIds;
        for (const auto &id : ids) {
            auto r = m_f->as(m_f->member)->post(u"/api/pipelines/connections/"_s + id + u"/runs"_s, {});
            runIds << (r.status == 202 ? r.json().value(u"id"_s).toString() : QString());
        }
        QList<QJsonObject> out;
        for (qsizetype i = 0; i < ids.size(); ++i)
            out << m_f->finishedRun(ids[i], runIds[i]);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_f = std::make_unique<Test::TriggerFixture>();
        QVERIFY(m_f->ok());
        m_source = m_f->createConnection(
            u"Production CRM"_s,
            {{u"credentials"_s, QJsonObject{{u"apiKey"_s, ApiKey}}},
             {u"config"_s, QJsonObject{{u"baseUrl"_s, u"http://us.example.test"_s}, {u"createOwnTables"_s, true}}},
             {u"schedule"_s, QJsonObject{{u"enabled"_s, true}, {u"frequency"_s, u"weekly"_s}}},
             {u"notifyUserIds"_s, QJsonArray{m_f->memberId}}});
        QVERIFY(!m_source.isEmpty());
    }

    void cleanupTestCase() { m_f.reset(); }

    void createShape()
    {
        auto r = variant(m_f->admin, m_source, {{u"name"_s, u"CRM Platform - Europe Region"_s}, {u"variantLabel"_s, u"EU"_s}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        const QJsonObject v = r.json();
        m_eu = v.value(u"id"_s).toString();
        QVERIFY(QRegularExpression(u"^c[0-9a-z]{24}$"_s).match(m_eu).hasMatch());
        QVERIFY(m_eu != m_source);
        QCOMPARE(v.value(u"name"_s).toString(), u"CRM Platform - Europe Region"_s);
        QCOMPARE(v.value(u"type"_s).toString(), u"CRM_PLATFORM"_s);
        QCOMPARE(v.value(u"variantGroupId"_s).toString(), m_source);
        QCOMPARE(v.value(u"variantLabel"_s).toString(), u"EU"_s);
        QCOMPARE(v.value(u"status"_s).toString(), u"DISCONNECTED"_s);
        QVERIFY2(QRegularExpression(u"^whk_[A-Za-z0-9_-]{43}$"_s).match(v.value(u"webhookToken"_s).toString()).hasMatch(),
                 r.body.constData());
        QCOMPARE(v.value(u"credentialFields"_s).toArray(), QJsonArray{u"apiKey"_s});
        // Config copied except createOwnTables; schedule and notify list come along.
        QCOMPARE(v.value(u"config"_s).toObject(), (QJsonObject{{u"baseUrl"_s, u"http://us.example.test"_s}}));
        QCOMPARE(v.value(u"schedule"_s).toObject().value(u"frequency"_s).toString(), u"weekly"_s);
        QCOMPARE(v.value(u"notifyUserIds"_s).toArray(), QJsonArray{m_f->memberId});
        QVERIFY(!r.body.contains(ApiKey.toUtf8()));

        // The source was backfilled.
        const QJsonObject source = get(m_source);
        QCOMPARE(source.value(u"variantGroupId"_s).toString(), m_source);
        QCOMPARE(source.value(u"variantLabel"_s).toString(), u"1"_s);
        QVERIFY(!source.contains(u"webhookToken"_s));
        // Only the creation response shows the token.
        QVERIFY(!get(m_eu).contains(u"webhookToken"_s));
        QCOMPARE(m_f->revealToken(m_eu), v.value(u"webhookToken"_s).toString());
    }

    void credentialsAreCopiedAndReencrypted()
    {
        auto *connections = m_f->engine().connections();
        auto copied = connections->credentials(m_eu);
        QVERIFY(copied);
        QCOMPARE(copied->value(u"apiKey"_s).toString(), ApiKey);
        const QVariantList blobs
            = m_f->column(u"SELECT credentials FROM connections WHERE id IN (?, ?) ORDER BY id = ?"_s, {m_source, m_eu, m_eu});
        QCOMPARE(blobs.size(), 2);
        const QByteArray sourceBlob = blobs[0].toByteArray();
        const QByteArray variantBlob = blobs[1].toByteArray();
        QVERIFY(!variantBlob.isEmpty());
        QVERIFY(sourceBlob != variantBlob);
        QVERIFY(!variantBlob.contains(ApiKey.toUtf8()));
        // Bound to its own row: the source's associated data does not open it.
        QVERIFY(!m_f->engine().vault()->decryptJson(variantBlob, "credentials:" + m_source.toUtf8()));
        QVERIFY(m_f->engine().vault()->decryptJson(variantBlob, "credentials:" + m_eu.toUtf8()));
        // Changing the variant's credentials leaves the source's alone.
        auto put
            = m_f->as(m_f->owner)
                  ->put(u"/api/pipelines/connections/"_s + m_eu, {{u"credentials"_s, QJsonObject{{u"apiKey"_s, u"eu-key"_s}}}});
        QCOMPARE(put.status, 200);
        QCOMPARE(connections->credentials(m_source)->value(u"apiKey"_s).toString(), ApiKey);
    }

    void ownWebhookToken()
    {
        const QString euToken = m_f->revealToken(m_eu);
        const QString sourceToken = m_f->revealToken(m_source);
        QVERIFY(!euToken.isEmpty() && euToken != sourceToken);
        auto r = m_f->as({})->post(u"/api/pipelines/webhook/"_s + euToken, {});
        QCOMPARE(r.status, 202);
        QCOMPARE(m_f->runs(m_eu).size(), 1);
        QCOMPARE(m_f->runs(m_source).size(), 0);
        m_f->stopActive(m_eu);
    }

    void sequentialLabels()
    {
        auto second = variant(m_f->owner, m_source, {{u"name"_s, u"Second"_s}});
        QCOMPARE(second.status, 201);
        // "EU" is not a number: auto labels continue after the highest number in the group.
        QCOMPARE(second.json().value(u"variantLabel"_s).toString(), u"2"_s);
        auto third = variant(m_f->owner, m_source, {});
        QCOMPARE(third.status, 201);
        QCOMPARE(third.json().value(u"variantLabel"_s).toString(), u"3"_s);
        // No name: the source's name (label stripped) with the label.
        QCOMPARE(third.json().value(u"name"_s).toString(), u"Production CRM (3)"_s);
        // A variant of a variant joins the same group.
        auto fourth = variant(m_f->owner, second.json().value(u"id"_s).toString(), {{u"name"_s, u"Fourth"_s}});
        QCOMPARE(fourth.status, 201);
        QCOMPARE(fourth.json().value(u"variantGroupId"_s).toString(), m_source);
        QCOMPARE(fourth.json().value(u"variantLabel"_s).toString(), u"4"_s);
        // The source keeps its label.
        QCOMPARE(get(m_source).value(u"variantLabel"_s).toString(), u"1"_s);
    }

    void duplicateLabel_data()
    {
        QTest::addColumn<QString>("label");
        QTest::newRow("same") << u"EU"_s;
        QTest::newRow("other case") << u"eu"_s;
        QTest::newRow("source's") << u"1"_s;
    }

    void duplicateLabel()
    {
        QFETCH(QString, label);
        auto r = variant(m_f->owner, m_source, {{u"name"_s, u"Dup"_s}, {u"variantLabel"_s, label}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json().value(u"code"_s).toString(), u"VARIANT_LABEL_TAKEN"_s);
    }

    void roles_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("status");
        QTest::newRow("member") << u"member"_s << 403;
        QTest::newRow("viewer") << u"viewer"_s << 403;
        QTest::newRow("other workspace") << u"outsider"_s << 404;
        QTest::newRow("anonymous") << QString() << 401;
    }

    void roles()
    {
        QFETCH(QString, who);
        QFETCH(int, status);
        const QString token = who == u"member"_s ? m_f->member
            : who == u"viewer"_s                 ? m_f->viewer
            : who == u"outsider"_s               ? m_f->outsider
                                                 : QString();
        QCOMPARE(variant(token, m_source, {{u"name"_s, u"Nope"_s}}).status, status);
        QCOMPARE(variant(m_f->owner, u"cunknown000000000000000000"_s, {}).status, 404);
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown field") << QByteArray("{\"webhookToken\":\"x\"}") << u"webhookToken"_s;
        QTest::newRow("credentials not an object") << QByteArray("{\"credentials\":\"x\"}") << u"credentials"_s;
        QTest::newRow("credentials the type does not take")
            << QByteArray("{\"config\":{\"baseUrl\":\"https://other.example\"},\"credentials\":{}}") << u"credentials"_s;
        QTest::newRow("label not a string") << QByteArray("{\"variantLabel\":5}") << u"variantLabel"_s;
        QTest::newRow("empty label") << QByteArray("{\"variantLabel\":\"  \"}") << u"variantLabel"_s;
        QTest::newRow("name not a string") << QByteArray("{\"name\":[\"x\"]}") << u"name"_s;
        QTest::newRow("config not an object") << QByteArray("{\"config\":\"x\"}") << u"config"_s;
        QTest::newRow("bad baseUrl") << QByteArray("{\"config\":{\"baseUrl\":\"ftp://x\"}}") << u"config.baseUrl"_s;
        QTest::newRow("bad createOwnTables")
            << QByteArray("{\"config\":{\"createOwnTables\":\"yes\"}}") << u"config.createOwnTables"_s;
        // A body with several problems names the first of unknown field, name, variantLabel, config.
        QTest::newRow("unknown field before name") << QByteArray("{\"name\":5,\"x\":1}") << u"x"_s;
        QTest::newRow("empty name before label") << QByteArray("{\"name\":\"  \",\"variantLabel\":5}") << u"name"_s;
        QTest::newRow("long label before config")
            << (QByteArray("{\"variantLabel\":\"") + QByteArray(65, 'L') + QByteArray("\",\"config\":\"x\"}"))
            << u"variantLabel"_s;
        QTest::newRow("malformed JSON") << QByteArray("{\"name\":") << QString();
        QTest::newRow("array body") << QByteArray("[]") << QString();
    }

    void unknownSourceAnswersBeforeTheFields()
    {
        const QString unknown = u"cunknown000000000000000000"_s;
        QCOMPARE(variant(m_f->owner, unknown, {{u"name"_s, 5}}).status, 404);
        // A body that is not JSON is refused before the source is looked up.
        auto r = m_f->as(m_f->owner)
                     ->request("POST", u"/api/pipelines/connections/"_s + unknown + u"/variants"_s, QByteArray("{\"name\":"),
                               {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
    }

    void validation()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        auto r = m_f->as(m_f->owner)
                     ->request("POST", u"/api/pipelines/connections/"_s + m_source + u"/variants"_s, body,
                               {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        if (!field.isEmpty())
            QVERIFY2(r.json().value(u"error"_s).toString().startsWith(field), r.body.constData());
    }

    void audited()
    {
        // A source and variant of its own: whatever the other functions created, the log gains
        // exactly one entry, for this variant and by its creator.
        const auto events = [this] { return m_f->as(m_f->owner)->get(u"/api/audit-log?action=VARIANT_CREATE&limit=500"_s); };
        const qsizetype before = events().json().value(u"events"_s).toArray().size();
        const QString source = m_f->createConnection(u"Audited CRM"_s, {{u"credentials"_s, QJsonObject{{u"apiKey"_s, ApiKey}}}});
        QVERIFY(!source.isEmpty());
        auto created = variant(m_f->admin, source, {{u"name"_s, u"Audited CRM (EU)"_s}, {u"variantLabel"_s, u"EU"_s}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        const auto r = events();
        const QJsonArray after = r.json().value(u"events"_s).toArray();
        QCOMPARE(after.size(), before + 1);
        const QJsonObject newest = after.first().toObject();
        QCOMPARE(newest.value(u"targetId"_s).toString(), id);
        QCOMPARE(newest.value(u"actorUserId"_s).toString(), m_f->adminId);
        QCOMPARE(newest.value(u"details"_s).toObject().value(u"sourceId"_s).toString(), source);
        QCOMPARE(newest.value(u"details"_s).toObject().value(u"variantLabel"_s).toString(), u"EU"_s);
        QVERIFY(!r.body.contains("whk_"));
        QVERIFY(!r.body.contains(ApiKey.toUtf8()));
    }

    void groupOfThreeSharesTables()
    {
        Test::ScriptedConnector::configure({200, 20, 10});
        m_f->startScriptedWorkers(3);
        const QString source = m_f->createConnection(u"Sales CRM (EU)"_s,
                                                     {{u"config"_s, QJsonObject{{u"baseUrl"_s, u"http://eu.example.test"_s}}}});
        auto us = variant(m_f->owner, source,
                          {{u"name"_s, u"Sales CRM (US)"_s},
                           {u"variantLabel"_s, u"US"_s},
                           {u"config"_s, QJsonObject{{u"baseUrl"_s, u"http://us.example.test"_s}}},
                           {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"test-api-key"_s}}}});
        auto apac = variant(m_f->owner, source,
                            {{u"name"_s, u"Sales CRM (APAC)"_s},
                             {u"config"_s, QJsonObject{{u"baseUrl"_s, u"http://apac.example.test"_s}}},
                             {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"test-api-key"_s}}}});
        QCOMPARE(us.status, 201);
        QCOMPARE(apac.status, 201);
        const QStringList group{source, us.json().value(u"id"_s).toString(), apac.json().value(u"id"_s).toString()};
        const QHash<QString, QString> hostOf{
            {group[0], u"eu.example.test"_s}, {group[1], u"us.example.test"_s}, {group[2], u"apac.example.test"_s}};
        const QHash<QString, QString> labelOf{{group[0], u"1"_s}, {group[1], u"US"_s}, {group[2], u"2"_s}};

        const auto runs = syncAll(group);
        QString lastStart;
        QString firstEnd = u"9999"_s;
        for (const auto &run : runs) {
            QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
            QCOMPARE(run.value(u"rowsCreated"_s).toInt(), 600);
            lastStart = std::max(lastStart, run.value(u"startedAt"_s).toString());
            firstEnd = std::min(firstEnd, run.value(u"completedAt"_s).toString());
        }
        // The three really ran at the same time.
        QVERIFY2(lastStart < firstEnd, qPrintable(lastStart + u" >= "_s + firstEnd));
        // One table per stream for the whole group, named after the source without its label.
        const QVariantList tables
            = dataColumn(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sales_crm%' ORDER BY name"_s);
        QCOMPARE(tables, (QVariantList{u"sales_crm__companies"_s, u"sales_crm__contacts"_s, u"sales_crm__owners"_s}));

        for (const auto &table : {u"sales_crm__contacts"_s, u"sales_crm__companies"_s, u"sales_crm__owners"_s}) {
            const QString stream = table.mid(QStringLiteral("sales_crm__").size());
            for (const auto &id : group) {
                // Every row of this variant: its label, its host's content, none lost.
                QCOMPARE(
                    dataColumn(u"SELECT COUNT(*) FROM "_s + table + u" WHERE _opbox_connection_id = ?"_s, {id}).value(0).toInt(),
                    200);
                QCOMPARE(dataColumn(u"SELECT COUNT(DISTINCT id) FROM "_s + table + u" WHERE _opbox_connection_id = ?"_s, {id})
                             .value(0)
                             .toInt(),
                         200);
                QCOMPARE(
                    dataColumn(u"SELECT DISTINCT _opbox_variant FROM "_s + table + u" WHERE _opbox_connection_id = ?"_s, {id}),
                    QVariantList{labelOf[id]});
                QCOMPARE(
                    dataColumn(u"SELECT COUNT(*) FROM "_s + table
                                   + u" WHERE _opbox_connection_id = ? AND (host != ? OR name != ? || ' ' || ? || ' ' || id)"_s,
                               {id, hostOf[id], hostOf[id], stream})
                        .value(0)
                        .toInt(),
                    0);
                QCOMPARE(dataColumn(u"SELECT COUNT(*) FROM "_s + table
                                        + u" WHERE _opbox_connection_id = ? AND _opbox_deleted_at IS NOT NULL"_s,
                                    {id})
                             .value(0)
                             .toInt(),
                         0);
            }
            QCOMPARE(dataColumn(u"SELECT COUNT(*) FROM "_s + table).value(0).toInt(), 600);
        }
        // Each variant keeps its own cursor.
        for (const auto &id : group) {
            const QVariantList states
                = dataColumn(u"SELECT state FROM opbox_sync_state WHERE connection_id = ? AND stream = 'contacts'"_s, {id});
            QCOMPARE(states.size(), 1);
            QVERIFY2(states.first().toString().contains(u"2026-01-01T03:20:00.000Z"_s), qPrintable(states.first().toString()));
        }

        // More data: each variant continues from its own cursor (50 new contacts and companies
        // each), and the full-refresh stream of one variant leaves the others' rows alone.
        Test::ScriptedConnector::configure({250, 20, 3});
        const auto second = syncAll(group);
        for (const auto &run : second) {
            QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
            QCOMPARE(run.value(u"rowsSynced"_s).toInt(), 50 + 50 + 250);
            QCOMPARE(run.value(u"rowsCreated"_s).toInt(), 50 + 50 + 50);
        }
        for (const auto &id : group) {
            QCOMPARE(
                dataColumn(u"SELECT COUNT(*) FROM sales_crm__contacts WHERE _opbox_connection_id = ?"_s, {id}).value(0).toInt(),
                250);
            QCOMPARE(dataColumn(u"SELECT COUNT(*) FROM sales_crm__owners WHERE _opbox_connection_id = ?"
                                u" AND _opbox_deleted_at IS NULL"_s,
                                {id})
                         .value(0)
                         .toInt(),
                     250);
        }

        // createOwnTables: the variant writes to tables named after itself, nothing into the shared ones.
        auto own
            = variant(m_f->owner, source,
                      {{u"name"_s, u"Sales CRM (Archive)"_s},
                       {u"config"_s, QJsonObject{{u"baseUrl"_s, u"http://archive.example.test"_s}, {u"createOwnTables"_s, true}}},
                       {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"test-api-key"_s}}}});
        QCOMPARE(own.status, 201);
        const QString ownId = own.json().value(u"id"_s).toString();
        QCOMPARE(syncAll({ownId}).first().value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(dataColumn(u"SELECT COUNT(*) FROM sales_crm_archive__contacts WHERE _opbox_connection_id = ?"_s, {ownId})
                     .value(0)
                     .toInt(),
                 250);
        QCOMPARE(
            dataColumn(u"SELECT COUNT(*) FROM sales_crm__contacts WHERE _opbox_connection_id = ?"_s, {ownId}).value(0).toInt(),
            0);

        // Deleting a variant keeps the shared tables and the other variants' rows.
        QCOMPARE(m_f->as(m_f->owner)->del(u"/api/pipelines/connections/"_s + group[1]).status, 204);
        QCOMPARE(dataColumn(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sales_crm__contacts'"_s).size(), 1);
        for (const auto &id : {group[0], group[2]}) {
            QCOMPARE(
                dataColumn(u"SELECT COUNT(*) FROM sales_crm__contacts WHERE _opbox_connection_id = ?"_s, {id}).value(0).toInt(),
                250);
        }
        // …and the group goes on syncing into them.
        Test::ScriptedConnector::configure({260, 20, 0});
        for (const auto &run : syncAll({group[0], group[2]}))
            QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(
            dataColumn(u"SELECT COUNT(*) FROM sales_crm__contacts WHERE _opbox_connection_id IN (?, ?)"_s, {group[0], group[2]})
                .value(0)
                .toInt(),
            520);
    }
};

QTEST_GUILESS_MAIN(TestTriggersVariants)
#include "tst_triggers_variants.moc"
