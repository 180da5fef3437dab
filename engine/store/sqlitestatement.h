// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Opbox {

/**
 * A statement prepared with the SQLite C API that finalizes itself. The sync's hot paths use the C
 * API directly on the connection Qt Sql opened (about twice as fast as `QSqlQuery::bindValue`);
 * this keeps their statements from leaking on every early return.
 */
class SqliteStatement
{
public:
    /** Persistent: reused for many rows (SQLite keeps it out of its lookaside memory). */
    enum class Use { Once, Persistent };

    SqliteStatement() = default;
    SqliteStatement(sqlite3 *db, QByteArrayView sql, Use use = Use::Once);
    SqliteStatement(sqlite3 *db, const QString &sql, Use use = Use::Once);
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    /** Prepared; false for a default-constructed one and when SQLite refused the SQL. */
    [[nodiscard]] bool isValid() const { return m_stmt != nullptr; }
    /** SQLite's result code of preparing it. */
    [[nodiscard]] int prepareCode() const { return m_rc; }
    /** For binding in place on hot paths (SQLITE_STATIC); the statement keeps owning it. */
    [[nodiscard]] sqlite3_stmt *handle() const { return m_stmt; }

    /** Binds the next parameter (1, 2, …) to a copy of the text. */
    SqliteStatement &bind(const QString &text);
    SqliteStatement &bind(qint64 value);
    SqliteStatement &bindNull();

    /** SQLITE_ROW, SQLITE_DONE or an error code (the prepare error when it is not valid). */
    [[nodiscard]] int step();
    /** Ready to run again: resets it, clears the bindings and starts binding at the first parameter. */
    void reset();

    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] qint64 integer(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = 1; // SQLITE_ERROR until prepared
    int m_index = 0;
};

} // namespace Opbox
