// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

namespace Opbox::Fakes {

/**
 * GitHub REST as the real API behaves: top-level arrays paged by `page` and
 * `per_page` (default 30, silently capped at 100) with an RFC 8288 `Link` header (absent when one
 * page holds everything); issues that include pull requests (marked by `pull_request`) filtered by
 * `since`; pulls without `since`; commits newest first with `since` and a 409 for an empty
 * repository; a required User-Agent; x-ratelimit-* headers, 403 when the primary limit is spent
 * (remaining 0, reset as epoch seconds) and secondary limits with retry-after.
 */
class GitHubFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit GitHubFakeServer(QObject *parent = nullptr);
    ~GitHubFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("DEVELOPMENT"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("github"); }
    [[nodiscard]] QJsonObject credentials() const override;

    /**
     * Creates repositories acme/repo-<n>, each with issues, pull requests (which also appear in the
     * issues feed) and commits, an hour apart from `start`.
     */
    void seed(int repositories, int issuesPerRepo, int pullsPerRepo, int commitsPerRepo, const QDateTime &start = seedEpoch());
    /** Adds a repository without commits (its commit list answers 409). */
    void addEmptyRepository(const QString &name);
    /** Moves issue or pull request `number` of `repository` (owner/name) to `when`; false if unknown. */
    bool touchIssue(const QString &repository, int number, const QDateTime &when);
    /** Adds a commit committed at `when`; returns its sha. */
    QString addCommit(const QString &repository, const QDateTime &when);
    [[nodiscard]] QStringList repositoryNames() const;
    /** Issues of `repository` that are not pull requests. */
    [[nodiscard]] int issueCount(const QString &repository) const;
    [[nodiscard]] int pullCount(const QString &repository) const;
    [[nodiscard]] int commitCount(const QString &repository) const;
    /** The next `requests` answers are 403 "API rate limit exceeded" with remaining 0, reset in `resetInSeconds`. */
    void exhaustPrimaryLimit(int requests, int resetInSeconds);
    /**
     * The token may list `repository` (owner/name) but not read it: its issues, pulls and commits
     * answer 403 "Resource not accessible by personal access token", as for a fine-grained token
     * without access to that repository.
     */
    void refuseRepository(const QString &repository);

protected:
    [[nodiscard]] bool isAuthorized(const Request &request) const override;
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] Response rateLimited(const Request &request, const QString &retryAfter) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;

private:
    struct Repository
    {
        QJsonObject record;
        QList<QJsonObject> issues; // pull requests included, with "pull_request"
        QList<QJsonObject> pulls;
        QList<QJsonObject> commits; // oldest first; served newest first
    };
    [[nodiscard]] Response route(const Request &request);
    [[nodiscard]] Response pageOf(const Request &request, const QList<QJsonObject> &records);
    [[nodiscard]] Repository *find(const QString &fullName);
    void rateHeaders(Response &response, bool exhausted);

    QList<Repository> m_repositories;
    int m_remaining = 5000;
    int m_exhaustedRequests = 0;
    int m_exhaustedResetIn = 0;
    int m_nextId = 1;
    QStringList m_refused;
};

} // namespace Opbox::Fakes
