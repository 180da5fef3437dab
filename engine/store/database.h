// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <functional>
#include <memory>

namespace Opbox {

/** One numbered schema step: SQL statements and, where SQL cannot express it, a C++ step. */
struct Migration
{
    int version = 0;
    QStringList statements;
    std::function<bool(QSqlDatabase &)> step = {};
};

/**
 * One SQLite file: opens a connection per thread (Qt Sql requires it), sets the pragmas and
 * applies numbered migrations at start inside a transaction.
 */
class Database
{
public:
    Database(QString path, QList<Migration> migrations, QString label);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /** Opens the file, applies pending migrations; refuses a schema newer than this build knows. */
    [[nodiscard]] Result<void> open();

    /** The calling thread's connection to this file (created on first use). */
    [[nodiscard]] QSqlDatabase connection() const;
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] int latestVersion() const;

    /** Closes this thread's connection (others close when their thread ends). */
    void closeThisThread() const;

private:
    QString m_path;
    QList<Migration> m_migrations;
    QString m_label;
    QString m_connectionPrefix;
};

/** A prepared query with positional binding; logs and reports SQL errors without leaking SQL. */
class SqlQuery
{
public:
    explicit SqlQuery(const QSqlDatabase &db, const QString &sql);
    SqlQuery &bind(const QVariant &value);
    [[nodiscard]] bool exec();
    [[nodiscard]] bool next() { return m_query.next(); }
    [[nodiscard]] QVariant value(int i) const { return m_query.value(i); }
    [[nodiscard]] QVariant value(const QString &name) const { return m_query.value(name); }
    [[nodiscard]] int numRowsAffected() const { return m_query.numRowsAffected(); }
    /** Executes the query and reads the first column of every row as text; empty when it fails (logged). */
    [[nodiscard]] QStringList strings();
    [[nodiscard]] QSqlQuery &raw() { return m_query; }
    [[nodiscard]] QString errorText() const;
    /** True when the last exec failed on a UNIQUE / PRIMARY KEY constraint. */
    [[nodiscard]] bool isConstraintViolation() const;

private:
    QSqlQuery m_query;
    QString m_sql;
    int m_bound = 0;
    bool m_prepared = false;
};

/**
 * RAII transaction on one connection: commits on commit(), rolls back otherwise. Nests: inside an
 * open transaction it becomes a savepoint, so a service that needs atomicity can call another
 * that needs it too.
 */
class Transaction
{
public:
    enum class Mode { Deferred, Immediate /* takes the write lock at once: read-then-write without upgrade failures */ };
    explicit Transaction(QSqlDatabase db, Mode mode = Mode::Deferred);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    [[nodiscard]] bool active() const { return m_active; }
    [[nodiscard]] bool commit();

private:
    bool exec(const QString &sql);

    QSqlDatabase m_db;
    QString m_savepoint; // empty for a top-level transaction
    bool m_active = false;
};

} // namespace Opbox
