// SPDX-License-Identifier: GPL-3.0-or-later
// A wrong master key end to end, on a data directory written before key-check values existed: it
// holds sealed secrets but no check row, so the key must prove itself on a secret. A wrong one is
// refused with a clear error and changes nothing; the right one opens the secrets and leaves a
// check row behind.
#include "engine/security/masterkeyloader.h"
#include "engine/security/vault.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/store/database.h"
#include "fakesecretstore.h"
#include "testengine.h"

#include <QCoroTask>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

const QString WorkspaceId = u"cworkspace000000000000001"_s;
const QString ConnectionId = u"cconnection00000000000001"_s;
const QString OtherConnectionId = u"cconnection00000000000002"_s;
const QJsonObject StoredCredentials{{u"apiKey"_s, u"pat-na1-legacy-secret"_s}};

enum class Source { Environment, Keychain, File };
enum class Secret { Credentials, WebhookToken, OAuthVerifier, DamagedThenCredentials };

struct EnvGuard
{
    QByteArray old = qgetenv("OPBOX_MASTER_KEY");
    EnvGuard() { qunsetenv("OPBOX_MASTER_KEY"); }
    ~EnvGuard()
    {
        if (old.isEmpty())
            qunsetenv("OPBOX_MASTER_KEY");
        else
            qputenv("OPBOX_MASTER_KEY", old);
    }
};

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

/** Everything sealed or key-related in opbox.db, to compare before and after a refused start. */
QByteArray sealedState(const QSqlDatabase &db)
{
    QByteArray state;
    QSqlQuery q(db);
    if (q.exec(u"SELECT id, credentials, webhook_token_enc FROM connections ORDER BY id"_s)) {
        while (q.next())
            state += q.value(0).toByteArray() + q.value(1).toByteArray().toHex() + q.value(2).toByteArray().toHex() + '\n';
    }
    if (q.exec(u"SELECT id, verifier FROM oauth_states ORDER BY id"_s)) {
        while (q.next())
            state += q.value(0).toByteArray() + q.value(1).toByteArray().toHex() + '\n';
    }
    if (q.exec(u"SELECT key, value FROM settings ORDER BY key"_s)) {
        while (q.next())
            state += q.value(0).toByteArray() + '=' + q.value(1).toByteArray() + '\n';
    }
    return state;
}

/**
 * A data directory as an older build left it: migrated, with secrets sealed under `key` and no
 * key-check row.
 */
bool writeLegacyDataDir(const QString &dir, const QByteArray &key, Secret secret)
{
    Engine engine(dir);
    if (!engine.open().ok())
        return false;
    const Vault vault(key);
    const QSqlDatabase db = engine.metadata()->connection();
    const QString at = u"2025-06-01T08:00:00.000Z"_s;
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO workspaces(id, name, created_at) VALUES(?, 'Default', ?)"_s);
    q.addBindValue(WorkspaceId);
    q.addBindValue(at);
    if (!q.exec())
        return false;
    const auto insertConnection = [&](const QString &id, const QVariant &credentials, const QVariant &webhook) {
        QSqlQuery c(db);
        c.prepare(
            u"INSERT INTO connections(id, workspace_id, name, type, schedule, credentials, credential_fields,"
            " webhook_token_enc, created_at, updated_at) VALUES(?, ?, ?, 'CRM_PLATFORM', '{}', ?, '[\"apiKey\"]', ?, ?, ?)"_s);
        for (const QVariant &v :
             {QVariant(id), QVariant(WorkspaceId), QVariant(id), credentials, webhook, QVariant(at), QVariant(at)})
            c.addBindValue(v);
        return c.exec();
    };
    const auto sealed = [](const Result<QByteArray> &r) { return r.ok() ? QVariant(r.value()) : QVariant(); };
    switch (secret) {
    case Secret::Credentials:
        return insertConnection(ConnectionId,
                                sealed(vault.encryptJson(StoredCredentials, "credentials:" + ConnectionId.toUtf8())),
                                QVariant(QMetaType(QMetaType::QByteArray)));
    case Secret::WebhookToken:
        return insertConnection(ConnectionId, QVariant(QMetaType(QMetaType::QByteArray)),
                                sealed(vault.encrypt(QByteArray(32, '\x42'), "webhook:" + ConnectionId.toUtf8())));
    case Secret::OAuthVerifier: {
        if (!insertConnection(ConnectionId, QVariant(QMetaType(QMetaType::QByteArray)),
                              QVariant(QMetaType(QMetaType::QByteArray))))
            return false;
        QSqlQuery s(db);
        s.prepare(
            u"INSERT INTO oauth_states(id, connection_id, workspace_id, connector_type, redirect_uri, verifier,"
            " created_at, expires_at) VALUES('cstate0000000000000000001', ?, ?, 'CRM_PLATFORM', 'http://127.0.0.1/cb', ?, ?, 1900000000)"_s);
        s.addBindValue(ConnectionId);
        s.addBindValue(WorkspaceId);
        s.addBindValue(vault.encrypt("verifier", "oauth-verifier:cstate0000000000000000001").value());
        s.addBindValue(at);
        return s.exec();
    }
    case Secret::DamagedThenCredentials: {
        QByteArray damaged = vault.encryptJson(StoredCredentials, "credentials:" + OtherConnectionId.toUtf8()).value();
        damaged[damaged.size() - 1] = char(damaged.at(damaged.size() - 1) ^ 0x01);
        // The damaged one is stored first, so it is the first one tried.
        return insertConnection(OtherConnectionId, damaged, QVariant(QMetaType(QMetaType::QByteArray)))
            && insertConnection(ConnectionId,
                                sealed(vault.encryptJson(StoredCredentials, "credentials:" + ConnectionId.toUtf8())),
                                QVariant(QMetaType(QMetaType::QByteArray)));
    }
    }
    return false;
}

