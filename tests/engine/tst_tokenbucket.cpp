// SPDX-License-Identifier: GPL-3.0-or-later
// The per-connection request budget of the webhook limiters, on a clock the test moves by hand.
#include "engine/services/tokenbucket.h"

#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Opbox;

class TestTokenBucket : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<qint64> m_now = std::make_shared<qint64>(0);
    [[nodiscard]] TokenBucket::Clock clock() const
    {
        return [now = m_now] { return *now; };
    }

private Q_SLOTS:
    void init() { *m_now = 1000; }

    void burstThenOnePerRefill()
    {
        TokenBucket bucket(3, 2000, clock());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(bucket.take(u"a"_s), 0);
        QCOMPARE(bucket.take(u"a"_s), 2); // a whole refill away, in seconds
        *m_now += 1999;
        QCOMPARE(bucket.take(u"a"_s), 1); // a millisecond short: still refused, at least a second
        *m_now += 1;
        QCOMPARE(bucket.take(u"a"_s), 0);
        QCOMPARE(bucket.take(u"a"_s), 2);
    }

    void refillStopsAtTheBurst()
    {
        TokenBucket bucket(2, 1000, clock());
        QCOMPARE(bucket.take(u"a"_s), 0);
        *m_now += 60000; // a long quiet time does not save up more than the burst
        QCOMPARE(bucket.take(u"a"_s), 0);
        QCOMPARE(bucket.take(u"a"_s), 0);
        QCOMPARE(bucket.take(u"a"_s), 1);
    }

    void keysHaveTheirOwnBudget()
    {
        TokenBucket bucket(1, 60000, clock());
        QCOMPARE(bucket.take(u"a"_s), 0);
        QCOMPARE(bucket.take(u"a"_s), 60);
        QCOMPARE(bucket.take(u"b"_s), 0);
    }

    void aNewLimitStartsFull()
    {
        TokenBucket bucket(1, 60000, clock());
        QCOMPARE(bucket.take(u"a"_s), 0);
        QCOMPARE(bucket.take(u"a"_s), 60);
        bucket.setLimit(2, 500, clock());
        QCOMPARE(bucket.take(u"a"_s), 0);
        QCOMPARE(bucket.take(u"a"_s), 0);
        QCOMPARE(bucket.take(u"a"_s), 1);
    }

    void manyKeysForgetOnlyFullBuckets()
    {
        // Past ten thousand keys the full buckets are dropped; an exhausted one is remembered.
        TokenBucket bucket(1, 60000, clock());
        QCOMPARE(bucket.take(u"spent"_s), 0);
        for (int i = 0; i <= 10000; ++i)
            (void)bucket.take(u"key %1"_s.arg(i));
        *m_now += 60000; // every "key" bucket is full again, "spent" too: both may be dropped
        QCOMPARE(bucket.take(u"spent"_s), 0);
        QCOMPARE(bucket.take(u"spent"_s), 60);
        for (int i = 0; i <= 10000; ++i)
            (void)bucket.take(u"other %1"_s.arg(i));
        QCOMPARE(bucket.take(u"spent"_s), 60); // still exhausted, not forgotten
    }

    void theSteadyClockByDefault()
    {
        TokenBucket bucket(1, 3600000);
        QCOMPARE(bucket.take(u"a"_s), 0);
        QCOMPARE(bucket.take(u"a"_s), 3600);
    }
};

QTEST_GUILESS_MAIN(TestTokenBucket)
#include "tst_tokenbucket.moc"
