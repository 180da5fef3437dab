// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

#include <QSet>

namespace Opbox::Fakes {

/**
 * Asana as the real API behaves, under /api/1.0: `{"data": …}` envelopes,
 * `next_page` only when `limit` (1–100) is sent and null on the last page, opaque `offset` tokens
 * (a made-up one is a 400), compact records unless `opt_fields` asks for more, `modified_since` only
 * on GET /tasks (which needs `project` or `tag`), and Asana's `errors` bodies.
 */
class AsanaFakeServer : public FakeProviderServer
{
    Q_OBJECT
public:
    explicit AsanaFakeServer(QObject *parent = nullptr);
    ~AsanaFakeServer() override;

    [[nodiscard]] QString connectorType() const override { return QStringLiteral("PROJECT_MGMT"); }
    [[nodiscard]] QString serviceName() const override { return QStringLiteral("asana"); }
    [[nodiscard]] QJsonObject credentials() const override;

    /**
     * Creates workspaces with their projects, users and tasks. Projects are created an hour apart
     * and tasks a minute apart from `start`; every record was last modified shortly after creation.
     */
    void seed(int workspaces, int projectsPerWorkspace, int tasksPerProject, int usersPerWorkspace,
              const QDateTime &start = seedEpoch());
    /** Renames task `index` (in creation order) and sets its modified_at; returns its gid. */
    QString modifyTask(int index, const QDateTime &when);
    [[nodiscard]] int taskCount() const;
    [[nodiscard]] QStringList workspaceGids() const;
    [[nodiscard]] QStringList projectGids(const QString &workspaceGid = {}) const;
    /** Task gids of one project (a task may sit in several projects). */
    [[nodiscard]] QStringList taskGids(const QString &projectGid) const;

protected:
    [[nodiscard]] QString apiPrefix() const override { return QStringLiteral("/api/1.0"); }
    [[nodiscard]] Response handle(const Request &request) override;
    [[nodiscard]] Response unauthorized(const Request &request) const override;
    [[nodiscard]] Response rateLimited(const Request &request, const QString &retryAfter) const override;
    [[nodiscard]] Response serverError(const Request &request, int status) const override;
    [[nodiscard]] QByteArray errorBody(int status, const QString &message) const override;

private:
    [[nodiscard]] Response page(const Request &request, const QList<QJsonObject> &records, const QStringList &compact);
    [[nodiscard]] static QJsonObject projectFields(const QJsonObject &record, const Request &request, const QStringList &compact);

    QList<QJsonObject> m_workspaces;
    QList<QJsonObject> m_users; // with "_workspaces": [gid]
    QList<QJsonObject> m_projects; // with "workspace": {gid}
    QList<QJsonObject> m_tasks; // with "projects": [{gid}]
    QSet<QString> m_issuedOffsets;
};

} // namespace Opbox::Fakes
