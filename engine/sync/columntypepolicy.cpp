// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sync/columntypepolicy.h"

#include <QLocale>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// Hand-written matchers: a regular expression per value would dominate the sync's hot path. Dates
// are ASCII, so they read the text's UTF-8 bytes.
bool digits(QByteArrayView s, qsizetype from, qsizetype count)
{
    if (from + count > s.size())
        return false;
    for (qsizetype i = from; i < from + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
    }
    return true;
}

int number(QByteArrayView s, qsizetype from, qsizetype count)
{
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i)
        v = v * 10 + (s[i] - '0');
    return v;
}

// `YYYY-MM-DD` with a valid month and day.
bool datePart(QByteArrayView s)
{
    if (s.size() < 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2))
        return false;
    const int month = number(s, 5, 2);
    const int day = number(s, 8, 2);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH[:]MM]` (a space instead of `T` is accepted).
bool isoDateTime(QByteArrayView s)
{
    if (s.size() < 16 || !datePart(s) || (s[10] != 'T' && s[10] != ' '))
        return false;
    if (!digits(s, 11, 2) || s[13] != ':' || !digits(s, 14, 2))
        return false;
    if (number(s, 11, 2) > 23 || number(s, 14, 2) > 59)
        return false;
    qsizetype i = 16;
    if (i < s.size() && s[i] == ':') {
        if (!digits(s, i + 1, 2) || number(s, i + 1, 2) > 60)
            return false;
        i += 3;
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            const qsizetype start = ++i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9')
                ++i;
            if (i == start || i - start > 9)
                return false;
        }
    }
    if (i == s.size())
        return true;
    if (s[i] == 'Z')
        return i + 1 == s.size();
    if (s[i] != '+' && s[i] != '-')
        return false;
    ++i;
    if (!digits(s, i, 2))
        return false;
    i += 2;
    if (i < s.size() && s[i] == ':')
        ++i;
    return digits(s, i, 2) && i + 2 == s.size();
}

} // namespace

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
    case Kind::Null: return std::nullopt;
    case Kind::Bool: return LogicalType::Boolean;
    case Kind::Integer: return LogicalType::Integer;
    case Kind::Real: return integral(field.real) ? LogicalType::Integer : LogicalType::Real;
    case Kind::String: {
        // The matchers take only ASCII digits and separators, so other text never passes them.
        const QByteArrayView text = batch.bytes(field.text);
        if (text.size() == 10 && datePart(text))
            return LogicalType::Date;
        if (text.size() >= 16 && text.size() <= 40 && isoDateTime(text))
            return LogicalType::DateTime;
        return LogicalType::Text;
    }
    case Kind::Json:
    case Kind::Object: return LogicalType::Json;
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

QString ColumnTypePolicy::toText(const RecordBatch::Field &scalar)
{
    switch (scalar.kind) {
    case RecordBatch::Kind::Bool: return scalar.boolean ? u"true"_s : u"false"_s;
    case RecordBatch::Kind::Integer: return QString::number(scalar.integer);
    case RecordBatch::Kind::Real:
        if (const auto i = integral(scalar.real))
            return QString::number(*i);
        return QString::number(scalar.real, 'g', QLocale::FloatingPointShortest);
    case RecordBatch::Kind::Null:
    case RecordBatch::Kind::String:
    case RecordBatch::Kind::Json:
    case RecordBatch::Kind::Object: break;
    }
    return {};
}

} // namespace Opbox
