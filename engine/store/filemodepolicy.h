// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Opbox {

/**
 * Keeps the data directory to its owner: directories 0700, database files (and the -wal/-shm
 * files SQLite gives the same mode) 0600, whatever the umask, and tightens looser modes left
 * from earlier versions or other tools, since synced data and the audit log are in those files.
 */
class FileModePolicy
{
public:
    /** Creates `dir` (and missing parents) with 0700 for the last one; true if it exists afterwards. */
    [[nodiscard]] static bool makePrivateDirectory(const QString &dir);

    /** Creates `path` empty with 0600 if it is missing, or tightens it; true if it exists afterwards. */
    [[nodiscard]] static bool makePrivateFile(const QString &path);

    /**
     * Tightens the data directory, its `tables/` and every database file there with its -wal
     * and -shm, logging one warning line if any of them was open to other users. Returns how
     * many were tightened.
     */
    static int tightenDataDirectory(const QString &dataDir);
};

} // namespace Opbox
