// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

#include <atomic>

namespace Opbox::Fakes {

/**
 * Fireflies.ai as the real API behaves: one POST /graphql endpoint that parses
 * the query (root field, arguments from variables or literals, selection set) and answers only the
 * selected fields; `transcripts` with `fromDate`/`toDate`, `limit` ≤ 50 (else `invalid_arguments`) and
 * `skip`, newest first, `date` as epoch milliseconds; `user` and `users`. Errors come as GraphQL
 * `errors` (HTTP 200 by default, or the error's status when asked), including `too_many_requests`
 * with an epoch-millisecond `retryAfter` and a daily-quota mode.
 */
class FirefliesFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit FirefliesFakeServer(QObject *parent = nullptr);
    ~FirefliesFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("MEETINGS"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("fireflies"); }
    [[nodiscard]] QJsonObject credentials() const override;

    /** Creates `transcripts` meetings `spacingSeconds` apart from `first`, and `users` team members. */
    void seed(int transcripts, int users, const QDateTime &first = seedEpoch(), int spacingSeconds = 3600);
    /** Adds a transcript created at `date`; returns its id. */
    QString addTranscript(const QDateTime &date);
    /** Changes the title of transcript `index` (the summary of a meeting filling in later). */
    QString retitle(int index, const QString &title);
    [[nodiscard]] int transcriptCount() const;
    /** After `requests` more requests, answer too_many_requests until `resetInMs` later. */
    void setDailyQuota(int requests, qint64 resetInMs);
    /** Send GraphQL errors with their HTTP status (401, 429, …) instead of 200. */
    void setHttpStatusForErrors(bool enabled);

protected:
    [[nodiscard]] QString apiPrefix() const override { return QStringLiteral("/graphql"); }
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] Response rateLimited(const Request &request, const QString &retryAfter) const override;
    [[nodiscard]] Response serverError(const Request &request, int status) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;

private:
    [[nodiscard]] Response graphQlError(int status, const QString &code, const QString &message,
                                        const QJsonObject &metadata = {}) const;

    QList<QJsonObject> m_transcripts;
    QList<QJsonObject> m_users;
    int m_quotaLeft = -1;
    qint64 m_quotaResetInMs = 0;
    std::atomic<bool> m_httpStatusForErrors{false};
};

} // namespace Opbox::Fakes
