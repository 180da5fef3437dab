// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectionservice.h"
#include "models/connectionlistmodel.h"
#include "models/ownersession.h"
#include "testengine.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

ConnectionDraft crmDraft(const QString &name, bool scheduled = false)
{
    return ConnectionDraft{.name = name,
                           .type = u"CRM_PLATFORM"_s,
                           .credentials = QJsonObject{{u"apiKey"_s, u"secret-key"_s}},
                           .schedule = QJsonObject{{u"enabled"_s, scheduled}, {u"frequency"_s, u"hourly"_s}}};
}

} // namespace

/** The connection list follows the ConnectionService, whoever changes it (GUI, REST API). */
class TestConnectionListModel : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TestEngine> m_t;
    std::unique_ptr<OwnerSession> m_session;

    QString create(const QString &name, bool scheduled = false)
    {
        auto c = m_t->engine().connections()->create(m_session->caller(), crmDraft(name, scheduled));
        return c ? c->id : QString();
    }

private Q_SLOTS:
    void init()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>();
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

    void ownerSession()
    {
        QCOMPARE(m_session->caller().role, Role::Owner);
        QCOMPARE(m_session->caller().workspaceId, m_session->workspaceId());
        // Opening again finds the same user and workspace.
        auto again = OwnerSession::open(&m_t->engine(), u"Default"_s);
        QVERIFY(again);
        QCOMPARE((*again)->userId(), m_session->userId());
        QCOMPARE((*again)->workspaceId(), m_session->workspaceId());
    }

    void initialRows()
    {
        const QString a = create(u"Alpha CRM"_s, true);
        const QString b = create(u"Beta CRM"_s);
        ConnectionListModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ConnectionListModel::ColumnCount));
        QCOMPARE(model.ids(), (QStringList{a, b}));
        const QModelIndex name = model.index(0, ConnectionListModel::NameColumn);
        QCOMPARE(name.data().toString(), u"Alpha CRM"_s);
        QVERIFY(!name.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(name.data(ConnectionListModel::TypeRole).toString(), u"CRM_PLATFORM"_s);
        QCOMPARE(name.data(ConnectionListModel::CategoryRole).toString(), u"CRM"_s);
        QCOMPARE(name.data(ConnectionListModel::StatusRole).toString(), u"DISCONNECTED"_s);
        QCOMPARE(model.index(0, ConnectionListModel::StatusColumn).data().toString(), u"Not connected"_s);
        QCOMPARE(model.index(0, ConnectionListModel::LastRunColumn).data().toString(), u"Never"_s);
        QVERIFY(name.data(ConnectionListModel::ScheduleEnabledRole).toBool());
        QCOMPARE(name.data(ConnectionListModel::FrequencyRole).toString(), u"hourly"_s);
        QCOMPARE(model.index(1, ConnectionListModel::NextRunColumn).data().toString(), u"Not scheduled"_s);
        QVERIFY(!model.index(0, ConnectionListModel::NextRunColumn).data().toString().isEmpty());
        QCOMPARE(model.headerData(ConnectionListModel::NameColumn, Qt::Horizontal).toString(), u"Name"_s);
        QVERIFY(model.roleNames().contains(ConnectionListModel::IdRole));
    }

    void followsServiceSignals()
    {
        ConnectionListModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        const QString id = create(u"Production CRM"_s);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(id), 0);

        auto updated = m_t->engine().connections()->update(m_session->caller(), id, ConnectionChange{.name = u"Renamed"_s});
        QVERIFY(updated);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), u"Renamed"_s);

        QVERIFY(m_t->engine().connections()->remove(m_session->caller(), id));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 0);
    }

    void followsRestApi()
    {
        // A change made by an API client on the API thread reaches the model through a queued signal.
        const QString token = m_t->addUser(u"admin@example.com"_s, Role::Admin);
        ConnectionListModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        auto client = m_t->client(token);
        auto created = client->post(u"/api/pipelines/connections"_s,
                                    QJsonObject{{u"name"_s, u"From the API"_s},
                                                {u"type"_s, u"CRM_PLATFORM"_s},
                                                {u"credentials"_s, QJsonObject{{u"apiKey"_s, u"secret-key"_s}}}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        QTRY_COMPARE(inserted.count(), 1);
        QCOMPARE(model.connection(id).value(u"name"_s).toString(), u"From the API"_s);

        auto put = client->put(u"/api/pipelines/connections/"_s + id,
                               QJsonObject{{u"schedule"_s, QJsonObject{{u"enabled"_s, true}, {u"frequency"_s, u"weekly"_s}}}});
        QCOMPARE(put.status, 200);
        QTRY_VERIFY(changed.count() >= 1);
        QCOMPARE(model.index(model.rowOf(id), 0).data(ConnectionListModel::FrequencyRole).toString(), u"weekly"_s);

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QCOMPARE(client->del(u"/api/pipelines/connections/"_s + id).status, 204);
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 0);
    }

    void otherWorkspaceIsInvisible()
    {
        ConnectionListModel model(m_session.get());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        auto other = OwnerSession::open(&m_t->engine(), u"Elsewhere"_s);
        QVERIFY(other);
        auto c = m_t->engine().connections()->create((*other)->caller(), crmDraft(u"Not ours"_s));
        QVERIFY(c);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(model.rowCount(), 0);
        model.refresh(c->id);
        QCOMPARE(model.rowCount(), 0);
    }

    void disabledConnection()
    {
        const QString id = create(u"Paused"_s, true);
        ConnectionListModel model(m_session.get());
        QVERIFY(m_t->engine().connections()->update(m_session->caller(), id, ConnectionChange{.enabled = false}));
        QCOMPARE(model.index(0, ConnectionListModel::StatusColumn).data().toString(), u"Disabled"_s);
        QCOMPARE(model.index(0, ConnectionListModel::NextRunColumn).data().toString(), u"Not scheduled"_s);
        QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().italic());
    }
};

QTEST_MAIN(TestConnectionListModel)
#include "tst_connectionlistmodel.moc"
