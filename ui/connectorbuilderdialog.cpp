// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectorbuilderdialog.h"
#include "ui/connectorbuilderform.h"
#include "ui/connectorbuildertestreadwidget.h"
#include "ui/errorlabel.h"
#include "ui/manifesteditor.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

enum ProblemRole { LineRole = Qt::UserRole + 1, ColumnRole };

} // namespace

ConnectorBuilderDialog::ConnectorBuilderDialog(ConnectorBuilderActions *actions, QWidget *parent)
    : QDialog(parent)
    , m_actions(actions)
    , m_editor(new ManifestEditor(this))
    , m_problems(new QListWidget(this))
    , m_problemsTitle(new QLabel(this))
    , m_status(new QLabel(this))
    , m_error(new ErrorLabel(tr("Why the last action failed"), this))
    , m_form(new ConnectorBuilderForm(this))
    , m_results(new ConnectorBuilderTestReadWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_new(new QPushButton(tr("&New from template"), this))
    , m_open(new QPushButton(tr("&Open installed"), this))
    , m_openMenu(new QMenu(this))
    , m_testRead(new QPushButton(tr("&Test read"), this))
    , m_install(new QPushButton(tr("&Install"), this))
{
    setWindowTitle(tr("Connector Builder"));
    setObjectName(u"connectorBuilderDialog"_s);
    resize(1180, 760);

    auto *templates = new QMenu(this);
    for (const ConnectorTemplate &t : ConnectorBuilderActions::templates()) {
        QAction *a = templates->addAction(t.title);
        a->setObjectName(u"template-"_s + t.id);
        connect(a, &QAction::triggered, this, [this, id = t.id] { loadTemplate(id); });
    }
    m_new->setMenu(templates);
    m_new->setToolTip(tr("Start from a template (Undo brings the current text back)"));
    m_open->setMenu(m_openMenu);
    m_open->setToolTip(tr("Edit a connector type you installed"));
    connect(m_openMenu, &QMenu::aboutToShow, this, &ConnectorBuilderDialog::fillOpenMenu);

    auto *top = new QHBoxLayout;
    top->addWidget(m_new);
    top->addWidget(m_open);
    top->addWidget(m_status, 1);

    m_editor->setObjectName(u"manifestEditor"_s);
    m_problems->setObjectName(u"manifestProblems"_s);
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setWordWrap(true);
    m_problemsTitle->setBuddy(m_problems);
    connect(m_problems, &QListWidget::itemClicked, this, &ConnectorBuilderDialog::problemActivated);
    connect(m_problems, &QListWidget::itemActivated, this, &ConnectorBuilderDialog::problemActivated);

    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_editor);
    auto *problemsBox = new QWidget(left);
    auto *problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    problemsLayout->addWidget(m_problemsTitle);
    problemsLayout->addWidget(m_problems);
    left->addWidget(problemsBox);
    left->setStretchFactor(0, 4);
    left->setStretchFactor(1, 1);
    left->setSizes({560, 110}); // a few problem lines; the text gets the rest

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Values for the test read"));
    m_tabs->setAccessibleName(tr("Credentials and test results"));
    m_tabs->addTab(scroll, tr("Cr&edentials"));
    m_tabs->addTab(m_results, tr("Test re&sults"));

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    // The editor's lines are long (URLs, descriptions): it gets the larger half in any language.
    split->setSizes({650, 530});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_testRead, QDialogButtonBox::ActionRole);
    buttons->addButton(m_install, QDialogButtonBox::ActionRole);
    m_testRead->setToolTip(tr("Read at most 5 pages or 100 records of each stream; nothing is stored"));
    m_install->setToolTip(tr("Install the connector type; New Connection offers it at once"));
    m_testRead->setAutoDefault(false);
    m_install->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_testRead, &QPushButton::clicked, this, &ConnectorBuilderDialog::startTestRead);
    connect(m_install, &QPushButton::clicked, this, &ConnectorBuilderDialog::installManifest);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(CheckDelayMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &ConnectorBuilderDialog::runCheck);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ConnectorBuilderDialog::textEdited);
    loadTemplate(ConnectorBuilderActions::templates().first().id);
    m_editor->document()->clearUndoRedoStacks();
    m_editor->setFocus();
}

bool ConnectorBuilderDialog::isValid() const
{
    return m_checkedGeneration == m_generation && !m_checkTimer.isActive() && m_check.valid();
}

void ConnectorBuilderDialog::loadTemplate(const QString &id)
{
    m_editor->replaceText(ConnectorBuilderActions::templateText(id));
    m_editor->setFocus();
}

void ConnectorBuilderDialog::openInstalled(const QString &type)
{
    auto text = m_actions->installedText(type);
    if (!text) {
        m_error->showMessage(text.error().message);
        return;
    }
    m_editor->replaceText(*text);
    m_editor->setFocus();
}

