// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/security/keyrotationjob.h"
#include "engine/security/masterkeyloader.h"
#include "engine/security/secretresealjob.h"
#include "engine/security/vault.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/settingsstore.h"
#include "engine/sync/syncworkerpool.h"
#include "fakesecretstore.h"
#include "hubspotfakeserver.h"
#include "testengine.h"

#include <QCoroTask>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

Q_DECLARE_METATYPE(Opbox::MasterKey::Source)

namespace {
/** Every sealed value in the metadata database, with what it is bound to. */
QList<QPair<QByteArray, QByteArray>> sealedValues(Database *metadata)
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (const SealedColumn &column : SecretResealJob::sealedColumns()) {
        SqlQuery q(metadata->connection(), column.select);
        if (!q.exec())
            continue;
        while (q.next()) {
            const QByteArray raw = q.value(1).toByteArray();
            out.append({column.base64Text ? QByteArray::fromBase64(raw) : raw, column.binding(q.value(0).toString())});
        }
    }
    return out;
}

int opened(const QByteArray &key, const QList<QPair<QByteArray, QByteArray>> &values)
{
    const Vault vault(key);
    int n = 0;
    for (const auto &[blob, binding] : values)
        n += vault.decrypt(blob, binding).ok() ? 1 : 0;
    return n;
}
} // namespace

/**
 * `key rotate` end to end, for a key in the environment, the keychain and master.key: after the
 * rotation the old key opens nothing and is refused at start, the new one opens everything, and
 * the connection still syncs against its provider with the same webhook URL and cron secret.
 */
class TestKeyRotation : public QObject
{
    Q_OBJECT
private:
    /** Puts `key` where `source` keeps it, the way the loader will look for it. */
    static void placeKey(MasterKey::Source source, const QByteArray &key, Test::TestEngine &t, Test::FakeSecretStore &keychain)
    {
        const MasterKeyLoader loader(t.dataDir(), nullptr, &keychain);
        keychain.available = source == MasterKey::Source::Keychain;
        qunsetenv("OPBOX_MASTER_KEY");
        switch (source) {
        case MasterKey::Source::Environment: qputenv("OPBOX_MASTER_KEY", key.toBase64()); break;
        case MasterKey::Source::Keychain: keychain.entries.insert(loader.keychainKey(), key); break;
        case MasterKey::Source::File: QVERIFY(MasterKeyLoader::writeKeyFile(loader.keyFilePath(), key)); break;
        }
    }

    /** The key `source` holds now (the environment's from the rotation's outcome). */
    static QByteArray keyAt(MasterKey::Source source, Test::TestEngine &t, Test::FakeSecretStore &keychain,
                            const KeyRotationOutcome &outcome)
    {
        const MasterKeyLoader loader(t.dataDir(), nullptr, &keychain);
        switch (source) {
        case MasterKey::Source::Environment: return outcome.newKey;
        case MasterKey::Source::Keychain: return keychain.entries.value(loader.keychainKey());
        case MasterKey::Source::File: {
            QFile file(loader.keyFilePath());
            if (!file.open(QIODevice::ReadOnly))
                return {};
            return QByteArray::fromBase64(file.readAll().trimmed());
        }
        }
        return {};
    }

    static QString sync(Test::TestEngine &t, const QString &token, const QString &connectionId)
    {
        const auto triggered = t.client(token)->post(u"/api/pipelines/connections/%1/runs"_s.arg(connectionId),
                                                     {{u"streams"_s, QJsonArray{u"contacts"_s}}});
        if (triggered.status != 202)
            return u"trigger answered %1"_s.arg(triggered.status);
        const QJsonObject run = t.finishedRun(token, connectionId, triggered.json().value(u"id"_s).toString());
        return run.value(u"status"_s).toString() + u" "_s + run.value(u"error"_s).toString();
    }

    static QString webhookToken(Test::TestEngine &t, const QString &token, const QString &connectionId)
    {
        const QString url = t.client(token)
                                ->post(u"/api/pipelines/connections/%1/webhook-url"_s.arg(connectionId), {})
                                .json()
                                .value(u"webhookUrl"_s)
                                .toString();
        return url.mid(url.lastIndexOf(u'/') + 1);
    }

private Q_SLOTS:
    void initTestCase() { Test::pinEnvironment(); }
    void cleanup() { qunsetenv("OPBOX_MASTER_KEY"); }

