// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

namespace Opbox::Fakes {

/**
 * Stripe API v1 as its documentation describes it: the secret key as a bearer token, list
 * endpoints (/customers, /charges, /invoices, /subscriptions) newest first as `{"object": "list",
 * "data", "has_more", "url"}`, paged with `limit` (1–100) and `starting_after` (an object id; an
 * unknown one is `resource_missing`), filtered with `created[gte]` (epoch seconds), subscriptions
 * without canceled ones unless `status=all`, and Stripe's `{"error": {"type", "code", "message",
 * "param"}}` error bodies with `Request-Id` headers.
 */
class StripeFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit StripeFakeServer(QObject *parent = nullptr);
    ~StripeFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("STRIPE"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("stripe"); }
    [[nodiscard]] QJsonObject credentials() const override;

    /** `count` objects of each list, created `spacingSeconds` apart from `first`; every fourth subscription is canceled. */
    void seed(int count, const QDateTime &first, int spacingSeconds = 3600);
    /** Adds one customer created at `when`; returns its id. */
    QString addCustomer(const QDateTime &when);
    [[nodiscard]] int count(const QString &list) const;

protected:
    [[nodiscard]] QString apiPrefix() const override { return QStringLiteral("/v1"); }
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] Response rateLimited(const Request &request, const QString &retryAfter) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;
    [[nodiscard]] QList<QPair<QByteArray, QByteArray>> commonHeaders() const override;

private:
    [[nodiscard]] Response invalid(const QString &code, const QString &param, const QString &message, int status = 400) const;
    [[nodiscard]] Response list(const QString &name, const Request &request) const;

    QHash<QString, QList<QJsonObject>> m_objects;
    int m_next = 1;
};

} // namespace Opbox::Fakes
