// SPDX-License-Identifier: GPL-3.0-or-later
// The data directory under a permissive umask (022): created for its owner only, database files
// and their -wal/-shm 0600, looser modes from before tightened at the next start with one
// warning, and freed pages of the metadata database zeroed.
#include "base/ids.h"
#include "engine/services/engine.h"
#include "engine/store/database.h"
#include "engine/store/workspacedatastore.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

/** The permission bits of `path`, or -1 when it does not exist. */
int modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QString octal(int mode)
{
    return mode < 0 ? u"missing"_s : u"0"_s + QString::number(mode, 8);
}

} // namespace

/** FileModePolicy as the engine applies it when it opens a data directory. */
class TestFileModes : public QObject
{
    Q_OBJECT

    mode_t m_umask = 0;
    QTemporaryDir m_tmp;

    void expectMode(const QString &path, int mode)
    {
        QVERIFY2(modeOf(path) == mode, qPrintable(u"%1 is %2, not %3"_s.arg(path, octal(modeOf(path)), octal(mode))));
    }

    /** Opens the engine on `dir` and writes to a workspace table file, so every file exists. */
    void openWithTables(Engine &engine, const QString &workspaceId)
    {
        QVERIFY(engine.open());
        Database *tables = engine.workspaceData()->database(workspaceId);
        QVERIFY(tables);
        QSqlQuery q(tables->connection());
        QVERIFY(q.exec(u"CREATE TABLE IF NOT EXISTS t(x)"_s));
        QVERIFY(q.exec(u"INSERT INTO t VALUES (1)"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_umask = ::umask(022);
    }
    void cleanupTestCase() { ::umask(m_umask); }

    void newFilesAreTheOwnersOnly()
    {
        const QString dir = m_tmp.path() + u"/new/data"_s;
        const QString workspace = Ids::newId();
        Engine engine(dir);
        openWithTables(engine, workspace);
        if (QTest::currentTestFailed())
            return;
        expectMode(dir, 0700);
        expectMode(dir + u"/tables"_s, 0700);
        for (const QString &db : QStringList{dir + u"/opbox.db"_s, dir + u"/tables/"_s + workspace + u".db"_s}) {
            for (const QString &suffix : QStringList{QString(), u"-wal"_s, u"-shm"_s}) {
                expectMode(db + suffix, 0600);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    void looserModesAreTightenedWithOneWarning()
    {
        const QString dir = m_tmp.path() + u"/old"_s;
        const QString workspace = Ids::newId();
        const QString tableFile = dir + u"/tables/"_s + workspace + u".db"_s;
        {
            Engine engine(dir);
            openWithTables(engine, workspace);
            if (QTest::currentTestFailed())
                return;
        }
        // As an older version or `cp` under umask 022 would have left them.
        QCOMPARE(::chmod(QFile::encodeName(dir).constData(), 0755), 0);
        QCOMPARE(::chmod(QFile::encodeName(dir + u"/tables"_s).constData(), 0755), 0);
        QCOMPARE(::chmod(QFile::encodeName(dir + u"/opbox.db"_s).constData(), 0644), 0);
        QCOMPARE(::chmod(QFile::encodeName(tableFile).constData(), 0644), 0);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^restricted [0-9]+ files and folders in .*old"_s));
        Engine engine(dir);
        openWithTables(engine, workspace);
        if (QTest::currentTestFailed())
            return;
        expectMode(dir, 0700);
        expectMode(dir + u"/tables"_s, 0700);
        expectMode(dir + u"/opbox.db"_s, 0600);
        expectMode(tableFile, 0600);
        expectMode(tableFile + u"-wal"_s, 0600);
    }

    void metadataFreesPagesSecurely()
    {
        Engine engine(m_tmp.path() + u"/secure"_s);
        QVERIFY(engine.open());
        QSqlQuery q(engine.metadata()->connection());
        QVERIFY(q.exec(u"PRAGMA secure_delete"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFileModes)
#include "tst_filemodes.moc"
