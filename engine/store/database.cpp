// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/database.h"
#include "engine/enginelogging.h"
#include "engine/store/filemodepolicy.h"
#include "engine/store/sqlitelibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QThreadStorage>
#include <QUuid>
#include <atomic>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// Removes the connections a thread opened when that thread ends, so that Qt Sql does not warn
// about connections still in use and file handles are not leaked by short-lived workers.
struct ThreadConnections
{
    QStringList names;
    ~ThreadConnections()
    {
        for (const auto &name : std::as_const(names)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                if (db.isOpen())
                    db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
};

QThreadStorage<ThreadConnections *> &threadConnections()
{
    static QThreadStorage<ThreadConnections *> storage;
    return storage;
}

bool applyPragmas(QSqlDatabase &db)
{
    QSqlQuery q(db);
    const QStringList pragmas{u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s,
                              u"PRAGMA busy_timeout=10000"_s,
                              // Freed pages are zeroed so that a dropped secret (a legacy plaintext
                              // webhook token) does not linger in the file.
                              u"PRAGMA secure_delete=ON"_s};
    for (const auto &p : pragmas) {
        if (!q.exec(p)) {
            qCWarning(lcEngine) << "pragma failed" << p << q.lastError().text();
            return false;
        }
    }
    return true;
}

// SQLite counts every allocation under one process-wide mutex unless told otherwise, and the sync's
// writers allocate per row on several threads. Only possible before SQLite is first used.
void configureSqliteOnce()
{
    static const bool configured = [] {
        const int rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        if (rc != SQLITE_OK)
            qCDebug(lcEngine) << "SQLite was in use before its allocation statistics could be turned off";
        return rc == SQLITE_OK;
    }();
    Q_UNUSED(configured);
}

} // namespace

Database::Database(QString path, QList<Migration> migrations, QString label)
    : m_path(std::move(path))
    , m_migrations(std::move(migrations))
    , m_label(std::move(label))
    , m_connectionPrefix(u"opbox-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u'-')
{
}

Database::~Database()
{
    closeThisThread();
}

QSqlDatabase Database::connection() const
{
    const QString name = m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()), 16);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    configureSqliteOnce();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        qCWarning(lcEngine) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    applyPragmas(db);
    auto &storage = threadConnections();
    if (!storage.hasLocalData())
        storage.setLocalData(new ThreadConnections);
    storage.localData()->names.append(name);
    return db;
}

void Database::closeThisThread() const
{
    const QString name = m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()), 16);
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
    auto &storage = threadConnections();
    if (storage.hasLocalData())
        storage.localData()->names.removeAll(name);
}

int Database::latestVersion() const
{
    int v = 0;
    for (const auto &m : m_migrations)
        v = std::max(v, m.version);
    return v;
}

