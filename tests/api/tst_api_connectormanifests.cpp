// SPDX-License-Identifier: GPL-3.0-or-later
// Connector types as data over the REST API: the schema, list/get/validate, install and remove with
// their roles and refusals, manifests read at start (broken ones listed), test reads (limits,
// columns, request log, secrets scrubbed), and the Pipedrive and Stripe examples installed, synced
// into Opbox tables and read incrementally.
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/security/caller.h"
#include "engine/services/connectormanifestservice.h"
#include "engine/services/engine.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"
#include "pipedrivefakeserver.h"
#include "stripefakeserver.h"
#include "testengine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

QJsonObject example(const QString &name)
{
    QFile file(QStringLiteral(OPBOX_SOURCE_DIR) + u"/connectors/examples/"_s + name + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QJsonObject entryOf(const QJsonObject &list, const QString &type)
{
    for (const auto &m : list.value(u"manifests"_s).toArray()) {
        if (m.toObject().value(u"type"_s).toString() == type)
            return m.toObject();
    }
    return {};
}

} // namespace

class TestApiConnectorManifests : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_xdgHome;
    QTemporaryDir m_xdgShared;
    std::unique_ptr<Test::TestEngine> m_t;
    std::unique_ptr<Fakes::PipedriveFakeServer> m_pipedrive;
    std::unique_ptr<Fakes::StripeFakeServer> m_stripe;
    QString m_owner;
    QString m_admin;
    QString m_member;

    Test::HttpResult as(const QString &token, const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return method == "GET" || method == "DELETE" ? m_t->client(token)->request(method, path)
                                                     : m_t->client(token)->send(method, path, body);
    }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(m_t->engine().workspaceData()->database(m_t->workspaceId())->connection());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

    QString create(const Fakes::FakeProviderServer &fake, const QString &name)
    {
        QJsonObject config = fake.connectorConfig();
        config.insert(u"retryBaseMs"_s, 5);
        const auto r = as(m_owner, "POST", u"/api/pipelines/connections"_s,
                          {{u"name"_s, name},
                           {u"type"_s, fake.connectorType()},
                           {u"credentials"_s, fake.credentials()},
                           {u"config"_s, config}});
        if (r.status != 201)
            qWarning() << r.status << r.body;
        return r.json().value(u"id"_s).toString();
    }

    QJsonObject sync(const QString &connectionId)
    {
        const auto r = as(m_owner, "POST", u"/api/pipelines/connections/%1/runs"_s.arg(connectionId), {});
        if (r.status != 202) {
            qWarning() << r.status << r.body;
            return {};
        }
        return m_t->finishedRun(m_owner, connectionId, r.json().value(u"id"_s).toString());
    }

    QString tableOf(const QString &connectionId, const QString &stream)
    {
        const auto r = as(m_owner, "GET", u"/api/pipelines/connections/%1"_s.arg(connectionId));
        for (const auto &t : r.json().value(u"tables"_s).toArray()) {
            if (t.toObject().value(u"stream"_s).toString() == stream)
                return t.toObject().value(u"table"_s).toString();
        }
        return scalar(u"SELECT table_name FROM opbox_tables WHERE stream = '%1' ORDER BY created_at DESC LIMIT 1"_s.arg(stream))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(m_xdgHome.isValid() && m_xdgShared.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_xdgHome.path()));
        qputenv("XDG_DATA_DIRS", QFile::encodeName(m_xdgShared.path()));
        m_t = std::make_unique<Test::TestEngine>();
        QVERIFY(m_t->ok());
        m_owner = m_t->addUser(u"owner@example.com"_s, Role::Owner);
        m_admin = m_t->addUser(u"admin@example.com"_s, Role::Admin);
        m_member = m_t->addUser(u"member@example.com"_s, Role::Member);
        const QDateTime first(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC);
        m_pipedrive = std::make_unique<Fakes::PipedriveFakeServer>();
        m_pipedrive->seed(230, first);
        m_stripe = std::make_unique<Fakes::StripeFakeServer>();
        m_stripe->seed(120, first);
        QVERIFY(m_pipedrive->start());
        QVERIFY(m_stripe->start());
        m_t->engine().syncWorkers()->start(2);
    }

    void cleanupTestCase()
    {
        m_t->engine().syncWorkers()->stop(u"test end"_s);
        m_t.reset();
        m_pipedrive.reset();
        m_stripe.reset();
    }

    void schemaIsServedWithoutAuth()
    {
        const auto r = as(QString(), "GET", u"/api/pipelines/connector-manifest.schema.json"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"$schema"_s).toString(), u"https://json-schema.org/draft/2020-12/schema"_s);
        QVERIFY(r.json().value(u"$defs"_s).toObject().contains(u"pagination"_s));
    }

    void listsBuiltinsAndTheirManifests()
    {
        const auto r = as(m_member, "GET", u"/api/pipelines/connector-manifests"_s);
        QCOMPARE(r.status, 200);
        const QJsonObject hubspot = entryOf(r.json(), u"CRM_PLATFORM"_s);
        QCOMPARE(hubspot.value(u"source"_s).toString(), u"builtin"_s);
        QCOMPARE(hubspot.value(u"valid"_s), QJsonValue(true));
        QCOMPARE(hubspot.value(u"errors"_s).toArray(), QJsonArray());
        QCOMPARE(hubspot.value(u"version"_s).toString(), u"1.0.0"_s);
        const auto manifest = as(m_member, "GET", u"/api/pipelines/connector-manifests/CRM_PLATFORM"_s);
        QCOMPARE(manifest.status, 200);
        QCOMPARE(manifest.json().value(u"provider"_s).toString(), u"HubSpot"_s);
        QCOMPARE(as(m_member, "GET", u"/api/pipelines/connector-manifests/NOPE_TYPE"_s).status, 404);
        const auto types = as(m_member, "GET", u"/api/pipelines/connector-types"_s);
        for (const auto &t : types.json().value(u"connectorTypes"_s).toArray()) {
            QCOMPARE(t.toObject().value(u"source"_s).toString(), u"builtin"_s);
            QCOMPARE(t.toObject().value(u"version"_s).toString(), u"1.0.0"_s);
        }
    }

    void validatesWithPointersAndRoles()
    {
        QJsonObject bad = example(u"stripe"_s);
        QJsonArray streams = bad.value(u"streams"_s).toArray();
        QJsonObject charges = streams.at(1).toObject();
        QJsonObject request = charges.value(u"request"_s).toObject();
        request.insert(u"recordPath"_s, u"data"_s);
        charges.insert(u"request"_s, request);
        streams.replace(1, charges);
        bad.insert(u"streams"_s, streams);
        QCOMPARE(as(m_member, "POST", u"/api/pipelines/connector-manifests/validate"_s, bad).status, 403);
        const auto r = as(m_admin, "POST", u"/api/pipelines/connector-manifests/validate"_s, bad);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"valid"_s), QJsonValue(false));
        const QJsonObject error = r.json().value(u"errors"_s).toArray().first().toObject();
        QCOMPARE(error.value(u"path"_s).toString(), u"/streams/1/request/recordPath"_s);
        QVERIFY2(error.value(u"message"_s).toString().contains(u"write 'recordsPath' instead"_s), r.body.constData());
        const auto good = as(m_admin, "POST", u"/api/pipelines/connector-manifests/validate"_s, example(u"stripe"_s));
        QCOMPARE(good.json(), (QJsonObject{{u"valid"_s, true}, {u"errors"_s, QJsonArray()}}));
    }

    void refusesBadInstalls_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("urlType");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorPath");
        const QJsonObject pipedrive = example(u"pipedrive"_s);
        QJsonObject builtin = pipedrive;
        builtin.insert(u"type"_s, u"CRM_PLATFORM"_s);
        QJsonObject broken = pipedrive;
        broken.insert(u"authType"_s, u"magic"_s);
        QTest::newRow("admin may not install") << u"admin"_s << u"PIPEDRIVE"_s << pipedrive << 403 << QString();
        QTest::newRow("type differs from the URL") << u"owner"_s << u"PIPEDRIVE_TWO"_s << pipedrive << 400 << u"/type"_s;
        QTest::newRow("built-in type") << u"owner"_s << u"CRM_PLATFORM"_s << builtin << 409 << QString();
        QTest::newRow("invalid") << u"owner"_s << u"PIPEDRIVE"_s << broken << 400 << u"/authType"_s;
    }

    void refusesBadInstalls()
    {
        QFETCH(QString, role);
        QFETCH(QString, urlType);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, errorPath);
        const auto r = as(role == u"owner" ? m_owner : m_admin, "PUT", u"/api/pipelines/connector-manifests/"_s + urlType, body);
        QCOMPARE(r.status, status);
        if (!errorPath.isEmpty())
            QCOMPARE(r.json().value(u"errors"_s).toArray().first().toObject().value(u"path"_s).toString(), errorPath);
        // Nothing is installed on error.
        QVERIFY(!ConnectorTypeRegistry::find(u"PIPEDRIVE"_s) || ConnectorTypeRegistry::isBuiltin(urlType));
        QVERIFY(!QFile::exists(m_t->dataDir() + u"/connectors/"_s + urlType + u".json"_s));
    }

    void testReadStopsAtItsLimitsAndScrubsSecrets()
    {
        QJsonObject body{{u"manifest"_s, example(u"pipedrive"_s)},
                         {u"credentials"_s, m_pipedrive->credentials()},
                         {u"config"_s, QJsonObject{{u"baseUrl"_s, m_pipedrive->baseUrl().toString()}, {u"pageSize"_s, 10}}},
                         {u"streams"_s, QJsonArray{u"persons"_s, u"deals"_s}}};
        QCOMPARE(as(m_member, "POST", u"/api/pipelines/connector-manifests/test-read"_s, body).status, 403);
        m_pipedrive->clearRequests();
        const auto small = as(m_admin, "POST", u"/api/pipelines/connector-manifests/test-read"_s, body);
        QCOMPARE(small.status, 200);
        QVERIFY2(!small.body.contains(m_pipedrive->token().toUtf8()), small.body.constData());
        const QJsonArray streams = small.json().value(u"streams"_s).toArray();
        QCOMPARE(streams.size(), 2);
        const QJsonObject persons = streams.at(0).toObject();
        QCOMPARE(persons.value(u"name"_s).toString(), u"persons"_s);
        QVERIFY2(!persons.contains(u"error"_s), qPrintable(persons.value(u"error"_s).toString()));
        QCOMPARE(persons.value(u"records"_s).toArray().size(), 50); // 5 pages of 10
        const QJsonArray requests = persons.value(u"requests"_s).toArray();
        QVERIFY(requests.size() >= 5 && requests.size() <= 6);
        const QJsonObject firstRequest = requests.first().toObject();
        QCOMPARE(firstRequest.value(u"method"_s).toString(), u"GET"_s);
        QCOMPARE(firstRequest.value(u"status"_s).toInt(), 200);
        QVERIFY(firstRequest.value(u"url"_s).toString().contains(u"api_token=***"_s));
        QStringList columns;
        for (const auto &c : persons.value(u"columns"_s).toArray())
            columns.append(c.toObject().value(u"name"_s).toString() + u':' + c.toObject().value(u"type"_s).toString());
        QVERIFY2(columns.contains(u"id:INTEGER"_s), qPrintable(columns.join(u", "_s)));
        QVERIFY2(columns.contains(u"update_time:DATETIME"_s), qPrintable(columns.join(u", "_s)));
        QVERIFY2(columns.contains(u"name:TEXT"_s), qPrintable(columns.join(u", "_s)));
        QVERIFY2(columns.contains(u"emails:JSON"_s), qPrintable(columns.join(u", "_s)));
        // Nothing was stored.
        QVERIFY(!scalar(u"SELECT COUNT(*) FROM opbox_tables WHERE stream = 'persons'"_s).toInt());

        // Page size 100: the 100-record cap ends the read after one page.
        body.insert(u"config"_s, QJsonObject{{u"baseUrl"_s, m_pipedrive->baseUrl().toString()}});
        body.insert(u"streams"_s, QJsonArray{u"activities"_s});
        const auto capped = as(m_admin, "POST", u"/api/pipelines/connector-manifests/test-read"_s, body);
        const QJsonObject activities = capped.json().value(u"streams"_s).toArray().first().toObject();
        QCOMPARE(activities.value(u"records"_s).toArray().size(), 100);
    }

    void testReadNamesARecordPathThatMatchesNothing()
    {
        QJsonObject manifest = example(u"stripe"_s);
        QJsonArray streams = manifest.value(u"streams"_s).toArray();
        QJsonObject customers = streams.first().toObject();
        QJsonObject request = customers.value(u"request"_s).toObject();
        request.insert(u"recordsPath"_s, u"items"_s);
        customers.insert(u"request"_s, request);
        streams.replace(0, customers);
        manifest.insert(u"streams"_s, streams);
        const auto r = as(m_admin, "POST", u"/api/pipelines/connector-manifests/test-read"_s,
                          {{u"manifest"_s, manifest},
                           {u"credentials"_s, m_stripe->credentials()},
                           {u"config"_s, m_stripe->connectorConfig()},
                           {u"streams"_s, QJsonArray{u"customers"_s}}});
        QCOMPARE(r.status, 200);
        const QJsonObject stream = r.json().value(u"streams"_s).toArray().first().toObject();
        QVERIFY2(stream.value(u"error"_s).toString().contains(u"items"_s), r.body.constData());
        QVERIFY(!r.body.contains(m_stripe->token().toUtf8()));
        // A wrong key: the provider's refusal, with the key scrubbed.
        const auto refused = as(m_admin, "POST", u"/api/pipelines/connector-manifests/test-read"_s,
                                {{u"manifest"_s, example(u"stripe"_s)},
                                 {u"credentials"_s, QJsonObject{{u"secretKey"_s, u"sk_test_wrongWrongWrong42"_s}}},
                                 {u"config"_s, m_stripe->connectorConfig()},
                                 {u"streams"_s, QJsonArray{u"charges"_s}}});
        const QJsonObject charges = refused.json().value(u"streams"_s).toArray().first().toObject();
        QVERIFY2(!charges.value(u"error"_s).toString().isEmpty(), refused.body.constData());
        QVERIFY(!refused.body.contains("sk_test_wrongWrongWrong42"));
        const auto malformed = as(m_admin, "POST", u"/api/pipelines/connector-manifests/test-read"_s,
                                  {{u"manifest"_s, QJsonObject{{u"type"_s, u"X"_s}}}});
        QCOMPARE(malformed.status, 400);
        QVERIFY(!malformed.json().value(u"errors"_s).toArray().isEmpty());
    }

    void pipedriveInstallSyncIncremental()
    {
        const auto installed = as(m_owner, "PUT", u"/api/pipelines/connector-manifests/PIPEDRIVE"_s, example(u"pipedrive"_s));
        QCOMPARE(installed.status, 200);
        QCOMPARE(installed.json().value(u"source"_s).toString(), u"user"_s);
        QVERIFY(QFile::exists(m_t->dataDir() + u"/connectors/PIPEDRIVE.json"_s));
        const auto types = as(m_member, "GET", u"/api/pipelines/connector-types"_s);
        bool listed = false;
        for (const auto &t : types.json().value(u"connectorTypes"_s).toArray())
            listed = listed || t.toObject().value(u"type"_s).toString() == u"PIPEDRIVE"_s;
        QVERIFY(listed);

        const QString id = create(*m_pipedrive, u"Pipedrive Sales"_s);
        QVERIFY(!id.isEmpty());
        const auto test = as(m_owner, "POST", u"/api/pipelines/connections/%1/check"_s.arg(id), {});
        QCOMPARE(test.json().value(u"success"_s), QJsonValue(true));
        const QJsonObject run = sync(id);
        QCOMPARE(run.value(u"status"_s).toString(), u"COMPLETED"_s);
        for (const QString &stream : {u"persons"_s, u"organizations"_s, u"deals"_s, u"activities"_s}) {
            const QString table = tableOf(id, stream);
            QVERIFY2(!table.isEmpty(), qPrintable(stream));
            QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"%1\""_s.arg(table)).toInt(), 230);
        }
        const QString persons = tableOf(id, u"persons"_s);
        QCOMPARE(scalar(u"SELECT update_time FROM \"%1\" WHERE id = 1"_s.arg(persons)).toString(), u"2024-03-01T09:00:00.000Z"_s);

        // The second run asks only for what changed since the cursor.
        m_pipedrive->modify(u"persons"_s, 4, QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC));
        m_pipedrive->clearRequests();
        // Pipedrive's 429 (x-ratelimit-remaining 0, reset in 1 s) is waited out, not a failed run.
        m_pipedrive->rateLimitNext(1, u"1"_s, u"/deals"_s);
        const QJsonObject second = sync(id);
        QVERIFY2(second.value(u"status"_s).toString() == u"COMPLETED"_s, QJsonDocument(second).toJson().constData());
        bool sentSince = false;
        for (const auto &request : m_pipedrive->requests())
            sentSince = sentSince || (request.path == u"/persons" && request.query.hasQueryItem(u"updated_since"_s));
        QVERIFY(sentSince);
        QCOMPARE(m_pipedrive->requestCount(u"/deals"_s), 2); // the refused request and its retry
        QCOMPARE(scalar(u"SELECT name FROM \"%1\" WHERE id = 5"_s.arg(persons)).toString(), u"Person 5 (edited)"_s);

        // Removal is refused while the connection exists, naming how many.
        const auto refused = as(m_owner, "DELETE", u"/api/pipelines/connector-manifests/PIPEDRIVE"_s);
        QCOMPARE(refused.status, 409);
        QVERIFY2(refused.json().value(u"error"_s).toString().contains(u"1 connection"_s), refused.body.constData());
        QCOMPARE(refused.json().value(u"connections"_s).toInt(), 1);
        QCOMPARE(as(m_owner, "DELETE", u"/api/pipelines/connections/"_s + id).status, 204);
        QCOMPARE(as(m_admin, "DELETE", u"/api/pipelines/connector-manifests/PIPEDRIVE"_s).status, 403);
        QCOMPARE(as(m_owner, "DELETE", u"/api/pipelines/connector-manifests/PIPEDRIVE"_s).status, 204);
        QVERIFY(!QFile::exists(m_t->dataDir() + u"/connectors/PIPEDRIVE.json"_s));
        QCOMPARE(as(m_owner, "DELETE", u"/api/pipelines/connector-manifests/CRM_PLATFORM"_s).status, 409);
        QCOMPARE(as(m_owner, "DELETE", u"/api/pipelines/connector-manifests/PIPEDRIVE"_s).status, 404);
    }

    void stripeInstallSyncIncremental()
    {
        QCOMPARE(as(m_owner, "PUT", u"/api/pipelines/connector-manifests/STRIPE"_s, example(u"stripe"_s)).status, 200);
        const QString id = create(*m_stripe, u"Stripe Payments"_s);
        QVERIFY(!id.isEmpty());
        QCOMPARE(sync(id).value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"%1\""_s.arg(tableOf(id, u"customers"_s))).toInt(), 120);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"%1\""_s.arg(tableOf(id, u"charges"_s))).toInt(), 120);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"%1\""_s.arg(tableOf(id, u"invoices"_s))).toInt(), 120);
        // status=all: canceled subscriptions are read too.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"%1\""_s.arg(tableOf(id, u"subscriptions"_s))).toInt(), 120);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"%1\" WHERE status = 'canceled'"_s.arg(tableOf(id, u"subscriptions"_s))).toInt(),
                 30);
        const QString customers = tableOf(id, u"customers"_s);
        QCOMPARE(scalar(u"SELECT created FROM \"%1\" WHERE email = 'customer1@example.com'"_s.arg(customers)).toString(),
                 u"2024-03-01T09:00:00.000Z"_s);

        const QString late = m_stripe->addCustomer(QDateTime(QDate(2025, 2, 1), QTime(12, 0), Qt::UTC));
        m_stripe->clearRequests();
        QCOMPARE(sync(id).value(u"status"_s).toString(), u"COMPLETED"_s);
        bool filtered = false;
        QStringList seen;
        for (const auto &request : m_stripe->requests()) {
            seen.append(request.path + u'?' + request.query.toString(QUrl::FullyDecoded));
            filtered = filtered
                || (request.path == u"/customers" && request.query.toString(QUrl::FullyDecoded).contains(u"created[gte]="_s));
        }
        QVERIFY2(filtered, qPrintable(seen.join(u'\n')));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"%1\""_s.arg(customers)).toInt(), 121);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"%1\" WHERE id = '%2'"_s.arg(customers, late)).toInt(), 1);
    }

    void serviceAnswersOnTheCallersThread()
    {
        // What the Connector Builder uses: validation and test reads off the GUI thread, answers on it.
        ConnectorManifestService *service = m_t->engine().connectorManifests();
        QSignalSpy changed(service, &ConnectorManifestService::manifestsChanged);
        const Caller admin{m_t->userId(u"admin@example.com"_s), m_t->workspaceId(), Role::Admin, {}};
        const Caller owner{m_t->userId(u"owner@example.com"_s), m_t->workspaceId(), Role::Owner, {}};
        QObject context;
        std::optional<Result<ConnectorManifestService::Validation>> validation;
        QThread *answeredOn = nullptr;
        service->validateAsync(admin, example(u"stripe"_s), &context, [&](Result<ConnectorManifestService::Validation> r) {
            validation = std::move(r);
            answeredOn = QThread::currentThread();
        });
        QTRY_VERIFY(validation.has_value());
        QCOMPARE(answeredOn, QThread::currentThread());
        QVERIFY(validation->ok() && (*validation)->valid());

        std::optional<Result<QList<ManifestTestRead::Stream>>> read;
        ConnectorManifestService::TestReadRequest request{
            example(u"stripe"_s), m_stripe->credentials(), m_stripe->connectorConfig(), {u"charges"_s}};
        service->testRead(admin, request, &context, [&](Result<QList<ManifestTestRead::Stream>> r) { read = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 15000);
        QVERIFY(read->ok());
        QCOMPARE((*read)->size(), 1);
        QCOMPARE((*read)->first().records.size(), 100);
        QVERIFY((*read)->first().requests.size() >= 1);

        QJsonObject manifest = example(u"stripe"_s);
        manifest.insert(u"type"_s, u"STRIPE_BUILDER"_s);
        QVERIFY(!service->install(admin, u"STRIPE_BUILDER"_s, manifest).ok()); // OWNER only
        QCOMPARE(changed.count(), 0);
        auto installed = service->install(owner, u"STRIPE_BUILDER"_s, manifest);
        QVERIFY(installed.ok());
        QCOMPARE(changed.count(), 1);
        QVERIFY(ConnectorTypeRegistry::find(u"STRIPE_BUILDER"_s));
        QVERIFY(service->remove(owner, u"STRIPE_BUILDER"_s).ok());
        QCOMPARE(changed.count(), 2);
        QVERIFY(!ConnectorTypeRegistry::find(u"STRIPE_BUILDER"_s));
    }

    void readsManifestsAtStartAndListsBrokenOnes()
    {
        // Manifests in the data directory and the XDG directories are read when an engine opens.
        QTemporaryDir dataDir;
        QVERIFY(writeFile(dataDir.path() + u"/connectors/broken.json"_s, "{\"type\": \"BROKEN_ONE\", \"streams\": 3}"));
        QJsonObject home = example(u"pipedrive"_s);
        home.insert(u"type"_s, u"PIPEDRIVE_HOME"_s);
        QVERIFY(writeFile(m_xdgHome.path() + u"/opbox-pipelines/connectors/home.json"_s, QJsonDocument(home).toJson()));
        QJsonObject shared = example(u"stripe"_s);
        shared.insert(u"type"_s, u"STRIPE_SHARED"_s);
        QVERIFY(writeFile(m_xdgShared.path() + u"/opbox-pipelines/connectors/shared.json"_s, QJsonDocument(shared).toJson()));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"skipping connector manifest .*broken.json"_s));
        Engine engine(dataDir.path());
        QVERIFY(engine.open());
        QVERIFY(ConnectorTypeRegistry::find(u"PIPEDRIVE_HOME"_s));
        QVERIFY(ConnectorTypeRegistry::find(u"STRIPE_SHARED"_s));
        Caller owner{u"u1"_s, u"w1"_s, Role::Owner, {}};
        auto list = engine.connectorManifests()->list(owner);
        QVERIFY(list);
        bool brokenListed = false;
        for (const auto &entry : *list) {
            if (entry.type == u"BROKEN_ONE") {
                brokenListed = true;
                QVERIFY(!entry.valid);
                QVERIFY(!entry.errors.isEmpty());
                QCOMPARE(entry.toJson().value(u"source"_s).toString(), u"user"_s);
            }
        }
        QVERIFY(brokenListed);
        // A type from a shared directory is not the data directory's to remove.
        auto refused = engine.connectorManifests()->remove(owner, u"STRIPE_SHARED"_s);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"TYPE_SYSTEM_WIDE"_s);
        QVERIFY(QFile::exists(m_xdgShared.path() + u"/opbox-pipelines/connectors/shared.json"_s));
        QFile::remove(m_xdgHome.path() + u"/opbox-pipelines/connectors/home.json"_s);
        QFile::remove(m_xdgShared.path() + u"/opbox-pipelines/connectors/shared.json"_s);
    }
};

QTEST_GUILESS_MAIN(TestApiConnectorManifests)
#include "tst_api_connectormanifests.moc"
