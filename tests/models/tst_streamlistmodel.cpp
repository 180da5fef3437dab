// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/displayformat.h"
#include "models/streamlistmodel.h"
#include "modeltestsupport.h"
#include "synctestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** Streams with fields and cursors: from the connector without a network call, then discovered and synced. */
class TestStreamListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(Test::installEnglish());
    }

    void connectorType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("streams");
        QTest::newRow("github") << u"DEVELOPMENT"_s
                                << QStringList{u"repositories"_s, u"issues"_s, u"pull_requests"_s, u"commits"_s};
        QTest::newRow("asana") << u"PROJECT_MGMT"_s << QStringList{u"workspaces"_s, u"projects"_s, u"users"_s, u"tasks"_s};
        QTest::newRow("zendesk") << u"SUPPORT"_s
                                 << QStringList{u"tickets"_s, u"users"_s, u"organizations"_s, u"ticket_comments"_s};
    }

    void connectorType()
    {
        QFETCH(QString, type);
        QFETCH(QStringList, streams);
        Test::SyncFixture f(10);
        QVERIFY(f.ready);
        StreamListModel model(f.session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnectorType(type);
        for (const QString &s : streams)
            QVERIFY2(model.streamNames().contains(s), qPrintable(s));
        const QModelIndex first = model.index(0, 0);
        QVERIFY(first.data(StreamListModel::IsStreamRole).toBool());
        QVERIFY(model.rowCount(first) > 0);
        const QModelIndex field = model.index(0, StreamListModel::DetailColumn, first);
        QVERIFY(!field.data().toString().isEmpty()); // a type
        QVERIFY(!field.data(StreamListModel::IsStreamRole).toBool());
        QVERIFY(model.cursor(streams.first()).isEmpty());
    }

    void checkable()
    {
        Test::SyncFixture f(10);
        QVERIFY(f.ready);
        StreamListModel model(f.session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnectorType(u"CRM_PLATFORM"_s);
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsUserCheckable));
        model.setCheckable(true);
        QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsUserCheckable);
        QCOMPARE(model.checkedStreams(), model.streamNames()); // everything to start with
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy checked(&model, &StreamListModel::checkedChanged);
        QVERIFY(model.setData(model.index(0, 0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(checked.count(), 1);
        QVERIFY(!model.checkedStreams().contains(model.streamNames().first()));
        // Fields are not checkable.
        QVERIFY(!model.setData(model.index(0, 0, model.index(0, 0)), Qt::Checked, Qt::CheckStateRole));
    }

    void cursorsAndDiscover()
    {
        Test::SyncFixture f(40);
        QVERIFY(f.ready);
        const QString id = f.createConnection(u"CRM"_s);
        StreamListModel model(f.session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnectionId(id);
        QVERIFY(model.errorString().isEmpty());
        QVERIFY(model.streamNames().contains(u"contacts"_s));
        const int contacts = int(model.streamNames().indexOf(u"contacts"_s));
        QCOMPARE(model.index(contacts, StreamListModel::CursorColumn).data().toString(), u"Not synced yet"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(f.finishedStatus(f.trigger(id)), u"COMPLETED"_s);
        QTRY_VERIFY(!model.cursor(u"contacts"_s).isEmpty());
        QVERIFY(changed.count() >= 1);
        QVERIFY(!model.index(contacts, StreamListModel::CursorColumn).data().toString().isEmpty());

        // Discovery asks the provider off this thread and reports back.
        QSignalSpy started(&model, &StreamListModel::discoverStarted);
        QSignalSpy finished(&model, &StreamListModel::discoverFinished);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.discover();
        QCOMPARE(started.count(), 1);
        QVERIFY(model.isDiscovering());
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(reset.count(), 1);
        QVERIFY(model.streamNames().contains(u"contacts"_s));
        QVERIFY(!model.cursor(u"contacts"_s).isEmpty());
    }

    void syncDetails()
    {
        Test::SyncFixture f(40);
        QVERIFY(f.ready);
        const QString id = f.createConnection(u"CRM"_s);
        StreamListModel plain(f.session.get());
        QCOMPARE(plain.columnCount(), int(StreamListModel::CursorColumn) + 1); // the wizards' choice of streams
        StreamListModel model(f.session.get(), nullptr, StreamListModel::Details::WithSyncDetails);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(StreamListModel::ColumnCount));
        QSignalSpy loaded(&model, &StreamListModel::syncDetailsLoaded);
        model.setConnectionId(id);
        QVERIFY(loaded.wait(10000));
        const QModelIndex contacts = model.index(int(model.streamNames().indexOf(u"contacts"_s)), 0);
        QVERIFY(!contacts.data(StreamListModel::RowCountRole).isValid());
        QCOMPARE(contacts.siblingAtColumn(StreamListModel::LastSyncColumn).data().toString(), u"Never"_s);
        QCOMPARE(contacts.siblingAtColumn(StreamListModel::ColumnsColumn).data().toString(), u"No table yet"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QString runId = f.trigger(id);
        QCOMPARE(f.finishedStatus(runId), u"COMPLETED"_s);
        QTRY_COMPARE_WITH_TIMEOUT(contacts.data(StreamListModel::RowCountRole).toLongLong(), 40, 10000);
        QCOMPARE(contacts.siblingAtColumn(StreamListModel::RowsColumn).data().toString(), u"40"_s);
        auto run = f.engine.engine().runs()->get(f.session->caller(), id, runId);
        QVERIFY(run);
        QCOMPARE(contacts.data(StreamListModel::LastSyncRole).toString(), run->completedAt);
        // Today's sync shows its time only; the date is there for any other day.
        const QString shown = contacts.siblingAtColumn(StreamListModel::LastSyncColumn).data().toString();
        QCOMPARE(shown, DisplayFormat::dateTime(run->completedAt));
        QVERIFY2(!shown.contains(QLocale().toString(QDate::currentDate(), QLocale::ShortFormat)), qPrintable(shown));
        const QStringList columns = contacts.data(StreamListModel::TableColumnsRole).toStringList();
        QVERIFY2(columns.contains(u"properties__email"_s), qPrintable(columns.join(u", "_s)));
        QVERIFY(std::none_of(columns.begin(), columns.end(), [](const QString &c) { return c.startsWith(u"_opbox_"_s); }));
        QCOMPARE(contacts.siblingAtColumn(StreamListModel::ColumnsColumn).data().toString(),
                 QString::number(columns.size()) + u" columns"_s);
        QVERIFY(contacts.siblingAtColumn(StreamListModel::ColumnsColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"properties__email"_s));
        // Each field row names the column that holds it.
        const auto fields = contacts.data(StreamListModel::StreamRole).toJsonObject().value(u"fields"_s).toArray();
        int email = -1;
        for (int i = 0; i < fields.size(); ++i) {
            if (fields.at(i).toObject().value(u"name"_s).toString() == u"properties.email"_s)
                email = i;
        }
        QVERIFY(email >= 0);
        QCOMPARE(model.index(email, StreamListModel::ColumnsColumn, contacts).data().toString(), u"properties__email"_s);
        QVERIFY(changed.count() >= 1);
    }

    void discoverReportsRefusal()
    {
        Test::SyncFixture f(5);
        QVERIFY(f.ready);
        const QString id = f.createConnection(u"CRM"_s);
        f.hubspot->setToken(u"another-token"_s); // the stored credential no longer works
        StreamListModel model(f.session.get());
        model.setConnectionId(id);
        QSignalSpy finished(&model, &StreamListModel::discoverFinished);
        model.discover();
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY(!finished.first().at(1).toString().isEmpty());
    }
};

QTEST_MAIN(TestStreamListModel)
#include "tst_streamlistmodel.moc"