int Database::schemaVersion() const
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(u"SELECT MAX(version) FROM schema_version"_s) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Result<void> Database::open()
{
    const QFileInfo info(m_path);
    if (!FileModePolicy::makePrivateDirectory(info.absolutePath()))
        return Error::internal(QCoreApplication::translate("Database", "cannot create the folder %1").arg(info.absolutePath()));
    // The file exists 0600 before SQLite opens it: SQLite gives its -wal and -shm files the
    // database file's mode, so none of them is readable by other users whatever the umask.
    if (!FileModePolicy::makePrivateFile(m_path))
        return Error::internal(QCoreApplication::translate("Database", "cannot open the database %1").arg(m_path));
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return Error::internal(QCoreApplication::translate("Database", "cannot open the database %1").arg(m_path));
    // Checked before anything else touches the file: the engine's C API calls use this handle.
    if (auto same = SqliteLibrary::check(db); !same) {
        qCCritical(lcEngine) << same.error().message;
        return same.error();
    }

    QSqlQuery q(db);
    if (!q.exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"_s))
        return Error::internal(QCoreApplication::translate("Database", "cannot read the schema version of %1: %2")
                                   .arg(m_path, db.lastError().text()));
    const int current = schemaVersion();
    const int latest = latestVersion();
    if (current > latest) {
        return Error{Error::Kind::Internal,
                     u"SCHEMA_TOO_NEW"_s,
                     QCoreApplication::translate("Database",
                                                 "%1 has schema version %2, newer than this build knows (%3); "
                                                 "use a newer Opbox Pipelines or another data directory")
                         .arg(m_path)
                         .arg(current)
                         .arg(latest),
                     {}};
    }
    for (const auto &migration : m_migrations) {
        if (migration.version <= current)
            continue;
        if (!db.transaction())
            return Error::internal(QCoreApplication::translate("Database", "cannot start a migration on %1").arg(m_path));
        bool ok = true;
        QString failed;
        for (const auto &sql : migration.statements) {
            QSqlQuery m(db);
            if (!m.exec(sql)) {
                ok = false;
                failed = m.lastError().text();
                break;
            }
        }
        if (ok && migration.step)
            ok = migration.step(db);
        if (ok) {
            QSqlQuery v(db);
            v.prepare(u"INSERT INTO schema_version(version, applied_at) VALUES(?, datetime('now'))"_s);
            v.addBindValue(migration.version);
            ok = v.exec();
        }
        if (!ok || !db.commit()) {
            db.rollback();
            qCCritical(lcEngine) << "migration" << migration.version << "of" << m_label << "failed:" << failed;
            return Error::internal(
                QCoreApplication::translate("Database", "migration %1 of %2 failed").arg(migration.version).arg(m_path));
        }
        qCInfo(lcEngine) << m_label << "migrated to schema version" << migration.version;
    }
    return {};
}

SqlQuery::SqlQuery(const QSqlDatabase &db, const QString &sql)
    : m_query(db)
    , m_sql(sql)
{
    m_prepared = m_query.prepare(sql);
    if (!m_prepared)
        qCWarning(lcEngine) << "prepare failed:" << m_query.lastError().text() << "in" << sql;
}

SqlQuery &SqlQuery::bind(const QVariant &value)
{
    m_query.bindValue(m_bound++, value);
    return *this;
}

bool SqlQuery::exec()
{
    if (!m_prepared)
        return false;
    if (!m_query.exec()) {
        if (!isConstraintViolation())
            qCWarning(lcEngine) << "query failed:" << m_query.lastError().text() << "in" << m_sql;
        return false;
    }
    return true;
}

QStringList SqlQuery::strings()
{
    QStringList out;
    if (exec()) {
        while (m_query.next())
            out.append(m_query.value(0).toString());
    }
    return out;
}

QString SqlQuery::errorText() const
{
    return m_query.lastError().text();
}

bool SqlQuery::isConstraintViolation() const
{
    // SQLITE_CONSTRAINT = 19; extended codes keep 19 in the low byte.
    bool ok = false;
    const int code = m_query.lastError().nativeErrorCode().toInt(&ok);
    return ok && (code & 0xff) == 19;
}

Transaction::Transaction(QSqlDatabase db, Mode mode)
    : m_db(std::move(db))
{
    sqlite3 *handle = SqliteLibrary::handle(m_db);
    const bool inTransaction = handle && sqlite3_get_autocommit(handle) == 0;
    if (inTransaction) {
        static std::atomic<quint64> counter{0};
        m_savepoint = u"opbox_sp_"_s + QString::number(counter.fetch_add(1));
        m_active = exec(u"SAVEPOINT "_s + m_savepoint);
    } else {
        m_active = exec(mode == Mode::Immediate ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s);
    }
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    if (m_savepoint.isEmpty()) {
        (void)exec(u"ROLLBACK"_s);
    } else {
        (void)exec(u"ROLLBACK TO "_s + m_savepoint);
        (void)exec(u"RELEASE "_s + m_savepoint);
    }
}

bool Transaction::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    qCWarning(lcEngine) << "transaction statement failed:" << sql << q.lastError().text();
    return false;
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    if (exec(m_savepoint.isEmpty() ? u"COMMIT"_s : u"RELEASE "_s + m_savepoint)) {
        m_active = false;
        return true;
    }
    return false; // still active: the destructor rolls back
}

} // namespace Opbox