/** Puts `key` where `source` says and returns what the error should name as its origin. */
QString offerKey(Source source, const QByteArray &key, const QString &dir, Test::FakeSecretStore &store)
{
    switch (source) {
    case Source::Environment: qputenv("OPBOX_MASTER_KEY", key.toBase64()); return u"OPBOX_MASTER_KEY"_s;
    case Source::Keychain: store.entries.insert(MasterKeyLoader(dir, nullptr, &store).keychainKey(), key); return u"keychain"_s;
    case Source::File: {
        store.available = false;
        QFile file(dir + u"/master.key"_s);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(key.toBase64() + '\n');
        file.close();
        QFile::setPermissions(file.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return u"master.key"_s;
    }
    }
    return {};
}

} // namespace

/** MasterKeyLoader through Engine::unlock on a data directory with secrets but no key check. */
class TestMasterKey : public QObject
{
    Q_OBJECT

    static void addRows()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<int>("secret");
        const QList<QPair<const char *, Source>> sources{
            {"env", Source::Environment}, {"keychain", Source::Keychain}, {"file", Source::File}};
        const QList<QPair<const char *, Secret>> secrets{{"credentials", Secret::Credentials},
                                                         {"webhook token", Secret::WebhookToken},
                                                         {"OAuth verifier", Secret::OAuthVerifier},
                                                         {"damaged value first", Secret::DamagedThenCredentials}};
        for (const auto &[sourceName, source] : sources) {
            for (const auto &[secretName, secret] : secrets)
                QTest::addRow("%s, %s", sourceName, secretName) << int(source) << int(secret);
        }
    }

