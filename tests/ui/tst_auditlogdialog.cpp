// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/store/auditlog.h"
#include "models/auditlogmodel.h"
#include "models/ownersession.h"
#include "ui/auditlogdialog.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** The audit log dialog as an admin uses it: names instead of ids, readable details, search, filters, export. */
class TestAuditLogDialog : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::GuiFixture> m_f;
    QString m_id;

    QStringList column(AuditLogDialog &dialog, int column) const
    {
        QStringList out;
        for (int row = 0; row < dialog.model()->rowCount(); ++row)
            out.append(dialog.model()->index(row, column).data().toString());
        return out;
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
        // The owner has a name: the log says who by name.
        QVERIFY(m_f->engine.engine().identity()->ensureUser(OwnerSession::ownerEmail(), u"Dana Admin"_s));
        ConnectionDraft draft;
        draft.name = u"Sales CRM"_s;
        draft.type = u"CRM_PLATFORM"_s;
        draft.credentials = QJsonObject{{u"apiKey"_s, u"key"_s}};
        auto c = m_f->engine.engine().connections()->create(m_f->session->caller(), draft);
        QVERIFY(c);
        m_id = c->id;
        m_f->engine.engine().audit()->record(
            m_f->session->caller(), u"CONNECTION_UPDATE"_s, u"connection"_s, m_id,
            QJsonObject{
                {u"fields"_s, QJsonArray{u"config"_s}},
                {u"originChanged"_s,
                 QJsonArray{QJsonObject{{u"key"_s, u"baseUrl"_s}, {u"from"_s, u"https://a"_s}, {u"to"_s, u"https://b"_s}}}}});
        // Renamed afterwards: every event names the connection as it is called now.
        QVERIFY(
            m_f->engine.engine().connections()->update(m_f->session->caller(), m_id, ConnectionChange{.name = u"Revenue CRM"_s}));
    }

    void cleanup() { m_f.reset(); }

    void namesAndReadableDetails()
    {
        AuditLogDialog dialog(m_f->session.get());
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.model()->rowCount(), 3);
        QCOMPARE(column(dialog, AuditLogModel::TargetColumn), (QStringList(3, u"Revenue CRM"_s)));
        QVERIFY2(column(dialog, AuditLogModel::ActorColumn).first().startsWith(u"Dana Admin"_s),
                 qPrintable(column(dialog, AuditLogModel::ActorColumn).first()));
        const QStringList details = column(dialog, AuditLogModel::DetailsColumn);
        QVERIFY2(details.contains(u"fields: config; baseUrl: https://a → https://b"_s), qPrintable(details.join(u" | "_s)));
        for (const QString &d : details)
            QVERIFY2(!d.contains(u'{') && !d.contains(u'"'), qPrintable(d));
        // Today's events show their time in the locale; the tooltip has the full date.
        const QModelIndex time = dialog.model()->index(0, AuditLogModel::TimeColumn);
        QVERIFY(!time.data().toString().isEmpty());
        QVERIFY(time.data(Qt::ToolTipRole).toString().contains(QString::number(QDate::currentDate().year())));
        // A click on a row selects it, as a person reads one event.
        const QRect rect = dialog.view()->visualRect(dialog.model()->index(1, AuditLogModel::DetailsColumn));
        QTest::mouseClick(dialog.view()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(dialog.view()->currentIndex().row(), 1);
    }

    void searchActionAndPeriod()
    {
        AuditLogDialog dialog(m_f->session.get());
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Alt+H reaches the search field; typing narrows the whole trail.
        QTest::keyClick(&dialog, Qt::Key_H, Qt::AltModifier);
        QTRY_VERIFY(dialog.searchEdit()->hasFocus());
        QTest::keyClicks(dialog.searchEdit(), u"HTTPS://B"_s);
        QTRY_COMPARE(dialog.model()->rowCount(), 1);
        QCOMPARE(dialog.model()->index(0, 0).data(AuditLogModel::ActionRole).toString(), u"CONNECTION_UPDATE"_s);
        QCOMPARE(dialog.countLabel()->text(), u"1 event"_s);
        dialog.searchEdit()->clear();
        QTRY_COMPARE(dialog.model()->rowCount(), 3);

        // By action, chosen from the list with the keyboard.
        const int created = dialog.actionFilter()->findData(u"CONNECTION_CREATE"_s);
        QVERIFY(created > 0);
        dialog.actionFilter()->setFocus();
        for (int i = 0; i < created; ++i)
            QTest::keyClick(dialog.actionFilter(), Qt::Key_Down);
        QCOMPARE(dialog.model()->actionFilter(), u"CONNECTION_CREATE"_s);
        QCOMPARE(dialog.model()->rowCount(), 1);
        dialog.actionFilter()->setCurrentIndex(0);
        QCOMPARE(dialog.model()->rowCount(), 3);

        // By period: today has them all; a range that ends yesterday has none.
        dialog.periodFilter()->setCurrentIndex(dialog.periodFilter()->findData(AuditLogDialog::Today));
        QCOMPARE(dialog.model()->rowCount(), 3);
        dialog.periodFilter()->setCurrentIndex(dialog.periodFilter()->findData(AuditLogDialog::Between));
        QVERIFY(dialog.fromEdit()->isEnabled() && dialog.toEdit()->isEnabled());
        dialog.fromEdit()->setDate(QDate::currentDate().addDays(-10));
        dialog.toEdit()->setDate(QDate::currentDate().addDays(-1));
        QCOMPARE(dialog.model()->rowCount(), 0);
        QCOMPARE(dialog.countLabel()->text(), u"0 events"_s);
        // An event recorded now does not appear in a range that has ended.
        QVERIFY(m_f->engine.engine().connections()->update(m_f->session->caller(), m_id, ConnectionChange{.name = u"Later"_s}));
        QCOMPARE(dialog.model()->rowCount(), 0);
        dialog.toEdit()->setDate(QDate::currentDate());
        QCOMPARE(dialog.model()->rowCount(), 4);
        dialog.periodFilter()->setCurrentIndex(dialog.periodFilter()->findData(AuditLogDialog::AnyTime));
        QVERIFY(!dialog.fromEdit()->isEnabled());
        QCOMPARE(dialog.model()->rowCount(), 4);
    }

    void exportCsv()
    {
        AuditLogDialog dialog(m_f->session.get());
        // Export suggests the Documents folder.
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QVERIFY(AuditLogDialog::defaultExportPath().startsWith(documents + u'/'));
        QVERIFY(AuditLogDialog::defaultExportPath().endsWith(u".csv"_s));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.csv"_s);
        dialog.searchEdit()->setText(u"baseUrl"_s);
        QTRY_COMPARE(dialog.model()->rowCount(), 1);
        dialog.exportTo(path);
        QVERIFY2(dialog.countLabel()->text().contains(u"1 event exported"_s), qPrintable(dialog.countLabel()->text()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), u"Time (UTC),Who,Action,Target,Details"_s);
        QVERIFY2(
            lines.at(1).contains(u",Dana Admin,Connection changed,Revenue CRM,fields: config; baseUrl: https://a → https://b"_s),
            qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).startsWith(QString::number(QDate::currentDate().year())));
        // A file that cannot be written is said so.
        dialog.exportTo(dir.filePath(u"missing/dir/audit.csv"_s));
        QVERIFY2(dialog.countLabel()->text().startsWith(u"Export failed"_s), qPrintable(dialog.countLabel()->text()));
    }

    void screenshots_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<QSize>("size");
        QTest::newRow("en-1440") << int(QLocale::English) << QSize(1440, 900);
        QTest::newRow("en-1024") << int(QLocale::English) << QSize(1024, 640);
        QTest::newRow("de-1440") << int(QLocale::German) << QSize(1440, 900);
        QTest::newRow("de-1024") << int(QLocale::German) << QSize(1024, 640);
    }

    void screenshots()
    {
        QFETCH(int, language);
        QFETCH(QSize, size);
        QVERIFY(Test::installTranslation(QLocale::Language(language)));
        QWidget window;
        window.resize(size);
        window.show();
        AuditLogDialog dialog(m_f->session.get(), &window);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The dialog fits the smaller screen, and its controls are named for screen readers.
        QVERIFY(dialog.minimumSizeHint().width() <= 1024);
        const QStringList unnamed = Test::unnamedControls(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u"; "_s)));
        const QString tag = QLocale(QLocale::Language(language)).name().left(2) + u'-' + QString::number(size.width());
        Test::screenshot(&dialog, u"auditlog-"_s + tag);
        QVERIFY(Test::installTranslation(QLocale::English));
    }
};

QTEST_MAIN(TestAuditLogDialog)
#include "tst_auditlogdialog.moc"
