// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connector.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace Opbox {

/** The values a manifest template may refer to while one request is built. */
struct TemplateScope
{
    std::optional<QDateTime> cursor; // already moved back by the stream's lookback
    QJsonObject slice; // the parent record or config value this request reads under
    QJsonObject config;
    QJsonObject context; // values the manifest's context request extracted
    const QList<StreamField> *fields = nullptr;
};

/**
 * Expands `${…}` references in manifest paths, query values and bodies: `${cursor:epoch_ms}`,
 * `${slice.gid}`, `${slice.uri|last_segment}`, `${config.workspaceGid}`, `${context.user}`,
 * `${fields:properties}` (comma list) and `${fields:properties:list}` (JSON array, whole values only).
 * `${` never occurs in GraphQL text, so GraphQL bodies need no escaping.
 */
class RequestTemplate
{
public:
    enum class Target {
        Path, // values are percent-encoded path segments ('/' kept, '..' refused)
        Query, // values are raw; the URL builder encodes them
    };
    struct Expansion
    {
        QString value;
        bool missing = false; // a referenced value is absent: drop the parameter or body key
    };
    /** The expanded text, or a Configuration error naming the reference the manifest got wrong. */
    [[nodiscard]] static Result<Expansion> expand(const QString &text, const TemplateScope &scope, Target target);
    /** Expands every string in `value`; keys whose whole value refers to an absent value are removed. */
    [[nodiscard]] static Result<void> expandJson(QJsonValue &value, const TemplateScope &scope);
};

} // namespace Opbox
