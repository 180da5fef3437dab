// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncbenchmarkjob.h"
#include "connectors/runtime/connector.h"
#include "engine/security/caller.h"
#include "engine/security/vault.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/services/runservice.h"
#include "engine/store/database.h"
#include "engine/store/schema.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/opboxtablewriter.h"
#include "engine/sync/syncworkerpool.h"
#include "hubspotfakeserver.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSqlDriver>
#include <QTemporaryDir>
#include <QTimer>
#include <sqlite3.h>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace Opbox::Bench {

namespace {

double currentRssMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux: kilobytes
}

bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

/** Drops every page: what the connector alone costs. */
class DiscardingSink : public PageSink
{
public:
    qint64 records = 0;
    QCoro::Task<bool> accept(RecordPage page) override
    {
        records += page.records.size();
        co_return true;
    }
};

} // namespace

double SyncBenchmarkJob::readOnlySeconds(qint64 *records, QString *error)
{
    Fakes::HubSpotFakeServer hubspot;
    if (!hubspot.start()) {
        *error = u"the HubSpot fake did not start"_s;
        return 0;
    }
    hubspot.setGeneratedContacts(m_rows);
    QNetworkAccessManager network;
    ConnectorContext context;
    context.type = u"CRM_PLATFORM"_s;
    context.credentials = hubspot.credentials();
    context.config = hubspot.connectorConfig();
    context.network = &network;
    context.cancel = std::make_shared<CancelToken>();
    auto connector = ConnectorFactory::create(context);
    if (!connector) {
        *error = u"no CRM_PLATFORM connector"_s;
        return 0;
    }
    DiscardingSink sink;
    QElapsedTimer timer;
    timer.start();
    const ReadResult result = QCoro::waitFor(connector->read(u"contacts"_s, QJsonObject(), &sink));
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!result.ok())
        *error = result.error().message;
    *records = sink.records;
    return seconds;
}

double SyncBenchmarkJob::writeOnlySeconds(QString *error)
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"ws.db"_s), Schema::workspaceMigrations(), u"bench"_s);
    if (!db.open()) {
        *error = u"cannot open the data file"_s;
        return 0;
    }
    const QVariant handle = db.connection().driver()->handle();
    sqlite3 *sqlite = *static_cast<sqlite3 *const *>(handle.constData());
    exec(sqlite, "PRAGMA wal_autocheckpoint=10000"); // as SyncJob sets it
    OpboxTableWriter writer(sqlite, u"bench__contacts"_s, u"bench"_s, u"contacts"_s, {u"id"_s}, u"cbench"_s, QString());
    // Pages of 100 records shaped like the fake's generated contacts, built once and reused with new ids.
    auto page = [](qint64 first) {
        QJsonArray records;
        for (qint64 i = first; i < first + 100; ++i) {
            const QString id = QString::number(100000 + i);
            records.append(QJsonObject{{u"id"_s, id},
                                       {u"createdAt"_s, u"2024-01-01T00:00:00.000Z"_s},
                                       {u"updatedAt"_s, u"2024-01-02T00:00:00.000Z"_s},
                                       {u"archived"_s, false},
                                       {u"properties"_s,
                                        QJsonObject{{u"email"_s, QString(u"user"_s + id + u"@example.com"_s)},
                                                    {u"firstname"_s, QString(u"First"_s + id)},
                                                    {u"lastname"_s, QString(u"Last"_s + id)},
                                                    {u"phone"_s, u"+44 20 7946 1234"_s},
                                                    {u"company"_s, u"Company 12"_s},
                                                    {u"jobtitle"_s, u"Engineer 3"_s},
                                                    {u"city"_s, u"Berlin"_s},
                                                    {u"lifecyclestage"_s, u"lead"_s},
                                                    {u"hs_lead_status"_s, u"OPEN"_s},
                                                    {u"hubspot_owner_id"_s, u"41629780"_s},
                                                    {u"numemployees"_s, qint64(i % 1000)},
                                                    {u"annualrevenue"_s, double(i % 1000) * 1250.5},
                                                    {u"hs_email_optout"_s, i % 3 == 0},
                                                    {u"createdate"_s, u"2024-01-01T00:00:00.000Z"_s},
                                                    {u"lastmodifieddate"_s, u"2024-01-02T00:00:00.000Z"_s},
                                                    {u"hs_object_id"_s, id}}}});
        }
        return records;
    };
    qint64 elapsed = 0;
    for (qint64 first = 0; first < m_rows; first += 100) {
        const RecordBatch records = RecordBatch::fromJson(page(first));
        QElapsedTimer timer;
        timer.start();
        exec(sqlite, "BEGIN IMMEDIATE");
        auto counts = writer.write(records, u"rbench"_s, u"2026-01-01T00:00:00.000Z"_s);
        if (!counts) {
            *error = counts.error().message;
            return 0;
        }
        exec(sqlite, "COMMIT");
        elapsed += timer.nsecsElapsed();
    }
    return double(elapsed) / 1e9;
}

