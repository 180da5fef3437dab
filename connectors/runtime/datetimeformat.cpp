// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/datetimeformat.h"

#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

void appendDigits(QString &out, int value, int width)
{
    char buffer[12];
    for (int i = width - 1; i >= 0; --i) {
        buffer[i] = char('0' + value % 10);
        value /= 10;
    }
    out.append(QLatin1StringView(buffer, width));
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Reads `count` digits at `pos`; -1 when any of them is not a digit. For UTF-16 text and for the
// Latin-1 view of the bytes a page parser hands over.
template<typename View> int readDigits(View text, qsizetype pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = char16_t(text[pos + i].unicode());
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

std::optional<QDateTime> fromEpoch(double number)
{
    if (!std::isfinite(number) || number < 0)
        return std::nullopt;
    // 1e11 seconds is the year 5138 while 1e11 milliseconds is 1973: a safe split between the two.
    const qint64 ms = number >= 1e11 ? qint64(std::llround(number)) : qint64(std::llround(number * 1000.0));
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    if (!when.isValid())
        return std::nullopt;
    return when;
}

// One matcher for UTF-16 and for the Latin-1 bytes a page parser hands over.
template<typename View> bool canonical(View s)
{
    const auto at = [&s](qsizetype i) { return char16_t(s[i].unicode()); };
    if (s.size() != 24 || at(4) != u'-' || at(7) != u'-' || at(10) != u'T' || at(13) != u':' || at(16) != u':' || at(19) != u'.'
        || at(23) != u'Z')
        return false;
    if (readDigits(s, 0, 4) < 0 || readDigits(s, 20, 3) < 0)
        return false;
    const int month = readDigits(s, 5, 2), day = readDigits(s, 8, 2), hour = readDigits(s, 11, 2), minute = readDigits(s, 14, 2),
              second = readDigits(s, 17, 2);
    // The calendar decides the day: a 31 June or 29 February of a common year is no instant and
    // must go through the parser, which refuses it, instead of being stored as it came.
    return QDate::isValid(readDigits(s, 0, 4), month, day) && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59
        && second >= 0 && second <= 59;
}

} // namespace

QString DateTimeFormat::toIso(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    QString out;
    out.reserve(24);
    if (d.year() < 0 || d.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    appendDigits(out, d.year(), 4);
    out.append(u'-');
    appendDigits(out, d.month(), 2);
    out.append(u'-');
    appendDigits(out, d.day(), 2);
    out.append(u'T');
    appendDigits(out, t.hour(), 2);
    out.append(u':');
    appendDigits(out, t.minute(), 2);
    out.append(u':');
    appendDigits(out, t.second(), 2);
    out.append(u'.');
    appendDigits(out, t.msec(), 3);
    out.append(u'Z');
    return out;
}

bool DateTimeFormat::isCanonical(QStringView s)
{
    return canonical(s);
}

bool DateTimeFormat::isCanonical(QLatin1StringView s)
{
    return canonical(s);
}

std::optional<QDateTime> DateTimeFormat::parseIso(QStringView text)
{
    const QStringView s = text.trimmed();
    // YYYY-MM-DD
    const int year = readDigits(s, 0, 4), month = readDigits(s, 5, 2), day = readDigits(s, 8, 2);
    if (year < 0 || month < 0 || day < 0 || s.size() < 10 || s[4] != u'-' || s[7] != u'-')
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    if (s.size() == 10)
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    if (s[10] != u'T' && s[10] != u't' && s[10] != u' ')
        return std::nullopt;
    qsizetype pos = 11;
    const int hour = readDigits(s, pos, 2);
    if (hour < 0 || pos + 5 > s.size() || s[pos + 2] != u':')
        return std::nullopt;
    const int minute = readDigits(s, pos + 3, 2);
    if (minute < 0)
        return std::nullopt;
    pos += 5;
    int second = 0;
    int msec = 0;
    if (pos < s.size() && s[pos] == u':') {
        second = readDigits(s, pos + 1, 2);
        if (second < 0)
            return std::nullopt;
        pos += 3;
        if (pos < s.size() && (s[pos] == u'.' || s[pos] == u',')) {
            ++pos;
            int digits = 0;
            int fraction = 0;
            while (pos < s.size() && isDigit(s[pos])) {
                if (digits < 3) {
                    fraction = fraction * 10 + (s[pos].unicode() - u'0');
                    ++digits;
                }
                ++pos;
            }
            if (digits == 0)
                return std::nullopt;
            while (digits < 3) {
                fraction *= 10;
                ++digits;
            }
            msec = fraction; // truncated to milliseconds, like every provider's own SDKs do
        }
    }
    if (second == 60) // leap second: clamp rather than reject a real provider value
        second = 59;
    const QTime time(hour, minute, second, msec);
    if (!time.isValid())
        return std::nullopt;
    int offsetSeconds = 0;
    if (pos < s.size()) {
        const QChar sign = s[pos];
        if ((sign == u'Z' || sign == u'z') && pos + 1 == s.size()) {
            offsetSeconds = 0;
        } else if (sign == u'+' || sign == u'-') {
            const int oh = readDigits(s, pos + 1, 2);
            if (oh < 0)
                return std::nullopt;
            qsizetype p = pos + 3;
            int om = 0;
            if (p < s.size() && s[p] == u':')
                ++p;
            if (p < s.size()) {
                om = readDigits(s, p, 2);
                if (om < 0)
                    return std::nullopt;
                p += 2;
            }
            if (p != s.size() || oh > 23 || om > 59)
                return std::nullopt;
            offsetSeconds = (oh * 3600 + om * 60) * (sign == u'-' ? -1 : 1);
        } else {
            return std::nullopt;
        }
    }
    QDateTime utc(date, time, Qt::UTC);
    return utc.addSecs(-offsetSeconds);
}

std::optional<QDateTime> DateTimeFormat::parse(const QJsonValue &value)
{
    if (value.isDouble())
        return fromEpoch(value.toDouble());
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (!text.isEmpty() && std::all_of(text.cbegin(), text.cend(), isDigit))
        return fromEpoch(text.toDouble());
    if (text.startsWith(u"/Date(") || text.startsWith(u"\\/Date(")) {
        // Xero's .NET JSON dates: /Date(1573755038314)/ or /Date(1539993600000+0000)/ (slashes maybe
        // escaped). The milliseconds are UTC already; the offset only says where the value was entered.
        static const QRegularExpression dotNet(u"^\\\\?/Date\\((-?[0-9]{1,15})([+-][0-9]{4})?\\)\\\\?/$"_s);
        const auto match = dotNet.match(text);
        if (!match.hasMatch())
            return std::nullopt;
        return QDateTime::fromMSecsSinceEpoch(match.captured(1).toLongLong(), Qt::UTC);
    }
    return parseIso(text);
}

std::optional<QDateTime> DateTimeFormat::parseHttpDate(QStringView text)
{
    // The weekday is redundant and Qt would reject a two-digit-year date whose weekday belongs to
    // another century, so it is dropped before parsing.
    QString s = text.trimmed().toString().simplified();
    const qsizetype space = s.indexOf(u' ');
    if (space < 0)
        return std::nullopt;
    const QStringList parts = s.mid(space + 1).split(u' ');
    // The date and the time are read apart and joined in UTC: read together, Qt would take them as
    // a local wall time, which does not exist in a daylight-saving gap of the machine's zone.
    // IMF-fixdate first (what every current server sends), then the two obsolete forms RFC 9110 keeps.
    const QLocale c = QLocale::c();
    QDate date;
    QString time;
    if (parts.size() == 5 && parts.at(4) == u"GMT") {
        date = c.toDate(parts.mid(0, 3).join(u' '), u"dd MMM yyyy"_s);
        time = parts.at(3);
    } else if (parts.size() == 3 && parts.at(2) == u"GMT") {
        date = c.toDate(parts.at(0), u"dd-MMM-yy"_s);
        if (date.isValid() && date.year() < 1970)
            date = date.addYears(100);
        time = parts.at(1);
    } else if (parts.size() == 4) {
        date = c.toDate(parts.at(0) + u' ' + parts.at(1) + u' ' + parts.at(3), u"MMM d yyyy"_s);
        time = parts.at(2);
    }
    const QTime clock = QTime::fromString(time, u"HH:mm:ss"_s);
    if (!date.isValid() || !clock.isValid())
        return std::nullopt;
    return QDateTime(date, clock, Qt::UTC);
}

bool DateTimeFormat::isKnownFormat(QStringView format)
{
    return format.isEmpty() || format == u"iso" || format == u"iso_seconds" || format == u"iso_micro" || format == u"epoch_ms"
        || format == u"epoch_s" || format == u"date";
}

QString DateTimeFormat::format(const QDateTime &when, QStringView format)
{
    const QDateTime utc = when.toUTC();
    if (format.isEmpty() || format == u"iso")
        return toIso(utc);
    if (format == u"iso_seconds")
        return utc.toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
    if (format == u"iso_micro")
        return utc.toString(u"yyyy-MM-ddTHH:mm:ss.zzz'000Z'"_s);
    if (format == u"epoch_ms")
        return QString::number(utc.toMSecsSinceEpoch());
    if (format == u"epoch_s")
        return QString::number(utc.toSecsSinceEpoch());
    if (format == u"date")
        return utc.toString(u"yyyy-MM-dd"_s);
    return {};
}

} // namespace Opbox
