// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectiontestpage.h"
#include "models/connectionactions.h"
#include "models/connectorcatalog.h"
#include "models/iconlibrary.h"
#include "models/ownersession.h"
#include "ui/newconnectionwizard.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

ConnectionTestPage::ConnectionTestPage(QWidget *parent)
    : QWizardPage(parent)
    , m_icon(new QLabel(this))
    , m_result(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_retry(new QPushButton(IconLibrary::action(u"refresh"_s), tr("Test &Again"), this))
    , m_skip(new QCheckBox(tr("&Save the connection without a successful test"), this))
{
    setTitle(tr("Test"));
    setSubTitle(tr("Opbox Pipelines asks the provider whether these credentials work. Nothing is saved yet."));
    m_icon->setFixedSize(24, 24);
    m_result->setWordWrap(true);
    // The provider's answer is quoted as it is, never interpreted as markup.
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_result->setAccessibleName(tr("Test result"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Testing"));
    m_retry->setAccessibleName(tr("Test the credentials again"));
    m_skip->setAccessibleName(tr("Save the connection without a successful test"));
    m_skip->setToolTip(tr("For example when the provider cannot be reached from here right now."));

    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(m_icon, 0, Qt::AlignTop);
    resultRow->addWidget(m_result, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_busy);
    layout->addLayout(resultRow);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addStretch(1);
    layout->addWidget(m_skip);

    connect(m_retry, &QPushButton::clicked, this, &ConnectionTestPage::runTest);
    connect(m_skip, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
}

void ConnectionTestPage::initializePage()
{
    m_skip->setChecked(false);
    runTest();
}

void ConnectionTestPage::runTest()
{
    auto *w = static_cast<NewConnectionWizard *>(wizard());
    const ConnectorTypeEntry *type = w->connectorType();
    if (!type)
        return;
    m_testing = true;
    m_success = false;
    const quint64 attempt = ++m_attempt;
    m_busy->show();
    m_retry->setEnabled(false);
    m_icon->clear();
    m_result->setText(tr("Asking %1…").arg(type->service));
    Q_EMIT completeChanged();
    NewConnection draft;
    draft.type = type->type;
    draft.credentials = w->credentials;
    draft.config = w->config;
    // Runs on the ConnectorService's own thread; the answer is delivered back to this page's thread.
    ConnectionActions(w->session()).test(draft, this, [this, attempt](Result<ProviderAnswer> result) {
        if (attempt != m_attempt)
            return; // an older test's answer after Test Again
        m_testing = false;
        m_busy->hide();
        m_retry->setEnabled(true);
        QString message;
        if (!result) {
            m_success = false;
            message = result.error().message;
        } else {
            m_success = result->success;
            message = result->message;
        }
        m_icon->setPixmap(IconLibrary::connectionStatus(m_success ? u"CONNECTED"_s : u"ERROR"_s).pixmap(20, 20));
        m_result->setText(m_success ? tr("The credentials work. The provider says: %1").arg(message)
                                    : tr("The test failed: %1").arg(message));
        Q_EMIT testFinished(m_success, message);
        Q_EMIT completeChanged();
    });
}

bool ConnectionTestPage::isComplete() const
{
    return !m_testing && (m_success || m_skip->isChecked());
}

bool ConnectionTestPage::validatePage()
{
    return isComplete();
}

} // namespace Opbox
