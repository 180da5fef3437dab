// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/database.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <memory>

namespace Opbox {

/**
 * Owns the per-workspace data files `<data-dir>/tables/<workspace-id>.db` (Opbox tables, their
 * catalog and every stream's sync state); opens and migrates each on first use.
 */
class WorkspaceDataStore
{
public:
    explicit WorkspaceDataStore(QString dataDir);
    ~WorkspaceDataStore();

    /** The workspace's data file, opened and migrated; nullptr (and a logged reason) on failure. */
    [[nodiscard]] Database *database(const QString &workspaceId);
    /**
     * Opens and migrates the data files these workspaces already have (at start); the
     * first that cannot be opened, e.g. with a schema newer than this build knows, says why.
     */
    [[nodiscard]] Result<void> openExisting(const QStringList &workspaceIds);
    [[nodiscard]] QString pathFor(const QString &workspaceId) const;

private:
    [[nodiscard]] Result<Database *> open(const QString &workspaceId);

    QString m_dataDir;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<Database>> m_databases;
};

} // namespace Opbox
