// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace Opbox {

/**
 * Dotted paths into JSON documents as manifests write them: `paging.next.after`, `errors.0.message`;
 * numeric segments index arrays and the empty path is the document itself.
 */
class JsonPath
{
public:
    [[nodiscard]] static QStringList split(QStringView path);
    /** The value at `path`, or Undefined when any step is missing or of the wrong kind. */
    [[nodiscard]] static QJsonValue value(const QJsonValue &root, const QStringList &segments);
    [[nodiscard]] static QJsonValue value(const QJsonValue &root, QStringView path);
    /** Sets `path` inside `root`, creating objects on the way; false when a step is not an object. */
    static bool set(QJsonObject &root, const QStringList &segments, const QJsonValue &value);
    static bool set(QJsonObject &root, QStringView path, const QJsonValue &value);
    static void remove(QJsonObject &root, const QStringList &segments);
};

} // namespace Opbox
