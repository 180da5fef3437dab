// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Opbox {

class Database;

/** Installation-wide settings in `opbox.db` (cron secret, server preferences), keyed by name. */
class SettingsStore
{
public:
    explicit SettingsStore(Database *metadata);
    [[nodiscard]] QString value(const QString &key, const QString &defaultValue = {}) const;
    [[nodiscard]] bool setValue(const QString &key, const QString &value);
    /** The cron secret: env `OPBOX_CRON_SECRET`, else the stored one, generated on first use. */
    [[nodiscard]] QString cronSecret();

private:
    Database *m_metadata;
};

} // namespace Opbox