SyncBenchmarkJob::SyncBenchmarkJob(qint64 rows, int workers)
    : m_rows(rows)
    , m_workers(workers)
{
}

SyncBenchmarkResult SyncBenchmarkJob::run()
{
    SyncBenchmarkResult result;
    result.rows = m_rows;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        result.error = u"cannot create a temporary directory"_s;
        return result;
    }
    Fakes::HubSpotFakeServer hubspot;
    if (!hubspot.start()) {
        result.error = u"the HubSpot fake did not start"_s;
        return result;
    }
    hubspot.setGeneratedContacts(m_rows);

    QString tablePath;
    QString tableName;
    {
        Engine engine(dir.filePath(u"data"_s));
        if (!engine.open() || !engine.unlockWithKey(Vault::generateKey())) {
            result.error = u"the engine did not open"_s;
            return result;
        }
        auto user = engine.identity()->ensureUser(u"bench@example.com"_s);
        auto workspace = engine.identity()->ensureWorkspace(u"Bench"_s);
        if (!user || !workspace || !engine.identity()->setMembership(*user, *workspace, Role::Owner)) {
            result.error = u"cannot create the bench user"_s;
            return result;
        }
        const Caller caller = *engine.identity()->callerFor(*user, *workspace);
        auto connection = engine.connections()->create(caller,
                                                       ConnectionDraft{.name = u"Bench CRM"_s,
                                                                       .type = u"CRM_PLATFORM"_s,
                                                                       .credentials = hubspot.credentials(),
                                                                       .config = hubspot.connectorConfig()});
        if (!connection) {
            result.error = connection.error().message;
            return result;
        }
        const QString connectionId = connection->id;
        engine.syncWorkers()->start(m_workers);

        QEventLoop loop;
        QString finalStatus;
        QObject::connect(engine.runs(), &RunService::runFinished, &loop,
                         [&](const QString &, const QString &, const QString &, const QString &status) {
                             finalStatus = status;
                             loop.quit();
                         });
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = cpuSeconds();
        auto run = engine.runs()->trigger(caller, connectionId, {u"contacts"_s}, RunTrigger::Manual);
        if (!run) {
            result.error = run.error().message;
            return result;
        }
        QTimer progress;
        QObject::connect(&progress, &QTimer::timeout, &loop, [&] {
            // The fake keeps a log of every request for its tests: dropped here so that the
            // process's memory shows the engine's, not the log's.
            hubspot.clearRequests();
            const auto last = engine.runs()->lastRun(connectionId);
            std::fprintf(stderr, "\r  %lld rows, RSS %.1f MB   ", last ? qlonglong(last->rowsSynced) : 0LL, currentRssMb());
        });
        progress.start(500);
        loop.exec();
        result.engineSeconds = double(timer.nsecsElapsed()) / 1e9;
        result.engineCpuSeconds = cpuSeconds() - cpuBefore;
        std::fprintf(stderr, "\n");
        result.rssAfterSyncMb = peakRssMb();
        const auto stored = engine.runs()->store()->get(run->id);
        result.engineRows = stored ? stored->rowsSynced : 0;
        if (finalStatus != u"COMPLETED"_s) {
            result.error = u"the run ended %1: %2"_s.arg(finalStatus, stored ? stored->error : QString());
            return result;
        }
        tablePath = engine.workspaceData()->pathFor(*workspace);
        tableName = engine.runs()->resolveTableBase(*engine.connections()->recordById(connectionId)) + u"__contacts"_s;
        engine.syncWorkers()->stop(u"bench end"_s);
    }
    hubspot.stop();
    if (!measureCeiling(tablePath, tableName, dir.filePath(u"ceiling.db"_s), false, &result.ceilingSeconds, result)
        || !measureCeiling(tablePath, tableName, dir.filePath(u"ceiling-keyed.db"_s), true, &result.keyedCeilingSeconds, result))
        return result;
    result.peakRssMb = peakRssMb();
    return result;
}

