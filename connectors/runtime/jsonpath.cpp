// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/jsonpath.h"

#include <QJsonArray>

namespace Opbox {

namespace {

bool setIn(QJsonObject &object, const QStringList &segments, qsizetype index, const QJsonValue &value)
{
    const QString &key = segments.at(index);
    if (index + 1 == segments.size()) {
        object.insert(key, value);
        return true;
    }
    const QJsonValue existing = object.value(key);
    if (!existing.isUndefined() && !existing.isNull() && !existing.isObject())
        return false;
    QJsonObject child = existing.toObject();
    if (!setIn(child, segments, index + 1, value))
        return false;
    object.insert(key, child);
    return true;
}

void removeIn(QJsonObject &object, const QStringList &segments, qsizetype index)
{
    const QString &key = segments.at(index);
    if (index + 1 == segments.size()) {
        object.remove(key);
        return;
    }
    const auto it = object.find(key);
    if (it == object.end() || !it->isObject())
        return;
    QJsonObject child = it->toObject();
    removeIn(child, segments, index + 1);
    object.insert(key, child);
}

} // namespace

QStringList JsonPath::split(QStringView path)
{
    if (path.isEmpty())
        return {};
    QStringList out;
    for (const auto part : path.split(u'.'))
        out.append(part.toString());
    return out;
}

QJsonValue JsonPath::value(const QJsonValue &root, const QStringList &segments)
{
    QJsonValue current = root;
    for (const QString &segment : segments) {
        if (current.isObject()) {
            current = current.toObject().value(segment);
        } else if (current.isArray()) {
            bool ok = false;
            int index = segment.toInt(&ok);
            const QJsonArray array = current.toArray();
            if (ok && index < 0)
                index += int(array.size()); // -1 is the last element (Stripe's starting_after is the last record's id)
            if (!ok || index < 0 || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            current = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
        if (current.isUndefined())
            return current;
    }
    return current;
}

QJsonValue JsonPath::value(const QJsonValue &root, QStringView path)
{
    return value(root, split(path));
}

bool JsonPath::set(QJsonObject &root, const QStringList &segments, const QJsonValue &value)
{
    if (segments.isEmpty())
        return false;
    return setIn(root, segments, 0, value);
}

bool JsonPath::set(QJsonObject &root, QStringView path, const QJsonValue &value)
{
    return set(root, split(path), value);
}

void JsonPath::remove(QJsonObject &root, const QStringList &segments)
{
    if (!segments.isEmpty())
        removeIn(root, segments, 0);
}

} // namespace Opbox
