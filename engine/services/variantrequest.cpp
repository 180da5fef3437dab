// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/variantrequest.h"
#include "engine/services/connectionvalidator.h"

#include <QCoreApplication>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

constexpr int MaxLabelLength = 64;

// The messages were written for the variant service and are translated under its name.
QString tr(const char *s)
{
    return QCoreApplication::translate("VariantService", s);
}

Result<QString> checkedLabel(const QString &value)
{
    const QString label = value.trimmed();
    if (label.isEmpty())
        return Error::invalid(tr("variantLabel: must not be empty (omit it to get the next number)"));
    if (label.size() > MaxLabelLength)
        return Error::invalid(tr("variantLabel: longer than %1 characters").arg(MaxLabelLength));
    return label;
}

bool isSet(const QJsonObject &body, const QString &key)
{
    return body.contains(key) && !body.value(key).isNull();
}

} // namespace

Result<VariantRequest> VariantRequest::fromJson(const QJsonObject &body)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != u"name"_s && it.key() != u"variantLabel"_s && it.key() != u"config"_s && it.key() != u"credentials"_s)
            return Error::invalid(
                tr("%1: unknown field (expected name, variantLabel, config, credentials)").arg(it.key().left(64)));
    }
    VariantRequest request;
    if (isSet(body, u"name"_s)) {
        if (!body.value(u"name"_s).isString())
            return Error::invalid(tr("name: must be a string of 1 to 200 characters"));
        auto name = ConnectionValidator::name(body.value(u"name"_s).toString());
        if (!name)
            return name.error();
        request.name = *name;
    }
    if (isSet(body, u"variantLabel"_s)) {
        if (!body.value(u"variantLabel"_s).isString())
            return Error::invalid(tr("variantLabel: must be a string"));
        auto label = checkedLabel(body.value(u"variantLabel"_s).toString());
        if (!label)
            return label.error();
        request.label = *label;
    }
    if (isSet(body, u"config"_s)) {
        if (!body.value(u"config"_s).isObject())
            return Error::invalid(tr("config: must be an object"));
        request.config = body.value(u"config"_s).toObject();
    }
    if (isSet(body, u"credentials"_s)) {
        if (!body.value(u"credentials"_s).isObject())
            return Error::invalid(tr("credentials: must be an object"));
        request.credentials = body.value(u"credentials"_s).toObject();
    }
    return request;
}

Result<VariantRequest> VariantRequest::validate() const
{
    VariantRequest checked = *this;
    if (name) {
        auto trimmed = ConnectionValidator::name(*name);
        if (!trimmed)
            return trimmed.error();
        checked.name = *trimmed;
    }
    if (label) {
        auto trimmed = checkedLabel(*label);
        if (!trimmed)
            return trimmed.error();
        checked.label = *trimmed;
    }
    return checked;
}

} // namespace Opbox
