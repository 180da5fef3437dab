// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/security/masterkeyloader.h"
#include "engine/security/vault.h"
#include "engine/store/database.h"
#include "engine/store/schema.h"
#include "fakesecretstore.h"
#include "testengine.h"

#include <QCoroTask>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
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

struct EnvGuard
{
    QByteArray old;
    EnvGuard()
    {
        old = qgetenv("OPBOX_MASTER_KEY");
        qunsetenv("OPBOX_MASTER_KEY");
    }
    ~EnvGuard()
    {
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
        QCOMPARE(blob->size(), plain.size() + 1 + 12 + 16);
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
