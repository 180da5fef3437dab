// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

#include <QSet>

namespace Opbox::Fakes {

/**
 * Calendly API v2 as the real API behaves: resources referenced by full URIs,
 * GET /users/me, `collection` plus a `pagination` object with `next_page_token` (`count` 1–100,
 * opaque `page_token`), `user=` or `organization=` required on lists, `/scheduled_events` filtered only
 * by start time (`min_start_time`/`max_start_time`), microsecond timestamps, X-RateLimit-* headers
 * (reset in seconds) and Calendly's `title`/`message` error bodies.
 */
class CalendlyFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit CalendlyFakeServer(QObject *parent = nullptr);
    ~CalendlyFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("SCHEDULING"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("calendly"); }
    [[nodiscard]] QJsonObject credentials() const override;

    /**
     * Creates event types, then `events` scheduled events starting `spacingSeconds` apart from
     * `firstStart` (each booked a week before it starts), each with `inviteesPerEvent` invitees.
     */
    void seed(int eventTypes, int events, int inviteesPerEvent, const QDateTime &firstStart, int spacingSeconds = 86400);
    /** Cancels event `index` (and its invitees) at `when`; returns its UUID. */
    QString cancelEvent(int index, const QDateTime &when);
    /** Renames event type `index` at `when`; returns its UUID. */
    QString modifyEventType(int index, const QDateTime &when);
    [[nodiscard]] int eventCount() const;
    /** UUIDs of the events starting at or after `from`. */
    [[nodiscard]] QStringList eventUuids(const QDateTime &from = {}) const;
    [[nodiscard]] int inviteeCount() const;

protected:
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] Response rateLimited(const Request &request, const QString &retryAfter) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;

private:
    [[nodiscard]] Response route(const Request &request);
    [[nodiscard]] Response invalid(const QString &parameter, const QString &message) const;
    [[nodiscard]] Response collection(const Request &request, QList<QJsonObject> records, const QString &sortField,
                                      const QString &defaultSort);
    [[nodiscard]] static QJsonObject render(const QJsonObject &record, const QString &origin);

    QList<QJsonObject> m_eventTypes;
    QList<QJsonObject> m_events; // "uri" etc. hold paths; render() makes them absolute
    QList<QJsonObject> m_invitees; // with "_event": uuid
    QSet<QString> m_issuedTokens;
};

} // namespace Opbox::Fakes
