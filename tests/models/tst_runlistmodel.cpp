// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runlistmodel.h"
#include "modeltestsupport.h"
#include "synctestsupport.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** Runs of a connection with live progress, driven by real syncs against the HubSpot fake. */
class TestRunListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(Test::installEnglish());
    }

    void liveRunToCompletion()
    {
        Test::SyncFixture f;
        QVERIFY(f.ready);
        const QString id = f.createConnection(u"CRM"_s);
        RunListModel model(f.session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnectionId(id);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy finished(&model, &RunListModel::runFinished);
        // The fake answers slowly so that progress is seen while the run is RUNNING.
        f.hubspot->setDelay(150);
        const QString runId = f.trigger(id);
        QVERIFY(!runId.isEmpty());
        QTRY_COMPARE(inserted.count(), 1);
        QCOMPARE(model.rowOf(runId), 0);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
        QCOMPARE(finished.first().at(1).toString(), u"COMPLETED"_s);
        QVERIFY(changed.count() >= 1);
        const QModelIndex row = model.index(0, RunListModel::StatusColumn);
        QCOMPARE(row.data(RunListModel::StatusRole).toString(), u"COMPLETED"_s);
        QCOMPARE(row.data(RunListModel::ProgressRole).toInt(), 100);
        QVERIFY(!row.data(RunListModel::ActiveRole).toBool());
        QCOMPARE(model.index(0, RunListModel::RowsColumn).data().toString(), u"274"_s);
        QCOMPARE(model.index(0, RunListModel::TriggerColumn).data().toString(), u"Manual"_s);
        QVERIFY(model.activeRunId().isEmpty());
    }

    void progressText_data()
    {
        QTest::addColumn<QJsonObject>("run");
        QTest::addColumn<int>("percent");
        QTest::addColumn<QString>("text");
        QTest::newRow("waiting") << QJsonObject{{u"status"_s, u"PENDING"_s}} << -1 << u"Waiting for a free worker"_s;
        QTest::newRow("running")
            << QJsonObject{{u"status"_s, u"RUNNING"_s},
                           {u"rowsSynced"_s, 1500},
                           {u"progress"_s, QJsonObject{{u"stream"_s, u"deals"_s}, {u"streamsDone"_s, 2}, {u"streamsTotal"_s, 4}}}}
            << 50 << u"deals · 2 of 4 streams · %1 rows"_s.arg(QLocale().toString(1500)); // 1,500 or 1.500
        QTest::newRow("done") << QJsonObject{{u"status"_s, u"COMPLETED"_s}, {u"rowsSynced"_s, 1}} << 100 << u"1 row"_s;
        QTest::newRow("failed") << QJsonObject{{u"status"_s, u"FAILED"_s}, {u"rowsSynced"_s, 0}} << -1 << u"0 rows"_s;
    }

    void progressText()
    {
        QFETCH(QJsonObject, run);
        QFETCH(int, percent);
        QFETCH(QString, text);
        QCOMPARE(RunListModel::progressPercent(run), percent);
        QCOMPARE(RunListModel::progressText(run), text);
    }

    void stopAndPaging()
    {
        Test::SyncFixture f(3000, 1);
        QVERIFY(f.ready);
        const QString id = f.createConnection(u"CRM"_s);
        // More runs than a page: the model fetches the rest as a view scrolls.
        for (int i = 0; i < RunListModel::PageSize + 3; ++i) {
            auto run = f.engine.engine().runs()->trigger(f.session->caller(), id, {u"owners"_s}, RunTrigger::Manual);
            QVERIFY(run);
            QCOMPARE(f.finishedStatus(run->id), u"COMPLETED"_s);
        }
        RunListModel model(f.session.get());
        model.setConnectionId(id);
        QCOMPARE(model.rowCount(), RunListModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), RunListModel::PageSize + 3);

        // A long run, stopped: the model sees RUNNING then CANCELLED.
        f.hubspot->setDelay(30);
        QSignalSpy finished(&model, &RunListModel::runFinished);
        const QString runId = f.trigger(id);
        QTRY_VERIFY_WITH_TIMEOUT(model.index(0, 0).data(RunListModel::StatusRole).toString() == u"RUNNING"_s, 15000);
        QCOMPARE(model.activeRunId(), runId);
        QVERIFY(f.engine.engine().runs()->stop(f.session->caller(), id, runId));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QCOMPARE(finished.first().at(1).toString(), u"CANCELLED"_s);
    }
};

QTEST_MAIN(TestRunListModel)
#include "tst_runlistmodel.moc"
