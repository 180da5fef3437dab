// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/store/database.h"
#include "testengine.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** ConnectionService below the API: credential storage and the rotation of shared OAuth tokens. */
class TestConnectionService : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TestEngine> m_t;
    Caller m_caller;

    QString create(const QString &name)
    {
        auto r = m_t->engine().connections()->create(
            m_caller,
            ConnectionDraft{.name = name,
                            .type = u"ACCOUNTING"_s,
                            .credentials = QJsonObject{{u"client_id"_s, u"id"_s}, {u"client_secret"_s, u"secret"_s}}});
        return r ? r->id : QString();
    }
    [[nodiscard]] bool setGroup(const QString &id, const QString &group)
    {
        SqlQuery q(m_t->engine().metadata()->connection(), u"UPDATE connections SET variant_group_id = ? WHERE id = ?"_s);
        q.bind(group).bind(id);
        return q.exec();
    }
    QJsonObject tokens(const QString &refresh, const QString &access)
    {
        return QJsonObject{{u"client_id"_s, u"id"_s},
                           {u"client_secret"_s, u"secret"_s},
                           {u"refresh_token"_s, refresh},
                           {u"access_token"_s, access},
                           {u"expires_at"_s, u"2030-01-01T00:00:00.000Z"_s}};
    }
    QString refreshOf(const QString &id)
    {
        return m_t->engine().connections()->credentials(id)->value(u"refresh_token"_s).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>(false);
        QVERIFY(m_t->ok());
        m_t->addUser(u"owner@example.com"_s, Role::Owner);
        auto caller = m_t->engine().identity()->callerFor(m_t->userId(u"owner@example.com"_s), m_t->workspaceId());
        QVERIFY(caller.ok());
        m_caller = *caller;
    }

    void rotationReachesVariantsThatSharedTheToken()
    {
        auto *connections = m_t->engine().connections();
        const QString a = create(u"Xero"_s), b = create(u"Xero (2)"_s), c = create(u"Xero (3)"_s), d = create(u"Other"_s);
        QVERIFY(setGroup(a, u"group-1"_s));
        QVERIFY(setGroup(b, u"group-1"_s));
        QVERIFY(setGroup(c, u"group-1"_s));
        QVERIFY(setGroup(d, u"group-2"_s));
        QVERIFY(connections->storeCredentials(a, tokens(u"r1"_s, u"a1"_s)).ok());
        QVERIFY(connections->storeCredentials(b, tokens(u"r1"_s, u"a1"_s)).ok());
        QVERIFY(connections->storeCredentials(c, tokens(u"own"_s, u"x"_s)).ok());
        QVERIFY(connections->storeCredentials(d, tokens(u"r1"_s, u"a1"_s)).ok());

        QVERIFY(connections->storeCredentials(a, tokens(u"r2"_s, u"a2"_s)).ok());
        QCOMPARE(refreshOf(a), u"r2"_s);
        QCOMPARE(refreshOf(b), u"r2"_s); // same group, same old token: follows the rotation
        QCOMPARE(connections->credentials(b)->value(u"access_token"_s).toString(), u"a2"_s);
        QCOMPARE(connections->credentials(b)->value(u"client_secret"_s).toString(), u"secret"_s);
        QCOMPARE(refreshOf(c), u"own"_s); // its own authorization is left alone
        QCOMPARE(refreshOf(d), u"r1"_s); // another group is never touched
    }

    void credentialFieldsNameOnly()
    {
        const QString id = create(u"Fields"_s);
        QVERIFY(m_t->engine().connections()->storeCredentials(id, tokens(u"r"_s, u"a"_s)).ok());
        auto r = m_t->engine().connections()->record(m_caller, id);
        QVERIFY(r);
        QCOMPARE(r->credentialFields.size(), 5);
        const QJsonObject o = m_t->engine().connectionJson().toJson(*r);
        QCOMPARE(o.value(u"credentialFields"_s).toArray().size(), 5);
        QVERIFY(!QJsonDocument(o).toJson().contains("\"a\""));
    }

    void draftFromJson_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("error"); // empty: the body reads
        const QJsonObject credentials{{u"apiKey"_s, u"k"_s}};
        const QJsonObject good{{u"name"_s, u"CRM"_s}, {u"type"_s, u"CRM_PLATFORM"_s}, {u"credentials"_s, credentials}};
        auto with = [&good](const QString &key, const QJsonValue &value) {
            QJsonObject o = good;
            o.insert(key, value);
            return o;
        };
        QTest::newRow("minimal") << good << QString();
        QTest::newRow("unknown field") << with(u"colour"_s, u"red"_s) << u"colour: unknown field"_s;
        QTest::newRow("name not a string") << with(u"name"_s, 5) << u"name: required"_s;
        QTest::newRow("type missing") << QJsonObject{{u"name"_s, u"x"_s}, {u"credentials"_s, credentials}} << u"type: required"_s;
        QTest::newRow("credentials not an object") << with(u"credentials"_s, u"k"_s) << u"credentials: required, an object"_s;
        QTest::newRow("config an array") << with(u"config"_s, QJsonArray{}) << u"config: must be an object"_s;
        QTest::newRow("config null") << with(u"config"_s, QJsonValue()) << QString();
        QTest::newRow("schedule a string") << with(u"schedule"_s, u"daily"_s) << u"schedule: must be an object"_s;
        QTest::newRow("recipients not ids") << with(u"notifyUserIds"_s, QJsonArray{1}) << u"notifyUserIds: must be an array"_s;
        QTest::newRow("enabled null") << with(u"enabled"_s, QJsonValue()) << u"enabled: must be true or false"_s;
        QTest::newRow("token not a string") << with(u"webhookToken"_s, 7) << u"webhookToken: must be a string"_s;
    }

    void draftFromJson()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, error);
        auto draft = ConnectionDraft::fromJson(body);
        if (error.isEmpty()) {
            QVERIFY2(draft, qPrintable(draft ? QString() : draft.error().message));
            QCOMPARE(draft->name, body.value(u"name"_s).toString());
            QVERIFY(draft->enabled);
            QVERIFY(!draft->webhookToken);
        } else {
            QVERIFY(!draft);
            QVERIFY2(draft.error().message.startsWith(error), qPrintable(draft.error().message));
            QCOMPARE(draft.error().kind, Error::Kind::Invalid);
        }
    }

    void changeIgnoresReadOnlyMembers()
    {
        // What GET gives can be sent back: the read-only members are accepted and change nothing.
        auto change = ConnectionChange::fromJson(
            QJsonObject{{u"id"_s, u"x"_s}, {u"lastRun"_s, QJsonValue()}, {u"status"_s, u"CONNECTED"_s}, {u"name"_s, u"N"_s}});
        QVERIFY(change);
        QCOMPARE(change->name, std::optional<QString>(u"N"_s));
        QVERIFY(!change->config && !change->schedule && !change->credentials && !change->enabled);
        QVERIFY(!ConnectionChange::fromJson(QJsonObject{{u"colour"_s, 1}}));
        // A null schedule is an empty patch; null recipients mean everyone.
        change = ConnectionChange::fromJson(QJsonObject{{u"schedule"_s, QJsonValue()}, {u"notifyUserIds"_s, QJsonValue()}});
        QVERIFY(change);
        QCOMPARE(change->schedule, std::optional<QJsonObject>(QJsonObject()));
        QCOMPARE(change->notifyUserIds, std::optional<QStringList>(QStringList()));
    }

    void updateMergesConfigAndReplacesCredentials()
    {
        auto *connections = m_t->engine().connections();
        auto created = connections->create(
            m_caller,
            ConnectionDraft{.name = u"Merge"_s,
                            .type = u"SUPPORT"_s,
                            .credentials = QJsonObject{{u"email"_s, u"a@example.com"_s}, {u"apiToken"_s, u"t1"_s}},
                            .config = QJsonObject{{u"subdomain"_s, u"acme"_s}, {u"createOwnTables"_s, true}}});
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        QCOMPARE(created->status, u"DISCONNECTED"_s);
        QVERIFY(connections->setStatus(created->id, u"CONNECTED"_s, QString()).ok());

        ConnectionChange change;
        change.config = QJsonObject{{u"createOwnTables"_s, QJsonValue()}, {u"subdomain"_s, u"other"_s}};
        auto updated = connections->update(m_caller, created->id, change);
        QVERIFY2(updated, qPrintable(updated ? QString() : updated.error().message));
        QCOMPARE(updated->config, (QJsonObject{{u"subdomain"_s, u"other"_s}}));
        QCOMPARE(updated->status, u"CONNECTED"_s); // credentials untouched: still known to work

        change = {};
        change.credentials = QJsonObject{{u"email"_s, u"b@example.com"_s}, {u"apiToken"_s, u"t2"_s}};
        updated = connections->update(m_caller, created->id, change);
        QVERIFY(updated);
        QCOMPARE(updated->status, u"DISCONNECTED"_s);
        QCOMPARE(updated->credentialFields, (QStringList{u"apiToken"_s, u"email"_s}));
        QCOMPARE(connections->credentials(created->id)->value(u"apiToken"_s).toString(), u"t2"_s);

        change = {};
        change.type = u"CRM_PLATFORM"_s;
        updated = connections->update(m_caller, created->id, change);
        QVERIFY(!updated);
        QCOMPARE(updated.error().kind, Error::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestConnectionService)
#include "tst_connectionservice.moc"
