// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "engine/services/identityservice.h"
#include "models/auditlogmodel.h"
#include "models/ownersession.h"
#include "testengine.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** The audit log, newest first, paged, live. */
class TestAuditLogModel : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TestEngine> m_t;
    std::unique_ptr<OwnerSession> m_session;

    QString create(const QString &name)
    {
        auto c = m_t->engine().connections()->create(
            m_session->caller(),
            ConnectionDraft{.name = name, .type = u"MEETINGS"_s, .credentials = QJsonObject{{u"apiKey"_s, u"k"_s}}});
        return c ? c->id : QString();
    }

private Q_SLOTS:
    void init()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>(false);
        QVERIFY(m_t->ok());
        auto session = OwnerSession::open(&m_t->engine(), u"Default"_s);
        QVERIFY(session);
        m_session = std::move(*session);
    }

    void cleanup()
    {
        m_session.reset();
        m_t.reset();
    }

    void liveEvents()
    {
        AuditLogModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.errorString().isEmpty());
        const int before = model.rowCount();
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QString id = create(u"Meetings"_s);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), before + 1);
        const QModelIndex top = model.index(0, AuditLogModel::ActionColumn);
        QCOMPARE(top.data(AuditLogModel::ActionRole).toString(), u"CONNECTION_CREATE"_s);
        QCOMPARE(top.data().toString(), u"Connection created"_s);
        QCOMPARE(model.index(0, AuditLogModel::TargetColumn).data().toString(), u"Meetings"_s);
        // Who by name (the owner's account name), the e-mail address in the tooltip.
        auto members = m_t->engine().identity()->members(m_session->caller());
        QVERIFY(members && !members->isEmpty());
        QCOMPARE(model.index(0, AuditLogModel::ActorColumn).data().toString(), members->first().name);
        QCOMPARE(model.index(0, AuditLogModel::ActorColumn).data(Qt::ToolTipRole).toString(), OwnerSession::ownerEmail());
        QVERIFY(!model.index(0, AuditLogModel::DetailsColumn).data().toString().contains(u"\"k\""_s));

        QVERIFY(m_t->engine().connections()->remove(m_session->caller(), id));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.index(0, 0).data(AuditLogModel::ActionRole).toString(), u"CONNECTION_DELETE"_s);
    }

    void paging()
    {
        for (int i = 0; i < AuditLogModel::PageSize + 20; ++i)
            QVERIFY(!create(u"Connection %1"_s.arg(i)).isEmpty());
        AuditLogModel model(m_session.get());
        QCOMPARE(model.rowCount(), AuditLogModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The tester already fetched the rest, as a view scrolling down would.
        QCOMPARE(model.rowCount(), int(model.total()));
        QCOMPARE(model.rowCount(), AuditLogModel::PageSize + 20);
        QVERIFY(!model.canFetchMore({}));
        // Newest first: the last connection created is on top, the first at the bottom.
        QCOMPARE(model.index(0, AuditLogModel::TargetColumn).data().toString(),
                 u"Connection %1"_s.arg(AuditLogModel::PageSize + 19));
    }

    void filter()
    {
        const QString id = create(u"One"_s);
        QVERIFY(m_t->engine().connections()->update(m_session->caller(), id, ConnectionChange{.name = u"Two"_s}));
        AuditLogModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setActionFilter(u"CONNECTION_UPDATE"_s);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(AuditLogModel::ActionRole).toString(), u"CONNECTION_UPDATE"_s);
    }

    void readableDetails_data()
    {
        QTest::addColumn<QJsonObject>("details");
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QJsonObject() << QString();
        QTest::newRow("scalars") << QJsonObject{{u"name"_s, u"CRM"_s}, {u"type"_s, u"CRM_PLATFORM"_s}}
                                 << u"name: CRM; type: CRM_PLATFORM"_s;
        QTest::newRow("list") << QJsonObject{{u"fields"_s, QJsonArray{u"name"_s, u"credentials"_s}}}
                              << u"fields: name, credentials"_s;
        QTest::newRow("moved") << QJsonObject{{u"originChanged"_s,
                                               QJsonArray{QJsonObject{{u"key"_s, u"baseUrl"_s},
                                                                      {u"from"_s, u"https://a"_s},
                                                                      {u"to"_s, u"https://b"_s}}}}}
                               << u"baseUrl: https://a → https://b"_s;
        QTest::newRow("moved from nothing") << QJsonObject{{u"key"_s, u"subdomain"_s},
                                                           {u"from"_s, QJsonValue()},
                                                           {u"to"_s, u"acme"_s}}
                                            << u"subdomain: — → acme"_s;
        QTest::newRow("nested") << QJsonObject{{u"count"_s, 3}, {u"options"_s, QJsonObject{{u"full"_s, true}}}}
                                << u"count: 3; options: full: true"_s;
    }

    void readableDetails()
    {
        QFETCH(QJsonObject, details);
        QFETCH(QString, text);
        QCOMPARE(AuditLogModel::readableDetails(details), text);
    }

    void searchAndDates()
    {
        const QString id = create(u"Alpha"_s);
        (void)create(u"Beta"_s);
        QVERIFY(m_t->engine().connections()->update(m_session->caller(), id, ConnectionChange{.name = u"Gamma"_s}));
        AuditLogModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);
        // Alpha was renamed: its events are found by its name now, Beta's by its own.
        model.setSearchText(u"gamma"_s);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.canFetchMore({}));
        model.setSearchText(u"  beta "_s);
        QCOMPARE(model.rowCount(), 1);
        // A new event that matches appears at the top; one that does not stays out.
        (void)create(u"Beta two"_s);
        QCOMPARE(model.rowCount(), 2);
        (void)create(u"Delta"_s);
        QCOMPARE(model.rowCount(), 2);
        model.setSearchText({});
        QCOMPARE(model.rowCount(), 5);
        const QDate today = QDate::currentDate();
        model.setDateRange(today.addDays(-3), today.addDays(-1));
        QCOMPARE(model.rowCount(), 0);
        model.setDateRange(today, {});
        QCOMPARE(model.rowCount(), 5);
        model.setDateRange({}, today.addDays(-1));
        QCOMPARE(model.rowCount(), 0);
    }

    void viewerIsRefused()
    {
        // The engine decides: a VIEWER may not read the audit log, and the model says why.
        QVERIFY(m_t->engine().identity()->setMembership(m_session->userId(), m_session->workspaceId(), Role::Viewer));
        QTRY_COMPARE(m_session->caller().role, Role::Viewer);
        AuditLogModel model(m_session.get());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.errorString().isEmpty());
    }
};

QTEST_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"