    void rotate_data()
    {
        QTest::addColumn<MasterKey::Source>("source");
        QTest::newRow("environment") << MasterKey::Source::Environment;
        QTest::newRow("keychain") << MasterKey::Source::Keychain;
        QTest::newRow("master.key") << MasterKey::Source::File;
    }
    void rotate()
    {
        QFETCH(MasterKey::Source, source);
        Fakes::HubSpotFakeServer hubspot;
        QVERIFY(hubspot.start());
        const QByteArray oldKey = Vault::generateKey();
        Test::TestEngine t(true, oldKey);
        QVERIFY(t.ok());
        Test::FakeSecretStore keychain;
        placeKey(source, oldKey, t, keychain);
        QVERIFY(t.reopen(&keychain));
        QCOMPARE(*t.engine().keySource(), source);

        const QString token = t.addUser(u"owner@example.com"_s, Role::Owner);
        const auto created = t.client(token)->post(u"/api/pipelines/connections"_s,
                                                   {{u"name"_s, u"Rotated CRM"_s},
                                                    {u"type"_s, u"CRM_PLATFORM"_s},
                                                    {u"credentials"_s, hubspot.credentials()},
                                                    {u"config"_s, hubspot.connectorConfig()}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        t.engine().syncWorkers()->start(1);
        QCOMPARE(sync(t, token, id), u"COMPLETED "_s);
        const QString webhook = webhookToken(t, token, id);
        QVERIFY(webhook.startsWith(u"whk_"_s));
        const QString cronSecret = t.engine().settings()->cronSecret();
        QVERIFY(!cronSecret.isEmpty());
        t.engine().syncWorkers()->stop(u"test end"_s, 10000);
        t.close();

        // The rotation, with the server stopped.
        KeyRotationOutcome outcome;
        {
            placeKey(source, oldKey, t, keychain);
            Engine offline(t.dataDir());
            QVERIFY(offline.open());
            KeyRotationJob job(t.dataDir(), offline.metadata(), &keychain);
            auto rotated = QCoro::waitFor(job.run());
            QVERIFY2(rotated, qPrintable(rotated ? QString() : rotated.error().message));
            outcome = *rotated;
            QCOMPARE(outcome.source, source);
            // Credentials, webhook token, key check, cron secret at least.
            QVERIFY2(outcome.resealed >= 4, qPrintable(QString::number(outcome.resealed)));
            const auto values = sealedValues(offline.metadata());
            QVERIFY(values.size() >= 4);
            const QByteArray newKey = keyAt(source, t, keychain, outcome);
            QCOMPARE(newKey.size(), Vault::KeySize);
            QVERIFY(newKey != oldKey);
            QCOMPARE(opened(oldKey, values), 0);
            QCOMPARE(opened(newKey, values), int(values.size()));
        }
        const MasterKeyLoader loader(t.dataDir(), nullptr, &keychain);
        QVERIFY(!QFile::exists(loader.pendingKeyFilePath()));
        QVERIFY(!keychain.entries.contains(loader.pendingKeychainKey()));
        const QByteArray newKey = keyAt(source, t, keychain, outcome);
        QCOMPARE(outcome.newKey.isEmpty(), source != MasterKey::Source::Environment);

        // The old key is refused at start, loudly, and nothing is changed by trying.
        placeKey(source, oldKey, t, keychain);
        auto refused = t.reopen(&keychain);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"wrong key"_s), qPrintable(refused.error().message));

        // The new one opens everything: the connection syncs, its webhook URL and the cron secret are the same.
        placeKey(source, newKey, t, keychain);
        auto reopened = t.reopen(&keychain);
        QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
        t.engine().syncWorkers()->start(1);
        QCOMPARE(sync(t, token, id), u"COMPLETED "_s);
        QCOMPARE(webhookToken(t, token, id), webhook);
        QCOMPARE(t.engine().settings()->cronSecret(), cronSecret);
        t.engine().syncWorkers()->stop(u"test end"_s, 10000);
    }

    void interruptedRotationFinishesAtNextStart()
    {
        // A crash after the secrets were re-encrypted but before master.key was replaced: the
        // kept key opens them, and the next start moves it into place.
        const QByteArray oldKey = Vault::generateKey();
        const QByteArray newKey = Vault::generateKey();
        Test::TestEngine t(false, oldKey);
        QVERIFY(t.ok());
        Test::FakeSecretStore keychain;
        placeKey(MasterKey::Source::File, oldKey, t, keychain);
        QVERIFY(t.reopen(&keychain));
        QVERIFY(!t.engine().settings()->cronSecret().isEmpty());
        t.close();
        {
            Engine offline(t.dataDir());
            QVERIFY(offline.open());
            const Vault from(oldKey);
            const Vault to(newKey);
            QVERIFY(SecretResealJob(offline.metadata(), &from, &to).run(SecretResealJob::Scope::Everything));
        }
        const MasterKeyLoader loader(t.dataDir(), nullptr, &keychain);
        QVERIFY(MasterKeyLoader::writeKeyFile(loader.pendingKeyFilePath(), newKey));
        auto reopened = t.reopen(&keychain);
        QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
        QVERIFY(!QFile::exists(loader.pendingKeyFilePath()));
        QFile file(loader.keyFilePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QByteArray::fromBase64(file.readAll().trimmed()), newKey);
    }
};

QTEST_GUILESS_MAIN(TestKeyRotation)
#include "tst_keyrotation.moc"
