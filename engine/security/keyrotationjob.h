// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/security/masterkeyloader.h"

#include <QByteArray>
#include <QCoroTask>
#include <QString>

namespace Opbox {

class Database;
class SecretStore;

/** What a rotation did, and where the new key went. */
struct KeyRotationOutcome
{
    MasterKey::Source source = MasterKey::Source::File; // where the old key was, and the new one is
    QByteArray newKey; // only for a key that came from the environment: the caller shows it once
    int resealed = 0;
};

/**
 * `key rotate`: replaces the master key of a data directory whose server is stopped. A new key is
 * generated and kept beside the current one (`master.key.new`, a `-next` keychain entry) until
 * every sealed secret has been re-encrypted under it in one transaction; then it takes the
 * current key's place. From then on the old key opens nothing. A key from `OPBOX_MASTER_KEY` is
 * handed back to be shown once, since the environment cannot be written.
 */
class KeyRotationJob
{
public:
    KeyRotationJob(QString dataDir, Database *metadata, SecretStore *keychain);
    [[nodiscard]] QCoro::Task<Result<KeyRotationOutcome>> run();

private:
    QString m_dataDir;
    Database *m_metadata;
    SecretStore *m_keychain;
};

} // namespace Opbox
