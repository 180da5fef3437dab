// SPDX-License-Identifier: GPL-3.0-or-later
// The PROJECT_MGMT connector against the Asana fake: workspaces → projects → tasks slices,
// modified_since on tasks, client-side filtering of projects, and config.workspaceGid.
#include "asanafakeserver.h"
#include "collectingpagesink.h"
#include "connectortestharness.h"

#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Opbox::Fakes::AsanaFakeServer;
using Opbox::Tests::CollectingPageSink;
using Opbox::Tests::ConnectorTestHarness;

namespace {

QSet<QString> asSet(const QStringList &list)
{
    return QSet<QString>(list.begin(), list.end());
}

} // namespace

class AsanaConnectorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fake = std::make_unique<AsanaFakeServer>();
        m_fake->seed(2, 3, 120, 150);
        QVERIFY(m_fake->start());
    }

    void cleanup() { m_fake.reset(); }

    void checkUsesTheToken()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        const auto check = ConnectorTestHarness::check(*connector);
        QVERIFY2(check.ok(), qPrintable(check.ok() ? QString() : check.error().message));
        QCOMPARE(m_fake->requests().constFirst().path, u"/users/me"_s);
        auto wrong = harness.connect(*m_fake, {}, {{u"accessToken"_s, u"2/1200/wrong-token"_s}});
        const auto refused = ConnectorTestHarness::check(*wrong);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(u"Not Authorized"_s)
                     && refused.error().message.contains(u"Check the API key"_s),
                 qPrintable(refused.error().message));
    }

    void readsEveryStream_data()
    {
        QTest::addColumn<QString>("stream");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("requests");
        QTest::newRow("workspaces") << u"workspaces"_s << 2 << 1;
        QTest::newRow("projects") << u"projects"_s << 6 << 1 + 2;
        QTest::newRow("users") << u"users"_s << 300 << 1 + 2 * 2;
        QTest::newRow("tasks") << u"tasks"_s << 720 << 1 + 2 + 6 * 2;
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
        QCOMPARE(asSet(sink.values(u"gid"_s)).size(), records);
        QCOMPARE(m_fake->requestCount(), requests);
        QCOMPARE(sink.lastPageCount(), 1);
        QVERIFY(sink.pages().last().lastPage);
        for (const auto &request : m_fake->requests()) {
            QCOMPARE(request.query.queryItemValue(u"limit"_s), u"100"_s); // always, so next_page comes back
            QVERIFY(request.query.hasQueryItem(u"opt_fields"_s));
        }
        for (const auto &record : sink.records())
            QVERIFY(record.value(u"gid"_s).toString().size() >= 18); // gids stay exact text
    }

    void tasksFollowTheirProjects()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink sink;
        QVERIFY(ConnectorTestHarness::read(*connector, u"tasks"_s, {}, sink).ok());
        // Every project's tasks were asked for with that project's gid, and came back complete.
        QSet<QString> askedProjects;
        for (const auto &request : m_fake->requests()) {
            if (request.path == u"/tasks"_s)
                askedProjects.insert(request.query.queryItemValue(u"project"_s));
        }
        QCOMPARE(askedProjects, asSet(m_fake->projectGids()));
        QSet<QString> expected;
        for (const QString &project : m_fake->projectGids())
            expected.unite(asSet(m_fake->taskGids(project)));
        QCOMPARE(asSet(sink.values(u"gid"_s)), expected);
        const QJsonObject task = sink.records().first();
        QVERIFY(task.value(u"assignee"_s).toObject().contains(u"name"_s));
        QCOMPARE(task.value(u"modified_at"_s).toString().size(), 24);
        // A multi-slice stream keeps its cursor until the end, then takes the newest change seen.
        for (int i = 0; i + 1 < sink.pages().size(); ++i)
            QVERIFY(!sink.pages().at(i).stateAfter.contains(u"cursor"_s));
        QCOMPARE(sink.lastState().value(u"cursor"_s).toString(), u"2024-01-01T12:04:00.000Z"_s);
    }

    void incrementalTasksUseModifiedSince()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        const QJsonObject state{{u"cursor"_s, u"2024-01-01T12:04:00.000Z"_s}};
        const QDateTime later(QDate(2024, 2, 1), QTime(9, 0), Qt::UTC);
        const QSet<QString> changed{m_fake->modifyTask(3, later), m_fake->modifyTask(250, later.addSecs(1)),
                                    m_fake->modifyTask(700, later.addSecs(2))};
        CollectingPageSink sink;
        const auto result = ConnectorTestHarness::read(*connector, u"tasks"_s, state, sink);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const QSet<QString> got = asSet(sink.values(u"gid"_s));
        QVERIFY(got.contains(changed));
        QCOMPARE(got.size(), changed.size() + 2); // plus the two tasks inside the one-minute lookback
        for (const auto &request : m_fake->requests()) {
            if (request.path == u"/tasks"_s)
                QCOMPARE(request.query.queryItemValue(u"modified_since"_s, QUrl::FullyDecoded), u"2024-01-01T12:03:00.000Z"_s);
        }
        QCOMPARE(sink.lastState().value(u"cursor"_s).toString(), u"2024-02-01T09:00:02.000Z"_s);
    }

    void projectsFilterOnModifiedAtClientSide()
    {
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake);
        CollectingPageSink full;
        QVERIFY(ConnectorTestHarness::read(*connector, u"projects"_s, {}, full).ok());
        QCOMPARE(full.lastState().value(u"cursor"_s).toString(), u"2024-01-01T05:10:00.000Z"_s);
        CollectingPageSink incremental;
        QVERIFY(ConnectorTestHarness::read(*connector, u"projects"_s, full.lastState(), incremental).ok());
        // Asana cannot filter projects: all are read, only the one at the cursor is handed over.
        QCOMPARE(incremental.records().size(), 1);
        QCOMPARE(incremental.records().first().value(u"modified_at"_s).toString(), u"2024-01-01T05:10:00.000Z"_s);
    }

    void workspaceGidNarrowsEverything()
    {
        const QString workspace = m_fake->workspaceGids().last();
        ConnectorTestHarness harness;
        auto connector = harness.connect(*m_fake, {{u"workspaceGid"_s, workspace}});
        CollectingPageSink workspaces;
        QVERIFY(ConnectorTestHarness::read(*connector, u"workspaces"_s, {}, workspaces).ok());
        QCOMPARE(workspaces.values(u"gid"_s), QStringList{workspace});
        QCOMPARE(m_fake->requests().constLast().path, u"/workspaces/"_s + workspace);
        CollectingPageSink projects;
        QVERIFY(ConnectorTestHarness::read(*connector, u"projects"_s, {}, projects).ok());
        QCOMPARE(asSet(projects.values(u"gid"_s)), asSet(m_fake->projectGids(workspace)));
        QCOMPARE(projects.pages().size(), 1); // one slice: its last page is the stream's last page
        QVERIFY(projects.pages().first().lastPage);
    }

private:
    std::unique_ptr<AsanaFakeServer> m_fake;
};

QTEST_GUILESS_MAIN(AsanaConnectorTest)
#include "tst_asanaconnector.moc"
