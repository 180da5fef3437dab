// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/activitylistmodel.h"
#include "modeltestsupport.h"
#include "synctestsupport.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** The syncs the window started, followed to their end with real runs against the HubSpot fake. */
class TestActivityListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(Test::installEnglish());
    }

    void followsTrackedRunsOnly()
    {
        Test::SyncFixture f;
        QVERIFY(f.ready);
        const QString id = f.createConnection(u"CRM"_s);
        ActivityListModel model(f.session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy ended(&model, &ActivityListModel::runEnded);

        // A run nobody tracked (a schedule's, the API's) is not this window's activity.
        const QString other = f.trigger(id);
        QCOMPARE(f.finishedStatus(other), u"COMPLETED"_s);
        QCOMPARE(model.rowCount(), 0);

        const QString runId = f.trigger(id);
        model.track(id, runId);
        model.track(id, runId); // once only
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.isTracked(runId));
        QCOMPARE(model.index(0).data(ActivityListModel::StatusRole).toString(), u"PENDING"_s);
        QCOMPARE(model.index(0).data(ActivityListModel::TitleRole).toString(), u"Syncing CRM"_s);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
        QCOMPARE(ended.first().at(0).toString(), u"Sync completed: CRM"_s);
        // The second sync of the same data reads what changed since the first; the text has its plural.
        const QString message = ended.first().at(1).toString();
        QVERIFY2(QRegularExpression(u"^\\d+ rows synced \\(0 new, \\d+ updated\\)\\.$"_s).match(message).hasMatch(),
                 qPrintable(message));
        QCOMPARE(ended.first().at(2).toBool(), false);
        QCOMPARE(model.index(0).data(ActivityListModel::StatusRole).toString(), u"COMPLETED"_s);
        QVERIFY(model.index(0).data().toString().contains(message));
        QVERIFY(!model.index(0).data(Qt::DecorationRole).isNull());
    }
};

QTEST_MAIN(TestActivityListModel)
#include "tst_activitylistmodel.moc"
