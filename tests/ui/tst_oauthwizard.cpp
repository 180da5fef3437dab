// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/apiserver.h"
#include "engine/services/connectionservice.h"
#include "engine/services/engine.h"
#include "ui/connectortypepage.h"
#include "ui/credentialspage.h"
#include "ui/newconnectionwizard.h"
#include "ui/oauthauthorizepage.h"
#include "ui/oauthclientpage.h"
#include "ui/oauthwizard.h"
#include "uitestsupport.h"
#include "xerofakeserver.h"

#include <QAbstractButton>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Opbox;

/**
 * Plays the system browser for QDesktopServices::openUrl: the provider's consent page (the fake
 * approves and redirects) and then the redirect to our loopback callback, without following
 * redirects by itself, like a browser the user clicks through.
 */
class FakeBrowser : public QObject
{
    Q_OBJECT
public:
    bool follow = true;
    QList<QUrl> opened;
    QUrl redirect; // where the consent page sent the browser (carries the code)

    /** GET without following redirects; the Location header, when there is one. */
    QUrl fetchRedirect(const QUrl &url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_nam.get(request);
        QElapsedTimer timer;
        timer.start();
        while (!reply->isFinished() && timer.elapsed() < 20000)
            QTest::qWait(5);
        const QUrl location = QUrl(QString::fromUtf8(reply->rawHeader("Location")));
        reply->deleteLater();
        return location;
    }

public Q_SLOTS:
    void open(const QUrl &url)
    {
        opened.append(url);
        // The browser works on its own time: not inside the openUrl() call.
        QMetaObject::invokeMethod(
            this,
            [this, url] {
                redirect = fetchRedirect(url);
                if (follow && redirect.isValid())
                    (void)fetchRedirect(redirect); // the callback on our API server completes the sign-in
            },
            Qt::QueuedConnection);
    }

private:
    QNetworkAccessManager m_nam;
};

