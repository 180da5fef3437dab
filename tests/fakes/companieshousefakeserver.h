// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

#include <QHash>
#include <QStringList>

namespace Opbox::Fakes {

/**
 * The UK Companies House Public Data API as the real API behaves: HTTP basic
 * with the API key as user name and an empty password; company profiles and their officers, filing
 * history and persons with significant control, offset-paged by `start_index` / `items_per_page`
 * (at most 100) with `total_results` (`total_count` for filing history); company search; the two
 * shapes of error body; and the per-key limit of 600 requests per 5-minute window, announced on
 * every answer in `X-Ratelimit-Limit`, `X-Ratelimit-Remain`, `X-Ratelimit-Reset` (epoch seconds) and
 * `X-Ratelimit-Window`, after which every request gets 429 until the window resets.
 */
class CompaniesHouseFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit CompaniesHouseFakeServer(QObject *parent = nullptr);
    ~CompaniesHouseFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("REGISTRY"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("companieshouse"); }
    /** {apiKey}. */
    [[nodiscard]] QJsonObject credentials() const override;
    /** {baseUrl, companyNumbers: every seeded company number}. */
    [[nodiscard]] QJsonObject connectorConfig() const override;

    /**
     * Adds `companies` companies (numbers with leading zeros, SC and NI prefixes), each with the
     * given numbers of officers, filings and persons with significant control.
     */
    void seed(int companies, int officersPerCompany, int filingsPerCompany, int pscsPerCompany);
    [[nodiscard]] QStringList companyNumbers() const;
    [[nodiscard]] int officerCount(const QString &companyNumber) const;
    [[nodiscard]] int filingCount(const QString &companyNumber) const;
    [[nodiscard]] int pscCount(const QString &companyNumber) const;

    /** The key's limit: `requests` per `windowMs` (default 600 per 5 minutes); starts a fresh window. */
    void setRateLimit(int requests, int windowMs);
    /** When false, successful answers leave the X-Ratelimit-* headers out (429s still carry them). */
    void setAnnounceRateLimit(bool announce);
    /** How many requests the limit refused with 429. */
    [[nodiscard]] int rateLimitRefusals() const;

protected:
    [[nodiscard]] bool isAuthorized(const Request &request) const override;
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;

private:
    struct Company
    {
        QJsonObject profile;
        QList<QJsonObject> officers;
        QList<QJsonObject> filings;
        QList<QJsonObject> pscs;
    };
    [[nodiscard]] Response route(const Request &request);
    [[nodiscard]] Response listOf(const Request &request, const QList<QJsonObject> &items, int defaultPerPage,
                                  QJsonObject envelope, const QString &totalKey);
    void addRateHeaders(Response &response, bool force) const;

    QList<QString> m_order;
    QHash<QString, Company> m_companies;
    int m_limit = 600;
    int m_windowMs = 300000;
    qint64 m_windowStartMs = 0;
    int m_used = 0;
    bool m_announce = true;
    int m_refusals = 0;
};

} // namespace Opbox::Fakes
