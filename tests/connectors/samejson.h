// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace Opbox::Test {

/**
 * The same JSON value. Not QJsonValue::operator==, which compares Qt's storage: Qt 6.4's parser keeps
 * keys it read raw (unescaped, non-ASCII) in UTF-8 byte order where insert() uses UTF-16 order (and
 * objects compare member by member in storage order), and it stores an integral double within the
 * 64-bit range (1e17, -1e16 written as -10000000000000000.0) as an integer where QJsonValue(double)
 * keeps a double. Members are matched by key here, numbers by value (exactly: an integer beyond 2^53
 * must not equal a nearby double).
 */
inline bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    const auto integral = [](const QJsonValue &v, qint64 *out) {
        // toInteger() yields the default unless the number is an exact 64-bit integer.
        const qint64 x = v.toInteger(0);
        const qint64 y = v.toInteger(1);
        *out = x;
        return x == y;
    };
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return true;
    case QJsonValue::Bool: return a.toBool() == b.toBool();
    case QJsonValue::Double: {
        qint64 x = 0;
        qint64 y = 0;
        const bool ix = integral(a, &x);
        const bool iy = integral(b, &y);
        return a.toDouble() == b.toDouble() && ix == iy && (!ix || x == y);
    }
    case QJsonValue::String: return a.toString() == b.toString();
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameJson(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        // By iteration, not lookup: lookups in objects from Qt 6.4's parser can miss mixed-order keys.
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            auto match = y.constBegin();
            while (match != y.constEnd() && match.key() != it.key())
                ++match;
            if (match == y.constEnd() || !sameJson(it.value(), match.value()))
                return false;
        }
        return true;
    }
    }
    return false;
}

} // namespace Opbox::Test
