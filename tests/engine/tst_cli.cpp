// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/schema.h"
#include "httpclient.h"
#include "testengine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {
QString binary()
{
    return QStringLiteral(OPBOX_BIN_DIR) + u"/opbox-pipelines"_s;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runWith(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(binary(), args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

Run run(const QStringList &args, const QString &dataDir = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    if (!dataDir.isEmpty())
        env.insert(u"OPBOX_DATA_DIR"_s, dataDir);
    return runWith(args, env);
}

// The GUI start as a user's shell would run it: no forced platform, only the display variables given.
Run runGui(const QStringList &args, const QHash<QString, QString> &display)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    for (auto it = display.cbegin(); it != display.cend(); ++it)
        env.insert(it.key(), it.value());
    return runWith(args, env);
}

// An X display number nothing serves: no socket file and no abstract socket of that name.
int unusedXDisplay()
{
    QFile sockets(u"/proc/net/unix"_s);
    const QByteArray open = sockets.open(QIODevice::ReadOnly) ? sockets.readAll() : QByteArray();
    for (int n = 917; n < 1000; ++n) {
        const QByteArray name = "/tmp/.X11-unix/X" + QByteArray::number(n);
        if (!QFile::exists(QString::fromLatin1(name)) && !open.contains(QByteArray(name + '\n')))
            return n;
    }
    return -1;
}

QList<QByteArray> nonEmptyLines(const QByteArray &text)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : text.split('\n'))
        if (!line.trimmed().isEmpty())
            lines.append(line);
    return lines;
}
} // namespace

