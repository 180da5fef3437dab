// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/settingsstore.h"
#include "base/ids.h"
#include "engine/store/database.h"

using namespace Qt::StringLiterals;

namespace Opbox {

SettingsStore::SettingsStore(Database *metadata)
    : m_metadata(metadata)
{
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

QString SettingsStore::cronSecret()
{
    const QString env = qEnvironmentVariable("OPBOX_CRON_SECRET");
    if (!env.isEmpty())
        return env;
    QString secret = value(u"cronSecret"_s);
    if (secret.isEmpty()) {
        secret = QString::fromLatin1(Ids::base64Url(Ids::randomBytes(32)));
        // INSERT OR IGNORE then re-read: two processes starting at once agree on one secret.
        SqlQuery q(m_metadata->connection(), u"INSERT OR IGNORE INTO settings(key, value) VALUES('cronSecret', ?)"_s);
        q.bind(secret);
        (void)q.exec();
        secret = value(u"cronSecret"_s);
    }
    return secret;
}

} // namespace Opbox
