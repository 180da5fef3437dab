// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/workspacedatastore.h"
#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/store/schema.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Opbox {

WorkspaceDataStore::WorkspaceDataStore(QString dataDir)
    : m_dataDir(std::move(dataDir))
{
}

WorkspaceDataStore::~WorkspaceDataStore() = default;

QString WorkspaceDataStore::pathFor(const QString &workspaceId) const
{
    return m_dataDir + u"/tables/"_s + workspaceId + u".db"_s;
}

Database *WorkspaceDataStore::database(const QString &workspaceId)
{
    // The id becomes a file name: accept only our own id shape.
    if (!Ids::looksLikeId(workspaceId))
        return nullptr;
    auto db = open(workspaceId);
    if (!db) {
        qCCritical(lcEngine).noquote() << db.error().message;
        return nullptr;
    }
    return *db;
}

Result<void> WorkspaceDataStore::openExisting(const QStringList &workspaceIds)
{
    for (const QString &id : workspaceIds) {
        // Only files that exist: a start must not create data files as a side effect.
        if (!Ids::looksLikeId(id) || !QFileInfo::exists(pathFor(id)))
            continue;
        auto db = open(id);
        if (!db && db.error().code == u"SCHEMA_TOO_NEW"_s)
            return db.error();
        // Anything else (a damaged or locked file) only concerns that workspace: its syncs report
        // it, and the other workspaces keep working.
        if (!db)
            qCWarning(lcEngine).noquote() << db.error().message;
    }
    return {};
}

Result<Database *> WorkspaceDataStore::open(const QString &workspaceId)
{
    QMutexLocker lock(&m_mutex);
    if (auto it = m_databases.constFind(workspaceId); it != m_databases.constEnd())
        return it->get();
    auto db = std::make_shared<Database>(pathFor(workspaceId), Schema::workspaceMigrations(), u"workspace data"_s);
    if (auto ok = db->open(); !ok)
        return ok.error();
    m_databases.insert(workspaceId, db);
    return db.get();
}

} // namespace Opbox
