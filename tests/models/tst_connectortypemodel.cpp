// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/connectortyperegistry.h"
#include "models/connectorcatalog.h"
#include "models/connectortypemodel.h"
#include "testengine.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/** The connector types grouped by category, as the new-connection wizard shows them. */
class TestConnectorTypeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Test::pinEnvironment(); }

    void structure()
    {
        ConnectorTypeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        int types = 0;
        QStringList seen;
        for (int c = 0; c < model.rowCount(); ++c) {
            const QModelIndex category = model.index(c, 0);
            QVERIFY(category.data(ConnectorTypeModel::IsCategoryRole).toBool());
            QVERIFY(!(model.flags(category) & Qt::ItemIsSelectable));
            QVERIFY(!category.data().toString().isEmpty());
            QVERIFY(model.rowCount(category) > 0);
            for (int t = 0; t < model.rowCount(category); ++t) {
                const QModelIndex type = model.index(t, 0, category);
                QCOMPARE(type.parent(), category);
                QVERIFY(model.flags(type) & Qt::ItemIsSelectable);
                QCOMPARE(type.data(ConnectorTypeModel::CategoryRole).toString(),
                         category.data(ConnectorTypeModel::CategoryRole).toString());
                seen.append(type.data(ConnectorTypeModel::TypeRole).toString());
                ++types;
            }
        }
        QCOMPARE(types, int(ConnectorTypeRegistry::all().size()));
        seen.sort();
        QStringList expected = ConnectorTypeRegistry::typeNames();
        expected.sort();
        QCOMPARE(seen, expected);
    }

    void typeRows_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("category");
        QTest::addColumn<bool>("oauth");
        QTest::newRow("crm") << u"CRM_PLATFORM"_s << u"CRM"_s << false;
        QTest::newRow("accounting") << u"ACCOUNTING"_s << u"Accounting"_s << true;
        QTest::newRow("docusign") << u"DOC_SIGNING"_s << u"Documents"_s << true;
        QTest::newRow("github") << u"DEVELOPMENT"_s << u"Development"_s << false;
        QTest::newRow("registry") << u"REGISTRY"_s << u"Registry"_s << false;
    }

    void typeRows()
    {
        QFETCH(QString, type);
        QFETCH(QString, category);
        QFETCH(bool, oauth);
        ConnectorTypeModel model;
        const QModelIndex index = model.indexOfType(type);
        QVERIFY(index.isValid());
        QCOMPARE(index.data(ConnectorTypeModel::TypeRole).toString(), type);
        QCOMPARE(index.data(ConnectorTypeModel::CategoryRole).toString(), category);
        QCOMPARE(index.data(ConnectorTypeModel::IsOAuthRole).toBool(), oauth);
        QCOMPARE(model.typeAt(index)->type, type);
        QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!index.data(Qt::AccessibleTextRole).toString().isEmpty());
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(model.typeAt(index)->service));
    }

    void unknownType()
    {
        ConnectorTypeModel model;
        QVERIFY(!model.indexOfType(u"NOPE"_s).isValid());
        QCOMPARE(model.typeAt(QModelIndex()), nullptr);
        QCOMPARE(model.typeAt(model.index(0, 0)), nullptr);
    }
};

QTEST_MAIN(TestConnectorTypeModel)
#include "tst_connectortypemodel.moc"
