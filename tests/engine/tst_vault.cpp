// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/ids.h"
#include "engine/security/environmentsecrets.h"
#include "engine/security/masterkeyloader.h"
#include "engine/security/vault.h"
#include "engine/services/connectionservice.h"
#include "engine/store/database.h"
#include "engine/store/schema.h"
#include "engine/store/settingsstore.h"
#include "fakesecretstore.h"
#include "testengine.h"

#include <QCoroTask>
#include <QFile>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <openssl/evp.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {
/** A metadata database in a temp dir, for the key loader. */
struct DataDir
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    DataDir()
    {
        db = std::make_unique<Database>(dir.filePath(u"opbox.db"_s), Schema::metadataMigrations(), u"test"_s);
        (void)db->open();
    }
    Result<MasterKey> load(SecretStore *store)
    {
        MasterKeyLoader loader(dir.path(), db.get(), store);
        return QCoro::waitFor(loader.load());
    }
};

/** A value sealed as the first format did: `0x01 | nonce | ciphertext | tag`, AES-256-GCM under the raw key. */
QByteArray legacySeal(const QByteArray &key, const QByteArray &plain, const QByteArray &aad)
{
    const QByteArray nonce = Ids::randomBytes(12);
    QByteArray cipher(plain.size(), Qt::Uninitialized);
    QByteArray tag(16, Qt::Uninitialized);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len = 0;
    int total = 0;
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr);
    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, nullptr);
    EVP_EncryptInit_ex(ctx, nullptr, nullptr, reinterpret_cast<const unsigned char *>(key.constData()),
                       reinterpret_cast<const unsigned char *>(nonce.constData()));
    EVP_EncryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()), int(aad.size()));
    EVP_EncryptUpdate(ctx, reinterpret_cast<unsigned char *>(cipher.data()), &len,
                      reinterpret_cast<const unsigned char *>(plain.constData()), int(plain.size()));
    total = len;
    EVP_EncryptFinal_ex(ctx, reinterpret_cast<unsigned char *>(cipher.data()) + total, &len);
    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag.data());
    EVP_CIPHER_CTX_free(ctx);
    return QByteArray(1, '\x01') + nonce + cipher + tag;
}

/** What a child process started now finds in its environment. */
QByteArray childEnv()
{
    QProcess env;
    env.start(u"/usr/bin/env"_s, QStringList());
    env.waitForFinished(10000);
    return env.readAllStandardOutput();
}

struct EnvGuard
{
    QByteArray old;
    EnvGuard()
    {
        old = qgetenv("OPBOX_MASTER_KEY");
        qunsetenv("OPBOX_MASTER_KEY");
        qunsetenv("OPBOX_CRON_SECRET");
    }
    ~EnvGuard()
    {
        qunsetenv("OPBOX_CRON_SECRET");
        if (old.isEmpty())
            qunsetenv("OPBOX_MASTER_KEY");
        else
            qputenv("OPBOX_MASTER_KEY", old);
    }
};
} // namespace

