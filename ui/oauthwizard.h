// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWizard>
#include <functional>

namespace Opbox {

class OAuthAuthorizePage;
class OAuthClientPage;
class OwnerSession;

/**
 * Connects (or re-authorizes) an OAuth connection: the app's client id and secret, then the
 * provider's sign-in in the system browser with the loopback callback or a pasted code.
 */
class OAuthWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { ClientPageId = 10, AuthorizePageId = 20 };

    OAuthWizard(OwnerSession *session, std::function<QUrl()> publicUrl, QWidget *parent = nullptr);

    /** Re-authorizes an existing connection: its type is fixed and the stored client is kept unless replaced. */
    void setExistingConnection(const QString &connectionId);
    /** Preselects the connector type of a new connection. */
    void setConnectorType(const QString &type);

    [[nodiscard]] QString connectionId() const;
    [[nodiscard]] OAuthClientPage *clientPage() const { return m_client; }
    [[nodiscard]] OAuthAuthorizePage *authorizePage() const { return m_authorize; }

private:
    OAuthClientPage *m_client;
    OAuthAuthorizePage *m_authorize;
};

} // namespace Opbox
