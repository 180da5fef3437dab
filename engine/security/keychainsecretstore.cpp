// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/enginelogging.h"
#include "engine/security/secretstore.h"

#include <QCoroSignal>
#include <memory>
#include <qt6keychain/keychain.h>

namespace Opbox {

namespace {
SecretStoreResult fromJob(const QKeychain::Job &job)
{
    SecretStoreResult r;
    switch (job.error()) {
    case QKeychain::NoError: r.status = SecretStoreResult::Status::Ok; break;
    case QKeychain::EntryNotFound: r.status = SecretStoreResult::Status::NotFound; break;
    default:
        // On Linux every D-Bus or backend problem arrives as OtherError: the store is unusable.
        r.status = SecretStoreResult::Status::Unavailable;
        r.message = job.errorString();
        break;
    }
    return r;
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{
}

QCoro::Task<SecretStoreResult> KeychainSecretStore::read(QString key)
{
    auto job = std::make_unique<QKeychain::ReadPasswordJob>(m_service);
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->start();
    co_await qCoro(job.get(), &QKeychain::Job::finished);
    SecretStoreResult r = fromJob(*job);
    if (r.status == SecretStoreResult::Status::Ok)
        r.data = job->binaryData();
    co_return r;
}

QCoro::Task<SecretStoreResult> KeychainSecretStore::write(QString key, QByteArray data)
{
    auto job = std::make_unique<QKeychain::WritePasswordJob>(m_service);
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setBinaryData(data);
    job->start();
    co_await qCoro(job.get(), &QKeychain::Job::finished);
    co_return fromJob(*job);
}

QCoro::Task<SecretStoreResult> KeychainSecretStore::remove(QString key)
{
    auto job = std::make_unique<QKeychain::DeletePasswordJob>(m_service);
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->start();
    co_await qCoro(job.get(), &QKeychain::Job::finished);
    co_return fromJob(*job);
}

} // namespace Opbox