bool SyncBenchmarkJob::measureCeiling(const QString &sourceDb, const QString &table, const QString &targetDb, bool keyed,
                                      double *seconds, SyncBenchmarkResult &result)
{
    sqlite3 *source = nullptr;
    sqlite3 *target = nullptr;
    if (sqlite3_open_v2(sourceDb.toUtf8().constData(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK
        || sqlite3_open(targetDb.toUtf8().constData(), &target) != SQLITE_OK) {
        result.error = u"cannot open the ceiling databases"_s;
        return false;
    }
    // The pragmas of the engine's writer connection, so that the ratio compares like with like.
    exec(target, "PRAGMA journal_mode=WAL");
    exec(target, "PRAGMA synchronous=NORMAL");
    exec(target, "PRAGMA wal_autocheckpoint=10000");
    exec(target, "PRAGMA journal_size_limit=41943040");

    // The same rows as the engine stored them, every column included.
    sqlite3_stmt *select = nullptr;
    const QByteArray selectSql = QString(u"SELECT * FROM \""_s + table + u'"').toUtf8();
    if (sqlite3_prepare_v2(source, selectSql.constData(), -1, &select, nullptr) != SQLITE_OK) {
        result.error = u"cannot read the synced table"_s;
        return false;
    }
    const int columns = sqlite3_column_count(select);
    QStringList names;
    QStringList params;
    QList<int> dataColumns;
    for (int i = 0; i < columns; ++i) {
        const QString name = QString::fromUtf8(sqlite3_column_name(select, i));
        dataColumns.append(i);
        names.append(u'"' + name + u'"');
        params.append(u"?"_s);
    }
    QByteArray create = (u"CREATE TABLE ceiling ("_s + names.join(u", "_s) + u");"_s).toUtf8();
    if (keyed) {
        // The engine's table carries a unique index on (connection, primary key) because every
        // record is an upsert: the keyed ceiling stores the same rows into the same shape.
        sqlite3_stmt *indexes = nullptr;
        const QByteArray listSql = QString(u"SELECT name, \"unique\" FROM pragma_index_list('"_s + table + u"')"_s).toUtf8();
        if (sqlite3_prepare_v2(source, listSql.constData(), -1, &indexes, nullptr) == SQLITE_OK) {
            int n = 0;
            while (sqlite3_step(indexes) == SQLITE_ROW) {
                const QString index = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(indexes, 0)));
                const bool unique = sqlite3_column_int(indexes, 1) != 0;
                sqlite3_stmt *info = nullptr;
                const QByteArray infoSql
                    = QString(u"SELECT name FROM pragma_index_info('"_s + index + u"') ORDER BY seqno"_s).toUtf8();
                QStringList keyColumns;
                if (sqlite3_prepare_v2(source, infoSql.constData(), -1, &info, nullptr) == SQLITE_OK) {
                    while (sqlite3_step(info) == SQLITE_ROW)
                        keyColumns.append(u'"' + QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(info, 0)))
                                          + u'"');
                }
                sqlite3_finalize(info);
                create += (u"CREATE "_s + (unique ? u"UNIQUE "_s : QString()) + u"INDEX ceiling_"_s + QString::number(++n)
                           + u" ON ceiling ("_s + keyColumns.join(u", "_s) + u");"_s)
                              .toUtf8();
            }
        }
        sqlite3_finalize(indexes);
    }
    const QByteArray insertSql = (u"INSERT INTO ceiling VALUES ("_s + params.join(u", "_s) + u')').toUtf8();
    sqlite3_stmt *insert = nullptr;
    if (!exec(target, create.constData())
        || sqlite3_prepare_v2(target, insertSql.constData(), -1, &insert, nullptr) != SQLITE_OK) {
        result.error = u"cannot prepare the ceiling table"_s;
        return false;
    }
    // Rows are read in chunks (untimed) and inserted (timed) one transaction per 100 rows: the
    // engine must commit every page of 100 with its cursor, so the ceiling commits as often.
    constexpr int Chunk = 5000;
    constexpr int Batch = 100;
    std::vector<std::vector<QByteArray>> rows;
    std::vector<std::vector<int>> types;
    qint64 elapsedNs = 0;
    bool more = true;
    while (more) {
        rows.clear();
        types.clear();
        while (int(rows.size()) < Chunk) {
            if (sqlite3_step(select) != SQLITE_ROW) {
                more = false;
                break;
            }
            std::vector<QByteArray> row;
            std::vector<int> type;
            for (int c : std::as_const(dataColumns)) {
                type.push_back(sqlite3_column_type(select, c));
                const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(select, c));
                row.emplace_back(p ? QByteArray(p, sqlite3_column_bytes(select, c)) : QByteArray());
            }
            rows.push_back(std::move(row));
            types.push_back(std::move(type));
        }
        QElapsedTimer timer;
        timer.start();
        for (size_t r = 0; r < rows.size(); ++r) {
            if (r % Batch == 0)
                exec(target, "BEGIN");
            for (size_t c = 0; c < rows[r].size(); ++c) {
                const int param = int(c) + 1;
                switch (types[r][c]) {
                case SQLITE_NULL: sqlite3_bind_null(insert, param); break;
                case SQLITE_INTEGER: sqlite3_bind_int64(insert, param, rows[r][c].toLongLong()); break;
                case SQLITE_FLOAT: sqlite3_bind_double(insert, param, rows[r][c].toDouble()); break;
                default: sqlite3_bind_text(insert, param, rows[r][c].constData(), int(rows[r][c].size()), SQLITE_STATIC);
                }
            }
            sqlite3_step(insert);
            sqlite3_reset(insert);
            if (r % Batch == Batch - 1 || r + 1 == rows.size())
                exec(target, "COMMIT");
        }
        elapsedNs += timer.nsecsElapsed();
    }
    sqlite3_finalize(select);
    sqlite3_finalize(insert);
    sqlite3_close(source);
    sqlite3_close(target);
    *seconds = double(elapsedNs) / 1e9;
    return true;
}

} // namespace Opbox::Bench
