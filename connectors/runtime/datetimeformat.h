// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace Opbox {

/**
 * Parses the date-time shapes providers send (ISO-8601 with 0–9 fractional digits and any offset,
 * epoch seconds or milliseconds as numbers or digit strings, HTTP dates) and writes the one shape
 * Opbox stores: ISO-8601 UTC with milliseconds, `2024-06-01T10:00:00.000Z`.
 */
class DateTimeFormat
{
public:
    /** The canonical text of `when` (converted to UTC). */
    [[nodiscard]] static QString toIso(const QDateTime &when);
    /** True when `text` already is canonical, so the hot path can skip parsing. */
    [[nodiscard]] static bool isCanonical(QStringView text);
    [[nodiscard]] static bool isCanonical(QLatin1StringView text);
    /** ISO-8601 text; a value without offset is UTC (never the machine's local zone). */
    [[nodiscard]] static std::optional<QDateTime> parseIso(QStringView text);
    /** Any provider date-time: ISO text, digit strings or numbers (>= 1e11 means milliseconds). */
    [[nodiscard]] static std::optional<QDateTime> parse(const QJsonValue &value);
    /** RFC 9110 HTTP-date (IMF-fixdate, RFC 850 or asctime), as in `Retry-After`. */
    [[nodiscard]] static std::optional<QDateTime> parseHttpDate(QStringView text);
    /**
     * `when` in a request format: `iso` (canonical), `iso_seconds` (`2025-06-01T00:00:00Z`),
     * `iso_micro`, `epoch_ms`, `epoch_s` or `date`; empty for an unknown format.
     */
    [[nodiscard]] static QString format(const QDateTime &when, QStringView format);
    [[nodiscard]] static bool isKnownFormat(QStringView format);
};

} // namespace Opbox
