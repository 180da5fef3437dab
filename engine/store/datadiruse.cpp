// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/datadiruse.h"
#include "engine/store/filemodepolicy.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
QString runDir(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"run"_s);
}
} // namespace

DataDirUse::DataDirUse() = default;
DataDirUse::~DataDirUse() = default;

Result<void> DataDirUse::hold(const QString &dataDir)
{
    const QString dir = runDir(dataDir);
    if (!FileModePolicy::makePrivateDirectory(dir))
        return Error::configuration(QCoreApplication::translate("DataDirUse", "Cannot create %1").arg(dir));
    auto lock = std::make_unique<QLockFile>(QDir(dir).filePath(QString::number(QCoreApplication::applicationPid()) + u".lock"_s));
    // Only a dead owner makes a lock stale, never its age: a server runs for months.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return Error::configuration(QCoreApplication::translate("DataDirUse", "Cannot mark %1 as in use").arg(dataDir));
    m_lock = std::move(lock);
    return {};
}

QList<qint64> DataDirUse::otherUsers(const QString &dataDir)
{
    QList<qint64> users;
    const QDir dir(runDir(dataDir));
    const QString own = QString::number(QCoreApplication::applicationPid()) + u".lock"_s;
    const QStringList files = dir.entryList({u"*.lock"_s}, QDir::Files);
    for (const QString &name : files) {
        if (name == own)
            continue;
        QLockFile probe(dir.filePath(name));
        probe.setStaleLockTime(0);
        if (probe.tryLock(0)) {
            // The owner is gone: the file was stale and is removed with the probe's lock.
            probe.unlock();
            continue;
        }
        qint64 pid = 0;
        QString host, app;
        if (probe.getLockInfo(&pid, &host, &app))
            users.append(pid);
    }
    return users;
}

} // namespace Opbox
