// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Opbox {

/**
 * Takes the secrets that may come in through the environment (`OPBOX_MASTER_KEY`,
 * `OPBOX_CRON_SECRET`) out of it, so that no child process and no browser the application opens
 * inherits them. `stash()` at the very start of the process moves them into process memory; `take()`
 * hands a value out once and forgets it.
 */
namespace EnvironmentSecrets {
inline constexpr const char *MasterKey = "OPBOX_MASTER_KEY";
inline constexpr const char *CronSecret = "OPBOX_CRON_SECRET";

/** Moves every secret variable out of the environment into process memory. */
void stash();
/**
 * The variable's value: from the environment when it is set there (it is removed from it), else
 * what `stash()` kept (then forgotten). Empty when neither holds one.
 */
[[nodiscard]] QByteArray take(const char *name);
} // namespace EnvironmentSecrets

} // namespace Opbox
