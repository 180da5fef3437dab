// SPDX-License-Identifier: GPL-3.0-or-later
// Concurrent reads (config.maxConcurrency): the key's validation; every connector's fake synced with
// several streams and partitions at once stores the same rows, cursors and counters as one read at
// a time (the OAuth types once authorized through their fakes' consent); a stop during a concurrent
// run ends every reader and leaves each stream's cursor exactly at its committed rows, with the
// run's counters equal to what the tables hold.
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"
#include "fakeconnector.h"
#include "fakeservicesuite.h"
#include "oauthconsent.h"
#include "testengine.h"
#include "zendeskfakeserver.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

/** The rows of every Opbox table of a connection base, system columns left out, order-independent. */
QByteArray rowsDigest(Database *db, const QString &base, qint64 *rows)
{
    QSqlQuery tables(db->connection());
    tables.exec(
        u"SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%1\\_\\_%' ESCAPE '\\' ORDER BY name"_s.arg(base));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        hash.addData(table.mid(base.size()).toUtf8());
        QSqlQuery q(db->connection());
        q.exec(u"SELECT * FROM \"%1\""_s.arg(table));
        QStringList lines;
        while (q.next()) {
            QStringList values;
            const QSqlRecord record = q.record();
            for (int i = 0; i < record.count(); ++i) {
                if (record.fieldName(i).startsWith(u"_opbox_"_s) && record.fieldName(i) != u"_opbox_deleted_at"_s)
                    continue;
                values.append(record.fieldName(i) + u'=' + (q.value(i).isNull() ? u"\\N"_s : q.value(i).toString()));
            }
            lines.append(values.join(u'\x1f'));
        }
        std::sort(lines.begin(), lines.end());
        *rows += lines.size();
        for (const QString &line : std::as_const(lines))
            hash.addData(line.toUtf8());
    }
    return hash.result().toHex();
}

/** Every stream's stored state of a connection; moments of the run itself (run-start cursors) masked. */
QJsonObject states(Database *db, const QString &connectionId)
{
    QSqlQuery q(db->connection());
    q.prepare(u"SELECT stream, state FROM opbox_sync_state WHERE connection_id = ?"_s);
    q.addBindValue(connectionId);
    q.exec();
    QJsonObject out;
    const QString today = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd"_s);
    while (q.next()) {
        // The fakes' data lies in the past; a cursor of today is the moment a read started.
        QString masked = q.value(1).toString();
        masked.replace(QRegularExpression(u"\"%1T[^\"]*\""_s.arg(today)), u"\"<run start>\""_s);
        out.insert(q.value(0).toString(), QJsonDocument::fromJson(masked.toUtf8()).object());
    }
    return out;
}

} // namespace

class TestConcurrentSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestEngine> m_t;
    std::unique_ptr<Fakes::FakeServiceSuite> m_fakes;
    QString m_owner;

    QJsonObject createConnection(const QJsonObject &body)
    {
        const auto r = m_t->client(m_owner)->post(u"/api/pipelines/connections"_s, body);
        if (r.status != 201)
            qWarning() << r.status << r.body;
        return r.json();
    }

    /** authorize → consent → exchange of the code, as the wizard does it; the connection's id (empty on failure). */
    QString authorizeConnection(const QString &type, const QString &name, Fakes::FakeProviderServer *fake,
                                const QJsonObject &config)
    {
        QJsonObject body = fake->credentials();
        body.insert(u"connectionName"_s, name);
        body.insert(u"config"_s, config);
        const auto started = m_t->client(m_owner)->post(u"/api/pipelines/oauth/%1/authorize"_s.arg(type), body);
        if (started.status != 200) {
            qWarning() << "authorize" << started.status << started.body;
            return {};
        }
        const QUrlQuery redirect(Test::consentRedirect(started.json().value(u"authorizeUrl"_s).toString()));
        const auto exchanged
            = m_t->client(m_owner)->post(u"/api/pipelines/oauth/%1/exchange"_s.arg(type),
                                         QJsonObject{{u"connectionId"_s, started.json().value(u"connectionId"_s)},
                                                     {u"code"_s, redirect.queryItemValue(u"code"_s, QUrl::FullyDecoded)},
                                                     {u"state"_s, redirect.queryItemValue(u"state"_s, QUrl::FullyDecoded)}});
        if (exchanged.status != 200) {
            qWarning() << "exchange" << exchanged.status << exchanged.body;
            return {};
        }
        return exchanged.json().value(u"connectionId"_s).toString();
    }

    QJsonObject syncAll(const QString &connectionId, std::source_location where = std::source_location::current())
    {
        const auto r = m_t->client(m_owner)->post(u"/api/pipelines/connections/%1/runs"_s.arg(connectionId), QJsonObject());
        if (r.status != 202) {
            qWarning() << r.status << r.body;
            return {};
        }
        return m_t->finishedRun(m_owner, connectionId, r.json().value(u"id"_s).toString(), 120000, where);
    }

    Database *workspace() { return m_t->engine().workspaceData()->database(m_t->workspaceId()); }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>();
        QVERIFY(m_t->ok());
        m_owner = m_t->addUser(u"owner@example.com"_s, Role::Owner);
        Fakes::FakeServiceSuite::Options options;
        options.records = 60;
        m_fakes = std::make_unique<Fakes::FakeServiceSuite>(options);
        QString error;
        QVERIFY2(m_fakes->start(&error), qPrintable(error));
        m_t->engine().syncWorkers()->start(2);
    }

    void cleanupTestCase()
    {
        m_t->engine().syncWorkers()->stop(u"test end"_s);
        m_fakes.reset();
        m_t.reset();
    }

    void maxConcurrencyIsValidated_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("status");
        QTest::newRow("1") << QJsonValue(1) << 201;
        QTest::newRow("16") << QJsonValue(16) << 201;
        QTest::newRow("0") << QJsonValue(0) << 400;
        QTest::newRow("17") << QJsonValue(17) << 400;
        QTest::newRow("2.5") << QJsonValue(2.5) << 400;
        QTest::newRow("text") << QJsonValue(u"4"_s) << 400;
        QTest::newRow("boolean") << QJsonValue(true) << 400;
    }

    void maxConcurrencyIsValidated()
    {
        QFETCH(QJsonValue, value);
        QFETCH(int, status);
        const QJsonObject body{{u"name"_s, u"Limits %1"_s.arg(QString::fromLatin1(QTest::currentDataTag()))},
                               {u"type"_s, u"CRM_PLATFORM"_s},
                               {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k"_s}}},
                               {u"config"_s, QJsonObject{{u"maxConcurrency"_s, value}}}};
        const auto created = m_t->client(m_owner)->post(u"/api/pipelines/connections"_s, body);
        QCOMPARE(created.status, status);
        if (status == 400) {
            QVERIFY2(created.json().value(u"error"_s).toString().contains(u"maxConcurrency"_s), created.body.constData());
            return;
        }
        // A change is checked the same way.
        const QString id = created.json().value(u"id"_s).toString();
        const auto changed = m_t->client(m_owner)->put(u"/api/pipelines/connections/%1"_s.arg(id),
                                                       QJsonObject{{u"config"_s, QJsonObject{{u"maxConcurrency"_s, 99}}}});
        QCOMPARE(changed.status, 400);
        QVERIFY(changed.json().value(u"error"_s).toString().contains(u"maxConcurrency"_s));
    }

    void concurrencyStoresWhatASequentialRunStores_data()
    {
        QTest::addColumn<QString>("type");
        for (Fakes::FakeProviderServer *fake : m_fakes->servers()) {
            if (!ConnectorTypeRegistry::find(fake->connectorType()))
                continue;
            QTest::newRow(qPrintable(fake->connectorType())) << fake->connectorType();
        }
    }

    void concurrencyStoresWhatASequentialRunStores()
    {
        QFETCH(QString, type);
        Fakes::FakeProviderServer *fake = m_fakes->server(type);
        QVERIFY(fake);
        if (auto *zendesk = qobject_cast<Fakes::ZendeskFakeServer *>(fake))
            zendesk->setExportLimit(1000, 60000); // its export's 10 a minute are no matter of concurrency
        QJsonObject outcome[2];
        QByteArray digest[2];
        QJsonObject state[2];
        qint64 rows[2] = {0, 0};
        const int concurrency[2] = {1, 8};
        for (int i = 0; i < 2; ++i) {
            QJsonObject config = fake->connectorConfig();
            config.insert(u"retryBaseMs"_s, 5);
            config.insert(u"pageSize"_s, 7); // many pages and partitions of few records
            config.insert(u"maxConcurrency"_s, concurrency[i]);
            const QString name = u"Same %1 %2"_s.arg(type.toLower()).arg(concurrency[i]);
            // An OAuth type is connected by its authorization, which stores the tokens the reads use.
            const QString id = ConnectorTypeRegistry::find(type)->isOAuth()
                ? authorizeConnection(type, name, fake, config)
                : createConnection(
                      {{u"name"_s, name}, {u"type"_s, type}, {u"credentials"_s, fake->credentials()}, {u"config"_s, config}})
                      .value(u"id"_s)
                      .toString();
            QVERIFY(!id.isEmpty());
            outcome[i] = syncAll(id);
            QCOMPARE(outcome[i].value(u"status"_s).toString(), u"COMPLETED"_s);
            const QString base = u"same_%1_%2"_s.arg(type.toLower()).arg(concurrency[i]);
            digest[i] = rowsDigest(workspace(), base, &rows[i]);
            state[i] = states(workspace(), id);
        }
        QVERIFY(rows[0] > 0);
        QCOMPARE(rows[1], rows[0]);
        QCOMPARE(digest[1], digest[0]);
        QCOMPARE(state[1], state[0]);
        for (const QString &counter : {u"rowsSynced"_s, u"rowsCreated"_s, u"rowsUpdated"_s})
            QCOMPARE(outcome[1].value(counter).toInteger(), outcome[0].value(counter).toInteger());
        QCOMPARE(outcome[0].value(u"rowsSynced"_s).toInteger(), rows[0]);
        QCOMPARE(outcome[1].value(u"progress"_s).toObject().value(u"activeStreams"_s).toArray(), QJsonArray());
    }

    void stopEndsEveryReaderAtItsCommittedRows()
    {
        auto provider = std::make_shared<Test::FakeProvider>();
        const QStringList streams{u"contacts"_s, u"companies"_s, u"deals"_s};
        for (const QString &stream : streams) {
            provider->addStream(Test::FakeProvider::streamSpec(stream), {});
            provider->setEndless(stream, true);
        }
        provider->setPageDelay(20);
        RunService *runs = m_t->engine().runs();
        const auto previousMaker = runs->connectorMaker();
        runs->setConnectorMaker(Test::FakeProvider::maker(provider));
        const QString id = createConnection({{u"name"_s, u"Stopped"_s},
                                             {u"type"_s, u"CRM_PLATFORM"_s},
                                             {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k"_s}}},
                                             {u"config"_s, QJsonObject{{u"maxConcurrency"_s, 4}}}})
                               .value(u"id"_s)
                               .toString();
        const auto started = m_t->client(m_owner)->post(u"/api/pipelines/connections/%1/runs"_s.arg(id), QJsonObject());
        QCOMPARE(started.status, 202);
        const QString runId = started.json().value(u"id"_s).toString();
        const QString runPath = u"/api/pipelines/connections/%1/runs/%2"_s.arg(id, runId);
        // All three streams are read at once, and the run says so.
        QJsonObject progress;
        QTRY_VERIFY_WITH_TIMEOUT((progress = m_t->client(m_owner)->get(runPath).json().value(u"progress"_s).toObject())
                                         .value(u"activeStreams"_s)
                                         .toArray()
                                         .size()
                                     == 3,
                                 10000);
        QCOMPARE(progress.value(u"activeStreams"_s).toArray(), QJsonArray::fromStringList(streams));
        QTRY_VERIFY_WITH_TIMEOUT(m_t->client(m_owner)->get(runPath).json().value(u"rowsSynced"_s).toInteger() >= 60, 10000);
        const auto stopped = m_t->client(m_owner)->post(runPath, QJsonObject());
        QCOMPARE(stopped.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!runs->isExecuting(runId), 10000);
        const QJsonObject run = m_t->client(m_owner)->get(runPath).json();
        QCOMPARE(run.value(u"status"_s).toString(), u"CANCELLED"_s);

        // Each stream's cursor sits exactly at its committed rows, and the counters are what the tables hold.
        qint64 total = 0;
        const QJsonObject stored = states(workspace(), id);
        for (const QString &stream : streams) {
            QSqlQuery q(workspace()->connection());
            QVERIFY(q.exec(u"SELECT COUNT(*) FROM stopped__%1"_s.arg(stream)) && q.next());
            const qint64 rows = q.value(0).toLongLong();
            QVERIFY2(rows > 0, qPrintable(stream));
            QCOMPARE(stored.value(stream).toObject().value(u"page"_s).toInteger() * 10, rows);
            total += rows;
        }
        QCOMPARE(run.value(u"rowsSynced"_s).toInteger(), total);
        QCOMPARE(run.value(u"rowsCreated"_s).toInteger(), total);
        runs->setConnectorMaker(previousMaker);
    }
};

QTEST_GUILESS_MAIN(TestConcurrentSync)
#include "tst_concurrentsync.moc"