/** The command line: exit codes, `token create`, and the server's start and clean stop. */
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY2(QFile::exists(binary()), qPrintable(binary()));
    }

    void version()
    {
        const Run r = run({u"--version"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("opbox-pipelines " OPBOX_VERSION));
        const Run h = run({u"--help"_s});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("token create"));
    }

    void guiWithoutDisplayFailsInOneLine_data()
    {
        QTest::addColumn<bool>("xDisplay");
        QTest::newRow("no display variables") << false;
        QTest::newRow("DISPLAY nothing serves") << true;
    }
    void guiWithoutDisplayFailsInOneLine()
    {
        QFETCH(bool, xDisplay);
        QTemporaryDir dir;
        QHash<QString, QString> display;
        if (xDisplay) {
            const int n = unusedXDisplay();
            QVERIFY(n > 0);
            display.insert(u"DISPLAY"_s, u":"_s + QString::number(n));
        }
        const Run r = runGui({u"--data-dir"_s, dir.path()}, display);
        QCOMPARE(r.exitCode, 1); // not an abort (134)
        const auto lines = nonEmptyLines(r.err);
        QVERIFY2(lines.size() == 1, r.err.constData());
        QVERIFY2(lines.constFirst().startsWith("opbox-pipelines: "), r.err.constData());
        QVERIFY2(lines.constFirst().contains("--server"), r.err.constData());
        if (xDisplay) // names the display it could not reach
            QVERIFY2(lines.constFirst().contains(display.value(u"DISPLAY"_s).toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void headlessModesNeedNoDisplay()
    {
        QTemporaryDir dir;
        QCOMPARE(runGui({u"--version"_s}, {}).exitCode, 0);
        QCOMPARE(runGui({u"--help"_s}, {}).exitCode, 0);
        const Run t = runGui({u"token"_s, u"create"_s, u"--user"_s, u"a@b.c"_s, u"--data-dir"_s, dir.path()}, {});
        QCOMPARE(t.exitCode, 0);
        QVERIFY(t.out.startsWith("opb_"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("--listen junk") << QStringList{u"--server"_s, u"--listen"_s, u"junk"_s} << QByteArray("--listen");
        QTest::newRow("--listen bad port") << QStringList{u"--server"_s, u"--listen"_s, u"127.0.0.1:99999"_s}
                                           << QByteArray("--listen");
        QTest::newRow("--listen no host") << QStringList{u"--server"_s, u"--listen"_s, u":80"_s} << QByteArray("--listen");
        QTest::newRow("--workers 0") << QStringList{u"--server"_s, u"--workers"_s, u"0"_s} << QByteArray("--workers");
        QTest::newRow("--workers abc") << QStringList{u"--server"_s, u"--workers"_s, u"abc"_s} << QByteArray("--workers");
        QTest::newRow("--public-url ftp") << QStringList{u"--server"_s, u"--public-url"_s, u"ftp://x"_s}
                                          << QByteArray("--public-url");
        QTest::newRow("unknown option") << QStringList{u"--bogus"_s} << QByteArray("bogus");
        QTest::newRow("stray argument") << QStringList{u"--server"_s, u"extra"_s} << QByteArray("extra");
        QTest::newRow("token without create") << QStringList{u"token"_s} << QByteArray("token");
        QTest::newRow("token frob") << QStringList{u"token"_s, u"frob"_s} << QByteArray("token");
        QTest::newRow("token create without --user") << QStringList{u"token"_s, u"create"_s} << QByteArray("--user");
        QTest::newRow("--role junk") << QStringList{u"token"_s, u"create"_s, u"--user"_s, u"a@b.c"_s, u"--role"_s, u"junk"_s}
                                     << QByteArray("--role");
        QTest::newRow("--user not an email")
            << QStringList{u"token"_s, u"create"_s, u"--user"_s, u"bob"_s} << QByteArray("--user");
        QTest::newRow("server option on token")
            << QStringList{u"token"_s, u"create"_s, u"--user"_s, u"a@b.c"_s, u"--listen"_s, u"x"_s} << QByteArray("listen");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mentions);
        QTemporaryDir dir;
        const Run r = run(args, dir.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), r.err.constData());
        QVERIFY(r.out.isEmpty());
        // A usage error touches nothing on disk.
        QVERIFY(!QFile::exists(dir.filePath(u"opbox.db"_s)));
    }

    void tokenCreate()
    {
        QTemporaryDir dir;
        const Run r = run(
            {u"token"_s, u"create"_s, u"--user"_s, u"ada@example.com"_s, u"--name"_s, u"Ada"_s, u"--data-dir"_s, dir.path()});
        QCOMPARE(r.exitCode, 0);
        static const QRegularExpression tokenRe(u"^opb_[A-Za-z0-9_-]{43}\n$"_s);
        QVERIFY2(tokenRe.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
        // Only the hash is stored.
        QFile db(dir.filePath(u"opbox.db"_s));
        QVERIFY(db.exists());
        const Run again = run({u"token"_s, u"create"_s, u"--user"_s, u"ada@example.com"_s, u"--role"_s, u"viewer"_s,
                               u"--workspace"_s, u"Ops"_s, u"--data-dir"_s, dir.path()});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out != r.out);

        {
            auto sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            sql.setDatabaseName(dir.filePath(u"opbox.db"_s));
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(u"SELECT COUNT(*) FROM users"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            QVERIFY(
                q.exec(u"SELECT w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id ORDER BY w.name"_s));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), u"Default"_s);
            QCOMPARE(q.value(1).toString(), u"OWNER"_s);
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), u"Ops"_s);
            QCOMPARE(q.value(1).toString(), u"VIEWER"_s);
            QVERIFY(q.exec(u"SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?"_s.replace(u"?"_s, u"'x'"_s)) && q.next());
        }
        QSqlDatabase::removeDatabase(u"check"_s);
        QFile raw(dir.filePath(u"opbox.db"_s));
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains(r.out.trimmed()));
        QFile wal(dir.filePath(u"opbox.db-wal"_s));
        if (wal.open(QIODevice::ReadOnly))
            QVERIFY(!wal.readAll().contains(r.out.trimmed()));
    }

    void tokenCreateWithoutRoleKeepsAnExistingRole()
    {
        QTemporaryDir dir;
        const auto roleNow = [&dir]() {
            QString role;
            {
                auto sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"roles"_s);
                sql.setDatabaseName(dir.filePath(u"opbox.db"_s));
                if (sql.open()) {
                    QSqlQuery q(sql);
                    if (q.exec(u"SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id"
                               " JOIN workspaces w ON w.id = m.workspace_id"
                               " WHERE u.email = 'vic@example.com' AND w.name = 'Default'"_s)
                        && q.next())
                        role = q.value(0).toString();
                }
            }
            QSqlDatabase::removeDatabase(u"roles"_s);
            return role;
        };
        const QStringList base{u"token"_s, u"create"_s, u"--user"_s, u"vic@example.com"_s, u"--data-dir"_s, dir.path()};
        QCOMPARE(run(base + QStringList{u"--role"_s, u"VIEWER"_s}).exitCode, 0);
        QCOMPARE(roleNow(), u"VIEWER"_s);
        // No --role: OWNER is only the default of a new membership, never an upgrade.
        const Run again = run(base);
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.startsWith("opb_"));
        QCOMPARE(roleNow(), u"VIEWER"_s);
        // An explicit --role changes an existing membership.
        QCOMPARE(run(base + QStringList{u"--role"_s, u"ADMIN"_s}).exitCode, 0);
        QCOMPARE(roleNow(), u"ADMIN"_s);
        QCOMPARE(run(base).exitCode, 0);
        QCOMPARE(roleNow(), u"ADMIN"_s);
    }

    void serverStartsServesAndStopsCleanly_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    void serverStartsServesAndStopsCleanly()
    {
        QFETCH(int, signal);
        QTemporaryDir dir;
        const Run t = run({u"token"_s, u"create"_s, u"--user"_s, u"ops@example.com"_s, u"--data-dir"_s, dir.path()});
        QCOMPARE(t.exitCode, 0);
        QProcess server;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OPBOX_MASTER_KEY"_s, QString::fromLatin1(QByteArray(32, 'k').toBase64()));
        server.setProcessEnvironment(env);
        server.start(binary(), {u"--server"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()});
        QVERIFY(server.waitForStarted());
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        while (!out.contains('\n') && clock.elapsed() < 20000) {
            server.waitForReadyRead(500);
            out += server.readAllStandardOutput();
        }
        static const QRegularExpression listening(u"^listening on http://127\\.0\\.0\\.1:(\\d+)\n"_s);
        const auto m = listening.match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        const quint16 port = quint16(m.captured(1).toUInt());
        QVERIFY(port > 0);
        QUrl base(u"http://127.0.0.1"_s);
        base.setPort(port);
        Test::HttpClient client(base);
        client.setToken(QString::fromUtf8(t.out.trimmed()));
        const auto me = client.get(u"/api/me"_s);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"user"_s).toObject().value(u"email"_s).toString(), u"ops@example.com"_s);
        ::kill(pid_t(server.processId()), signal);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        QCOMPARE(client.get(u"/api/health"_s).status, 0); // nothing listens any more
    }

    void serverOnBusyPortFails()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        QProcess server;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OPBOX_MASTER_KEY"_s, QString::fromLatin1(QByteArray(32, 'k').toBase64()));
        server.setProcessEnvironment(env);
        server.start(
            binary(),
            {u"--server"_s, u"--listen"_s, u"127.0.0.1:"_s + QString::number(busy.serverPort()), u"--data-dir"_s, dir.path()});
        QVERIFY(server.waitForFinished(20000));
        QCOMPARE(server.exitCode(), 1);
        QVERIFY(server.readAllStandardError().contains("cannot listen"));
    }

    void newerSchemaRefusesToStart()
    {
        QTemporaryDir dir;
        QCOMPARE(run({u"token"_s, u"create"_s, u"--user"_s, u"a@b.c"_s, u"--data-dir"_s, dir.path()}).exitCode, 0);
        {
            auto sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bump"_s);
            sql.setDatabaseName(dir.filePath(u"opbox.db"_s));
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(u"INSERT INTO schema_version(version, applied_at) VALUES(4242, 'future')"_s));
        }
        QSqlDatabase::removeDatabase(u"bump"_s);
        const Run r = run({u"--server"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("4242"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1); // one clear line
    }

    void newerWorkspaceDataSchemaRefusesToStart()
    {
        QTemporaryDir dir;
        // token create makes the "Default" workspace and its data file.
        QCOMPARE(run({u"token"_s, u"create"_s, u"--user"_s, u"a@b.c"_s, u"--data-dir"_s, dir.path()}).exitCode, 0);
        const QStringList files = QDir(dir.filePath(u"tables"_s)).entryList({u"*.db"_s}, QDir::Files);
        QCOMPARE(files.size(), 1);
        const QString dataFile = dir.filePath(u"tables/"_s + files.constFirst());
        {
            auto sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bumpdata"_s);
            sql.setDatabaseName(dataFile);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(u"INSERT INTO schema_version(version, applied_at) VALUES(4243, 'future')"_s));
        }
        QSqlDatabase::removeDatabase(u"bumpdata"_s);
        QProcess server;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OPBOX_MASTER_KEY"_s, QString::fromLatin1(QByteArray(32, 'k').toBase64()));
        server.setProcessEnvironment(env);
        server.start(binary(), {u"--server"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()});
        if (!server.waitForFinished(10000)) { // a server that started anyway
            server.kill();
            server.waitForFinished();
            QFAIL("the server started on a workspace data file newer than this build knows");
        }
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 1);
        const QByteArray err = server.readAllStandardError();
        QVERIFY2(err.contains("4243"), err.constData());
        QVERIFY2(err.contains(files.constFirst().toUtf8()), err.constData()); // names the file
        int known = 0; // and the version this build knows
        for (const auto &m : Schema::workspaceMigrations())
            known = std::max(known, m.version);
        QVERIFY2(err.contains(QByteArray("(" + QByteArray::number(known) + ")")), err.constData());
        QCOMPARE(err.count('\n'), 1); // one clear line
        QVERIFY(server.readAllStandardOutput().isEmpty()); // never listened
    }

    void tokenListExpiryAndRevoke()
    {
        QTemporaryDir dir;
        const QStringList where{u"--data-dir"_s, dir.path()};
        const Run ada
            = run(QStringList{u"token"_s, u"create"_s, u"--user"_s, u"ada@example.com"_s, u"--name"_s, u"ci"_s} + where);
        const Run bob = run(QStringList{u"token"_s, u"create"_s, u"--user"_s, u"bob@example.com"_s, u"--name"_s, u"laptop"_s,
                                        u"--expires-in"_s, u"7"_s}
                            + where);
        QCOMPARE(ada.exitCode, 0);
        QCOMPARE(bob.exitCode, 0);
        const QByteArray adaToken = ada.out.trimmed();
        const QByteArray bobToken = bob.out.trimmed();

        const Run list = run(QStringList{u"token"_s, u"list"_s} + where);
        QCOMPARE(list.exitCode, 0);
        const QList<QByteArray> lines = nonEmptyLines(list.out);
        QCOMPARE(lines.size(), 2);
        QVERIFY(!list.out.contains(adaToken) && !list.out.contains(bobToken));
        // id, user, name, first 8 characters, created, last used, expires
        const QList<QByteArray> first = lines.at(0).split('\t');
        QCOMPARE(first.size(), 7);
        QVERIFY(first.at(0).startsWith('c'));
        QCOMPARE(first.at(1), QByteArray("ada@example.com"));
        QCOMPARE(first.at(2), QByteArray("ci"));
        QCOMPARE(first.at(3), adaToken.left(8));
        QVERIFY(QDateTime::fromString(QString::fromLatin1(first.at(4)), Qt::ISODateWithMs).isValid());
        QCOMPARE(first.at(5), QByteArray("-"));
        QCOMPARE(first.at(6), QByteArray("-"));
        const QList<QByteArray> second = lines.at(1).split('\t');
        QCOMPARE(second.at(1), QByteArray("bob@example.com"));
        QCOMPARE(second.at(3), bobToken.left(8));
        const QDateTime expires = QDateTime::fromString(QString::fromLatin1(second.at(6)), Qt::ISODateWithMs);
        QVERIFY2(qAbs(expires.secsTo(QDateTime::currentDateTimeUtc().addDays(7))) < 300, second.at(6).constData());

        const Run onlyBob = run(QStringList{u"token"_s, u"list"_s, u"--user"_s, u"bob@example.com"_s} + where);
        QCOMPARE(onlyBob.exitCode, 0);
        QCOMPARE(nonEmptyLines(onlyBob.out).size(), 1);
        QVERIFY(onlyBob.out.startsWith(QByteArray(second.at(0) + '\t')));
        QCOMPARE(run(QStringList{u"token"_s, u"list"_s, u"--user"_s, u"nobody@example.com"_s} + where).exitCode, 1);

        const Run revoke = run(QStringList{u"token"_s, u"revoke"_s, QString::fromLatin1(first.at(0))} + where);
        QCOMPARE(revoke.exitCode, 0);
        QVERIFY(revoke.out.isEmpty());
        const Run after = run(QStringList{u"token"_s, u"list"_s} + where);
        QCOMPARE(nonEmptyLines(after.out).size(), 1);
        QVERIFY(!after.out.contains(first.at(0)));
        const Run again = run(QStringList{u"token"_s, u"revoke"_s, QString::fromLatin1(first.at(0))} + where);
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(nonEmptyLines(again.err).size(), 1);
        QCOMPARE(run(QStringList{u"token"_s, u"revoke"_s, u"cnosuchtoken0000000000000"_s} + where).exitCode, 1);
    }

    void tokenUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mentions");
        const QStringList create{u"token"_s, u"create"_s, u"--user"_s, u"a@b.c"_s};
        QTest::newRow("--expires-in 0") << (create + QStringList{u"--expires-in"_s, u"0"_s}) << QByteArray("--expires-in");
        QTest::newRow("--expires-in soon") << (create + QStringList{u"--expires-in"_s, u"soon"_s}) << QByteArray("--expires-in");
        QTest::newRow("revoke without id") << QStringList{u"token"_s, u"revoke"_s} << QByteArray("id");
        QTest::newRow("revoke two ids") << QStringList{u"token"_s, u"revoke"_s, u"a"_s, u"b"_s} << QByteArray("b");
        QTest::newRow("list --user bob") << QStringList{u"token"_s, u"list"_s, u"--user"_s, u"bob"_s} << QByteArray("--user");
        QTest::newRow("list --name") << QStringList{u"token"_s, u"list"_s, u"--name"_s, u"x"_s} << QByteArray("name");
        QTest::newRow("key") << QStringList{u"key"_s} << QByteArray("key rotate");
        QTest::newRow("key frob") << QStringList{u"key"_s, u"frob"_s} << QByteArray("key rotate");
        QTest::newRow("key rotate --user") << QStringList{u"key"_s, u"rotate"_s, u"--user"_s, u"a@b.c"_s} << QByteArray("user");
    }
    void tokenUsageErrors() { usageErrors(); }

    void keyRotateFromEnvironment()
    {
        QTemporaryDir dir;
        QVERIFY(run({u"token"_s, u"create"_s, u"--user"_s, u"ops@example.com"_s, u"--data-dir"_s, dir.path()}).exitCode == 0);
        const QString oldKey = QString::fromLatin1(QByteArray(32, 'o').toBase64());
        const auto withKey = [&dir](const QString &key) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"OPBOX_MASTER_KEY"_s, key);
            env.insert(u"OPBOX_DATA_DIR"_s, dir.path());
            return env;
        };
        // A server run seals the key check under the current key.
        QVERIFY(serverListens(withKey(oldKey), dir.path()));

        const Run rotated = runWith({u"key"_s, u"rotate"_s}, withKey(oldKey));
        QCOMPARE(rotated.exitCode, 0);
        // The new key alone on stdout, shown this once; what to do with it on stderr.
        const QList<QByteArray> lines = nonEmptyLines(rotated.out);
        QCOMPARE(lines.size(), 1);
        const QByteArray newKey = QByteArray::fromBase64(lines.at(0), QByteArray::AbortOnBase64DecodingErrors);
        QCOMPARE(newKey.size(), 32);
        QVERIFY(lines.at(0) != oldKey.toLatin1());
        QVERIFY2(rotated.err.contains("OPBOX_MASTER_KEY"), rotated.err.constData());

        // The old key opens nothing any more: refused by rotation and by the server alike.
        const Run again = runWith({u"key"_s, u"rotate"_s}, withKey(oldKey));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("wrong key"), again.err.constData());
        const Run oldServer = runWith({u"--server"_s, u"--listen"_s, u"127.0.0.1:0"_s}, withKey(oldKey));
        QCOMPARE(oldServer.exitCode, 1);
        QVERIFY(serverListens(withKey(QString::fromLatin1(lines.at(0))), dir.path()));
    }

    void keyRotateRefusedWhileServing()
    {
        // A running server would go on sealing secrets with the old key: rotation waits for it.
        QTemporaryDir dir;
        const QString key = QString::fromLatin1(QByteArray(32, 'r').toBase64());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OPBOX_MASTER_KEY"_s, key);
        env.insert(u"OPBOX_DATA_DIR"_s, dir.path());
        QProcess server;
        server.setProcessEnvironment(env);
        server.start(binary(), {u"--server"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dir.path()});
        QVERIFY(server.waitForStarted());
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        while (!out.contains('\n') && clock.elapsed() < 20000 && server.state() == QProcess::Running) {
            server.waitForReadyRead(500);
            out += server.readAllStandardOutput();
        }
        QVERIFY2(out.startsWith("listening on "), out.constData());

        const Run refused = runWith({u"key"_s, u"rotate"_s}, env);
        QCOMPARE(refused.exitCode, 1);
        const QByteArray expected = QByteArray("in use by process ") + QByteArray::number(server.processId());
        QVERIFY2(refused.err.contains(expected), refused.err.constData());

        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 0);
        const Run rotated = runWith({u"key"_s, u"rotate"_s}, env);
        QVERIFY2(rotated.exitCode == 0, rotated.err.constData());
    }

    void serverEnvironmentHoldsNoSecrets()
    {
        // The server's own environment (what /proc shows, and what its children inherit) no longer
        // holds the master key or the cron secret once they are read.
        QTemporaryDir dir;
        const QByteArray key = QByteArray(32, 's').toBase64();
        const QByteArray cron = "cron-secret-from-the-environment-4711";
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OPBOX_MASTER_KEY"_s, QString::fromLatin1(key));
        env.insert(u"OPBOX_CRON_SECRET"_s, QString::fromLatin1(cron));
        QByteArray environment;
        QVERIFY(serverListens(env, dir.path(), &environment));
        QVERIFY(environment.contains("PATH="));
        QVERIFY(!environment.contains(key));
        QVERIFY(!environment.contains(cron));
    }

private:
    /**
     * Starts `--server` with `env` on `dataDir`, waits for its listening line, reads its
     * environment as /proc shows it into `environment` (when given), and stops it with SIGTERM.
     */
    bool serverListens(const QProcessEnvironment &env, const QString &dataDir, QByteArray *environment = nullptr)
    {
        QProcess server;
        server.setProcessEnvironment(env);
        server.start(binary(), {u"--server"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir});
        if (!server.waitForStarted())
            return false;
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        while (!out.contains('\n') && clock.elapsed() < 20000 && server.state() == QProcess::Running) {
            server.waitForReadyRead(500);
            out += server.readAllStandardOutput();
        }
        const bool listening = out.startsWith("listening on ");
        if (listening && environment) {
            QFile proc(u"/proc/%1/environ"_s.arg(server.processId()));
            if (proc.open(QIODevice::ReadOnly))
                *environment = proc.readAll();
        }
        ::kill(pid_t(server.processId()), SIGTERM);
        server.waitForFinished(10000);
        if (!listening)
            qWarning() << "server did not listen:" << server.readAllStandardError();
        return listening && server.exitCode() == 0;
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
