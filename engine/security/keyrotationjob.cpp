// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/security/keyrotationjob.h"
#include "engine/enginelogging.h"
#include "engine/security/secretresealjob.h"
#include "engine/security/secretstore.h"
#include "engine/security/vault.h"

#include <QCoreApplication>
#include <QFile>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("KeyRotationJob", s);
}

Error rotationError(const QString &message)
{
    return Error{Error::Kind::Internal, u"KEY_ROTATION"_s, message, {}};
}
} // namespace

KeyRotationJob::KeyRotationJob(QString dataDir, Database *metadata, SecretStore *keychain)
    : m_dataDir(std::move(dataDir))
    , m_metadata(metadata)
    , m_keychain(keychain)
{
}

QCoro::Task<Result<KeyRotationOutcome>> KeyRotationJob::run()
{
    MasterKeyLoader loader(m_dataDir, m_metadata, m_keychain);
    auto loading = loader.load();
    auto current = co_await loading;
    if (!current)
        co_return current.error();
    const MasterKey::Source source = current->source;
    const Vault oldVault(current->key);
    Vault::wipe(current->key);
    QByteArray newKey = Vault::generateKey();
    const Vault newVault(newKey);

    // The new key is kept before anything is re-encrypted under it: a crash in between leaves a
    // key that opens the secrets either way (the loader falls back to the kept one).
    const QString pendingFile = loader.pendingKeyFilePath();
    const QString pendingEntry = loader.pendingKeychainKey();
    if (source == MasterKey::Source::File) {
        if (auto written = MasterKeyLoader::writeKeyFile(pendingFile, newKey); !written)
            co_return written.error();
    } else if (source == MasterKey::Source::Keychain) {
        auto writing = m_keychain->write(pendingEntry, newKey);
        const SecretStoreResult written = co_await writing;
        if (written.status != SecretStoreResult::Status::Ok)
            co_return rotationError(tr("the keychain did not take the new key (%1); nothing was changed").arg(written.message));
    }

    auto resealed = SecretResealJob(m_metadata, &oldVault, &newVault).run(SecretResealJob::Scope::Everything);
    if (!resealed) {
        if (source == MasterKey::Source::File)
            QFile::remove(pendingFile);
        else if (source == MasterKey::Source::Keychain) {
            auto removing = m_keychain->remove(pendingEntry);
            (void)co_await removing;
        }
        co_return resealed.error();
    }

    KeyRotationOutcome outcome;
    outcome.source = source;
    outcome.resealed = resealed->resealed + resealed->sealedPlaintext;
    switch (source) {
    case MasterKey::Source::File:
        // rename(2) replaces the old file in one step: there is always exactly one master.key.
        if (std::rename(QFile::encodeName(pendingFile).constData(), QFile::encodeName(loader.keyFilePath()).constData()) != 0) {
            Vault::wipe(newKey);
            co_return rotationError(tr("the secrets are re-encrypted, but %1 could not replace %2; move it there by hand")
                                        .arg(pendingFile, loader.keyFilePath()));
        }
        break;
    case MasterKey::Source::Keychain: {
        auto writing = m_keychain->write(loader.keychainKey(), newKey);
        const SecretStoreResult written = co_await writing;
        if (written.status != SecretStoreResult::Status::Ok) {
            Vault::wipe(newKey);
            co_return rotationError(tr("the secrets are re-encrypted, but the keychain did not take the new key (%1); "
                                       "it is kept in the keychain entry %2 and used from there")
                                        .arg(written.message, pendingEntry));
        }
        auto removing = m_keychain->remove(pendingEntry);
        (void)co_await removing;
        break;
    }
    case MasterKey::Source::Environment: outcome.newKey = newKey; break;
    }
    Vault::wipe(newKey);
    qCInfo(lcVault) << "master key rotated;" << outcome.resealed << "secrets re-encrypted";
    co_return outcome;
}

} // namespace Opbox