/** Vault: AES-256-GCM round trip and tamper detection, and where the master key comes from. */
class TestVault : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Test::pinEnvironment(); }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short") << QByteArray("hunter2");
        QTest::newRow("binary with NUL") << QByteArray("\x00\x01\xff secret", 10);
        QTest::newRow("64 KiB") << QByteArray(65536, 'x');
    }
    void roundTrip()
    {
        QFETCH(QByteArray, plain);
        const Vault vault(Vault::generateKey());
        auto blob = vault.encrypt(plain, "row-1");
        QVERIFY(blob.ok());
        QVERIFY(!plain.isEmpty() ? !blob->contains(plain) : true);
        QCOMPARE(blob->size(), plain.size() + 1 + Vault::KeyIdSize + 12 + 16);
        QCOMPARE(blob->mid(1, Vault::KeyIdSize), vault.keyId());
        auto back = vault.decrypt(*blob, "row-1");
        QVERIFY(back.ok());
        QCOMPARE(*back, plain);
        // A fresh nonce each time: the same plaintext never encrypts to the same bytes.
        QVERIFY(*vault.encrypt(plain, "row-1") != *blob);
    }

    void tamperIsDetected_data()
    {
        QTest::addColumn<int>("position");
        QTest::newRow("version byte") << 0;
        QTest::newRow("nonce") << 5;
        QTest::newRow("ciphertext") << 20;
        QTest::newRow("tag") << -1;
    }
    void tamperIsDetected()
    {
        QFETCH(int, position);
        const Vault vault(Vault::generateKey());
        QByteArray blob = *vault.encrypt("the api key of a real customer", "row-1");
        const int at = position < 0 ? int(blob.size()) - 1 : position;
        blob[at] = char(blob.at(at) ^ 0x01);
        auto back = vault.decrypt(blob, "row-1");
        QVERIFY(!back.ok());
        QVERIFY(!back.error().message.contains(u"real customer"_s));
    }

    void otherRowOrKeyFails()
    {
        const Vault vault(Vault::generateKey());
        const QByteArray blob = *vault.encrypt("secret", "row-1");
        QVERIFY(!vault.decrypt(blob, "row-2").ok());
        const Vault other(Vault::generateKey());
        auto wrong = other.decrypt(blob, "row-1");
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, u"SECRET_AUTH_FAILED"_s);
        QVERIFY(!vault.decrypt(QByteArray("short"), "row-1").ok());
    }

    void hkdfIsRfc5869()
    {
        // RFC 5869 test case 3: SHA-256, empty salt, empty info.
        const QByteArray okm = Vault::deriveKey(QByteArray(22, '\x0b'), QByteArray(), 42);
        QCOMPARE(okm.toHex(), QByteArray("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
    }

    void keysAreDerivedPerUse()
    {
        const QByteArray master = Vault::generateKey();
        const Vault vault(master);
        // The raw master key is neither the AES key nor the HMAC key: a value sealed with the raw
        // key in the current format does not open, and the HMAC is not keyed with the raw key.
        QByteArray blob = *vault.encrypt("secret", "row-1");
        QCOMPARE(*vault.decrypt(blob, "row-1"), QByteArray("secret"));
        QVERIFY(vault.hmac("purpose-a", "message") != vault.hmac("purpose-b", "message"));
        QVERIFY(vault.hmac("purpose-a", "message")
                != QMessageAuthenticationCode::hash("message", master, QCryptographicHash::Sha256));
        QVERIFY(Vault::deriveKey(master, "a") != Vault::deriveKey(master, "b"));
        // The key id names the key: another key's vault has another id, and refuses the value.
        const Vault other(Vault::generateKey());
        QVERIFY(other.keyId() != vault.keyId());
        QVERIFY(vault.isCurrent(blob));
        QVERIFY(!other.isCurrent(blob));
        auto refused = other.decrypt(blob, "row-1");
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"another master key"_s), qPrintable(refused.error().message));
    }

    void firstFormatStillOpens()
    {
        const QByteArray master = Vault::generateKey();
        const QByteArray legacy = legacySeal(master, "an old api key", "credentials:c1");
        const Vault vault(master);
        QVERIFY(!vault.isCurrent(legacy));
        QCOMPARE(*vault.decrypt(legacy, "credentials:c1"), QByteArray("an old api key"));
        QVERIFY(!vault.decrypt(legacy, "credentials:c2"));
        QVERIFY(!Vault(Vault::generateKey()).decrypt(legacy, "credentials:c1"));
    }

    void unlockUpgradesOldSecrets()
    {
        // A data directory as an older version left it: credentials sealed in the first format
        // with the raw key, the cron secret in plaintext.
        const QByteArray master = Vault::generateKey();
        Test::TestEngine t(true, master);
        QVERIFY(t.ok());
        const QString token = t.addUser(u"owner@example.com"_s, Role::Owner);
        const auto created = t.client(token)->post(
            u"/api/pipelines/connections"_s,
            {{u"name"_s, u"Old CRM"_s}, {u"type"_s, u"CRM_PLATFORM"_s}, {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"v1"_s}}}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        t.close();
        const QByteArray plainCron = "plaintext-cron-secret-from-an-old-version";
        {
            Database db(t.dataDir() + u"/opbox.db"_s, Schema::metadataMigrations(), u"old"_s);
            QVERIFY(db.open());
            SqlQuery c(db.connection(), u"UPDATE connections SET credentials = ? WHERE id = ?"_s);
            QVERIFY(c.bind(legacySeal(master, R"({"apiKey":"from-v1"})", "credentials:" + id.toUtf8())).bind(id).exec());
            SqlQuery s(db.connection(), u"INSERT INTO settings(key, value) VALUES('cronSecret', ?)"_s);
            QVERIFY(s.bind(QString::fromLatin1(plainCron)).exec());
            db.closeThisThread();
        }
        EnvGuard guard;
        qputenv("OPBOX_MASTER_KEY", master.toBase64());
        Test::FakeSecretStore keychain;
        QVERIFY(t.reopen(&keychain));
        // Resealed at unlock: the current format under the derived key, the plaintext gone.
        SqlQuery q(t.engine().metadata()->connection(), u"SELECT credentials FROM connections WHERE id = ?"_s);
        QVERIFY(q.bind(id).exec() && q.next());
        QVERIFY(t.engine().vault()->isCurrent(q.value(0).toByteArray()));
        q.raw().finish();
        QCOMPARE(t.engine().connections()->credentials(id)->value(u"apiKey"_s).toString(), u"from-v1"_s);
        QCOMPARE(t.engine().settings()->value(u"cronSecret"_s), QString());
        QCOMPARE(t.engine().settings()->cronSecret(), QString::fromLatin1(plainCron));
        QVERIFY(!t.engine().settings()->value(u"cron_secret_sealed"_s).toLatin1().contains(plainCron));
        QFile wal(t.dataDir() + u"/opbox.db-wal"_s);
        if (wal.open(QIODevice::ReadOnly))
            QVERIFY(!wal.readAll().contains(plainCron));
    }

    void secretsLeaveTheEnvironment()
    {
        EnvGuard guard;
        DataDir d;
        const QByteArray key = Vault::generateKey();
        const QByteArray cron = "cron-secret-in-the-environment-0815";
        qputenv("OPBOX_MASTER_KEY", key.toBase64());
        qputenv("OPBOX_CRON_SECRET", cron);
        SettingsStore settings(d.db.get());
        QVERIFY(!qEnvironmentVariableIsSet("OPBOX_CRON_SECRET"));
        Test::FakeSecretStore store;
        auto loaded = d.load(&store);
        QVERIFY(loaded);
        QCOMPARE(loaded->key, key);
        QVERIFY(!qEnvironmentVariableIsSet("OPBOX_MASTER_KEY"));
        QCOMPARE(settings.cronSecret(), QString::fromLatin1(cron));
        // A child process (a browser, the demo sandbox) inherits neither.
        const QByteArray childEnvironment = childEnv();
        QVERIFY(childEnvironment.contains("PATH="));
        QVERIFY(!childEnvironment.contains("OPBOX_MASTER_KEY") && !childEnvironment.contains(key.toBase64()));
        QVERIFY(!childEnvironment.contains("OPBOX_CRON_SECRET") && !childEnvironment.contains(cron));
    }

    void stashKeepsSecretsForTheirReader()
    {
        EnvGuard guard;
        const QByteArray key = Vault::generateKey().toBase64();
        qputenv("OPBOX_MASTER_KEY", key);
        qputenv("OPBOX_CRON_SECRET", "stashed-cron-secret");
        EnvironmentSecrets::stash();
        QVERIFY(!qEnvironmentVariableIsSet("OPBOX_MASTER_KEY"));
        QVERIFY(!qEnvironmentVariableIsSet("OPBOX_CRON_SECRET"));
        QVERIFY(!childEnv().contains(key));
        QCOMPARE(EnvironmentSecrets::take(EnvironmentSecrets::MasterKey), key);
        QCOMPARE(EnvironmentSecrets::take(EnvironmentSecrets::MasterKey), QByteArray()); // handed out once
        QCOMPARE(EnvironmentSecrets::take(EnvironmentSecrets::CronSecret), QByteArray("stashed-cron-secret"));
    }

    void keyFromEnvironment()
    {
        EnvGuard guard;
        DataDir d;
        const QByteArray key = Vault::generateKey();
        qputenv("OPBOX_MASTER_KEY", key.toBase64());
        Test::FakeSecretStore store;
        auto loaded = d.load(&store);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->key, key);
        QCOMPARE(loaded->source, MasterKey::Source::Environment);
        QCOMPARE(store.reads, 0);
        // The wrong key later is refused, loudly, and nothing is overwritten.
        qputenv("OPBOX_MASTER_KEY", Vault::generateKey().toBase64());
        auto wrong = d.load(&store);
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().message.contains(u"wrong key"_s), qPrintable(wrong.error().message));
        qputenv("OPBOX_MASTER_KEY", "not base64 of 32 bytes");
        QVERIFY(!d.load(&store).ok());
        qputenv("OPBOX_MASTER_KEY", key.toBase64());
        QVERIFY(d.load(&store).ok());
    }

    void keyInKeychain()
    {
        EnvGuard guard;
        DataDir d;
        Test::FakeSecretStore store;
        auto first = d.load(&store);
        QVERIFY(first.ok());
        QCOMPARE(first->source, MasterKey::Source::Keychain);
        QVERIFY(first->created);
        QCOMPARE(store.entries.size(), 1);
        QVERIFY(!QFile::exists(d.dir.filePath(u"master.key"_s)));
        auto second = d.load(&store);
        QVERIFY(second.ok());
        QCOMPARE(second->key, first->key);
        QVERIFY(!second->created);
        // A keychain entry replaced by another key is refused rather than trusted.
        store.entries.insert(store.entries.keys().constFirst(), Vault::generateKey());
        QVERIFY(!d.load(&store).ok());
    }

    void fileFallbackWhenKeychainUnavailable()
    {
        EnvGuard guard;
        DataDir d;
        Test::FakeSecretStore store;
        store.available = false;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"keychain is not available"_s));
        auto first = d.load(&store);
        QVERIFY(first.ok());
        QCOMPARE(first->source, MasterKey::Source::File);
        const QString path = d.dir.filePath(u"master.key"_s);
        QVERIFY(QFile::exists(path));
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        auto second = d.load(&store);
        QVERIFY(second.ok());
        QCOMPARE(second->key, first->key);

        // Someone opened the file to the group and others: it is closed again, with a warning.
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"master\\.key was readable by other users; it is now 0600"_s));
        auto third = d.load(&store);
        QVERIFY(third.ok());
        QCOMPARE(third->key, first->key);
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
    }

    void missingKeyNeverReplacesSecrets()
    {
        EnvGuard guard;
        DataDir d;
        Test::FakeSecretStore store;
        store.available = false;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"keychain is not available"_s));
        QVERIFY(d.load(&store).ok());
        QVERIFY(QFile::remove(d.dir.filePath(u"master.key"_s)));
        auto again = d.load(&store);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.contains(u"no master key"_s), qPrintable(again.error().message));
        QVERIFY(!QFile::exists(d.dir.filePath(u"master.key"_s)));
    }

    void wrongKeyFileFailsClearly()
    {
        EnvGuard guard;
        DataDir d;
        Test::FakeSecretStore store;
        store.available = false;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"keychain is not available"_s));
        QVERIFY(d.load(&store).ok());
        QFile f(d.dir.filePath(u"master.key"_s));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(Vault::generateKey().toBase64());
        f.close();
        auto wrong = d.load(&store);
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message.contains(u"master.key"_s));
    }

    void realKeychain()
    {
        // scripts/test.sh runs the suite inside a private D-Bus session with an unlocked
        // gnome-keyring-daemon (the Secret Service), so this exercises the real QtKeychain path.
        if (qEnvironmentVariable("OPBOX_SECRET_SERVICE") != u"1"_s)
            QSKIP("no Secret Service session (run through scripts/test.sh)");
        EnvGuard guard;
        DataDir d;
        KeychainSecretStore keychain(u"opbox-pipelines-test"_s);
        auto first = d.load(&keychain);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QCOMPARE(first->source, MasterKey::Source::Keychain);
        QVERIFY(!QFile::exists(d.dir.filePath(u"master.key"_s)));
        auto second = d.load(&keychain);
        QVERIFY(second.ok());
        QCOMPARE(second->key, first->key);
        MasterKeyLoader loader(d.dir.path(), d.db.get(), &keychain);
        auto removed = QCoro::waitFor(keychain.remove(loader.keychainKey()));
        QCOMPARE(int(removed.status), int(SecretStoreResult::Status::Ok));
        auto missing = QCoro::waitFor(keychain.read(loader.keychainKey()));
        QCOMPARE(int(missing.status), int(SecretStoreResult::Status::NotFound));
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
