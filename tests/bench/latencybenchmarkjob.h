// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Opbox::Bench {

/** What one latency-bound sync of a shape measured. */
struct LatencyRunResult
{
    int maxConcurrency = 0;
    double seconds = 0;
    qint64 requests = 0; // answered within the fake's rate
    qint64 refusals = 0; // 429s the fake sent because the rate was exceeded
    qint64 rows = 0;
    QString status;
    QByteArray rowsDigest; // every Opbox table's rows (run-specific columns left out)
    QByteArray stateDigest; // every stream's stored sync state
    QString error;
};

/** A provider-shaped source for `opbox-bench latency`. */
struct LatencyShape
{
    QString name; // hubspot | github | calendly
    QString description;
    int chainLength = 0; // the longest chain of requests that each need the previous answer
};

/**
 * `opbox-bench latency`: full syncs of provider-shaped loopback fakes that answer every request
 * after a fixed latency and refuse requests beyond a rate with the provider's 429 + Retry-After
 * (by default the rate the connector's manifest declares), through the real engine, once at
 * `maxConcurrency` and once at 1 (one request at a time). Reports the wall time against the floor:
 * max(requests ÷ allowed rate, longest dependent chain × latency, requests × latency ÷ concurrency).
 */
class LatencyBenchmarkJob
{
public:
    /** `declare` false: the engine is not told the rate the fake enforces (it then meets its 429s). */
    LatencyBenchmarkJob(int latencyMs, int maxConcurrency, int limitRequests, int limitSeconds, bool declare = true);

    [[nodiscard]] static QList<LatencyShape> shapes();
    /**
     * Syncs `shape` from one fake at each of `concurrencies` (a fresh engine each time, the fake's
     * rate window restarted between them); `limitRequests` 0 takes the manifest's declared rate.
     */
    [[nodiscard]] QList<LatencyRunResult> run(const LatencyShape &shape, const QList<int> &concurrencies);
    /** The rate the fake enforces for `shape`: requests per seconds. */
    [[nodiscard]] std::pair<int, int> rateFor(const LatencyShape &shape) const;
    [[nodiscard]] int latencyMs() const { return m_latencyMs; }
    [[nodiscard]] int maxConcurrency() const { return m_maxConcurrency; }

private:
    int m_latencyMs;
    int m_maxConcurrency;
    int m_limitRequests;
    int m_limitSeconds;
    bool m_declare;
};

} // namespace Opbox::Bench
