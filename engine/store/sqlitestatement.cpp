// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/sqlitestatement.h"

#include <sqlite3.h>
#include <utility>

namespace Opbox {

SqliteStatement::SqliteStatement(sqlite3 *db, QByteArrayView sql, Use use)
{
    const unsigned flags = use == Use::Persistent ? SQLITE_PREPARE_PERSISTENT : 0;
    m_rc = sqlite3_prepare_v3(db, sql.data(), int(sql.size()), flags, &m_stmt, nullptr);
    if (m_rc != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql, Use use)
    : SqliteStatement(db, QByteArrayView(sql.toUtf8()), use)
{
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_rc(std::exchange(other.m_rc, SQLITE_ERROR))
    , m_index(std::exchange(other.m_index, 0))
{
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_rc = std::exchange(other.m_rc, SQLITE_ERROR);
        m_index = std::exchange(other.m_index, 0);
    }
    return *this;
}

SqliteStatement &SqliteStatement::bind(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, ++m_index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::bind(qint64 value)
{
    sqlite3_bind_int64(m_stmt, ++m_index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull()
{
    sqlite3_bind_null(m_stmt, ++m_index);
    return *this;
}

int SqliteStatement::step()
{
    return m_stmt ? sqlite3_step(m_stmt) : m_rc;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_index = 0;
}

QString SqliteStatement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column)) : QString();
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

} // namespace Opbox
