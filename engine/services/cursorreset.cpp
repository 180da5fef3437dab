// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/cursorreset.h"

#include <QCoreApplication>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// The messages were written for the run service and are translated under its name.
QString tr(const char *s)
{
    return QCoreApplication::translate("RunService", s);
}

} // namespace

Result<CursorReset> CursorReset::fromJson(const QJsonObject &body)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != u"stream"_s && it.key() != u"cursor"_s)
            return Error::invalid(tr("%1: unknown field (expected stream, cursor)").arg(it.key().left(64)));
    }
    CursorReset reset;
    if (body.contains(u"stream"_s) && !body.value(u"stream"_s).isNull()) {
        if (!body.value(u"stream"_s).isString() || body.value(u"stream"_s).toString().isEmpty())
            return Error::invalid(tr("stream: must be a stream name"));
        reset.stream = body.value(u"stream"_s).toString();
    }
    if (!body.contains(u"cursor"_s))
        return Error::invalid(tr("cursor: required (an ISO 8601 date string, or null to clear all cursors)"));
    const QJsonValue cursor = body.value(u"cursor"_s);
    if (!cursor.isNull()) {
        if (!cursor.isString())
            return Error::invalid(tr("cursor: must be an ISO 8601 date string or null"));
        reset.cursor = cursor.toString();
    }
    return reset;
}

} // namespace Opbox
