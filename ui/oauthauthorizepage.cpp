// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/oauthauthorizepage.h"
#include "models/connectionactions.h"
#include "models/iconlibrary.h"
#include "models/oauthactions.h"
#include "models/ownersession.h"
#include "ui/uilogging.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

OAuthAuthorizePage::OAuthAuthorizePage(OwnerSession *session, std::function<QUrl()> publicUrl,
                                       std::function<OAuthSignIn()> request, QWidget *parent)
    : QWizardPage(parent)
    , m_publicUrl(std::move(publicUrl))
    , m_request(std::move(request))
    , m_connections(new ConnectionActions(session, this))
    , m_oauth(new OAuthActions(session, this))
    , m_state(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_open(new QPushButton(IconLibrary::action(u"authorize"_s), tr("&Open the Sign-in Page Again"), this))
    , m_link(new QLineEdit(this))
    , m_copy(new QPushButton(IconLibrary::action(u"copy"_s), tr("&Copy URL"), this))
    , m_code(new QLineEdit(this))
    , m_useCode(new QPushButton(tr("&Use Code"), this))
    , m_retry(new QPushButton(IconLibrary::action(u"refresh"_s), tr("&Try Again"), this))
{
    setTitle(tr("Sign In"));
    setSubTitle(tr("Allow Opbox Pipelines to read your data in the browser window that opens. "
                   "This page continues by itself when the provider sends you back."));
    m_state->setWordWrap(true);
    // It may quote the provider's error: plain text, never markup.
    m_state->setTextFormat(Qt::PlainText);
    m_state->setAccessibleName(tr("Sign-in state"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Waiting for the sign-in"));
    m_open->setAccessibleName(tr("Open the sign-in page again"));
    // One line that scrolls: a long address neither wraps into a wall of text nor widens the wizard.
    m_link->setReadOnly(true);
    m_link->setAccessibleName(tr("Sign-in address"));
    m_copy->setAccessibleName(tr("Copy the sign-in address"));
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_url.toString(QUrl::FullyEncoded));
        m_state->setText(tr("The sign-in address is on the clipboard: open it in a browser where you can sign in."));
    });
    m_code->setAccessibleName(tr("Authorization code"));
    m_code->setPlaceholderText(tr("Paste the code from the address the browser shows"));
    m_useCode->setAccessibleName(tr("Use the pasted code"));
    m_useCode->setEnabled(false);
    m_retry->setAccessibleName(tr("Try the sign-in again"));
    m_retry->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_retry);
    buttons->addStretch(1);

    auto *fallback = new QLabel(tr("If the browser cannot reach this computer, copy the value of \"code\" from the "
                                   "address it ends on and paste it here:"),
                                this);
    fallback->setWordWrap(true);
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_code, 1);
    codeRow->addWidget(m_useCode);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_busy);
    layout->addLayout(buttons);
    auto *linkRow = new QHBoxLayout;
    auto *linkLabel = new QLabel(tr("Sign-in &page:"), this);
    linkLabel->setBuddy(m_link);
    linkRow->addWidget(linkLabel);
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(m_copy);
    layout->addLayout(linkRow);
    layout->addSpacing(16);
    layout->addWidget(fallback);
    layout->addLayout(codeRow);
    layout->addStretch(1);

    connect(m_open, &QPushButton::clicked, this, &OAuthAuthorizePage::openBrowser);
    connect(m_retry, &QPushButton::clicked, this, &OAuthAuthorizePage::start);
    connect(m_useCode, &QPushButton::clicked, this, &OAuthAuthorizePage::useCode);
    connect(m_code, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_useCode->setEnabled(!text.trimmed().isEmpty() && !m_connectionId.isEmpty() && !m_done && !m_exchanging);
    });
    connect(m_code, &QLineEdit::returnPressed, this, &OAuthAuthorizePage::useCode);

    // The browser's redirect reaches the API server's thread; the engine tells us when the tokens are stored.
    connect(m_oauth, &OAuthActions::connectionAuthorized, this, [this](const QString &connectionId) {
        if (connectionId == m_connectionId && !m_done)
            finish(tr("Connected. The streams were discovered; the connection is ready to sync."));
    });
    // A refused or failed callback leaves the connection DISCONNECTED with the reason as its message.
    connect(m_connections, &ConnectionActions::connectionChanged, this, [this](const QString &connectionId) {
        if (connectionId != m_connectionId || m_done || m_exchanging)
            return;
        auto record = m_connections->facts(connectionId);
        if (record && record->status == u"CONNECTED"_s)
            finish(tr("Connected. The connection is ready to sync."));
        else if (record && !record->statusMessage.isEmpty() && record->statusMessage != m_knownReason) {
            m_knownReason = record->statusMessage;
            fail(tr("The provider did not grant access: %1").arg(record->statusMessage));
        }
    });
}

void OAuthAuthorizePage::initializePage()
{
    if (!m_done)
        start();
}

void OAuthAuthorizePage::start()
{
    m_retry->hide();
    OAuthSignIn request = m_request();
    m_type = request.type;
    // A second attempt re-authorizes the connection the first one created.
    if (!m_connectionId.isEmpty()) {
        request = OAuthSignIn{};
        request.type = m_type;
        request.connectionId = m_connectionId;
    }
    auto result = m_oauth->authorize(request, m_publicUrl ? m_publicUrl() : QUrl());
    if (!result) {
        fail(result.error().message);
        return;
    }
    m_connectionId = result->connectionId;
    m_url = result->authorizeUrl;
    // Only a reason recorded after this point is news about this attempt.
    if (auto record = m_connections->facts(m_connectionId))
        m_knownReason = record->statusMessage;
    m_link->setText(m_url.toString(QUrl::FullyEncoded));
    m_link->setCursorPosition(0);
    m_state->setText(tr("Waiting for you to sign in in the browser…"));
    m_busy->show();
    m_open->show();
    m_code->setEnabled(true);
    openBrowser();
}

void OAuthAuthorizePage::openBrowser()
{
    if (!m_url.isValid())
        return;
    if (!QDesktopServices::openUrl(m_url))
        m_state->setText(tr("No browser could be opened. Open the address below yourself, then paste the code."));
}

void OAuthAuthorizePage::useCode()
{
    const QString code = m_code->text().trimmed();
    if (code.isEmpty() || m_connectionId.isEmpty() || m_done || m_exchanging)
        return;
    m_exchanging = true;
    m_useCode->setEnabled(false);
    m_state->setText(tr("Exchanging the code…"));
    // The token request goes to the provider from the OAuth service's thread.
    m_oauth->exchange(m_type, m_connectionId, code, this, [this](Result<void> result) {
        m_exchanging = false;
        if (!result) {
            fail(tr("The code was not accepted: %1").arg(result.error().message));
            m_useCode->setEnabled(!m_code->text().trimmed().isEmpty());
            return;
        }
        finish(tr("Connected. The streams were discovered; the connection is ready to sync."));
    });
}

void OAuthAuthorizePage::finish(const QString &message)
{
    m_done = true;
    m_busy->hide();
    m_open->hide();
    m_retry->hide();
    m_code->setEnabled(false);
    m_useCode->setEnabled(false);
    m_state->setText(message);
    qCInfo(lcUi) << "connection authorized" << m_connectionId;
    Q_EMIT authorized(m_connectionId);
    Q_EMIT completeChanged();
}

void OAuthAuthorizePage::fail(const QString &message)
{
    m_state->setText(message);
    m_busy->hide();
    m_retry->show();
}

bool OAuthAuthorizePage::isComplete() const
{
    return m_done;
}

} // namespace Opbox
