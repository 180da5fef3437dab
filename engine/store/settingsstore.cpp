// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/settingsstore.h"
#include "base/ids.h"
#include "engine/security/environmentsecrets.h"
#include "engine/security/secretbinding.h"
#include "engine/security/secretresealjob.h"
#include "engine/security/vault.h"
#include "engine/store/database.h"

using namespace Qt::StringLiterals;

namespace Opbox {

SettingsStore::SettingsStore(Database *metadata)
    : m_metadata(metadata)
{
    QByteArray fromEnvironment = EnvironmentSecrets::take(EnvironmentSecrets::CronSecret);
    m_environmentCronSecret = QString::fromUtf8(fromEnvironment);
    Vault::wipe(fromEnvironment);
}

QString SettingsStore::value(const QString &key, const QString &defaultValue) const
{
    SqlQuery q(m_metadata->connection(), u"SELECT value FROM settings WHERE key = ?"_s);
    q.bind(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return defaultValue;
}

bool SettingsStore::setValue(const QString &key, const QString &value)
{
    SqlQuery q(m_metadata->connection(), u"INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)"_s);
    q.bind(key).bind(value);
    return q.exec();
}

QString SettingsStore::storedCronSecret(const Vault &vault) const
{
    const QString key = SecretResealJob::cronSecretSetting();
    const QString sealed = value(key);
    if (sealed.isEmpty())
        return {};
    auto plain = vault.decrypt(QByteArray::fromBase64(sealed.toLatin1()), SecretBinding::setting(key));
    if (!plain)
        return {};
    const QString secret = QString::fromUtf8(*plain);
    Vault::wipe(*plain);
    return secret;
}

QString SettingsStore::cronSecret()
{
    if (!m_environmentCronSecret.isEmpty())
        return m_environmentCronSecret;
    const Vault *vault = m_vault.load();
    if (!vault)
        return {};
    QString secret = storedCronSecret(*vault);
    if (!secret.isEmpty())
        return secret;
    const QString key = SecretResealJob::cronSecretSetting();
    QByteArray fresh = Ids::base64Url(Ids::randomBytes(32));
    auto sealed = vault->encrypt(fresh, SecretBinding::setting(key));
    Vault::wipe(fresh);
    if (!sealed)
        return {};
    // INSERT OR IGNORE then re-read: two processes starting at once agree on one secret.
    SqlQuery q(m_metadata->connection(), u"INSERT OR IGNORE INTO settings(key, value) VALUES(?, ?)"_s);
    q.bind(key).bind(QString::fromLatin1(sealed->toBase64()));
    (void)q.exec();
    return storedCronSecret(*vault);
}

} // namespace Opbox
