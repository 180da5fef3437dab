// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QList>
#include <QString>
#include <memory>

class QLockFile;

namespace Opbox {

/**
 * Marks a data directory as in use by a long-running process (the server or the desktop app), so
 * that offline maintenance such as a key rotation can refuse to run underneath it: a secret the
 * running process writes afterwards would be sealed with a key that no longer exists.
 *
 * Each process holds its own lock file in `<data-dir>/run/`, so several processes may use one
 * directory; a file left by a process that died counts as free (QLockFile checks the pid).
 */
class DataDirUse
{
public:
    DataDirUse();
    ~DataDirUse();
    DataDirUse(const DataDirUse &) = delete;
    DataDirUse &operator=(const DataDirUse &) = delete;

    /** Marks `dataDir` as used by this process until this object is destroyed. */
    [[nodiscard]] Result<void> hold(const QString &dataDir);

    /** The process ids of the live processes that use `dataDir` (this one excluded). */
    [[nodiscard]] static QList<qint64> otherUsers(const QString &dataDir);

private:
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Opbox
