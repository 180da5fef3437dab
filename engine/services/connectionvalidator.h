// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "engine/store/connectionrecord.h"

#include <QJsonArray>
#include <QJsonObject>
#include <functional>

namespace Opbox {

class IdentityService;
struct ConnectorTypeInfo;

/**
 * Checks a connection's fields against its connector type and its workspace; every error names
 * the field that is wrong and what it should be.
 */
class ConnectionValidator
{
public:
    explicit ConnectionValidator(const IdentityService *identity);

    /** A name of 1 to 200 characters once surrounding blanks are removed; returns it trimmed. */
    [[nodiscard]] static Result<QString> name(const QString &value);
    /** Every required credential of the type present and non-empty, no field the type does not know. */
    [[nodiscard]] static Result<void> credentials(const ConnectorTypeInfo &type, const QJsonObject &credentials);
    /** Required config fields present, known fields of the right kind, URLs http(s), `streams` a list of names. */
    [[nodiscard]] static Result<void> config(const ConnectorTypeInfo &type, const QJsonObject &config);
    /** Applies `{enabled?, frequency?}` to `base` (or to the default schedule when base is empty). */
    [[nodiscard]] static Result<QJsonObject> schedule(const QJsonObject &patch, const QJsonObject &base);
    [[nodiscard]] static QJsonObject defaultSchedule();
    /** Checks a webhook token's format: `whk_` + 43 base64url chars, or 64 lowercase hex; returns its 32 bytes. */
    [[nodiscard]] static Result<QByteArray> webhookToken(const QString &token);

    /** The recipients, each a member of the workspace, without repeats. */
    [[nodiscard]] Result<QJsonArray> notifyUserIds(const QString &workspaceId, const QStringList &userIds) const;
    /** `config.streams` names only streams that the connection's connector has (400 lists them otherwise). */
    [[nodiscard]] Result<void> streamSelection(const ConnectionRecord &connection) const;

    /**
     * The stream names a connection (type and config) offers, without a network call; the engine
     * sets it from RunService::streamNames so that `config.streams` is checked against the same
     * connectors the runs use. Unset: only the shape of `config.streams` is checked.
     */
    using StreamCatalog = std::function<Result<QStringList>(const ConnectionRecord &)>;
    void setStreamCatalog(StreamCatalog catalog) { m_streamCatalog = std::move(catalog); }

private:
    const IdentityService *m_identity;
    StreamCatalog m_streamCatalog;
};

} // namespace Opbox
