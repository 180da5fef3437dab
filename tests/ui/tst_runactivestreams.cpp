// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/sync/syncworkerpool.h"
#include "fakeproviderthread.h"
#include "models/runlistmodel.h"
#include "ui/connectiondetailwidget.h"
#include "ui/mainwindow.h"
#include "ui/runswidget.h"
#include "uitestsupport.h"

#include <QPlainTextEdit>
#include <QTest>
#include <QTreeView>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** The Runs view's details of a run that reads several streams at once: which streams it is reading now. */
class TestRunActiveStreams : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::GuiFixture> m_f;
    std::unique_ptr<Test::FakeProviderThread> m_fake;
    std::unique_ptr<MainWindow> m_window;
    QString m_id;

    /** The stream names of the details' "Reading now:" line, sorted; empty when there is none. */
    static QStringList readingNow(const QPlainTextEdit *details)
    {
        static const QString prefix = u"Reading now: "_s;
        const QStringList lines = details->toPlainText().split(u'\n');
        for (const QString &line : lines) {
            if (line.startsWith(prefix)) {
                QStringList names = line.mid(prefix.size()).split(u", "_s);
                std::sort(names.begin(), names.end());
                return names;
            }
        }
        return {};
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
        ConnectionDraft draft;
        draft.name = u"Sales CRM"_s;
        draft.type = u"CRM_PLATFORM"_s;
        draft.credentials = m_fake->credentials();
        draft.config = m_fake->config();
        auto created = m_f->engine.engine().connections()->create(m_f->session->caller(), draft);
        QVERIFY(created);
        m_id = created->id;
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

    void detailsNameTheStreamsBeingRead()
    {
        // The provider holds the first page of contacts and of deals for a while: with the default
        // concurrency both streams are being read at once for that long.
        m_fake->run([this] {
            m_fake->server()->delayNext(1, 5000, u"/objects/contacts"_s);
            m_fake->server()->delayNext(1, 5000, u"/objects/deals"_s);
        });
        m_window->detail()->showTab(ConnectionDetailWidget::RunsTab);
        RunsWidget *runs = m_window->detail()->runs();
        RunListModel *model = runs->model();
        auto run
            = m_f->engine.engine().runs()->trigger(m_f->session->caller(), m_id, {u"contacts"_s, u"deals"_s}, RunTrigger::Manual);
        QVERIFY(run);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        auto *details = runs->findChild<QPlainTextEdit *>();
        QVERIFY(details);
        QVERIFY(details->toPlainText().isEmpty()); // no run selected yet

        QTest::mouseClick(runs->view()->viewport(), Qt::LeftButton, {}, runs->view()->visualRect(model->index(0, 0)).center());
        QCOMPARE(runs->view()->currentIndex().row(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(readingNow(details), (QStringList{u"contacts"_s, u"deals"_s}), 10000);
        QVERIFY2(details->toPlainText().contains(u"Status: Running"_s), qPrintable(details->toPlainText()));

        // Once the run has completed, no stream is being read and the details say none.
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, 0).data(RunListModel::StatusRole).toString(), u"COMPLETED"_s, 30000);
        QTRY_VERIFY2(details->toPlainText().contains(u"Status: Completed"_s), qPrintable(details->toPlainText()));
        QCOMPARE(readingNow(details), QStringList());
        QCOMPARE(model->index(0, RunListModel::RowsColumn).data().toString(), u"630"_s);
    }
};

QTEST_MAIN(TestRunActiveStreams)
#include "tst_runactivestreams.moc"
