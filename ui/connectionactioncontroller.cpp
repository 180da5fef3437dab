// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectionactioncontroller.h"
#include "models/connectionactions.h"
#include "models/connectionlistmodel.h"
#include "models/ownersession.h"
#include "models/runactions.h"
#include "ui/connectiondetailwidget.h"
#include "ui/connectioneditdialog.h"
#include "ui/cursorresetwizard.h"
#include "ui/mainwindow.h"
#include "ui/newconnectionwizard.h"
#include "ui/oauthwizard.h"
#include "ui/variantwizard.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Opbox {

ConnectionActionController::ConnectionActionController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
}

QString ConnectionActionController::selectedId() const
{
    return m_window->session() ? m_window->currentConnectionId() : QString();
}

void ConnectionActionController::open(QDialog *dialog, const std::function<void()> &onAccepted)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (onAccepted)
        connect(dialog, &QDialog::accepted, this, onAccepted);
    dialog->open();
    Q_EMIT dialogOpened(dialog);
}

void ConnectionActionController::runNow()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    OwnerSession *session = m_window->session();
    ConnectionListModel *connections = m_window->connectionModel();
    const QString name = connections->connection(id).value(u"name"_s).toString();
    auto run = RunActions(session).trigger(id);
    if (!run) {
        if (run.error().code == u"RUN_ACTIVE"_s)
            m_window->showStatus(tr("A sync of \"%1\" is already running.").arg(name));
        else
            m_window->showError(run.error().message);
        return;
    }
    m_window->trackRun(id, *run);
    m_window->showStatus(tr("Sync of \"%1\" started.").arg(name));
    connections->refresh(id);
    m_window->detail()->showTab(ConnectionDetailWidget::RunsTab);
}

void ConnectionActionController::stopRun()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    OwnerSession *session = m_window->session();
    auto stopped = RunActions(session).stop(id);
    if (!stopped) {
        m_window->showError(stopped.error().message);
        return;
    }
    m_window->showStatus(*stopped ? tr("Sync stopped; what it had saved is kept.") : tr("No sync is running."));
    m_window->connectionModel()->refresh(id);
}

void ConnectionActionController::runAll()
{
    OwnerSession *session = m_window->session();
    if (!session)
        return;
    auto started = RunActions(session).runAll();
    if (!started) {
        m_window->showError(started.error().message);
        return;
    }
    const int total = m_window->connectionModel()->rowCount();
    for (const StartedRun &run : std::as_const(*started))
        m_window->trackRun(run.connectionId, run.runId);
    const int count = int(started->size());
    QString message = tr("%n sync(s) started.", nullptr, count);
    if (count < total)
        message += u' ' + tr("Others are disabled or already running.");
    m_window->showStatus(message);
}

void ConnectionActionController::editConnection()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    OwnerSession *session = m_window->session();
    open(new ConnectionEditDialog(session, id, m_window), [this, id] {
        m_window->connectionModel()->refresh(id);
        m_window->showStatus(tr("Connection saved."));
    });
}

void ConnectionActionController::newVariant()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    OwnerSession *session = m_window->session();
    auto *wizard = new VariantWizard(session, id, m_window);
    open(wizard, [this, wizard] {
        const QString created = wizard->createdConnectionId();
        m_window->connectionModel()->refresh(created);
        m_window->connectionModel()->refresh(wizard->sourceConnectionId());
        m_window->selectConnection(created);
        m_window->showStatus(tr("Variant created."));
    });
}

void ConnectionActionController::resetCursor()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    OwnerSession *session = m_window->session();
    auto *wizard = new CursorResetWizard(session, id, m_window);
    open(wizard, [this, wizard] { m_window->showStatus(wizard->resultMessage()); });
}

void ConnectionActionController::authorize()
{
    const QString id = selectedId();
    if (id.isEmpty() || m_window->connectionModel()->connection(id).isEmpty())
        return;
    OwnerSession *session = m_window->session();
    auto *wizard = new OAuthWizard(
        session, [this] { return m_window->publicUrl(); }, m_window);
    wizard->setExistingConnection(id);
    open(wizard, [this, wizard] {
        m_window->connectionModel()->refresh(wizard->connectionId());
        m_window->showStatus(tr("Authorized."));
    });
}

void ConnectionActionController::newConnection(const QString &type)
{
    OwnerSession *session = m_window->session();
    if (!session)
        return;
    auto *wizard = new NewConnectionWizard(session, m_window);
    wizard->setPublicUrlProvider([this] { return m_window->publicUrl(); });
    if (!type.isEmpty())
        wizard->preselectType(type);
    open(wizard, [this, wizard] {
        const QString id = wizard->createdConnectionId();
        // The model hears about the new row through the service's signal; make sure it is there now.
        m_window->connectionModel()->refresh(id);
        m_window->selectConnection(id);
        m_window->trackRun(id, wizard->firstRunId);
        m_window->showStatus(tr("Connection \"%1\" created.").arg(wizard->name));
    });
}

void ConnectionActionController::deleteConnection()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    OwnerSession *session = m_window->session();
    const QString name = m_window->connectionModel()->connection(id).value(u"name"_s).toString();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Connection"), tr("Delete the connection \"%1\"?").arg(name),
                                QMessageBox::NoButton, m_window);
    box->setInformativeText(tr("Its credentials, runs and webhook URL are removed. Synced Opbox tables are kept."));
    QPushButton *deleteButton = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    deleteButton->setObjectName(u"confirmDelete"_s);
    QPushButton *cancel = box->addButton(tr("&Cancel"), QMessageBox::RejectRole);
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, session, box, deleteButton, id, name] {
        if (box->clickedButton() != deleteButton)
            return;
        auto removed = ConnectionActions(session).remove(id);
        if (!removed) {
            m_window->showError(removed.error().message);
            return;
        }
        m_window->showStatus(tr("Connection \"%1\" deleted.").arg(name));
    });
    open(box, {});
}

} // namespace Opbox
