// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

namespace Opbox::Fakes {

/**
 * Pipedrive API v2 as its documentation describes it: `api_token` in the query, list endpoints
 * (/persons, /organizations, /deals, /activities) paged by an opaque `cursor` with `limit` (at most
 * 500) and `additional_data.next_cursor` (null on the last page), `updated_since` (RFC 3339) and
 * `sort_by`/`sort_direction`, RFC 3339 timestamps, x-ratelimit-* headers (reset in seconds) and
 * Pipedrive's `{"success": false, "error", "errorCode", "error_info"}` error bodies.
 */
class PipedriveFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit PipedriveFakeServer(QObject *parent = nullptr);
    ~PipedriveFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("PIPEDRIVE"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("pipedrive"); }
    [[nodiscard]] QJsonObject credentials() const override;

    /** `count` records of each entity, updated `spacingSeconds` apart from `first`. */
    void seed(int count, const QDateTime &first, int spacingSeconds = 3600);
    /** Updates record `index` of `entity` (persons …) at `when`. */
    void modify(const QString &entity, int index, const QDateTime &when);
    [[nodiscard]] int count(const QString &entity) const;

protected:
    [[nodiscard]] QString apiPrefix() const override { return QStringLiteral("/api/v2"); }
    [[nodiscard]] bool isAuthorized(const Request &request) const override;
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] Response rateLimited(const Request &request, const QString &retryAfter) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;
    [[nodiscard]] QList<QPair<QByteArray, QByteArray>> commonHeaders() const override;

private:
    [[nodiscard]] Response list(const QString &entity, const Request &request) const;

    QHash<QString, QList<QJsonObject>> m_records;
};

} // namespace Opbox::Fakes
