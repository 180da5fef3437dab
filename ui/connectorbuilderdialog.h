// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/connectorbuilderactions.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QPushButton;
class QTabWidget;

namespace Opbox {

class ConnectorBuilderForm;
class ConnectorBuilderTestReadWidget;
class ErrorLabel;
class ManifestEditor;

/**
 * The Connector Builder: write a connector type as a manifest (from a template or an installed
 * one), see its problems marked as you type, test-read it with credentials from a form generated
 * from the manifest itself, and install it so that New Connection offers it.
 */
class ConnectorBuilderDialog : public QDialog
{
    Q_OBJECT
public:
    /** How long typing must pause before the manifest is checked. */
    static constexpr int CheckDelayMs = 300;

    explicit ConnectorBuilderDialog(ConnectorBuilderActions *actions, QWidget *parent = nullptr);

    [[nodiscard]] ManifestEditor *editor() const { return m_editor; }
    [[nodiscard]] QListWidget *problemList() const { return m_problems; }
    [[nodiscard]] ConnectorBuilderForm *form() const { return m_form; }
    [[nodiscard]] ConnectorBuilderTestReadWidget *testReadView() const { return m_results; }
    [[nodiscard]] QPushButton *testReadButton() const { return m_testRead; }
    [[nodiscard]] QPushButton *installButton() const { return m_install; }
    [[nodiscard]] QPushButton *templateButton() const { return m_new; }
    [[nodiscard]] QPushButton *openButton() const { return m_open; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    /** The outcome of the last check that matches the text (not valid while a check is due). */
    [[nodiscard]] bool isValid() const;
    /** Starts from a template's text (one edit: Undo brings the previous text back). */
    void loadTemplate(const QString &id);
    /** Starts from an installed user type's manifest. */
    void openInstalled(const QString &type);

Q_SIGNALS:
    /** A check's outcome was shown (tests wait for it). */
    void checked();
    /** A test read's outcome was shown. */
    void testReadFinished();
    /** A type was installed. */
    void installed(const QString &type);

private:
    void textEdited();
    void runCheck();
    void showCheck(const ManifestCheck &check);
    void startTestRead();
    void showTestRead(const Result<QList<TestReadStreamResult>> &result);
    void installManifest();
    void fillOpenMenu();
    void problemActivated(QListWidgetItem *item);
    void updateButtons();
    void setStatus(const QString &text);

    ConnectorBuilderActions *m_actions;
    ManifestEditor *m_editor;
    QListWidget *m_problems;
    QLabel *m_problemsTitle;
    QLabel *m_status;
    ErrorLabel *m_error;
    ConnectorBuilderForm *m_form;
    ConnectorBuilderTestReadWidget *m_results;
    QTabWidget *m_tabs;
    QPushButton *m_new;
    QPushButton *m_open;
    QMenu *m_openMenu;
    QPushButton *m_testRead;
    QPushButton *m_install;
    QTimer m_checkTimer;
    ManifestCheck m_check;
    int m_generation = 0; // the text's edit count; a check answers for the generation it read
    int m_checkedGeneration = -1;
    bool m_reading = false;
};

} // namespace Opbox
