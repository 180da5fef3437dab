// SPDX-License-Identifier: GPL-3.0-or-later
#include "latencybenchmarkjob.h"
#include "calendlyfakeserver.h"
#include "connectors/http/ratelimitgate.h"
#include "connectors/runtime/connectormanifest.h"
#include "engine/security/caller.h"
#include "engine/security/vault.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/services/runservice.h"
#include "engine/store/workspacedatastore.h"
#include "engine/sync/syncworkerpool.h"
#include "githubfakeserver.h"
#include "hubspotfakeserver.h"
#include "ratewindowfake.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Opbox::Bench {

namespace {

QString connectorTypeOf(const QString &shape)
{
    if (shape == u"hubspot"_s)
        return u"CRM_PLATFORM"_s;
    if (shape == u"github"_s)
        return u"DEVELOPMENT"_s;
    return u"SCHEDULING"_s;
}

/** Digests of every Opbox table's rows and of the stored sync states in a workspace's data file. */
bool digestWorkspace(const QString &path, LatencyRunResult &result)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        result.error = u"cannot open the workspace's data file"_s;
        sqlite3_close(db);
        return false;
    }
    const auto rowsOf = [db](const QByteArray &sql, const QList<int> &skip) {
        QStringList rows;
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr) != SQLITE_OK)
            return rows;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            QStringList values;
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                if (skip.contains(i))
                    continue;
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, i));
                values.append(text ? QString::fromUtf8(text) : u"\\N"_s);
            }
            rows.append(values.join(u'\x1f'));
        }
        sqlite3_finalize(statement);
        std::sort(rows.begin(), rows.end());
        return rows;
    };
    QCryptographicHash rowsHash(QCryptographicHash::Sha256);
    const QStringList tables
        = rowsOf("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_\\_%' ESCAPE '\\'", {});
    for (const QString &table : tables) {
        sqlite3_stmt *statement = nullptr;
        const QByteArray sql = (u"SELECT * FROM \""_s + table + u'"').toUtf8();
        QList<int> skip;
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr) == SQLITE_OK) {
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                const QByteArray name = sqlite3_column_name(statement, i);
                // Which connection and run wrote a row, and when, differ between any two runs.
                if (name.startsWith("_opbox_") && name != "_opbox_deleted_at")
                    skip.append(i);
            }
        }
        sqlite3_finalize(statement);
        const QStringList rows = rowsOf(sql, skip);
        result.rows += rows.size();
        rowsHash.addData(table.toUtf8());
        for (const QString &row : rows)
            rowsHash.addData(row.toUtf8());
    }
    QCryptographicHash stateHash(QCryptographicHash::Sha256);
    // The fakes' data lies in the past: a cursor of today is the moment a read started (Calendly's
    // run-start cursors), which differs between any two runs.
    const QRegularExpression today(u"\"%1T[^\"]*\""_s.arg(QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd"_s)));
    for (QString row : rowsOf("SELECT stream, state FROM opbox_sync_state", {}))
        stateHash.addData(row.replace(today, u"\"<run start>\""_s).toUtf8());
    sqlite3_close(db);
    result.rowsDigest = rowsHash.result().toHex().left(16);
    result.stateDigest = stateHash.result().toHex().left(16);
    return true;
}

/** One full sync of every stream of a connection to `fake` in a fresh engine. */
template<class Fake>
LatencyRunResult syncOnce(Fakes::RateWindowFake<Fake> &fake, const QString &type, QJsonObject config, int maxConcurrency,
                          std::pair<int, int> declaredRate)
{
    LatencyRunResult result;
    result.maxConcurrency = maxConcurrency;
    QTemporaryDir dir;
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
    config.insert(u"maxConcurrency"_s, maxConcurrency);
    auto connection = engine.connections()->create(
        caller, ConnectionDraft{.name = u"Latency"_s, .type = type, .credentials = fake.credentials(), .config = config});
    if (!connection) {
        result.error = connection.error().message;
        return result;
    }
    // A connection to a fake is not held to the provider's documented rate (its API root is its
    // own): the account's gate is given the rate here, as the provider's own API root would be.
    const auto gate = RateLimitGate::forAccount(RateLimitGate::accountKey(fake.baseUrl(), fake.credentials(), config));
    gate->declareRate(declaredRate.first, qint64(declaredRate.second) * 1000);
    engine.syncWorkers()->start(1);
    fake.restartWindow();
    QEventLoop loop;
    QObject::connect(engine.runs(), &RunService::runFinished, &loop,
                     [&](const QString &, const QString &, const QString &, const QString &status) {
                         result.status = status;
                         loop.quit();
                     });
    QElapsedTimer timer;
    timer.start();
    auto run = engine.runs()->trigger(caller, connection->id, {}, RunTrigger::Manual);
    if (!run) {
        result.error = run.error().message;
        return result;
    }
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    loop.exec();
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.requests = fake.served();
    result.refusals = fake.refusals();
    engine.syncWorkers()->stop(u"bench end"_s);
    if (result.status != u"COMPLETED"_s) {
        const auto stored = engine.runs()->store()->get(run->id);
        result.error = u"the run ended %1: %2"_s.arg(result.status, stored ? stored->error : QString());
        return result;
    }
    digestWorkspace(engine.workspaceData()->pathFor(*workspace), result);
    return result;
}

template<class Fake>
QList<LatencyRunResult> syncEach(Fakes::RateWindowFake<Fake> &fake, const QString &type, const QJsonObject &config, int latencyMs,
                                 std::pair<int, int> rate, std::pair<int, int> declared, const QList<int> &concurrencies)
{
    QList<LatencyRunResult> results;
    if (!fake.start()) {
        LatencyRunResult failed;
        failed.error = u"the fake did not start"_s;
        return {failed};
    }
    fake.setDelay(latencyMs);
    fake.setRateWindow(rate.first, qint64(rate.second) * 1000);
    QJsonObject full = fake.connectorConfig();
    for (auto it = config.begin(); it != config.end(); ++it)
        full.insert(it.key(), it.value());
    for (const int concurrency : concurrencies)
        results.append(syncOnce(fake, type, full, concurrency, declared));
    return results;
}

} // namespace

