// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Opbox::Bench {

/** What one `opbox-bench sync` measured. */
struct SyncBenchmarkResult
{
    qint64 rows = 0;
    double engineSeconds = 0;
    double engineCpuSeconds = 0; ///< CPU time of all the process's threads (fake included) during the sync
    double ceilingSeconds = 0; ///< bare table, no index
    double keyedCeilingSeconds = 0; ///< the same table with the engine's unique key index
    qint64 engineRows = 0;
    double peakRssMb = 0;
    double rssAfterSyncMb = 0;
    QString error;
};

/**
 * `opbox-bench sync --rows N`: N generated HubSpot contacts (20 mixed-type fields, 100 per page)
 * from the loopback HubSpot fake through the real engine (connector, worker, Opbox table writer)
 * into an Opbox table; then the same rows, read back, inserted straight into a fresh SQLite file
 * (WAL, synchronous=NORMAL, the engine writer's checkpoint interval, no index) with one prepared
 * statement, one transaction per 100 rows as
 * the engine's per-page checkpoints require (the ceiling). Times exclude setup.
 */
class SyncBenchmarkJob
{
public:
    explicit SyncBenchmarkJob(qint64 rows, int workers = 1);
    [[nodiscard]] SyncBenchmarkResult run();
    /** Only the read: the same rows from the fake through the connector into a sink that drops them. */
    [[nodiscard]] double readOnlySeconds(qint64 *records, QString *error);
    /** Only the write: HubSpot-shaped records already in memory through the Opbox table writer, 100 per transaction. */
    [[nodiscard]] double writeOnlySeconds(QString *error);

private:
    [[nodiscard]] bool measureCeiling(const QString &sourceDb, const QString &table, const QString &targetDb, bool keyed,
                                      double *seconds, SyncBenchmarkResult &result);

    qint64 m_rows;
    int m_workers;
};

} // namespace Opbox::Bench
