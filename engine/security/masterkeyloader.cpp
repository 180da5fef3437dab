// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/security/masterkeyloader.h"
#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/security/environmentsecrets.h"
#include "engine/security/secretbinding.h"
#include "engine/security/secretresealjob.h"
#include "engine/security/secretstore.h"
#include "engine/security/vault.h"
#include "engine/store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <cstdio>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
const auto KeyCheckSetting = u"vault_key_check"_s;
const QByteArray KeyCheckPlain = QByteArrayLiteral("opbox-pipelines master key check v1");
const QByteArray KeyCheckAad = SecretBinding::setting(KeyCheckSetting);
// Enough to get past a damaged value; a wrong key opens none of them.
constexpr int MaxSecretsTried = 20;

QString tr(const char *s)
{
    return QCoreApplication::translate("MasterKeyLoader", s);
}

Error keyError(const QString &message)
{
    return Error{Error::Kind::Internal, u"MASTER_KEY"_s, message, {}};
}
} // namespace

QString MasterKey::sourceName() const
{
    switch (source) {
    case Source::Environment: return u"environment"_s;
    case Source::Keychain: return u"keychain"_s;
    case Source::File: return u"file"_s;
    }
    return {};
}

MasterKeyLoader::MasterKeyLoader(QString dataDir, Database *metadata, SecretStore *keychain)
    : m_dataDir(QDir(dataDir).absolutePath())
    , m_metadata(metadata)
    , m_keychain(keychain)
{
}

QString MasterKeyLoader::keychainKey() const
{
    // One entry per data directory, so that two installations on one account do not share a key.
    const QString canonical
        = QFileInfo(m_dataDir).canonicalFilePath().isEmpty() ? m_dataDir : QFileInfo(m_dataDir).canonicalFilePath();
    return u"master-key-"_s + QString::fromLatin1(Ids::sha256(canonical.toUtf8()).toHex().left(32));
}

QString MasterKeyLoader::keyFilePath() const
{
    return m_dataDir + u"/master.key"_s;
}

QString MasterKeyLoader::pendingKeyFilePath() const
{
    return keyFilePath() + u".new"_s;
}

QString MasterKeyLoader::pendingKeychainKey() const
{
    return keychainKey() + u"-next"_s;
}

