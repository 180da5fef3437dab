// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktopapplication.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "engine/services/variantservice.h"
#include "ui/connectiondetailwidget.h"
#include "ui/connectioneditdialog.h"
#include "ui/connectionoverviewwidget.h"
#include "ui/mainwindow.h"
#include "ui/newconnectionwizard.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *language = nullptr)
{
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"TS"_s && language)
            *language = xml.attributes().value(u"language"_s).toString();
        else if (name == u"name"_s)
            context = xml.readElementText();
        else if (name == u"message"_s)
            current = Message{context, {}, {}, {}, xml.attributes().value(u"numerus"_s) == u"yes"_s};
        else if (name == u"source"_s)
            current.source = xml.readElementText();
        else if (name == u"translation"_s) {
            current.type = xml.attributes().value(u"type"_s).toString();
            if (current.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform"_s)
                        current.translations.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                current.translations.append(xml.readElementText());
            }
            out.append(current);
        }
    }
    return out;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(OPBOX_SOURCE_DIR "/translations/opbox_%1.ts").arg(language);
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(u"%(\\d+|n)"_s);
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.append(it.next().captured(0));
    out.sort();
    out.removeDuplicates();
    return out;
}

} // namespace

/** English and a complete German translation: nothing unfinished, placeholders kept, up to date with the sources. */
class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Test::pinEnvironment(); }

    void complete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << u"en"_s;
        QTest::newRow("German") << u"de"_s;
    }

    void complete()
    {
        QFETCH(QString, language);
        QString declared;
        const QList<Message> messages = readTs(tsPath(language), &declared);
        QVERIFY2(messages.size() > 100, "the .ts file is missing or nearly empty");
        QCOMPARE(declared, language);
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = m.context + u": "_s + m.source;
            if (m.type == u"vanished"_s || m.type == u"obsolete"_s)
                continue;
            if (m.type == u"unfinished"_s)
                problems.append(u"unfinished: "_s + where);
            if (m.translations.isEmpty() || std::any_of(m.translations.begin(), m.translations.end(), [](const QString &t) {
                    return t.trimmed().isEmpty();
                }))
                problems.append(u"missing: "_s + where);
            if (m.numerus && m.translations.size() != 2)
                problems.append(u"needs 2 plural forms: "_s + where);
            for (const QString &t : m.translations) {
                if (placeholders(t) != placeholders(m.source))
                    problems.append(u"placeholders differ: "_s + where + u" → "_s + t);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void upToDateWithSources()
    {
        // lupdate over the GUI's own sources: every string it finds must be in the committed files.
        QTemporaryDir dir;
        const QString fresh = dir.filePath(u"fresh.ts"_s);
        QProcess lupdate;
        // Includes name their layer from the project root ("ui/mainwindow.h"): lupdate needs that root
        // to find the classes' namespace, which is part of every context.
        lupdate.start(QStringLiteral(OPBOX_LUPDATE),
                      {u"-I"_s, QStringLiteral(OPBOX_SOURCE_DIR), QStringLiteral(OPBOX_SOURCE_DIR "/ui"),
                       QStringLiteral(OPBOX_SOURCE_DIR "/models"), u"-silent"_s, u"-locations"_s, u"none"_s, u"-ts"_s, fresh});
        QVERIFY(lupdate.waitForFinished(60000));
        QCOMPARE(lupdate.exitCode(), 0);
        const QList<Message> found = readTs(fresh);
        QVERIFY(found.size() > 100);
        QSet<QString> committed;
        for (const Message &m : readTs(tsPath(u"de"_s)))
            committed.insert(m.context + u'\x1f' + m.source);
        QStringList missing;
        for (const Message &m : found) {
            if (!committed.contains(m.context + u'\x1f' + m.source))
                missing.append(m.context + u": "_s + m.source);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(u"run the update_translations target and translate:\n"_s + missing.join(u'\n')));
    }

    void registryLabelsAreTranslated()
    {
        // The registry translates its own labels with the context "ConnectorTypeRegistry".
        QSet<QString> german;
        for (const Message &m : readTs(tsPath(u"de"_s))) {
            if (m.context == u"ConnectorTypeRegistry"_s && m.type.isEmpty())
                german.insert(m.source);
        }
        QStringList missing;
        for (const auto &type : ConnectorTypeRegistry::all()) {
            for (const auto &list : {type.credentials, type.config}) {
                for (const auto &field : list) {
                    if (!german.contains(field.label))
                        missing.append(type.type + u"."_s + field.name + u": "_s + field.label);
                }
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
    }

    void pluralsInTheCLocale()
    {
        // LANG=C has no translation of its own: the app loads English, which has the plural forms.
        QVERIFY(DesktopApplication::installTranslations(QLocale::c()));
        QCOMPARE(QCoreApplication::translate("Opbox::RunListModel", "%n row(s)", nullptr, 30), u"30 rows"_s);
        QCOMPARE(QCoreApplication::translate("Opbox::RunListModel", "%n row(s)", nullptr, 1), u"1 row"_s);
        QVERIFY(DesktopApplication::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(QCoreApplication::translate("Opbox::RunListModel", "%n row(s)", nullptr, 30), u"30 Zeilen"_s);
        QVERIFY(DesktopApplication::installTranslations(QLocale::c()));
        QVERIFY(Test::installTranslation(QLocale::English));
    }

    void germanWindowsFit_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1440x900") << QSize(1440, 900);
        QTest::newRow("1024x640") << QSize(1024, 640);
    }

    void germanWindowsFit()
    {
        // German words are longer: at both window sizes no status or time in the list is cut,
        // the list needs no horizontal scrolling, and the wizards' and dialogs' mnemonics stay unique.
        QFETCH(QSize, size);
        QVERIFY(Test::installTranslation(QLocale::German));
        Test::GuiFixture f;
        QVERIFY(f.ok());
        ConnectionDraft draft;
        draft.name = u"Vertrieb"_s;
        draft.type = u"CRM_PLATFORM"_s;
        draft.credentials = QJsonObject{{u"apiKey"_s, u"key"_s}};
        auto source = f.engine.engine().connections()->create(f.session->caller(), draft);
        QVERIFY(source);
        QVERIFY(f.engine.engine().connections()->setStatus(source->id, u"ERROR"_s,
                                                           u"HubSpot: GET /crm/v3/objects/contacts answered HTTP 500"_s));
        VariantRequest request;
        request.label = u"EU"_s;
        QVERIFY(f.engine.engine().variants()->create(f.session->caller(), source->id, request));
        draft.name = u"Projekte"_s;
        draft.type = u"PROJECT_MGMT"_s;
        draft.credentials = QJsonObject{{u"accessToken"_s, u"token"_s}};
        QVERIFY(f.engine.engine().connections()->create(f.session->caller(), draft));

        MainWindow window(&f.engine.engine());
        window.attachSession(f.session.get());
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectConnection(source->id);
        const QString suffix = u"-de-%1x%2"_s.arg(size.width()).arg(size.height());
        Test::screenshot(&window, u"mainwindow"_s + suffix);
        QTreeView *view = window.connectionView();
        QVERIFY(!view->horizontalScrollBar()->isVisible());
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            for (int column = 1; column < view->model()->columnCount(); ++column) {
                if (view->isColumnHidden(column))
                    continue;
                const QModelIndex index = view->model()->index(row, column);
                QVERIFY2(view->sizeHintForIndex(index).width() <= view->columnWidth(column), qPrintable(index.data().toString()));
            }
        }

        QVERIFY2(Test::mnemonicClashes(window.detail()->overview()).isEmpty(),
                 qPrintable(Test::mnemonicClashes(window.detail()->overview()).join(u"; "_s)));
        window.action(u"actionEditConnection"_s)->trigger();
        auto *edit = Test::waitForDialog<ConnectionEditDialog>(&window);
        QVERIFY(edit);
        Test::screenshot(edit, u"connection-edit"_s + suffix);
        QVERIFY2(Test::mnemonicClashes(edit).isEmpty(), qPrintable(Test::mnemonicClashes(edit).join(u"; "_s)));
        edit->reject();

        NewConnectionWizard wizard(f.session.get());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        Test::screenshot(&wizard, u"wizard-1-type"_s + suffix);
        wizard.preselectType(u"REGISTRY"_s);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(NewConnectionWizard::CredentialsPageId));
        Test::screenshot(&wizard, u"wizard-2-credentials"_s + suffix);
        QVERIFY2(Test::mnemonicClashes(&wizard).isEmpty(), qPrintable(Test::mnemonicClashes(&wizard).join(u"; "_s)));
        QVERIFY(Test::installTranslation(QLocale::English));
    }

    void germanWindow()
    {
        QVERIFY(Test::installTranslation(QLocale::German));
        Test::GuiFixture f;
        QVERIFY(f.ok());
        MainWindow window(&f.engine.engine());
        window.attachSession(f.session.get());
        auto *newConnection = window.findChild<QAction *>(u"actionNewConnection"_s);
        QCOMPARE(newConnection->text(), u"&Neue Verbindung …"_s);
        const auto menus = window.menuBar()->actions();
        QCOMPARE(menus.first()->text(), u"&Datei"_s);
        window.show();
        Test::screenshot(&window, u"mainwindow-german"_s);
        QVERIFY(Test::installTranslation(QLocale::English));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