LatencyBenchmarkJob::LatencyBenchmarkJob(int latencyMs, int maxConcurrency, int limitRequests, int limitSeconds, bool declare)
    : m_latencyMs(latencyMs)
    , m_maxConcurrency(maxConcurrency)
    , m_limitRequests(limitRequests)
    , m_limitSeconds(limitSeconds)
    , m_declare(declare)
{
}

QList<LatencyShape> LatencyBenchmarkJob::shapes()
{
    // Chains: HubSpot's 25 pages of a stream follow each other; a GitHub repository's 3 pages follow
    // the 2 pages of the repository list; a Calendly invitee request follows the user lookup and the
    // 5 pages of events.
    return {
        {u"hubspot"_s, u"HubSpot-shaped: contacts, companies, deals, owners x 25 pages"_s, 25},
        {u"github"_s, u"GitHub-shaped: 20 repositories x issues, pull_requests, commits x 3 pages"_s, 2 + 3},
        {u"calendly"_s, u"Calendly-shaped: 500 events, one invitees request each"_s, 1 + 5 + 1},
    };
}

std::pair<int, int> LatencyBenchmarkJob::rateFor(const LatencyShape &shape) const
{
    if (m_limitRequests > 0)
        return {m_limitRequests, m_limitSeconds};
    const auto manifest = ConnectorManifest::forType(connectorTypeOf(shape.name));
    if (!manifest)
        return {0, 0};
    return {manifest->rateLimit.maxRequests, manifest->rateLimit.perSeconds};
}

QList<LatencyRunResult> LatencyBenchmarkJob::run(const LatencyShape &shape, const QList<int> &concurrencies)
{
    const QString type = connectorTypeOf(shape.name);
    const auto rate = rateFor(shape);
    const QJsonObject retries{{u"retryBaseMs"_s, 100}};
    if (shape.name == u"hubspot"_s) {
        Fakes::RateWindowFake<Fakes::HubSpotFakeServer> fake;
        for (const QString &object : {u"contacts"_s, u"companies"_s, u"deals"_s, u"owners"_s})
            fake.seed(object, 100);
        QJsonObject config = retries;
        config.insert(u"pageSize"_s, 4);
        return syncEach(fake, type, config, m_latencyMs, rate, m_declare ? rate : std::pair<int, int>{0, 0}, concurrencies);
    }
    if (shape.name == u"github"_s) {
        Fakes::RateWindowFake<Fakes::GitHubFakeServer> fake;
        // 10 per page: the issues feed (9 issues + 21 pull requests), the pulls and 30 commits are
        // 3 pages each; the 20 repositories 2 pages.
        fake.seed(20, 9, 21, 30);
        QJsonObject config = retries;
        config.insert(u"pageSize"_s, 10);
        return syncEach(fake, type, config, m_latencyMs, rate, m_declare ? rate : std::pair<int, int>{0, 0}, concurrencies);
    }
    Fakes::RateWindowFake<Fakes::CalendlyFakeServer> fake;
    fake.seed(2, 500, 1, Fakes::FakeProviderServer::seedEpoch());
    QJsonObject config = retries;
    config.insert(u"pageSize"_s, 100);
    return syncEach(fake, type, config, m_latencyMs, rate, m_declare ? rate : std::pair<int, int>{0, 0}, concurrencies);
}

} // namespace Opbox::Bench
