// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace Opbox {

class Database;
class SecretStore;

/** Where the master key was found; shown in Settings so the admin knows what protects the secrets. */
struct MasterKey
{
    enum class Source { Environment, Keychain, File };
    QByteArray key;
    Source source = Source::File;
    bool created = false;
    [[nodiscard]] QString sourceName() const;
};

/**
 * Finds the master key (env `OPBOX_MASTER_KEY`, then the keychain, then `<data-dir>/master.key`),
 * or creates one on a data directory that holds no secrets yet. A key that does not open the
 * existing secrets is refused; a missing key never leads to a new one over existing secrets.
 */
class MasterKeyLoader
{
public:
    MasterKeyLoader(QString dataDir, Database *metadata, SecretStore *keychain);
    [[nodiscard]] QCoro::Task<Result<MasterKey>> load();
    /** The keychain entry name for this data directory. */
    [[nodiscard]] QString keychainKey() const;
    [[nodiscard]] QString keyFilePath() const;
    /** Where `key rotate` keeps the new key until the secrets are re-encrypted under it. */
    [[nodiscard]] QString pendingKeyFilePath() const;
    [[nodiscard]] QString pendingKeychainKey() const;
    /** Writes `key` (base64) to `path`, readable only by its owner from the first byte. */
    [[nodiscard]] static Result<void> writeKeyFile(const QString &path, const QByteArray &key);

private:
    [[nodiscard]] Result<void> verify(const QByteArray &key, const QString &where) const;
    [[nodiscard]] bool hasKeyCheck() const;
    /** Up to `limit` sealed values already in the database, each with its associated data. */
    [[nodiscard]] QList<QPair<QByteArray, QByteArray>> sealedSecrets(int limit) const;
    [[nodiscard]] bool storeKeyCheck(const QByteArray &key) const;
    /** The key a rotation kept aside, when the current one does not open the secrets and it does. */
    [[nodiscard]] QCoro::Task<std::optional<QByteArray>> pendingKeyThatOpens(MasterKey::Source source);

    QString m_dataDir;
    Database *m_metadata;
    SecretStore *m_keychain;
};

} // namespace Opbox
