// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QString>

class QSqlDatabase;
struct sqlite3;

namespace Opbox {

/**
 * The SQLite library the engine links, checked against the one Qt's QSQLITE plugin opens its
 * connections with. The engine calls the C API on the plugin's own `sqlite3*` (the sync's writers,
 * nested transactions), which is only sound when both are the same library: a plugin built with
 * its own copy of SQLite would hand over a handle whose layout the engine's library may not share.
 */
class SqliteLibrary
{
public:
    /** What a SQLite library says it is. */
    struct Build
    {
        QString version; // 3.40.1
        QString sourceId; // date, time and check-in hash of its source
        [[nodiscard]] bool operator==(const Build &) const = default;
    };

    /** The plugin's `sqlite3*` behind an open QSQLITE connection; null for any other connection. */
    [[nodiscard]] static sqlite3 *handle(const QSqlDatabase &db);

    /** The library the engine is linked with. */
    [[nodiscard]] static Build linked();
    /** The library behind a QSQLITE connection, as it answers `sqlite_version()` and `sqlite_source_id()`. */
    [[nodiscard]] static Result<Build> ofConnection(const QSqlDatabase &db);
    /**
     * Fine when both are the same build; otherwise an error that names both, so that the one who
     * packaged the program can see which library the QSQLITE plugin brought. (Two copies of the
     * very same build cannot be told apart this way; they also agree on the handle's layout.)
     */
    [[nodiscard]] static Result<void> compare(const Build &engine, const Build &plugin);
    /** compare(linked(), ofConnection(db)). */
    [[nodiscard]] static Result<void> check(const QSqlDatabase &db);
};

} // namespace Opbox
