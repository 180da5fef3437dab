// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <atomic>

namespace Opbox {

class Database;
class Vault;

/** Installation-wide settings in `opbox.db` (cron secret, server preferences), keyed by name. */
class SettingsStore
{
public:
    /** Takes `OPBOX_CRON_SECRET` out of the environment (it is kept in memory only). */
    explicit SettingsStore(Database *metadata);
    [[nodiscard]] QString value(const QString &key, const QString &defaultValue = {}) const;
    [[nodiscard]] bool setValue(const QString &key, const QString &value);
    /** The vault that seals the cron secret; set once it is open. */
    void setVault(const Vault *vault) { m_vault.store(vault); }
    /**
     * The cron secret: `OPBOX_CRON_SECRET` as it was at start, else the stored one (sealed by the
     * vault), generated on first use. Empty while the vault is locked.
     */
    [[nodiscard]] QString cronSecret();

private:
    [[nodiscard]] QString storedCronSecret(const Vault &vault) const;

    Database *m_metadata;
    QString m_environmentCronSecret;
    std::atomic<const Vault *> m_vault = nullptr;
};

} // namespace Opbox
