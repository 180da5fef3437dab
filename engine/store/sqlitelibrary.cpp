// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/sqlitelibrary.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("SqliteLibrary", s);
}

} // namespace

sqlite3 *SqliteLibrary::handle(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteLibrary::Build SqliteLibrary::linked()
{
    return Build{QString::fromLatin1(sqlite3_libversion()), QString::fromLatin1(sqlite3_sourceid())};
}

Result<SqliteLibrary::Build> SqliteLibrary::ofConnection(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(u"SELECT sqlite_version(), sqlite_source_id()"_s) || !q.next())
        return Error::internal(tr("cannot ask the SQLite plugin which SQLite it uses: %1").arg(q.lastError().text()));
    return Build{q.value(0).toString(), q.value(1).toString()};
}

Result<void> SqliteLibrary::compare(const Build &engine, const Build &plugin)
{
    if (engine == plugin)
        return {};
    return Error{Error::Kind::Internal,
                 u"SQLITE_MISMATCH"_s,
                 tr("the engine is linked with SQLite %1 (%2) but Qt's QSQLITE plugin uses SQLite %3 (%4); they must be "
                    "the same library, so build the plugin against the system SQLite or link the engine with the "
                    "plugin's")
                     .arg(engine.version, engine.sourceId, plugin.version, plugin.sourceId),
                 {}};
}

Result<void> SqliteLibrary::check(const QSqlDatabase &db)
{
    auto plugin = ofConnection(db);
    if (!plugin)
        return plugin.error();
    return compare(linked(), *plugin);
}

} // namespace Opbox
