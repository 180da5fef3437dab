// SPDX-License-Identifier: GPL-3.0-or-later
// Type inference and widening, naming, schema evolution over pages, upserts and soft deletes of the
// Opbox table writer, against a real workspace data file.
#include "connectors/runtime/jsonpageparser.h"
#include "engine/store/database.h"
#include "engine/store/schema.h"
#include "engine/store/syncstatestore.h"
#include "engine/sync/columntypepolicy.h"
#include "engine/sync/opboxtablewriter.h"
#include "engine/sync/tablenamingpolicy.h"
#include "engine/sync/tableschemaevolver.h"
#include "testengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace Opbox;

Q_DECLARE_METATYPE(LogicalType)

namespace {

sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant h = db.driver()->handle();
    return *static_cast<sqlite3 *const *>(h.constData());
}

RecordBatch records(std::initializer_list<const char *> texts)
{
    QJsonArray out;
    for (const char *t : texts)
        out.append(QJsonDocument::fromJson(t).object());
    return RecordBatch::fromJson(out);
}

} // namespace

class TestOpboxTables : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    sqlite3 *handle() { return handleOf(m_db->connection()); }
    bool begin() { return sqlite3_exec(handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK; }
    bool commit() { return sqlite3_exec(handle(), "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK; }

    QString columnType(const QString &table, const QString &column)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(u"SELECT logical_type FROM opbox_columns WHERE table_name = ? AND column_name = ?"_s);
        q.addBindValue(table);
        q.addBindValue(column);
        if (!q.exec() || !q.next())
            return {};
        return q.value(0).toString();
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>(m_dir.filePath(u"ws.db"_s), Schema::workspaceMigrations(), u"test"_s);
        QVERIFY(m_db->open().ok());
    }

    void infer_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("type"); // -1: no evidence
        QTest::newRow("null") << u"null"_s << -1;
        QTest::newRow("true") << u"true"_s << int(LogicalType::Boolean);
        QTest::newRow("false") << u"false"_s << int(LogicalType::Boolean);
        QTest::newRow("int") << u"42"_s << int(LogicalType::Integer);
        QTest::newRow("negative int") << u"-7"_s << int(LogicalType::Integer);
        QTest::newRow("1.0 is integral") << u"1.0"_s << int(LogicalType::Integer);
        QTest::newRow("real") << u"3.25"_s << int(LogicalType::Real);
        QTest::newRow("date") << u"\"2024-06-01\""_s << int(LogicalType::Date);
        QTest::newRow("bad month") << u"\"2024-13-01\""_s << int(LogicalType::Text);
        QTest::newRow("datetime Z ms") << u"\"2024-06-01T10:00:00.000Z\""_s << int(LogicalType::DateTime);
        QTest::newRow("datetime offset") << u"\"2024-06-01T10:00:00+02:00\""_s << int(LogicalType::DateTime);
        QTest::newRow("datetime no seconds") << u"\"2024-06-01T10:00\""_s << int(LogicalType::DateTime);
        QTest::newRow("datetime space") << u"\"2024-06-01 10:00:00\""_s << int(LogicalType::DateTime);
        QTest::newRow("datetime junk tail") << u"\"2024-06-01T10:00:00Zx\""_s << int(LogicalType::Text);
        QTest::newRow("numeric string") << u"\"123\""_s << int(LogicalType::Text);
        QTest::newRow("text") << u"\"hello\""_s << int(LogicalType::Text);
        QTest::newRow("array") << u"[1,2]"_s << int(LogicalType::Json);
        QTest::newRow("object") << u"{\"a\":1}"_s << int(LogicalType::Json);
        QTest::newRow("integer beyond 2^53") << u"9007199254740993"_s << int(LogicalType::Integer);
        QTest::newRow("-2^63 written as a real") << u"-9223372036854775808.0"_s << int(LogicalType::Integer);
        QTest::newRow("exponent") << u"1e3"_s << int(LogicalType::Integer);
        QTest::newRow("beyond int64") << u"9223372036854775808"_s << int(LogicalType::Real);
        QTest::newRow("datetime too long") << u"\"2024-06-01T10:00:00.123456789+02:00xxxxxxxxxxxxx\""_s << int(LogicalType::Text);
        QTest::newRow("non-ASCII date-like") << u"\"2024-06-01T10:00:00\u00e9\""_s << int(LogicalType::Text);
    }
    void infer()
    {
        QFETCH(QString, value);
        QFETCH(int, type);
        // As a member of a first-level object (where objects are JSON values, not flattened), read by
        // the page parser and from a QJsonArray: both must infer the same.
        const QByteArray body = "[{\"o\":{\"v\":" + value.toUtf8() + "}}]";
        const auto page = JsonPageParser::parse(body, {}, false);
        QVERIFY(page);
        const RecordBatch parsed = std::move(page->records);
        const RecordBatch converted = RecordBatch::fromJson(QJsonDocument::fromJson(body).array());
        for (const RecordBatch *batch : {&parsed, &converted}) {
            const RecordBatch::Field *field = batch->find(0, {u"o"_s, u"v"_s});
            QVERIFY(field);
            const auto inferred = ColumnTypePolicy::infer(*batch, *field);
            QCOMPARE(inferred ? int(*inferred) : -1, type);
        }
    }

    void join_data()
    {
        QTest::addColumn<LogicalType>("a");
        QTest::addColumn<LogicalType>("b");
        QTest::addColumn<LogicalType>("joined");
        QTest::newRow("bool+int") << LogicalType::Boolean << LogicalType::Integer << LogicalType::Integer;
        QTest::newRow("int+real") << LogicalType::Integer << LogicalType::Real << LogicalType::Real;
        QTest::newRow("bool+real") << LogicalType::Boolean << LogicalType::Real << LogicalType::Real;
        QTest::newRow("real+text") << LogicalType::Real << LogicalType::Text << LogicalType::Text;
        QTest::newRow("date+datetime") << LogicalType::Date << LogicalType::DateTime << LogicalType::DateTime;
        QTest::newRow("datetime+text") << LogicalType::DateTime << LogicalType::Text << LogicalType::Text;
        QTest::newRow("date+int: mixed") << LogicalType::Date << LogicalType::Integer << LogicalType::Text;
        QTest::newRow("json+int: mixed") << LogicalType::Json << LogicalType::Integer << LogicalType::Text;
        QTest::newRow("json+json") << LogicalType::Json << LogicalType::Json << LogicalType::Json;
        QTest::newRow("bool+date: mixed") << LogicalType::Boolean << LogicalType::Date << LogicalType::Text;
        QTest::newRow("text+bool stays text") << LogicalType::Text << LogicalType::Boolean << LogicalType::Text;
    }
    void join()
    {
        QFETCH(LogicalType, a);
        QFETCH(LogicalType, b);
        QFETCH(LogicalType, joined);
        QCOMPARE(ColumnTypePolicy::join(a, b), joined);
        QCOMPARE(ColumnTypePolicy::join(b, a), joined);
    }

    void snakeCase_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("ContactID") << u"ContactID"_s << u"contact_id"_s;
        QTest::newRow("UpdatedDateUTC") << u"UpdatedDateUTC"_s << u"updated_date_utc"_s;
        QTest::newRow("createdAt") << u"createdAt"_s << u"created_at"_s;
        QTest::newRow("hs_object_id") << u"hs_object_id"_s << u"hs_object_id"_s;
        QTest::newRow("HTMLParser") << u"HTMLParser"_s << u"html_parser"_s;
        QTest::newRow("Production CRM") << u"Production CRM"_s << u"production_crm"_s;
        QTest::newRow("digit then upper") << u"address2Line"_s << u"address2_line"_s;
        QTest::newRow("punctuation") << u"first-name (x)"_s << u"first_name_x"_s;
        QTest::newRow("empty") << u"--"_s << u"field"_s;
        QTest::newRow("accents keep their letter") << u"Café Straße & Co. (Zürich)"_s << u"cafe_strasse_co_zurich"_s;
        QTest::newRow("Nordic letters") << u"Ærøskøbing Ltd"_s << u"aeroskobing_ltd"_s;
        QTest::newRow("accented capital ends a word") << u"créditÉtat"_s << u"credit_etat"_s;
        QTest::newRow("other scripts separate") << u"東京 CRM"_s << u"crm"_s;
    }
    void snakeCase()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(TableNamingPolicy::snakeCase(in), out);
    }

    void tableNames()
    {
        QCOMPARE(TableNamingPolicy::tableName(TableNamingPolicy::baseFromName(u"Production CRM (EU)"_s, true), u"contacts"_s),
                 u"production_crm__contacts"_s);
        QCOMPARE(TableNamingPolicy::baseFromName(u"Production CRM (EU)"_s, false), u"production_crm_eu"_s);
        QCOMPARE(TableNamingPolicy::columnName(u"address.city"_s), u"address__city"_s);
        QCOMPARE(TableNamingPolicy::columnName(u"billingAddress.postalCode"_s), u"billing_address__postal_code"_s);
        QCOMPARE(TableNamingPolicy::deduplicate(u"email"_s, {u"email"_s, u"email_2"_s}), u"email_3"_s);
    }

    void schemaEvolutionAndWidening()
    {
        OpboxTableWriter writer(handle(), u"crm__contacts"_s, u"crm"_s, u"contacts"_s, {u"id"_s}, u"c1"_s, QString());
        // Page 1: the first shape.
        QVERIFY(begin());
        auto counts = writer.write(records({R"({"id":"1","score":1,"flag":true,"ContactID":"x","when":"2024-06-01",
                                                "address":{"city":"Berlin","geo":{"lat":1}},"tags":["a"],"empty":null})",
                                            R"({"id":"2","score":2,"flag":false})"}),
                                   u"run1"_s, u"2026-01-01T00:00:00.000Z"_s);
        QVERIFY2(counts.ok(), counts.ok() ? "" : qPrintable(counts.error().message));
        QVERIFY(commit());
        QCOMPARE(counts->created, 2);
        QCOMPARE(counts->updated, 0);
        QCOMPARE(columnType(u"crm__contacts"_s, u"score"_s), u"INTEGER"_s);
        QCOMPARE(columnType(u"crm__contacts"_s, u"flag"_s), u"BOOLEAN"_s);
        QCOMPARE(columnType(u"crm__contacts"_s, u"contact_id"_s), u"TEXT"_s);
        QCOMPARE(columnType(u"crm__contacts"_s, u"when"_s), u"DATE"_s);
        QCOMPARE(columnType(u"crm__contacts"_s, u"address__city"_s), u"TEXT"_s);
        QCOMPARE(columnType(u"crm__contacts"_s, u"address__geo"_s), u"JSON"_s);
        QCOMPARE(columnType(u"crm__contacts"_s, u"tags"_s), u"JSON"_s);
        QCOMPARE(columnType(u"crm__contacts"_s, u"empty"_s), QString()); // only nulls so far: no column
        QCOMPARE(scalar(u"SELECT field_name FROM opbox_columns WHERE column_name = 'contact_id'"_s).toString(), u"ContactID"_s);
        QCOMPARE(scalar(u"SELECT field_name FROM opbox_columns WHERE column_name = 'address__city'"_s).toString(),
                 u"address.city"_s);
        QCOMPARE(scalar(u"SELECT address__geo FROM crm__contacts WHERE id = '1'"_s).toString(), u"{\"lat\":1}"_s);
        QCOMPARE(scalar(u"SELECT tags FROM crm__contacts WHERE id = '1'"_s).toString(), u"[\"a\"]"_s);
        QCOMPARE(scalar(u"SELECT _opbox_run_id || '|' || _opbox_synced_at || '|' || _opbox_connection_id FROM crm__contacts"
                        " WHERE id = '2'"_s)
                     .toString(),
                 u"run1|2026-01-01T00:00:00.000Z|c1"_s);
        QVERIFY(scalar(u"SELECT _opbox_variant IS NULL FROM crm__contacts WHERE id = '1'"_s).toBool());

        // Page 2: widening in every direction, a new field, an update of an existing key.
        QVERIFY(begin());
        counts = writer.write(records({R"({"id":"1","score":2.5,"flag":7,"when":"2024-06-01T10:00:00.000Z","newField":"n"})",
                                       R"({"id":"3","score":"n/a","flag":true,"empty":"now set"})"}),
                              u"run2"_s, u"2026-01-02T00:00:00.000Z"_s);
        QVERIFY(counts.ok());
        QVERIFY(commit());
        QCOMPARE(counts->created, 1);
        QCOMPARE(counts->updated, 1);
        QCOMPARE(columnType(u"crm__contacts"_s, u"score"_s), u"TEXT"_s); // INTEGER → REAL → TEXT
        QCOMPARE(columnType(u"crm__contacts"_s, u"flag"_s), u"INTEGER"_s); // BOOLEAN → INTEGER
        QCOMPARE(columnType(u"crm__contacts"_s, u"when"_s), u"DATETIME"_s);
        QCOMPARE(columnType(u"crm__contacts"_s, u"new_field"_s), u"TEXT"_s);
        QCOMPARE(columnType(u"crm__contacts"_s, u"empty"_s), u"TEXT"_s);
        // A TEXT column reads as text, old values included.
        QCOMPARE(scalar(u"SELECT typeof(score) || ':' || score FROM crm__contacts WHERE id = '2'"_s).toString(), u"text:2"_s);
        QCOMPARE(scalar(u"SELECT score FROM crm__contacts WHERE id = '1'"_s).toString(), u"2.5"_s);
        QCOMPARE(scalar(u"SELECT flag FROM crm__contacts WHERE id = '3'"_s).toInt(), 1);
        QCOMPARE(scalar(u"SELECT _opbox_run_id FROM crm__contacts WHERE id = '1'"_s).toString(), u"run2"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM crm__contacts"_s).toInt(), 3);

        // Every change is in the history, with its run.
        QCOMPARE(scalar(u"SELECT group_concat(change || ':' || coalesce(from_type,'-') || '>' || to_type || '@' || run_id, ',')"
                        " FROM (SELECT * FROM opbox_column_history WHERE column_name = 'score' ORDER BY id)"_s)
                     .toString(),
                 u"ADDED:->INTEGER@run1,WIDENED:INTEGER>REAL@run2,WIDENED:REAL>TEXT@run2"_s);
        QCOMPARE(
            scalar(u"SELECT run_id FROM opbox_column_history WHERE column_name = 'new_field' AND change = 'ADDED'"_s).toString(),
            u"run2"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM opbox_column_history WHERE column_name = 'empty'"_s).toInt(), 1);
    }

    void upsertCountsAndVariants()
    {
        OpboxTableWriter a(handle(), u"shared__deals"_s, u"shared"_s, u"deals"_s, {u"id"_s}, u"ca"_s, u"EU"_s);
        OpboxTableWriter b(handle(), u"shared__deals"_s, u"shared"_s, u"deals"_s, {u"id"_s}, u"cb"_s, u"US"_s);
        QVERIFY(begin());
        auto ca = a.write(records({R"({"id":1,"v":"a1"})", R"({"id":2,"v":"a2"})", R"({"id":1,"v":"a1b"})"}), u"r1"_s,
                          u"2026-01-01T00:00:00.000Z"_s);
        QVERIFY(ca.ok());
        QVERIFY(commit());
        QCOMPARE(ca->created, 2);
        QCOMPARE(ca->updated, 1); // the same key twice in one page
        // Another connection with the same keys: its own rows, told apart by _opbox_variant.
        QVERIFY(begin());
        auto cb = b.write(records({R"({"id":1,"v":"b1","extra":true})"}), u"r2"_s, u"2026-01-01T00:00:01.000Z"_s);
        QVERIFY(cb.ok());
        QVERIFY(commit());
        QCOMPARE(cb->created, 1);
        QCOMPARE(cb->updated, 0);
        // The first writer notices the column the second one added (another connection's catalog change).
        QVERIFY(begin());
        ca = a.write(records({R"({"id":2,"v":"a2b","extra":false})"}), u"r3"_s, u"2026-01-01T00:00:02.000Z"_s);
        QVERIFY2(ca.ok(), ca.ok() ? "" : qPrintable(ca.error().message));
        QVERIFY(commit());
        QCOMPARE(ca->updated, 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM shared__deals"_s).toInt(), 3);
        QCOMPARE(scalar(u"SELECT v FROM shared__deals WHERE _opbox_connection_id = 'ca' AND id = 1"_s).toString(), u"a1b"_s);
        QCOMPARE(scalar(u"SELECT _opbox_variant FROM shared__deals WHERE _opbox_connection_id = 'cb'"_s).toString(), u"US"_s);
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM opbox_columns WHERE table_name = 'shared__deals' AND column_name = 'extra'"_s).toInt(),
            1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM opbox_table_owners WHERE table_name = 'shared__deals'"_s).toInt(), 2);
        QCOMPARE(
            scalar(
                u"SELECT COUNT(*) FROM (SELECT _opbox_connection_id, id FROM shared__deals GROUP BY 1, 2 HAVING COUNT(*) > 1)"_s)
                .toInt(),
            0);
    }

    void cleanup()
    {
        // A failed step must not leave its transaction open for the next one.
        sqlite3_exec(handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }

    void newColumnsPerRunAreCapped()
    {
        // A record with `count` fields never seen before, named from `first` on.
        const auto wide = [](int id, int first, int count) {
            QJsonObject record{{u"id"_s, id}};
            for (int i = first; i < first + count; ++i)
                record.insert(u"f%1"_s.arg(i), i);
            return RecordBatch::fromJson(QJsonArray{record});
        };
        OpboxTableWriter w(handle(), u"wide__items"_s, u"wide"_s, u"items"_s, {u"id"_s}, u"c1"_s, QString());
        const int cap = TableSchemaEvolver::MaxNewColumnsPerRun;
        QVERIFY(begin());
        // The run's first page adds the key column and fields up to the cap…
        auto c = w.write(wide(1, 0, cap - 1), u"r1"_s, u"2026-01-01T00:00:00.000Z"_s);
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        QVERIFY(commit());
        // …and a later page of the same run may add no more.
        QVERIFY(begin());
        c = w.write(wide(2, cap, 2), u"r1"_s, u"2026-01-01T00:00:01.000Z"_s);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, u"TOO_MANY_COLUMNS"_s);
        QVERIFY2(c.error().message.contains(u"500"_s) && c.error().message.contains(u"wide__items"_s),
                 qPrintable(c.error().message));
        QVERIFY(sqlite3_exec(handle(), "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
        w.invalidate();
        // The next run starts counting afresh.
        QVERIFY(begin());
        c = w.write(wide(2, cap, 2), u"r2"_s, u"2026-01-01T00:00:02.000Z"_s);
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        QVERIFY(commit());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM opbox_columns WHERE table_name = 'wide__items'"_s).toInt(), cap + 2);
    }

    void rollbackInvalidatesCatalog()
    {
        OpboxTableWriter w(handle(), u"rb__items"_s, u"rb"_s, u"items"_s, {u"id"_s}, u"c1"_s, QString());
        QVERIFY(begin());
        QVERIFY(w.write(records({R"({"id":1,"a":1})"}), u"r1"_s, u"2026-01-01T00:00:00.000Z"_s).ok());
        QVERIFY(commit());
        QVERIFY(begin());
        QVERIFY(w.write(records({R"({"id":2,"b":"new"})"}), u"r2"_s, u"2026-01-01T00:00:01.000Z"_s).ok());
        QVERIFY(sqlite3_exec(handle(), "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
        w.invalidate();
        QVERIFY(begin());
        auto c = w.write(records({R"({"id":3,"b":"again"})"}), u"r3"_s, u"2026-01-01T00:00:02.000Z"_s);
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        QVERIFY(commit());
        QCOMPARE(scalar(u"SELECT b FROM rb__items WHERE id = 3"_s).toString(), u"again"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM rb__items"_s).toInt(), 2);
    }

    void objectsSharingAPositionKeepTheirColumns_data()
    {
        QTest::addColumn<QStringList>("page");
        // A key that is null in one record and an object in the next, in records whose keys differ:
        // the writer's per-position cache must not file one object's members under another's columns.
        QTest::newRow("one page") << QStringList{R"({"id":10,"assignee":{"id":1,"login":"a"}})"_L1,
                                                 R"({"id":11,"closed_by":null})"_L1,
                                                 R"({"id":12,"closed_by":{"id":2,"login":"b"}})"_L1};
        QTest::newRow("object after scalar")
            << QStringList{R"({"id":10,"assignee":{"id":1,"login":"a"}})"_L1, R"({"id":11,"closed_by":"x"})"_L1,
                           R"({"id":12,"closed_by":{"id":2,"login":"b"}})"_L1};
    }

    void objectsSharingAPositionKeepTheirColumns()
    {
        QFETCH(QStringList, page);
        const QString table = u"shape__"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_');
        OpboxTableWriter w(handle(), table, u"shape"_s, u"issues"_s, {u"id"_s}, u"c1"_s, QString());
        QJsonArray list;
        for (const QString &text : page)
            list.append(QJsonDocument::fromJson(text.toUtf8()).object());
        QVERIFY(begin());
        auto c = w.write(RecordBatch::fromJson(list), u"r1"_s, u"2026-01-01T00:00:00.000Z"_s);
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        QVERIFY(commit());
        QCOMPARE(scalar(u"SELECT closed_by__login FROM \"%1\" WHERE id = 12"_s.arg(table)).toString(), u"b"_s);
        QCOMPARE(scalar(u"SELECT closed_by__id FROM \"%1\" WHERE id = 12"_s.arg(table)).toInt(), 2);
        QVERIFY(scalar(u"SELECT assignee__login FROM \"%1\" WHERE id = 12"_s.arg(table)).isNull());
        QCOMPARE(scalar(u"SELECT assignee__login FROM \"%1\" WHERE id = 10"_s.arg(table)).toString(), u"a"_s);
    }

    void softDelete()
    {
        OpboxTableWriter w(handle(), u"fr__owners"_s, u"fr"_s, u"owners"_s, {u"id"_s}, u"c1"_s, QString());
        QVERIFY(begin());
        QVERIFY(w.write(records({R"({"id":1})", R"({"id":2})", R"({"id":3})"}), u"r1"_s, u"2026-01-01T00:00:00.000Z"_s).ok());
        QVERIFY(commit());
        // The next full refresh (started later) returns 1 and 3 only.
        QVERIFY(begin());
        QVERIFY(w.write(records({R"({"id":1})", R"({"id":3})"}), u"r2"_s, u"2026-01-02T00:00:00.000Z"_s).ok());
        auto deleted = w.markMissingDeleted(u"2026-01-01T12:00:00.000Z"_s, u"2026-01-02T00:00:01.000Z"_s);
        QVERIFY(deleted.ok());
        QVERIFY(commit());
        QCOMPARE(*deleted, 1);
        QCOMPARE(scalar(u"SELECT _opbox_deleted_at FROM fr__owners WHERE id = 2"_s).toString(), u"2026-01-02T00:00:01.000Z"_s);
        QVERIFY(scalar(u"SELECT _opbox_deleted_at IS NULL FROM fr__owners WHERE id = 1"_s).toBool());
        // It comes back: the flag is cleared.
        QVERIFY(begin());
        QVERIFY(w.write(records({R"({"id":2})"}), u"r3"_s, u"2026-01-03T00:00:00.000Z"_s).ok());
        QVERIFY(commit());
        QVERIFY(scalar(u"SELECT _opbox_deleted_at IS NULL FROM fr__owners WHERE id = 2"_s).toBool());
    }

    void syncStateDocument()
    {
        SyncStateStore states(m_db.get());
        QVERIFY(states.setCursor(u"c9"_s, u"transcripts"_s, u"2026-01-01T00:00:00.000Z"_s).ok());
        auto doc = states.document(u"c9"_s);
        QVERIFY(doc.ok());
        QCOMPARE(QJsonDocument(*doc).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"streams":{"transcripts":{"cursor":"2026-01-01T00:00:00.000Z"}},"version":1})"));
        QVERIFY(states.clear(u"c9"_s).ok());
        QCOMPARE(QJsonDocument(*states.document(u"c9"_s)).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"streams":{},"version":1})"));
    }
};

QTEST_GUILESS_MAIN(TestOpboxTables)
#include "tst_opboxtables.moc"