void ConnectorBuilderDialog::fillOpenMenu()
{
    m_openMenu->clear();
    auto types = m_actions->installedTypes();
    if (!types) {
        m_openMenu->addAction(types.error().message)->setEnabled(false);
        return;
    }
    if (types->isEmpty())
        m_openMenu->addAction(tr("No connector types installed yet"))->setEnabled(false);
    for (const QString &type : std::as_const(*types)) {
        QAction *open = m_openMenu->addAction(type);
        open->setObjectName(u"installed-"_s + type);
        connect(open, &QAction::triggered, this, [this, type] { openInstalled(type); });
    }
}

void ConnectorBuilderDialog::textEdited()
{
    ++m_generation;
    m_checkTimer.start();
    setStatus(tr("Checking…"));
    updateButtons();
}

void ConnectorBuilderDialog::runCheck()
{
    const int generation = m_generation;
    m_actions->check(m_editor->toPlainText(), this, [this, generation](ManifestCheck check) {
        if (generation != m_generation)
            return; // the text changed meanwhile; its own check follows
        m_checkedGeneration = generation;
        showCheck(check);
    });
}

void ConnectorBuilderDialog::showCheck(const ManifestCheck &check)
{
    m_check = check;
    QMap<int, QString> lines;
    m_problems->clear();
    for (const ManifestProblem &p : check.problems) {
        QString &text = lines[p.line];
        text += (text.isEmpty() ? QString() : u"\n"_s) + p.message;
        const QString where = p.path.isEmpty() ? tr("Line %1").arg(p.line) : tr("Line %1, %2").arg(p.line).arg(p.path);
        auto *item = new QListWidgetItem(tr("%1: %2").arg(where, p.message), m_problems);
        item->setData(LineRole, p.line);
        item->setData(ColumnRole, p.column);
        item->setToolTip(item->text());
    }
    m_editor->setProblemLines(lines);
    m_problemsTitle->setText(check.problems.isEmpty() ? tr("&Problems: none")
                                                      : tr("&Problems (%n)", nullptr, int(check.problems.size())));
    if (check.parsed)
        m_form->setFields(check.credentials, check.config);
    if (check.valid())
        setStatus(tr("%1 is valid.").arg(check.type));
    else
        setStatus(tr("%n problem(s) to fix before a test read or install.", nullptr, int(check.problems.size())));
    updateButtons();
    Q_EMIT checked();
}

void ConnectorBuilderDialog::problemActivated(QListWidgetItem *item)
{
    if (!item)
        return;
    m_editor->goTo(item->data(LineRole).toInt(), item->data(ColumnRole).toInt());
    m_editor->setFocus();
}

void ConnectorBuilderDialog::startTestRead()
{
    if (!isValid() || m_reading)
        return;
    m_reading = true;
    m_error->hide();
    setStatus(tr("Reading a few pages of each stream…"));
    updateButtons();
    m_actions->testRead(m_check.document, m_form->credentials(), m_form->config(), this,
                        [this](Result<QList<TestReadStreamResult>> result) { showTestRead(result); });
}

void ConnectorBuilderDialog::showTestRead(const Result<QList<TestReadStreamResult>> &result)
{
    m_reading = false;
    if (!result) {
        m_results->clear();
        m_error->showMessage(result.error().message);
        setStatus(tr("The test read failed."));
    } else {
        m_results->setResults(*result);
        m_tabs->setCurrentWidget(m_results);
        const auto failed
            = std::count_if(result->begin(), result->end(), [](const TestReadStreamResult &s) { return !s.error.isEmpty(); });
        setStatus(failed ? tr("Test read done: %n stream(s) failed.", nullptr, int(failed))
                         : tr("Test read done: %n stream(s) read.", nullptr, int(result->size())));
    }
    updateButtons();
    Q_EMIT testReadFinished();
}

void ConnectorBuilderDialog::installManifest()
{
    if (!isValid())
        return;
    m_error->hide();
    if (auto ok = m_actions->install(m_check.document); !ok) {
        m_error->showMessage(ok.error().message);
        return;
    }
    setStatus(tr("%1 is installed: New Connection offers it now.").arg(m_check.type));
    Q_EMIT installed(m_check.type);
}

void ConnectorBuilderDialog::updateButtons()
{
    const bool valid = isValid();
    m_testRead->setEnabled(valid && !m_reading && m_actions->canTestRead());
    m_install->setEnabled(valid && m_actions->canInstall());
    if (!m_actions->canInstall())
        m_install->setToolTip(tr("Only the installation's owner can install connector types"));
}

void ConnectorBuilderDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

} // namespace Opbox
