// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/connectorcatalog.h"
#include "models/newconnection.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>
#include <QWizard>
#include <functional>

namespace Opbox {

class OAuthAuthorizePage;
class OwnerSession;

/**
 * Creates a connection step by step: type → credentials form generated from the
 * connector's field spec → test → streams → schedule → who is notified → summary. Each page
 * validates before Next; the summary saves the draft through ConnectionActions.
 * For OAuth types the test and streams steps give way to the provider's sign-in after the summary.
 */
class NewConnectionWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId {
        TypePageId = 10,
        CredentialsPageId = 20,
        TestPageId = 30,
        StreamsPageId = 40,
        SchedulePageId = 50,
        NotifyPageId = 60,
        SummaryPageId = 70,
        AuthorizePageId = 80
    };
    Q_ENUM(PageId)

    explicit NewConnectionWizard(OwnerSession *session, QWidget *parent = nullptr);
    ~NewConnectionWizard() override;

    [[nodiscard]] OwnerSession *session() const { return m_session; }

    /** The chosen connector type; nullptr before the first page is done. */
    [[nodiscard]] const ConnectorTypeEntry *connectorType() const { return m_type; }
    void setConnectorType(const ConnectorTypeEntry *type);
    /** Preselects a type (e.g. from a "new CRM connection" shortcut). */
    void preselectType(const QString &type);
    /** Where the provider sends the browser back (OAuth types): the API server's public URL. */
    void setPublicUrlProvider(std::function<QUrl()> provider) { m_publicUrl = std::move(provider); }
    [[nodiscard]] QUrl publicUrl() const { return m_publicUrl ? m_publicUrl() : QUrl(); }
    [[nodiscard]] bool isOAuth() const;

    // What the pages collected. Credentials stay in memory only until the wizard closes.
    QString name;
    QJsonObject credentials;
    QJsonObject config;
    std::optional<ConnectionSchedule> schedule;
    QStringList notifyUserIds;
    QStringList selectedStreams;
    QStringList availableStreams;
    bool firstSync = false;
    QString firstRunId; // the first sync the summary page started, if any

    /** What the pages collected, as the connection to create. */
    [[nodiscard]] NewConnection draft() const;
    /** The id of the connection the wizard created (empty until it exists). */
    [[nodiscard]] QString createdConnectionId() const;
    void setCreatedConnectionId(const QString &id) { m_createdId = id; }

Q_SIGNALS:
    void connectorTypeChanged();

private:
    OwnerSession *m_session;
    const ConnectorTypeEntry *m_type = nullptr;
    QString m_createdId;
    std::function<QUrl()> m_publicUrl;
    OAuthAuthorizePage *m_authorize;
};

} // namespace Opbox
