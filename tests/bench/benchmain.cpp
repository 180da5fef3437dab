// SPDX-License-Identifier: GPL-3.0-or-later
// opbox-bench sync --rows N [--workers W]: end-to-end sync throughput and its SQLite ceiling.
// opbox-bench latency [--latency MS] [--concurrency N] [--limit N/S] [--shape S]: latency-bound syncs.
#include "latencybenchmarkjob.h"
#include "syncbenchmarkjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

/** `opbox-bench latency`: every shape at the default concurrency and at 1, against the floor. */
int runLatency(const QCommandLineParser &parser)
{
    bool ok = false;
    const int latency = parser.value(u"latency"_s).toInt(&ok);
    if (!ok || latency < 0) {
        std::fprintf(stderr, "opbox-bench: --latency must be a number of milliseconds\n");
        return 2;
    }
    const int concurrency = parser.value(u"concurrency"_s).toInt(&ok);
    if (!ok || concurrency < 1 || concurrency > 16) {
        std::fprintf(stderr, "opbox-bench: --concurrency must be 1 to 16\n");
        return 2;
    }
    int limitRequests = 0;
    int limitSeconds = 0;
    if (parser.isSet(u"limit"_s)) {
        const QStringList parts = parser.value(u"limit"_s).split(u'/');
        limitRequests = parts.value(0).toInt();
        limitSeconds = parts.value(1).toInt();
        if (parts.size() != 2 || limitRequests <= 0 || limitSeconds <= 0) {
            std::fprintf(stderr, "opbox-bench: --limit must be REQUESTS/SECONDS, e.g. 100/10\n");
            return 2;
        }
    }
    const bool declare = !parser.isSet(u"undeclared"_s);
    Opbox::Bench::LatencyBenchmarkJob job(latency, concurrency, limitRequests, limitSeconds, declare);
    const QString only = parser.value(u"shape"_s);
    int exitCode = 0;
    for (const auto &shape : Opbox::Bench::LatencyBenchmarkJob::shapes()) {
        if (!only.isEmpty() && only != shape.name)
            continue;
        const auto [maxRequests, perSeconds] = job.rateFor(shape);
        std::printf("%s\n  latency %d ms, fake's limit %d requests per %d s (429 + Retry-After beyond it), %s\n",
                    qPrintable(shape.description), latency, maxRequests, perSeconds,
                    declare ? "declared to the engine" : "not declared to the engine");
        std::fflush(stdout);
        const auto results = job.run(shape, concurrency == 1 ? QList<int>{1} : QList<int>{concurrency, 1});
        for (const auto &r : results) {
            if (!r.error.isEmpty()) {
                std::fprintf(stderr, "opbox-bench: %s at maxConcurrency %d: %s\n", qPrintable(shape.name), r.maxConcurrency,
                             qPrintable(r.error));
                exitCode = 1;
                continue;
            }
            const double total = double(r.requests + r.refusals);
            const double rateFloor = maxRequests > 0 ? total * perSeconds / maxRequests : 0;
            const double chainFloor = shape.chainLength * latency / 1000.0;
            const double latencyFloor = total * latency / 1000.0 / r.maxConcurrency;
            const double floor = std::max({rateFloor, chainFloor, latencyFloor});
            std::printf("  maxConcurrency %2d: %7.2f s wall, floor %7.2f s (rate %.2f, chain %.2f, latency %.2f), "
                        "ratio %.2f, %lld requests, %lld 429s, %lld rows, rows %s, states %s\n",
                        r.maxConcurrency, r.seconds, floor, rateFloor, chainFloor, latencyFloor,
                        floor > 0 ? r.seconds / floor : 0.0, qlonglong(r.requests), qlonglong(r.refusals), qlonglong(r.rows),
                        r.rowsDigest.constData(), r.stateDigest.constData());
            std::fflush(stdout);
        }
        if (results.size() == 2 && results.at(0).error.isEmpty() && results.at(1).error.isEmpty()) {
            const bool same
                = results.at(0).rowsDigest == results.at(1).rowsDigest && results.at(0).stateDigest == results.at(1).stateDigest;
            std::printf("  rows and cursors identical to the sequential run: %s\n", same ? "yes" : "NO");
            if (!same)
                exitCode = 1;
        }
    }
    return exitCode;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"opbox-bench"_s);
    QLoggingCategory::setFilterRules(u"opbox.*.info=false\nopbox.*.debug=false"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Opbox Pipelines benchmarks. Commands: sync, latency"_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"command"_s, u"sync | latency"_s);
    parser.addOption({u"rows"_s, u"Number of HubSpot contacts to sync (default 200000)."_s, u"N"_s, u"200000"_s});
    parser.addOption({u"workers"_s, u"Sync workers (default 1; one run uses one)."_s, u"W"_s, u"1"_s});
    parser.addOption({u"read-only"_s, u"Only measure the read: fake HubSpot -> connector -> a sink that drops the pages."_s});
    parser.addOption({u"write-only"_s, u"Only measure the Opbox table writer on records already in memory."_s});
    parser.addOption({u"latency"_s, u"latency: every answer of the fakes comes after MS (default 150)."_s, u"MS"_s, u"150"_s});
    parser.addOption({u"concurrency"_s, u"latency: the maxConcurrency measured beside 1 (default 4)."_s, u"N"_s, u"4"_s});
    parser.addOption(
        {u"limit"_s, u"latency: the fakes' rate limit, REQUESTS/SECONDS (default: the manifest's declared rate)."_s, u"N/S"_s});
    parser.addOption({u"undeclared"_s, u"latency: do not tell the engine the fakes' rate (it then meets their 429s)."_s});
    parser.addOption({u"shape"_s, u"latency: only this shape (hubspot, github, calendly)."_s, u"S"_s});
    parser.process(app);
    if (parser.positionalArguments().value(0) == u"latency"_s)
        return runLatency(parser);
    if (parser.positionalArguments().value(0) != u"sync"_s) {
        std::fprintf(stderr, "usage: opbox-bench sync --rows N | opbox-bench latency\n");
        return 2;
    }
    bool ok = false;
    const qint64 rows = parser.value(u"rows"_s).toLongLong(&ok);
    if (!ok || rows <= 0) {
        std::fprintf(stderr, "opbox-bench: --rows must be a positive number\n");
        return 2;
    }
    Opbox::Bench::SyncBenchmarkJob job(rows, parser.value(u"workers"_s).toInt());
    if (parser.isSet(u"write-only"_s)) {
        QString error;
        const double seconds = job.writeOnlySeconds(&error);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "opbox-bench: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("opbox-bench sync --write-only: %lld records in %.2f s, %.0f records/s (Opbox table writer, 100/tx)\n",
                    qlonglong(rows), seconds, double(rows) / seconds);
        return 0;
    }
    if (parser.isSet(u"read-only"_s)) {
        qint64 records = 0;
        QString error;
        const double seconds = job.readOnlySeconds(&records, &error);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "opbox-bench: %s\n", qPrintable(error));
            return 1;
        }
        std::printf(
            "opbox-bench sync --read-only: %lld records in %.2f s, %.0f records/s (fake HubSpot -> connector, pages dropped)\n",
            qlonglong(records), seconds, double(records) / seconds);
        return records == rows ? 0 : 1;
    }
    const auto r = job.run();
    if (!r.error.isEmpty()) {
        std::fprintf(stderr, "opbox-bench: %s\n", qPrintable(r.error));
        return 1;
    }
    const double engineRate = double(r.engineRows) / r.engineSeconds;
    const double ceilingRate = double(r.rows) / r.ceilingSeconds;
    std::printf("opbox-bench sync: %lld HubSpot contacts, 100 per page, 20 fields\n", qlonglong(r.rows));
    std::printf("  engine  (fake HubSpot -> connector -> worker -> Opbox table): %8.2f s  %9.0f rows/s  (%lld rows)\n",
                r.engineSeconds, engineRate, qlonglong(r.engineRows));
    std::printf("          CPU %.2f s on all threads (fake included): %.1f us per row, %.2f cores busy\n", r.engineCpuSeconds,
                1e6 * r.engineCpuSeconds / double(std::max<qint64>(1, r.engineRows)), r.engineCpuSeconds / r.engineSeconds);
    std::printf("  ceiling (same rows, one prepared statement, 100/tx):           %8.2f s  %9.0f rows/s\n", r.ceilingSeconds,
                ceilingRate);
    std::printf("  ratio: %.1f %% of the ceiling\n", 100.0 * engineRate / ceilingRate);
    const double keyedRate = double(r.rows) / r.keyedCeilingSeconds;
    std::printf("  keyed ceiling (same rows into the same table with its unique key index): %8.2f s  %9.0f rows/s\n",
                r.keyedCeilingSeconds, keyedRate);
    std::printf("  ratio: %.1f %% of the keyed ceiling\n", 100.0 * engineRate / keyedRate);
    std::printf("  peak RSS: %.1f MB (after the sync: %.1f MB)\n", r.peakRssMb, r.rssAfterSyncMb);
    return r.engineRows == r.rows ? 0 : 1;
}
