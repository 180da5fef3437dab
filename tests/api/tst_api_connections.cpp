// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "testengine.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {
const QString Canary = u"CANARY-7f3a9c1e-do-not-leak"_s;

QJsonObject crmBody(const QString &name = u"Production CRM"_s)
{
    return QJsonObject{{u"name"_s, name},
                       {u"type"_s, u"CRM_PLATFORM"_s},
                       {u"credentials"_s, QJsonObject{{u"apiKey"_s, Canary}}},
                       {u"schedule"_s, QJsonObject{{u"enabled"_s, true}, {u"frequency"_s, u"daily"_s}}}};
}
} // namespace

/** The foundation's REST API end to end over HTTP: connections CRUD, errors, roles, workspaces, secrets. */
class TestApiConnections : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TestEngine> m_t;
    QString m_owner, m_admin, m_member, m_viewer, m_outsider;
    QList<QByteArray> m_allResponses; // every body we saw, checked for the canary at the end

    Test::HttpResult remember(Test::HttpResult r)
    {
        m_allResponses.append(r.body);
        for (const auto &[k, v] : r.headers)
            m_allResponses.append(k + ": " + v);
        return r;
    }
    std::unique_ptr<Test::HttpClient> as(const QString &token) { return m_t->client(token); }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>();
        QVERIFY(m_t->ok());
        m_owner = m_t->addUser(u"owner@example.com"_s, Role::Owner);
        m_admin = m_t->addUser(u"admin@example.com"_s, Role::Admin);
        m_member = m_t->addUser(u"member@example.com"_s, Role::Member);
        m_viewer = m_t->addUser(u"viewer@example.com"_s, Role::Viewer);
        m_outsider = m_t->addUser(u"other@example.com"_s, Role::Owner, u"Other Co"_s);
    }

    void health()
    {
        auto r = remember(m_t->client()->get(u"/api/health"_s));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"status"_s).toString(), u"ok"_s);
    }

    void openApiListsEveryRoute()
    {
        auto r = remember(m_t->client()->get(u"/api/openapi.json"_s));
        QCOMPARE(r.status, 200);
        const QJsonObject paths = r.json().value(u"paths"_s).toObject();
        QVERIFY(paths.contains(u"/api/pipelines/connections/{id}"_s));
        QVERIFY(paths.value(u"/api/pipelines/connections"_s).toObject().contains(u"post"_s));
        QCOMPARE(r.json().value(u"openapi"_s).toString().left(2), u"3."_s);
    }

    void authentication_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::newRow("missing") << QByteArray() << 401;
        QTest::newRow("wrong scheme") << QByteArray("Basic abc") << 401;
        QTest::newRow("unknown token") << QByteArray("Bearer opb_nope") << 401;
        QTest::newRow("empty bearer") << QByteArray("Bearer ") << 401;
        QTest::newRow("huge token") << QByteArray("Bearer " + QByteArray(4000, 'a')) << 401;
    }
    void authentication()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        auto r = remember(m_t->client()->request("GET", u"/api/pipelines/connections"_s, {}, headers));
        QCOMPARE(r.status, status);
        QCOMPARE(r.json().value(u"code"_s).toString(), u"UNAUTHORIZED"_s);
        QVERIFY(!r.json().value(u"error"_s).toString().isEmpty());
    }

    void meAndMembers()
    {
        auto c = as(m_viewer);
        auto me = remember(c->get(u"/api/me"_s));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"user"_s).toObject().value(u"email"_s).toString(), u"viewer@example.com"_s);
        const QJsonArray ws = me.json().value(u"workspaces"_s).toArray();
        QCOMPARE(ws.size(), 1);
        QCOMPARE(ws.at(0).toObject().value(u"role"_s).toString(), u"VIEWER"_s);
        QCOMPARE(me.json().value(u"notificationPreferences"_s).toObject(),
                 (QJsonObject{{u"onSuccess"_s, true}, {u"onFailure"_s, true}}));

        auto prefs = remember(c->put(u"/api/me/notification-preferences"_s, QJsonObject{{u"onSuccess"_s, false}}));
        QCOMPARE(prefs.status, 200);
        auto me2 = c->get(u"/api/me"_s);
        QCOMPARE(me2.json().value(u"notificationPreferences"_s).toObject().value(u"onSuccess"_s).toBool(), false);
        QCOMPARE(me2.json().value(u"notificationPreferences"_s).toObject().value(u"onFailure"_s).toBool(), true);
        QCOMPARE(c->put(u"/api/me/notification-preferences"_s, QJsonObject{{u"onSuccess"_s, u"no"_s}}).status, 400);
        QCOMPARE(c->put(u"/api/me/notification-preferences"_s, QJsonObject{{u"other"_s, true}}).status, 400);

        auto members = remember(c->get(u"/api/workspace/members"_s));
        QCOMPARE(members.status, 200);
        QCOMPARE(members.json().value(u"members"_s).toArray().size(), 4);
        const QJsonObject m0 = members.json().value(u"members"_s).toArray().at(0).toObject();
        QVERIFY(m0.contains(u"userId"_s) && m0.contains(u"email"_s) && m0.contains(u"role"_s) && m0.contains(u"name"_s));
    }

    void workspaceHeader()
    {
        auto c = as(m_owner);
        c->setWorkspace(m_t->workspaceId(u"Other Co"_s));
        auto r = remember(c->get(u"/api/pipelines/connections"_s));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(u"code"_s).toString(), u"FORBIDDEN"_s);
        c->setWorkspace(u"cunknownunknownunknownunk"_s);
        QCOMPARE(remember(c->get(u"/api/pipelines/connections"_s)).status, 403);
        c->setWorkspace(m_t->workspaceId());
        QCOMPARE(remember(c->get(u"/api/pipelines/connections"_s)).status, 200);
    }

    void connectorTypes()
    {
        auto r = remember(as(m_viewer)->get(u"/api/pipelines/connector-types"_s));
        QCOMPARE(r.status, 200);
        const QJsonArray types = r.json().value(u"connectorTypes"_s).toArray();
        QCOMPARE(types.size(), 10);
        QStringList names;
        for (const auto &t : types) {
            const QJsonObject o = t.toObject();
            names.append(o.value(u"type"_s).toString());
            QVERIFY(!o.value(u"name"_s).toString().isEmpty());
            QVERIFY(!o.value(u"category"_s).toString().isEmpty());
            QVERIFY(QStringList({u"api_key"_s, u"basic"_s, u"oauth2"_s}).contains(o.value(u"authType"_s).toString()));
            QVERIFY(!o.value(u"credentials"_s).toArray().isEmpty());
            for (const auto &f : o.value(u"credentials"_s).toArray()) {
                const QJsonObject field = f.toObject();
                QVERIFY(field.contains(u"name"_s) && field.contains(u"label"_s) && field.contains(u"required"_s)
                        && field.contains(u"secret"_s));
            }
        }
        QCOMPARE(names,
                 (QStringList{u"CRM_PLATFORM"_s, u"ACCOUNTING"_s, u"PROJECT_MGMT"_s, u"SCHEDULING"_s, u"DOC_SIGNING"_s,
                              u"MEETINGS"_s, u"SUPPORT"_s, u"MESSAGING"_s, u"REGISTRY"_s, u"DEVELOPMENT"_s}));
        const QJsonObject crm = types.at(0).toObject();
        QCOMPARE(crm.value(u"authType"_s).toString(), u"api_key"_s);
        QCOMPARE(crm.value(u"credentials"_s).toArray().at(0).toObject().value(u"name"_s).toString(), u"apiKey"_s);
    }

    void crudLifecycle()
    {
        auto c = as(m_admin);
        auto created = remember(c->post(u"/api/pipelines/connections"_s, crmBody()));
        QCOMPARE(created.status, 201);
        const QJsonObject conn = created.json();
        const QString id = conn.value(u"id"_s).toString();
        QVERIFY2(QRegularExpression(u"^c[0-9a-z]{24}$"_s).match(id).hasMatch(), qPrintable(id));
        QCOMPARE(conn.value(u"name"_s).toString(), u"Production CRM"_s);
        QCOMPARE(conn.value(u"type"_s).toString(), u"CRM_PLATFORM"_s);
        QCOMPARE(conn.value(u"status"_s).toString(), u"DISCONNECTED"_s);
        QCOMPARE(conn.value(u"enabled"_s).toBool(), true);
        QCOMPARE(conn.value(u"credentialFields"_s).toArray(), QJsonArray{u"apiKey"_s});
        QCOMPARE(conn.value(u"schedule"_s).toObject().value(u"frequency"_s).toString(), u"daily"_s);
        for (const auto &key : {u"config"_s, u"notifyUserIds"_s, u"variantGroupId"_s, u"variantLabel"_s, u"lastRun"_s,
                                u"createdAt"_s, u"updatedAt"_s})
            QVERIFY2(conn.contains(key), qPrintable(key));
        QVERIFY(!conn.contains(u"credentials"_s));

        auto list = remember(as(m_viewer)->get(u"/api/pipelines/connections"_s));
        QCOMPARE(list.status, 200);
        QVERIFY(list.json().value(u"connections"_s).toArray().size() >= 1);

        auto one = remember(as(m_viewer)->get(u"/api/pipelines/connections/"_s + id));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json().value(u"id"_s).toString(), id);

        // PUT replaces what it names; config merges key by key and null removes a key.
        auto upd = remember(
            c->put(u"/api/pipelines/connections/"_s + id,
                   QJsonObject{{u"name"_s, u"Production CRM (EU)"_s},
                               {u"config"_s, QJsonObject{{u"baseUrl"_s, u"http://127.0.0.1:1"_s}, {u"region"_s, u"eu"_s}}},
                               {u"credentials"_s, QJsonObject{{u"apiKey"_s, Canary}}}}));
        QCOMPARE(upd.status, 200);
        QCOMPARE(upd.json().value(u"name"_s).toString(), u"Production CRM (EU)"_s);
        QCOMPARE(upd.json().value(u"config"_s).toObject().value(u"region"_s).toString(), u"eu"_s);
        auto upd2 = remember(c->put(u"/api/pipelines/connections/"_s + id,
                                    QJsonObject{{u"config"_s, QJsonObject{{u"region"_s, QJsonValue()}}},
                                                {u"schedule"_s, QJsonObject{{u"frequency"_s, u"hourly"_s}}},
                                                {u"notifyUserIds"_s, QJsonArray{m_t->userId(u"member@example.com"_s)}}}));
        QCOMPARE(upd2.status, 200);
        QVERIFY(!upd2.json().value(u"config"_s).toObject().contains(u"region"_s));
        QCOMPARE(upd2.json().value(u"config"_s).toObject().value(u"baseUrl"_s).toString(), u"http://127.0.0.1:1"_s);
        QCOMPARE(upd2.json().value(u"schedule"_s).toObject(), (QJsonObject{{u"enabled"_s, true}, {u"frequency"_s, u"hourly"_s}}));
        QCOMPARE(upd2.json().value(u"notifyUserIds"_s).toArray().size(), 1);
        // Empty array = everyone.
        auto upd3 = remember(c->put(u"/api/pipelines/connections/"_s + id, QJsonObject{{u"notifyUserIds"_s, QJsonArray()}}));
        QCOMPARE(upd3.json().value(u"notifyUserIds"_s).toArray().size(), 0);
        // New credentials replace the set; values never come back.
        auto upd4 = remember(c->put(u"/api/pipelines/connections/"_s + id,
                                    QJsonObject{{u"credentials"_s, QJsonObject{{u"apiKey"_s, QString(Canary + u"-2"_s)}}}}));
        QCOMPARE(upd4.status, 200);
        QCOMPARE(upd4.json().value(u"credentialFields"_s).toArray(), QJsonArray{u"apiKey"_s});
        auto creds = m_t->engine().connections()->credentials(id);
        QVERIFY(creds.ok());
        QCOMPARE(creds->value(u"apiKey"_s).toString(), Canary + u"-2"_s);

        auto del = remember(c->del(u"/api/pipelines/connections/"_s + id));
        QCOMPARE(del.status, 204);
        QVERIFY(del.body.isEmpty());
        QCOMPARE(remember(c->get(u"/api/pipelines/connections/"_s + id)).status, 404);
        QCOMPARE(remember(c->del(u"/api/pipelines/connections/"_s + id)).status, 404);

        auto audit = remember(c->get(u"/api/audit-log?limit=10"_s));
        QCOMPARE(audit.status, 200);
        QStringList actions;
        for (const auto &e : audit.json().value(u"events"_s).toArray())
            actions.append(e.toObject().value(u"action"_s).toString());
        QVERIFY(actions.contains(u"CONNECTION_CREATE"_s));
        QVERIFY(actions.contains(u"CONNECTION_UPDATE"_s));
        QVERIFY(actions.contains(u"CONNECTION_DELETE"_s));
        QCOMPARE(audit.json().value(u"pagination"_s).toObject().value(u"limit"_s).toInt(), 10);
        const QJsonObject first = audit.json().value(u"events"_s).toArray().at(0).toObject();
        QCOMPARE(first.value(u"action"_s).toString(), u"CONNECTION_DELETE"_s);
        QCOMPARE(first.value(u"targetId"_s).toString(), id);
        QCOMPARE(first.value(u"ip"_s).toString(), u"127.0.0.1"_s);
        QCOMPARE(first.value(u"actorUserId"_s).toString(), m_t->userId(u"admin@example.com"_s));
        // Every field is written, and the actor's address comes with the actor's id while the user exists.
        QCOMPARE(first.keys(),
                 (QStringList{u"action"_s, u"actorEmail"_s, u"actorUserId"_s, u"at"_s, u"details"_s, u"id"_s, u"ip"_s,
                              u"targetId"_s, u"targetType"_s, u"workspaceId"_s}));
        QCOMPARE(first.value(u"actorEmail"_s).toString(), u"admin@example.com"_s);
        QCOMPARE(first.value(u"targetType"_s).toString(), u"connection"_s);
        QCOMPARE(audit.json().value(u"pagination"_s).toObject().keys(),
                 (QStringList{u"hasMore"_s, u"limit"_s, u"offset"_s, u"total"_s}));
    }

    void credentialsFollowTheirOrigin_data()
    {
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("key"); // the key the refusal names; empty: the origin stays, no credentials needed
        QTest::newRow("another host") << QJsonObject{{u"baseUrl"_s, u"https://elsewhere.example"_s}} << u"baseUrl"_s;
        QTest::newRow("another scheme") << QJsonObject{{u"baseUrl"_s, u"http://api.hubapi.com"_s}} << u"baseUrl"_s;
        QTest::newRow("another port") << QJsonObject{{u"baseUrl"_s, u"https://api.hubapi.com:8443"_s}} << u"baseUrl"_s;
        QTest::newRow("OAuth host") << QJsonObject{{u"authBaseUrl"_s, u"https://login.elsewhere.example"_s}} << u"authBaseUrl"_s;
        QTest::newRow("removed: the provider's default") << QJsonObject{{u"baseUrl"_s, QJsonValue()}} << u"baseUrl"_s;
        QTest::newRow("same origin, other path") << QJsonObject{{u"baseUrl"_s, u"https://API.hubapi.com:443/v2"_s}} << QString();
    }
    void credentialsFollowTheirOrigin()
    {
        QFETCH(QJsonObject, config);
        QFETCH(QString, key);
        auto c = as(m_admin);
        QJsonObject body = crmBody(u"Origin CRM"_s);
        body.insert(u"config"_s, QJsonObject{{u"baseUrl"_s, u"https://api.hubapi.com"_s}});
        auto created = remember(c->post(u"/api/pipelines/connections"_s, body));
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        const QString path = u"/api/pipelines/connections/"_s + id;

        auto refused = remember(c->put(path, QJsonObject{{u"config"_s, config}}));
        if (key.isEmpty()) {
            QCOMPARE(refused.status, 200);
            QVERIFY(remember(c->del(path)).status == 204);
            return;
        }
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(u"code"_s).toString(), u"CREDENTIALS_REQUIRED"_s);
        QVERIFY2(refused.json().value(u"error"_s).toString().contains(u"config."_s + key), refused.body.constData());
        // Nothing changed: the stored key still belongs to the stored origin.
        QCOMPARE(remember(c->get(path)).json().value(u"config"_s).toObject().value(u"baseUrl"_s).toString(),
                 u"https://api.hubapi.com"_s);

        const QString newKey = Canary + u"-moved"_s;
        auto moved
            = remember(c->put(path, QJsonObject{{u"config"_s, config}, {u"credentials"_s, QJsonObject{{u"apiKey"_s, newKey}}}}));
        QCOMPARE(moved.status, 200);
        QCOMPARE(moved.json().value(u"status"_s).toString(), u"DISCONNECTED"_s);
        QCOMPARE(m_t->engine().connections()->credentials(id)->value(u"apiKey"_s).toString(), newKey);

        auto audit = remember(c->get(u"/api/audit-log?limit=1"_s));
        const QJsonObject entry = audit.json().value(u"events"_s).toArray().at(0).toObject();
        QCOMPARE(entry.value(u"action"_s).toString(), u"CONNECTION_UPDATE"_s);
        QCOMPARE(entry.value(u"targetId"_s).toString(), id);
        const QJsonObject origin = entry.value(u"details"_s).toObject().value(u"originChanged"_s).toArray().at(0).toObject();
        QCOMPARE(origin.value(u"key"_s).toString(), key);
        if (key == u"baseUrl"_s)
            QCOMPARE(origin.value(u"from"_s).toString(), u"https://api.hubapi.com"_s);
        QCOMPARE(origin.value(u"to"_s).toString(), config.value(key).isNull() ? QString() : config.value(key).toString());
        QVERIFY(!audit.body.contains(newKey.toUtf8()));
        QVERIFY(remember(c->del(path)).status == 204);
    }

    void variantElsewhereBringsItsCredentials()
    {
        auto c = as(m_admin);
        QJsonObject body = crmBody(u"Variant origin CRM"_s);
        body.insert(u"config"_s, QJsonObject{{u"baseUrl"_s, u"https://eu.example.test"_s}});
        auto created = remember(c->post(u"/api/pipelines/connections"_s, body));
        QCOMPARE(created.status, 201);
        const QString source = created.json().value(u"id"_s).toString();
        const QString path = u"/api/pipelines/connections/"_s + source + u"/variants"_s;
        const QJsonObject elsewhere{{u"baseUrl"_s, u"https://us.example.test"_s}};

        auto refused = remember(c->post(path, QJsonObject{{u"config"_s, elsewhere}}));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(u"code"_s).toString(), u"CREDENTIALS_REQUIRED"_s);
        QVERIFY2(refused.json().value(u"error"_s).toString().contains(u"config.baseUrl"_s), refused.body.constData());

        // Same origin: the source's credentials are copied as before.
        auto same
            = remember(c->post(path, QJsonObject{{u"config"_s, QJsonObject{{u"baseUrl"_s, u"https://eu.example.test/v2"_s}}}}));
        QCOMPARE(same.status, 201);
        QCOMPARE(m_t->engine().connections()->credentials(same.json().value(u"id"_s).toString())->value(u"apiKey"_s).toString(),
                 Canary);

        const QString usKey = Canary + u"-us"_s;
        auto moved = remember(
            c->post(path, QJsonObject{{u"config"_s, elsewhere}, {u"credentials"_s, QJsonObject{{u"apiKey"_s, usKey}}}}));
        QCOMPARE(moved.status, 201);
        const QString variant = moved.json().value(u"id"_s).toString();
        QCOMPARE(m_t->engine().connections()->credentials(variant)->value(u"apiKey"_s).toString(), usKey);
        QCOMPARE(m_t->engine().connections()->credentials(source)->value(u"apiKey"_s).toString(), Canary);
        const QJsonObject entry
            = remember(c->get(u"/api/audit-log?limit=1"_s)).json().value(u"events"_s).toArray().at(0).toObject();
        QCOMPARE(entry.value(u"action"_s).toString(), u"CONNECTION_UPDATE"_s);
        QCOMPARE(entry.value(u"targetId"_s).toString(), variant);
        QCOMPARE(entry.value(u"details"_s).toObject().value(u"originChanged"_s).toArray().at(0).toObject(),
                 (QJsonObject{{u"key"_s, u"baseUrl"_s},
                              {u"from"_s, u"https://eu.example.test"_s},
                              {u"to"_s, u"https://us.example.test"_s}}));
        // Bad credentials for the type are refused like on create.
        QCOMPARE(remember(c->post(path, QJsonObject{{u"config"_s, elsewhere}, {u"credentials"_s, QJsonObject{}}})).status, 400);
    }

    void validation_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        auto with = [](const QString &key, const QJsonValue &value) {
            QJsonObject b = crmBody();
            if (value.isUndefined())
                b.remove(key);
            else
                b.insert(key, value);
            return b;
        };
        QTest::newRow("name missing") << with(u"name"_s, QJsonValue::Undefined) << u"name"_s;
        QTest::newRow("name empty") << with(u"name"_s, u"   "_s) << u"name"_s;
        QTest::newRow("name too long") << with(u"name"_s, QString(201, u'x')) << u"name"_s;
        QTest::newRow("name not string") << with(u"name"_s, 42) << u"name"_s;
        QTest::newRow("type missing") << with(u"type"_s, QJsonValue::Undefined) << u"type"_s;
        QTest::newRow("type unknown") << with(u"type"_s, u"FAX_MACHINE"_s) << u"type"_s;
        QTest::newRow("credentials missing") << with(u"credentials"_s, QJsonValue::Undefined) << u"credentials"_s;
        QTest::newRow("credentials not object") << with(u"credentials"_s, u"key"_s) << u"credentials"_s;
        QTest::newRow("required credential missing") << with(u"credentials"_s, QJsonObject{}) << u"credentials.apiKey"_s;
        QTest::newRow("credential empty") << with(u"credentials"_s, QJsonObject{{u"apiKey"_s, u""_s}}) << u"credentials.apiKey"_s;
        QTest::newRow("credential not string")
            << with(u"credentials"_s, QJsonObject{{u"apiKey"_s, 5}}) << u"credentials.apiKey"_s;
        QTest::newRow("unknown credential") << with(u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k"_s}, {u"pin"_s, u"1"_s}})
                                            << u"credentials.pin"_s;
        QTest::newRow("schedule frequency") << with(u"schedule"_s,
                                                    QJsonObject{{u"enabled"_s, true}, {u"frequency"_s, u"yearly"_s}})
                                            << u"schedule.frequency"_s;
        QTest::newRow("schedule enabled") << with(u"schedule"_s, QJsonObject{{u"enabled"_s, u"yes"_s}}) << u"schedule.enabled"_s;
        QTest::newRow("schedule not object") << with(u"schedule"_s, u"daily"_s) << u"schedule"_s;
        QTest::newRow("notifyUserIds not array") << with(u"notifyUserIds"_s, u"x"_s) << u"notifyUserIds"_s;
        QTest::newRow("notifyUserIds stranger")
            << with(u"notifyUserIds"_s, QJsonArray{u"cnotamembernotamembernota"_s}) << u"notifyUserIds"_s;
        QTest::newRow("config not object") << with(u"config"_s, QJsonArray{}) << u"config"_s;
        QTest::newRow("config baseUrl") << with(u"config"_s, QJsonObject{{u"baseUrl"_s, u"file:///etc/passwd"_s}})
                                        << u"config.baseUrl"_s;
        QTest::newRow("unknown field") << with(u"colour"_s, u"blue"_s) << u"colour"_s;
        QTest::newRow("webhookToken format") << with(u"webhookToken"_s, u"abc"_s) << u"webhookToken"_s;
        QJsonObject support{{u"name"_s, u"Help"_s},
                            {u"type"_s, u"SUPPORT"_s},
                            {u"credentials"_s, QJsonObject{{u"email"_s, u"a@b.c"_s}, {u"apiToken"_s, u"t"_s}}}};
        QTest::newRow("SUPPORT subdomain required") << support << u"config.subdomain"_s;
        QJsonObject registry{{u"name"_s, u"Reg"_s},
                             {u"type"_s, u"REGISTRY"_s},
                             {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"k"_s}}},
                             {u"config"_s, QJsonObject{{u"companyNumbers"_s, QJsonArray{1, 2}}}}};
        QTest::newRow("REGISTRY companyNumbers strings") << registry << u"config.companyNumbers"_s;
        registry.insert(u"config"_s, QJsonObject{{u"companyNumbers"_s, QJsonArray{u"00445790"_s, u"445790"_s}}});
        QTest::newRow("REGISTRY company number shape")
            << registry << u"config.companyNumbers: \"445790\" is not a company number"_s;
        QJsonObject github{{u"name"_s, u"Code"_s},
                           {u"type"_s, u"DEVELOPMENT"_s},
                           {u"credentials"_s, QJsonObject{{u"token"_s, u"t"_s}}},
                           {u"config"_s, QJsonObject{{u"repositories"_s, QJsonArray{u"acme/api"_s, u"noslash"_s}}}}};
        QTest::newRow("DEVELOPMENT repositories owner/name") << github << u"config.repositories: \"noslash\" is not owner/name"_s;
    }
    void validation()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        auto r = remember(as(m_owner)->post(u"/api/pipelines/connections"_s, body));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"code"_s).toString(), u"VALIDATION_ERROR"_s);
        const QString message = r.json().value(u"error"_s).toString();
        QVERIFY2(message.startsWith(field), qPrintable(message));
    }

    void updateValidation()
    {
        auto c = as(m_owner);
        const QString id = c->post(u"/api/pipelines/connections"_s, crmBody(u"Upd"_s)).json().value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());
        const QString path = u"/api/pipelines/connections/"_s + id;
        QCOMPARE(remember(c->put(path, QJsonObject{{u"type"_s, u"MEETINGS"_s}})).status, 400);
        QCOMPARE(remember(c->put(path, QJsonObject{{u"name"_s, u""_s}})).status, 400);
        QCOMPARE(remember(c->put(path, QJsonObject{{u"schedule"_s, QJsonObject{{u"frequency"_s, u"never"_s}}}})).status, 400);
        QCOMPARE(remember(c->put(path, QJsonObject{{u"credentials"_s, QJsonObject{}}})).status, 400);
        QCOMPARE(remember(c->put(path, QJsonObject{{u"bogus"_s, 1}})).status, 400);
        // A GET object sent back as-is is accepted (read-only members are ignored).
        const QJsonObject current = c->get(path).json();
        auto same = remember(c->put(path, current));
        QCOMPARE(same.status, 200);
        QCOMPARE(same.json().value(u"name"_s).toString(), u"Upd"_s);
    }

    void notFoundAndMethods()
    {
        auto c = as(m_owner);
        auto r = remember(c->get(u"/api/pipelines/connections/cdoesnotexistdoesnotexist"_s));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(u"code"_s).toString(), u"NOT_FOUND"_s);
        QCOMPARE(remember(c->get(u"/api/nope"_s)).status, 404);
        auto m = remember(c->request("PATCH", u"/api/pipelines/connections"_s, "{}"));
        QCOMPARE(m.status, 405);
        QCOMPARE(m.header("Allow"), QByteArray("GET, POST"));
        QCOMPARE(m.json().value(u"code"_s).toString(), u"METHOD_NOT_ALLOWED"_s);
        QCOMPARE(remember(c->request("DELETE", u"/api/me"_s)).status, 405);
        QCOMPARE(m.header("Cache-Control"), QByteArray("no-store"));
    }

    void otherWorkspaceIdsAreNotFound()
    {
        auto mine = as(m_owner)->post(u"/api/pipelines/connections"_s, crmBody(u"Mine"_s));
        QCOMPARE(mine.status, 201);
        const QString path = u"/api/pipelines/connections/"_s + mine.json().value(u"id"_s).toString();
        auto other = as(m_outsider);
        QCOMPARE(remember(other->get(path)).status, 404);
        QCOMPARE(remember(other->put(path, QJsonObject{{u"name"_s, u"Stolen"_s}})).status, 404);
        QCOMPARE(remember(other->del(path)).status, 404);
        QCOMPARE(as(m_owner)->get(path).json().value(u"name"_s).toString(), u"Mine"_s);
        // …and the other workspace's list does not show it; nor does its audit log.
        for (const auto &c : other->get(u"/api/pipelines/connections"_s).json().value(u"connections"_s).toArray())
            QVERIFY(c.toObject().value(u"name"_s).toString() != u"Mine"_s);
        QCOMPARE(other->get(u"/api/audit-log"_s).json().value(u"pagination"_s).toObject().value(u"total"_s).toInt(), 0);
    }

    void roleMatrix_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        struct Op
        {
            QByteArray method;
            QString path;
            int viewer, member, admin, owner;
        };
        const QList<Op> ops{
            {"GET", u"/api/pipelines/connections"_s, 200, 200, 200, 200},
            {"GET", u"/api/pipelines/connections/:id"_s, 200, 200, 200, 200},
            {"POST", u"/api/pipelines/connections"_s, 403, 403, 201, 201},
            {"PUT", u"/api/pipelines/connections/:id"_s, 403, 403, 200, 200},
            {"DELETE", u"/api/pipelines/connections/:id"_s, 403, 403, 204, 204},
            {"GET", u"/api/pipelines/connector-types"_s, 200, 200, 200, 200},
            {"GET", u"/api/audit-log"_s, 403, 403, 200, 200},
            {"GET", u"/api/me"_s, 200, 200, 200, 200},
            {"GET", u"/api/workspace/members"_s, 200, 200, 200, 200},
        };
        for (const auto &op : ops) {
            const QList<QPair<QString, int>> roles{
                {u"VIEWER"_s, op.viewer}, {u"MEMBER"_s, op.member}, {u"ADMIN"_s, op.admin}, {u"OWNER"_s, op.owner}};
            for (const auto &[role, status] : roles)
                QTest::addRow("%s %s %s", qPrintable(role), op.method.constData(), qPrintable(op.path))
                    << role << op.method << op.path << status;
        }
    }
    void roleMatrix()
    {
        QFETCH(QString, role);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        const QString token = role == u"VIEWER"_s ? m_viewer
            : role == u"MEMBER"_s                 ? m_member
            : role == u"ADMIN"_s                  ? m_admin
                                                  : m_owner;
        // A fresh target per row, created by the owner, so that DELETE rows do not depend on each other.
        auto created = as(m_owner)->post(u"/api/pipelines/connections"_s, crmBody(u"Role target"_s));
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        QString p = path;
        p.replace(u":id"_s, id);
        QByteArray body;
        if (method == "POST")
            body = QJsonDocument(crmBody(u"By "_s + role)).toJson();
        else if (method == "PUT")
            body = QJsonDocument(QJsonObject{{u"name"_s, QString(u"Renamed by "_s + role)}}).toJson();
        auto r = remember(as(token)->request(method, p, body, {{"Content-Type", "application/json"}}));
        QCOMPARE(r.status, status);
        if (status == 403)
            QCOMPARE(r.json().value(u"code"_s).toString(), u"FORBIDDEN"_s);
        // A refused change changed nothing.
        if (status == 403 && method != "GET")
            QCOMPARE(as(m_owner)->get(u"/api/pipelines/connections/"_s + id).json().value(u"name"_s).toString(),
                     u"Role target"_s);
    }

    void importedWebhookToken()
    {
        const QString hex = QString::fromLatin1(QByteArray(32, '\x5a').toHex());
        QJsonObject body = crmBody(u"Migrated"_s);
        body.insert(u"webhookToken"_s, hex);
        QCOMPARE(remember(as(m_member)->post(u"/api/pipelines/connections"_s, body)).status, 403);
        auto r = remember(as(m_admin)->post(u"/api/pipelines/connections"_s, body));
        QCOMPARE(r.status, 201);
        QVERIFY(!r.body.contains(hex.toLatin1()));
        // The same 32 bytes in the current encoding are the same token: a second import conflicts.
        body.insert(
            u"webhookToken"_s,
            QString(u"whk_"_s
                    + QString::fromLatin1(
                        QByteArray(32, '\x5a').toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))));
        body.insert(u"name"_s, u"Migrated twice"_s);
        auto dup = remember(as(m_admin)->post(u"/api/pipelines/connections"_s, body));
        QCOMPARE(dup.status, 409);
    }

    void canaryNeverLeaks()
    {
        // Runs last: every response body and header seen above, then the raw database files.
        QVERIFY(m_allResponses.size() > 50);
        for (const auto &bytes : std::as_const(m_allResponses))
            QVERIFY2(!bytes.contains(Canary.toUtf8()), bytes.left(200).constData());
        auto audit = as(m_owner)->get(u"/api/audit-log?limit=500"_s);
        QVERIFY(!audit.body.contains("CANARY"));
        // Checkpoint so that the WAL content is in the main file too, then read every file raw.
        QDirIterator it(m_t->dataDir(), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray raw = f.readAll();
            QVERIFY2(!raw.contains("CANARY-7f3a9c1e"), qPrintable(f.fileName()));
            QVERIFY2(!raw.contains(QByteArray("CANARY-7f3a9c1e").toBase64().left(16)), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files >= 2);
    }
};

QTEST_GUILESS_MAIN(TestApiConnections)
#include "tst_api_connections.moc"
