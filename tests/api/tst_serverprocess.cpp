// SPDX-License-Identifier: GPL-3.0-or-later
// The built `opbox-pipelines --server` as a supervisor runs it: a signal sent the moment it says
// "listening on" is a clean shutdown (exit 0); it runs with umask 077 and creates its data
// directory for its user alone even when started under umask 022; it cannot be dumped or attached
// to by other processes of its user.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString binary()
{
    return QStringLiteral(OPBOX_BIN_DIR) + u"/opbox-pipelines"_s;
}

int modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

/** One `--server` child, started under umask 022, optionally through a wrapper command. */
struct ServerProcess
{
    QProcess process;
    QByteArray out;

    void start(const QString &dataDir, const QStringList &extra = {}, const QStringList &wrapper = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OPBOX_MASTER_KEY"_s, QString::fromLatin1(QByteArray(32, 'k').toBase64()));
        env.insert(u"HOME"_s, dataDir);
        process.setProcessEnvironment(env);
        process.setChildProcessModifier([] { ::umask(022); });
        QStringList args = wrapper;
        args << binary() << u"--server"_s << u"--listen"_s << u"127.0.0.1:0"_s << u"--data-dir"_s << dataDir << extra;
        const QString program = args.takeFirst();
        process.start(program, args);
    }

    /** Waits for the readiness line; true once it was printed. */
    bool waitForListening()
    {
        QElapsedTimer clock;
        clock.start();
        static const QRegularExpression listening(u"^listening on http://127\\.0\\.0\\.1:\\d+\n"_s);
        while (clock.elapsed() < 30000 && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(100);
            out += process.readAllStandardOutput();
            if (listening.match(QString::fromUtf8(out)).hasMatch())
                return true;
        }
        return false;
    }

    /** A line of /proc/PID/status, e.g. "Umask". */
    [[nodiscard]] QByteArray status(const QByteArray &field) const
    {
        QFile file(u"/proc/%1/status"_s.arg(process.processId()));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith(QByteArray(field + ':')))
                return line.mid(field.size() + 1).trimmed();
        }
        return {};
    }

    ~ServerProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};

} // namespace

/** The server process's start and stop as the operating system sees them. */
class TestServerProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signalRightAfterReadinessIsACleanStop_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("SIGTERM") << int(SIGTERM) << QStringList();
        QTest::newRow("SIGINT") << int(SIGINT) << QStringList();
        // The demo sandbox starts after the readiness line: the signal arrives while it starts.
        QTest::newRow("SIGTERM while the demo starts") << int(SIGTERM) << QStringList{u"--demo"_s};
    }
    void signalRightAfterReadinessIsACleanStop()
    {
        QFETCH(int, signal);
        QFETCH(QStringList, extra);
        QTemporaryDir dir;
        ServerProcess server;
        server.start(dir.path() + u"/data"_s, extra);
        QVERIFY2(server.waitForListening(), server.out.constData());
        ::kill(pid_t(server.process.processId()), signal);
        QVERIFY(server.process.waitForFinished(20000));
        QVERIFY2(server.process.exitStatus() == QProcess::NormalExit, "the server was killed by the signal");
        QCOMPARE(server.process.exitCode(), 0);
    }

    void runsWithAPrivateUmask()
    {
        QTemporaryDir dir;
        const QString data = dir.path() + u"/data"_s;
        ServerProcess server;
        server.start(data);
        QVERIFY2(server.waitForListening(), server.out.constData());
        QCOMPARE(server.status("Umask"), QByteArray("0077"));
        QCOMPARE(modeOf(data), 0700);
        QCOMPARE(modeOf(data + u"/opbox.db"_s), 0600);
        QCOMPARE(modeOf(data + u"/opbox.db-wal"_s), 0600);
    }

    void cannotBeDumped()
    {
        // A process that is not dumpable has its /proc files owned by root. As root, the test
        // runs the server as nobody, so that the owner tells the two apart.
        QStringList wrapper;
        QTemporaryDir dir;
        const QString data = dir.path() + u"/data"_s;
        if (::getuid() == 0) {
            const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
            if (setpriv.isEmpty())
                QSKIP("running as root without setpriv: cannot run the server as another user");
            QVERIFY(QDir().mkpath(data));
            QCOMPARE(::chown(QFile::encodeName(dir.path()).constData(), 65534, 65534), 0);
            QCOMPARE(::chown(QFile::encodeName(data).constData(), 65534, 65534), 0);
            wrapper = {setpriv, u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, u"--"_s};
        }
        ServerProcess server;
        server.start(data, {}, wrapper);
        QVERIFY2(server.waitForListening(), QByteArray(server.out + server.process.readAllStandardError()).constData());
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(u"/proc/%1/environ"_s.arg(server.process.processId())).constData(), &st), 0);
        QCOMPARE(st.st_uid, uid_t(0));
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
