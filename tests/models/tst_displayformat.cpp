// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/displayformat.h"
#include "modeltestsupport.h"
#include "testengine.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** Machine values become words the same way everywhere. */
class TestDisplayFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(Test::installEnglish());
    }

    void relative_data()
    {
        QTest::addColumn<qint64>("offsetSecs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("now") << qint64(-10) << u"just now"_s;
        QTest::newRow("soon") << qint64(10) << u"in a moment"_s;
        QTest::newRow("5 min ago") << qint64(-300) << u"5 minutes ago"_s;
        QTest::newRow("1 min ago") << qint64(-60) << u"1 minute ago"_s;
        QTest::newRow("in 2 h") << qint64(7200) << u"in 2 hours"_s;
        QTest::newRow("3 days ago") << qint64(-3 * 86400) << u"3 days ago"_s;
    }

    void relative()
    {
        QFETCH(qint64, offsetSecs);
        QFETCH(QString, expected);
        const QDateTime now = QDateTime(QDate(2026, 2, 11), QTime(10, 0), Qt::UTC);
        QCOMPARE(DisplayFormat::relative(now.addSecs(offsetSecs), now), expected);
    }

    void codes_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("connected") << u"connection"_s << u"CONNECTED"_s << u"Connected"_s;
        QTest::newRow("disconnected") << u"connection"_s << u"DISCONNECTED"_s << u"Not connected"_s;
        QTest::newRow("running") << u"run"_s << u"RUNNING"_s << u"Running"_s;
        QTest::newRow("failed") << u"run"_s << u"FAILED"_s << u"Failed"_s;
        QTest::newRow("webhook") << u"trigger"_s << u"WEBHOOK"_s << u"Webhook"_s;
        QTest::newRow("weekly") << u"frequency"_s << u"weekly"_s << u"Weekly"_s;
        QTest::newRow("unknown passes") << u"run"_s << u"WHATEVER"_s << u"WHATEVER"_s;
        QTest::newRow("type") << u"type"_s << u"CRM Platform"_s << u"CRM Platform"_s;
        QTest::newRow("audit") << u"audit"_s << u"VIEW_SECRET"_s << u"Secret revealed"_s;
        QTest::newRow("field") << u"field"_s << u"DATETIME"_s << u"Date and time"_s;
    }

    void codes()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QFETCH(QString, expected);
        QString actual;
        if (kind == u"connection"_s)
            actual = DisplayFormat::connectionStatus(code);
        else if (kind == u"run"_s)
            actual = DisplayFormat::runStatus(code);
        else if (kind == u"trigger"_s)
            actual = DisplayFormat::trigger(code);
        else if (kind == u"frequency"_s)
            actual = DisplayFormat::frequency(code);
        else if (kind == u"type"_s)
            actual = DisplayFormat::typeName(code);
        else if (kind == u"audit"_s)
            actual = DisplayFormat::auditAction(code);
        else
            actual = DisplayFormat::fieldType(code);
        QCOMPARE(actual, expected);
    }

    void times()
    {
        QVERIFY(DisplayFormat::dateTime(QString()).isEmpty());
        QVERIFY(DisplayFormat::dateTime(u"junk"_s).isEmpty());
        QVERIFY(!DisplayFormat::dateTime(u"2026-02-11T10:00:00.000Z"_s).isEmpty());
        QCOMPARE(DisplayFormat::parse(u"2026-02-11T10:00:00.000Z"_s), QDateTime(QDate(2026, 2, 11), QTime(10, 0), Qt::UTC));
        QCOMPARE(DisplayFormat::duration(150000), u"2 min 30 s"_s);
        QCOMPARE(DisplayFormat::duration(500), u"500 ms"_s);
    }
};

QTEST_MAIN(TestDisplayFormat)
#include "tst_displayformat.moc"
