// SPDX-License-Identifier: GPL-3.0-or-later
// The DEVELOPMENT connector against the GitHub fake: Link-header paging, issues without pull
// requests, per-repository cursors with `since`, pulls read newest first until older than the
// cursor, commits (and the 409 of an empty repository), config.repositories, and rate limits.
#include "collectingpagesink.h"
#include "connectortestharness.h"
#include "githubfakeserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Opbox::Error;
using Opbox::Fakes::GitHubFakeServer;
using Opbox::Tests::CollectingPageSink;
using Opbox::Tests::ConnectorTestHarness;

namespace {

// "acme/repo-0#5" for an issue or pull request record.
QSet<QString> keys(const CollectingPageSink &sink)
{
    QSet<QString> out;
    for (const auto &record : sink.records()) {
        QString repo = record.value(u"repository_url"_s).toString().section(u"/repos/"_s, 1);
        if (repo.isEmpty())
            repo = record.value(u"html_url"_s).toString().section(u'/', 3, 4);
        out.insert(repo + u'#' + QString::number(record.value(u"number"_s).toInt()));
    }
    return out;
}

} // namespace

class GitHubConnectorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fake = std::make_unique<GitHubFakeServer>();
        m_fake->seed(3, 130, 45, 150);
        m_fake->addEmptyRepository(u"empty-one"_s);
        QVERIFY(m_fake->start());
    }

    void cleanup() { m_fake.reset(); }

    void readsEveryStream_data()
    {
        QTest::addColumn<QString>("stream");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("requests");
        QTest::newRow("repositories") << u"repositories"_s << 4 << 1;
        // 130 issues + 45 pull requests in each issues feed: two pages per repository, one for the empty one.
        QTest::newRow("issues") << u"issues"_s << 390 << 1 + 3 * 2 + 1;
        QTest::newRow("pull_requests") << u"pull_requests"_s << 135 << 1 + 3 + 1;
        QTest::newRow("commits") << u"commits"_s << 450 << 1 + 3 * 2 + 1;
    }

    void readsEveryStream()
    {
        QFETCH(QString, stream);
        QFETCH(int, records);
        QFETCH(int, requests);
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, stream, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, qint64(records));
        QCOMPARE(m_fake->requestCount(), requests);
        QCOMPARE(sink.lastPageCount(), 1);
        for (const auto &request : m_fake->requests()) {
            QCOMPARE(request.query.queryItemValue(u"per_page"_s), u"100"_s);
            QCOMPARE(request.header("accept"), QByteArray("application/vnd.github+json"));
            QCOMPARE(request.header("x-github-api-version"), QByteArray("2022-11-28"));
            QVERIFY(!request.header("user-agent").isEmpty());
        }
        if (stream == u"issues") {
            for (const auto &record : sink.records())
                QVERIFY(!record.contains(u"pull_request"_s)); // pull requests have their own stream
        }
        if (stream == u"commits") {
            const QJsonObject commit = sink.records().first();
            QVERIFY(commit.value(u"repository"_s).toString().startsWith(u"acme/repo-"_s));
            QVERIFY(commit.value(u"commit"_s)
                        .toObject()
                        .value(u"committer"_s)
                        .toObject()
                        .value(u"date"_s)
                        .toString()
                        .endsWith(u".000Z"_s));
            QSet<QString> keys;
            for (const auto &record : sink.records())
                keys.insert(record.value(u"repository"_s).toString() + record.value(u"sha"_s).toString());
            QCOMPARE(keys.size(), records);
        }
        if (stream != u"repositories") {
            const QJsonObject partitions = sink.lastState().value(u"partitions"_s).toObject();
            QCOMPARE(partitions.keys(), (QStringList{u"acme/empty-one"_s, u"acme/repo-0"_s, u"acme/repo-1"_s, u"acme/repo-2"_s}));
        }
    }

    void incrementalIssuesUseSincePerRepository()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink full;
        QVERIFY(ConnectorTestHarness::read(*connector, u"issues"_s, {}, full).ok());
        const QJsonObject state = full.lastState();
        QCOMPARE(state.value(u"partitions"_s).toObject().value(u"acme/repo-1"_s).toString(), u"2024-01-06T09:30:00.000Z"_s);

        const QDateTime later(QDate(2024, 2, 2), QTime(10, 0), Qt::UTC);
        QVERIFY(m_fake->touchIssue(u"acme/repo-0"_s, 5, later));
        QVERIFY(m_fake->touchIssue(u"acme/repo-2"_s, 140, later)); // a pull request: not an issue
        m_fake->seed(1, 10, 0, 0); // acme/repo-4, new since the last run
        m_fake->clearRequests();

        CollectingPageSink incremental;
        const auto result = ConnectorTestHarness::read(*connector, u"issues"_s, state, incremental);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QSet<QString> expected{u"acme/repo-0#5"_s, u"acme/repo-0#130"_s, u"acme/repo-1#130"_s, u"acme/repo-2#130"_s};
        for (int n = 1; n <= 10; ++n)
            expected.insert(u"acme/repo-4#%1"_s.arg(n));
        QCOMPARE(keys(incremental), expected);
        for (const auto &request : m_fake->requests()) {
            if (!request.path.endsWith(u"/issues"_s))
                continue;
            if (request.path.contains(u"repo-4"_s))
                QVERIFY(!request.query.hasQueryItem(u"since"_s)); // a new repository is read from its start
            else if (request.path.contains(u"empty-one"_s))
                QVERIFY(request.query.hasQueryItem(u"since"_s)); // nothing yet: its cursor is the last read's start
            else
                QCOMPARE(request.query.queryItemValue(u"since"_s, QUrl::FullyDecoded), u"2024-01-06T09:30:00Z"_s);
        }
        const QJsonObject partitions = incremental.lastState().value(u"partitions"_s).toObject();
        QCOMPARE(partitions.value(u"acme/repo-0"_s).toString(), u"2024-02-02T10:00:00.000Z"_s);
        QCOMPARE(partitions.value(u"acme/repo-2"_s).toString(), u"2024-01-06T09:30:00.000Z"_s);
        QVERIFY(partitions.contains(u"acme/repo-4"_s));
        // The overall cursor is the oldest repository's, so resetting it never skips anything.
        QCOMPARE(incremental.lastState().value(u"cursor"_s).toString(), u"2024-01-01T09:30:00.000Z"_s);
    }

    void pullRequestsStopAtTheCursor()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink full;
        QVERIFY(ConnectorTestHarness::read(*connector, u"pull_requests"_s, {}, full).ok());
        QCOMPARE(full.lastState().value(u"partitions"_s).toObject().value(u"acme/repo-0"_s).toString(),
                 u"2024-01-02T20:50:00.000Z"_s);
        QVERIFY(m_fake->touchIssue(u"acme/repo-1"_s, 140, QDateTime(QDate(2024, 2, 2), QTime(10, 0), Qt::UTC)));
        m_fake->clearRequests();
        CollectingPageSink incremental;
        QVERIFY(ConnectorTestHarness::read(*connector, u"pull_requests"_s, full.lastState(), incremental).ok());
        QCOMPARE(keys(incremental),
                 (QSet<QString>{u"acme/repo-1#140"_s, u"acme/repo-0#175"_s, u"acme/repo-1#175"_s, u"acme/repo-2#175"_s}));
        // Newest first: each repository needed one page only.
        QCOMPARE(m_fake->requestCount(u"/pulls"_s), 4);
        for (const auto &request : m_fake->requests()) {
            if (request.path.endsWith(u"/pulls"_s))
                QCOMPARE(request.query.queryItemValue(u"direction"_s), u"desc"_s);
        }
    }

    void commitsUseSince()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink full;
        QVERIFY(ConnectorTestHarness::read(*connector, u"commits"_s, {}, full).ok());
        const QString sha = m_fake->addCommit(u"acme/repo-0"_s, QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC));
        CollectingPageSink incremental;
        QVERIFY(ConnectorTestHarness::read(*connector, u"commits"_s, full.lastState(), incremental).ok());
        const QStringList shas = incremental.values(u"sha"_s);
        QVERIFY(shas.contains(sha));
        QCOMPARE(shas.size(), 1 + 3); // the new commit, and each repository's newest again (inclusive since)
        QCOMPARE(incremental.lastState().value(u"partitions"_s).toObject().value(u"acme/repo-0"_s).toString(),
                 u"2024-03-01T00:00:00.000Z"_s);
    }

    void configuredRepositoriesOnly()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"repositories"_s, QJsonArray{u"acme/repo-1"_s, u"acme/repo-2"_s}}});
        CollectingPageSink repositories;
        QVERIFY(ConnectorTestHarness::read(*connector, u"repositories"_s, {}, repositories).ok());
        QCOMPARE(repositories.values(u"full_name"_s), (QStringList{u"acme/repo-1"_s, u"acme/repo-2"_s}));
        CollectingPageSink issues;
        m_fake->clearRequests();
        QVERIFY(ConnectorTestHarness::read(*connector, u"issues"_s, {}, issues).ok());
        QCOMPARE(issues.records().size(), 260);
        QCOMPARE(m_fake->requestCount(u"/user/repos"_s), 0);
        QCOMPARE(m_fake->requestCount(u"repo-0"_s), 0);

        auto single = harness.connect(*m_fake, {{u"repositories"_s, QJsonArray{u"acme/repo-2"_s}}});
        CollectingPageSink one;
        QVERIFY(ConnectorTestHarness::read(*single, u"issues"_s, {}, one).ok());
        QVERIFY(one.pages().last().lastPage);
        QVERIFY(!one.pages().last().records.isEmpty()); // one slice: no closing empty page needed
    }

    void rateLimitsAreWaitedOut()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"repositories"_s, QJsonArray{u"acme/repo-0"_s}}});
        // The primary limit: 403 with x-ratelimit-remaining 0 until x-ratelimit-reset (epoch seconds).
        m_fake->exhaustPrimaryLimit(1, 1);
        QElapsedTimer timer;
        timer.start();
        CollectingPageSink sink;
        auto result = ConnectorTestHarness::read(*connector, u"pull_requests"_s, {}, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QVERIFY(timer.elapsed() >= 900);
        QCOMPARE(sink.records().size(), 45);
        // A secondary limit: 403 with retry-after.
        m_fake->rateLimitNext(1, u"1"_s, u"/pulls"_s);
        timer.restart();
        CollectingPageSink again;
        result = ConnectorTestHarness::read(*connector, u"pull_requests"_s, {}, again);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QVERIFY(timer.elapsed() >= 900);
        QCOMPARE(again.records().size(), 45);
    }

    void refusedTokenAndUnknownRepository()
    {
        ConnectorTestHarness harness;
        auto wrong = harness.connect(*m_fake, {}, {{u"token"_s, u"ghp_wrongwrongwrong"_s}});
        const auto check = ConnectorTestHarness::check(*wrong);
        QVERIFY(!check.ok());
        QVERIFY2(check.error().message.contains(u"Bad credentials"_s) && !check.error().message.contains(u"ghp_wrong"_s),
                 qPrintable(check.error().message));

        auto missing = harness.connect(*m_fake, {{u"repositories"_s, QJsonArray{u"acme/nope"_s}}});
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*missing, u"issues"_s, {}, sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Upstream);
        QVERIFY2(result.error().message.contains(u"/repos/acme/nope/issues"_s) && result.error().message.contains(u"Not Found"_s),
                 qPrintable(result.error().message));
    }

private:
    std::unique_ptr<GitHubFakeServer> m_fake;
};

QTEST_GUILESS_MAIN(GitHubConnectorTest)
#include "tst_githubconnector.moc"
