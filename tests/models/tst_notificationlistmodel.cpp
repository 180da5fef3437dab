// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/notificationlistmodel.h"
#include "modeltestsupport.h"
#include "synctestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** The owner's notifications appear, change in place and are marked read, from real runs. */
class TestNotificationListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(Test::installEnglish());
    }

    void fromRuns()
    {
        Test::SyncFixture f(20);
        QVERIFY(f.ready);
        const QString id = f.createConnection(u"Sales CRM"_s);
        NotificationListModel model(f.session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy finished(&model, &NotificationListModel::notificationFinished);
        QSignalSpy unread(&model, &NotificationListModel::unreadCountChanged);

        // A run the owner starts is not reported to the owner; a scheduled run (no user) is.
        auto run = f.engine.engine().runs()->trigger(Caller::system(f.session->workspaceId()), id, {}, RunTrigger::Schedule);
        QVERIFY(run);
        QCOMPARE(f.finishedStatus(run->id), u"COMPLETED"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 10000);
        const auto completed = finished.first().at(0).value<NotificationRecord>();
        QCOMPARE(completed.kind, u"COMPLETED"_s);
        QCOMPARE(completed.runId, run->id);
        QCOMPARE(completed.toJson().value(u"runId"_s).toString(), run->id);
        QVERIFY(inserted.count() >= 1);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex n = model.index(0);
        QCOMPARE(n.data(NotificationListModel::KindRole).toString(), u"COMPLETED"_s);
        QCOMPARE(n.data(NotificationListModel::TitleRole).toString(), u"Sync completed: Sales CRM"_s);
        QCOMPARE(n.data(NotificationListModel::ConnectionIdRole).toString(), id);
        QVERIFY(!n.data(NotificationListModel::ReadRole).toBool());
        QCOMPARE(model.unreadCount(), 1);
        QVERIFY(!unread.isEmpty());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.markRead(n.data(NotificationListModel::IdRole).toString());
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.unreadCount(), 0);

        // A failing run: a FAILED note on top.
        f.hubspot->setToken(u"rotated"_s);
        auto failing = f.engine.engine().runs()->trigger(Caller::system(f.session->workspaceId()), id, {}, RunTrigger::Schedule);
        QVERIFY(failing);
        QCOMPARE(f.finishedStatus(failing->id), u"FAILED"_s);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 10000);
        QCOMPARE(model.index(0).data(NotificationListModel::KindRole).toString(), u"FAILED"_s);
        model.markAllRead();
        QCOMPARE(model.unreadCount(), 0);
    }
};

QTEST_MAIN(TestNotificationListModel)
#include "tst_notificationlistmodel.moc"
