// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/sync/syncworkerpool.h"
#include "fakeproviderthread.h"
#include "models/connectionlistmodel.h"
#include "models/connectionsortproxy.h"
#include "models/displayformat.h"
#include "models/opboxtablelistmodel.h"
#include "models/runlistmodel.h"
#include "models/streamlistmodel.h"
#include "models/tablecolumnmodel.h"
#include "models/tabledatamodel.h"
#include "ui/connectiondetailwidget.h"
#include "ui/connectionlistview.h"
#include "ui/connectionoverviewwidget.h"
#include "ui/mainwindow.h"
#include "ui/runchartwidget.h"
#include "ui/runstripdelegate.h"
#include "ui/runswidget.h"
#include "ui/streamswidget.h"
#include "ui/tableswidget.h"
#include "uitestsupport.h"

#include <QAction>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** The main window running real syncs: live progress to completion, stop, streams, tables, responsiveness. */
class TestSyncWindow : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::GuiFixture> m_f;
    std::unique_ptr<Test::FakeProviderThread> m_fake;
    std::unique_ptr<MainWindow> m_window;
    QString m_id;

    QString createConnection(const QString &name)
    {
        ConnectionDraft draft;
        draft.name = name;
        draft.type = u"CRM_PLATFORM"_s;
        draft.credentials = m_fake->credentials();
        draft.config = m_fake->config();
        auto c = m_f->engine.engine().connections()->create(m_f->session->caller(), draft);
        return c ? c->id : QString();
    }

    QString lastRunStatus() const
    {
        return m_window->connectionModel()->connection(m_id).value(u"lastRun"_s).toObject().value(u"status"_s).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(Test::installTranslation(QLocale::English));
    }

    void init()
    {
        m_f = std::make_unique<Test::GuiFixture>();
        QVERIFY(m_f->ok());
        m_fake = std::make_unique<Test::FakeProviderThread>();
        QVERIFY(m_fake->started());
        m_fake->seedCrm(600, 20, 30, 4);
        m_f->engine.engine().syncWorkers()->start(2);
        m_id = createConnection(u"Sales CRM"_s);
        QVERIFY(!m_id.isEmpty());
        m_window = std::make_unique<MainWindow>(&m_f->engine.engine());
        m_window->attachSession(m_f->session.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->selectConnection(m_id);
    }

    void cleanup()
    {
        m_window.reset();
        m_f->engine.engine().syncWorkers()->stop(u"test end"_s);
        m_fake.reset();
        m_f.reset();
    }

    void runNowReachesCompletion()
    {
        auto *runNow = m_window->action(u"actionRunNow"_s);
        auto *stop = m_window->action(u"actionStop"_s);
        QVERIFY(runNow->isEnabled());
        QVERIFY(!stop->isEnabled());
        m_fake->run([this] { m_fake->server()->setDelay(60); }); // slow enough to watch it run
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_R));

        // The Runs tab comes up with the new run; its progress bar moves while it runs.
        RunsWidget *runs = m_window->detail()->runs();
        QCOMPARE(m_window->detail()->tabs()->currentWidget(), static_cast<QWidget *>(runs));
        RunListModel *model = runs->model();
        QTRY_COMPARE(model->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(model->index(0, 0).data(RunListModel::StatusRole).toString() == u"RUNNING"_s, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(stop->isEnabled(), 5000);
        QVERIFY(!runNow->isEnabled());
        QList<int> seen;
        QElapsedTimer timer;
        timer.start();
        bool shot = false;
        while (model->index(0, 0).data(RunListModel::ActiveRole).toBool() && timer.elapsed() < 60000) {
            const int p = model->index(0, 0).data(RunListModel::ProgressRole).toInt();
            if (seen.isEmpty() || seen.last() != p)
                seen.append(p);
            if (!shot && p > 0) {
                Test::screenshot(m_window.get(), u"mainwindow-running"_s);
                shot = true;
            }
            QTest::qWait(20);
        }
        QCOMPARE(model->index(0, 0).data(RunListModel::StatusRole).toString(), u"COMPLETED"_s);
        QCOMPARE(model->index(0, 0).data(RunListModel::ProgressRole).toInt(), 100);
        QVERIFY2(seen.size() >= 2, "progress should have been seen moving");
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(model->index(0, RunListModel::RowsColumn).data().toString(), u"654"_s);
        // The list's last-run column and the actions follow.
        QTRY_COMPARE(lastRunStatus(), u"COMPLETED"_s);
        QTRY_VERIFY(runNow->isEnabled());
        QVERIFY(!stop->isEnabled());
        Test::screenshot(m_window.get(), u"mainwindow-runs"_s);
    }

    void stopFromTheWindow()
    {
        m_fake->run([this] { m_fake->server()->setDelay(200); });
        m_window->action(u"actionRunNow"_s)->trigger();
        auto *stop = m_window->action(u"actionStop"_s);
        QTRY_VERIFY_WITH_TIMEOUT(stop->isEnabled(), 10000);
        stop->trigger();
        RunListModel *model = m_window->detail()->runs()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, 0).data(RunListModel::StatusRole).toString(), u"CANCELLED"_s, 15000);
        QTRY_VERIFY(m_window->action(u"actionRunNow"_s)->isEnabled());
    }

    void streamsAndTables()
    {
        auto run = m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {}, RunTrigger::Manual);
        QVERIFY(run);
        QTRY_COMPARE_WITH_TIMEOUT(lastRunStatus(), u"COMPLETED"_s, 30000);

        // Streams: cursors after the sync, and Discover without blocking.
        m_window->detail()->showTab(ConnectionDetailWidget::StreamsTab);
        StreamsWidget *streams = m_window->detail()->streams();
        QVERIFY(streams->model()->streamNames().contains(u"contacts"_s));
        QVERIFY(!streams->model()->cursor(u"contacts"_s).isEmpty());
        // Per stream: the rows of its table, when a run last completed it, and the columns synced.
        StreamListModel *streamModel = streams->model();
        const QModelIndex contacts = streamModel->index(int(streamModel->streamNames().indexOf(u"contacts"_s)), 0);
        QTRY_COMPARE_WITH_TIMEOUT(contacts.data(StreamListModel::RowCountRole).toLongLong(), 600, 10000);
        const QModelIndex rows = contacts.siblingAtColumn(StreamListModel::RowsColumn);
        QTest::mouseClick(streams->view()->viewport(), Qt::LeftButton, {}, streams->view()->visualRect(rows).center());
        QCOMPARE(streams->view()->currentIndex().row(), contacts.row());
        QCOMPARE(rows.data().toString(), QLocale().toString(600));
        const auto finished = m_f->engine.engine().runs()->list(m_f->session->caller(), m_id, 1, 0);
        QVERIFY(finished && !finished->runs.isEmpty());
        const QString lastSync = contacts.siblingAtColumn(StreamListModel::LastSyncColumn).data().toString();
        QCOMPARE(lastSync, DisplayFormat::dateTime(finished->runs.first().completedAt));
        QVERIFY(!lastSync.isEmpty());
        // Expanded by a click on its arrow, each field names the table column that holds it.
        const QRect arrow = streams->view()->visualRect(contacts);
        QTest::mouseClick(streams->view()->viewport(), Qt::LeftButton, {},
                          QPoint(arrow.left() - streams->view()->indentation() / 2, arrow.center().y()));
        QTRY_VERIFY(streams->view()->isExpanded(contacts));
        const QStringList fieldColumns = [&] {
            QStringList out;
            for (int i = 0; i < streamModel->rowCount(contacts); ++i)
                out.append(streamModel->index(i, StreamListModel::ColumnsColumn, contacts).data().toString());
            return out;
        }();
        QVERIFY2(fieldColumns.contains(u"properties__email"_s), qPrintable(fieldColumns.join(u", "_s)));
        QVERIFY(streams->view()->visualRect(streamModel->index(0, StreamListModel::ColumnsColumn, contacts)).width() > 0);
        QTest::mouseClick(streams->discoverButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(streams->discoverButton()->isEnabled(), 20000);
        QVERIFY2(streams->statusLabel()->text().contains(u"stream"_s), qPrintable(streams->statusLabel()->text()));
        streams->view()->expand(streams->model()->index(0, 0));
        Test::screenshot(m_window.get(), u"mainwindow-streams"_s);

        // Tables: the four tables, rows, filter, export.
        m_window->detail()->showTab(ConnectionDetailWidget::TablesTab);
        TablesWidget *tables = m_window->detail()->tables();
        QTRY_COMPARE_WITH_TIMEOUT(tables->tableModel()->rowCount(), 4, 10000);
        tables->selectTable(u"sales_crm__contacts"_s);
        QTRY_VERIFY_WITH_TIMEOUT(tables->dataModel()->rowCount() > 0 && !tables->dataModel()->isLoading(), 10000);
        Test::screenshot(m_window.get(), u"mainwindow-tables"_s);
        const int email = int(tables->dataModel()->columnNames().indexOf(u"properties__email"_s));
        QVERIFY(email >= 0);
        const QString needle = tables->dataModel()->index(3, email).data().toString();
        tables->filterEdit()->setFocus();
        QTest::keyClicks(tables->filterEdit(), needle);
        QTRY_VERIFY_WITH_TIMEOUT(tables->dataModel()->filter() == needle && !tables->dataModel()->isLoading(), 10000);
        QCOMPARE(tables->dataModel()->rowCount(), 1);

        QTemporaryDir dir;
        const QString path = dir.filePath(u"contacts.csv"_s);
        QSignalSpy exported(tables, &TablesWidget::exportFinished);
        tables->exportTo(path);
        QVERIFY(exported.wait(15000));
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(2).toString()));
        QCOMPARE(exported.first().at(1).toLongLong(), 1); // the filter applies to the export too
        QVERIFY(QFile::exists(path));
        // Columns tab: logical types.
        QVERIFY(tables->columnModel()->rowCount() > 5);

        // Every control on every tab can be named by a screen reader.
        for (auto tab : {ConnectionDetailWidget::OverviewTab, ConnectionDetailWidget::StreamsTab, ConnectionDetailWidget::RunsTab,
                         ConnectionDetailWidget::TablesTab}) {
            m_window->detail()->showTab(tab);
            const QStringList unnamed = Test::unnamedControls(m_window.get());
            QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u"; "_s)));
        }
    }

    void streamsTabInEnglishAndGerman_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<QSize>("size");
        QTest::newRow("en-1440") << int(QLocale::English) << QSize(1440, 900);
        QTest::newRow("en-1024") << int(QLocale::English) << QSize(1024, 640);
        QTest::newRow("de-1440") << int(QLocale::German) << QSize(1440, 900);
        QTest::newRow("de-1024") << int(QLocale::German) << QSize(1024, 640);
    }

    void streamsTabInEnglishAndGerman()
    {
        QFETCH(int, language);
        QFETCH(QSize, size);
        QVERIFY(m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {}, RunTrigger::Manual));
        QTRY_COMPARE_WITH_TIMEOUT(lastRunStatus(), u"COMPLETED"_s, 30000);
        QVERIFY(Test::installTranslation(QLocale::Language(language)));
        MainWindow window(&m_f->engine.engine());
        window.attachSession(m_f->session.get());
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectConnection(m_id);
        window.detail()->showTab(ConnectionDetailWidget::StreamsTab);
        StreamsWidget *streams = window.detail()->streams();
        QTRY_VERIFY_WITH_TIMEOUT(streams->model()->index(0, 0).data(StreamListModel::RowCountRole).isValid(), 10000);
        streams->view()->expand(streams->model()->index(0, 0));
        // Every header reads in full, in either language and at either size.
        QHeaderView *header = streams->view()->header();
        for (int column :
             {int(StreamListModel::NameColumn), int(StreamListModel::RowsColumn), int(StreamListModel::LastSyncColumn),
              int(StreamListModel::DetailColumn), int(StreamListModel::CursorColumn)}) {
            const QString title = streams->model()->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(column) >= header->fontMetrics().horizontalAdvance(title) + 12, qPrintable(title));
        }
        const QString tag = QLocale(QLocale::Language(language)).name().left(2) + u'-' + QString::number(size.width());
        Test::screenshot(&window, u"streams-"_s + tag);
        QVERIFY(Test::installTranslation(QLocale::English));
    }

    void runsChartInEnglishAndGerman_data() { streamsTabInEnglishAndGerman_data(); }

    void runsChartInEnglishAndGerman()
    {
        QFETCH(int, language);
        QFETCH(QSize, size);
        // One run that completes, then one that fails (the provider no longer takes the token).
        QVERIFY(m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {}, RunTrigger::Manual));
        QTRY_COMPARE_WITH_TIMEOUT(lastRunStatus(), u"COMPLETED"_s, 30000);
        const QString token = m_fake->credentials().value(u"apiKey"_s).toString();
        m_fake->run([this] { m_fake->server()->setToken(u"another-token"_s); });
        QVERIFY(m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {}, RunTrigger::Manual));
        QTRY_COMPARE_WITH_TIMEOUT(lastRunStatus(), u"FAILED"_s, 30000);

        QVERIFY(Test::installTranslation(QLocale::Language(language)));
        MainWindow window(&m_f->engine.engine());
        window.attachSession(m_f->session.get());
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectConnection(m_id);
        window.detail()->showTab(ConnectionDetailWidget::RunsTab);
        RunChartWidget *chart = window.detail()->runs()->chart();
        QTRY_COMPARE(chart->points().size(), 2);
        // Oldest on the left: the completed run with every row, then the failed one, marked.
        QCOMPARE(chart->points().at(0).rows, 600 + 20 + 30 + 4);
        QVERIFY(!chart->points().at(0).failed);
        QVERIFY(chart->points().at(1).failed);
        auto *failed = qobject_cast<QScatterSeries *>(chart->chart()->series().at(2));
        QVERIFY(failed);
        QCOMPARE(failed->count(), 1);
        QCOMPARE(failed->at(0).x(), 1.0);
        auto *bars = qobject_cast<QBarSeries *>(chart->chart()->series().at(0));
        QVERIFY(bars && bars->count() == 1);
        QCOMPARE(bars->barSets().first()->at(0), 654.0);
        QVERIFY(chart->isVisible() && chart->height() >= 150);
        // A run that starts and finishes is added on the right.
        m_fake->run([this, token] { m_fake->server()->setToken(token); });
        QVERIFY(m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {}, RunTrigger::Manual));
        QTRY_COMPARE_WITH_TIMEOUT(chart->points().size(), 3, 30000);
        const QString tag = QLocale(QLocale::Language(language)).name().left(2) + u'-' + QString::number(size.width());
        Test::screenshot(&window, u"runs-chart-"_s + tag);
        QVERIFY(Test::installTranslation(QLocale::English));
    }

    void lastRunsStripInTheConnectionList()
    {
        // A completed run, then a failed one: the list paints one box per run, oldest on the left.
        QVERIFY(m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {}, RunTrigger::Manual));
        QTRY_COMPARE_WITH_TIMEOUT(lastRunStatus(), u"COMPLETED"_s, 30000);
        m_fake->run([this] { m_fake->server()->setToken(u"another-token"_s); });
        QVERIFY(m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {}, RunTrigger::Manual));
        QTRY_COMPARE_WITH_TIMEOUT(lastRunStatus(), u"FAILED"_s, 30000);
        ConnectionListView *list = m_window->connectionView();
        QVERIFY(qobject_cast<RunStripDelegate *>(list->itemDelegate()));
        // Nothing selected, so the boxes sit on the plain row background.
        list->clearSelection();
        const QModelIndex row = list->proxy()->index(0, ConnectionListModel::NameColumn);
        QCOMPARE(row.data(ConnectionListModel::IdRole).toString(), m_id);
        const auto pixelAt = [list](const QPoint &p) {
            return list->viewport()->grab().toImage().pixelColor(p * list->viewport()->devicePixelRatioF());
        };
        const QRect cell = list->visualRect(row);
        QTRY_COMPARE(pixelAt(RunStripDelegate::boxRect(cell, 0, 2).center()), RunStripDelegate::colour(u"COMPLETED"_s));
        QCOMPARE(pixelAt(RunStripDelegate::boxRect(cell, 1, 2).center()), RunStripDelegate::colour(u"FAILED"_s));
        // In words for whoever hovers over it (and cannot tell the colours apart).
        auto *strip = qobject_cast<RunStripDelegate *>(list->itemDelegate());
        QCOMPARE(strip->stripToolTip(row), u"Last 2 runs, oldest first: Completed, Failed"_s);
        // The name is still there, left of the strip.
        QVERIFY(list->visualRect(row).width() > RunStripDelegate::boxRect(cell, 0, 2).width() * 10);
        Test::screenshot(m_window.get(), u"connection-list-strip"_s);
    }

    void streamSelectionOnTheStreamsTab()
    {
        m_window->detail()->showTab(ConnectionDetailWidget::StreamsTab);
        StreamsWidget *streams = m_window->detail()->streams();
        StreamListModel *model = streams->model();
        QCOMPARE(model->checkedStreams(), model->streamNames()); // no selection stored: every stream
        QVERIFY(!streams->applyButton()->isEnabled());
        // Uncheck deals and owners with the keyboard, then Apply.
        streams->view()->setFocus();
        for (const QString &name : {u"deals"_s, u"owners"_s}) {
            const int row = int(model->streamNames().indexOf(name));
            QVERIFY(row >= 0);
            streams->view()->setCurrentIndex(model->index(row, 0));
            QTest::keyClick(streams->view(), Qt::Key_Space);
        }
        QCOMPARE(model->checkedStreams(), (QStringList{u"contacts"_s, u"companies"_s}));
        QVERIFY(streams->applyButton()->isEnabled());
        QTest::mouseClick(streams->applyButton(), Qt::LeftButton);
        QVERIFY(!streams->applyButton()->isEnabled());
        auto stored = m_f->engine.engine().connections()->record(m_f->session->caller(), m_id);
        QVERIFY(stored);
        QCOMPARE(stored->config.value(u"streams"_s).toArray(), (QJsonArray{u"contacts"_s, u"companies"_s}));

        // Run now reads the selection.
        m_window->action(u"actionRunNow"_s)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(lastRunStatus(), u"COMPLETED"_s, 30000);
        const auto runs = m_f->engine.engine().runs()->list(m_f->session->caller(), m_id, 10, 0);
        QVERIFY(runs);
        QCOMPARE(runs->runs.size(), 1);
        QCOMPARE(runs->runs.first().streams, (QStringList{u"contacts"_s, u"companies"_s}));

        // Shown again for this connection after another one was selected; all checked → no selection.
        m_window->detail()->showTab(ConnectionDetailWidget::StreamsTab);
        streams->setConnectionId(QString());
        streams->setConnectionId(m_id);
        QCOMPARE(model->checkedStreams(), (QStringList{u"contacts"_s, u"companies"_s}));
        model->setCheckedStreams(model->streamNames());
        QTest::mouseClick(streams->applyButton(), Qt::LeftButton);
        stored = m_f->engine.engine().connections()->record(m_f->session->caller(), m_id);
        QVERIFY(stored);
        QVERIFY(!stored->config.contains(u"streams"_s));
        // None checked cannot be applied.
        model->setCheckedStreams({});
        QVERIFY(!streams->applyButton()->isEnabled());
    }

    void responsiveDuringLargeSync()
    {
        // A large sync (generated contacts, 20 fields each) while the window shows it live; a
        // 5 ms timer on the GUI thread measures the longest gap between its ticks.
        constexpr qint64 Contacts = 150000;
        m_fake->run([this] { m_fake->server()->setGeneratedContacts(Contacts); });
        m_window->detail()->showTab(ConnectionDetailWidget::RunsTab);
        qint64 longest = 0;
        qint64 ticks = 0;
        QElapsedTimer sinceTick;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(5);
        connect(&probe, &QTimer::timeout, this, [&] {
            if (sinceTick.isValid())
                longest = std::max(longest, sinceTick.elapsed());
            sinceTick.restart();
            ++ticks;
        });
        auto run = m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {u"contacts"_s}, RunTrigger::Manual);
        QVERIFY(run);
        const QString runId = run->id;
        // A plain event loop, as in the app (QTest::qWait would add its own sleeps to the gaps).
        QEventLoop loop;
        connect(m_window->detail()->runs()->model(), &RunListModel::runFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        probe.start();
        QElapsedTimer total;
        total.start();
        loop.exec();
        probe.stop();
        auto done = m_f->engine.engine().runs()->get(m_f->session->caller(), m_id, runId);
        QVERIFY(done);
        QCOMPARE(done->status, u"COMPLETED"_s);
        QCOMPARE(done->rowsSynced, Contacts);
        qInfo("large sync: %lld rows in %lld ms; GUI thread: %lld ticks, longest gap %lld ms", Contacts, total.elapsed(), ticks,
              longest);
        QVERIFY2(longest <= 50, qPrintable(u"the GUI thread stalled for %1 ms"_s.arg(longest)));
    }

    void runDetailsShowWhatWasSkipped()
    {
        // The token may not read deals: the run completes with the other stream, and its details say what it skipped.
        m_fake->run([this] { m_fake->server()->failNext(1, 403, u"/objects/deals"_s); });
        auto run
            = m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {u"contacts"_s, u"deals"_s}, RunTrigger::Manual);
        QVERIFY(run);
        m_window->detail()->showTab(ConnectionDetailWidget::RunsTab);
        RunsWidget *runs = m_window->detail()->runs();
        RunListModel *model = runs->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, 0).data(RunListModel::StatusRole).toString(), u"COMPLETED"_s, 30000);
        QTest::mouseClick(runs->view()->viewport(), Qt::LeftButton, {}, runs->view()->visualRect(model->index(0, 0)).center());
        auto *details = runs->findChild<QPlainTextEdit *>();
        QVERIFY(details);
        QTRY_VERIFY(details->toPlainText().contains(u"Skipped: deals: "_s));
        QVERIFY2(details->toPlainText().contains(u"HubSpot"_s), qPrintable(details->toPlainText()));
        QVERIFY(!details->toPlainText().contains(u"Skipped: contacts"_s));
    }
};

QTEST_MAIN(TestSyncWindow)
#include "tst_syncwindow.moc"
