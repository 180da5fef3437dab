// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>
#include <QWizard>
#include <functional>

namespace Opbox {

class OAuthAuthorizePage;
class OwnerSession;
struct ConnectorTypeInfo;

/**
 * Creates a connection step by step: type → credentials form generated from the
 * connector's field spec → test → streams → schedule → who is notified → summary. Each page
 * validates before Next; the summary calls ConnectionService::create with the owner's Caller.
 * For OAuth types the test and streams steps give way to the provider's sign-in after the summary.
 */
class NewConnectionWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { TypePageId = 10, CredentialsPageId = 20, TestPageId = 30, StreamsPageId = 40,
                  SchedulePageId = 50, NotifyPageId = 60, SummaryPageId = 70, AuthorizePageId = 80 };
    Q_ENUM(PageId)

    explicit NewConnectionWizard(OwnerSession *session, QWidget *parent = nullptr);
    ~NewConnectionWizard() override;

    [[nodiscard]] OwnerSession *session() const { return m_session; }

    /** The chosen connector type; nullptr before the first page is done. */
    [[nodiscard]] const ConnectorTypeInfo *connectorType() const { return m_type; }
    void setConnectorType(const ConnectorTypeInfo *type);
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
    QJsonObject schedule;
    QJsonArray notifyUserIds;
    QStringList selectedStreams;
    QStringList availableStreams;
    bool firstSync = false;

    /** The request body for ConnectionService::create. */
    [[nodiscard]] QJsonObject createBody() const;
    /** The id of the connection the wizard created (empty until it exists). */
    [[nodiscard]] QString createdConnectionId() const;
    void setCreatedConnectionId(const QString &id) { m_createdId = id; }

Q_SIGNALS:
    void connectorTypeChanged();

private:
    OwnerSession *m_session;
    const ConnectorTypeInfo *m_type = nullptr;
    QString m_createdId;
    std::function<QUrl()> m_publicUrl;
    OAuthAuthorizePage *m_authorize;
};

} // namespace Opbox