/** The OAuth wizard and the new-connection wizard's sign-in, through the Xero fake's consent redirect. */
class TestOAuthWizard : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::GuiFixture> m_f;
    std::unique_ptr<Fakes::XeroFakeServer> m_xero;
    FakeBrowser m_browser;

    QUrl publicUrl() const { return m_f->engine.baseUrl(); }

    static void typeInto(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        QTest::keySequence(edit, QKeySequence::SelectAll);
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

    void fillClient(OAuthClientPage *page)
    {
        const QJsonObject credentials = m_xero->credentials();
        typeInto(page->nameEdit(), u"Books"_s);
        typeInto(page->clientIdEdit(), credentials.value(u"client_id"_s).toString());
        typeInto(page->clientSecretEdit(), credentials.value(u"client_secret"_s).toString());
        const QJsonObject config = m_xero->connectorConfig();
        typeInto(page->configEdit(u"baseUrl"_s), config.value(u"baseUrl"_s).toString());
        typeInto(page->configEdit(u"authBaseUrl"_s), config.value(u"authBaseUrl"_s).toString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        QVERIFY(Test::installTranslation(QLocale::English));
        QDesktopServices::setUrlHandler(u"http"_s, &m_browser, "open");
        m_xero = std::make_unique<Fakes::XeroFakeServer>();
        QVERIFY(m_xero->start());
        m_xero->seed(5, 5, 3);
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(u"http"_s);
        m_xero.reset();
    }

    void init()
    {
        m_f = std::make_unique<Test::GuiFixture>(true); // the API server receives the callback
        QVERIFY(m_f->ok());
        m_browser.follow = true;
        m_browser.opened.clear();
        m_browser.redirect = QUrl();
    }

    void cleanup() { m_f.reset(); }

    void consentRedirect()
    {
        OAuthWizard wizard(m_f->session.get(), [this] { return publicUrl(); });
        wizard.setConnectorType(u"ACCOUNTING"_s);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled()); // nothing typed yet
        fillClient(wizard.clientPage());
        QCOMPARE(wizard.clientPage()->clientSecretEdit()->echoMode(), QLineEdit::Password);
        // The redirect URI to register with the provider is shown, in the one spelling the app uses.
        QLineEdit *redirect = wizard.clientPage()->redirectUriEdit();
        QVERIFY(redirect->isReadOnly());
        QString base = publicUrl().toString();
        while (base.endsWith(u'/'))
            base.chop(1);
        QCOMPARE(redirect->text(), base + u"/api/pipelines/oauth/accounting/callback"_s);
        wizard.setConnectorType(u"DOC_SIGNING"_s);
        QCOMPARE(redirect->text(), base + u"/api/pipelines/oauth/doc-signing/callback"_s);
        wizard.setConnectorType(u"ACCOUNTING"_s);
        QTest::qWait(0); // rows added to a visible form are shown by a queued call
        QVERIFY(wizard.clientPage()->configEdit(u"baseUrl"_s)->isVisible());
        fillClient(wizard.clientPage());
        Test::screenshot(&wizard, u"oauth-1-client"_s);
        const QSize clientSize = wizard.size();
        QVERIFY(wizard.button(QWizard::CommitButton)->isEnabled());
        QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(OAuthWizard::AuthorizePageId));
        // The system browser was asked to open the provider's authorize page, with that redirect URI…
        QCOMPARE(m_browser.opened.size(), 1);
        QCOMPARE(m_browser.opened.first().toString(), wizard.authorizePage()->authorizeUrl().toString());
        QCOMPARE(QUrlQuery(wizard.authorizePage()->authorizeUrl()).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded),
                 redirect->text());
        Test::screenshot(&wizard, u"oauth-2-waiting"_s);
        // The long sign-in address does not widen the wizard, and Copy URL puts all of it on the clipboard.
        QCOMPARE(wizard.size(), clientSize);
        QTest::mouseClick(wizard.authorizePage()->copyUrlButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), wizard.authorizePage()->authorizeUrl().toString(QUrl::FullyEncoded));
        // …and the provider's redirect to our loopback callback completes the page by itself.
        QTRY_VERIFY_WITH_TIMEOUT(wizard.authorizePage()->isAuthorized(), 20000);
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        Test::screenshot(&wizard, u"oauth-3-connected"_s);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        auto c = m_f->engine.engine().connections()->record(m_f->session->caller(), wizard.connectionId());
        QVERIFY(c);
        QCOMPARE(c->status, u"CONNECTED"_s);
        QCOMPARE(c->name, u"Books"_s);
        QCOMPARE(c->config.value(u"tenantId"_s).toString(), m_xero->tenantId());
    }

    void pasteCodeInstead()
    {
        m_browser.follow = false; // the browser cannot reach this computer
        OAuthWizard wizard(m_f->session.get(), [this] { return publicUrl(); });
        wizard.setConnectorType(u"ACCOUNTING"_s);
        wizard.show();
        fillClient(wizard.clientPage());
        QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_browser.redirect.isValid(), 20000);
        const QString code = QUrlQuery(m_browser.redirect).queryItemValue(u"code"_s);
        QVERIFY(!code.isEmpty());
        QVERIFY(!wizard.authorizePage()->isAuthorized());
        OAuthAuthorizePage *page = wizard.authorizePage();
        QVERIFY(!page->useCodeButton()->isEnabled());
        page->codeEdit()->setFocus();
        QTest::keyClicks(page->codeEdit(), code);
        QVERIFY(page->useCodeButton()->isEnabled());
        QTest::mouseClick(page->useCodeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page->isAuthorized(), 20000);
        auto c = m_f->engine.engine().connections()->record(m_f->session->caller(), wizard.connectionId());
        QVERIFY(c);
        QCOMPARE(c->status, u"CONNECTED"_s);
    }

    void wrongCodeIsReported()
    {
        m_browser.follow = false;
        OAuthWizard wizard(m_f->session.get(), [this] { return publicUrl(); });
        wizard.setConnectorType(u"ACCOUNTING"_s);
        wizard.show();
        fillClient(wizard.clientPage());
        QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
        OAuthAuthorizePage *page = wizard.authorizePage();
        page->codeEdit()->setFocus();
        QTest::keyClicks(page->codeEdit(), u"not-a-code"_s);
        QTest::keyClick(page->codeEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(page->useCodeButton()->isEnabled(), 20000);
        QVERIFY(!page->isAuthorized());
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    }

    void newConnectionWizardSignsIn()
    {
        NewConnectionWizard wizard(m_f->session.get());
        wizard.setPublicUrlProvider([this] { return publicUrl(); });
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.preselectType(u"ACCOUNTING"_s);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        auto *credentials = qobject_cast<CredentialsPage *>(wizard.currentPage());
        QVERIFY(credentials);
        auto *redirect = qobject_cast<QLineEdit *>(credentials->editor(u"oauth:redirectUri"_s));
        QVERIFY(redirect && redirect->isReadOnly());
        QVERIFY2(redirect->text().startsWith(publicUrl().toString(QUrl::StripTrailingSlash)
                                             + u"/api/pipelines/oauth/accounting/callback"_s),
                 qPrintable(redirect->text()));
        const QJsonObject client = m_xero->credentials();
        typeInto(qobject_cast<QLineEdit *>(credentials->editor(u"credential:client_id"_s)),
                 client.value(u"client_id"_s).toString());
        typeInto(qobject_cast<QLineEdit *>(credentials->editor(u"credential:client_secret"_s)),
                 client.value(u"client_secret"_s).toString());
        const QJsonObject config = m_xero->connectorConfig();
        typeInto(qobject_cast<QLineEdit *>(credentials->editor(u"config:baseUrl"_s)), config.value(u"baseUrl"_s).toString());
        typeInto(qobject_cast<QLineEdit *>(credentials->editor(u"config:authBaseUrl"_s)),
                 config.value(u"authBaseUrl"_s).toString());
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        // OAuth: no test or streams step (they need the sign-in first).
        QCOMPARE(wizard.currentId(), int(NewConnectionWizard::SchedulePageId));
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(NewConnectionWizard::NotifyPageId));
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(NewConnectionWizard::SummaryPageId));
        QVERIFY(wizard.button(QWizard::CommitButton)->isVisible());
        QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(NewConnectionWizard::AuthorizePageId));
        auto *page = qobject_cast<OAuthAuthorizePage *>(wizard.currentPage());
        QCOMPARE(QUrlQuery(page->authorizeUrl()).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded), redirect->text());
        QTRY_VERIFY_WITH_TIMEOUT(page->isAuthorized(), 20000);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(!wizard.createdConnectionId().isEmpty());
        auto c = m_f->engine.engine().connections()->record(m_f->session->caller(), wizard.createdConnectionId());
        QVERIFY(c);
        QCOMPARE(c->status, u"CONNECTED"_s);
        QCOMPARE(c->type, u"ACCOUNTING"_s);
    }

    void accessibleNames()
    {
        OAuthWizard wizard(m_f->session.get(), [this] { return publicUrl(); });
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        const QStringList unnamed = Test::unnamedControls(&wizard);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u"; "_s)));
    }
};

QTEST_MAIN(TestOAuthWizard)
#include "tst_oauthwizard.moc"
