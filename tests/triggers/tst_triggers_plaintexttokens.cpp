// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/ids.h"
#include "engine/api/apiserver.h"
#include "engine/security/vault.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/services/webhookservice.h"
#include "engine/store/database.h"
#include "engine/store/schema.h"
#include "httpclient.h"
#include "testengine.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

/** The data dir's files that contain `needle`, with their sizes. */
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        if (f.readAll().contains(needle))
            hits.append(path);
    }
    return hits;
}

} // namespace

/**
 * The legacy webhook token path end to end: a schema-version-1 database with
 * plaintext hex tokens is upgraded by the current engine, which seals every plaintext token when
 * its vault opens, so that no file of the data directory holds one any more; both the old hex URL
 * and the URL the reveal gives reach the same connection.
 */
class TestTriggersPlaintextTokens : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QByteArray m_bytes; // the revealed connection's token
    QString m_hex;
    QByteArray m_otherBytes; // a second legacy connection that is never revealed
    QString m_connection;
    QString m_other;
    QString m_tokenless; // a version-1 row that never had a token
    QString m_workspace;

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(m_dir.isValid());
        m_bytes = Ids::randomBytes(32);
        m_hex = QString::fromLatin1(m_bytes.toHex());
        m_otherBytes = Ids::randomBytes(32);
        m_connection = Ids::newId();
        m_other = Ids::newId();
        m_tokenless = Ids::newId();
        m_workspace = Ids::newId();

        // An installation as schema version 1 left it.
        Database old(m_dir.path() + u"/opbox.db"_s, Schema::upTo(Schema::metadataMigrations(), 1), u"metadata"_s);
        QVERIFY(old.open());
        QCOMPARE(old.schemaVersion(), 1);
        const QString now = Ids::isoNow();
        {
            SqlQuery ws(old.connection(), u"INSERT INTO workspaces(id, name, created_at) VALUES(?, 'Default', ?)"_s);
            QVERIFY(ws.bind(m_workspace).bind(now).exec());
            for (const auto &[id, bytes, name] :
                 {std::tuple{m_connection, m_bytes, u"Legacy CRM"_s}, std::tuple{m_other, m_otherBytes, u"Other legacy"_s}}) {
                SqlQuery c(
                    old.connection(),
                    u"INSERT INTO connections(id, workspace_id, name, type, schedule, webhook_token, created_at, updated_at)"
                    " VALUES(?, ?, ?, 'CRM_PLATFORM', '{\"enabled\":false,\"frequency\":\"daily\"}', ?, ?, ?)"_s);
                QVERIFY(
                    c.bind(id).bind(m_workspace).bind(name).bind(QString::fromLatin1(bytes.toHex())).bind(now).bind(now).exec());
            }
            SqlQuery c(old.connection(),
                       u"INSERT INTO connections(id, workspace_id, name, type, schedule, created_at, updated_at)"
                       " VALUES(?, ?, 'Tokenless', 'CRM_PLATFORM', '{}', ?, ?)"_s);
            QVERIFY(c.bind(m_tokenless).bind(m_workspace).bind(now).bind(now).exec());
        }
        old.closeThisThread();
        // The test can fail: the plaintext really is in the file before the upgrade.
        QVERIFY(!filesContaining(m_dir.path(), m_hex.toLatin1()).isEmpty());
    }

    void upgradeRevealAndTrigger()
    {
        Engine engine(m_dir.path());
        QVERIFY(engine.open());
        QCOMPARE(engine.metadata()->schemaVersion(), engine.metadata()->latestVersion());
        QVERIFY(engine.unlockWithKey(Vault::generateKey()));
        ApiServer api(&engine);
        auto port = api.start(QHostAddress(QHostAddress::LocalHost), 0);
        QVERIFY(port);
        auto ws = engine.identity()->ensureWorkspace(u"Default"_s);
        QVERIFY(ws);
        QCOMPARE(*ws, m_workspace);
        auto user = engine.identity()->ensureUser(u"owner@example.com"_s);
        QVERIFY(user);
        QVERIFY(engine.identity()->setMembership(*user, *ws, Role::Owner));
        auto token = engine.identity()->createToken(*user, u"test"_s);
        QVERIFY(token);

        QUrl base;
        base.setScheme(u"http"_s);
        base.setHost(u"127.0.0.1"_s);
        base.setPort(*port);
        Test::HttpClient anonymous(base);
        Test::HttpClient owner(base);
        owner.setToken(*token);
        auto runCount = [&](const QString &id) {
            return owner.get(u"/api/pipelines/connections/"_s + id + u"/runs"_s).json().value(u"runs"_s).toArray().size();
        };
        auto stopAll = [&](const QString &id) {
            for (const auto &v :
                 owner.get(u"/api/pipelines/connections/"_s + id + u"/runs"_s).json().value(u"runs"_s).toArray()) {
                const QJsonObject run = v.toObject();
                if (run.value(u"status"_s) == u"PENDING"_s || run.value(u"status"_s) == u"RUNNING"_s)
                    (void)owner.post(u"/api/pipelines/connections/"_s + id + u"/runs/"_s + run.value(u"id"_s).toString(), {});
            }
        };

        // Before any reveal, the old hex URL still works (the migration hashed it).
        auto before = anonymous.post(u"/api/pipelines/webhook/"_s + m_hex, {});
        QCOMPARE(before.status, 202);
        QCOMPARE(before.json().value(u"message"_s).toString(), u"Sync triggered"_s);
        QCOMPARE(runCount(m_connection), 1);
        stopAll(m_connection);

        // Reveal: the current encoding of the same 32 bytes.
        auto reveal = owner.post(u"/api/pipelines/connections/"_s + m_connection + u"/webhook-url"_s, {});
        QCOMPARE(reveal.status, 200);
        QCOMPARE(reveal.header("Cache-Control"), QByteArray("no-store"));
        const QString url = reveal.json().value(u"webhookUrl"_s).toString();
        const QString newToken = url.mid(url.lastIndexOf(u'/') + 1);
        QCOMPARE(newToken, WebhookService::formatToken(m_bytes));
        QCOMPARE(reveal.json().value(u"tokenPrefix"_s).toString(), newToken.left(8) + u"..."_s);

        // The row is upgraded: no plaintext, hash and ciphertext present.
        {
            SqlQuery q(engine.metadata()->connection(),
                       u"SELECT webhook_token, webhook_token_hash, webhook_token_enc FROM connections WHERE id = ?"_s);
            QVERIFY(q.bind(m_connection).exec() && q.next());
            QVERIFY(q.value(0).isNull());
            QCOMPARE(q.value(1).toByteArray(), Ids::sha256(m_bytes));
            QVERIFY(!q.value(2).toByteArray().isEmpty());
            QVERIFY(!q.value(2).toByteArray().contains(m_bytes));
        }
        // The audit entry says what happened and holds no token.
        auto audit = owner.get(u"/api/audit-log?action=VIEW_SECRET"_s);
        const QJsonObject event = audit.json().value(u"events"_s).toArray().first().toObject();
        QCOMPARE(event.value(u"targetId"_s).toString(), m_connection);
        // Already sealed when the vault opened, so the reveal had nothing left to upgrade.
        QCOMPARE(event.value(u"details"_s).toObject().value(u"legacyTokenUpgraded"_s).toBool(), false);
        QVERIFY(!audit.body.contains(m_hex.toLatin1()) && !audit.body.contains(newToken.toLatin1()));

        // Both URLs reach the same connection.
        auto viaNew = anonymous.post(u"/api/pipelines/webhook/"_s + newToken, {});
        QCOMPARE(viaNew.status, 202);
        QCOMPARE(viaNew.json().value(u"message"_s).toString(), u"Sync triggered"_s);
        QCOMPARE(runCount(m_connection), 2);
        auto viaOld = anonymous.post(u"/api/pipelines/webhook/"_s + m_hex, {});
        QCOMPARE(viaOld.status, 202);
        QCOMPARE(viaOld.json().value(u"message"_s).toString(), u"Sync already in progress"_s);
        stopAll(m_connection);
        auto viaOldAgain = anonymous.post(u"/api/pipelines/webhook/"_s + m_hex, {});
        QCOMPARE(viaOldAgain.json().value(u"message"_s).toString(), u"Sync triggered"_s);
        QCOMPARE(runCount(m_connection), 3);
        QCOMPARE(runCount(m_other), 0);
        stopAll(m_connection);

        // A second reveal changes nothing.
        auto again = owner.post(u"/api/pipelines/connections/"_s + m_connection + u"/webhook-url"_s, {});
        QCOMPARE(again.json().value(u"webhookUrl"_s).toString(), url);

        // The never-revealed legacy connection keeps working by its hex URL.
        auto other = anonymous.post(u"/api/pipelines/webhook/"_s + QString::fromLatin1(m_otherBytes.toHex()), {});
        QCOMPARE(other.status, 202);
        QCOMPARE(runCount(m_other), 1);
        stopAll(m_other);

        // A row without any token gets one at its first reveal, and it works.
        auto issued = owner.post(u"/api/pipelines/connections/"_s + m_tokenless + u"/webhook-url"_s, {});
        QCOMPARE(issued.status, 200);
        const QString issuedUrl = issued.json().value(u"webhookUrl"_s).toString();
        const QString issuedToken = issuedUrl.mid(issuedUrl.lastIndexOf(u'/') + 1);
        QVERIFY(issuedToken.startsWith(u"whk_"_s) && issuedToken != newToken);
        QCOMPARE(owner.post(u"/api/pipelines/connections/"_s + m_tokenless + u"/webhook-url"_s, {})
                     .json()
                     .value(u"webhookUrl"_s)
                     .toString(),
                 issuedUrl);
        QCOMPARE(anonymous.post(u"/api/pipelines/webhook/"_s + issuedToken, {}).status, 202);
        QCOMPARE(runCount(m_tokenless), 1);
        stopAll(m_tokenless);

        // While the engine is still running (WAL and all): the plaintext is gone from every file.
        QCOMPARE(filesContaining(m_dir.path(), m_hex.toLatin1()), QStringList());
        QCOMPARE(filesContaining(m_dir.path(), newToken.toLatin1()), QStringList());
        QCOMPARE(filesContaining(m_dir.path(), m_bytes), QStringList());
        api.stop();
    }

    void nothingLeftAfterClose()
    {
        QCOMPARE(filesContaining(m_dir.path(), m_hex.toLatin1()), QStringList());
        QCOMPARE(filesContaining(m_dir.path(), m_bytes), QStringList());
        // The legacy token that was never revealed was sealed when the vault opened, too (the
        // initial check shows that the search looks at the right bytes).
        QCOMPARE(filesContaining(m_dir.path(), m_otherBytes.toHex()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestTriggersPlaintextTokens)
#include "tst_triggers_plaintexttokens.moc"
