// SPDX-License-Identifier: GPL-3.0-or-later
// opbox-bench sync --rows N [--workers W]: end-to-end sync throughput and its SQLite ceiling.
#include "syncbenchmarkjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"opbox-bench"_s);
    QLoggingCategory::setFilterRules(u"opbox.*.info=false\nopbox.*.debug=false"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Opbox Pipelines benchmarks. Command: sync"_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"command"_s, u"sync"_s);
    parser.addOption({u"rows"_s, u"Number of HubSpot contacts to sync (default 200000)."_s, u"N"_s, u"200000"_s});
    parser.addOption({u"workers"_s, u"Sync workers (default 1; one run uses one)."_s, u"W"_s, u"1"_s});
    parser.addOption({u"read-only"_s, u"Only measure the read: fake HubSpot -> connector -> a sink that drops the pages."_s});
    parser.addOption({u"write-only"_s, u"Only measure the Opbox table writer on records already in memory."_s});
    parser.process(app);
    if (parser.positionalArguments().value(0) != u"sync"_s) {
        std::fprintf(stderr, "usage: opbox-bench sync --rows N\n");
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
