// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settingsdialog.h"
#include "models/apiservercontroller.h"
#include "models/installationinfo.h"
#include "models/notificationsettings.h"
#include "models/ownersession.h"
#include "ui/errorlabel.h"
#include "ui/uistrings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(OwnerSession *session, ApiServerController *api, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_api(api)
    , m_apiEnabled(new QCheckBox(tr("&Run the REST API server"), this))
    , m_port(new QSpinBox(this))
    , m_publicUrl(new QLineEdit(this))
    , m_apiState(new QLabel(this))
    , m_workers(new QSpinBox(this))
    , m_onSuccess(new QCheckBox(tr("When a sync &completes"), this))
    , m_onFailure(new QCheckBox(tr("When a sync &fails"), this))
    , m_error(new ErrorLabel(tr("Problem with the settings"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Settings"));

    const ApiServerController::Config config = api->config();
    auto *apiBox = new QGroupBox(tr("API server"), this);
    auto *apiForm = new QFormLayout(apiBox);
    m_apiEnabled->setChecked(config.enabled);
    m_apiEnabled->setAccessibleName(tr("Run the REST API server"));
    m_port->setRange(1, 65535);
    m_port->setValue(config.port);
    m_port->setAccessibleName(tr("API server port"));
    m_publicUrl->setText(config.publicUrl.toString());
    m_publicUrl->setPlaceholderText(tr("http://127.0.0.1:%1 (default)").arg(config.port));
    m_publicUrl->setAccessibleName(tr("Public URL"));
    m_publicUrl->setToolTip(tr("The base of webhook and OAuth redirect URLs, e.g. the address of a reverse proxy."));
    m_apiState->setWordWrap(true);
    m_apiState->setAccessibleName(tr("API server state"));
    apiForm->addRow(m_apiEnabled);
    apiForm->addRow(buddyLabel(tr("&Port:"), m_port, apiBox), m_port);
    apiForm->addRow(buddyLabel(tr("P&ublic URL:"), m_publicUrl, apiBox), m_publicUrl);
    apiForm->addRow(tr("State:"), m_apiState);
    auto *listenNote = new QLabel(tr("The server only listens on %1; it is never reachable from other machines "
                                     "unless you put a proxy in front of it.")
                                      .arg(api->address().toString()),
                                  apiBox);
    listenNote->setWordWrap(true);
    listenNote->setForegroundRole(QPalette::PlaceholderText);
    apiForm->addRow(listenNote);
    connect(m_apiEnabled, &QCheckBox::toggled, m_port, &QWidget::setEnabled);
    connect(m_apiEnabled, &QCheckBox::toggled, m_publicUrl, &QWidget::setEnabled);
    m_port->setEnabled(config.enabled);
    m_publicUrl->setEnabled(config.enabled);

    auto *syncBox = new QGroupBox(tr("Syncing"), this);
    auto *syncForm = new QFormLayout(syncBox);
    m_workers->setRange(1, 32);
    m_workers->setValue(config.workers);
    m_workers->setAccessibleName(tr("Concurrent sync runs"));
    syncForm->addRow(buddyLabel(tr("Concurrent &runs:"), m_workers, syncBox), m_workers);
    auto *workersNote = new QLabel(tr("A new number takes effect the next time Opbox Pipelines starts."), syncBox);
    workersNote->setWordWrap(true);
    workersNote->setForegroundRole(QPalette::PlaceholderText);
    syncForm->addRow(workersNote);

    auto *securityBox = new QGroupBox(tr("Security"), this);
    auto *securityForm = new QFormLayout(securityBox);
    auto *keyStore = new QLabel(InstallationInfo::keyStoreDescription(session->engine()), securityBox);
    keyStore->setWordWrap(true);
    keyStore->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    keyStore->setAccessibleName(tr("Where the master key lives"));
    securityForm->addRow(tr("Master key:"), keyStore);
    auto *dataDir = new QLabel(InstallationInfo::dataDir(session->engine()), securityBox);
    dataDir->setWordWrap(true);
    dataDir->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    dataDir->setAccessibleName(tr("Data directory"));
    securityForm->addRow(tr("Data directory:"), dataDir);

    auto *notifyBox = new QGroupBox(tr("Notify me"), this);
    auto *notifyLayout = new QVBoxLayout(notifyBox);
    const NotificationSettings prefs(session);
    m_onSuccess->setChecked(prefs.onSuccess());
    m_onFailure->setChecked(prefs.onFailure());
    m_onSuccess->setAccessibleName(tr("Notify me when a sync completes"));
    m_onFailure->setAccessibleName(tr("Notify me when a sync fails"));
    notifyLayout->addWidget(m_onSuccess);
    notifyLayout->addWidget(m_onFailure);

    UiStrings::translateButtons(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(apiBox);
    layout->addWidget(syncBox);
    layout->addWidget(securityBox);
    layout->addWidget(notifyBox);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(api, &ApiServerController::stateChanged, this, &SettingsDialog::updateState);
    updateState();
    resize(520, sizeHint().height());
}

void SettingsDialog::updateState()
{
    m_apiState->setText(m_api->stateText());
}

void SettingsDialog::accept()
{
    ApiServerController::Config config = m_api->config();
    config.enabled = m_apiEnabled->isChecked();
    config.port = quint16(m_port->value());
    config.workers = m_workers->value();
    const QString url = m_publicUrl->text().trimmed();
    if (url.isEmpty()) {
        config.publicUrl = QUrl();
    } else {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != u"http"_s && parsed.scheme() != u"https"_s) || parsed.host().isEmpty()) {
            m_error->showMessage(tr("The public URL must be an http:// or https:// address."));
            m_publicUrl->setFocus();
            return;
        }
        config.publicUrl = parsed;
    }
    auto prefs = NotificationSettings(m_session).save(m_onSuccess->isChecked(), m_onFailure->isChecked());
    if (!prefs) {
        m_error->showMessage(prefs.error().message);
        return;
    }
    m_api->apply(config);
    QDialog::accept();
}

} // namespace Opbox