private Q_SLOTS:
    void initTestCase() { Test::pinEnvironment(); }

    void wrongKeyIsRefused_data() { addRows(); }
    void wrongKeyIsRefused()
    {
        QFETCH(int, source);
        QFETCH(int, secret);
        EnvGuard guard;
        QTemporaryDir dir;
        QVERIFY(writeLegacyDataDir(dir.path(), Vault::generateKey(), Secret(secret)));
        Test::FakeSecretStore store;
        const QByteArray wrong = Vault::generateKey();
        const QString where = offerKey(Source(source), wrong, dir.path(), store);
        const QHash<QString, QByteArray> keychainBefore = store.entries;
        QFile keyFile(dir.filePath(u"master.key"_s));
        const QByteArray keyFileBefore = keyFile.open(QIODevice::ReadOnly) ? keyFile.readAll() : QByteArray();
        keyFile.close();

        Engine engine(dir.path());
        QVERIFY(engine.open().ok());
        const QByteArray before = sealedState(engine.metadata()->connection());
        const auto unlocked = QCoro::waitFor(engine.unlock(&store));
        QVERIFY(!unlocked.ok());
        QVERIFY(!engine.isUnlocked());
        const QString message = unlocked.error().message;
        QCOMPARE(unlocked.error().code, u"MASTER_KEY"_s);
        QVERIFY2(message.contains(u"does not open the secrets"_s), qPrintable(message));
        QVERIFY2(message.contains(u"wrong key"_s), qPrintable(message));
        QVERIFY2(message.contains(where), qPrintable(message));
        QVERIFY2(message.contains(dir.path()), qPrintable(message));
        QVERIFY2(!message.contains(QString::fromLatin1(wrong.toBase64())), qPrintable(message));

        // Nothing was written: no check row for the wrong key, no secret, no key store touched.
        QCOMPARE(sealedState(engine.metadata()->connection()), before);
        QVERIFY(scalar(engine.metadata()->connection(), u"SELECT value FROM settings WHERE key = 'vault_key_check'"_s).isNull());
        QCOMPARE(store.writes, 0);
        QCOMPARE(store.entries, keychainBefore);
        if (Source(source) == Source::File) {
            QVERIFY(keyFile.open(QIODevice::ReadOnly));
            QCOMPARE(keyFile.readAll(), keyFileBefore);
        } else {
            QVERIFY(!keyFile.exists());
        }
    }

    void rightKeyUpgrades_data() { addRows(); }
    void rightKeyUpgrades()
    {
        QFETCH(int, source);
        QFETCH(int, secret);
        EnvGuard guard;
        QTemporaryDir dir;
        const QByteArray key = Vault::generateKey();
        QVERIFY(writeLegacyDataDir(dir.path(), key, Secret(secret)));
        Test::FakeSecretStore store;
        offerKey(Source(source), key, dir.path(), store);
        {
            Engine engine(dir.path());
            QVERIFY(engine.open().ok());
            const auto unlocked = QCoro::waitFor(engine.unlock(&store));
            QVERIFY2(unlocked.ok(), qPrintable(unlocked.ok() ? QString() : unlocked.error().message));
            QVERIFY(engine.isUnlocked());
            QVERIFY(
                !scalar(engine.metadata()->connection(), u"SELECT value FROM settings WHERE key = 'vault_key_check'"_s).isNull());
            QCOMPARE(store.writes, 0); // the key stays where it was found
            if (Secret(secret) == Secret::Credentials || Secret(secret) == Secret::DamagedThenCredentials) {
                const auto credentials = engine.connections()->credentials(ConnectionId);
                QVERIFY2(credentials.ok(), qPrintable(credentials.ok() ? QString() : credentials.error().message));
                QCOMPARE(credentials.value(), StoredCredentials);
            }
        }
        // The check row left behind catches a wrong key before any secret is tried.
        {
            EnvGuard wrongGuard;
            qputenv("OPBOX_MASTER_KEY", Vault::generateKey().toBase64());
            Engine engine(dir.path());
            QVERIFY(engine.open().ok());
            const auto unlocked = QCoro::waitFor(engine.unlock(&store));
            QVERIFY(!unlocked.ok());
            QVERIFY2(unlocked.error().message.contains(u"wrong key"_s), qPrintable(unlocked.error().message));
        }
        // The environment's key is taken out of it when read: a new start is given it again.
        offerKey(Source(source), key, dir.path(), store);
        Engine again(dir.path());
        QVERIFY(again.open().ok());
        const auto reopened = QCoro::waitFor(again.unlock(&store));
        QVERIFY2(reopened.ok(), qPrintable(reopened.ok() ? QString() : reopened.error().message));
    }

    void noKeyNeverCreatesOneOverLegacySecrets_data()
    {
        QTest::addColumn<bool>("keychainAvailable");
        QTest::newRow("keychain empty") << true;
        QTest::newRow("keychain unavailable") << false;
    }
    void noKeyNeverCreatesOneOverLegacySecrets()
    {
        QFETCH(bool, keychainAvailable);
        EnvGuard guard;
        QTemporaryDir dir;
        QVERIFY(writeLegacyDataDir(dir.path(), Vault::generateKey(), Secret::Credentials));
        Test::FakeSecretStore store;
        store.available = keychainAvailable;
        Engine engine(dir.path());
        QVERIFY(engine.open().ok());
        const auto unlocked = QCoro::waitFor(engine.unlock(&store));
        QVERIFY(!unlocked.ok());
        QVERIFY2(unlocked.error().message.contains(u"no master key found"_s), qPrintable(unlocked.error().message));
        QCOMPARE(store.writes, 0);
        QVERIFY(store.entries.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(u"master.key"_s)));
    }
};

QTEST_GUILESS_MAIN(TestMasterKey)
#include "tst_masterkey.moc"
