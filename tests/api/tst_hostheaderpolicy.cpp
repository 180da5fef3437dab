// SPDX-License-Identifier: GPL-3.0-or-later
// The Host header guard against DNS rebinding: which hosts a loopback server answers.
#include "engine/api/hostheaderpolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

class TestHostHeaderPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allows_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<QString>("publicUrl");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("allowed");
        const QString v4 = u"127.0.0.1"_s;
        QTest::newRow("loopback literal") << v4 << QString() << QByteArray("127.0.0.1:8787") << true;
        QTest::newRow("other loopback address") << v4 << QString() << QByteArray("127.0.0.2") << true;
        QTest::newRow("localhost") << v4 << QString() << QByteArray("LocalHost:8787") << true;
        QTest::newRow("name under .localhost") << v4 << QString() << QByteArray("opbox.localhost:8787") << true;
        QTest::newRow("IPv6 loopback") << v4 << QString() << QByteArray("[::1]:8787") << true;
        QTest::newRow("no header (HTTP/1.0)") << v4 << QString() << QByteArray() << true;
        QTest::newRow("rebinding name") << v4 << QString() << QByteArray("attacker.example:8787") << false;
        QTest::newRow("rebinding name, trailing dot") << v4 << QString() << QByteArray("attacker.example.") << false;
        QTest::newRow("LAN address") << v4 << QString() << QByteArray("192.168.1.20:8787") << false;
        QTest::newRow("localhost as a prefix") << v4 << QString() << QByteArray("localhost.attacker.example") << false;
        QTest::newRow("garbage") << v4 << QString() << QByteArray("[::1") << false;
        QTest::newRow("public URL host") << v4 << u"https://opbox.example.com/base"_s << QByteArray("opbox.example.com") << true;
        QTest::newRow("public URL host, other case and port")
            << v4 << u"https://opbox.example.com"_s << QByteArray("OPBOX.example.com:443") << true;
        QTest::newRow("not the public URL host")
            << v4 << u"https://opbox.example.com"_s << QByteArray("evil.example.com") << false;
        QTest::newRow("IPv6 loopback listener") << u"::1"_s << QString() << QByteArray("evil.example") << false;
        QTest::newRow("exposed on purpose: any host") << u"0.0.0.0"_s << QString() << QByteArray("anything.example") << true;
        QTest::newRow("LAN listener: any host") << u"192.168.1.20"_s << QString() << QByteArray("nas.local") << true;
    }
    void allows()
    {
        QFETCH(QString, listen);
        QFETCH(QString, publicUrl);
        QFETCH(QByteArray, host);
        QFETCH(bool, allowed);
        const auto policy = HostHeaderPolicy::forServer(QHostAddress(listen), QUrl(publicUrl));
        QCOMPARE(policy.allows(host), allowed);
    }
};

QTEST_GUILESS_MAIN(TestHostHeaderPolicy)
#include "tst_hostheaderpolicy.moc"
