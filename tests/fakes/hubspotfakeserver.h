// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

namespace Opbox::Fakes {

/**
 * HubSpot CRM v3 as the real API behaves: list endpoints with `limit` ≤ 100
 * (owners ≤ 500) and opaque `after` cursors under `paging.next`, the POST search API with
 * `filterGroups` on (hs_)lastmodifieddate in epoch milliseconds, `limit` ≤ 200 and a 10,000-result
 * cap (400 beyond it), property values as strings, opt-in `properties=`, and HubSpot's error bodies.
 * It can also serve millions of generated contacts without storing them (for the benchmark).
 */
class HubSpotFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit HubSpotFakeServer(QObject *parent = nullptr);
    ~HubSpotFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("CRM_PLATFORM"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("hubspot"); }
    [[nodiscard]] QJsonObject credentials() const override;

    /** Adds `count` records to contacts, companies, deals or owners, created `spacingSeconds` apart from `start`. */
    void seed(const QString &object, int count, const QDateTime &start = seedEpoch(), int spacingSeconds = 60);
    /** Renames record `index` of `object` and moves its modification time to `when`; returns its id. */
    QString modify(const QString &object, int index, const QDateTime &when);
    [[nodiscard]] int count(const QString &object) const;
    /** The stored record (all properties). */
    [[nodiscard]] QJsonObject record(const QString &object, int index) const;
    /**
     * Serves `count` generated contacts (20 mixed-type fields, 16 of them properties) computed from
     * their index on every request instead of stored ones; 0 returns to the stored contacts.
     */
    void setGeneratedContacts(qint64 count);
    /** Lowers the search API's result cap (10,000) so that tests can reach it with few records. */
    void setSearchResultCap(int cap);

protected:
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] Response rateLimited(const Request &request, const QString &retryAfter) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;
    [[nodiscard]] QList<QPair<QByteArray, QByteArray>> commonHeaders() const override;

private:
    [[nodiscard]] Response list(const QString &object, const Request &request);
    [[nodiscard]] Response search(const QString &object, const Request &request);
    [[nodiscard]] Response generatedList(const Request &request, qint64 offset, int limit);
    [[nodiscard]] Response generatedSearch(const Request &request, qint64 from, qint64 offset, int limit);
    [[nodiscard]] QJsonObject project(const QString &object, const QJsonObject &stored, const QStringList &properties) const;
    [[nodiscard]] static QString modifiedProperty(const QString &object);

    QHash<QString, QList<QJsonObject>> m_objects;
    qint64 m_generated = 0;
    int m_searchCap = 10000;
};

} // namespace Opbox::Fakes
