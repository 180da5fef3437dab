// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/security/environmentsecrets.h"
#include "engine/security/vault.h"

#include <QHash>
#include <QMutex>
#include <QtGlobal>
#include <cstdlib>
#include <cstring>
#include <openssl/crypto.h>

namespace Opbox::EnvironmentSecrets {

namespace {
QMutex &lock()
{
    static QMutex mutex;
    return mutex;
}

QHash<QByteArray, QByteArray> &stashed()
{
    static QHash<QByteArray, QByteArray> values;
    return values;
}

/**
 * Reads the variable and removes it. Its bytes are overwritten in place first: removing the
 * variable only drops the pointer, and the process's initial environment stays readable in
 * `/proc/<pid>/environ` otherwise.
 */
QByteArray takeFromEnvironment(const char *name)
{
    if (!qEnvironmentVariableIsSet(name))
        return {};
    QByteArray value = qgetenv(name);
    if (char *raw = std::getenv(name))
        OPENSSL_cleanse(raw, std::strlen(raw));
    qunsetenv(name);
    return value;
}
} // namespace

void stash()
{
    const QMutexLocker locker(&lock());
    for (const char *name : {MasterKey, CronSecret}) {
        QByteArray value = takeFromEnvironment(name);
        if (!value.isEmpty())
            stashed().insert(QByteArray(name), value);
    }
}

QByteArray take(const char *name)
{
    const QMutexLocker locker(&lock());
    QByteArray value = takeFromEnvironment(name);
    QByteArray kept = stashed().take(QByteArray(name));
    if (value.isEmpty())
        return kept;
    Vault::wipe(kept);
    return value;
}

} // namespace Opbox::EnvironmentSecrets
