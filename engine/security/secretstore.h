// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoroTask>
#include <QString>

namespace Opbox {

/** The outcome of one secret-store operation; anything but Found/NotFound means "store unusable". */
struct SecretStoreResult
{
    enum class Status { Ok, NotFound, Unavailable };
    Status status = Status::Unavailable;
    QByteArray data;
    QString message;
};

/** Asynchronous access to an OS secret store (the keychain), behind an interface so tests use a fake. */
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    [[nodiscard]] virtual QCoro::Task<SecretStoreResult> read(QString key) = 0;
    [[nodiscard]] virtual QCoro::Task<SecretStoreResult> write(QString key, QByteArray data) = 0;
    [[nodiscard]] virtual QCoro::Task<SecretStoreResult> remove(QString key) = 0;
};

/** The real keychain through QtKeychain (Secret Service on Linux), service `opbox-pipelines`. */
class KeychainSecretStore : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("opbox-pipelines"));
    [[nodiscard]] QCoro::Task<SecretStoreResult> read(QString key) override;
    [[nodiscard]] QCoro::Task<SecretStoreResult> write(QString key, QByteArray data) override;
    [[nodiscard]] QCoro::Task<SecretStoreResult> remove(QString key) override;

private:
    QString m_service;
};

} // namespace Opbox
