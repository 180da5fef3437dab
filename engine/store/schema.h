// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/database.h"

namespace Opbox::Schema {

/** Numbered migrations of `<data-dir>/opbox.db` (metadata). Version 1 stored webhook tokens in plaintext. */
[[nodiscard]] QList<Migration> metadataMigrations();

/** Numbered migrations of `<data-dir>/tables/<workspace-id>.db` (catalog, sync state; Opbox tables are created by the sync engine). */
[[nodiscard]] QList<Migration> workspaceMigrations();

/** Only the migrations up to `version`, for tests that build an old database. */
[[nodiscard]] QList<Migration> upTo(const QList<Migration> &all, int version);

} // namespace Opbox::Schema
