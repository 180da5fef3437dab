// SPDX-License-Identifier: GPL-3.0-or-later
#include "columntypepolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// Hand-written matchers: a regular expression per value would dominate the sync's hot path.
bool digits(const QString &s, qsizetype from, qsizetype count)
{
    if (from + count > s.size())
        return false;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

int number(const QString &s, qsizetype from, qsizetype count)
{
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i)
        v = v * 10 + (s.at(i).unicode() - u'0');
    return v;
}

bool datePart(const QString &s)
{
    if (s.size() < 10 || !digits(s, 0, 4) || s.at(4) != u'-' || !digits(s, 5, 2) || s.at(7) != u'-' || !digits(s, 8, 2))
        return false;
    const int month = number(s, 5, 2);
    const int day = number(s, 8, 2);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

} // namespace

bool ColumnTypePolicy::isIsoDate(const QString &s)
{
    return s.size() == 10 && datePart(s);
}

bool ColumnTypePolicy::isIsoDateTime(const QString &s)
{
    if (s.size() < 16 || !datePart(s) || (s.at(10) != u'T' && s.at(10) != u' '))
        return false;
    if (!digits(s, 11, 2) || s.at(13) != u':' || !digits(s, 14, 2))
        return false;
    if (number(s, 11, 2) > 23 || number(s, 14, 2) > 59)
        return false;
    qsizetype i = 16;
    if (i < s.size() && s.at(i) == u':') {
        if (!digits(s, i + 1, 2) || number(s, i + 1, 2) > 60)
            return false;
        i += 3;
        if (i < s.size() && (s.at(i) == u'.' || s.at(i) == u',')) {
            const qsizetype start = ++i;
            while (i < s.size() && s.at(i).isDigit() && s.at(i).unicode() < 128)
                ++i;
            if (i == start || i - start > 9)
                return false;
        }
    }
    if (i == s.size())
        return true;
    if (s.at(i) == u'Z')
        return i + 1 == s.size();
    if (s.at(i) != u'+' && s.at(i) != u'-')
        return false;
    ++i;
    if (!digits(s, i, 2))
        return false;
    i += 2;
    if (i < s.size() && s.at(i) == u':')
        ++i;
    return digits(s, i, 2) && i + 2 == s.size();
}

std::optional<LogicalType> ColumnTypePolicy::infer(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return std::nullopt;
    case QJsonValue::Bool:
        return LogicalType::Boolean;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const qint64 i = value.toInteger(std::numeric_limits<qint64>::min());
        if (i != std::numeric_limits<qint64>::min() && double(i) == d)
            return LogicalType::Integer;
        return LogicalType::Real;
    }
    case QJsonValue::String: {
        const QString s = value.toString();
        if (s.size() == 10 && isIsoDate(s))
            return LogicalType::Date;
        if (s.size() >= 16 && s.size() <= 40 && isIsoDateTime(s))
            return LogicalType::DateTime;
        return LogicalType::Text;
    }
    case QJsonValue::Array:
    case QJsonValue::Object:
        return LogicalType::Json;
    }
    return LogicalType::Text;
}

LogicalType ColumnTypePolicy::join(LogicalType a, LogicalType b)
{
    if (a == b)
        return a;
    auto numericRank = [](LogicalType t) {
        switch (t) {
        case LogicalType::Boolean: return 0;
        case LogicalType::Integer: return 1;
        case LogicalType::Real: return 2;
        default: return -1;
        }
    };
    const int ra = numericRank(a);
    const int rb = numericRank(b);
    if (ra >= 0 && rb >= 0)
        return ra > rb ? a : b;
    auto isTemporal = [](LogicalType t) { return t == LogicalType::Date || t == LogicalType::DateTime; };
    if (isTemporal(a) && isTemporal(b))
        return LogicalType::DateTime;
    return LogicalType::Text;
}

QString ColumnTypePolicy::name(LogicalType type)
{
    switch (type) {
    case LogicalType::Boolean: return u"BOOLEAN"_s;
    case LogicalType::Integer: return u"INTEGER"_s;
    case LogicalType::Real: return u"REAL"_s;
    case LogicalType::Date: return u"DATE"_s;
    case LogicalType::DateTime: return u"DATETIME"_s;
    case LogicalType::Text: return u"TEXT"_s;
    case LogicalType::Json: return u"JSON"_s;
    }
    return u"TEXT"_s;
}

std::optional<LogicalType> ColumnTypePolicy::parse(const QString &name)
{
    for (auto t : {LogicalType::Boolean, LogicalType::Integer, LogicalType::Real, LogicalType::Date, LogicalType::DateTime,
                   LogicalType::Text, LogicalType::Json}) {
        if (ColumnTypePolicy::name(t) == name)
            return t;
    }
    return std::nullopt;
}

QString ColumnTypePolicy::toText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const qint64 i = value.toInteger(std::numeric_limits<qint64>::min());
        if (i != std::numeric_limits<qint64>::min() && double(i) == d)
            return QString::number(i);
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace Opbox
