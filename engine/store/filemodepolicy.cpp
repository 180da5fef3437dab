// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/filemodepolicy.h"
#include "engine/enginelogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

#ifdef Q_OS_UNIX
/** Removes the group and other bits of `path` when any is set; true if it did. */
bool tighten(const QString &path, mode_t mode)
{
    struct stat st = {};
    const QByteArray native = QFile::encodeName(path);
    if (::lstat(native.constData(), &st) != 0 || S_ISLNK(st.st_mode) || (st.st_mode & 077) == 0)
        return false;
    if (::chmod(native.constData(), mode) != 0) {
        qCWarning(lcEngine) << "cannot restrict the permissions of" << path << ::strerror(errno);
        return false;
    }
    return true;
}
#endif

} // namespace

bool FileModePolicy::makePrivateDirectory(const QString &dir)
{
    const bool existed = QFileInfo(dir).isDir();
    if (!existed && !QDir().mkpath(dir))
        return false;
#ifdef Q_OS_UNIX
    if (!existed)
        tighten(dir, 0700);
#endif
    return true;
}

bool FileModePolicy::makePrivateFile(const QString &path)
{
#ifdef Q_OS_UNIX
    // Created 0600 from the start: a file created under the umask would be readable for a moment.
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return false;
    ::close(fd);
    tighten(path, 0600);
    return true;
#else
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Append);
#endif
}

int FileModePolicy::tightenDataDirectory(const QString &dataDir)
{
    int tightened = 0;
#ifdef Q_OS_UNIX
    const QString tables = dataDir + u"/tables"_s;
    for (const QString &dir : {dataDir, tables})
        tightened += tighten(dir, 0700) ? 1 : 0;
    const QStringList patterns{u"*.db"_s, u"*.db-wal"_s, u"*.db-shm"_s};
    for (const QString &dir : {dataDir, tables}) {
        const QFileInfoList files = QDir(dir).entryInfoList(patterns, QDir::Files | QDir::Hidden | QDir::NoSymLinks);
        for (const QFileInfo &file : files)
            tightened += tighten(file.absoluteFilePath(), 0600) ? 1 : 0;
    }
    if (tightened > 0) {
        qCWarning(lcEngine).noquote()
            << u"restricted %1 files and folders in %2 to their owner; other users could read them"_s.arg(tightened).arg(
                   QDir::toNativeSeparators(dataDir));
    }
#else
    Q_UNUSED(dataDir);
#endif
    return tightened;
}

} // namespace Opbox
