// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/identityservice.h"
#include "models/memberlistmodel.h"
#include "models/ownersession.h"
#include "testengine.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** Workspace members, checkable, for choosing who is notified. */
class TestMemberListModel : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TestEngine> m_t;
    std::unique_ptr<OwnerSession> m_session;

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

    void membersAndChecks()
    {
        MemberListModel model(m_session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(MemberListModel::EmailRole).toString(), OwnerSession::ownerEmail());
        QCOMPARE(model.index(0).data(MemberListModel::RoleRole).toString(), u"OWNER"_s);
        QVERIFY(model.index(0).data().toString().contains(u"Owner"_s));
        auto rowOf = [&](const QString &userId) {
            for (int r = 0; r < model.rowCount(); ++r) {
                if (model.index(r).data(MemberListModel::UserIdRole).toString() == userId)
                    return r;
            }
            return -1;
        };

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        (void)m_t->addUser(u"ann@example.com"_s, Role::Member);
        QTRY_VERIFY(reset.count() >= 1);
        QCOMPARE(model.rowCount(), 2);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy checked(&model, &MemberListModel::checkedChanged);
        const QModelIndex ann = model.index(rowOf(m_t->userId(u"ann@example.com"_s)));
        QVERIFY(ann.isValid());
        QVERIFY(model.flags(ann) & Qt::ItemIsUserCheckable);
        QVERIFY(model.setData(ann, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(checked.count(), 1);
        QCOMPARE(ann.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        QCOMPARE(model.checkedUserIds(), QStringList{m_t->userId(u"ann@example.com"_s)});
        QCOMPARE(model.displayName(m_t->userId(u"ann@example.com"_s)), u"ann <ann@example.com>"_s);
        QVERIFY(!model.setData(ann, u"x"_s, Qt::DisplayRole));

        model.setCheckedUserIds({});
        QVERIFY(model.checkedUserIds().isEmpty());
        QCOMPARE(ann.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    }
};

QTEST_MAIN(TestMemberListModel)
#include "tst_memberlistmodel.moc"
