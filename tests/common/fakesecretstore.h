// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/security/secretstore.h"

#include <QHash>

namespace Opbox::Test {

/** An in-memory keychain for unit tests; can pretend to be unavailable like a headless session. */
class FakeSecretStore : public SecretStore
{
public:
    bool available = true;
    QHash<QString, QByteArray> entries;
    int reads = 0;
    int writes = 0;

    QCoro::Task<SecretStoreResult> read(QString key) override
    {
        ++reads;
        if (!available)
            co_return SecretStoreResult{SecretStoreResult::Status::Unavailable, {}, QStringLiteral("no backend")};
        if (!entries.contains(key))
            co_return SecretStoreResult{SecretStoreResult::Status::NotFound, {}, {}};
        co_return SecretStoreResult{SecretStoreResult::Status::Ok, entries.value(key), {}};
    }
    QCoro::Task<SecretStoreResult> write(QString key, QByteArray data) override
    {
        ++writes;
        if (!available)
            co_return SecretStoreResult{SecretStoreResult::Status::Unavailable, {}, QStringLiteral("no backend")};
        entries.insert(key, data);
        co_return SecretStoreResult{SecretStoreResult::Status::Ok, {}, {}};
    }
    QCoro::Task<SecretStoreResult> remove(QString key) override
    {
        entries.remove(key);
        co_return SecretStoreResult{SecretStoreResult::Status::Ok, {}, {}};
    }
};

} // namespace Opbox::Test
