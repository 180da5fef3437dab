// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/database.h"
#include "engine/store/schema.h"
#include "engine/store/sqlitelibrary.h"
#include "engine/store/sqlitestatement.h"
#include "testengine.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** Store: numbered migrations from empty, idempotent re-open, refusal of a newer schema, pragmas. */
class TestStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Test::pinEnvironment(); }

    void migratesFromEmpty_data()
    {
        QTest::addColumn<bool>("metadata");
        QTest::newRow("opbox.db") << true;
        QTest::newRow("tables/<workspace>.db") << false;
    }
    void migratesFromEmpty()
    {
        QFETCH(bool, metadata);
        QTemporaryDir dir;
        const auto migrations = metadata ? Schema::metadataMigrations() : Schema::workspaceMigrations();
        Database db(dir.filePath(u"x.db"_s), migrations, u"test"_s);
        QVERIFY(db.open().ok());
        QCOMPARE(db.schemaVersion(), db.latestVersion());
        QVERIFY(db.latestVersion() >= 1);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
        QVERIFY(q.exec(u"PRAGMA foreign_keys"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(u"SELECT COUNT(*) FROM schema_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), migrations.size());
    }

    void reopenIsIdempotent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"opbox.db"_s);
        {
            Database db(path, Schema::metadataMigrations(), u"test"_s);
            QVERIFY(db.open().ok());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(u"INSERT INTO settings(key, value) VALUES('k', 'v')"_s));
        }
        for (int i = 0; i < 3; ++i) {
            Database db(path, Schema::metadataMigrations(), u"test"_s);
            QVERIFY(db.open().ok());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(u"SELECT COUNT(*) FROM schema_version"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), Schema::metadataMigrations().size());
            QVERIFY(q.exec(u"SELECT value FROM settings WHERE key = 'k'"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"v"_s);
        }
    }

    void upgradesAnOldSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"opbox.db"_s);
        {
            Database v1(path, Schema::upTo(Schema::metadataMigrations(), 1), u"test"_s);
            QVERIFY(v1.open().ok());
            QCOMPARE(v1.schemaVersion(), 1);
        }
        Database db(path, Schema::metadataMigrations(), u"test"_s);
        QVERIFY(db.open().ok());
        QCOMPARE(db.schemaVersion(), db.latestVersion());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"SELECT webhook_token_hash FROM connections"_s));
    }

    void refusesANewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"opbox.db"_s);
        {
            Database db(path, Schema::metadataMigrations(), u"test"_s);
            QVERIFY(db.open().ok());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(u"INSERT INTO schema_version(version, applied_at) VALUES(999, 'later')"_s));
        }
        Database db(path, Schema::metadataMigrations(), u"test"_s);
        const auto result = db.open();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"SCHEMA_TOO_NEW"_s);
        QVERIFY2(result.error().message.contains(u"999"_s), qPrintable(result.error().message));
    }

    void failedMigrationRollsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"x.db"_s);
        QList<Migration> migrations{Migration{1, {u"CREATE TABLE a (x INTEGER)"_s}, {}},
                                    Migration{2, {u"CREATE TABLE b (x INTEGER)"_s, u"THIS IS NOT SQL"_s}, {}}};
        Database db(path, migrations, u"test"_s);
        QVERIFY(!db.open().ok());
        QCOMPARE(db.schemaVersion(), 1);
        QSqlQuery q(db.connection());
        QVERIFY(!q.exec(u"SELECT * FROM b"_s)); // half of migration 2 was rolled back
    }

    void connectionPerThread()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(u"x.db"_s), Schema::metadataMigrations(), u"test"_s);
        QVERIFY(db.open().ok());
        const QString mainName = db.connection().connectionName();
        QString otherName;
        bool otherOk = false;
        std::thread t([&] {
            auto c = db.connection();
            otherName = c.connectionName();
            QSqlQuery q(c);
            otherOk = q.exec(u"SELECT COUNT(*) FROM users"_s) && q.next();
        });
        t.join();
        QVERIFY(otherOk);
        QVERIFY(mainName != otherName);
    }

    void nestedTransactions()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(u"x.db"_s), {Migration{1, {u"CREATE TABLE t (v INTEGER)"_s}, {}}}, u"test"_s);
        QVERIFY(db.open().ok());
        auto c = db.connection();
        auto count = [&c] {
            QSqlQuery q(c);
            return q.exec(u"SELECT COUNT(*) FROM t"_s) && q.next() ? q.value(0).toInt() : -1;
        };
        {
            Transaction outer(c, Transaction::Mode::Immediate);
            QVERIFY(outer.active());
            QSqlQuery(c).exec(u"INSERT INTO t VALUES (1)"_s);
            {
                Transaction inner(c); // a savepoint inside the outer transaction
                QVERIFY(inner.active());
                QSqlQuery(c).exec(u"INSERT INTO t VALUES (2)"_s);
            } // inner rolled back: only row 2 goes
            {
                Transaction inner(c);
                QSqlQuery(c).exec(u"INSERT INTO t VALUES (3)"_s);
                QVERIFY(inner.commit());
            }
            QCOMPARE(count(), 2);
            QVERIFY(outer.commit());
        }
        QCOMPARE(count(), 2);
        {
            Transaction outer(c);
            Transaction inner(c);
            QSqlQuery(c).exec(u"INSERT INTO t VALUES (4)"_s);
            QVERIFY(inner.commit());
        } // the outer rollback takes the committed savepoint with it
        QCOMPARE(count(), 2);
    }

    void auditLogIsAppendOnly()
    {
        Test::TestEngine t(false);
        QVERIFY(t.ok());
        QSqlQuery q(t.engine().metadata()->connection());
        QVERIFY(q.exec(u"INSERT INTO audit_log(id, at, action) VALUES('a', 'now', 'X')"_s));
        QVERIFY(!q.exec(u"UPDATE audit_log SET action = 'Y'"_s));
        QVERIFY(!q.exec(u"DELETE FROM audit_log"_s));
    }

    void sqliteBuildsCompared_data()
    {
        QTest::addColumn<QString>("pluginVersion");
        QTest::addColumn<QString>("pluginSource");
        QTest::addColumn<bool>("same");
        const SqliteLibrary::Build engine = SqliteLibrary::linked();
        QTest::newRow("same build") << engine.version << engine.sourceId << true;
        QTest::newRow("other version") << u"3.8.0"_s << u"2013-08-26 04:50:08 f64cd21e2e23ed7cff48f7dafa5e76adde9321c2"_s
                                       << false;
        // A bundled copy of the same release built from another check-in is another library.
        QTest::newRow("same version, other source") << engine.version << engine.sourceId + u"x"_s << false;
    }

    void sqliteBuildsCompared()
    {
        QFETCH(QString, pluginVersion);
        QFETCH(QString, pluginSource);
        QFETCH(bool, same);
        const SqliteLibrary::Build engine = SqliteLibrary::linked();
        const auto result = SqliteLibrary::compare(engine, {pluginVersion, pluginSource});
        QCOMPARE(result.ok(), same);
        if (!same) {
            // The message names both libraries, so that whoever packaged the program sees which is which.
            QCOMPARE(result.error().code, u"SQLITE_MISMATCH"_s);
            QVERIFY(result.error().message.contains(engine.version));
            QVERIFY(result.error().message.contains(engine.sourceId));
            QVERIFY(result.error().message.contains(pluginVersion));
            QVERIFY(result.error().message.contains(pluginSource));
        }
    }

    void sqlitePluginIsTheLinkedLibrary()
    {
        // The engine shares the plugin's sqlite3*: in this build both must be one library.
        QTemporaryDir dir;
        Database db(dir.filePath(u"s.db"_s), Schema::metadataMigrations(), u"metadata"_s);
        QVERIFY(db.open());
        const auto plugin = SqliteLibrary::ofConnection(db.connection());
        QVERIFY(plugin);
        QCOMPARE(plugin->version, SqliteLibrary::linked().version);
        QCOMPARE(plugin->sourceId, SqliteLibrary::linked().sourceId);
        QVERIFY(SqliteLibrary::handle(db.connection()));
        QVERIFY(!SqliteLibrary::handle(QSqlDatabase()));
    }

    void sqliteStatement()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(u"s.db"_s), Schema::metadataMigrations(), u"metadata"_s);
        QVERIFY(db.open());
        sqlite3 *handle = SqliteLibrary::handle(db.connection());
        QVERIFY(handle);
        SqliteStatement bad(handle, u"SELECT FROM nowhere"_s);
        QVERIFY(!bad.isValid());
        QVERIFY(bad.prepareCode() != SQLITE_OK);
        QCOMPARE(bad.step(), bad.prepareCode());

        QCOMPARE(SqliteStatement(handle, u"CREATE TABLE t(a TEXT, b INTEGER)"_s).step(), SQLITE_DONE);
        SqliteStatement insert(handle, u"INSERT INTO t VALUES(?, ?)"_s, SqliteStatement::Use::Persistent);
        QVERIFY(insert.isValid());
        QCOMPARE(insert.bind(u"ä"_s).bind(qint64(1) << 40).step(), SQLITE_DONE);
        insert.reset(); // binds from the first parameter again
        QCOMPARE(insert.bindNull().bind(qint64(2)).step(), SQLITE_DONE);
        SqliteStatement moved = std::move(insert);
        QVERIFY(moved.isValid());
        QVERIFY(!insert.isValid()); // the moved-from one is empty
        SqliteStatement read(handle, u"SELECT a, b FROM t ORDER BY b"_s);
        QCOMPARE(read.step(), SQLITE_ROW);
        QCOMPARE(read.text(0), QString());
        QCOMPARE(read.integer(1), qint64(2));
        QCOMPARE(read.step(), SQLITE_ROW);
        QCOMPARE(read.text(0), u"ä"_s);
        QCOMPARE(read.integer(1), qint64(1) << 40);
        QCOMPARE(read.step(), SQLITE_DONE);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