QCoro::Task<std::optional<QByteArray>> MasterKeyLoader::pendingKeyThatOpens(MasterKey::Source source)
{
    // A rotation that re-encrypted the secrets but was cut off before its key took the current
    // one's place: the kept key is the right one, and it moves into place now.
    QByteArray key;
    if (source == MasterKey::Source::Keychain && m_keychain) {
        auto reading = m_keychain->read(pendingKeychainKey());
        const SecretStoreResult found = co_await reading;
        if (found.status != SecretStoreResult::Status::Ok)
            co_return std::nullopt;
        key = found.data;
    } else if (source == MasterKey::Source::File) {
        QFile pending(pendingKeyFilePath());
        if (!pending.open(QIODevice::ReadOnly))
            co_return std::nullopt;
        key = QByteArray::fromBase64(pending.readAll().trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    }
    if (key.size() != Vault::KeySize || !verify(key, pendingKeyFilePath()).ok()) {
        Vault::wipe(key);
        co_return std::nullopt;
    }
    if (source == MasterKey::Source::Keychain) {
        auto writing = m_keychain->write(keychainKey(), key);
        if ((co_await writing).status == SecretStoreResult::Status::Ok) {
            auto removing = m_keychain->remove(pendingKeychainKey());
            (void)co_await removing;
        }
    } else if (::rename(QFile::encodeName(pendingKeyFilePath()).constData(), QFile::encodeName(keyFilePath()).constData()) != 0) {
        qCWarning(lcVault).noquote()
            << tr("the master key is in %1; it could not replace %2").arg(pendingKeyFilePath(), keyFilePath());
    }
    qCWarning(lcVault) << "finished an interrupted master key rotation";
    co_return key;
}

bool MasterKeyLoader::hasKeyCheck() const
{
    SqlQuery q(m_metadata->connection(), u"SELECT 1 FROM settings WHERE key = ?"_s);
    q.bind(KeyCheckSetting);
    return q.exec() && q.next();
}

QList<QPair<QByteArray, QByteArray>> MasterKeyLoader::sealedSecrets(int limit) const
{
    QList<QPair<QByteArray, QByteArray>> found;
    for (const SealedColumn &column : SecretResealJob::sealedColumns()) {
        if (found.size() >= limit)
            break;
        SqlQuery q(m_metadata->connection(), column.select + u" LIMIT ?"_s);
        q.bind(int(limit - found.size()));
        if (!q.exec())
            continue; // unreadable here; the other places may still hold one
        while (q.next()) {
            const QByteArray raw = q.value(1).toByteArray();
            found.append({column.base64Text ? QByteArray::fromBase64(raw) : raw, column.binding(q.value(0).toString())});
        }
    }
    return found;
}

bool MasterKeyLoader::storeKeyCheck(const QByteArray &key) const
{
    const Vault vault(key);
    auto blob = vault.encrypt(KeyCheckPlain, KeyCheckAad);
    if (!blob)
        return false;
    SqlQuery q(m_metadata->connection(), u"INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)"_s);
    q.bind(KeyCheckSetting).bind(QString::fromLatin1(blob->toBase64()));
    return q.exec();
}

Result<void> MasterKeyLoader::verify(const QByteArray &key, const QString &where) const
{
    if (key.size() != Vault::KeySize)
        return keyError(tr("the master key from %1 is not 32 bytes of base64").arg(where));
    SqlQuery q(m_metadata->connection(), u"SELECT value FROM settings WHERE key = ?"_s);
    q.bind(KeyCheckSetting);
    if (!q.exec())
        return keyError(tr("cannot read the key check from the database"));
    if (!q.next()) {
        // No check value yet: a fresh data directory, or one written before check values existed.
        // Secrets already stored decide: the key is trusted only once it opens one of them.
        const auto sealed = sealedSecrets(MaxSecretsTried);
        const Vault vault(key);
        const bool opens = sealed.isEmpty() || std::any_of(sealed.cbegin(), sealed.cend(), [&vault](const auto &secret) {
                               return vault.decrypt(secret.first, secret.second).ok();
                           });
        if (!opens)
            return keyError(tr("the master key from %1 does not open the secrets in %2 (wrong key?); "
                               "nothing was changed")
                                .arg(where, m_dataDir));
        // Remember a check value, so that a wrong key is caught at once on later starts.
        if (!storeKeyCheck(key))
            return keyError(tr("cannot store the key check in the database"));
        return {};
    }
    const Vault vault(key);
    auto plain = vault.decrypt(QByteArray::fromBase64(q.value(0).toString().toLatin1()), KeyCheckAad);
    if (!plain || *plain != KeyCheckPlain)
        return keyError(tr("the master key from %1 does not open the secrets in %2 (wrong key?); "
                           "nothing was changed")
                            .arg(where, m_dataDir));
    return {};
}

Result<void> MasterKeyLoader::writeKeyFile(const QString &path, const QByteArray &key)
{
    // Create with 0600 from the start: a umask-created file would be readable for a moment.
    const mode_t old = ::umask(0077);
    QSaveFile out(path);
    const bool opened = out.open(QIODevice::WriteOnly);
    ::umask(old);
    if (!opened)
        return keyError(tr("cannot create %1").arg(path));
    QByteArray encoded = key.toBase64();
    out.write(encoded);
    out.write("\n");
    Vault::wipe(encoded);
    if (!out.commit())
        return keyError(tr("cannot write %1").arg(path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

QCoro::Task<Result<MasterKey>> MasterKeyLoader::load()
{
    // Out of the environment before anything else: no child process or browser inherits it.
    QByteArray env = EnvironmentSecrets::take(EnvironmentSecrets::MasterKey);
    if (!env.isEmpty()) {
        const QByteArray key = QByteArray::fromBase64(env.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        Vault::wipe(env);
        if (key.size() != Vault::KeySize)
            co_return keyError(tr("OPBOX_MASTER_KEY must be the base64 of exactly 32 bytes"));
        if (auto ok = verify(key, u"OPBOX_MASTER_KEY"_s); !ok)
            co_return ok.error();
        co_return MasterKey{key, MasterKey::Source::Environment, false};
    }

    bool keychainUsable = false;
    if (m_keychain) {
        // The task gets its own statement: GCC 12 destroys by-value arguments of a coroutine
        // called inside a co_await expression twice.
        auto reading = m_keychain->read(keychainKey());
        const SecretStoreResult found = co_await reading;
        if (found.status == SecretStoreResult::Status::Ok) {
            if (auto ok = verify(found.data, tr("the keychain")); !ok) {
                auto pending = pendingKeyThatOpens(MasterKey::Source::Keychain);
                if (auto kept = co_await pending)
                    co_return MasterKey{*kept, MasterKey::Source::Keychain, false};
                co_return ok.error();
            }
            co_return MasterKey{found.data, MasterKey::Source::Keychain, false};
        }
        keychainUsable = found.status == SecretStoreResult::Status::NotFound;
        if (!keychainUsable)
            qCInfo(lcVault) << "keychain not available:" << found.message;
    }

    QFile file(keyFilePath());
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            co_return keyError(tr("cannot read %1").arg(keyFilePath()));
        const QByteArray key = QByteArray::fromBase64(file.readAll().trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        if (auto ok = verify(key, keyFilePath()); !ok) {
            auto pending = pendingKeyThatOpens(MasterKey::Source::File);
            if (auto kept = co_await pending)
                co_return MasterKey{*kept, MasterKey::Source::File, false};
            co_return ok.error();
        }
        // The file is the key to every stored secret: readable by others, it is closed again
        // (as created) and the administrator is told, since a copy may already exist.
        constexpr QFileDevice::Permissions OthersMayTouch = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        if (file.permissions() & OthersMayTouch) {
            const bool closed = QFile::setPermissions(keyFilePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            qCWarning(lcVault).noquote() << (closed ? tr("%1 was readable by other users; it is now 0600. Rotate the stored "
                                                         "credentials if others had access to this computer.")
                                                    : tr("%1 is readable by other users and its permissions cannot be "
                                                         "changed; make it 0600."))
                                                .arg(keyFilePath());
        }
        co_return MasterKey{key, MasterKey::Source::File, false};
    }

    if (hasKeyCheck() || !sealedSecrets(1).isEmpty()) {
        co_return keyError(tr("no master key found for %1, but it holds encrypted secrets; set OPBOX_MASTER_KEY "
                              "or restore the keychain entry or master.key")
                               .arg(m_dataDir));
    }

    const QByteArray key = Vault::generateKey();
    if (keychainUsable) {
        auto writing = m_keychain->write(keychainKey(), key);
        const SecretStoreResult written = co_await writing;
        if (written.status == SecretStoreResult::Status::Ok) {
            if (auto ok = verify(key, tr("the keychain")); !ok)
                co_return ok.error();
            qCInfo(lcVault) << "created a new master key in the keychain";
            co_return MasterKey{key, MasterKey::Source::Keychain, true};
        }
        qCInfo(lcVault) << "keychain write failed:" << written.message;
    }

    QDir().mkpath(m_dataDir);
    if (auto written = writeKeyFile(keyFilePath(), key); !written)
        co_return written.error();
    qCWarning(lcVault).noquote() << tr("The system keychain is not available; the master key was stored in %1 "
                                       "(readable only by you). Anyone who can read that file can decrypt the stored secrets.")
                                        .arg(keyFilePath());
    if (auto ok = verify(key, keyFilePath()); !ok)
        co_return ok.error();
    co_return MasterKey{key, MasterKey::Source::File, true};
}

} // namespace Opbox
