// SPDX-License-Identifier: GPL-3.0-or-later
#include "columntypepolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// Hand-written matchers: a regular expression per value would dominate the sync's hot path. They
// take UTF-16 and (for text straight from a page) Latin-1 views alike.
template<typename View>
char16_t at(View s, qsizetype i)
{
    return char16_t(s.at(i).unicode());
}

template<typename View>
bool digits(View s, qsizetype from, qsizetype count)
{
    if (from + count > s.size())
        return false;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = at(s, i);
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

template<typename View>
int number(View s, qsizetype from, qsizetype count)
{
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i)
        v = v * 10 + (at(s, i) - u'0');
    return v;
}

template<typename View>
bool datePart(View s)
{
    if (s.size() < 10 || !digits(s, 0, 4) || at(s, 4) != u'-' || !digits(s, 5, 2) || at(s, 7) != u'-' || !digits(s, 8, 2))
        return false;
    const int month = number(s, 5, 2);
    const int day = number(s, 8, 2);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

template<typename View>
bool isoDate(View s)
{
    return s.size() == 10 && datePart(s);
}

template<typename View>
bool isoDateTime(View s)
{
    if (s.size() < 16 || !datePart(s) || (at(s, 10) != u'T' && at(s, 10) != u' '))
        return false;
    if (!digits(s, 11, 2) || at(s, 13) != u':' || !digits(s, 14, 2))
        return false;
    if (number(s, 11, 2) > 23 || number(s, 14, 2) > 59)
        return false;
    qsizetype i = 16;
    if (i < s.size() && at(s, i) == u':') {
        if (!digits(s, i + 1, 2) || number(s, i + 1, 2) > 60)
            return false;
        i += 3;
        if (i < s.size() && (at(s, i) == u'.' || at(s, i) == u',')) {
            const qsizetype start = ++i;
            while (i < s.size() && at(s, i) >= u'0' && at(s, i) <= u'9')
                ++i;
            if (i == start || i - start > 9)
                return false;
        }
    }
    if (i == s.size())
        return true;
    if (at(s, i) == u'Z')
        return i + 1 == s.size();
    if (at(s, i) != u'+' && at(s, i) != u'-')
        return false;
    ++i;
    if (!digits(s, i, 2))
        return false;
    i += 2;
    if (i < s.size() && at(s, i) == u':')
        ++i;
    return digits(s, i, 2) && i + 2 == s.size();
}

// A JSON number as an exact integer, if it is one. An integer beyond 2^53 has no exact double,
// so it is asked for as an integer first.
std::optional<qint64> integerOf(const QJsonValue &value)
{
    const qint64 i = value.toInteger(std::numeric_limits<qint64>::min());
    if (i != std::numeric_limits<qint64>::min() && double(i) == value.toDouble())
        return i;
    return ColumnTypePolicy::integral(value.toDouble());
}

template<typename View>
LogicalType textType(View s)
{
    if (s.size() == 10 && isoDate(s))
        return LogicalType::Date;
    if (s.size() >= 16 && s.size() <= 40 && isoDateTime(s))
        return LogicalType::DateTime;
    return LogicalType::Text;
}

} // namespace

bool ColumnTypePolicy::isIsoDate(const QString &s)
{
    return isoDate(QStringView(s));
}

bool ColumnTypePolicy::isIsoDateTime(const QString &s)
{
    return isoDateTime(QStringView(s));
}

std::optional<qint64> ColumnTypePolicy::integral(double d)
{
    // [-2^63, 2^63): every integral double in it is an exact qint64.
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && std::trunc(d) == d)
        return qint64(d);
    return std::nullopt;
}

std::optional<LogicalType> ColumnTypePolicy::infer(const RecordBatch &batch, const RecordBatch::Field &field)
{
    using Kind = RecordBatch::Kind;
    switch (field.kind) {
    case Kind::Null:
        return std::nullopt;
    case Kind::Bool:
        return LogicalType::Boolean;
    case Kind::Integer:
        return LogicalType::Integer;
    case Kind::Real:
        return integral(field.real) ? LogicalType::Integer : LogicalType::Real;
    case Kind::String: {
        // Dates are ASCII: other text is TEXT whatever its length.
        const QByteArrayView text = batch.bytes(field.text);
        if (text.size() < 10 || text.size() > 40
            || !std::all_of(text.begin(), text.end(), [](char c) { return uchar(c) < 0x80; }))
            return LogicalType::Text;
        return textType(QLatin1StringView(text.data(), text.size()));
    }
    case Kind::Json:
    case Kind::Object:
        return LogicalType::Json;
    }
    return LogicalType::Text;
}

std::optional<LogicalType> ColumnTypePolicy::infer(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return std::nullopt;
    case QJsonValue::Bool:
        return LogicalType::Boolean;
    case QJsonValue::Double:
        return integerOf(value) ? LogicalType::Integer : LogicalType::Real;
    case QJsonValue::String:
        return textType(QStringView(value.toString()));
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
    case QJsonValue::Double:
        if (const auto i = integerOf(value))
            return QString::number(*i);
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
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
