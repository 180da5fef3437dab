// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/manifestreader.h"

#include <QJsonArray>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace Opbox {

bool ManifestReader::fail(const QString &where, const QString &what)
{
    if (m_error.isEmpty())
        m_error = where + u": "_s + what;
    return false;
}

bool ManifestReader::onlyKeys(const QJsonObject &o, const QString &where, std::initializer_list<const char *> keys)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool known = false;
        for (const char *key : keys) {
            if (it.key() == QLatin1StringView(key)) {
                known = true;
                break;
            }
        }
        if (!known)
            return fail(where, u"unknown key '%1'"_s.arg(it.key()));
    }
    return true;
}

QString ManifestReader::string(const QJsonObject &o, const char *key, const QString &where, bool required)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined()) {
        if (required)
            fail(where, u"'%1' is required"_s.arg(QLatin1StringView(key)));
        return {};
    }
    if (!v.isString()) {
        fail(where, u"'%1' must be a string"_s.arg(QLatin1StringView(key)));
        return {};
    }
    return v.toString();
}

int ManifestReader::integer(const QJsonObject &o, const char *key, const QString &where, int fallback)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return fallback;
    if (!v.isDouble() || v.toDouble() != double(v.toInteger())) {
        fail(where, u"'%1' must be an integer"_s.arg(QLatin1StringView(key)));
        return fallback;
    }
    return int(v.toInteger());
}

bool ManifestReader::boolean(const QJsonObject &o, const char *key, const QString &where, bool fallback)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return fallback;
    if (!v.isBool()) {
        fail(where, u"'%1' must be true or false"_s.arg(QLatin1StringView(key)));
        return fallback;
    }
    return v.toBool();
}

QJsonObject ManifestReader::object(const QJsonObject &o, const char *key, const QString &where)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return {};
    if (!v.isObject()) {
        fail(where, u"'%1' must be an object"_s.arg(QLatin1StringView(key)));
        return {};
    }
    return v.toObject();
}

QJsonObject ManifestReader::stringMap(const QJsonObject &o, const char *key, const QString &where)
{
    const QJsonObject map = object(o, key, where);
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->isString())
            fail(where, u"'%1.%2' must be a string"_s.arg(QLatin1StringView(key), it.key()));
    }
    return map;
}

QList<int> ManifestReader::intList(const QJsonObject &o, const char *key, const QString &where)
{
    QList<int> out;
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        fail(where, u"'%1' must be an array of integers"_s.arg(QLatin1StringView(key)));
        return out;
    }
    for (const auto &item : v.toArray()) {
        if (!item.isDouble())
            fail(where, u"'%1' must be an array of integers"_s.arg(QLatin1StringView(key)));
        out.append(item.toInt());
    }
    return out;
}

QStringList ManifestReader::stringList(const QJsonObject &o, const char *key, const QString &where)
{
    QStringList out;
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        fail(where, u"'%1' must be an array of strings"_s.arg(QLatin1StringView(key)));
        return out;
    }
    for (const auto &item : v.toArray()) {
        if (!item.isString())
            fail(where, u"'%1' must be an array of strings"_s.arg(QLatin1StringView(key)));
        out.append(item.toString());
    }
    return out;
}

} // namespace Opbox
