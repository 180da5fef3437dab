// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

#include <QHash>

namespace Opbox::Fakes {

/**
 * Zendesk Support as the real API behaves, under /api/v2: basic auth with the
 * literal `{email}/token:{apiToken}`; the cursor-based incremental exports of tickets and users
 * (`start_time` for the first request, then `cursor=<after_cursor>`, `end_of_stream`, matched on
 * `generated_timestamp`), which hide everything changed in the last minute, refuse a `start_time`
 * within that minute and allow 10 requests a minute (429 with Retry-After); cursor-paged lists
 * (`page[size]`, `page[after]`, `meta.has_more`, `links.next`) of organizations and of each
 * ticket's comments; and Zendesk's error bodies. The fake's clock can be moved forward so that the
 * lag can be tested without waiting.
 */
class ZendeskFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit ZendeskFakeServer(QObject *parent = nullptr);
    ~ZendeskFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("SUPPORT"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("zendesk"); }
    /** {email, apiToken}: the agent's address and the accepted token. */
    [[nodiscard]] QJsonObject credentials() const override;
    /** {baseUrl, subdomain: "acme"}. */
    [[nodiscard]] QJsonObject connectorConfig() const override;
    [[nodiscard]] static QString agentEmail() { return QStringLiteral("agent@example.com"); }

    /**
     * Tickets, users and organizations an hour apart from `start`, each ticket with
     * `commentsPerTicket` comments; ids start at 1000 (tickets), 2000000 (users), 5000 (organizations).
     */
    void seed(int tickets, int users, int organizations, int commentsPerTicket, const QDateTime &start = seedEpoch());
    /** Adds a ticket changed at `when` with `comments` comments; returns its id. */
    qint64 addTicket(const QDateTime &when, int comments = 1);
    /** Edits ticket `id` at `when` (subject, updated_at, generated_timestamp), adding a comment when asked. */
    bool touchTicket(qint64 id, const QDateTime &when, bool addComment = false);
    /** Marks ticket `id` deleted at `when` (the export then lists it with status "deleted"). */
    bool deleteTicket(qint64 id, const QDateTime &when);
    /** Edits user `id` at `when`. */
    bool touchUser(qint64 id, const QDateTime &when);
    [[nodiscard]] QList<qint64> ticketIds() const;
    [[nodiscard]] QList<qint64> userIds() const;
    [[nodiscard]] int organizationCount() const;
    [[nodiscard]] int commentCount() const;
    [[nodiscard]] int commentCount(qint64 ticketId) const;

    /** The export limiter: at most `requests` export requests per `windowMs` (default 10 per minute). */
    void setExportLimit(int requests, int windowMs);
    /** How many export requests the limiter refused. */
    [[nodiscard]] int exportRefusals() const;
    /** Moves the fake's clock (the lag, start_time checks) `seconds` ahead of the real one. */
    void advanceClock(qint64 seconds);
    /** The fake's idea of now. */
    [[nodiscard]] QDateTime now() const;

    /** What the export hides: items changed less than this many seconds ago. */
    static constexpr qint64 LagSeconds = 60;

protected:
    [[nodiscard]] QString apiPrefix() const override { return QStringLiteral("/api/v2"); }
    [[nodiscard]] bool isAuthorized(const Request &request) const override;
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] Response rateLimited(const Request &request, const QString &retryAfter) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;
    [[nodiscard]] QList<QPair<QByteArray, QByteArray>> commonHeaders() const override;

private:
    /** A record of an export: ordered by (generated, id). */
    struct ExportItem
    {
        qint64 id = 0;
        qint64 generated = 0; // epoch seconds
        QJsonObject record;
    };

    [[nodiscard]] Response exportPage(const Request &request, const QList<ExportItem> &items, const QString &key);
    [[nodiscard]] Response listPage(const Request &request, const QList<QJsonObject> &items, const QString &key);
    [[nodiscard]] Response zendeskError(int status, const QString &error, const QString &description) const;
    [[nodiscard]] qint64 nowSeconds() const;
    [[nodiscard]] QJsonObject makeTicket(qint64 id, const QDateTime &created, const QDateTime &updated, int n) const;
    [[nodiscard]] QJsonObject makeComment(qint64 id, qint64 authorId, const QDateTime &when, const QString &body) const;
    [[nodiscard]] ExportItem *findTicket(qint64 id);

    QList<ExportItem> m_tickets;
    QList<ExportItem> m_users;
    QList<QJsonObject> m_organizations;
    QHash<qint64, QList<QJsonObject>> m_comments;
    qint64 m_nextTicket = 1000;
    qint64 m_nextUser = 2000000;
    qint64 m_nextOrganization = 5000;
    qint64 m_nextComment = 9000000;
    qint64 m_clockOffset = 0;
    int m_exportLimit = 10;
    int m_exportWindowMs = 60000;
    QList<qint64> m_exportHits; // ms since epoch of the export requests in the window
    int m_exportRefusals = 0;
};

} // namespace Opbox::Fakes
