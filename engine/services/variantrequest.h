// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace Opbox {

/**
 * What a variant changes about the connection it is copied from; a
 * `POST connections/:id/variants` body reads into one.
 */
struct VariantRequest
{
    /** Unset: the source's name followed by the variant's label. */
    std::optional<QString> name;
    /** Unset: the next number in the variant group. */
    std::optional<QString> label;
    /** Merged key by key into the source's config (a key set to null is removed). */
    QJsonObject config;
    /**
     * Unset: the source's credentials are copied. Required when `config` moves `baseUrl` or
     * `authBaseUrl` to another origin, since the source's were given for its own.
     */
    std::optional<QJsonObject> credentials;

    /**
     * Reads a `{name?, variantLabel?, config?, credentials?}` body (a null member counts as absent). A body with
     * several problems is answered with the first of unknown field, name, variantLabel, config; so
     * the name and the label are checked in full while they are read.
     */
    [[nodiscard]] static Result<VariantRequest> fromJson(const QJsonObject &body);

    /** The name and label trimmed, once each is non-empty and short enough. */
    [[nodiscard]] Result<VariantRequest> validate() const;
};

} // namespace Opbox
