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

void ConnectionActionController::runNow()
{
    OwnerSession *session = m_window->session();
    const QString id = m_window->currentConnectionId();
    if (id.isEmpty() || !session)
        return;
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
    m_window->showStatus(tr("Sync of \"%1\" started.").arg(name));
    connections->refresh(id);
    m_window->detail()->showTab(ConnectionDetailWidget::RunsTab);
}

void ConnectionActionController::stopRun()
{
    OwnerSession *session = m_window->session();
    const QString id = m_window->currentConnectionId();
    if (id.isEmpty() || !session)
        return;
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
    QString message = tr("%n sync(s) started.", nullptr, *started);
    if (*started < total)
        message += u' ' + tr("Others are disabled or already running.");
    m_window->showStatus(message);
}

void ConnectionActionController::editConnection()
{
    OwnerSession *session = m_window->session();
    const QString id = m_window->currentConnectionId();
    if (id.isEmpty() || !session)
        return;
    auto *dialog = new ConnectionEditDialog(session, id, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, id] {
        m_window->connectionModel()->refresh(id);
        m_window->showStatus(tr("Connection saved."));
    });
    dialog->open();
    Q_EMIT dialogOpened(dialog);
}

void ConnectionActionController::newVariant()
{
    OwnerSession *session = m_window->session();
    const QString id = m_window->currentConnectionId();
    if (id.isEmpty() || !session)
        return;
    auto *wizard = new VariantWizard(session, id, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        const QString created = wizard->createdConnectionId();
        m_window->connectionModel()->refresh(created);
        m_window->connectionModel()->refresh(wizard->sourceConnectionId());
        m_window->selectConnection(created);
        m_window->showStatus(tr("Variant created."));
    });
    wizard->open();
    Q_EMIT dialogOpened(wizard);
}

void ConnectionActionController::resetCursor()
{
    OwnerSession *session = m_window->session();
    const QString id = m_window->currentConnectionId();
    if (id.isEmpty() || !session)
        return;
    auto *wizard = new CursorResetWizard(session, id, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::accepted, this, [this, wizard] { m_window->showStatus(wizard->resultMessage()); });
    wizard->open();
    Q_EMIT dialogOpened(wizard);
}

void ConnectionActionController::authorize()
{
    OwnerSession *session = m_window->session();
    const QString id = m_window->currentConnectionId();
    if (id.isEmpty() || !session || m_window->connectionModel()->connection(id).isEmpty())
        return;
    auto *wizard = new OAuthWizard(session, [this] { return m_window->publicUrl(); }, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setExistingConnection(id);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        m_window->connectionModel()->refresh(wizard->connectionId());
        m_window->showStatus(tr("Authorized."));
    });
    wizard->open();
    Q_EMIT dialogOpened(wizard);
}

void ConnectionActionController::newConnection(const QString &type)
{
    OwnerSession *session = m_window->session();
    if (!session)
        return;
    auto *wizard = new NewConnectionWizard(session, m_window);
    wizard->setPublicUrlProvider([this] { return m_window->publicUrl(); });
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (!type.isEmpty())
        wizard->preselectType(type);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        const QString id = wizard->createdConnectionId();
        // The model hears about the new row through the service's signal; make sure it is there now.
        m_window->connectionModel()->refresh(id);
        m_window->selectConnection(id);
        m_window->showStatus(tr("Connection \"%1\" created.").arg(wizard->name));
    });
    wizard->open();
    Q_EMIT dialogOpened(wizard);
}

void ConnectionActionController::deleteConnection()
{
    OwnerSession *session = m_window->session();
    const QString id = m_window->currentConnectionId();
    if (id.isEmpty() || !session)
        return;
    const QString name = m_window->connectionModel()->connection(id).value(u"name"_s).toString();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Connection"),
                                tr("Delete the connection \"%1\"?").arg(name), QMessageBox::NoButton, m_window);
    box->setInformativeText(tr("Its credentials, runs and webhook URL are removed. Synced Opbox tables are kept."));
    QPushButton *deleteButton = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    deleteButton->setObjectName(u"confirmDelete"_s);
    QPushButton *cancel = box->addButton(tr("&Cancel"), QMessageBox::RejectRole);
    box->setDefaultButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
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
    box->open();
    Q_EMIT dialogOpened(box);
}

} // namespace Opbox
