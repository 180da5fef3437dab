// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/opboxtablelistmodel.h"
#include "models/tablecolumnmodel.h"
#include "models/tabledatamodel.h"
#include "models/tableexportjob.h"
#include "modeltestsupport.h"
#include "synctestsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** The table browser's models over a real sync: tables with row counts, columns with history, rows, CSV. */
class TestTableModels : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::SyncFixture> m_f;
    QString m_id;

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(Test::installEnglish());
        m_f = std::make_unique<Test::SyncFixture>(450);
        QVERIFY(m_f->ready);
        m_id = m_f->createConnection(u"Sales CRM"_s);
        QCOMPARE(m_f->finishedStatus(m_f->trigger(m_id)), u"COMPLETED"_s);
    }

    void cleanupTestCase() { m_f.reset(); }

    void tableList()
    {
        OpboxTableListModel model(m_f->session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &OpboxTableListModel::loaded);
        model.setConnectionId(m_id);
        QVERIFY(model.isLoading());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 4);
        const int contacts = model.rowOf(u"sales_crm__contacts"_s);
        QVERIFY(contacts >= 0);
        QCOMPARE(model.index(contacts, 0).data(OpboxTableListModel::RowCountRole).toLongLong(), 450);
        QCOMPARE(model.index(contacts, OpboxTableListModel::RowsColumn).data().toString(), u"450"_s);
        QCOMPARE(model.index(contacts, OpboxTableListModel::StreamColumn).data().toString(), u"contacts"_s);

        // A new sync after the provider added contacts: counts update in place.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        m_f->hubspot->seed(u"contacts"_s, 5, QDateTime::currentDateTimeUtc());
        QCOMPARE(m_f->finishedStatus(m_f->trigger(m_id, {u"contacts"_s})), u"COMPLETED"_s);
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 10000);
        QVERIFY(model.index(contacts, 0).data(OpboxTableListModel::RowCountRole).toLongLong() > 450);
    }

    void columnsWithHistory()
    {
        TableColumnModel model(m_f->session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(u"sales_crm__contacts"_s);
        QVERIFY(model.errorString().isEmpty());
        QVERIFY(model.columnNames().contains(u"properties__email"_s));
        const int row = int(model.columnNames().indexOf(u"updated_at"_s));
        QVERIFY(row >= 0);
        const QModelIndex column = model.index(row, 0);
        QCOMPARE(column.data(TableColumnModel::LogicalTypeRole).toString(), u"DATETIME"_s);
        QCOMPARE(model.index(row, TableColumnModel::TypeColumn).data().toString(), u"Date and time"_s);
        QVERIFY(model.rowCount(column) >= 1); // at least "added"
        QCOMPARE(model.index(0, 0, column).data(TableColumnModel::ChangeKindRole).toString(), u"ADDED"_s);

        model.setTable(u"no_such_table"_s);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.errorString().isEmpty());
    }

    void rowsPagedAndFiltered()
    {
        TableDataModel model(m_f->session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &TableDataModel::pageLoaded);
        model.setTable(u"sales_crm__contacts"_s);
        QVERIFY(loaded.wait(10000));
        QVERIFY(model.errorString().isEmpty());
        QVERIFY(model.columnNames().contains(u"_opbox_connection_id"_s));
        QVERIFY(model.rowCount() >= TableDataModel::PageSize);
        // Fetch the rest as a scrolling view would, a page at a time off the GUI thread.
        QElapsedTimer timer;
        timer.start();
        while ((model.isLoading() || model.canFetchMore({})) && timer.elapsed() < 20000) {
            if (model.canFetchMore({}))
                model.fetchMore({});
            QTest::qWait(5);
        }
        QVERIFY(model.rowCount() >= 450);
        const int email = int(model.columnNames().indexOf(u"properties__email"_s));
        QVERIFY(email >= 0);
        const QString someEmail = model.index(7, email).data().toString();
        QVERIFY(!someEmail.isEmpty());

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setFilter(someEmail);
        QVERIFY(reset.count() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, email).data().toString(), someEmail);

        model.setFilter(u"nothing-matches-this-%_"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
        QCOMPARE(model.rowCount(), 0);

        model.setTable(u"sqlite_master"_s); // not an Opbox table: refused, nothing read
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
        QVERIFY(!model.errorString().isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }

    void csvField_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QByteArray>("csv");
        QTest::newRow("plain") << QVariant(u"abc"_s) << QByteArray("abc");
        QTest::newRow("null") << QVariant() << QByteArray();
        QTest::newRow("comma") << QVariant(u"a,b"_s) << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QVariant(u"say \"hi\""_s) << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QVariant(u"a\nb"_s) << QByteArray("\"a\nb\"");
        QTest::newRow("number") << QVariant(42) << QByteArray("42");
        QTest::newRow("umlaut") << QVariant(u"Müller"_s) << QByteArray("M\xc3\xbcller");
    }

    void csvField()
    {
        QFETCH(QVariant, value);
        QFETCH(QByteArray, csv);
        QCOMPARE(TableExportJob::csvField(value), csv);
    }

    void exportCsv()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"owners.csv"_s);
        TableExportJob job(m_f->engine.engine().workspaceData(), m_f->session->caller());
        QSignalSpy finished(&job, &TableExportJob::finished);
        job.start(u"sales_crm__owners"_s, QString(), path);
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
        QCOMPARE(finished.first().at(1).toLongLong(), 3);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 5); // header, 3 rows, and the empty piece after the last CRLF
        // Data columns first, the system columns after them.
        QVERIFY(lines.first().contains(",_opbox_connection_id,"));
        QVERIFY(!lines.first().startsWith("_opbox_"));
        QVERIFY(lines.at(1).endsWith('\r'));

        TableExportJob refused(m_f->engine.engine().workspaceData(), m_f->session->caller());
        QSignalSpy refusedDone(&refused, &TableExportJob::finished);
        refused.start(u"sqlite_master"_s, QString(), dir.filePath(u"x.csv"_s));
        QVERIFY(refusedDone.wait(10000));
        QVERIFY(!refusedDone.first().at(0).toBool());
        QVERIFY(!QFile::exists(dir.filePath(u"x.csv"_s)));
    }
};

QTEST_MAIN(TestTableModels)
#include "tst_tablemodels.moc"
